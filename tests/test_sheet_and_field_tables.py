"""Typed layouts no rule was written against (tools/corpusgen/new_layouts.py): a scoring workbook
printed to PDF (its issuer and title in merged rows inside the grid, a header that only numbers its
columns and a legend under the grid, a signer's block of plain lines) and a score table printed one
table per field (the field a numbered heading above its table, its points in the table's "Cộng"
row). Read end to end from the generator's DOCX and the PDF LibreOffice prints of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.model import Cell, IngestedDocument, Page, Table
from extract.segment.column_legend import legend_entries
from extract.segment.field_heading import heads_a_table
from extract.segment.table_join import join_tables
from tests.corpus_helpers import make_corpus, manifest_documents, read_truth


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("new-typed"), "N02,N04", formats="docx,pdf", quick=False, seed=2183)


def _documents(corpus: Path, family: str) -> list[tuple[Path, dict]]:
    docs = [d for d in manifest_documents(corpus) if d["family"].startswith(family)]
    assert docs, f"the corpus holds no {family} document"
    return [(corpus / d["path"], read_truth(corpus, d)) for d in docs]


def _rows(result) -> dict[str, tuple]:
    return {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows}


def _truth_rows(truth: dict) -> dict[str, tuple]:
    return {r["code"]: (r["max_points"], r["self_points"]) for t in truth["score_tables"] for r in t["rows"]}


def test_a_legend_names_numbered_columns():
    legend = (
        "Ghi chú: cột (1): số thứ tự; cột (2): lĩnh vực, tiêu chí; cột (3): điểm tối đa; "
        "cột (4): điểm tự đánh giá; cột (5): tài liệu kiểm chứng."
    )
    assert legend_entries(legend) == {
        1: "so thu tu",
        2: "linh vuc, tieu chi",
        3: "diem toi da",
        4: "diem tu danh gia",
        5: "tai lieu kiem chung",
    }
    assert legend_entries("(3) Theo Nghị định số 30/2020/NĐ-CP") == {}  # a footnote, no key to columns


def test_a_numbered_heading_in_capitals_heads_a_table():
    assert heads_a_table("3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH")
    assert heads_a_table("II. CẢI CÁCH TỔ CHỨC BỘ MÁY")
    assert not heads_a_table("Trang 2")
    assert not heads_a_table("2. Tổ chức thực hiện kế hoạch")  # a sentence of the body, not a caption
    assert not heads_a_table("12")


def test_a_header_printed_again_inside_a_grid_is_no_row():
    header = ["STT", "Tiêu chí đánh giá", "Điểm chuẩn", "Điểm tự đánh giá"]
    rows = [header, ["1.1", "Kế hoạch", "3", "3"], header, ["2.1", "Ban hành", "2", "1"]]
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    table = Table(page=1, cells=cells, n_rows=len(rows), n_cols=4, source="tsv", line_start=1, line_end=4)
    (joined,) = join_tables(IngestedDocument(path="t.tsv", format="txt", pages=[Page(number=1, blocks=[table])]))
    assert [r.cells[0] for r in joined.rows] == ["1.1", "2.1"]


def test_a_printed_sheet_is_read_whole(corpus):
    for path, truth in _documents(corpus, "N04"):
        result = convert_file(path)
        assert _rows(result) == _truth_rows(truth), path.name
        meta, printed = result.document, truth["document"]
        assert (meta.title, meta.commune, meta.signer, meta.date) == (
            printed["title"],
            printed["commune"],
            printed["signer"],
            printed["date"],
        ), path.name
        assert not result.unread, path.name


def test_a_field_heading_over_its_table_is_the_fields_row(corpus):
    headed = [(p, t) for p, t in _documents(corpus, "N02") if "heading" in p.name]
    assert headed
    for path, truth in headed:
        result = convert_file(path)
        assert _rows(result) == _truth_rows(truth), path.name
        fields = [r for t in result.score_tables for r in t.rows if r.level == 1]
        assert fields and all(r.name.isupper() for r in fields), path.name
        flagged = {c.code for c in result.checks if c.status != "ok"}
        planted = {f["code"] for f in truth.get("faults", []) if f["kind"] == "parent_max_sum"}
        assert planted <= flagged, path.name


def test_tables_that_touch_in_a_pdf_invent_no_row(corpus):
    for path, truth in _documents(corpus, "N02"):
        if path.suffix == ".pdf":
            assert set(_rows(convert_file(path))) == set(_truth_rows(truth)), path.name


def test_numbered_columns_without_a_legend_are_told_apart_by_their_contents(corpus, tmp_path):
    import docx

    numbered = [(p, t) for p, t in _documents(corpus, "N04") if "numbered" in p.name and p.suffix == ".docx"]
    assert numbered
    for path, truth in numbered:
        document = docx.Document(str(path))
        for paragraph in document.paragraphs:
            if paragraph.text.startswith("Ghi chú"):
                paragraph._element.getparent().remove(paragraph._element)
        bare = tmp_path / path.name
        document.save(str(bare))
        assert "cột (3)" not in "\n".join(p.text for p in docx.Document(str(bare)).paragraphs)
        assert _rows(convert_file(bare)) == _truth_rows(truth), path.name
