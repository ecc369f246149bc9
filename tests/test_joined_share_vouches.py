"""A share of counts its label joins ("trước hạn và đúng hạn": the sum of two counts over their
whole) that holds to its printed decimals vouches for those counts and the whole, as a share of
one pair does: an OCR dump's rows read unsurely (columns inferred, confidence 0.7) leave the queue
when it holds, and stay in it when it does not."""

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, SourceRef, StatAnnex, StatRow


def stat(code, indicator, unit, value, raw, *flags):
    return StatRow(
        code=code,
        indicator=indicator,
        unit=unit,
        value=value,
        value_raw=raw,
        level=code.count(".") + 1,
        confidence=0.7,
        flags=["columns_inferred", *flags],
        source=SourceRef(page=2),
    )


def queued(percent: float, raw: str) -> set[str | None]:
    rows = [
        stat("4", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", 261.0, "261"),
        stat("4.1", "Giải quyết trước hạn", "Hồ sơ", 134.0, "134"),
        stat("4.2", "Giải quyết đúng hạn", "Hồ sơ", 126.0, "126"),
        # its figure lost by OCR: the group's sum cannot vouch for its parts
        stat("4.3", "Giải quyết quá hạn", "Hồ sơ", None, "", "missing_value"),
        stat("4.4", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", percent, raw),
    ]
    # a text file that is an OCR dump: its figures were made by OCR, with no word confidence
    result = ExtractionResult(
        source=SourceInfo(method="text", read_by_ocr=True), statistics=[StatAnnex(annex="Phụ lục 1", rows=rows)]
    )
    reconcile(result)
    return {r.code for r in result.review}


def test_a_joined_share_that_holds_vouches_for_its_counts():
    # (134 + 126) / 261 = 99,6169%: printed 99,62
    assert not {"4", "4.1", "4.2"} & queued(99.62, "99,62")


def test_a_joined_share_that_fails_vouches_for_nothing():
    assert {"4", "4.1", "4.2"} <= queued(93.62, "93,62")
