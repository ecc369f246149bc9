"""A score table printed a field at a time, read from lines of text (an OCR dump): the field as a
numbered heading in capitals above its table ("3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH"), its criteria, then
a "Cộng" row closing them with the field's points. The grid path reads such tables with
``field_heading.heading_field``; here the same idea works on lines: the "Cộng" line's figures are
the field's, not a row of their own, nor the table's grand total, nor the next field's (a line of
figures without a code otherwise takes the next line's code: the next heading's).

The heading of a field after the first is read as a row of its own (a code, a name, no figures);
the first field's heading is printed above the table's header, so it is the table's title, and its
row is made from it as the grid path makes it (``heading_field``)."""

from __future__ import annotations

import regex as re

from extract.letter_lines import is_upper
from extract.model import Line
from extract.segment.field_heading import field_code, field_row, heads_a_table, under_field
from extract.segment.line_common import JUNK
from extract.segment.row_draft import LineTable, RowDraft
from extract.segment.table_end import TOTAL_LABEL, is_garbled_total
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings, parse_number
from normalize.text import fold

# A field's code as a row prints it: one number or a roman numeral, a dot or not ("3", "3.", "II").
_FIELD_CODE = lazy_compile(r"^(\d{1,2}|[IVX]{1,5})\.?$")
# OCR reads the blank code cell before the label, and its rules, as a speck or two ("CÔ |", "| |").
_SPECK_WORDS = 2
_SPECK_LETTERS = 2
_EDGE_SPECKS = lazy_compile(r"^[^\d]+|[^\d]+$")
# Rounding of the points a field's criteria print (quarter points), summed against its maximum.
_SUM_SLACK = 0.01
# The words of a field row's name that show it a heading in capitals.
_OPENING_WORDS = 4
# ... and the words a closing line whose label OCR lost may hold: the blank cell's, the label's
# remains, a rule's ("CC | Cũ [18 [LH | 7").
_PLACE_SPECKS = 3
# A lost label's remains: "Cộng" read as another short word ("Cặp", "CN.").
_TOTAL_WORD_LETTERS = 4


def specked_total(folded: str) -> str | None:
    """A field's totals line OCR marred: "clean" when its label follows a speck or two OCR read
    from the blank cell before it ("co | cong | 18 | 14 | |": the label and its figures once the
    specks are set aside); "garbled" when a "Cộng" is followed by figures specks cling to ("cong
    j1 | 95", "cong [18 [138 7 77"), whose cells cannot be told apart; None otherwise."""
    words = folded.split()
    dropped = 0
    while (
        words and dropped < _SPECK_WORDS and (JUNK.match(words[0]) or len(words[0].strip("|.:;_-—")) <= _SPECK_LETTERS)
    ):
        dropped += not JUNK.match(words[0])
        words = words[1:]
    if not words:
        return None
    rest = " ".join(words)
    if dropped and (TOTAL_LABEL.match(rest) or is_garbled_total(rest)):
        return "clean"
    after = words[1:]
    if words[0].strip("|.:;_-—") != "cong" or not any(re.search(r"\d", w) for w in after):
        return None
    specks = all(JUNK.match(w) or re.search(r"\d", w) or len(w.strip("|.:;_-—")) <= _SPECK_LETTERS for w in after)
    if not specks:
        return None
    # (a speck of a letter between the label and its figures, "cong — j 10 | 5 |", leaves them legible)
    legible = all(parse_number(w, kind="score") for w in after if re.search(r"\d", w))
    return "clean" if legible else "garbled"


def unlabelled_closing(folded: str, figures: list[str], next_line: Line | None, last: RowDraft | None) -> bool:
    """A line of figures whose label OCR lost ("| cap | 8 |3 |7"), right above the next field's
    heading: by its place, the "Cộng" closing the field above, when the row before it holds its
    own figures (else they are that row's, printed under its name). Its words are a speck or two."""
    if len(figures) < 2 or next_line is None or not heads_a_table(next_line.raw or next_line.text):
        return False
    # (both figures legible: a field's points, not a garbled line's specks)
    if _points(figures[0]) is None or _points(figures[1]) is None:
        return False
    return _closing_by_place(folded, figures, last)


