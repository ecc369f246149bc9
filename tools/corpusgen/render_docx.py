"""Blocks of a corpus document as a real DOCX (python-docx), built on the helpers of make_samples."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx_blocks import new_document, repeat_as_header

from corpusgen.document import (
    MOTTO,
    Addressee,
    Document,
    Framed,
    Header,
    Landscape,
    PageBreak,
    PagePicture,
    Para,
    Signature,
    Table,
    Title,
)
from corpusgen.docx_parts import BoxLine, TextBox, add_list, box_run, number_paragraph
from corpusgen.grid import Grid
from corpusgen.tab_rows import TabRows, write_tab_rows

ALIGN = {
    "left": WD_ALIGN_PARAGRAPH.LEFT,
    "center": WD_ALIGN_PARAGRAPH.CENTER,
    "right": WD_ALIGN_PARAGRAPH.RIGHT,
    "justify": WD_ALIGN_PARAGRAPH.JUSTIFY,
}


def _landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)


def _no_borders(table) -> None:
    """Borderless: the columns are only there by alignment (Decree 30 header and signature blocks)."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _widths(table, widths_cm) -> None:
    """Fixed column widths (LibreOffice reads the cells' widths, Word the grid's)."""
    table.autofit = False
    for i, w in enumerate(widths_cm):
        table.columns[i].width = Cm(w)
        for cell in table.columns[i].cells:
            cell.width = Cm(w)


def _cant_split(row) -> None:
    flag = OxmlElement("w:cantSplit")
    flag.set(qn("w:val"), "true")
    row._tr.get_or_add_trPr().append(flag)


def _rotated(cell) -> None:
    """The cell's text turned to run bottom to top (Word's "btLr"), centred across the cell."""
    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER


# A row holding rotated labels stands at least this tall, so "Điểm tự đánh giá" fits on one line.
ROTATED_ROW_CM = 3.2


def _write_lines(cell, lines: list[tuple[str, dict]], size: float) -> None:
    """One paragraph per line; each line's dict may set bold, italic, align."""
    cell.text = ""
    for i, (text, fmt) in enumerate(lines):
        para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        para.alignment = ALIGN[fmt.get("align", "left")]
        para.paragraph_format.space_after = Pt(0)
        run = para.add_run(text)
        run.bold = fmt.get("bold", False)
        run.italic = fmt.get("italic", False)
        run.font.size = Pt(fmt.get("size", size))


def _para(doc, text: str, bold=False, italic=False, align="center", size=13, space_after=0):
    para = doc.add_paragraph()
    para.alignment = ALIGN[align]
    para.paragraph_format.space_after = Pt(space_after)
    run = para.add_run(text)
    run.bold, run.italic = bold, italic
    run.font.size = Pt(size)
    return para


def _header_boxes(doc, meta) -> None:
    """The header in two floating text boxes anchored in the first paragraph: the issuer and number
    on the left, the motto and place-date on the right (the right one written first, as a box drawn
    later may be stored earlier)."""
    issuer = meta.issuer_lines()
    left = [BoxLine(line, bold=i == len(issuer) - 1) for i, line in enumerate(issuer)]
    left += [BoxLine("-------"), BoxLine(meta.number_line(), size=13)]
    right = (
        BoxLine(MOTTO[0], bold=True),
        BoxLine(MOTTO[1], bold=True, size=13),
        BoxLine("---------------"),
        BoxLine(meta.place_date(), italic=True, size=13),
    )
    wide = max(len(line) for line in issuer) > 24
    width = 7.6 if wide else 6.3
    anchor = doc.add_paragraph()
    anchor._p.append(box_run(TextBox(right, width, 17.0 - width, 2.8), 2))
    anchor._p.append(box_run(TextBox(tuple(left), 0.0, width, 2.8), 1))
    doc.add_paragraph()


def _subject_lines(meta) -> list[str]:
    """An official letter's subject under its number: "V/v " and the first line, then the rest."""
    if not meta.subject:
        return []
    return [f"V/v {meta.title_lines[0]}", *meta.title_lines[1:]]


def _addressee(doc, block: Addressee) -> None:
    """ "Kính gửi: X." on one centred line, or "Kính gửi:" over a dashed list of recipients."""
    if len(block.names) == 1:
        _para(doc, f"Kính gửi: {block.names[0]}.", size=14, space_after=6)
        return
    _para(doc, "Kính gửi:", size=14)
    for k, name in enumerate(block.names):
        para = _para(doc, f"- {name}" + (";" if k < len(block.names) - 1 else "."), align="left", size=14)
        para.paragraph_format.left_indent = Cm(5)
    _para(doc, "", size=6)


