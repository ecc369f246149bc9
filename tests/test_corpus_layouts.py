"""The layout families of round 29 (tools/corpusgen/typed_nested.py, typed_letters.py,
typed_annex_shapes.py, scan_files.py): each layout is really in the file written (a table nested in
a cell, a công văn's number, subject and addressee, indicators printed across, an annex with no unit
column, a PDF whose text layer is invisible over its image, an image with no dpi), the truth adds
up, and appending them left every other family's instances as they were."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from tests.corpus_helpers import arithmetic_truth

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]
NEW = ("F25_nested_tables", "F26_official_letter", "F27_annex_across", "F28_annex_no_unit_column")
# Round 30's picture families (their files: tests/test_corpus_pictures.py), ranked and checked alike.
LATER = ("F30_docx_page_picture", "F31_pdf_page_picture")


def _built(family: str, index: int, seed: int = 871):
    import make_corpus as mc

    inst = mc.instances(family, mc.load_sets(), 4, seed)[index - 1]
    return mc.FAMILIES[family](inst)


def _docx(built, tmp_path: Path) -> Path:
    from corpusgen.render_docx import write_docx

    path = tmp_path / "doc.docx"
    write_docx(next(o for o in built.outputs if o.fmt == "docx").document, path)
    return path


def _document_xml(path: Path) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_new_families_rank_after_every_settled_one():
    import make_corpus as mc

    settled = [f for f in mc.FAMILIES if f not in mc.LATE_FAMILIES]
    assert set(NEW + LATER) <= set(mc.LATE_FAMILIES)
    assert max(mc.family_rank(f) for f in settled) < min(mc.family_rank(f) for f in NEW + LATER)


@pytest.mark.parametrize("family", NEW + LATER)
def test_truth_adds_up_but_for_its_planted_faults(family):
    from corpusgen.check import planted, truth_problems

    for index in (1, 2, 3, 4):
        built = _built(family, index)
        truth = arithmetic_truth(built)
        assert truth_problems(truth) == planted(truth)
        assert built.score_tables or built.statistics or built.counts


@pytest.mark.parametrize("index", (1, 2))
def test_score_table_is_nested_in_a_cell_of_the_layout_table(index, tmp_path):
    import docx

    built = _built("F25_nested_tables", index)
    doc = docx.Document(str(_docx(built, tmp_path)))
    outer = [t for t in doc.tables if any(c.tables for row in t.rows for c in row.cells)]
    assert len(outer) == 1
    inner = next(c.tables[0] for row in outer[0].rows for c in row.cells if c.tables)
    rows = built.score_tables[0]["rows"]
    names = [row.cells[1].text for row in inner.rows]
    assert rows[0]["name"] in names and rows[-1]["name"] in names
    assert len(outer[0].columns) == (2 if index % 2 == 0 else 1)


def test_official_letter_prints_number_subject_and_addressee_not_a_title(tmp_path):
    built = _built("F26_official_letter", 1)
    text = _document_xml(_docx(built, tmp_path))
    truth = built.document
    assert truth["kind"] == "CV" and "/UBND-" in truth["number"]
    assert f"V/v {truth['title'].split(' ')[0]}" in text
    assert "Kính gửi:" in text and "BÁO CÁO</w:t>" not in text
    assert built.counts  # odd instances report counts in sentences
    assert _built("F26_official_letter", 2).score_tables  # even ones send the score table


def test_across_table_codes_columns_in_print_order():
    from corpusgen.typed_annex_shapes import ACROSS_SHAPES, Column, across_grid, across_truth

    shape = ACROSS_SHAPES[0]
    assert [c.label for c in shape][:2] == ["Tổng số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết"]
    own = (Column("Tổng số hồ sơ tiếp nhận"), Column("Đã giải quyết", ("Tổng số", "Đúng hạn", "Quá hạn")))
    grid = across_grid(own, [[120.0], [100.0, 96.0, 4.0]], ("STT", "1"))
    assert len(grid.rows) == 3  # two header rows, one row of figures
    assert [c.text for c in grid.rows[-1].cells] == ["1", "120", "100", "96", "4"]
    assert grid.rows[0].cells[2].span == 3
    rows = across_truth(own, [[120.0], [100.0, 96.0, 4.0]], "Hồ sơ")
    assert [(r["code"], r["indicator"], r["value"]) for r in rows] == [
        ("1", "Tổng số hồ sơ tiếp nhận", 120.0),
        ("2", "Đã giải quyết", 100.0),
        ("2.1", "Đúng hạn", 96.0),
        ("2.2", "Quá hạn", 4.0),
    ]
    no_total = across_truth((Column("Đã giải quyết", ("Đúng hạn", "Quá hạn")),), [[96.0, 4.0]], "Hồ sơ")
    assert no_total[0]["value"] is None and [r["code"] for r in no_total] == ["1", "1.1", "1.2"]


def test_annex_without_unit_column_puts_units_in_brackets_or_nowhere(tmp_path):
    import docx

    odd = _built("F28_annex_no_unit_column", 1)
    doc = docx.Document(str(_docx(odd, tmp_path)))
    annex = doc.tables[-1]
    header = [c.text for c in annex.rows[0].cells]
    assert len(header) == 4 and not {"ĐVT", "Đơn vị tính"} & set(header)
    rows = odd.statistics[0]["rows"]
    counted = [r for r in rows if r["unit"]]
    assert all(r["indicator"].endswith(f"({r['unit'].lower()})") for r in counted)
    even = _built("F28_annex_no_unit_column", 2)
    ratio = next(r for r in even.statistics[0]["rows"] if r["unit"] == "%")
    assert "(" not in ratio["indicator"]
    text = _document_xml(_docx(even, tmp_path))
    assert f"{ratio['value']:g}".replace(".", ",") + "%" in text


def _page(text_lines: list[str], size=(1240, 1754)):
    from PIL import Image, ImageDraw, ImageFont

    page = Image.new("L", size, 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.load_default(size=40)
    for k, line in enumerate(text_lines):
        draw.text((120, 150 + 70 * k), line, fill=0, font=font)
    return page


@pytest.mark.skipif(not __import__("shutil").which("tesseract"), reason="tesseract not installed")
def test_searchable_pdf_is_an_image_under_invisible_text(tmp_path):
    import pypdfium2 as pdfium
    import pypdfium2.raw as pdfium_c
    from corpusgen.scan_files import searchable_pdf

    target = tmp_path / "scan.pdf"
    searchable_pdf([_page(["REPORT OF THE COMMUNE", "Total 120 files"])], 150, target, "eng")
    doc = pdfium.PdfDocument(str(target))
    page = doc[0]
    assert round(page.get_width() / 72 * 150) == 1240  # sized from the image's declared dpi
    objects = list(page.get_objects())
    texts = [o for o in objects if o.type == pdfium_c.FPDF_PAGEOBJ_TEXT]
    assert any(o.type == pdfium_c.FPDF_PAGEOBJ_IMAGE for o in objects) and texts
    modes = {pdfium_c.FPDFTextObj_GetTextRenderMode(o.raw) for o in texts}
    assert modes == {pdfium_c.FPDF_TEXTRENDERMODE_INVISIBLE}
    assert "120" in page.get_textpage().get_text_range()
    doc.close()


def test_scan_saved_as_an_image_declares_no_dpi_and_auto_crop_leaves_no_sheet(tmp_path):
    from corpusgen.scan_files import crop_to_content, image_without_dpi
    from PIL import Image

    page = _page(["UBND XA TAN LAC", "Tong so 120"])
    for suffix in (".png", ".jpg"):
        target = tmp_path / f"scan{suffix}"
        image_without_dpi([page], target, 85)
        with Image.open(target) as img:
            assert "dpi" not in img.info and img.size == (1240, 1754)
    cropped = crop_to_content(page)
    assert cropped.width < 1240 and cropped.height < 600  # two lines of text and a margin
