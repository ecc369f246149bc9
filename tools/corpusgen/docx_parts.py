"""Word features python-docx has no API for, written as the XML Word writes: a list definition of
Word's automatic numbering (numbering.xml) and the paragraphs it numbers, and floating text boxes
(the DrawingML shape with its VML copy, as Word stores a box twice)."""

from __future__ import annotations

from dataclasses import dataclass
from xml.sax.saxutils import escape

from docx.oxml import parse_xml

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = (
    f'xmlns:w="{W_NS}" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
EMU_PER_CM = 360000
# List ids above those of python-docx's template, so a document's own lists never collide with them.
FIRST_LIST_ID = 70


def add_list(doc, patterns: tuple[str, ...]) -> int:
    """A multilevel decimal list whose level k prints ``patterns[k]`` ("%1.", "%1.%2."), each level
    restarting after the one above (Word's default); no indent, so the label fits a narrow cell.
    Returns the list's numId."""
    numbering = doc.part.numbering_part.element
    used = {int(n.get(f"{{{W_NS}}}numId")) for n in numbering.findall(f"{{{W_NS}}}num")}
    list_id = max(used | {FIRST_LIST_ID - 1}) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="{p}"/>'
        f'<w:lvlJc w:val="left"/><w:pPr><w:ind w:left="0" w:hanging="0"/></w:pPr></w:lvl>'
        for k, p in enumerate(patterns)
    )
    abstract = parse_xml(
        f'<w:abstractNum {NS} w:abstractNumId="{list_id}"><w:multiLevelType w:val="multilevel"/>'
        f"{levels}</w:abstractNum>"
    )
    first_num = numbering.find(f"{{{W_NS}}}num")
    if first_num is not None:  # the schema puts every list definition before the first instance
        first_num.addprevious(abstract)
    else:
        numbering.append(abstract)
    numbering.append(parse_xml(f'<w:num {NS} w:numId="{list_id}"><w:abstractNumId w:val="{list_id}"/></w:num>'))
    return list_id


def number_paragraph(paragraph, list_id: int, level: int) -> None:
    """The paragraph numbered by Word at ``level`` of the list (its label is not in its text)."""
    ppr = paragraph._p.get_or_add_pPr()
    ppr.insert(0, parse_xml(f'<w:numPr {NS}><w:ilvl w:val="{level}"/><w:numId w:val="{list_id}"/></w:numPr>'))


@dataclass(frozen=True)
class BoxLine:
    text: str
    bold: bool = False
    italic: bool = False
    size: float = 12


@dataclass(frozen=True)
class TextBox:
    lines: tuple[BoxLine, ...]
    left_cm: float
    width_cm: float
    height_cm: float


def _box_paragraphs(lines: tuple[BoxLine, ...]) -> str:
    out = []
    for line in lines:
        props = ("<w:b/>" if line.bold else "") + ("<w:i/>" if line.italic else "")
        props += f'<w:sz w:val="{round(line.size * 2)}"/>'
        out.append(
            '<w:p><w:pPr><w:spacing w:after="0"/><w:jc w:val="center"/></w:pPr>'
            f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(line.text)}</w:t></w:r></w:p>'
        )
    return "".join(out)


def box_run(box: TextBox, box_id: int):
    """A run holding a floating text box anchored to its paragraph, text wrapping above and below it;
    the shape once as DrawingML (``mc:Choice``) and once as VML (``mc:Fallback``), as Word writes it."""
    body = _box_paragraphs(box.lines)
    x, cx, cy = (round(v * EMU_PER_CM) for v in (box.left_cm, box.width_cm, box.height_cm))
    return parse_xml(
        f'<w:r {NS}><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing>'
        f'<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="{box_id}" behindDoc="0"'
        f' locked="0" layoutInCell="1" allowOverlap="1"><wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="column"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="paragraph"><wp:posOffset>0</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{cx}" cy="{cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapTopAndBottom/>'
        f'<wp:docPr id="{box_id}" name="Text Box {box_id}"/><wp:cNvGraphicFramePr/><a:graphic>'
        f'<a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"><wps:wsp>'
        f'<wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="{cx}" cy="{cy}"/>'
        f'</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:noFill/><a:ln><a:noFill/></a:ln></wps:spPr>'
        f'<wps:txbx><w:txbxContent>{body}</w:txbxContent></wps:txbx><wps:bodyPr lIns="0" rIns="0"/></wps:wsp>'
        f"</a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict>"
        f'<v:shape style="position:absolute;margin-left:{x / 12700:.0f}pt;width:{cx / 12700:.0f}pt;'
        f'height:{cy / 12700:.0f}pt" stroked="f" filled="f"><v:textbox>'
        f"<w:txbxContent>{body}</w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
        f"</mc:AlternateContent></w:r>"
    )