def _header(doc, meta, block: Header) -> None:
    if block.style == "boxes":
        _header_boxes(doc, meta)
        return
    issuer = meta.issuer_lines()
    if block.style == "tabs":
        # One printed line per pair, the right-hand text at a centred tab stop.
        left_lines = issuer + [""] * (2 - len(issuer))
        pairs = [(left_lines[0], MOTTO[0]), (left_lines[1], MOTTO[1]), (meta.number_line(), meta.place_date())]
        for i, (left, right) in enumerate(pairs):
            para = doc.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            para.paragraph_format.tab_stops.add_tab_stop(Cm(11.8), WD_TAB_ALIGNMENT.CENTER)
            a = para.add_run(left)
            a.bold = i < 2
            a.font.size = Pt(12)
            b = para.add_run("\t" + right)
            b.bold = i < 2
            b.italic = i == 2
            b.font.size = Pt(12)
        doc.add_paragraph()
        return
    if block.style == "stacked":
        for i, line in enumerate(issuer):
            _para(doc, line, bold=i == len(issuer) - 1, size=12)
        _para(doc, MOTTO[0], bold=True, size=12)
        _para(doc, MOTTO[1], bold=True, size=13)
        _para(doc, meta.number_line(), align="left", size=12)
        for line in _subject_lines(meta):
            _para(doc, line, align="left", size=12)
        _para(doc, meta.place_date(), italic=True, align="right", size=12, space_after=6)
        return
    table = doc.add_table(rows=2, cols=2)
    _no_borders(table)
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # the issuer column wide enough for a long "ỦY BAN NHÂN DÂN XÃ ..." line: names are not split
    _widths(table, (7.6, 9.4) if max(len(line) for line in issuer) > 24 else (6.3, 10.7))
    left = [(line, {"bold": i == len(issuer) - 1, "align": "center", "size": 12}) for i, line in enumerate(issuer)]
    left.append(("-------", {"align": "center", "size": 12}))
    _write_lines(table.cell(0, 0), left, 12)
    _write_lines(
        table.cell(0, 1),
        [
            (MOTTO[0], {"bold": True, "align": "center", "size": 12}),
            (MOTTO[1], {"bold": True, "align": "center", "size": 13}),
            ("---------------", {"align": "center"}),
        ],
        12,
    )
    subject = [(line, {"align": "center", "size": 12}) for line in _subject_lines(meta)]
    _write_lines(table.cell(1, 0), [(meta.number_line(), {"align": "center", "size": 13})] + subject, 13)
    _write_lines(table.cell(1, 1), [(meta.place_date(), {"italic": True, "align": "center", "size": 13})], 13)
    doc.add_paragraph()


def _signature(doc, meta, block: Signature) -> None:
    role = meta.signature_lines()
    right = [(line, {"bold": True, "align": "center", "size": 13}) for line in role]
    if meta.signed_mark:
        right.append(("(Đã ký)", {"italic": True, "align": "center", "size": 13}))
    else:
        right.extend([("", {})] * 3)
    right.append((meta.signer, {"bold": True, "align": "center", "size": 13}))
    left = [("Nơi nhận:", {"bold": True, "italic": True, "size": 12})]
    left += [(f"- {r}", {"size": 11}) for r in meta.recipients]
    if not block.recipients:  # the signer's block alone, its left half empty
        left = []
    doc.add_paragraph()
    if block.style == "paragraphs":
        for text, fmt in left:
            _para(
                doc,
                text,
                bold=fmt.get("bold", False),
                italic=fmt.get("italic", False),
                align="left",
                size=fmt.get("size", 12),
            )
        for text, fmt in right:
            para = _para(doc, text, bold=fmt.get("bold", False), italic=fmt.get("italic", False), align="center")
            para.paragraph_format.left_indent = Cm(9)
        return
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _widths(table, (8.5, 8.5))
    _cant_split(table.rows[0])  # the signature block stays on one page
    _write_lines(table.cell(0, 0), left, 12)
    _write_lines(table.cell(0, 1), right, 13)


def _title(doc, block: Title) -> None:
    if block.kind_word:
        _para(doc, block.kind_word, bold=True, size=14)
    for line in block.lines:
        _para(doc, line, bold=True, size=13)
    if block.note:
        _para(doc, block.note, italic=True, size=12)
    _para(doc, "", size=6)


