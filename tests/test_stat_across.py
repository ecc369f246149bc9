"""Statistics printed across (extract/segment/stat_across.py): a report's table whose header names
the indicators and whose one row holds their figures, in DOCX and in the PDF LibreOffice makes of
it. Before, its figures were lost without a word: no annex row, no check, no unread entry."""

from pathlib import Path

import docx
import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_across import label_unit
from layout_docs import CLOSE, decree30_head, plain_docx, to_pdf

HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "20/BC-UBND",
    "Hòa Bình, ngày 15 tháng 6 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính 6 tháng đầu năm 2024",
)


def _report(path: Path, figures: list[str], two_level: bool = True, extra_rows: int = 0) -> Path:
    """The TTHC results of a six-month report: received, settled (total, early, on time, late), pending."""
    doc = docx.Document()
    for text in HEAD:
        doc.add_paragraph(text)
    doc.add_paragraph("Kết quả giải quyết thủ tục hành chính 6 tháng đầu năm:")
    if two_level:
        table = doc.add_table(rows=3 + extra_rows, cols=6)
        top, sub = table.rows[0].cells, table.rows[1].cells
        top[0].text, top[5].text = "Tổng số hồ sơ tiếp nhận", "Số hồ sơ đang giải quyết"
        top[1].merge(top[4]).text = "Số hồ sơ đã giải quyết"
        for cell, text in zip(sub[1:5], ("Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn")):
            cell.text = text
        table.rows[0].cells[0].merge(table.rows[1].cells[0])
        table.rows[0].cells[5].merge(table.rows[1].cells[5])
        body = table.rows[2:]
    else:
        table = doc.add_table(rows=2 + extra_rows, cols=6)
        labels = ("Tổng số hồ sơ tiếp nhận", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết")
        for cell, text in zip(table.rows[0].cells, labels):
            cell.text = text
        body = table.rows[1:]
    table.style = "Table Grid"
    for row in body:
        for cell, text in zip(row.cells, figures):
            cell.text = text
    for text in (*CLOSE, "Nguyễn Văn An"):
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def _read(path: Path, fmt: str) -> dict:
    """The pipeline's result for the DOCX at ``path``, or for the PDF LibreOffice makes of it."""
    if fmt == "pdf":
        converted = to_pdf(path)
        assert converted is not None
        path = converted
    return result_to_json(convert_file(path))


SIGNED = (*CLOSE, "Nguyễn Văn An")
FIGURES = ["402", "391", "350", "38", "3", "11"]
FIGURES_HEADER = ["Tổng số hồ sơ tiếp nhận", "Đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn", "Đang giải quyết"]


def _annex_rows(result: dict) -> list[tuple]:
    return [
        (r["code"], r["parent"], r["indicator"], r["unit"], r["value"]) for a in result["statistics"] for r in a["rows"]
    ]


TWO_LEVEL = [
    ("1", None, "Tổng số hồ sơ tiếp nhận", "hồ sơ", 402.0),
    ("2", None, "Số hồ sơ đã giải quyết", "hồ sơ", 391.0),
    ("2.1", "2", "Trước hạn", "hồ sơ", 350.0),
    ("2.2", "2", "Đúng hạn", "hồ sơ", 38.0),
    ("2.3", "2", "Quá hạn", "hồ sơ", 3.0),
    ("3", None, "Số hồ sơ đang giải quyết", "hồ sơ", 11.0),
]


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.needs_libreoffice)])
def test_a_two_level_header_of_indicators_over_one_row_of_figures(tmp_path, fmt):
    path = _report(tmp_path / "tthc.docx", FIGURES)
    result = _read(path, fmt)
    assert _annex_rows(result) == TWO_LEVEL
    assert all("code_by_column" in r["flags"] for r in result["statistics"][0]["rows"])
    (check,) = [c for c in result["checks"] if c["kind"] == "total_parts"]  # 391 = 350 + 38 + 3
    assert (check["code"], check["status"]) == ("2", "ok")
    assert result["unread"] == [] and result["review"] == []


def test_parts_that_miss_the_total_column_are_the_communes_fault(tmp_path):
    result = result_to_json(convert_file(_report(tmp_path / "tthc.docx", ["402", "391", "350", "36", "3", "11"])))
    (check,) = [c for c in result["checks"] if c["kind"] == "total_parts"]
    assert (check["code"], check["status"]) == ("2", "mismatch")
    assert "391" in check["message"] and "389" in check["message"]  # the total and its parts' sum


def test_one_header_row_gives_flat_rows(tmp_path):
    result = result_to_json(convert_file(_report(tmp_path / "flat.docx", FIGURES, False)))
    assert [(code, value) for code, _p, _i, _u, value in _annex_rows(result)] == [
        ("1", 402.0),
        ("2", 391.0),
        ("3", 350.0),
        ("4", 38.0),
        ("5", 3.0),
        ("6", 11.0),
    ]


