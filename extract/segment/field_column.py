"""A score grid whose field numeral stands in a column of its own, left of the criteria's number
column and merged down over the field's rows ("Lĩnh vực | TT | Tên tiêu chí | …": "I" once beside
"1", "2", "a)"). The grid gives a merged cell's text once, on its first row, in the column it
starts in; the header maps no field of a score row to that column, so two rows lost their words:

- the field's own row printing its title across the number and the name (one merged cell): the
  title sits in the number's column and the name's is blank. The title is the row's name, and the
  field column's numeral beside it its code ("I");
- a total row whose label spans from the field column ("Tổng số điểm" over the three first
  columns): its label sits in the field column, and the row read as one more criterion with no
  name. The label is read as the row's, so the total is told as any other.

A plan's task table prints its field the same way, "I. Cải cách thể chế" in a column of its own
merged down over the field's tasks, with no heading rows: the header names that column as the
tasks' criterion ("Lĩnh vực", "Nội dung cải cách"), and every cell it holds is a roman numeral and
a title. Those cells are the section of the tasks beside them (``field_sections``), not a criterion.

What a cell says is read from the cells themselves (a numeral, words): no layout is named."""

from __future__ import annotations

import regex as re

from extract.segment.grid_codes import compact_code
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_sections import next_roman, ocr_section_parts
from normalize.codes import parse_code
from schemas.records import TaskRow

# A field's numeral as the field column prints it: "I", "IV", "II." (a roman code, nothing else).
_ROMAN = re.compile(r"^\s*[IVX]{1,5}\.?\s*$")
# A field's numeral and its title in one cell: "I. Cải cách thể chế", "IV - Cải cách tài chính công".
_ROMAN_TITLED = re.compile(r"^\s*(?P<numeral>[IVX]{1,5})\s*[.)\-–:]\s*(?P<title>\p{L}.*\S)\s*$", re.S)


def lead_text(joined: JoinedTable, row: JoinedRow, columns: dict[str, int]) -> str:
    """A row's text in the grid columns left of the number column that the header maps to nothing
    (a field column, or a label merged in from it); "" when the table has none."""
    code_col = columns.get("code")
    if code_col is None:
        return ""
    mapped = {c for col in columns.values() for c in joined.columns_of(col)}
    first = min(joined.columns_of(code_col), default=code_col)
    parts = [row.cells[c].strip() for c in range(first) if c not in mapped and c < len(row.cells)]
    return " ".join(p for p in parts if p)


def spanning_title(code_text: str, name: str, lead: str) -> tuple[str, str] | None:
    """(code, name) of a field's row whose title spans its number and name cells: the number cell
    holds words and no code, the name cell nothing, and the field column beside it a roman numeral;
    None for any other row."""
    text = code_text.strip()
    if name.strip() or not text or parse_code(compact_code(text)) or not re.search(r"\p{L}{3}", text):
        return None
    if not _ROMAN.match(lead):
        return None
    return lead.strip().rstrip("."), text


def _field_cell(text: str, ocr: bool) -> tuple[str, str] | None:
    """(numeral as printed, title) of a field column's cell; an OCR'd row's numeral may be misread
    ("1. Cải cách thể chế", "HI. …"): its section is then read by the sequence."""
    m = _ROMAN_TITLED.match(text)
    if m is not None:
        return m.group("numeral"), m.group("title")
    return ocr_section_parts(text) if ocr else None


def field_sections(rows: list[TaskRow]) -> list[TaskRow]:
    """Task rows whose criterion cell is a field's numeral and title, in a table where every
    criterion cell printed is one (or the rest of the title above, a line the format set on the
    next row: it opens in lower case) and no row stands under a section heading: each row's
    section is that field (a row with no cell of its own, under a merge the format did not carry,
    the field of the row above), its criterion nothing. Any other table is returned as it was."""
    if not rows or any(r.section for r in rows):
        return rows
    groups: list[list] = []  # [section, title, cell text, rows]
    for row in rows:
        text = " ".join((row.criterion or "").split())
        field = _field_cell(text, row.confidence < 1.0)
        if groups and text == groups[-1][2]:  # the merged cell's text given on each of its rows
            groups[-1][3].append(row)
        elif field is not None:
            groups.append([next_roman(groups[-1][0] if groups else None, field[0]), field[1], text, [row]])
        elif not groups or (text and not text[0].islower()):
            return rows  # the first task's field unknown, or a criterion of its own
        else:
            groups[-1][1] += f" {text}" if text else ""
            groups[-1][3].append(row)
    for section, title, _, members in groups:
        for row in members:
            row.section, row.section_title, row.criterion = section, title, ""
    return rows
