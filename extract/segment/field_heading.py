"""A score table printed one table per field, the field as a heading above its table ("1. CÔNG TÁC
CHỈ ĐẠO, ĐIỀU HÀNH CCHC") and its points in the table's closing "Cộng" row. The field is a row of
the hierarchy like any other: its code and name are the heading's, its points the "Cộng" row's.
Read so, the field's maximum is checked against its criteria's (a field row lost would hide a
field whose "Cộng" disagrees with its rows)."""

from __future__ import annotations

from extract.letter_lines import is_upper
from extract.model import Line
from extract.segment.row_draft import RowDraft
from normalize.codes import parse_code
from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreTable

# "1. CÔNG TÁC …", "II. CẢI CÁCH …": a code of a field (one number or a roman numeral), then its name.
_FIELD_HEADING = lazy_compile(r"^\s*(\d{1,2}|[IVX]{1,5})\s*[.)]\s+(\S.*)$")


def field_code(title: str) -> tuple[str, str] | None:
    """The field's code and name a heading prints, None when it is no numbered heading."""
    m = _FIELD_HEADING.match(title)
    return (m.group(1), m.group(2).strip()) if m else None


def heads_a_table(text: str) -> bool:
    """Whether a line is a numbered heading in capitals ("3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"): printed
    between two pieces of grid, it heads the next table, which is then no page's continuation of
    the one above (page furniture is no numbered heading in capitals)."""
    found = field_code(text)
    return found is not None and len(found[1].split()) >= 2 and is_upper(found[1])


def under_field(field: str, code: str | None, ocr: bool) -> bool:
    """Whether a row's printed code is one of the field's criteria ("4.1" under "4"); on a scan also
    a code whose dot OCR lost ("41" for 4.1), which the code column's repair restores."""
    if not code or not parse_code(code):
        return False
    if code.startswith(f"{field}."):
        return True
    digits = code.replace(".", "")
    return ocr and digits.isdigit() and len(digits) > len(field) and digits.startswith(field)


def heading_field(
    drafts: list[RowDraft],
    total: tuple,
    closing: tuple,
    title: str,
    ocr: bool = False,
    heading: Line | None = None,
) -> tuple[list[RowDraft], tuple]:
    """The table's rows with the field its heading names put first, holding the points of the
    total row closing its rows (``closing``), and the table's total left: a later grand total
    ("TỔNG CỘNG" over every field, printed under the last field's "Cộng"), or none. The rows
    unchanged when the heading names no field, when some row is not one of the field's criteria
    ("1.2" under "1."), when a row is the field itself, or when no total closes the rows.
    ``heading``: the heading's line nearest the table, where the field row was printed."""
    found = field_code(title)
    if found is None or not drafts or (closing[0] is None and closing[1] is None):
        return drafts, total
    code, name = found
    if not all(under_field(code, d.code, ocr) for d in drafts) or not any(
        under_field(code, d.code, False) for d in drafts
    ):
        return drafts, total
    field = field_row(code, name, closing, heading, drafts[0])
    left = (None, None, {}) if total is closing else total
    return [field, *drafts], left


def field_row(code: str, name: str, closing: tuple, heading: Line | None, first: RowDraft) -> RowDraft:
    """The field's row from its heading (code and name) and the points of the total closing its
    rows (``closing``: max, self as printed, and their confidences when OCR gave them)."""
    # Read from the heading's line (its last, nearest the table) when the caller has it: the row
    # points back to where its name was printed, and that line is no text left unread.
    return RowDraft(
        code=code,
        name=[(t, t) for t in name.split()],
        max_raw=closing[0],
        self_raw=closing[1],
        page=heading.page if heading else first.page,
        line_start=heading.number if heading else first.line_start,
        line_end=heading.number if heading else first.line_start,
        number_confs=dict(closing[2]) if len(closing) > 2 else {},
        bbox=list(heading.bbox) if heading and heading.bbox else None,
        started_by="grid",
    )


def fields_joined(grids: list[tuple[ScoreTable, bool]]) -> list[ScoreTable]:
    """The grids' score tables, those that follow one another each opened by a field row from its
    heading joined into one: the score table printed a field at a time, whose grand total (under
    the last field) is checked against every field's points, not the last field's alone."""
    out: list[ScoreTable] = []
    joining = False
    for table, fielded in grids:
        if fielded and joining:
            whole = out[-1]
            whole.rows += table.rows
            whole.pages = sorted(set(whole.pages) | set(table.pages))
            if table.stated_total_max is not None or table.stated_total_self is not None:
                whole.stated_total_max, whole.stated_total_self = table.stated_total_max, table.stated_total_self
                whole.stated_total_confidence = table.stated_total_confidence
        else:
            out.append(table)
        joining = fielded
    return out
