"""A count's breakdown closed by a "Cộng" row (extract.segment.stat_group_sums). The rows are
those of generated annexes (make_corpus --seed 22261, family N108, instances 1 and 2, the DOCX's
table as python-docx reads it, cut to two groups); the expected codes and values are the truth
files' (the "Cộng" rows are no rows, the count's value its own row's)."""

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_group_sums import sum_label_code
from extract.segment.statistics import stat_rows


def _table(rows: list[list[str]]) -> JoinedTable:
    joined = [
        JoinedRow(cells=r, bold=[False] * 5, page=1, line_start=10 + k, line_end=10 + k, fragment=0)
        for k, r in enumerate(rows)
    ]
    header = [["TT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]]
    return JoinedTable(
        header=header, rows=joined, pages=[1], n_cols=5, source="test", line_start=9,
        line_end=10 + len(rows), block_index=0,
    )  # fmt: skip


def test_the_count_left_blank_takes_its_sum_row_figure():  # instance 1: "count below"
    rows = stat_rows(
        _table(
            [
                ["1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "15", ""],
                ["2", "Số cán bộ, công chức cấp xã", "Người", "", ""],
                ["2.1", "Số cán bộ, công chức đạt chuẩn", "Người", "20", ""],
                ["2.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", "1", ""],
                ["", "Cộng", "Người", "21", ""],
                ["2.3", "Tỷ lệ cán bộ, công chức đạt chuẩn", "%", "95,24", ""],
                ["3", "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã", "Thủ tục", "", ""],
                ["3.1", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "56", ""],
                ["3.2", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "55", ""],
                ["3.3", "Số TTHC chỉ cung cấp thông tin", "Thủ tục", "2", ""],
                ["", "Cộng", "Thủ tục", "113", ""],
            ]
        )
    )
    assert [(r.code, r.value) for r in rows] == [
        ("1", 15),
        ("2", 21),
        ("2.1", 20),
        ("2.2", 1),
        ("2.3", 95.24),
        ("3", 113),
        ("3.1", 56),
        ("3.2", 55),
        ("3.3", 2),
    ]


def test_a_sum_row_naming_its_count_beside_the_count_printed_too_is_no_row():  # instance 2: "count twice"
    rows = stat_rows(
        _table(
            [
                ["1", "Số cuộc tuyên truyền CCHC", "Lượt", "31", ""],
                ["2", "Số nhiệm vụ trong Kế hoạch CCHC năm", "Nhiệm vụ", "24", ""],
                ["2.1", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "21", ""],
                ["2.2", "Số nhiệm vụ chưa hoàn thành", "Nhiệm vụ", "3", ""],
                ["", "Cộng (2)", "Nhiệm vụ", "24", ""],
                ["2.3", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "%", "87,5", ""],
            ]
        )
    )
    assert [(r.code, r.value, r.note) for r in rows] == [
        ("1", 31, ""),
        ("2", 24, ""),
        ("2.1", 21, ""),
        ("2.2", 3, ""),
        ("2.3", 87.5, ""),
    ]


def test_what_is_a_group_sum_label():
    assert sum_label_code("Cộng:") == (True, None)
    assert sum_label_code("Cộng mục 2") == (True, "2")
    assert sum_label_code("Cộng (4)") == (True, "4")
    # the annex's total and a page's carried sum are not a group's
    assert sum_label_code("Tổng cộng")[0] is False
    assert sum_label_code("Cộng chuyển trang")[0] is False


def test_a_scan_sum_row_whose_figure_is_not_its_parts_sum_gives_the_count_nothing():
    # OCR dump of instance 3 (make_corpus --seed 22261, family D35): "| Cong (4)" read as the
    # label "Công" and a figure "4"; the truth's count 4 is 18 (18 + 0), so 4 is no sum to take
    rows = stat_rows(
        _table(
            [
                ["4", "Số cán bộ, công chức cấp xã", "Người", "", ""],
                ["4.1", "Số cán bộ, công chức đạt chuẩn", "Người", "18", ""],
                ["4.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", "0", ""],
                ["", "Công", "", "4", ""],
            ]
        ),
        ocr_pages=frozenset({1}),
    )
    assert next(r for r in rows if r.code == "4").value is None
    # the same rows with the parts' sum on "Cộng" give the count its figure
    summed = stat_rows(
        _table(
            [
                ["4", "Số cán bộ, công chức cấp xã", "Người", "", ""],
                ["4.1", "Số cán bộ, công chức đạt chuẩn", "Người", "18", ""],
                ["4.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", "0", ""],
                ["", "Cộng", "Người", "18", ""],
            ]
        ),
        ocr_pages=frozenset({1}),
    )
    assert [(r.code, r.value) for r in summed] == [("4", 18), ("4.1", 18), ("4.2", 0)]


def test_a_sum_row_under_lettered_items_closes_the_row_they_belong_to():
    # make_corpus --seed 22262, family N108, instance 1 (DOCX rows); truth: 4.1 is 522, 4 has no figure
    rows = stat_rows(
        _table(
            [
                ["4", "Kết quả giải quyết hồ sơ thủ tục hành chính", "", "", ""],
                ["4.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "", ""],
                ["a)", "Giải quyết trước hạn", "Hồ sơ", "323", ""],
                ["b)", "Giải quyết đúng hạn", "Hồ sơ", "190", ""],
                ["c)", "Giải quyết quá hạn", "Hồ sơ", "9", ""],
                ["", "Cộng:", "Hồ sơ", "522", ""],
                ["4.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "98,28", ""],
            ]
        )
    )
    values = {r.code: r.value for r in rows}
    assert values["4"] is None and values["4.1"] == 522 and values["4.2"] == 98.28
    assert len(rows) == 6  # the "Cộng:" row is none of them
