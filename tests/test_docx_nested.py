"""Tables inside tables (extract/docx_nested.py, pdf_reader.without_frames): a score table boxed in
a one-cell frame, or set in a cell of a layout table, is read as the score table it is, in DOCX and
in the PDF LibreOffice makes of it. Before, the DOCX frame flattened the whole table into one cell
and the PDF's frame rectangle swallowed every word: 0 rows, and in the DOCX nothing told."""

from pathlib import Path

import docx
import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.pdf_reader import without_frames
from layout_docs import CLOSE, SCORE_REPORT_HEAD, catalogue, points, to_pdf

ROWS = catalogue(3, 3, with_scale=False)
HEADER = ("STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng")
TOTAL = ("", "Tổng cộng", points(sum(r.max_points for r in ROWS if "." not in r.code)), "11,5", "")
EXPECTED = [(r.code, r.max_points, r.self_points) for r in ROWS]


def _fill(table, rows) -> None:
    table.style = "Table Grid"
    for row in rows:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text


def _score_rows() -> list[tuple[str, ...]]:
    return [HEADER] + [(r.code, r.name, points(r.max_points), points(r.self_points), r.note) for r in ROWS] + [TOTAL]


def _document(path: Path, place) -> Path:
    doc = docx.Document()
    for text in SCORE_REPORT_HEAD:
        doc.add_paragraph(text)
    place(doc)
    for text in (*CLOSE, "Nguyễn Văn An"):
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def framed(doc) -> None:
    """The score table inside a one-cell table drawn as a box, a caption above it in the box."""
    frame = doc.add_table(rows=1, cols=1)
    frame.style = "Table Grid"
    cell = frame.rows[0].cells[0]
    cell.paragraphs[0].text = "BẢNG TỰ CHẤM ĐIỂM"
    _fill(cell.add_table(rows=0, cols=len(HEADER)), _score_rows())


def beside_a_note(doc) -> None:
    """A two-column layout table: a note on the left, the score table in the right-hand cell."""
    layout = doc.add_table(rows=1, cols=2)
    left, right = layout.rows[0].cells
    left.paragraphs[0].text = "Ghi chú: điểm tự đánh giá theo Bộ chỉ số năm 2024"
    _fill(right.add_table(rows=0, cols=len(HEADER)), _score_rows())


def _read(path: Path) -> dict:
    return result_to_json(convert_file(path))


def _rows(result: dict) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for t in result["score_tables"] for r in t["rows"]]


@pytest.mark.parametrize("place", [framed, beside_a_note], ids=["frame", "layout-cell"])
def test_a_score_table_set_inside_a_table_is_read(tmp_path, place):
    result = _read(_document(tmp_path / "nested.docx", place))
    assert _rows(result) == EXPECTED
    (table,) = result["score_tables"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (12.0, 11.5)
    assert result["unread"] == [] and not [c for c in result["checks"] if c["status"] == "mismatch"]
    document = result["document"]  # the header's borderless layout is still read as before
    assert (document["number"], document["signer"]) == ("15/BC-UBND", "Nguyễn Văn An")
    if place is framed:
        assert table["title"] == "BẢNG TỰ CHẤM ĐIỂM"


@pytest.mark.needs_libreoffice
def test_a_framed_score_table_in_the_pdf_libreoffice_makes(tmp_path):
    pdf = to_pdf(_document(tmp_path / "framed.docx", framed))
    assert pdf is not None
    result = _read(pdf)
    assert _rows(result) == EXPECTED and result["unread"] == []
    assert result["score_tables"][0]["title"] == "BẢNG TỰ CHẤM ĐIỂM"


def test_a_box_round_other_cells_is_a_frame_not_a_cell():
    frame = (10.0, 10.0, 200.0, 100.0)
    merged = (20.0, 20.0, 120.0, 40.0)  # a merged cell spans two grid cells but holds neither
    cells = [(20.0, 20.0, 70.0, 40.0), (70.0, 20.0, 120.0, 40.0)]
    assert without_frames([frame, *cells], 2.5) == cells
    assert without_frames([merged, (20.0, 40.0, 70.0, 60.0)], 2.5) == [merged, (20.0, 40.0, 70.0, 60.0)]
