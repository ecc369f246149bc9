"""Reconciliation checks on records built from the seeds' real values, each both ways: the
seed's own consistent relation passes, the seed's real fault (or a planted one) is flagged."""

import copy

import pytest

from cchc_extract.reconcile import fraction_percents, reconcile
from schemas import schema_errors
from schemas.records import (
    Count,
    CountPart,
    ExtractionResult,
    ScoreRow,
    ScoreStatement,
    ScoreTable,
    SourceRef,
    StatAnnex,
    StatRow,
    reasons_of,
    to_dict,
)


def by_kind(result, kind, status=None):
    return [c for c in result.checks if c.kind == kind and (status is None or c.status == status)]


def mismatches(result):
    return [c for c in result.checks if c.status == "mismatch"]


# --------------------------------------------------------------------- seed 003: OCR'd score table


def row(code, max_points, self_points, level=None, parent=None, **kw):
    if level is None:
        level = 0 if code.isalpha() else code.count(".") + 1
    return ScoreRow(
        code=code,
        level=level,
        parent=parent,
        max_points=max_points,
        self_points=self_points,
        source=SourceRef(page=4),
        **kw,
    )


def ngoc_ky_section_3():
    """Section 3 (cải cách TTHC) of seed 003 as read: 3.3's self score came out as "35"."""
    return [
        row("3", 18.5, 17.1),
        row("3.1", 3, 2.5),
        row("3.1.1", 1, 1),
        row("3.1.2", 1, 1),
        row("3.1.3", 1, 0.5),
        row("3.2", 3, 3),
        row("3.2.1", 1, 1),
        row("3.2.2", 1, 1),
        row("3.2.3", 1, 1),
        row("3.3", 3.5, 35, self_points_raw="35", alternatives={"self_points": [3.5, 0.35]}),
        row("3.3.1", 1, 1),
        row("3.3.2", 0.5, 0.5),
        row("3.3.3", 1, 1),
        row("3.3.4", 1, 1),
        row("3.4", 1, 1),
        row("3.4.1", 0.5, 0.5),
        row("3.4.2", 0.5, 0.5),
        row("3.5", 4, 3.8),
        row("3.5.1", 1, 1),
        row("3.5.2", 0.5, 0.5),
        row("3.5.3", 0.5, 0.3, explanation="7/671 =0,89%"),
        row("3.5.4", 1, 1),
        row("3.5.5", 1, 1),
        row("3.6", 2.5, 1.8),
        row("3.6.1", 0.75, 0.75, explanation="1664/664 = 100% ho so TTHC duge thye hi¢n"),
        row("3.6.2", 0.75, 0.3),
        row("3.6.3", 0.5, 0.5),
        row("3.6.4", 0.5, 0.25),
        row("3.7", 1.5, 1.5),
        row("3.7.1", 1, 1),
        row("3.7.2", 0.5, 0.5),
    ]


def score_result(rows, **table_kw):
    return ExtractionResult(score_tables=[ScoreTable(title="Chỉ số CCHC", rows=rows, **table_kw)])


def test_ocr_reading_restores_the_sums_and_is_repaired():
    result = score_result(ngoc_ky_section_3())
    reconcile(result)
    r33 = result.score_tables[0].rows[9]
    assert r33.self_points == 3.5 and r33.self_points_raw == "35" and "repaired_self_points" in r33.flags
    repaired = by_kind(result, "ocr_reading", "repaired")
    assert [(c.code, c.expected, c.actual) for c in repaired] == [("3.3", 3.5, 35)]
    # With 3.5 every sum of the section holds: 3.3 = its children, 3 = its criteria.
    sums = {(c.code, c.field): c.status for c in by_kind(result, "sum_self") + by_kind(result, "sum_children")}
    assert sums[("3.3", "self_points")] == "ok" and sums[("3", "self_points")] == "ok"
    assert sums[("3", "max_points")] == "ok"
    assert not by_kind(result, "self_le_max")
    assert any(r.item == "/score_tables/0/rows/9" and r.field == "self_points" and r.raw == "35" for r in result.review)
    assert schema_errors(to_dict(result)) == []


