"""An OCR'd annex's relations when some of their figures were lost (issue 14): a total, a share
of counts its label joins or of a whole broken down above it, each with a part OCR did not read,
fails no relation on the parts read and queues no right figure for it; a share over 100% fails
alone; 100% of a count equal to its whole vouches for both. Rows modelled on seed 497's annex
dumps (d07-i2, i7, i8), figures changed."""

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow


def row(code: str, indicator: str, unit: str, raw: str, confidence: float = 1.0, flags=()) -> StatRow:
    value = float(raw.replace(",", ".")) if raw else None
    return StatRow(
        code=code,
        indicator=indicator,
        unit=unit,
        value=value,
        value_raw=raw,
        confidence=confidence,
        flags=list(flags) or (["missing_value"] if not raw else []),
    )


def reconciled(*rows: StatRow) -> ExtractionResult:
    result = ExtractionResult(
        source=SourceInfo(method="text", read_by_ocr=True), statistics=[StatAnnex(rows=list(rows))]
    )
    reconcile(result)
    return result


def codes_queued(result: ExtractionResult) -> set[str]:
    rows = result.statistics[0].rows
    return {rows[int(r.item.rsplit("/", 1)[1])].code or "" for r in result.review if r.item.startswith("/statistics/")}


def statuses(result: ExtractionResult, kind: str) -> dict[str, str]:
    return {c.code or "": c.status for c in result.checks if c.kind == kind}


