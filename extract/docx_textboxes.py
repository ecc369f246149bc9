"""Text boxes of a DOCX paragraph: a Decree 30 header is sometimes typed in two floating text boxes
(issuer and number on the left, motto and place-date on the right) anchored in the first, often
empty, paragraph. Word stores each box twice (the DrawingML shape in ``mc:Choice`` and a VML copy
in ``mc:Fallback``), inside the anchoring paragraph's runs: read as the paragraph's own text, the
header came out as one line of both boxes glued together, each twice, and its number, issuer and
commune were lost. The boxes are read as a borderless table instead, one cell per box from left
to right — the shape the other Decree 30 layouts give the header."""

from __future__ import annotations

import copy
import re

from docx.oxml import OxmlElement

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
WP = "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}"
V = "{urn:schemas-microsoft-com:vml}"
_VML_LEFT = re.compile(r"(?:margin-left|left)\s*:\s*(-?[\d.]+)\s*(pt|in|cm|mm|px)?")
_EMU_PER = {"pt": 12700.0, "in": 914400.0, "cm": 360000.0, "mm": 36000.0, "px": 9525.0, None: 12700.0}


def inside_copy(el, root) -> bool:
    """Whether ``el`` lies in a text box, or in the VML copy Word keeps of a shape, below ``root``."""
    node = el.getparent()
    while node is not None and node is not root:
        if node.tag in (W + "txbxContent", MC + "Fallback"):
            return True
        node = node.getparent()
    return False


def own_runs(p) -> list:
    """The paragraph's runs, without those of the text boxes anchored in it (read apart)."""
    runs = list(p.iter(W + "r"))
    if not any(True for _ in p.iter(W + "txbxContent", MC + "Fallback")):
        return runs  # (most paragraphs anchor no box: no ancestor walk per run)
    return [r for r in runs if not inside_copy(r, p)]


def text_boxes_table(p):
    """A ``w:tbl`` holding the text boxes anchored in paragraph ``p`` (one cell each, left to right),
    or None when it anchors no box with text."""
    boxes = []
    for order, box in enumerate(_boxes(p)):
        paragraphs = [q for q in box if q.tag in (W + "p", W + "tbl")]
        if any("".join(t.text or "" for t in q.iter(W + "t")).strip() for q in paragraphs):
            boxes.append((_left(box), order, paragraphs))
    if not boxes:
        return None
    tbl, grid, row = OxmlElement("w:tbl"), OxmlElement("w:tblGrid"), OxmlElement("w:tr")
    tbl.append(grid)
    for _left_at, _order, paragraphs in sorted(boxes, key=lambda b: (b[0], b[1])):
        grid.append(OxmlElement("w:gridCol"))
        cell = OxmlElement("w:tc")
        for q in paragraphs:
            cell.append(copy.deepcopy(q))
        row.append(cell)
    tbl.append(row)
    return tbl


def _boxes(p) -> list:
    """Each text box's content once: a shape's own box, its VML copy only where Word wrote no other."""
    out = []
    for box in p.iter(W + "txbxContent"):
        node, copy_of_shape = box.getparent(), False
        while node is not None and node is not p:
            if node.tag == W + "txbxContent":
                break  # a box inside a box: read with the outer one
            copy_of_shape = copy_of_shape or node.tag == MC + "Fallback"
            node = node.getparent()
        else:
            if not copy_of_shape:
                out.append(box)
    return out


def _left(box) -> float:
    """The box's horizontal offset (EMU) from its anchor, for the left-to-right order."""
    node = box.getparent()
    while node is not None:
        if node.tag == WP + "anchor":
            offset = node.find(f"{WP}positionH/{WP}posOffset")
            return float(offset.text) if offset is not None and offset.text else 0.0
        if node.tag == V + "shape":
            m = _VML_LEFT.search(node.get("style", ""))
            return float(m.group(1)) * _EMU_PER[m.group(2)] if m else 0.0
        node = node.getparent()
    return 0.0