def test_lost_decimal_reading_found_without_alternatives():
    rows = ngoc_ky_section_3()
    rows[9].alternatives = {}
    result = score_result(rows)
    reconcile(result)
    assert result.score_tables[0].rows[9].self_points == 3.5


def test_clearly_read_value_is_never_changed_to_force_a_sum():
    rows = ngoc_ky_section_3()
    rows[20].self_points = 0.5  # 3.5.3 read clearly as 0.5: the sum of 3.5 (3.8) breaks
    result = score_result(rows)
    reconcile(result)
    assert result.score_tables[0].rows[20].self_points == 0.5
    bad = [(c.kind, c.code) for c in mismatches(result) if c.kind == "sum_self"]
    assert ("sum_self", "3.5") in bad
    check = next(c for c in by_kind(result, "sum_self") if c.code == "3.5")
    assert check.expected == 4 and check.actual == 3.8 and check.tolerance == 0.011
    # Typed text prints what it prints: the broken sum is one fault of the document, one entry on
    # the figure it states (3.5's 3.8, though section 3's sum vouches for it), whose message names
    # the parts; not one entry per sub-criterion.
    sum_reasons = {c.message for c in by_kind(result, "sum_self", "mismatch")}
    assert {r.item for r in result.review if sum_reasons & set(reasons_of(r))} == {"/score_tables/0/rows/17"}


def test_review_goes_to_the_value_where_failed_sums_cross():
    """3.3's self changed to 3 (its sub-criteria make 3.5, the section's 17.1 needs 3.5): both its
    sums fail, it alone is reviewed."""
    rows = ngoc_ky_section_3()
    rows[9].self_points, rows[9].self_points_raw, rows[9].alternatives = 3, "3", {}
    result = score_result(rows)
    reconcile(result)
    assert {(c.kind, c.code) for c in mismatches(result) if c.kind == "sum_self"} == {
        ("sum_self", "3"),
        ("sum_self", "3.3"),
    }
    sum_reasons = {c.message for c in by_kind(result, "sum_self", "mismatch")}
    assert {r.item for r in result.review if sum_reasons & set(reasons_of(r))} == {"/score_tables/0/rows/9"}


def test_impossible_score_with_one_fitting_reading_is_repaired():
    # Rendered scan of a score table: 2.2's self "15" under max 2, its parent's self blank.
    rows = [
        row("2", 6, None),
        row("2.1", 2, 2),
        row("2.2", 2, 15, self_points_raw="15", alternatives={"self_points": [1.5]}),
        row("2.3", 2, 2),
    ]
    result = score_result(rows)
    reconcile(result)
    assert result.score_tables[0].rows[2].self_points == 1.5
    assert not mismatches(result)


def test_ambiguous_readings_are_not_chosen():
    rows = [
        row("1", 2, 2),
        row("1.1", 1, 1),
        row("1.2", 1, 10, self_points_raw="10", alternatives={"self_points": [1.0, 0.1]}),
    ]
    rows[0].self_points = None  # nothing to tell 1.0 from 0.1 but the bound: both fit under max 1
    result = score_result(rows)
    reconcile(result)
    assert result.score_tables[0].rows[2].self_points == 10
    # Self 10 over max 1 is explained by either reading: a misreading of ours, not the commune's
    # fault; the value goes to review with both readings.
    assert by_kind(result, "self_le_max", "misread") and not mismatches(result)
    item = next(r for r in result.review if r.item == "/score_tables/0/rows/2" and r.alternatives)
    assert item.field == "self_points" and item.raw == "10" and item.alternatives == [1, 0.1]


def test_max_points_of_children_and_self_le_max():
    rows = [row("1.1", 2.5, 2.5), row("1.1.1", 0.5, 0.5), row("1.1.2", 1, 1), row("1.1.3", 1, 1)]
    result = score_result(copy.deepcopy(rows))
    reconcile(result)
    assert [c.status for c in by_kind(result, "sum_children")] == ["ok"]
    assert not mismatches(result)
    rows[0].max_points = rows[0].self_points = 3
    rows[3].self_points = 1.5
    result = score_result(rows)
    reconcile(result)
    assert {(c.kind, c.code) for c in mismatches(result)} == {("sum_children", "1.1"), ("self_le_max", "1.1.3")}


