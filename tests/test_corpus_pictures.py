"""The picture families (tools/corpusgen/typed_pictures.py, page_pictures.py): the report's score
table is really a picture in the file written (inline in the text, or anchored to a paragraph with
the text above and below it), of paper, not typed text; the PDF holds it as an image on a page with
typed text. Their rank and their truth: tests/test_corpus_layouts.py."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

pytestmark = [pytest.mark.needs_libreoffice]


def _built(family: str, index: int, seed: int = 961):
    import make_corpus as mc

    inst = mc.instances(family, mc.load_sets(), 4, seed)[index - 1]
    return mc.FAMILIES[family](inst)


@pytest.mark.parametrize(("index", "anchored"), ((1, False), (2, True)))
def test_score_table_is_a_picture_of_paper_not_typed_text(index, anchored, tmp_path):
    import io

    from corpusgen.render_docx import write_docx
    from PIL import Image

    from extract.paper_picture import looks_like_paper

    built = _built("F30_docx_page_picture", index)
    path = tmp_path / "bao-cao.docx"
    write_docx(built.outputs[0].document, path)
    with zipfile.ZipFile(path) as z:
        xml = z.read("word/document.xml").decode("utf-8")
        media = [z.read(n) for n in z.namelist() if n.startswith("word/media/")]
    rows = built.score_tables[0]["rows"]
    assert rows[-1]["name"] not in xml and "<w:tbl>" in xml  # only the header and signature are tables
    assert ("<wp:anchor" in xml) is anchored and ("<wp:wrapTopAndBottom" in xml) is anchored
    assert media and all(looks_like_paper(Image.open(io.BytesIO(blob))) for blob in media)
    assert "Nơi nhận" in xml.split("<w:drawing>")[-1]  # typed text after the picture


def test_pdf_prints_the_picture_on_a_page_with_typed_text(tmp_path):
    import pdfplumber
    from corpusgen.render_docx import write_docx
    from libreoffice import libreoffice_pdfs

    built = _built("F31_pdf_page_picture", 1)
    source = tmp_path / "bao-cao.docx"
    write_docx(built.outputs[0].document, source)
    pdf = libreoffice_pdfs([source], tmp_path)[0]
    with pdfplumber.open(pdf) as doc:
        page = next(p for p in doc.pages if p.images)
        text = page.extract_text() or ""
        image = max(page.images, key=lambda im: float(im["width"]))
        assert float(image["width"]) > 0.5 * float(page.width)
    assert built.score_tables[0]["rows"][0]["name"][:20] not in text  # the table is in the picture only
    assert "Kết quả tự đánh giá" in text or "Chi tiết kết quả" in text
