"""A self cell that says the criterion was not scored, inside a printed line of a score table:
"2. Xây dựng … văn bản 10 KCĐ | Không áp dụng đối với xã" (an OCR'd page's line, no cells). The
self cell printed words ("Không chấm", "Không chấm điểm", "KCĐ") or stayed blank beside a note
saying why ("10 Không phát sinh, không chấm điểm"). Read by its token pattern, the line then holds
one figure, the row's maximum, inside text, which is no run of points cells: the row was told
"points not read". The words are a reading (``points_none``): the figure before them is the
maximum, the words the self cell, the rest the explanation.

The self cell's words wrap in a narrow column ("Không" / "chấm"): the word the line below holds
is put back after its opening (``not_scored_joined``), as a verdict's points are
(``line_verdicts``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.line_common import JUNK, joined_from_below, points_cell
from extract.segment.points_none import KHONG, NOT_SCORED, none_said
from normalize.text import fold_words


@dataclass(frozen=True)
class LineNotScoredSettings:
    # Tokens the self cell's words span at most: "Không chấm điểm", "Không phát sinh".
    longest: int = 3
    # Lines under a line whose self cell's words wrapped where the rest may print: the narrow
    # cell's second line, or its third when the name's cell wraps once more.
    lines_below: int = 2


@dataclass(frozen=True)
class NotScoredCells:
    """Where a line's maximum and its not-scored words sit: the maximum's token, and the words'
    tokens ``[start, end)``."""

    figure: int
    start: int
    end: int
    words: str | None  # None: the cell's words wrapped and lost, the note after says why


def not_scored_cells(
    tokens: list[tuple[str, str]], settings: LineNotScoredSettings = LineNotScoredSettings()
) -> NotScoredCells | None:
    """The first not-scored phrase of a line's (repaired, raw) tokens that stands right after a
    points figure (specks and rules between), the figure after words (the name's); else None. A
    phrase after words is the name's or the explanation's ("… không phát sinh")."""
    for k in range(1, len(tokens)):
        figure = _figure_before(tokens, k)
        if figure is None:
            continue
        found = _phrase_at(tokens, k, settings)
        if found is not None:
            end, words = found
            return NotScoredCells(figure=figure, start=k, end=end, words=words)
    return None


def _figure_before(tokens: list[tuple[str, str]], k: int) -> int | None:
    """Index of the points figure standing before token ``k`` (specks and rules between), itself
    after a word (the name's), else None."""
    j = k - 1
    while j > 0 and JUNK.match(tokens[j][1]):
        j -= 1
    if j < 1 or points_cell(tokens[j][1]) is None:
        return None
    before = next((t[1] for t in reversed(tokens[:j]) if not JUNK.match(t[1])), None)
    return j if before is not None and points_cell(before) is None else None


def _phrase_at(tokens: list[tuple[str, str]], k: int, settings: LineNotScoredSettings) -> tuple[int, str | None] | None:
    """(end, words) of the longest not-scored phrase opening at token ``k``, read from the repaired
    text or OCR's raw (a repair may have lost the words), else None. A lone "Không" before a note
    that says why ("2 Không Không phát sinh"): the self cell's words wrapped, their rest lost; the
    cell has no words to read (None) and the note says it was not scored."""
    for end in range(min(len(tokens), k + settings.longest), k, -1):
        if JUNK.match(tokens[end - 1][1]):
            continue  # (a rule after the words is the grid's)
        for side in (0, 1):
            words = " ".join(t[side] for t in tokens[k:end])
            if none_said(words) == NOT_SCORED:
                return end, words
    note = next((j for j in range(k + 1, len(tokens)) if not JUNK.match(tokens[j][1])), None)
    if _opens_words(tokens[k]) and note is not None and _phrase_at(tokens, note, settings) is not None:
        return k, None
    return None


def _opens_words(token: tuple[str, str]) -> bool:
    """Whether a token is the "Không" a self cell's not-scored words open on (as OCR may read it)."""
    return any(KHONG.fullmatch(fold_words(side)) for side in token)


# Folded words a self cell's not-scored words go on with when the cell wraps them.
_WRAPPED = frozenset({"cham"})


def not_scored_joined(lines: list[Line], settings: LineNotScoredSettings = LineNotScoredSettings()) -> list[Line]:
    """The lines with each self cell's not-scored words that the cell wrapped ("1.2 | … 2 Không |
    Không áp dụng" / "… chấm điểm") put back together after the line's maximum; other lines as
    they are. Only a "Không" standing alone after a points figure, and the "chấm" of the next lines
    before the next row's code; lines with word boxes are read by their positions."""
    return joined_from_below(
        lines, lambda line: _wrapped_opening(line.text.split()) is not None, _moved, settings.lines_below
    )


def _wrapped_opening(tokens: list[str]) -> int | None:
    """Index of a lone "Không" after the line's points figure that no "chấm" follows, else None."""
    pairs = [(t, t) for t in tokens]
    for k in range(1, len(tokens)):
        if not _opens_words(pairs[k]) or _figure_before(pairs, k) is None:
            continue
        nxt = fold_words(tokens[k + 1]) if k + 1 < len(tokens) else ""
        return k if nxt.split()[:1] != ["cham"] else None
    return None


def _moved(line: Line, below: Line) -> tuple[Line, Line] | None:
    """``line`` with the wrapped word of ``below`` after its "Không", and ``below`` without it; in
    the repaired text and OCR's raw alike. None when either has no place."""
    repaired = _moved_text(line.text, below.text)
    raw = _moved_text(line.raw, below.raw) if line.raw is not None and below.raw is not None else None
    if repaired is None or (line.raw is not None and below.raw is not None and raw is None):
        return None
    return (
        replace(line, text=repaired[0], raw=raw[0] if raw is not None else line.raw),
        replace(below, text=repaired[1], raw=raw[1] if raw is not None else below.raw),
    )


def _moved_text(text: str, under: str) -> tuple[str, str] | None:
    """The two texts with the wrapped words moved (``_moved``), else None."""
    tokens, tail = text.split(), under.split()
    at = _wrapped_opening(tokens)
    found = next((k for k, t in enumerate(tail) if fold_words(t) in _WRAPPED), None)
    if at is None or found is None:
        return None
    stop = found + 2 if found + 1 < len(tail) and fold_words(tail[found + 1]) == "diem" else found + 1
    return (
        " ".join([*tokens[: at + 1], *tail[found:stop], *tokens[at + 1 :]]),
        " ".join([*tail[:found], *tail[stop:]]),
    )