def test_blank_sub_scores_only_bound_the_sum():
    # 1.6 of seed 003 (max 1 = 0.25 + 0.25 + 0.5) with one sub-score blank: parts that make the
    # whole are fine, parts short of it cannot be judged...
    rows = [row("1.6", 1, 0), row("1.6.1", 0.25, 0), row("1.6.2", 0.25, None), row("1.6.3", 0.5, 0)]
    result = score_result(copy.deepcopy(rows))
    reconcile(result)
    assert [c.status for c in by_kind(result, "sum_self")] == ["ok"]
    rows[0].self_points = 0.25
    result = score_result(copy.deepcopy(rows))
    reconcile(result)
    assert [c.status for c in by_kind(result, "sum_self")] == ["skipped"]
    # ...but parts above the whole are wrong whatever the blank holds.
    rows[3].self_points = 0.5
    result = score_result(rows)
    reconcile(result)
    assert [c.status for c in by_kind(result, "sum_self")] == ["mismatch"]


def test_stated_total_against_sections():
    rows = [row("I", 74, 71.2), row("II", 26, None)]
    result = score_result(copy.deepcopy(rows), stated_total_max=100)
    reconcile(result)
    assert [(c.field, c.status) for c in by_kind(result, "stated_total")] == [("max_points", "ok")]
    result = score_result(rows, stated_total_max=90)
    reconcile(result)
    assert [c.status for c in by_kind(result, "stated_total")] == ["mismatch"]


def test_score_explanation_ratios():
    result = score_result(ngoc_ky_section_3())
    reconcile(result)
    ratios = {c.code: c for c in by_kind(result, "text_ratio")}
    assert ratios["3.5.3"].status == "mismatch"  # 7/671 = 1,04%, not 0,89%
    assert ratios["3.5.3"].expected == pytest.approx(1.0432, abs=1e-4) and ratios["3.5.3"].actual == 0.89
    assert ratios["3.6.1"].status == "repaired"  # "|664/664" read as 1664/664
    assert any(r.item == "/score_tables/0/rows/20" and r.field == "explanation" for r in result.review)


# --------------------------------------------------------------------- seed 002: statistics annexes


def stat(code, indicator, unit="", value=None, value_raw=None, **kw):
    raw = value_raw if value_raw is not None else ("" if value is None else str(value))
    return StatRow(
        code=code,
        indicator=indicator,
        unit=unit,
        value=value,
        value_raw=raw,
        level=code.rstrip(".").count(".") + 1,
        source=SourceRef(page=12),
        **kw,
    )


