"""Statistics annexes of the seed report (Phụ lục 2–8 of 002)."""

from functools import cache
from pathlib import Path

import pytest

from extract.base import ingest
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.statistics import allowed_values, find_statistics, parse_stat_value, stat_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def _annexes(name: str):
    return find_statistics(ingest(SAMPLES / name))


def _annex(label: str):
    return next(a for a in _annexes("002_huong-son_2024_bao-cao-6-thang.txt") if a.annex == label)


def _row(annex, code):
    return next(r for r in annex.rows if r.code == code)


def test_002_has_annexes_2_to_8_with_titles():
    annexes = _annexes("002_huong-son_2024_bao-cao-6-thang.txt")
    assert [a.annex for a in annexes] == [f"Phụ lục {k}" for k in range(2, 9)]
    assert annexes[0].title == "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    # golden/reference lists 150: it misses 6.5.2, the file's last line (no trailing newline)
    assert sum(len(a.rows) for a in annexes) == 151


def test_phu_luc_2_percent_counts_and_allowed_values():
    annex = _annex("Phụ lục 2")
    rate = _row(annex, "2")
    assert (rate.unit, rate.value, rate.value_raw, rate.level) == ("%", 78.94, "78,94%", 1)
    assert _row(annex, "2.1").value == 19 and _row(annex, "2.2").value == 15
    assert _row(annex, "2.2").parent == "2" and _row(annex, "2.2").level == 2
    survey = _row(annex, "7.2")
    assert survey.allowed_values == {"Trực tuyến": 0, "Phát phiếu": 1, "Kết hợp": 2} and survey.value == 2
    assert _row(annex, "7").allowed_values == {"Có": 1, "Không": 0}
    assert _row(annex, "3.1").value is None and _row(annex, "3.1").value_raw == ""
    assert _row(annex, "5").note.startswith("do UBND huyện chuyển xử lý")


def test_phu_luc_8_value_outside_its_codes_is_flagged():
    row = _row(_annex("Phụ lục 8"), "2")
    assert row.value == 3 and row.allowed_values == {"Chưa có": 0, "2 cấp": 1, "3 cấp": 2}
    assert "value_not_allowed" in row.flags and row.confidence < 1
    assert _row(_annex("Phụ lục 8"), "6.4").value == 70.1
    assert _row(_annex("Phụ lục 8"), "5.2.1").parent == "5.2"


def test_phu_luc_7_money_in_millions_is_ambiguous():
    row = _row(_annex("Phụ lục 7"), "1.1")
    assert row.unit == "Triệu đồng" and row.value == 3887 and "ambiguous_separator" in row.flags


def test_no_annex_in_plans():
    assert _annexes("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt") == []
    assert _annexes("000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt") == []


def test_value_parsing_by_unit():
    assert parse_stat_value("01", "Thủ tục")[0] == 1
    assert parse_stat_value("70,1", "%")[0] == 70.1
    assert parse_stat_value("14,8", "Tỷ đồng")[0] == 14.8
    assert parse_stat_value("abc", "Người")[1] == ["value_unparsed"]
    assert allowed_values("Không = 0 Có = 1") == {"Không": 0, "Có": 1}
    assert allowed_values("Văn bản") is None


# ------------------------------------------------------------------ OCR'd annexes (real Tesseract runs)

_PHU_LUC_2_CODES = [
    "1",
    "2",
    "2.1",
    "2.2",
    "3",
    "3.1",
    "3.2",
    "3.3",
    "3.3.1",
    "3.3.2",
    "4",
    "4.1",
    "4.2",
    "5",
    "5.1",
    "5.2",
    "5.3",
    "5.4",
    "6",
    "6.1",
    "6.2",
    "6.3",
    "6.4",
    "7",
    "7.1",
    "7.2",
    "8",
]


def _scan_rows(name: str):
    annexes = _annexes(f"renderings/{name}")
    assert [a.annex for a in annexes] == ["Phụ lục 2"]
    return {r.code: r for r in annexes[0].rows}, [r.code for r in annexes[0].rows]


@pytest.mark.needs_tesseract
def test_scanned_annex_codes_repaired_and_inferred_as_a_column():
    rows, codes = _scan_rows("stats_annex_scan.tif")
    assert codes == _PHU_LUC_2_CODES
    # unreadable code cells ("Z1", "⁄.2") are rows with codes inferred from order; the code column's
    # empty cells read again by themselves give "4." (it was "A.", inferred too)
    for code in ("7.1", "7.2"):
        assert "code_inferred" in rows[code].flags and rows[code].confidence <= 0.5
    assert "code_inferred" not in rows["4"].flags
    assert rows["4"].indicator.startswith("Thanh tra") and rows["4.1"].parent == "4"
    assert rows["7.1"].value == 276 and rows["7.1"].parent == "7"
    # the enumeration's last "= 2" is lost by OCR: continued from 0, 1
    assert rows["7.2"].value == 2 and rows["7.2"].allowed_values == {"Trực tuyến": 0, "Phát phiếu": 1, "Kết hợp": 2}
    assert "value_not_allowed" not in rows["7.2"].flags
    assert [rows[c].value for c in ("5.1", "5.2", "5.3", "5.4")] == [0, 0, 0, 0]
    assert rows["2"].value == 78.94 and rows["2.2"].value == 15
    # misread codes ("9.2", "2.3") repaired, not invented
    assert all(
        not (set(r.flags) & {"code_repaired", "code_inferred"})
        for c, r in rows.items()
        if c in ("1", "2", "3.3.1", "6.4", "8")
    )
    assert all(0 < r.confidence <= 1 for r in rows.values())


