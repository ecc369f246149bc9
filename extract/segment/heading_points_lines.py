"""A field heading printed as one line across a score table, its points in its words, on a table
that reaches us as lines (an OCR text dump): "2. Xây dựng và tổ chức thực hiện văn bản quy phạm
pháp luật (tối đa 8 điểm, tự chấm 6,5 điểm)", the bracket often wrapped after its last figure
("… tự chấm 6,5" / "điểm)"). ``heading_points`` cuts such a row of a grid; on lines the words of
the bracket stayed in the field's name and its first figure was read as the row's maximum (the
self points said after it then lost, or the maximum taken for the self points' place).

Each such line is written as the line reader reads a row: its code, its name, the maximum and the
self points as figures. Only a line opening with a code whose words close on both a maximum and a
self score said in words (``heading_points``), with no figure outside the bracket, is touched; the
wrapped end of the bracket is taken from the next line only when that line opens with it (its
unit and the closing bracket, nothing else before)."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import Line
from extract.segment.heading_points import heading_points
from normalize.lazy_regex import lazy_compile

# The wrapped end of a bracket: "điểm)" (OCR's "diém)", "diem )") opening the next line.
_BRACKET_END = lazy_compile(r"^\s*[đd][iíìịỉĩ]\S{0,2}m\s*[)\]]\s*", re.I)
# A figure standing alone among the name's words.
_FIGURE = lazy_compile(r"\d{1,3}(?:[.,]\d{1,2})?")
# A bracket left open at the line's end.
_OPEN = lazy_compile(r"[(\[][^()\[\]]*$")


def field_points_into_lines(lines: list[Line]) -> list[Line]:
    """The lines with each field heading that states its points in words written as a row (code,
    name, maximum, self points); a heading whose bracket wrapped takes its end back from the next
    line (dropped when nothing else is left on it); other lines as they are."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        below = lines[k + 1] if k + 1 < len(lines) else None
        joined = _joined(line, below)
        if joined is not None:
            line, rest = joined
            below = rest
        cut = _as_row(line)
        if cut is None:
            out.append(lines[k])
            k += 1
            continue
        out.append(cut)
        if joined is not None:
            if below is not None:
                out.append(below)
            k += 2
        else:
            k += 1
    return out


def _joined(line: Line, below: Line | None) -> tuple[Line, Line | None] | None:
    """``line`` with the end of its open bracket taken from ``below``, and what is left of
    ``below`` (None when nothing is); None when the bracket is not open or ``below`` does not
    open with its end (in OCR's raw text and the repaired text alike)."""
    if below is None:
        return None
    pairs = [(_text(line), _text(below))]
    if line.raw is not None or below.raw is not None:
        pairs.append((line.text, below.text))
    cuts = []
    for text, next_text in pairs:
        end = _BRACKET_END.match(next_text)
        if not _OPEN.search(text) or end is None:
            return None
        cuts.append((f"{text.rstrip()} {next_text[: end.end()].strip()}", next_text[end.end() :].strip()))
    raw, repaired = cuts[0], cuts[-1]
    head = _edited(line, raw[0], repaired[0])
    rest = _edited(below, raw[1], repaired[1]) if repaired[1] else None
    return head, rest


def _as_row(line: Line) -> Line | None:
    """The heading written as a row's line, in OCR's raw text and the repaired text alike; None
    when its words are no field heading stating both points (or its own words print a figure)."""
    written = [_written(_text(line))]
    if line.raw is not None:
        written.append(_written(line.text))
    if any(w is None for w in written):
        return None
    raw, repaired = written[0], written[-1]
    assert raw is not None and repaired is not None  # (told by the check above)
    return _edited(line, raw, repaired)


def _written(text: str) -> str | None:
    found = heading_points(text)
    if found is None:
        return None
    code, name, most, own = found
    # (a heading with no code is a title or a sentence; a figure standing in the name is a cell's:
    # the row prints its points after all. OCR's digits inside a word, "t6 chitc", are letters.)
    if not code or any(_FIGURE.fullmatch(token) for token in name.split()):
        return None
    return f"{code} {name} {most} {own}"


def _text(line: Line) -> str:
    return line.raw or line.text


def _edited(line: Line, raw: str, text: str) -> Line:
    return replace(line, text=text, raw=raw if line.raw is not None else None)