def phu_luc_2():
    return StatAnnex(
        annex="Phụ lục 2",
        rows=[
            stat("1.", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", 13),
            stat("2.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", "%", 78.94, "78,94%"),
            stat("2.1", "Số nhiệm vụ đề ra trong kế hoạch", "Nhiệm vụ", 19),
            stat("2.2", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 15),
            stat("7.", "Khảo sát sự hài lòng của người dân, tổ chức", "Có = 1; Không = 0", 1),
            stat("7.1.", "Số lượng phiếu khảo sát", "Số lượng", 276),
            stat("7.2.", "Hình thức khảo sát", "Trực tuyến = 0 Phát phiếu = 1 Kết hợp = 2", 2),
        ],
    )


def phu_luc_8():
    return StatAnnex(
        annex="Phụ lục 8",
        rows=[
            stat(
                "1.",
                "Cập nhật Kiến trúc chính quyền điện tử phiên bản mới nhất",
                "Chưa = 0 Hoàn thành = 1",
                1,
                allowed_values={"Chưa": 0, "Hoàn thành": 1},
            ),
            stat("2.", "Xây dựng và vận hành Hệ thống họp trực tuyến", "Chưa có = 0 2 cấp = 1 3 cấp = 2", 3),
            stat(
                "4.",
                "Triển khai xây dựng nền tảng chia sẻ, tích hợp dùng chung (LGSP).",
                "Chưa = 0 Đang làm = 1 Hoàn thành = 2",
                1,
            ),
            stat("5.2.", "Tỷ lệ sử dụng văn bản điện tử của địa phương", "%", 100),
            stat("5.2.3", "Tỷ lệ sử dụng văn bản điện tử của UBND cấp xã", "%", 100),
            stat("6.1.", "Tỷ lệ TTHC đủ điều kiện được cung cấp trực tuyến mức độ 3", "%", 100),
            stat("6.1.1.", "Tổng số TTHC đủ điều kiện cung cấp trực tuyến mức độ 3", "Thủ tục", 79),
            stat("6.1.2.", "Số TTHC đang cung cấp trực tuyến mức độ 3", "Thủ tục", 79),
            stat("6.1.3.", "Số TTHC đang cung cấp trực tuyến mức độ 3 có phát sinh hồ sơ nộp trực tuyến", "Thủ tục", 6),
            stat("6.4.", "Tỷ lệ hồ sơ TTHC được tiếp nhận trực tuyến mức độ 3 và 4", "%", 70.1, "70,1"),
            stat("6.4.1.", "Tổng số hồ sơ TTHC đã tiếp nhận (cả trực tiếp và trực tuyến)", "Hồ sơ", 281),
            stat("6.4.2.", "Số hồ sơ TTHC đã tiếp nhận trực tuyến", "Hồ sơ", 197),
        ],
    )


def phu_luc_4():
    return StatAnnex(
        annex="Phụ lục 4",
        rows=[
            stat("1.4.", "Tổng số TTHC thuộc thẩm quyền giải quyết tại địa phương", "Thủ tục", 137),
            stat("1.4.1.", "Số TTHC cấp tỉnh (Bao gồm cả TTHC của cơ quan ngành đọc)", "Thủ tục"),
            stat("1.4.2.", "Số TTHC cấp huyện (Bao gồm cả TTHC của cơ quan ngành đọc)", "Thủ tục"),
            stat("1.4.3.", "Số TTHC cấp xã (Bao gồm cả TTHC của cơ quan ngành đọc)", "Thủ tục", 137),
            stat("3.1.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ"),
            stat("3.3.", "Tỷ lệ hồ sơ TTHC do UBND cấp xã tiếp nhận được giải quyết đúng hạn", "%", 100),
            stat("3.3.1.", "Tổng số hồ sơ TTHC đã giải quyết xong", "Hồ sơ", 276),
            stat("3.3.2.", "Số hồ sơ TTHC giải quyết đúng hạn", "Hồ sơ", 276),
        ],
    )


def huong_son():
    return ExtractionResult(
        statistics=[phu_luc_2(), phu_luc_4(), phu_luc_8()],
        counts=[
            Count(
                text="Tổng số hồ sơ đã giải quyết là 276 hồ sơ, trong đó: trước hạn là 256 hồ sơ, "
                "đúng hạn là 20 hồ sơ, "
                "trễ hạn là 00 hồ sơ.",
                label="hồ sơ đã giải quyết",
                total=276,
                unit="hồ sơ",
                parts=[CountPart("trước hạn", 256), CountPart("đúng hạn", 20), CountPart("trễ hạn", 0)],
            ),
            Count(
                text="đã hoàn thành 15/19 nhiệm vụ mà kế hoạch đã đề ra từ đầu năm (đạt 78,94%)",
                label="nhiệm vụ đã hoàn thành",
                total=15,
                unit="nhiệm vụ",
            ),
        ],
    )


def test_huong_son_seed_flags_only_the_out_of_legend_code():
    result = huong_son()
    reconcile(result)
    assert [(c.kind, c.table, c.code, c.actual) for c in mismatches(result)] == [("allowed_code", "Phụ lục 8", "2.", 3)]
    ratios = {(c.table, c.code): c.status for c in by_kind(result, "ratio")}
    assert ratios == {
        ("Phụ lục 2", "2."): "ok",
        ("Phụ lục 8", "6.1."): "ok",
        ("Phụ lục 8", "6.4."): "ok",
        ("Phụ lục 4", "3.3."): "ok",
    }
    totals = {c.code: c.status for c in by_kind(result, "total_parts")}
    assert totals == {"1.4.": "ok"}
    codes = {c.code: c.status for c in by_kind(result, "allowed_code")}
    assert codes == {"1.": "ok", "2.": "mismatch", "4.": "ok", "7.": "ok", "7.2.": "ok"}
    assert [c.status for c in by_kind(result, "count_parts")] == ["ok"]
    assert [c.status for c in by_kind(result, "text_ratio")] == ["ok"]
    review = [r for r in result.review if r.item == "/statistics/2/rows/1"]
    assert review and review[0].value == 3 and review[0].page == 12


def test_ratio_against_its_counts_flags_a_wrong_percentage():
    result = huong_son()
    result.statistics[0].rows[3].value = 14  # 14/19 = 73,68%, not 78,94%
    reconcile(result)
    check = next(c for c in by_kind(result, "ratio") if c.code == "2.")
    assert check.status == "mismatch" and check.expected == pytest.approx(73.6842, abs=1e-4)
    assert check.tolerance == 0.01


def test_ratio_beside_its_counts():
    annex = StatAnnex(
        annex="Phụ lục",
        rows=[
            stat("3.1", "Tổng số vấn đề phát hiện qua kiểm tra", "Vấn đề", 8),
            stat("3.2", "Số vấn đề đã xử lý xong", "Vấn đề", 6),
            stat("3.3", "Tỷ lệ xử lý các vấn đề phát hiện qua kiểm tra", "%", 75),
        ],
    )
    result = ExtractionResult(statistics=[annex])
    reconcile(result)
    assert [c.status for c in by_kind(result, "ratio")] == ["ok"]
    annex.rows[2].value = 80
    reconcile(result)
    assert [c.status for c in by_kind(result, "ratio")] == ["mismatch"]


def test_total_against_parts_and_counts_are_whole():
    result = ExtractionResult(statistics=[phu_luc_4()])
    result.statistics[0].rows[3].value = 150
    result.statistics[0].rows[6].value = -2
    reconcile(result)
    assert {(c.kind, c.code) for c in mismatches(result)} == {
        ("total_parts", "1.4."),
        ("count_value", "3.3.1."),
        ("ratio", "3.3."),
    }
    result = ExtractionResult(statistics=[phu_luc_4()])
    result.statistics[0].rows[7].value = 27.5
    reconcile(result)
    assert ("count_value", "3.3.2.") in {(c.kind, c.code) for c in mismatches(result)}


# --------------------------------------------------------------------- narrative


def test_count_parts():
    result = huong_son()
    result.counts[0].parts[2].value = 1
    reconcile(result)
    check = by_kind(result, "count_parts")[0]
    assert check.status == "mismatch" and check.expected == 277 and check.actual == 276
    assert any(r.item == "/counts/0" for r in result.review)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7/671 =0,89%", [(7, 671, 0.89)]),
        ("Có 7/12 chỉ tiêu đạt và vượt kế hoạch (58,33%), còn 5/12 chỉ tiêu chưa đạt kế hoạch.", [(7, 12, 58.33)]),
        ("đã hoàn thành 15/19 nhiệm vụ mà kế hoạch đã đề ra từ đầu năm (đạt 78,94%)", [(15, 19, 78.94)]),
        ("Kế hoạch số 52/KH-UBND ngày 30/12/2022 đạt 100%", []),
        ("hàng Quý trước ngày 05/4, 05/7, 05/10, đạt 100%", []),
        ("đứng vị trí thứ 36/141 xã. Tỷ lệ hài lòng 90%", []),
        ("đạt 3/3 điểm, lý do: 100% số TTHC thuộc thẩm quyền", []),
        ("664/664 hod so = 100% hd so dugc giai quyét", [(664, 664, 100)]),
    ],
)
def test_fraction_percents_in_text(text, expected):
    assert [(a, b, c) for a, b, c, _, _ in fraction_percents(text)] == expected