def _closing_by_place(folded: str, figures: list[str], last: RowDraft | None) -> bool:
    if not figures or last is None or not last.n_numbers:
        return False
    # (a figure with a speck glued to it, "t4", is a cell, not a word)
    words = [w for w in folded.split() if re.search(r"\p{L}", w) and not re.search(r"\d", w)]
    return len(words) <= _PLACE_SPECKS and all(len(re.sub(r"[^\p{L}]", "", w)) <= _TOTAL_WORD_LETTERS for w in words)


def garbled_closing(
    table: LineTable,
    folded: str,
    figures: list[str],
    next_line: Line | None,
    last: RowDraft | None,
    labelled: bool = False,
) -> bool:
    """A field's closing line by its place (figures and specks above the next field's heading, in a
    table printed a field at a time) whose figures do not fit the field (``close_field`` refused
    them: "— —— CN 7818 1. 7"): no row of its own. The field's points cells are marked printed
    but unread (confidence 0), so the field is reviewed rather than its points taken as blank;
    False, the line left to be read as a row, when no blank field is open above it.
    ``labelled``: a "Cộng" whose figures specks marred (``specked_total``), wherever it stands."""
    if not heads_a_table(table.title):
        return False
    if not labelled and (not heading_next(table, next_line) or not _closing_by_place(folded, figures, last)):
        return False
    opened = [r for r in table.rows if _field_heading(r)]
    if not opened and _title_field(table, None, None, None):
        opened = [table.rows[0]]  # (the first field, its heading the title)
    field = opened[-1] if opened else None
    if field is None or field.n_numbers or field.appraised_raw is not None:
        return False
    field.number_confs.update({"max": 0.0, "self": 0.0})
    return True


def heading_next(table: LineTable, next_line: Line | None) -> bool:
    """In a table printed a field at a time (its title the first field's heading), whether the next
    line is a field's heading: it opens a row of its own, whatever line before it waits for a code
    (a closing line OCR garbled past reading, "— —— CN 7818 1. 7", is no row the heading is)."""
    return next_line is not None and heads_a_table(table.title) and heads_a_table(next_line.raw or next_line.text)


def _field_heading(row: RowDraft) -> bool:
    """A row read from a field's heading: a one-number code, a name in capitals ("34 | Rà soát …"
    is a criterion whose dot OCR lost)."""
    words = [t for t, _ in row.name if any(ch.isalpha() for ch in t)]
    # (its opening words: the lost criteria's lines OCR left may run on in its name)
    return _field_code(row.code) is not None and len(words) >= 2 and is_upper(" ".join(words[:_OPENING_WORDS]))


def _field_code(code: str | None) -> str | None:
    m = _FIELD_CODE.match(code or "")
    return m.group(1) if m else None


def _children_fit(field: str, rows: list[RowDraft], closing_max: float | None) -> bool:
    """Whether the rows read since the field's heading are its criteria: none coded under another
    field (OCR loses a row's code: one without is the field's all the same; it may lose every
    criterion's line, the "Cộng" right under the heading), and none with a maximum above the
    field's."""
    if not all(under_field(field, r.code, True) for r in rows if r.code):
        return False
    if closing_max is None:
        return True
    maxima = [_points(r.max_raw) for r in rows]
    # (the field's maximum is its criteria's: those read add up to no more; a row's own figures
    # printed above its code, "8 5" over "2. XÂY DỰNG …", are more than the field above holds)
    direct = [m for r, m in zip(rows, maxima) if m is not None and _direct_child(field, r.code)]
    return all(m is None or m <= closing_max for m in maxima) and sum(direct) <= closing_max + _SUM_SLACK