@pytest.mark.needs_tesseract
def test_mixed_pdf_scanned_page_annex():
    rows, codes = _scan_rows("mixed_text_and_scan.pdf")
    assert codes == _PHU_LUC_2_CODES
    assert rows["7.2"].value == 2  # ".2": a speck before the figure, not a decimal point
    assert rows["5.4"].value == 0 and rows["7.1"].value == 276


def test_ocr_figure_reading():
    assert parse_stat_value(".2", "Số lượng", ocr=True)[0] == 2
    assert parse_stat_value(".2", "Số lượng")[1] == ["value_unparsed"]
    assert parse_stat_value("O", "Nhiệm vụ", ocr=True)[0] == 0
    assert parse_stat_value("78,94%", "%", ocr=True)[0] == 78.94


def test_enumeration_tail_only_continues_a_count_up():
    assert allowed_values("Không = 0 Có") == {"Không": 0, "Có": 1}
    assert allowed_values("Có = 1; Không = 3 Khác") == {"Có": 1, "Không": 3}
    assert allowed_values("Có = 1; Không = 0 (ghi rõ)") == {"Có": 1, "Không": 0}


# ------------------------------------------------------------------ rows without a code cell


def _table(rows: list[list[str]]) -> JoinedTable:
    header = [["STT", "Chỉ tiêu", "Đơn vị tính", "Số liệu", "Ghi chú"]]
    joined = [
        JoinedRow(cells=r, bold=[False] * 5, page=1, line_start=10 + k, line_end=10 + k, fragment=0)
        for k, r in enumerate(rows)
    ]
    return JoinedTable(
        header=header,
        rows=joined,
        pages=[1],
        n_cols=5,
        source="test",
        line_start=9,
        line_end=10 + len(rows),
        block_index=0,
    )


def test_empty_code_cell_with_figures_is_a_row_and_wrapped_text_is_not():
    rows = stat_rows(
        _table(
            [
                ["1.", "Số thủ tục hành chính", "Thủ tục", "120", ""],
                ["1.1", "Số thủ tục cấp tỉnh", "Thủ tục", "80", ""],
                ["", "Số thủ tục cấp huyện", "Thủ tục", "30", ""],
                ["1.3", "Số thủ tục cấp xã đã được rà soát", "Thủ tục", "10", ""],
                ["", "và công bố lại", "", "", ""],
                ["", "Tổng cộng", "", "120", ""],
            ]
        )
    )
    assert [r.code for r in rows] == ["1", "1.1", "1.2", "1.3", None]
    assert rows[2].value == 30 and "code_inferred" in rows[2].flags and rows[2].parent == "1"
    assert rows[3].indicator == "Số thủ tục cấp xã đã được rà soát và công bố lại"
    assert rows[3].source.line_end == 14 and rows[4].value == 120


def test_typed_codes_kept_as_printed():
    rows = stat_rows(
        _table(
            [
                ["1.", "Số văn bản", "Văn bản", "3", ""],
                ["3.", "Số cuộc kiểm tra", "Cuộc", "2", ""],
                ["2.", "Số cuộc thanh tra", "Cuộc", "1", ""],
            ]
        )
    )
    assert [r.code for r in rows] == ["1", "3", "2"] and all(not r.flags for r in rows)


def test_items_under_a_heading_whose_count_ocr_lost():
    lines = [
        ["3", "Số phản ánh đã xử lý", "Phản ánh", "29", ""],
        ["4", "Công khai thủ tục hành chính quyết của UBND xã", "", "", ""],
        ["a)", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "61", ""],
        ["b)", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "48", ""],
        ["5", "Số nhiệm vụ trong Kế hoạch", "Nhiệm vụ", "29", ""],
    ]
    # OCR'd: the items break down the heading's first count, whose line was lost.
    rows = stat_rows(_table(lines), ocr_pages=frozenset({1}))
    assert [r.code for r in rows] == ["3", "4", "4.1.a", "4.1.b", "5"]
    assert "code_repaired" in rows[2].flags and rows[2].parent == "4"
    # Typed, or under a heading that prints its figure, the items stay where they are printed.
    assert [r.code for r in stat_rows(_table(lines))][2:4] == ["4.a", "4.b"]
    lines[1] = ["4", "Số thủ tục hành chính", "Thủ tục", "109", ""]
    assert [r.code for r in stat_rows(_table(lines), ocr_pages=frozenset({1}))][2:4] == ["4.a", "4.b"]