def test_several_rows_of_figures_are_a_matrix_told_unread_not_guessed(tmp_path):
    result = result_to_json(convert_file(_report(tmp_path / "matrix.docx", FIGURES, True, 1)))
    assert result["statistics"] == []
    assert [u["kind"] for u in result["unread"]] == ["table"]


def test_the_unit_a_label_names():
    assert label_unit("Tổng số hồ sơ tiếp nhận") == "hồ sơ"
    assert label_unit("Số cuộc kiểm tra CCHC (cuộc)") == "cuộc"
    assert label_unit("Trước hạn") == ""
    # the bracket is the unit the row is counted in, over a longer noun the label counts
    assert label_unit("Tổng số thủ tục hành chính thuộc thẩm quyền của xã (thủ tục)") == "thủ tục"
    assert label_unit("Tổng số thủ tục hành chính thuộc thẩm quyền của xã") == "thủ tục hành chính"


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract
@pytest.mark.parametrize("declared", [True, False], ids=["dpi-declared", "no-dpi"])
def test_the_same_table_scanned(tmp_path, declared):
    """The table's page rendered at 200 dpi as a scan: the OCR'd grid gives the same rows. Saved
    without its resolution, the image is a whole Letter page (python-docx's template), so 200 dpi
    (``image_reader.paper_dpi``): taken for 300, the grid lost its inner rules and the figures."""
    import pypdfium2 as pdfium

    pdf_path = to_pdf(_report(tmp_path / "tthc.docx", FIGURES))
    assert pdf_path is not None
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        scan = tmp_path / "tthc-scan.png"
        pdf[0].render(scale=200 / 72).to_pil().convert("L").save(scan, **({"dpi": (200, 200)} if declared else {}))
    finally:
        pdf.close()
    result = result_to_json(convert_file(scan))
    assert _annex_rows(result) == TWO_LEVEL
    assert [(c["code"], c["status"]) for c in result["checks"] if c["kind"] == "total_parts"] == [("2", "ok")]


def test_a_row_of_figures_no_reader_takes_is_told_unread(tmp_path):
    """Words in two cells before the figures (a period and a label): not a row of indicators'
    figures this reader can name; one row, but told unread for its figures, never dropped."""
    rows = [
        ("Kỳ báo cáo", "Nội dung", "Tiếp nhận", "Đã giải quyết", "Đúng hạn"),
        ("6 tháng", "Hồ sơ TTHC", "402", "391", "388"),
    ]
    result = result_to_json(convert_file(plain_docx(tmp_path / "period.docx", HEAD, rows, SIGNED)))
    assert result["statistics"] == [] and [u["kind"] for u in result["unread"]] == ["table"]


def test_the_resolution_of_a_whole_page_that_declares_none():
    from extract.image_reader import paper_dpi

    assert paper_dpi(1700, 2200, 300) == 200  # Letter at 200 dpi
    assert paper_dpi(2480, 3508, 200) == 300  # A4 at 300 dpi, either way up
    assert paper_dpi(3508, 2480, 200) == 300
    assert paper_dpi(4000, 3000, 300) == 300  # a 4:3 photo is no page: the default


def test_a_continuation_piece_holding_only_the_totals_row_owes_nothing():
    """A score table's last page: its header repeated, the column numbers, "Tổng cộng" and its
    figures (read as the table's stated totals): no row of figures the unread account is owed."""
    from extract.model import Cell, Table
    from extract.segment.unread_grids import has_figure_row

    def table(rows: list[list[str]]) -> Table:
        cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
        return Table(page=2, cells=cells, n_rows=len(rows), n_cols=len(rows[0]), source="pdf-lines")

    header = ["STT", "Tiêu chí", "Thang điểm", "Điểm tự chấm", "Điểm thẩm định"]
    numbers = ["(1)", "(2)", "(3)", "(4)", "(5)"]
    assert not has_figure_row(table([header, numbers, ["", "Tổng cộng", "10", "5,75", "5,5"]]), 3)
    assert has_figure_row(table([FIGURES_HEADER, FIGURES]), 3)


