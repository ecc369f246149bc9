"""A score table whose field rows print their code and name only, each field closed by a subtotal
row after its last criterion, as a spreadsheet sums a group: "Cộng", "Cộng lĩnh vực 1", "Cộng mục
1", "Cộng (1)" in the name cell, the code cell blank, the field's maximum and self points. The
subtotal's points are the field's (checked against its criteria as any field's are); the subtotal
is no criterion of its own and no grand total. A subtotal closes a field only when one is open: a
field row (a code of one level) printing no points, with rows under it since; otherwise the row is
read as it was (a "Cộng" under a table whose fields print their points is its total)."""

from __future__ import annotations

from extract.segment.row_draft import RowDraft
from normalize.codes import parse_code
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# "cong", "cong linh vuc 1", "cong muc 2", "cong (3)", "cong diem phan II" (folded): a group's sum.
_SUBTOTAL = lazy_compile(
    r"^cong(?:\s+diem)?(?:\s+(?:linh vuc|muc|phan|nhom))?\s*[(\[]?\s*(?P<number>\d{1,2}|[ivx]{1,5})?\s*[)\]]?\W*$"
)


def subtotal_number(label: str) -> tuple[bool, str | None]:
    """Whether a folded label is a subtotal's, and the number it names ("1" of "cong muc 1"; None
    when it names none)."""
    m = _SUBTOTAL.match(label)
    return m is not None, m.group("number") if m else None


# A label's number that is its own, not its first figure: after a group's word or in brackets.
_OWN_NUMBER = lazy_compile(r"(?:linh vuc|muc|phan|nhom)\s*\S+$|[(\[]\s*\S+\s*[)\]]\W*$")


def line_subtotal(tokens: list[str]) -> tuple[str | None, list[str]] | None:
    """A line of text (an OCR dump) read as a subtotal row, its cells run together: the number its
    label names and its figures as printed ("Cộng lĩnh vực 1 | 5 | 4,5": "1", ["5", "4,5"]); None
    when the line is no subtotal's. The label is the longest run of words the subtotal's grammar
    takes whose figures after it are all points; a bare figure after "Cộng" is a cell ("Cộng 5
    4,5"), the label's number only after a group's word or in brackets."""
    words = [w for t in tokens if (w := t.strip("|"))]
    for k in range(len(words), 0, -1):
        label, figures = fold(" ".join(words[:k])), words[k:]
        found, number = subtotal_number(label)
        if not found or not all(parse_number(f, kind="score") for f in figures):
            continue
        if number is not None and not _OWN_NUMBER.search(label):
            continue
        # (the longest label first: "Cộng lĩnh vực 1" alone names its field and prints no figures)
        return (number, figures) if figures else None
    return None


def open_field(drafts: list[RowDraft], number: str | None) -> RowDraft | None:
    """The field a subtotal closes: the last row of one level before it, printing no points, with
    rows under it after it and none of them a field; None when there is none or when the
    subtotal's number names another field."""
    for i in range(len(drafts) - 1, -1, -1):
        code = parse_code(drafts[i].code)
        if code is None or len(code.path) > 1:
            continue
        field = drafts[i]
        if field.max_raw is not None or field.self_raw is not None or i == len(drafts) - 1:
            return None
        if number is not None and number.isdigit() and code.path and code.path[0] != int(number):
            return None
        return field
    return None


def close_field(field: RowDraft, points: tuple) -> None:
    """The field given the subtotal's points (max, self as printed, and their confidences)."""
    field.max_raw, field.self_raw = points[0], points[1]
    if len(points) > 2:
        field.number_confs.update(points[2])


def close_by_line(drafts: list[RowDraft], tokens: list[str]) -> bool:
    """Close the field a subtotal line closes (``line_subtotal``) with its figures, max then self,
    and say so; False, the rows unchanged, when the line is no subtotal or no field is open."""
    read = line_subtotal(tokens)
    field = open_field(drafts, read[0]) if read else None
    if read is None or field is None:
        return False
    figures = read[1]
    close_field(field, (figures[0], figures[1] if len(figures) > 1 else None))
    return True
