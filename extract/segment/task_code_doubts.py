"""Doubts of an OCR-read task row's criterion code (``task_doubts`` weighs them with the row's other
fields): a stroke read before the code, a code ``task_codes`` put by its section, a code with no dot
or numbered past 9 where the table's others are not, a code of another field than its section's."""

from __future__ import annotations

from extract.segment.task_codes import FLAG as CODE_FROM_DOCUMENT, section_fields
from extract.segment.task_doubt_settings import DOUBT, TaskDoubtSettings
from normalize.lazy_regex import lazy_compile
from schemas.records import TaskRow, TaskTable

_WHOLE_CODE = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){1,2}")
# A code of digits and dots however many digits OCR ran together ("196.2": a bar and a speck
# read before 6.2's field): its field is what stands before the first dot.
_DIGIT_CODE = lazy_compile(r"\d+(?:\.\d+)+")
# A criterion code cell read as a stroke and a code ("1 1.3", "| 2.4"): the column's ruling bar OCR
# read as a digit or a bar before the code, set apart by a space.
_STROKE_BEFORE_CODE = lazy_compile(r"[1lI|!]\s+(\d{1,2}(?:\.\d{1,2}){1,2})")


def code_put_doubts(row: TaskRow) -> list[str]:
    """A criterion code read whole ("6.3") that ``task_codes`` put right by its section's other
    codes ("3.3"): the section is a guess too (a section heading OCR lost keeps the rows under the
    one above, whose field they then take), so the code put goes to review with the one read. A
    code with a letter for a digit ("D.1") is no code as read: put right, not doubted."""
    out = []
    for flag in row.flags:
        read = flag.removeprefix(f"{CODE_FROM_DOCUMENT}:")
        if flag.startswith(f"{CODE_FROM_DOCUMENT}:") and _WHOLE_CODE.fullmatch(read):
            out.append(f"{DOUBT}criterion_code: read '{read}', put '{row.criterion_code}' by its section's other codes")
    return out


def undotted_code_doubt(row: TaskRow, codes: list[str], s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code printed as a whole number where the table's codes print a dot
    (``codes``: the table's criterion codes): OCR's loss of a code's first digit and dot."""
    code = (row.criterion_code or "").strip()
    if not code.isdigit():
        return []
    dotted = sum(1 for c in codes if "." in c)
    if dotted < s.dotted_min_codes or dotted < s.dotted_share * len(codes):
        return []
    return [f"{DOUBT}criterion_code: '{code}' has no dot where the table's other codes print one"]


def long_number_doubt(row: TaskRow, codes: list[str], s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code whose number past the field's dot has two digits ("2.44") where the
    table's other codes all have one: a ruling bar or speck OCR read as a digit beside the code
    ("| 2.4 |" → "2.44"), the code doubted."""
    code = (row.criterion_code or "").strip()
    m = _WHOLE_CODE.fullmatch(code)
    if m is None or not any(len(part) > 1 for part in code.split(".")[1:]):
        return []
    others = [c for c in codes if c != code and _WHOLE_CODE.fullmatch(c)]
    if len(others) < s.dotted_min_codes or any(len(part) > 1 for c in others for part in c.split(".")[1:]):
        return []
    return [f"{DOUBT}criterion_code: '{code}' numbers its criterion past 9 where the table's other codes stay under 10"]


def stroke_code_doubt(row: TaskRow) -> tuple[str | None, list[str]]:
    """A criterion code read with a stroke before it ("1 1.3"): no code as read; the code put
    (its ruling bar dropped) and doubted, the reading kept in the entry."""
    read = (row.criterion_code or "").strip()
    m = _STROKE_BEFORE_CODE.fullmatch(read)
    if m is None:
        return None, []
    return m.group(1), [f"{DOUBT}criterion_code: read '{read}', a stroke before the code ('{m.group(1)}' put)?"]


def section_field_doubt(row: TaskRow, table: TaskTable, s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code whose field is not the one its section's other rows name
    (``section_field_votes`` of them at least, more than name its own): the field's digit OCR
    misread ("9.4" for 5.4, "{145" read "4.5" for 1.5, "196.2" for 6.2) or a heading OCR lost
    that left the row under the section above (its section then wrong too). A code
    ``task_codes`` put is doubted there already."""
    code = (row.criterion_code or "").strip()
    if row.section is None or not _DIGIT_CODE.fullmatch(code):
        return []
    if any(f.startswith(f"{CODE_FROM_DOCUMENT}:") for f in row.flags):
        return []
    votes = section_fields(table, row)
    if not votes:
        return []
    field, n = votes.most_common(1)[0]
    own = code.split(".")[0]
    if field == own or n < s.section_field_votes or n <= votes[own]:
        return []
    return [f"{DOUBT}criterion_code: '{code}' is of field {own} where its section's other rows name field {field}"]