def test_an_annex_without_a_unit_column_takes_the_unit_its_labels_name(tmp_path):
    """STT | Nội dung | Số liệu | Ghi chú: the unit is in the indicator's brackets or is the noun it
    counts; a row naming none keeps an empty unit."""
    rows = [
        ("STT", "Nội dung", "Số liệu", "Ghi chú"),
        ("1", "Số văn bản chỉ đạo, điều hành về CCHC được ban hành (văn bản)", "5", ""),
        ("2", "Số cuộc kiểm tra CCHC (cuộc)", "2", ""),
        ("3", "Tổng số hồ sơ tiếp nhận", "1.250", ""),
        ("4", "Tỷ lệ hồ sơ giải quyết đúng hạn", "98,5", ""),
    ]
    before = (*HEAD, "Phụ lục I", "SỐ LIỆU THỐNG KÊ CẢI CÁCH HÀNH CHÍNH")
    result = result_to_json(convert_file(plain_docx(tmp_path / "annex.docx", before, rows, SIGNED)))
    got = [(r["code"], r["unit"], r["value"]) for a in result["statistics"] for r in a["rows"]]
    assert got == [("1", "văn bản", 5.0), ("2", "cuộc", 2.0), ("3", "hồ sơ", 1250.0), ("4", "", 98.5)]


def _numbered_report(path: Path, first_label: str) -> Path:
    """Complaints handled in a quarter, one row of figures numbered "1" under ``first_label``."""
    doc = docx.Document()
    for text in HEAD:
        doc.add_paragraph(text)
    doc.add_paragraph("Kết quả tiếp nhận, xử lý phản ánh, kiến nghị quý II:")
    table = doc.add_table(rows=2, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(
        table.rows[0].cells, (first_label, "Số phản ánh, kiến nghị tiếp nhận", "Đã xử lý", "Đang xử lý")
    ):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("1", "126", "118", "8")):
        cell.text = text
    for text in SIGNED:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.needs_libreoffice)])
@pytest.mark.parametrize("first_label", ["TT", "Số TT"])
def test_the_row_number_under_stt_is_no_indicator(tmp_path, fmt, first_label):
    path = _numbered_report(tmp_path / "pakn.docx", first_label)
    result = _read(path, fmt)
    assert [(code, indicator, value) for code, _p, indicator, _u, value in _annex_rows(result)] == [
        ("1", "Số phản ánh, kiến nghị tiếp nhận", 126.0),
        ("2", "Đã xử lý", 118.0),
        ("3", "Đang xử lý", 8.0),
    ]


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.needs_libreoffice)])
def test_a_whole_and_its_parts_bracketed_alike_check_their_ratio(tmp_path, fmt):
    """No unit column: the whole counts "thủ tục hành chính" in its words but "(thủ tục)" in its
    bracket, as its parts do; read in one unit, the share printed after them is checked (and here
    it is wrong: 52/80 is 65%, not 60%)."""
    rows = [
        ("TT", "Chỉ tiêu", "Kết quả", "Ghi chú"),
        ("1", "Tổng số thủ tục hành chính được công khai tại Bộ phận Một cửa (thủ tục)", "80", ""),
        ("a", "Số thủ tục tiếp nhận trực tuyến toàn trình (thủ tục)", "52", ""),
        ("b", "Số thủ tục tiếp nhận trực tuyến một phần (thủ tục)", "28", ""),
        ("2", "Tỷ lệ thủ tục tiếp nhận trực tuyến toàn trình (%)", "60", ""),
    ]
    before = (*HEAD, "Phụ lục", "BIỂU SỐ LIỆU CẢI CÁCH HÀNH CHÍNH")
    path = plain_docx(tmp_path / "annex.docx", before, rows, SIGNED)
    result = _read(path, fmt)
    units = {r["code"]: r["unit"] for a in result["statistics"] for r in a["rows"]}
    assert units["1"] == units["1.a"] == units["1.b"] == "thủ tục"
    (check,) = [c for c in result["checks"] if c["kind"] == "ratio"]
    assert (check["code"], check["status"]) == ("2", "mismatch")


@pytest.mark.parametrize("fmt", ["docx", pytest.param("pdf", marks=pytest.mark.needs_libreoffice)])
def test_a_row_of_small_counts_is_figures_not_the_column_numbers(tmp_path, fmt):
    """Inspections of a quarter, figures of one or two digits under their labels: before, the row
    was taken for a "1 2 3" column-number row and the table had no row left, untold."""
    doc = docx.Document()
    for text in HEAD:
        doc.add_paragraph(text)
    doc.add_paragraph("Kết quả kiểm tra công tác cải cách hành chính quý II:")
    table = doc.add_table(rows=2, cols=3)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("Số cuộc kiểm tra (cuộc)", "Số đơn vị được kiểm tra", "Số kiến nghị")):
        cell.text = text
    for cell, text in zip(table.rows[1].cells, ("6", "11", "4")):
        cell.text = text
    for text in SIGNED:
        doc.add_paragraph(text)
    path = tmp_path / "kiemtra.docx"
    doc.save(str(path))
    result = _read(path, fmt)
    assert [(code, value) for code, _p, _i, _u, value in _annex_rows(result)] == [("1", 6.0), ("2", 11.0), ("3", 4.0)]
