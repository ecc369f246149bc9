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

What a cell says is read from the cells themselves (a numeral, words): no layout is named."""

from __future__ import annotations

import regex as re

from extract.segment.grid_codes import compact_code
from extract.segment.joined import JoinedRow, JoinedTable
from normalize.codes import parse_code

# A field's numeral as the field column prints it: "I", "IV", "II." (a roman code, nothing else).
_ROMAN = re.compile(r"^\s*[IVX]{1,5}\.?\s*$")


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
