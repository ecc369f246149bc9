"""The maximum written in a criterion's name (``max_in_name``), on a table that reaches us as lines
(an OCR text dump): "3. Cải cách thủ tục hành chính (14,5 điểm) 14,5 Hoàn thành …", or, the name
wrapped, the mention on a line of its own under the row's figures ("1. Công tác chỉ đạo, điều hành
… 10 Thông báo số" / "(10 điểm) UBND ngày"). The line reader takes a row's first figure for the
maximum, so the self points alone were read as the maximum and the maximum lost (rows recovered by
their names in the criteria set, their points told unread). Each mention is moved where the
maximum column would print it: before the row's one figure, or in its place when the row prints
none.

Only a table whose header says nothing of a maximum ("tối đa", "thang điểm", "điểm chuẩn") and whose
lines hold at least ``MIN_MENTIONS`` bracketed mentions is touched; a row line that already prints
two figures or more (a maximum column after all) keeps its text."""

from __future__ import annotations

from dataclasses import replace
from itertools import takewhile

import regex as re

from extract.model import Line
from extract.segment.line_common import LineTableSettings, is_score_token
from extract.segment.line_header import header_concepts, is_header_line
from extract.segment.max_in_name import MIN_NAMED, bracketed_mention, cut_mention
from extract.segment.table_end import is_signature, is_total_label
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# Folded header words that name a maximum column: a header with any of them prints its maxima.
_MAX_LABELS = lazy_compile(r"\b(?:t\w{1,2}i\s*da|thang\s*diem|diem\s*chuan)\b")
# Lines of the header's run looked at for such a label (a wrapped header's labels).
HEADER_RUN = 4
# A row's opening: its code ("1.", "2.1", "b)") before the name.
_OPENING = lazy_compile(r"^\s*(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+\S")


_LINE_SETTINGS = LineTableSettings()


def maxima_into_lines(lines: list[Line]) -> list[Line]:
    """The lines with each table's name mentions of the maximum moved before the row's figure,
    for the tables whose header names no maximum column; other lines as they are."""
    out = list(lines)
    k = 0
    while k < len(out):
        if not _names_no_maximum(out, k):
            k += 1
            continue
        end = next((j for j in range(k + 1, len(out)) if is_signature(fold(_text(out[j])))), len(out))
        body = range(k + 1, end)
        for j in range(k + 1, end - 1):
            _join_cut_mention(out, j)
        # (lines with word boxes are read by their positions: their words would no longer be the text)
        mentions = sum(1 for j in body if bracketed_mention(_text(out[j])))
        if mentions >= MIN_NAMED and not any(out[j].words for j in body):
            for j in body:
                _move_mention(out, j, k + 1)
        k = end
    return out


def _join_cut_mention(lines: list[Line], j: int) -> None:
    """A mention the line break cut between lines ``j`` and ``j + 1`` made whole on line ``j``, in
    OCR's raw text and the repaired text alike."""
    line, below = lines[j], lines[j + 1]
    raw = cut_mention(_text(line), _text(below))
    repaired = raw if line.raw is None and below.raw is None else cut_mention(line.text, below.text)
    if raw is None or repaired is None:
        return
    lines[j], lines[j + 1] = _edited(line, raw[0], repaired[0]), _edited(below, raw[1], repaired[1])


def _text(line: Line) -> str:
    return line.raw or line.text


def _names_no_maximum(lines: list[Line], k: int) -> bool:
    """Whether line ``k`` opens a score table's header (the criterion and a points column named)
    and no line of the header's run names a maximum column."""
    line = lines[k]
    if not is_header_line(line, _LINE_SETTINGS) or "criterion" not in header_concepts(_text(line)):
        return False
    # (the run ends at the first row: a name's own "(tối đa 2 điểm)" is no header label)
    run = list(takewhile(lambda ln: not _OPENING.match(_text(ln)), lines[k + 1 : k + HEADER_RUN]))
    run = [line, *run]
    return not any(_MAX_LABELS.search(fold(_text(ln))) for ln in run) and "diem" in fold(_text(line))


def _move_mention(lines: list[Line], j: int, top: int) -> None:
    """Line ``j``'s mention moved before its row's one figure (on the row's opening line, at or
    above ``j`` but under ``top``), or put in its place as a bare figure when the row prints none.
    OCR's raw text and the repaired text are edited alike (the mention's words differ in them)."""
    # (a totals line is a row of its own: "Tổng số điểm (100 điểm) 87,5")
    found, text = bracketed_mention(_text(lines[j])), _text(lines[j])
    total = is_total_label(fold(text[: found[0]] + text[found[1] :] if found else text))
    opening = j if total else next((o for o in range(j, top - 1, -1) if _OPENING.match(_text(lines[o]))), None)
    if opening is None:
        return
    line, head = lines[j], lines[opening]
    same = opening == j
    raw = _moved("" if same else _text(head), _text(line))
    repaired = raw if line.raw is None and head.raw is None else _moved("" if same else head.text, line.text)
    if raw is None or repaired is None:
        return
    if raw[0] is not None and repaired[0] is not None:
        lines[opening] = _edited(head, raw[0], repaired[0])
    lines[j] = _edited(line, raw[1], repaired[1])


def _edited(line: Line, raw: str, text: str) -> Line:
    return replace(line, text=text, raw=raw if line.raw is not None else None)


def _moved(opening: str, text: str) -> tuple[str | None, str] | None:
    """The row's opening line and line ``text`` (the same line when ``opening`` is "") with the
    mention moved; None when ``text`` holds none, or the row prints two figures or more."""
    found = bracketed_mention(text)
    if found is None:
        return None
    start, end, figure = found
    without = (text[:start].rstrip() + " " + text[end:].lstrip()).strip()
    host = opening or without
    figures = _figures(host)
    if len(figures) > 1:
        return None  # two figures printed: the row has its maximum beside its score
    if not figures:  # no figure printed for the row: the maximum alone, where the mention was
        return (opening or None), (text[:start].rstrip() + " " + figure + " " + text[end:].lstrip()).strip()
    placed = host[: figures[0]] + figure + " " + host[figures[0] :]
    return (placed, without) if opening else (None, placed)


def _figures(text: str) -> list[int]:
    """Where each points figure of a row line starts (its code and a reference's numbers left out)."""
    at, found = 0, []
    for k, token in enumerate(text.split()):
        at = text.index(token, at)
        if not (k == 0 and read_code_token(token)) and is_score_token(token) and re.fullmatch(r"\d[\d,.]*", token):
            found.append(at)
        at += len(token)
    return found
