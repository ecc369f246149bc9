"""A share of counts its label joins ("trước hạn và đúng hạn": the sum of two counts over their
whole) that holds to its printed decimals vouches for those counts and the whole, as a share of
one pair does: an OCR dump's rows read unsurely (columns inferred, confidence 0.7) leave the queue
when it holds, and stay in it when it does not."""

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, StatAnnex
from test_reconcile_ratios import stat as annex_row


def stat(code, indicator, unit, value, raw, *flags):
    # a dump's annex row: its columns inferred from the text, read at the segmenter's 0.7
    return annex_row(code, indicator, unit, value, raw, confidence=0.7, flags=["columns_inferred", *flags])


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


def test_a_label_whose_join_lost_its_marks_still_joins():
    """A scan's label "trước han va đúng han" (OCR dropped the marks of "và"): the share is of
    the two counts' sum all the same, so it holds, not a mismatch against one pair."""
    rows = [
        stat("4.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", 506.0, "506"),
        stat("4.1.a", "Giải quyết trước hạn", "Hồ sơ", 368.0, "368"),
        stat("4.1.b", "Giai quyết đúng hạn", "Hồ sơ", 126.0, "126"),
        stat("4.1.c", "Giải quyết quá hạn", "Hồ sơ", 12.0, "12"),
        stat("4.2", "Tỷ lê hồ sơ giải quyết trước han va đúng han", "%", 97.63, "97,63"),
    ]
    result = ExtractionResult(
        source=SourceInfo(method="ocr", read_by_ocr=True), statistics=[StatAnnex(annex="Phụ lục 1", rows=rows)]
    )
    reconcile(result)
    assert [c.status for c in result.checks if c.kind == "ratio"] == ["ok"]
    assert not {r.code for r in result.review} & {"4.1", "4.1.a", "4.1.b", "4.2"}
