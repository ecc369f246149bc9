"""A Decree 30 header typed in two floating text boxes, as Word writes them (the DrawingML shape in
``mc:Choice``, its VML copy in ``mc:Fallback``), anchored in the document's first paragraph: read
as a borderless table of two cells, left to right, each box once. Before, the anchoring
paragraph's runs held both boxes twice, glued into one line, and number, issuer and commune were
lost."""

from pathlib import Path

import pytest

import cchc_extract
from extract.base import ingest
from extract.model import Line, Table
from layout_docs import CLOSE

NS = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
LEFT = ("ỦY BAN NHÂN DÂN", "XÃ TÂN LẬP", "Số: 21/BC-UBND")
RIGHT = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "Tân Lập, ngày 12 tháng 12 năm 2024")


def _box_run(lines: tuple[str, ...], x: int, box_id: int):
    from docx.oxml import parse_xml

    body = "".join(f'<w:p><w:r><w:t xml:space="preserve">{t}</w:t></w:r></w:p>' for t in lines)
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0"'
        f' locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="2800000" cy="1200000"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="2800000" cy="1200000"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData>"
        f"</a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape style="position:absolute;margin-left:{x / 12700:.0f}pt;width:220pt;height:95pt"><v:textbox>'
        f"<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>"
    )


@pytest.fixture(scope="module")
def boxed(tmp_path_factory) -> Path:
    from docx import Document

    doc = Document()
    anchor = doc.add_paragraph()
    # Written right box first: the boxes are read in the order they stand on the page.
    anchor._p.append(_box_run(RIGHT, 3000000, 2))
    anchor._p.append(_box_run(LEFT, 0, 1))
    for text in (
        "BÁO CÁO",
        "Kết quả công tác cải cách hành chính năm 2024",
        "I. KẾT QUẢ",
        "Năm 2024, UBND xã ban hành 10 văn bản chỉ đạo.",
        *CLOSE,
        "Mai Văn Quý",
    ):
        doc.add_paragraph(text)
    path = tmp_path_factory.mktemp("boxes") / "boxed.docx"
    doc.save(str(path))
    return path


def test_text_boxes_are_one_table_of_their_lines_each_once(boxed):
    blocks = [b for p in ingest(boxed).pages for b in p.blocks]
    assert isinstance(blocks[0], Table)
    assert [c.lines for c in blocks[0].cells] == [list(LEFT), list(RIGHT)]
    lines = [b.text for b in blocks if isinstance(b, Line)]
    assert lines[0] == "BÁO CÁO"  # the anchoring paragraph holds no text of its own
    assert not any("ỦY BAN NHÂN DÂN XÃ" in t or "Số:" in t for t in lines)


def test_a_header_in_text_boxes_gives_the_metadata(boxed):
    document = cchc_extract.convert(boxed).data["document"]
    assert (document["number"], document["issuer"], document["commune"]) == ("21/BC-UBND", "UBND xã Tân Lập", "Tân Lập")
    assert (document["date"], document["place"], document["signer"]) == ("2024-12-12", "Tân Lập", "Mai Văn Quý")
