"""Issue 14, silent errors on annex dumps: a share a count's reading explains says little of
which figure is wrong. 100% makes its two counts equal, so either may be the one misread (both
are queued); a whole percentage holds under many readings, so it is queued beside them."""

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow


def stat(code: str, indicator: str, unit: str, raw: str) -> StatRow:
    return StatRow(code=code, indicator=indicator, unit=unit, value=float(raw.replace(",", ".")), value_raw=raw)


def queued(*rows: StatRow) -> set[str]:
    result = ExtractionResult(
        source=SourceInfo(method="text", read_by_ocr=True), statistics=[StatAnnex(rows=list(rows))]
    )
    reconcile(result)
    return {rows[int(r.item.rsplit("/", 1)[1])].code or "" for r in result.review if r.item.startswith("/statistics/")}


def test_a_full_share_of_counts_read_apart_queues_both_counts():
    assert {"5", "5.1"} <= queued(
        stat("5", "Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận", "Phản ánh", "12"),
        stat("5.1", "Số phản ánh, kiến nghị đã xử lý", "Phản ánh", "2"),
        stat("5.2", "Số phản ánh, kiến nghị đang xử lý", "Phản ánh", "0"),
        stat("5.3", "Tỷ lệ phản ánh, kiến nghị được xử lý", "%", "100"),
        # a line under them read as no row (its code inferred): the group's sum is not sure
        StatRow(code="5.4", indicator="", unit="", value=None, value_raw="", flags=["code_inferred", "missing_value"]),
    )
