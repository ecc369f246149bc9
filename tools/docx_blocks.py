"""python-docx building blocks shared by the sample renderings (tools/make_samples.py) and the corpus
generator (tools/corpusgen/render_docx.py): a page set up like an official document, grid tables,
merged header cells and repeated header rows."""

from __future__ import annotations

from docx import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

FONT = "Times New Roman"  # LibreOffice renders it with Liberation Serif (metric-compatible, Vietnamese glyphs)


def new_document() -> Document:
    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = FONT
    style.font.size = Pt(12)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), FONT)
    for heading in ("Heading 1", "Heading 2"):
        doc.styles[heading].font.name = FONT
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    section.top_margin = section.bottom_margin = Cm(2)
    return doc


def set_cell(cell, text: str, bold: bool = False, size: float = 11) -> None:
    cell.text = ""
    run = cell.paragraphs[0].add_run(text)
    run.bold = bold
    run.font.size = Pt(size)


def v_merge(cell, restart: bool) -> None:
    """Mark a cell as the start (restart) or a continuation of a vertical merge."""
    tc_pr = cell._tc.get_or_add_tcPr()
    vm = OxmlElement("w:vMerge")
    if restart:
        vm.set(qn("w:val"), "restart")
    tc_pr.append(vm)


def grid_table(doc, n_cols: int, widths_cm: list[float]):
    table = doc.add_table(rows=0, cols=n_cols)
    table.style = "Table Grid"
    for col, w in zip(table.columns, widths_cm):
        col.width = Cm(w)
    return table


def header_two_rows(table, top: list[str], spanned: tuple[int, str, list[str]]) -> None:
    """Two header rows: every column vertically merged except one group, which has a merged
    (gridSpan) title cell over its sub-headings in the second row."""
    first, second = table.add_row().cells, table.add_row().cells
    span_at, span_title, subs = spanned
    col = 0
    for title in top:
        if col == span_at:
            merged = first[col].merge(first[col + len(subs) - 1])  # python-docx writes gridSpan
            set_cell(merged, span_title, bold=True)
            for i, sub in enumerate(subs):
                set_cell(second[col + i], sub, bold=True)
            col += len(subs)
            continue
        set_cell(first[col], title, bold=True)
        v_merge(first[col], restart=True)
        v_merge(second[col], restart=False)
        col += 1


def repeat_as_header(row) -> None:
    """Word repeats a row marked ``w:tblHeader`` at the top of every page the table runs onto."""
    tr_pr = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    tr_pr.append(flag)