def quang_thanh_statements():
    """Group a) and c) of seed 000's narrative, criteria in document order."""

    def crit(code, points, max_points, group):
        return ScoreStatement(kind="criterion", code=code, points=points, max_points=max_points, group=group)

    return [
        ScoreStatement(kind="group", code="a", name="Công tác chỉ đạo, điều hành CCHC", points=4.26, max_points=10),
        crit("1.1", 0, 2, "a"),
        crit("1.2", 0.75, 1, "a"),
        crit("1.3", 0.5, 2, "a"),
        crit("1.4", 1.7, 2, "a"),
        crit("1.5", 0, 1, "a"),
        crit("1.6", 1.31, 2, "a"),
        ScoreStatement(kind="group", code="c", name="Công tác cải cách thủ tục hành chính", points=13.5, max_points=14),
        crit("3. 1", 2, 2, "c"),
        crit("3. 2", 3, 3, "c"),
        crit("3. 3", 1, 1, "c"),
        crit("3. 5", 2, 2, "c"),
        crit("3. 6", 1, 1, "c"),
        crit("3. 4", 3.98, 5.5, "c"),
        ScoreStatement(kind="group", code="d", name="Cải cách tổ chức bộ máy", points=3, max_points=3),
        ScoreStatement(kind="group", code="h", name="Tác động của CCHC", points=2, max_points=4),
        crit("8. 2", 0, 2, "h"),  # only the criterion that lost points: the list is incomplete
    ]