def _grid_positions(grid: Grid) -> list[list[tuple[int, object]]]:
    out = []
    for row in grid.rows:
        col, cells = 0, []
        for cell in row.cells:
            cells.append((col, cell))
            col += cell.span
        out.append(cells)
    return out


def _framed(doc, block: Framed) -> None:
    """The table inside a cell of a layout table (``Framed``): Word keeps it there, nested."""
    width = sum(block.table.grid.widths_cm) + 0.4
    cols = 2 if block.label else 1
    rows = [r for r in (block.caption, "table", block.note) if r]
    outer = doc.add_table(rows=len(rows), cols=cols)
    if block.ruled:
        outer.style = "Table Grid"
    else:
        _no_borders(outer)
    _widths(outer, (1.6, width) if block.label else (width,))
    for k, what in enumerate(rows):
        cell = outer.cell(k, cols - 1)
        if what == "table":
            cell.paragraphs[0].paragraph_format.space_after = Pt(0)
            _table(doc, block.table, cell)
            if block.label:
                _write_lines(outer.cell(k, 0), [(block.label, {"bold": True, "align": "center"})], 11)
            continue
        if block.label:
            cell = outer.cell(k, 0).merge(cell)
        bold = what == block.caption
        _write_lines(cell, [(what, {"bold": bold, "italic": not bold, "align": "center"})], 12 if bold else 11)


def _table(doc, block: Table, container=None) -> None:
    grid = block.grid
    n_cols = len(grid.widths_cm)
    table = (container or doc).add_table(rows=len(grid.rows), cols=n_cols)
    if block.ruled:
        table.style = "Table Grid"
    else:
        _no_borders(table)
    _widths(table, grid.widths_cm)
    positions = _grid_positions(grid)
    list_id = add_list(doc, block.numbering) if block.numbering else None
    for r, cells in enumerate(positions):  # horizontal spans first, then vertical merges
        for col, cell in cells:
            if cell.span > 1:
                table.cell(r, col).merge(table.cell(r, col + cell.span - 1))
    for r, cells in enumerate(positions):
        for col, cell in cells:
            if cell.vmerge == "restart":
                end = r
                while end + 1 < len(positions) and any(
                    c == col and x.vmerge == "continue" for c, x in positions[end + 1]
                ):
                    end += 1
                if end > r:
                    table.cell(r, col).merge(table.cell(end, col + cell.span - 1))
    for r, cells in enumerate(positions):
        for col, cell in cells:
            if cell.vmerge == "continue":
                continue
            fmt = {"bold": cell.bold, "align": cell.align}
            _write_lines(table.cell(r, col), [(line, fmt) for line in cell.text.split("\n")], block.font_pt)
            if list_id is not None and cell.numbered is not None:
                number_paragraph(table.cell(r, col).paragraphs[0], list_id, cell.numbered)
            if block.valign == "center" and cell.align == "center":
                table.cell(r, col).vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            if cell.rotated:
                _rotated(table.cell(r, col))
                table.rows[r].height = Cm(ROTATED_ROW_CM)
    for row, grid_row in zip(table.rows, grid.rows):
        if grid_row.kind in ("header", "numbers") and block.repeat_header:
            repeat_as_header(row)
        if not block.allow_break:
            _cant_split(row)


def write_docx(document: Document, path: Path) -> None:
    doc = new_document()
    if document.landscape:
        _landscape(doc.sections[0])
    for block in document.blocks:
        if isinstance(block, Header):
            _header(doc, document.meta, block)
        elif isinstance(block, Title):
            _title(doc, block)
        elif isinstance(block, Para):
            _para(doc, block.text, block.bold, block.italic, block.align, size=13, space_after=4)
        elif isinstance(block, Table):
            _table(doc, block)
        elif isinstance(block, Framed):
            _framed(doc, block)
        elif isinstance(block, Addressee):
            _addressee(doc, block)
        elif isinstance(block, Signature):
            _signature(doc, document.meta, block)
        elif isinstance(block, PageBreak):
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif isinstance(block, Landscape):
            _landscape(doc.add_section(WD_SECTION.NEW_PAGE))
        elif isinstance(block, TabRows):
            write_tab_rows(doc, block)
        elif isinstance(block, PagePicture):
            from corpusgen.page_pictures import add_page_pictures  # LibreOffice: only for pictures

            add_page_pictures(doc, block)
    buffer = io.BytesIO()
    doc.save(buffer)
    _fixed_zip(buffer, path)


def _fixed_zip(buffer: io.BytesIO, path: Path) -> None:
    """The package re-zipped with fixed member dates: the same content gives the same bytes."""
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=(2024, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(info, src.read(item.filename))
