"""A score table with no maximum column, each criterion's maximum written in its name cell, as the
index decisions list them: "Cải cách thủ tục hành chính (14,5 điểm)", "… (tối đa 2 điểm)", "… [2đ]",
"… (điểm tối đa: 2)", "… - 2 điểm", the total's too ("Tổng số điểm (70,5 điểm)"). The maximum is cut
out of the name into a column of its own, before the table's columns are named, so the table is read
(sums, self ≤ max, faults) as any other. Without it the header named no maximum column and the whole
table went to ``unread`` (told, but none of its rows read).

Only a table whose header names no maximum column is touched, and only when most of its name cells
end on such a mention: in a table that prints its maxima, a name that speaks of points keeps its
words, and a criterion's wording that mentions points on the way ("đạt 2 điểm trở lên") is no
maximum (the mention must close the cell or one of its printed lines, bracketed, after a dash, or
said to be the maximum)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile

# Of the table's filled name cells, at least this many and this share close on a maximum.
MIN_NAMED = 3
MIN_SHARE = 0.6
# The label the new column is given: the score reader's own word for the maximum.
MAX_LABEL = "Điểm tối đa"

ColumnNamer = Callable[[list[str]], "dict[str, int] | None"]

# The pieces of a mention, tolerant of OCR's lost or changed diacritics ("diém", "toi da", "tôi đa").
_FIGURE = r"(?P<figure>\d{1,3}(?:[.,]\d{1,2})?)"
_UNIT = r"(?:[đd][iíìịỉĩ]\S{0,2}m\b|đ|d)\.?"  # "điểm", "diem", "diém", "đ"
_MOST = r"(?:[đd]i\S{0,2}m\s+)?t\S{1,2}i\s*[đd][aáàảãạ]"  # "tối đa", "điểm tối đa", "toi da" (the repair's "tới đã")
_MARKED = rf"{_MOST}\s*[:=]?\s*{_FIGURE}\s*(?:{_UNIT})?"  # "tối đa 2 điểm", "điểm tối đa: 2"
_COUNTED = rf"{_FIGURE}\s*{_UNIT}"  # "2 điểm", "2đ"
# The scale a criterion is scored on, "0 - 2 điểm", "từ 0 đến 2 điểm": its top is the maximum (the
# bottom, mostly 0, is no maximum and no score).
_LOW = r"\d{1,3}(?:[.,]\d{1,2})?"
_RANGED = rf"(?:t[ừu]\s+)?{_LOW}\s*(?:[-–—]|[đd][ếe]n)\s*{_FIGURE}\s*{_UNIT}"
# Each closes the text it is found in (a cell, or a printed line of it).
_MENTIONS = (
    # "(2 điểm)", "(tối đa 2 điểm)", "[2đ]", "(Tối đa: 2 điểm)", "(điểm tối đa 2)"
    lazy_compile(rf"\s*[(\[]\s*(?:{_MARKED}|{_RANGED}|{_COUNTED})\s*[)\]]\.?\s*$", re.I),
    # "… - 2 điểm", "… – tối đa 2 điểm": a dash set off by a space, no hyphen inside a word
    lazy_compile(rf"\s+[-–—]\s*(?:{_MARKED}|{_COUNTED})\s*$", re.I),
    # "…, tối đa 2 điểm", "… Tối đa: 2 điểm": said to be the maximum
    lazy_compile(rf"[\s,;]+{_MARKED}\s*$", re.I),
)
# A mention inside a line of text, bracketed (an OCR dump's row line: "… (14,5 điểm) 14,5 Hoàn thành").
# (a scale's range is one only with the row's figure after it, below: a dump wraps it onto a line of
# its own, under the row's score, where moving its top beside the score put the score in the
# maximum's place)
_BRACKETED = lazy_compile(rf"[(\[]\s*(?:{_MARKED}|{_COUNTED})\s*[)\]]", re.I)
# A scale's range bracketed on the row's own line, the row's figure after it ("3. | Cải cách thủ tục
# hành chính (từ 0 đến 14,5 điểm) 14,25"): there the top is the maximum and the figure the score (a
# range wrapped under the score prints no figure after it, and is left as text).
_RANGED_BEFORE_FIGURE = lazy_compile(
    rf"[(\[]\s*{_RANGED}\s*[)\]](?=[\s:;|_.]*\d{{1,3}}(?:[.,]\d{{1,2}})?(?:\s|$))", re.I
)
# A mention a line break cut: "(tối đa" opened on a line (its figure, the row's score and more after
# it) and "2 điểm)" opening the next one.
_OPENED = lazy_compile(rf"[(\[]\s*{_MOST}\s*[:=]?(?![^()\[\]]*[)\]])", re.I)
_CLOSING_HEAD = lazy_compile(rf"^\s*{_FIGURE}\s*(?:{_UNIT})?\s*[)\]]", re.I)
# A printed line of the cell that is the maximum alone: "2 điểm", "(2 điểm)", "Tối đa 2 điểm" (its
# brackets matched: "2 điểm)" is the end of a mention the line above opened).
_ALONE = rf"(?:{_MARKED}|{_RANGED}|{_COUNTED})"
_OWN_LINE = lazy_compile(rf"^\s*(?:\(\s*{_ALONE}\s*\)|\[\s*{_ALONE}\s*\]|{_ALONE})\.?\s*$", re.I)


def name_maximum(text: str) -> tuple[str, str] | None:
    """The name without the maximum closing it, and the maximum's figure as printed ("14,5");
    None when the text does not close on a maximum."""
    for pattern in _MENTIONS:
        m = pattern.search(text)
        if m and text[: m.start()].strip():
            return text[: m.start()].rstrip(" ,;:-–—"), m.group("figure")
    return None


# A maximum said as such where a bracket opens, whatever follows it in the bracket: a field's
# heading "(tối đa 10 điểm, tự chấm 6 điểm)".
_STATED = lazy_compile(rf"[(\[]\s*{_MARKED}", re.I)


def stated_maximum(text: str) -> float | None:
    """The maximum a name states in a bracket it opens ("… (tối đa 10 điểm, tự chấm 6 điểm)"),
    None when it states none."""
    m = _STATED.search(text)
    return float(m.group("figure").replace(",", ".")) if m else None


def bracketed_mention(text: str) -> tuple[int, int, str] | None:
    """Where the first bracketed mention of a maximum in ``text`` starts and ends, and its figure: a
    maximum said as such, or a scale's range with the row's figure after it on the line."""
    m = _BRACKETED.search(text) or _RANGED_BEFORE_FIGURE.search(text)
    return (m.start(), m.end(), m.group("figure")) if m else None


def cut_mention(line: str, next_line: str) -> tuple[str, str] | None:
    """The two lines of a mention a line break cut ("… (tối đa 9,75 …" / "2 điểm) UBND …") with
    the mention made whole on the first, "(tối đa 2 điểm)" where it opened, and its end dropped
    from the second; None when they hold no such mention."""
    opened, head = _OPENED.search(line), _CLOSING_HEAD.match(next_line)
    if not opened or not head:
        return None
    whole = f"(tối đa {head.group('figure')} điểm)"
    return line[: opened.start()] + whole + " " + line[opened.end() :].lstrip(), next_line[head.end() :].lstrip()


def cell_maximum(text: str, lines: list[str]) -> tuple[str, list[str], str] | None:
    """A name cell's text and printed lines without its maximum, and the maximum's figure: the
    mention closes the cell, or a printed line of its own (the maximum put under the name, scale
    lines after it), or closes the cell's first line (the criterion's name, before its scale lines)."""
    for at, line in enumerate(lines):
        own = _OWN_LINE.match(line)
        if own and at > 0:
            kept = lines[:at] + lines[at + 1 :]
            return " ".join(kept), kept, own.group("figure")
    if len(lines) > 1 and (first := name_maximum(lines[0])):
        kept = [first[0], *lines[1:]]
        return " ".join(kept), kept, first[1]
    whole = name_maximum(text)
    if whole is None:
        return None
    return whole[0], _lines_without(lines, whole[0]), whole[1]


def _lines_without(lines: list[str], name: str) -> list[str]:
    """The printed lines cut where ``name`` ends (its maximum's words dropped); empty when they no
    longer hold its words one for one."""
    words = name.split()
    kept: list[str] = []
    for line in lines:
        taken = line.split()[: len(words) - sum(len(k.split()) for k in kept)]
        if taken:
            kept.append(" ".join(taken))
    return kept if sum(len(k.split()) for k in kept) == len(words) else []


def max_column_from_names(joined: JoinedTable, name_columns: ColumnNamer) -> JoinedTable:
    """The table with a maximum column cut out of its name cells, when its header names none
    (``name_columns`` is the score reader's own naming) and most name cells close on a maximum;
    else the table as it is."""
    labels = joined.header_text
    if not joined.rows or name_columns(labels) is not None or _names_maximum(labels, name_columns):
        return joined
    best = max(range(joined.n_cols), key=lambda c: _closing_share(joined, c), default=None)
    if best is None or _closing_share(joined, best) < MIN_SHARE or _closing_count(joined, best) < MIN_NAMED:
        return joined
    cut = _cut(joined, best)
    named = name_columns(cut.header_text)
    if named is None or named.get("max") != best + 1 or not ({"self", "appraised"} & set(named)):
        return joined
    return cut


def _names_maximum(labels: list[str], name_columns: ColumnNamer) -> bool:
    """Whether a header label already names the maximum (the table lacks a name or points column
    instead): its name cells' mentions are then the names' own words."""
    named = name_columns([*labels, "Tiêu chí", "Điểm tự chấm"])
    return named is not None and named["max"] < len(labels)


def _filled(joined: JoinedTable, col: int) -> list[JoinedRow]:
    return [row for row in joined.rows if col < len(row.cells) and row.cells[col].strip()]


def _closing_count(joined: JoinedTable, col: int) -> int:
    return sum(1 for row in _filled(joined, col) if _row_maximum(row, col))


def _closing_share(joined: JoinedTable, col: int) -> float:
    filled = _filled(joined, col)
    return _closing_count(joined, col) / len(filled) if filled else 0.0


def _row_maximum(row: JoinedRow, col: int) -> tuple[str, list[str], str] | None:
    lines = row.lines[col] if col < len(row.lines) else []
    return cell_maximum(row.cells[col], list(lines))


def _cut(joined: JoinedTable, col: int) -> JoinedTable:
    """The table with a maximum column after the name column ``col``: each name's maximum moved
    there, the name kept without it."""

    def after(values: list, fill) -> list:
        return [*values[: col + 1], fill(values), *values[col + 1 :]] if col < len(values) else list(values)

    header = [after(list(cells), lambda _: MAX_LABEL) for cells in joined.header] or [
        after([""] * joined.n_cols, lambda _: MAX_LABEL)
    ]
    rows = [_cut_row(row, col, after) for row in joined.rows]
    moved = [k if k <= col else k + 1 for k in range(joined.n_cols)]
    owners = [moved[o] for o in after(list(joined.owners), lambda v: v[col])] if joined.owners else []
    if owners:
        owners[col + 1] = col + 1  # the maximum's own column, not the name's
    marks = after(list(joined.column_marks), lambda _: None) if joined.column_marks else []
    return replace(
        joined, header=header, rows=rows, n_cols=joined.n_cols + 1, owners=owners, col_edges=[], column_marks=marks
    )


def _cut_row(row: JoinedRow, col: int, after: Callable[[list, Callable], list]) -> JoinedRow:
    if col >= len(row.cells):
        return row
    # The row's label: its name cell, or, that one blank, the cell before it its label is merged
    # into ("Tổng số điểm (100 điểm)" across the STT and name columns).
    at = next((c for c in range(col, -1, -1) if row.cells[c].strip()), col)
    found = _row_maximum(row, at)
    cells, printed = list(row.cells), [list(ln) for ln in row.lines]
    figure = ""
    if found:
        cells[at], lines, figure = found
        if at < len(printed):
            printed[at] = lines
    cells = [*cells[: col + 1], figure, *cells[col + 1 :]]
    if col < len(printed):
        printed = [*printed[: col + 1], [figure] if figure else [], *printed[col + 1 :]]
    # (the lines' confidences kept beside their lines; the name cell's, its lines cut, dropped)
    line_confs = [list(c) for c in row.line_confs]
    if col < len(line_confs):
        line_confs = [*line_confs[: col + 1], [], *line_confs[col + 1 :]]
    if found and at < len(line_confs):
        line_confs[at] = []

    def same(values: list):  # the name cell's box, bold and confidence
        return values[col]

    return replace(
        row,
        cells=cells,
        lines=printed,
        line_confs=line_confs,
        bold=after(list(row.bold), same),
        bboxes=after(list(row.bboxes), same),
        confs=after(list(row.confs), same),
        above=after(list(row.above), lambda _: None) if row.above else [],
    )
