"""A score table printed one table per field, the field as a heading above its table ("1. CÔNG TÁC
CHỈ ĐẠO, ĐIỀU HÀNH CCHC") and its points in the table's closing "Cộng" row. The field is a row of
the hierarchy like any other: its code and name are the heading's, its points the "Cộng" row's.
Read so, the field's maximum is checked against its criteria's (a field row lost would hide a
field whose "Cộng" disagrees with its rows)."""

from __future__ import annotations

from extract.letter_lines import is_upper
from extract.segment.row_draft import RowDraft
from normalize.codes import parse_code
from normalize.lazy_regex import lazy_compile

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


def _under(field: str, code: str | None, ocr: bool) -> bool:
    """Whether a row's printed code is one of the field's criteria ("4.1" under "4"); on a scan also
    a code whose dot OCR lost ("41" for 4.1), which the code column's repair restores."""
    if not code or not parse_code(code):
        return False
    if code.startswith(f"{field}."):
        return True
    digits = code.replace(".", "")
    return ocr and digits.isdigit() and len(digits) > len(field) and digits.startswith(field)


def heading_field(drafts: list[RowDraft], total: tuple, title: str, ocr: bool = False) -> tuple[list[RowDraft], tuple]:
    """The table's rows with the field its heading names put first, holding the closing total's
    points, and no table total left (it was the field's). The rows unchanged when the heading names
    no field, when some row is not one of the field's criteria ("1.2" under "1."), when a row is
    the field itself, or when the table states no total to give the field its points."""
    found = field_code(title)
    if found is None or not drafts or (total[0] is None and total[1] is None):
        return drafts, total
    code, name = found
    if not all(_under(code, d.code, ocr) for d in drafts) or not any(_under(code, d.code, False) for d in drafts):
        return drafts, total
    first = drafts[0]
    field_row = RowDraft(
        code=code,
        name=[(t, t) for t in name.split()],
        max_raw=total[0],
        self_raw=total[1],
        page=first.page,
        line_start=first.line_start,
        line_end=first.line_start,
        number_confs=dict(total[2]) if len(total) > 2 else {},
        started_by="grid",
    )
    return [field_row, *drafts], (None, None, {})
