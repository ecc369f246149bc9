"""The DOCX reader on real renderings (tools/make_samples.py) and on documents built in the test."""

import json
from pathlib import Path

import pytest
from docx import Document
from docx.enum.text import WD_BREAK

from extract.base import IngestError, ingest
from extract.model import Line, Table

ROOT = Path(__file__).resolve().parents[1]
RENDERINGS = ROOT / "samples" / "renderings"


def reference_rows(name: str) -> list[dict]:
    data = json.loads((ROOT / "golden" / "reference" / "renderings" / f"{name}.reference.json").read_text("utf-8"))
    return data["score_tables"][0]["rows"]


@pytest.fixture(scope="module")
def score_doc():
    return ingest(RENDERINGS / "score_table.docx")


@pytest.fixture(scope="module")
def stats_doc():
    return ingest(RENDERINGS / "stats_annex.docx")


def test_score_table_grid_and_merged_header(score_doc):
    assert score_doc.format == "docx" and score_doc.method == "docx"
    table = next(score_doc.tables())
    assert table.source == "docx"
    reference = reference_rows("score_table.docx")
    n_rows = 2 + len(reference) + 1  # two header rows, every criterion row, the "Tổng" row
    assert (table.n_rows, table.n_cols) == (n_rows, 5)
    rows = table.text_rows()
    assert rows[0] == ["STT", "Lĩnh vực, tiêu chí", "Điểm", "", "Nội dung giải trình"]
    assert rows[1] == ["", "", "Tối đa", "Tự đánh giá", ""]
    by_pos = {(c.row, c.col): c for c in table.cells}
    assert by_pos[(0, 2)].col_span == 2 and by_pos[(0, 2)].row_span == 1  # gridSpan
    assert by_pos[(0, 0)].row_span == 2 and by_pos[(0, 4)].row_span == 2  # vMerge restart + continue
    # A merged cell is stored once: no duplicated text (the unstructured#2106 bug).
    assert [c.text for c in table.cells].count("Điểm") == 1
    assert [c.text for c in table.cells].count("STT") == 1
    assert len(table.cells) == n_rows * 5 - 1 - 3  # one gridSpan and three vMerge continuations fewer
    # every reference row in order, null scores blank, the closing total
    got = [(r[0].rstrip("."), r[1], r[2], r[3]) for r in rows[2:-1]]
    fmt = lambda v: "" if v is None else f"{v:g}"  # noqa: E731
    assert [g[1:] for g in got] == [(r["name"], fmt(r["max_points"]), fmt(r["self_points"])) for r in reference]
    assert [g[0] for g in got] == [r["code_printed"].rstrip(".") for r in reference]
    assert rows[-1][1:4] == ["Tổng", "100", ""]


def test_score_table_values_bold_and_diacritics(score_doc):
    rows = next(score_doc.tables()).text_rows()
    assert [r[0] for r in rows].count("1.") == 2  # part II's sections restart at 1, as printed
    row = next(r for r in rows if r[0] == "1.1.1")
    assert row[1] == "Ban hành kế hoạch CCHC năm (trong Quý IV của năm trước liền kề năm đánh giá)"
    assert row[2:4] == ["0.5", "0.5"]
    assert rows[2][:4] == [
        "I.",
        "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH (CCHC) CỦA UBND CẤP XÃ (Đánh giá tài liệu kiểm chứng)",
        "74",
        "71.2",
    ]
    cells = {(c.row, c.col): c for c in next(score_doc.tables()).cells}
    section_row = next(i for i, r in enumerate(rows) if r[0] == "1.")
    leaf_row = next(i for i, r in enumerate(rows) if r[0] == "1.1.1")
    assert cells[(section_row, 1)].bold and not cells[(leaf_row, 1)].bold


def test_heading_bold_and_document_order(score_doc):
    blocks = list(score_doc.blocks())
    assert isinstance(blocks[0], Line) and blocks[0].text == "ỦY BAN NHÂN DÂN XÃ" and blocks[0].bold
    heading = blocks[1]
    assert heading.heading == 1 and heading.text.startswith("CHỈ SỐ ĐÁNH GIÁ")
    assert isinstance(blocks[3], Table)  # the table sits between the intro and the signature
    assert isinstance(blocks[-1], Line) and blocks[-1].text == "CHỦ TỊCH"
    numbers = [b.number if isinstance(b, Line) else b.line_start for b in blocks]
    assert numbers == sorted(numbers)


def test_hard_page_break_starts_a_page(stats_doc):
    assert len(stats_doc.pages) == 2
    first, second = stats_doc.pages
    assert first.method == "docx" and first.width == pytest.approx(595.3, abs=0.5)
    assert second.lines[0].text == "Phụ lục 2"
    assert not first.tables and len(second.tables) == 1
    rows = second.tables[0].text_rows()
    assert ["2.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm (Lũy kế đến thời điểm báo cáo)", "%", "78,94%", ""] in rows
    assert any(c.bold and c.text == "Kiểm tra CCHC" for c in second.tables[0].cells)


def test_breaks_runs_and_gridbefore_built_in_test(tmp_path):
    doc = Document()
    para = doc.add_paragraph()
    para.add_run("Căn cứ ").bold = True
    para.add_run("Kế hoạch số 12/KH-UBND").bold = True
    mixed = doc.add_paragraph()
    mixed.add_run("Điểm tự đánh giá: ").bold = True
    mixed.add_run("30,75 điểm")
    run = doc.add_paragraph().add_run("trước ngắt")
    run.add_break(WD_BREAK.LINE)
    run.add_text("sau ngắt dòng")
    run.add_break(WD_BREAK.PAGE)
    run.add_text("trang hai")
    table = doc.add_table(rows=3, cols=3)
    a = table.cell(0, 0).merge(table.cell(1, 0))  # python-docx writes vMerge restart/continue
    a.text = "Mã"
    table.cell(0, 1).merge(table.cell(0, 2)).text = "Điểm"
    table.cell(1, 1).text, table.cell(1, 2).text = "Tối đa", "Đạt"
    table.cell(2, 0).text, table.cell(2, 1).text, table.cell(2, 2).text = "1.1", "2", "1,5"
    path = tmp_path / "built.docx"
    doc.save(path)
    got = ingest(path)
    lines = list(got.lines())
    assert lines[0].text == "Căn cứ Kế hoạch số 12/KH-UBND" and lines[0].bold
    assert lines[1].text == "Điểm tự đánh giá: 30,75 điểm" and not lines[1].bold
    assert [ln.text for ln in lines[2:4]] == ["trước ngắt", "sau ngắt dòng"]
    assert len(got.pages) == 2 and got.pages[1].lines[0].text == "trang hai"
    table = got.pages[1].tables[0]
    assert table.text_rows() == [["Mã", "Điểm", ""], ["", "Tối đa", "Đạt"], ["1.1", "2", "1,5"]]
    assert [c.text for c in table.cells].count("Mã") == 1


def test_not_a_zip_is_one_line_error(tmp_path):
    bad = tmp_path / "bao-cao.docx"
    bad.write_text("không phải tệp Word", encoding="utf-8")
    with pytest.raises(IngestError, match=r"^not a valid \.docx \(not a zip archive\)$"):
        ingest(bad)
    ole = tmp_path / "old.docx"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    with pytest.raises(IngestError, match="OLE"):
        ingest(ole)
