"""A score table's explanations printed as footnotes: a mark after the criterion's name ("Ban hành kế
hoạch CCHC năm(1)", "… [1]") and the notes listed under the table after "Ghi chú:", one a line,
"(1) Kế hoạch số 12/KH-UBND ngày …".

The mark is no part of the name, and its note is the row's explanation (the evidence a commune
cites, "tài liệu kiểm chứng", or why points were lost). A mark is taken only where a note of that
number is listed under the table: a name that ends in "(2)" with no such note keeps it. The note
lines so read are the rows' explanations, not counts or text left unread (``note_lines``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extract.model import IngestedDocument, Line
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import Count, ScoreRow, ScoreTable, SourceRef


@dataclass(frozen=True)
class FootnoteSettings:
    # Lines after the table's last row looked at for the notes' label ("Ghi chú:"): a total row,
    # adjustments or a blank line may stand between.
    label_within: int = 8
    # Wrapped lines a note may run over (a long document reference wraps on a PDF's page).
    note_wraps: int = 3


# A mark after the name: "(1)" glued or spaced, "[1]".
_MARK = lazy_compile(r"^(?P<name>.*?\S)\s*(?:\((?P<a>\d{1,2})\)|\[(?P<b>\d{1,2})\])\s*$", re.S)
# A note: "(1) text", "[1] text", "1) text".
_NOTE = lazy_compile(r"^\s*(?:\((?P<a>\d{1,2})\)|\[(?P<b>\d{1,2})\]|(?P<c>\d{1,2})\))\s*(?P<text>\S.*)$", re.S)
_LABEL = lazy_compile(r"^\W*ghi chu\b")
# Lines that end the notes: the letter's recipients, a signature block's words.
_AFTER = lazy_compile(r"^\W*(?:noi nhan|tm\.|kt\.|chu tich|[ivx]+\.\s)")


@dataclass
class Notes:
    """The notes under a table, by number, and the lines they were printed on."""

    text: dict[str, str]
    lines: list[Line]


def _number(m: re.Match) -> str:
    return next(g for g in (m.groupdict().get(k) for k in ("a", "b", "c")) if g)


def notes_after(lines: list[Line], start: int, settings: FootnoteSettings = FootnoteSettings()) -> Notes:
    """The notes listed from the first "Ghi chú" label at most ``label_within`` lines after
    index ``start``."""
    label = next(
        (k for k in range(start, min(len(lines), start + settings.label_within)) if _LABEL.match(fold(lines[k].text))),
        None,
    )
    notes = Notes({}, [])
    if label is None:
        return notes
    if (m := _NOTE.match(lines[label].text.split(":", 1)[-1])) is not None:  # "Ghi chú: (1) …" on one line
        notes.text[_number(m)] = m["text"].strip()
        notes.lines.append(lines[label])
    else:
        notes.lines.append(lines[label])
    last, wraps = None, 0
    for line in lines[label + 1 :]:
        text = line.text.strip()
        m = _NOTE.match(text)
        if m is not None:
            last, wraps = _number(m), 0
            notes.text[last] = m["text"].strip()
        elif last is not None and text and wraps < settings.note_wraps and not _AFTER.match(fold(text)):
            notes.text[last] = f"{notes.text[last]} {text}"
            wraps += 1
        else:
            break
        notes.lines.append(line)
    return notes


def notes_open(lines: list[Line], i: int) -> bool:
    """Whether line ``i`` opens the notes under a table: a "Ghi chú" label with a numbered note on
    it or after it. A line reader's table ends there (the notes "(2) Kế hoạch số …" are no rows:
    an OCR dump prints them as plainly as its rows)."""
    return bool(notes_after(lines, i, FootnoteSettings(label_within=1)).text)


def _marked(row: ScoreRow, notes: Notes) -> ScoreRow:
    m = _MARK.match(row.name)
    if m is None or _number(m) not in notes.text:
        return row
    note = notes.text[_number(m)]
    explanation = f"{row.explanation}; {note}" if row.explanation and note not in row.explanation else note
    return replace(row, name=m["name"], explanation=explanation)


def _last_line(table: ScoreTable) -> int | None:
    ends = [r.source.line_end or r.source.line_start for r in table.rows]
    return max((e for e in ends if e is not None), default=None)


def footnoted(
    doc: IngestedDocument, tables: list[ScoreTable], settings: FootnoteSettings = FootnoteSettings()
) -> tuple[list[ScoreTable], list[Line]]:
    """The tables with their marked rows' names freed of the marks and their notes as explanations;
    the note lines read."""
    lines = [ln for page in doc.pages for ln in page.lines]
    out: list[ScoreTable] = []
    read: list[Line] = []
    for table in tables:
        end = _last_line(table)
        if end is None or not any(_MARK.match(r.name) for r in table.rows):
            out.append(table)
            continue
        start = next((k for k, ln in enumerate(lines) if ln.number > end), None)  # (a grid's lines are its own)
        notes = notes_after(lines, start, settings) if start is not None else Notes({}, [])
        if not notes.text:
            out.append(table)
            continue
        out.append(replace(table, rows=[_marked(r, notes) for r in table.rows]))
        read += notes.lines
    # The notes themselves may have been read as a table ("(9) Công văn số 232/CV-VP ngày 03/06/2024"
    # a code in brackets and figures): they are the rows' explanations now, no table of their own.
    return [t for t in out if not read_as_notes(t, read)], read


def _on_notes(source: SourceRef, places: set[tuple[int, int]]) -> bool:
    """Whether every line an item was read from is a note line (``places``: page, line number)."""
    if source.line_start is None or source.page is None:
        return False
    return all((source.page, n) in places for n in range(source.line_start, (source.line_end or source.line_start) + 1))


def outside_notes(counts: list[Count], note_lines: list[Line]) -> list[Count]:
    """The counts not read from the notes' lines ("(5) Chưa hoàn thành 3/13 nhiệm vụ"): those are
    the rows' explanations."""
    places = {(ln.page, ln.number) for ln in note_lines}
    return [c for c in counts if not _on_notes(c.source, places)]


def read_as_notes(table: ScoreTable, note_lines: list[Line]) -> bool:
    """Whether a table the score reader set aside is the notes read as the rows' explanations: its
    rows ("(1) Báo cáo số 2331/BC-UBND ngày 13/2/2023", a code in brackets and the figures of a
    document's number and date) stand on the notes' lines only. Those lines were read, so they are
    not a table left unread (seed 9001's S22 scan told its two notes as a score table whose numbers
    do not read as points)."""
    places = {(ln.page, ln.number) for ln in note_lines}
    return bool(table.rows) and all(_on_notes(r.source, places) for r in table.rows)
