"""A statistics annex printed page by page as a spreadsheet prints it: each part with the header
again and the page's mark ("Trang 1/2", "- 1/2 -") as a last row of one cell across the table. The
mark is layout: read as a row it was an invented row, and it cut a share from its counts above it
(a false ratio alarm). Real DOCX files made here, and their LibreOffice PDFs."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.shared import Cm

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.running_lines import PAGE_NUMBER, is_page_mark_row
from tests.layout_docs import _widths, to_pdf

HEADER = ("STT", "Chỉ tiêu", "ĐVT", "Kế hoạch", "Thực hiện", "Ghi chú")
# Each section: a total, its two parts, and the first part's share of the total (as printed, right).
ROWS = (
    ("1", "Tổng số hồ sơ thủ tục hành chính tiếp nhận", "Hồ sơ", "400", "402", ""),
    ("1.1", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", "380", "368", ""),
    ("1.2", "Số hồ sơ giải quyết quá hạn", "Hồ sơ", "20", "34", ""),
    ("1.3", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "95", "91,54", ""),
    ("2", "Tổng số thủ tục hành chính thuộc thẩm quyền của xã", "Thủ tục", "120", "118", ""),
    ("2.1", "Số thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "90", "95", ""),
    ("2.2", "Số thủ tục cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "30", "23", ""),
    ("2.3", "Tỷ lệ thủ tục cung cấp dịch vụ công trực tuyến toàn trình", "%", "75", "80,51", ""),
    ("3", "Tổng số văn bản đến", "Văn bản", "600", "640", ""),
    ("3.1", "Số văn bản đến được xử lý trên môi trường mạng", "Văn bản", "540", "601", ""),
    ("3.2", "Số văn bản đến được xử lý bằng giấy", "Văn bản", "60", "39", ""),
    ("3.3", "Tỷ lệ văn bản đến được xử lý trên môi trường mạng", "%", "90", "93,91", ""),
)


def write_paged_annex(path: Path, mark: str, cuts: tuple[int, ...]) -> Path:
    """A short report whose annex is cut before each row in ``cuts``: every part a table of its own
    with the header again and the page's mark as its last row, one cell across, page breaks
    between."""
    document = docx.Document()
    for text in (
        "ỦY BAN NHÂN DÂN XÃ HÒA SƠN",
        "BÁO CÁO Kết quả thực hiện công tác cải cách hành chính năm 2025",
        "Ủy ban nhân dân xã báo cáo kết quả thực hiện công tác cải cách hành chính như sau.",
        "Phụ lục",
        "BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH NĂM 2025",
    ):
        document.add_paragraph(text)
    bounds = (0, *cuts, len(ROWS))
    parts = list(zip(bounds, bounds[1:]))
    for k, (a, b) in enumerate(parts, start=1):
        if k > 1:
            document.add_page_break()
        table = document.add_table(rows=b - a + 2, cols=len(HEADER))
        table.style = "Table Grid"
        _widths(table, [Cm(1.2), Cm(7.5), Cm(1.8), Cm(2.0), Cm(2.0), Cm(2.0)])
        for cell, text in zip(table.rows[0].cells, HEADER):
            cell.text = text
        for r, row in enumerate(ROWS[a:b], start=1):
            for cell, text in zip(table.rows[r].cells, row):
                cell.text = text
        last = table.rows[-1].cells
        merged = last[0].merge(last[-1])
        merged.text = mark.format(k=k, n=len(parts))
    document.save(str(path))
    return path


def _read(path: Path) -> dict:
    return result_to_json(convert_file(path, path.name))


def _assert_one_annex_as_printed_whole(out: dict) -> None:
    annexes = [a for a in out["statistics"] if a["rows"]]
    assert len(annexes) == 1
    rows = annexes[0]["rows"]
    # every row once, in order, none of them a page's mark or the header again
    assert [r["code"] for r in rows] == [row[0] for row in ROWS]
    assert not [r for r in rows if "Trang" in r["indicator"] or r["indicator"] == "Chỉ tiêu"]
    # the shares read with their counts: 368/402, 95/118, 601/640 as printed, so no alarm
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


@pytest.mark.parametrize(
    ("mark", "cuts"),
    [("Trang {k}/{n}", (3,)), ("- {k}/{n} -", (5, 10)), ("Trang {k} / {n}", (7,))],
)
def test_a_docx_annex_printed_page_by_page_is_one_annex_without_its_marks(tmp_path, mark, cuts):
    out = _read(write_paged_annex(tmp_path / "paged.docx", mark, cuts))
    _assert_one_annex_as_printed_whole(out)


def test_the_annex_printed_page_by_page_reads_the_same_from_its_pdf(tmp_path):
    pdf = to_pdf(write_paged_annex(tmp_path / "paged.docx", "Trang {k}/{n}", (3, 7)))
    if pdf is None:
        pytest.skip("LibreOffice could not print the DOCX")
    _assert_one_annex_as_printed_whole(_read(pdf))


@pytest.mark.parametrize("text", ["Trang 2/3", "Trang 2 / 3", "- 2/3 -", "TRANG 3", "- 2 -", "2/5"])
def test_page_marks_are_layout(text):
    assert is_page_mark_row(["", text, "", ""])
    assert PAGE_NUMBER.match(text)


@pytest.mark.parametrize(
    "cells",
    [
        ["", "", "", "12"],  # a row holding one figure
        ["", "Trang thông tin điện tử", "", ""],  # a word, not a mark
        ["3", "Trang 2/3", "", ""],  # two cells filled: a row
        ["", "25/01/2025", "", ""],  # a date
    ],
)
def test_rows_that_are_no_page_mark(cells):
    assert not is_page_mark_row(cells)
