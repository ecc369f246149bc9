"""Criterion codes of task rows held to the codes the document itself gives: a plan to raise the
index scores criteria ("+ Tiêu chí 5.4 …: 0,75/1 điểm") and lists under each field's heading the
tasks that answer that field's criteria. A task's code that neither a statement, the recognised
criteria set nor another task row has, and that cannot be a criterion of its row's section (another
field than the one the section's other rows name, or a criterion numbered past 9 where that field's
known ones stay under 10: "2.43"), is a misreading when exactly one known code of the section's
field lies a character away from it ("9.4" under the heading whose rows read 5.2, 5.4 → "5.4"; a
letter OCR read for a digit: "D.1" → "5.1"). Ties stay as read."""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Iterable

import regex as re

from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreStatement, TaskRow, TaskTable

_CODE = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){1,2}")
# A code as read: a capital letter may stand for a digit OCR misread ("D.1" for "5.1"), a
# Vietnamese capital among them (Tesseract's vie model reads a 5's hook and bar as "Đ": "Đ.3").
_READ_CODE = lazy_compile(r"[\d\p{Lu}]{1,2}(?:\.[\d\p{Lu}]{1,2}){1,2}")
FLAG = "criterion_code_from_document"
# A section's field is named by at least this many of its other rows' codes.
_SECTION_VOTES = 2
# A code's stop OCR read as a one ("715" for 7.5): three digits, a one between, where at least this
# many of the table's other codes print one digit either side of their stop and none prints more.
_STOP_AS_ONE = lazy_compile(r"(?P<field>\d)1(?P<item>\d)")
_ONE_DIGIT_CODE = lazy_compile(r"\d\.\d")
_DOTTED_VOTES = 3


def _one_edit(a: str, b: str) -> bool:
    """Whether ``b`` is ``a`` with one digit changed (or a letter of ``a`` read for it), added or
    dropped."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [(x, y) for x, y in zip(a, b, strict=True) if x != y]
        return len(diff) == 1 and (diff[0][0].isdigit() or diff[0][0].isupper()) and diff[0][1].isdigit()
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[k].isdigit() and long_[:k] + long_[k + 1 :] == short for k in range(len(long_)))


def _field(code: str) -> str:
    return code.split(".")[0]


def _long_part(code: str) -> bool:
    return any(len(p) > 1 for p in code.split(".")[1:])


def section_fields(table: TaskTable, row: TaskRow, known: Collection[str] | None = None) -> Counter[str]:
    """The fields the other rows of ``row``'s section name by their criterion codes (those in
    ``known``, or every whole code): a plan lists under each field's heading the tasks that answer
    that field's criteria."""
    return Counter(
        _field(r.criterion_code)
        for r in table.rows
        if r is not row
        and r.section == row.section
        and r.criterion_code
        and (r.criterion_code in known if known is not None else _CODE.fullmatch(r.criterion_code.strip()))
    )


def stated_codes(statements: Iterable[ScoreStatement], known: Iterable[str] = ()) -> set[str]:
    """The criterion codes the document states points for, with a criteria set's codes."""
    codes = {s.code for s in statements if s.code and _CODE.fullmatch(s.code)}
    return codes | {c for c in known if _CODE.fullmatch(c)}


def held_to_statements(tables: list[TaskTable], stated: set[str]) -> list[TaskTable]:
    """The tables with each row's impossible criterion code put right when one known code of its
    section's field is a character away; the row is flagged with the code as read."""
    for table in tables:
        for row in table.rows:
            code = (row.criterion_code or "").strip()
            if (dotted := _stop_read_as_one(code, table, row)) is not None:
                row.criterion_code = dotted
                row.flags.append(f"{FLAG}:{code}")
                continue
            if not _READ_CODE.fullmatch(code) or not any(ch.isdigit() for ch in code):
                continue
            others = [r.criterion_code for r in table.rows if r is not row and r.criterion_code]
            known = stated | {c for c in others if _CODE.fullmatch(c)}
            if code in known:
                continue
            votes = section_fields(table, row, known)
            if row.section is None or not votes:
                continue
            field, n = votes.most_common(1)[0]
            # A letter makes no code: one other row of the section is enough to say its field.
            if n < (1 if not _CODE.fullmatch(code) else _SECTION_VOTES):
                continue
            same_field = [c for c in known if _field(c) == field]
            wrong_field = _field(code) != field
            if not wrong_field and not (_long_part(code) and not any(_long_part(c) for c in same_field)):
                continue
            near = [c for c in same_field if _one_edit(code, c)]
            if not near and re.fullmatch(r"\p{Lu}\.\d{1,2}", code):
                near = [f"{field}{code[1:]}"]  # the field OCR read as a letter is the section's
            if len(near) == 1:
                row.criterion_code = near[0]
                row.flags.append(f"{FLAG}:{code}")
    return tables


def _stop_read_as_one(code: str, table: TaskTable, row: TaskRow) -> str | None:
    """The code ``code`` is with its stop put back where OCR read it as a one ("715" → "7.5"): no
    criterion code is three digits undotted, and the table's other codes all print one digit
    either side of their stop (``_DOTTED_VOTES`` of them at least); None otherwise."""
    m = _STOP_AS_ONE.fullmatch(code)
    if m is None:
        return None
    others = [c.strip() for c in (r.criterion_code for r in table.rows if r is not row) if c and c.strip()]
    if len(others) < _DOTTED_VOTES or not all(_ONE_DIGIT_CODE.fullmatch(c) for c in others):
        return None
    return f"{m['field']}.{m['item']}"
