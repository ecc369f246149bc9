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
# On a scan the word's first letters may be lost to the cell's rule ("ng mục 5" for "Cộng mục 5"):
# what is left of it ("ong", "ng") still opens a subtotal before a group's word and its number (no
# criterion's name opens so).
_SUBTOTAL = lazy_compile(
    r"^(?:cong(?:\s+diem)?(?:\s+(?:linh vuc|muc|phan|nhom))?"
    r"|(?:c|co|o)?ng\s+(?:linh vuc|muc|phan|nhom)(?=\s*[(\[]?\s*(?:\d|[ivx])))"
    r"\s*[(\[]?\s*(?P<number>\d{1,2}|[ivx]{1,5})?\s*[)\]]?\W*$"
)


def subtotal_number(label: str) -> tuple[bool, str | None]:
    """Whether a folded label is a subtotal's, and the number it names ("1" of "cong muc 1"; None
    when it names none)."""
    m = _SUBTOTAL.match(label)
    return m is not None, m.group("number") if m else None


# A label's number that is its own, not its first figure: after a group's word or in brackets.
_OWN_NUMBER = lazy_compile(r"(?:linh vuc|muc|phan|nhom)\s*\S+$|[(\[]\s*\S+\s*[)\]]\W*$")
# OCR's specks at a word's edges ("2ˆ", "14,5-", "8.", "50]", "|"): no letter of a word nor a figure
# (a modifier mark is no letter of Vietnamese; brackets kept for "(1)").
_EDGE_SPECKS = lazy_compile(r"^[^\p{Ll}\p{Lu}\p{Lo}\p{N}(\[]+|[^\p{Ll}\p{Lu}\p{Lo}\p{N})\]]+$")
_FIGURE_SPECKS = lazy_compile(r"^[^\p{Ll}\p{Lu}\p{Lo}\p{N}]+|[^\p{Ll}\p{Lu}\p{Lo}\p{N}]+$")
# Letters a figure's cell may show once OCR has garbled it ("tằm", "Mãn", "PP"): a short run of
# letters, never a word of a criterion's name (those run longer or follow no group's number).
_GARBLE = lazy_compile(r"^\p{L}{1,3}\.{0,3}$")


def _word(token: str) -> str:
    return _EDGE_SPECKS.sub("", token)


def line_subtotal(tokens: list[str], n_points: int = 2) -> tuple[str | None, list[str]] | None:
    """A line of text (an OCR dump) read as a subtotal row, its cells run together: the number its
    label names and its figures as printed ("Cộng lĩnh vực 1 | 5 | 4,5": "1", ["5", "4,5"]); None
    when the line is no subtotal's. The label is the longest run of words the subtotal's grammar
    takes; a bare figure after "Cộng" is a cell ("Cộng 5 4,5"), the label's number only after a
    group's word or in brackets. A bare "Cộng" is a subtotal only when every word after it is a
    figure (a name wrapped after "Công" is none). A label naming its field ("Cộng lĩnh vực 3") is
    a subtotal whatever OCR left of its cells: its figures are the words holding a digit, specks
    and letters garbled from a figure ("m.", "Mãn") dropped, and none at all when they are more
    than the ``n_points`` columns (which is which is past telling: the field's points told unread)."""
    words = [w for t in tokens if (w := _word(t))]
    for k in range(len(words), 0, -1):
        label, rest = fold(" ".join(words[:k])), words[k:]
        found, number = subtotal_number(label)
        if not found or (number is not None and not _OWN_NUMBER.search(label)):
            continue
        figures = [_FIGURE_SPECKS.sub("", w) for w in rest]
        if number is None:
            if not rest or not all(parse_number(f, kind="score") for f in figures):
                continue
            return None, figures
        if not all(any(c.isdigit() for c in w) or _GARBLE.match(w) for w in rest):
            return None
        figures = [_FIGURE_SPECKS.sub("", w) for w in rest if any(c.isdigit() for c in w)]
        return number, figures if len(figures) <= n_points else []
    return None


def open_field(
    drafts: list[RowDraft], number: str | None, specked: bool = False, edge_specks: bool = False
) -> RowDraft | None:
    """The field a subtotal closes: the last row of one level before it, printing no points, with
    rows under it after it and none of them a field; None when there is none or when the
    subtotal's number names another field. ``specked``: the rows are OCR's, whose specks beside a
    field's name read as its points ("4. Cải cách tổ chức bộ máy tr: | 1.") and whose codes may
    have lost their dots ("13" for "1.3"): a subtotal naming its field closes it all the same,
    past codes of one level numbered above it, its figures the field's. ``edge_specks``: the codes
    are an OCR'd grid's code cells, whose specks at the edge (":4." for "4.") are no part of them
    (a dump's line codes are not: its code repair weighs the lines as read)."""
    for i in range(len(drafts) - 1, -1, -1):
        # (a speck OCR read at the code's edge, ":4." for "4.", is no part of it)
        code = parse_code(_FIGURE_SPECKS.sub("", drafts[i].code) if edge_specks else drafts[i].code)
        if code is None or len(code.path) > 1 or not code.path:
            continue
        field = drafts[i]
        named = number is not None and number.isdigit() and code.path[0] == int(number)
        if specked and number is not None and number.isdigit() and code.path[0] > int(number):
            continue  # ("13": a sub-criterion's code whose dot OCR lost, no field)
        printed = field.max_raw is not None or field.self_raw is not None
        if (printed and not (specked and named)) or i == len(drafts) - 1:
            return None
        if number is not None and number.isdigit() and not named:
            return None
        return field
    return None


def close_field(field: RowDraft, points: tuple) -> None:
    """The field given the subtotal's points (max, self as printed, and their confidences)."""
    field.max_raw, field.self_raw = points[0], points[1]
    if len(points) > 2:
        field.number_confs.update(points[2])


def next_field_code(tokens: list[str], n_points: int = 2) -> str | None:
    """The code of the field after the one a subtotal line names ("Cộng mục 4": "5"): the next
    row printed, whose code OCR may have lost ("5š Xây dựng …", "ã Xây dựng …")."""
    read = line_subtotal(tokens, n_points)
    number = read[0] if read else None
    return str(int(number) + 1) if number is not None and number.isdigit() else None


def close_by_line(drafts: list[RowDraft], tokens: list[str], n_points: int = 2) -> bool:
    """Close the field a subtotal line of an OCR dump closes (``line_subtotal``) with its figures,
    max then self, and say so; False, the rows unchanged, when the line is no subtotal or no field
    is open. Figures OCR lost leave the field's points unread (told as any row's are). A subtotal
    naming its field ("Cộng lĩnh vực 2") whose field row OCR lost is taken all the same (True, the
    rows unchanged): it is no criterion, and the lost field is told as a gap in the numbering."""
    read = line_subtotal(tokens, n_points)
    field = open_field(drafts, read[0], specked=True) if read else None
    if read is None or field is None:
        return read is not None and read[0] is not None
    figures = [*read[1], None, None]
    close_field(field, (figures[0], figures[1]))
    return True
