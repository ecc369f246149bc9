"""Bold and heading levels a DOCX paragraph takes from its style, through ``basedOn`` chains: the
styles are read on demand (extract.docx_reader._Styles), on a document the test writes."""

from pathlib import Path

from docx import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml.ns import qn
from docx.oxml.parser import OxmlElement

from extract.base import ingest


def _outline(style, level: int) -> None:
    ppr = style.element.get_or_add_pPr()
    lvl = OxmlElement("w:outlineLvl")
    lvl.set(qn("w:val"), str(level))
    ppr.append(lvl)


def build(path: Path) -> None:
    doc = Document()
    strong = doc.styles.add_style("Mạnh", WD_STYLE_TYPE.PARAGRAPH)
    strong.font.bold = True
    strong_child = doc.styles.add_style("Mạnh con", WD_STYLE_TYPE.PARAGRAPH)
    strong_child.base_style = strong  # bold by its base only
    plain_child = doc.styles.add_style("Thường con", WD_STYLE_TYPE.PARAGRAPH)
    plain_child.base_style = strong
    plain_child.font.bold = False  # its own "not bold" wins over the base's
    outlined = doc.styles.add_style("Mục lớn", WD_STYLE_TYPE.PARAGRAPH)
    _outline(outlined, 2)  # outline level 2: a third-level heading
    outlined_child = doc.styles.add_style("Mục lớn con", WD_STYLE_TYPE.PARAGRAPH)
    outlined_child.base_style = outlined
    doc.add_paragraph("Kế hoạch cải cách hành chính", style="Mạnh con")
    doc.add_paragraph("Tiêu chí thành phần", style="Thường con")
    doc.add_paragraph("Kết quả thực hiện", style="Mục lớn con")
    doc.add_paragraph("Chỉ số CCHC năm 2023", style="Heading 2")
    doc.add_paragraph("Đánh giá chung", style="Title")
    doc.add_paragraph("Xã đạt 85,5 điểm")
    doc.save(str(path))


def test_bold_and_heading_through_based_on_chains(tmp_path: Path) -> None:
    build(tmp_path / "styles.docx")
    lines = {ln.text: ln for page in ingest(tmp_path / "styles.docx").pages for ln in page.lines}
    assert lines["Kế hoạch cải cách hành chính"].bold
    assert not lines["Tiêu chí thành phần"].bold
    assert lines["Kết quả thực hiện"].heading == 3
    assert lines["Chỉ số CCHC năm 2023"].heading == 2
    assert lines["Đánh giá chung"].heading == 1
    assert not lines["Xã đạt 85,5 điểm"].bold and lines["Xã đạt 85,5 điểm"].heading == 0


def test_only_the_styles_asked_for_are_read(tmp_path: Path) -> None:
    from extract.docx_reader import _Styles

    build(tmp_path / "styles.docx")
    document = Document(str(tmp_path / "styles.docx"))
    styles = _Styles.from_document(document)
    assert len(styles.elements) > 100  # the template's styles, Word's latent ones among them
    assert styles.is_bold(document.styles["Mạnh con"].style_id)
    assert len(styles.read) == 2  # the style and its base, nothing else
    assert styles.heading_level("no such style") == 0 and not styles.is_bold(None)