def _direct_child(field: str, code: str | None) -> bool:
    parts = (code or "").rstrip(".").split(".")
    return len(parts) == 2 and parts[0] == field


def _points(raw: str | None) -> float | None:
    """A figure's value for the checks here, a speck glued to its edge set aside ("T8": 8); the
    row keeps the figure as printed, for the points reader to read."""
    core = _EDGE_SPECKS.sub("", raw or "")
    parsed = parse_number(core, kind="score") if core else None
    return parsed.value if parsed else None


def _closes(text: str, next_line: Line | None, closed_before: bool, labelled: bool) -> bool:
    """Whether a totals line closes a field rather than the table: the next field's heading or
    the grand total follows it, or it is a bare "Cộng" in a table that closed a field so already
    (the last field's, the signature after it)."""
    if not labelled:
        return True  # (``unlabelled_closing`` said so by the heading after it)
    if next_line is not None:
        after = next_line.raw or next_line.text
        if heads_a_table(after) or TOTAL_LABEL.match(fold(after)) or is_garbled_total(fold(after)):
            return True
    words = [w for w in re.split(r"[^\p{L}]+", text) if w]
    return closed_before and "cong" in words and "tong" not in words


def close_field(
    table: LineTable, figures: list[str], text: str, next_line: Line | None, closed_before: bool, labelled: bool = True
) -> bool:
    """Give the field a totals line closes its figures (``figures``: max then self as printed;
    ``text``: the line folded) and say so; False, the table unchanged, when the line closes no
    field: no open field (a row of a one-number code and no figures, or the title's field, over
    the rows read since), or the line is the table's own total. ``labelled``: False for a line
    whose label OCR lost (``unlabelled_closing``)."""
    if not figures or not table.rows or not _closes(text, next_line, closed_before, labelled):
        return False
    max_raw, self_raw = figures[0], (figures[1] if len(figures) > 1 else None)
    closing_max, closing_self = _points(max_raw), _points(self_raw)
    if closing_max is not None and closing_self is not None and closing_self > closing_max:
        # (a field scores no more than its maximum: a garbled line's figures, unless OCR lost the
        # self score's comma, "45" for 4,5, which the points reader puts back)
        if not lost_decimal_readings(_EDGE_SPECKS.sub("", self_raw or ""), closing_max):
            return False
    opened = [k for k, r in enumerate(table.rows) if _field_heading(r)]
    if opened:
        k = opened[-1]
        field, row = _field_code(table.rows[k].code), table.rows[k]
        if row.n_numbers or row.appraised_raw is not None or field is None:
            return False
        if not _children_fit(field, table.rows[k + 1 :], closing_max):
            return False
        row.max_raw, row.self_raw = max_raw, self_raw
        return True
    # The first field: its heading is the title above the table's header.
    return _title_field(table, max_raw, self_raw, closing_max)


def _title_field(table: LineTable, max_raw: str | None, self_raw: str | None, closing_max: float | None) -> bool:
    """Put the field the table's title heads first, with the points its "Cộng" printed, when the
    rows read so far are its criteria (some of them coded under it, none under another)."""
    found = field_code(table.title)
    if found is None or not heads_a_table(table.title) or not table.rows:
        return False
    code, name = found
    ends = [k for k, r in enumerate(table.rows) if _field_heading(r)]
    rows = table.rows[: ends[0]] if ends else table.rows
    if any(r.code == code or r.code == f"{code}." for r in table.rows):
        return False
    if not any(under_field(code, r.code, False) for r in rows) or not _children_fit(code, rows, closing_max):
        return False
    table.rows.insert(0, field_row(code, name, (max_raw, self_raw), None, table.rows[0]))
    return True


def title_field(table: LineTable, fields_closed: bool) -> None:
    """A table read a field at a time whose first field's "Cộng" OCR lost: the field the title
    heads is a row all the same, its points blank (told unread, not left out)."""
    if fields_closed:
        _title_field(table, None, None, None)