def test_group_statements_against_their_criteria():
    result = ExtractionResult(score_statements=quang_thanh_statements())
    reconcile(result)
    found = {(c.code, c.field): (c.status, c.expected, c.actual) for c in by_kind(result, "group_statement")}
    assert found == {
        ("a", "max_points"): ("ok", 10, 10),
        ("a", "points"): ("ok", 4.26, 4.26),
        ("c", "max_points"): ("mismatch", 14.5, 14),
        ("c", "points"): ("mismatch", 12.98, 13.5),
    }
    assert {r.item for r in result.review} == {"/score_statements/7"}


def test_repeated_group_labels_keep_their_own_criteria():
    # Repair can turn "b)" and "d)" into the same letter: each group keeps the criteria under it.
    statements = quang_thanh_statements()
    statements[0].code = "c"
    for st in statements[1:7]:
        st.group = "c"
    result = ExtractionResult(score_statements=statements)
    reconcile(result)
    found = {(c.id, c.status) for c in by_kind(result, "group_statement")}
    assert found == {
        ("group_statement:/score_statements/0:max_points", "ok"),
        ("group_statement:/score_statements/0:points", "ok"),
        ("group_statement:/score_statements/7:max_points", "mismatch"),
        ("group_statement:/score_statements/7:points", "mismatch"),
    }


def test_group_without_group_labels_uses_document_order():
    statements = quang_thanh_statements()
    for st in statements:
        st.group = None
    result = ExtractionResult(score_statements=statements)
    reconcile(result)
    assert {(c.code, c.status) for c in mismatches(result)} == {("c", "mismatch")}


def test_narrative_count_against_annex_row():
    result = huong_son()
    reconcile(result)
    matched = by_kind(result, "narrative_annex")
    # "hồ sơ đã giải quyết" is Phụ lục 4's 3.3.1, "nhiệm vụ đã hoàn thành" Phụ lục 2's 2.2.
    assert [(c.code, c.status) for c in matched] == [("3.3.1.", "ok"), ("2.2", "ok")]
    result = huong_son()
    result.counts[0].total = 275
    result.counts[0].parts[0].value = 255
    reconcile(result)
    assert [(c.code, c.status) for c in by_kind(result, "narrative_annex")] == [("3.3.1.", "mismatch"), ("2.2", "ok")]


def test_unrelated_count_is_not_matched():
    result = huong_son()
    result.counts = [Count(text="đã có 57 tin bài về CCHC", label="tin bài về CCHC", total=57, unit="tin bài")]
    reconcile(result)
    assert not by_kind(result, "narrative_annex")