def test_a_part_that_lost_its_figure_and_unit_is_a_blank_part_of_its_total():
    # "3.1 … )MGSU Ô d5" lost "405 Hồ sơ": 482 against 3.2's 77 alone was a false fault
    result = reconciled(
        row("3", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "530"),
        row("3.1", "Số hồ sơ tiếp nhận trực tuyến )MGSU", "", "", 0.7),
        row("3.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "61"),
    )
    assert statuses(result, "total_parts") == {"3": "skipped"}
    assert codes_queued(result) == {"3.1"}


def test_a_share_over_100_fails_alone():
    # "84,02" read 84025117 (the mark lost): the counts it cannot be a share of are not doubted
    result = reconciled(
        row("3", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "530"),
        row("3.1", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "", 0.7),
        row("3.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "61"),
        row("3.3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "88495117", flags=["percent_over_100"]),
    )
    assert statuses(result, "ratio")["3.3"] != "ok"
    assert codes_queued(result) == {"3.1", "3.3"}


def test_a_share_of_joined_counts_one_unread_is_not_checked():
    # "Tỷ lệ … trước hạn và đúng hạn" is (4.1 + 4.2) / 4; 4.1 lost: no pair read can fail it
    result = reconciled(
        row("4", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "310"),
        row("4.1", "Giải quyết trước hạn", "", "", 0.7),
        row("4.2", "Giải quyết đúng hạn", "Hồ sơ", "64"),
        row("4.3", "Giải quyết quá hạn", "Hồ sơ", "", 0.7),
        row("4.4", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "99,68"),
    )
    assert statuses(result, "ratio") == {"4.4": "skipped"}
    assert codes_queued(result) == {"4.1", "4.3"}
    # without the joining word the pair read is still the share's, and its failure is told
    rows = result.statistics[0].rows
    rows[4].indicator = "Tỷ lệ hồ sơ giải quyết đúng hạn"
    assert "4.4" in codes_queued(reconciled(*rows))


def test_a_lost_part_of_a_whole_broken_down_above_a_share_is_told_by_its_sum():
    # the group's own row "2" lost: "1" above is no sibling of "2.2"; 2.1.a = 120 - 24 - 3 = 93,
    # 93/120 = 77,5%
    result = reconciled(
        row("1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "9"),
        row("2.1", "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết", "Thủ tục", "120"),
        row("2.1.a", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "", 0.7),
        row("2.1.b", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "24"),
        row("2.1.c", "Số TTHC chỉ cung cấp thông tin", "Thủ tục", "3"),
        row("2.2", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "%", "77,50"),
    )
    assert statuses(result, "ratio") == {"2.2": "ok"}
    assert codes_queued(result) == {"2.1.a"}
    told = [r for r in result.review if r.item == "/statistics/0/rows/2"]
    assert told and told[0].alternatives == [93.0]


def test_100_percent_of_equal_counts_vouches_for_both():
    def annex(raw: str) -> ExtractionResult:
        return reconciled(
            row("6", "Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận", "Phản ánh", raw, 0.7),
            row("6.1", "Số phản ánh, kiến nghị đã xử lý", "Phản ánh", raw, 0.7),
            row("6.2", "Số phản ánh, kiến nghị đang xử lý", "Phản ánh", "", 0.7),
            row("6.3", "Tỷ lệ phản ánh, kiến nghị được xử lý", "%", "100", 0.7),
        )

    result = annex("14")
    assert codes_queued(result) == {"6.2"}
    assert all(r.value_confidence["value"] > 0.9 for r in result.statistics[0].rows[:2])
    # a pair read one way of two ("3,887": 3887 or 3.887) is not settled by its share
    rows = result.statistics[0].rows
    for r in rows[:2]:
        r.flags.append("ambiguous_separator")
    again = reconciled(*rows)
    assert all(r.value_confidence["value"] < 0.8 for r in again.statistics[0].rows[:2])


def test_two_counts_of_a_group_whose_row_was_lost_are_no_certain_pair():
    # "4 Số nhiệm vụ trong Kế hoạch 30" read as "3.4" without its figure: 4.3 is 26/30, not 4/26
    result = reconciled(
        row("3", "Số cán bộ, công chức cấp xã", "Người", "18"),
        row("3.1", "Số cán bộ, công chức đạt chuẩn", "Người", "15"),
        row("3.4", "Số nhiệm vụ trong Kế hoạch CCHC năm", "Nhiệm vụ", "", 0.7),
        row("4.1", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "26"),
        row("4.2", "Số nhiệm vụ chưa hoàn thành", "Nhiệm vụ", "4"),
        row("4.3", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", "86,67"),
    )
    assert statuses(result, "ratio") == {"4.3": "skipped"}
    assert "4.3" not in codes_queued(result)


def test_a_share_whose_whole_printed_no_figure_doubts_the_parts_read_beside_it():
    # "6 Người "25": the whole's figure lost, 6.1's "23" read 25: 92% is 6.1 / 6, not 6.2 / 6.1
    result = reconciled(
        row("6", "Số cán bộ, công chức cấp xã", "Người", "", 0.7),
        row("6.1", "Số cán bộ, công chức đạt chuẩn", "Người", "25"),
        row("6.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", "2"),
        row("6.3", "Tỷ lệ cán bộ, công chức đạt chuẩn", "%", "92"),
    )
    assert statuses(result, "ratio") == {"6.3": "misread"}
    assert {"6", "6.3"} <= codes_queued(result)
    # the whole read, the same share against its parts is the commune's fault, told as before
    rows = result.statistics[0].rows
    rows[0].value, rows[0].value_raw, rows[0].unit, rows[0].flags = 27.0, "27", "Người", []
    rows[3].value, rows[3].value_raw = 12.0, "12"
    assert statuses(reconciled(*rows), "ratio") == {"6.3": "mismatch"}


def test_a_heading_above_a_share_is_no_lost_whole():
    # "2 Kết quả giải quyết hồ sơ" prints neither unit nor figure: the share below is of the
    # breakdown above it, and its failure is the commune's
    heading = row("2", "Kết quả giải quyết hồ sơ thủ tục hành chính", "", "")
    heading.flags = []  # no figure told lost: a heading's
    result = reconciled(
        heading,
        row("2.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "384"),
        row("2.1.a", "Giải quyết trước hạn", "Hồ sơ", "193"),
        row("2.1.b", "Giải quyết đúng hạn", "Hồ sơ", "187"),
        row("2.1.c", "Giải quyết quá hạn", "Hồ sơ", "4"),
        row("2.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "95,31"),
    )
    # (the share is of the counts its label names, (193 + 187) / 384 = 98,96: a printed 93,96 would be
    # one look-alike from it, '3' for '8', and so OCR's misreading, not the commune's; 95,31 is none)
    assert statuses(result, "ratio") == {"2.2": "mismatch"}


def test_a_share_over_100_on_an_ocr_dump_is_read_back_and_queued():
    # "94,4" read 944 (the mark lost): its counts make 94,4% of the one place for the mark
    # (share_readings), so that reading is taken, checked with its one decimal, and queued
    result = reconciled(
        row("3", "Số cán bộ, công chức cấp xã", "Người", "18"),
        row("3.1", "Số cán bộ, công chức đạt chuẩn", "Người", "17"),
        row("3.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", "1"),
        row("3.3", "Tỷ lệ cán bộ, công chức đạt chuẩn", "%", "944"),
    )
    assert statuses(result, "ocr_reading")["3.3"] == "repaired"
    assert statuses(result, "ratio")["3.3"] == "ok"
    assert result.statistics[0].rows[3].value == 94.4
    assert "3.3" in codes_queued(result)
