"""A verdict with its points inside a printed line of a score table: "1.1.4 | Mức độ thực hiện kế
hoạch CCHC 2 Đạt: 2 điểm Công văn số 239/CV-UBND" (an OCR'd scan's line, no cells). The self cell
printed the commune's verdict and its points ("Đạt: 2 điểm", "Đạt một phần (1,5)", "Không đạt: 0
điểm"); read as words, the verdict's words stand between the maximum and the evidence and the run
of points figures ends at the maximum. The phrase is one points token, its figure
(``normalize.verdict_points.verdict_figure``, the reading every points cell gets), before the line
is split into cells. Only a verdict right after a points figure (the row's maximum) is one: a scale
printed in the criterion's name ("+ Đạt yêu cầu: 1 điểm") follows its words."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.model import Line
from extract.segment.line_common import JUNK, joined_from_below, points_cell
from normalize.text import fold_words
from normalize.verdict_points import verdict_figure


@dataclass(frozen=True)
class LineVerdictSettings:
    # Tokens a verdict with its points spans at most: up to four words ("Chưa đạt đầy đủ"), a colon
    # OCR set apart, the figure and its unit ("điểm").
    longest: int = 7


# Folded words a verdict opens on: met ("Đạt"), not met ("Không đạt", "Chưa đạt"), done ("Hoàn
# thành"). A name's word before them is the name's: the phrase is read from its opening word.
_OPENERS = frozenset({"dat", "khong", "chua", "hoan"})


def verdicts_as_figures(
    tokens: list[tuple[str, str]], settings: LineVerdictSettings = LineVerdictSettings()
) -> list[tuple[str, str]]:
    """(repaired, raw) tokens of a line with each verdict-with-points phrase as one token, its figure."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(tokens):
        found = _verdict_at(tokens, k, settings)
        if found is None:
            out.append(tokens[k])
            k += 1
            continue
        end, figure = found
        out.append((figure, figure))
        k = end
    return out


def _verdict_at(tokens: list[tuple[str, str]], k: int, settings: LineVerdictSettings) -> tuple[int, str] | None:
    """(end, figure) of the longest verdict-with-points phrase opening at token ``k``, else None."""
    words = fold_words(tokens[k][0]).split()
    if not words or words[0] not in _OPENERS or not _after_figure([repaired for repaired, _ in tokens], k):
        return None
    for end in range(min(len(tokens), k + settings.longest), k + 1, -1):
        figure = verdict_figure(" ".join(repaired for repaired, _ in tokens[k:end]))
        if figure is not None:
            return end, figure
    return None


# Lines under a verdict whose points wrapped where they may print ("Đạt một phần:" / "0,5 điểm"):
# the narrow self cell's second line, or its third when the name's cell wraps once more.
_LINES_BELOW = 2


def verdict_figures_joined(lines: list[Line]) -> list[Line]:
    """The lines with each verdict's points that the self cell wrapped onto a line below ("1.1.2 |
    Xác định … 1 Đạt một phần: ." / "trên các lĩnh vực … 0,5 điểm") put back after the verdict's
    colon, where the line reader reads the phrase as one figure; other lines as they are. Only a
    verdict ending on its colon with no figure after it, and the first "<figure> điểm" on the next
    lines before the next row's code; lines with word boxes are read by their positions."""
    return joined_from_below(
        lines,
        lambda line: _awaits_at((line.raw or line.text).split()) is not None,
        _moved,
        _LINES_BELOW,
        opens_on_cell=lambda tokens: _figure_below(tokens) == 0,
    )


def _moved(line: Line, below: Line) -> tuple[Line, Line] | None:
    """``line`` with the points figure of ``below`` after its verdict's colon, and ``below``
    without it; in OCR's raw text and the repaired text alike. None when either has no place."""
    raw = _moved_text(line.raw or line.text, below.raw or below.text)
    repaired = _moved_text(line.text, below.text)
    if raw is None or repaired is None:
        return None
    return (
        replace(line, text=repaired[0], raw=raw[0] if line.raw is not None else None),
        replace(below, text=repaired[1], raw=raw[1] if below.raw is not None else None),
    )


def _moved_text(text: str, under: str) -> tuple[str, str] | None:
    """The two lines' texts with the figure moved (``_moved``), else None."""
    tokens, tail = text.split(), under.split()
    colon, found = _awaits_at(tokens), _figure_below(tail)
    if colon is None or found is None:
        return None
    return (
        " ".join([*tokens[: colon + 1], tail[found], *tokens[colon + 1 :]]),
        " ".join([*tail[:found], *tail[found + 2 :]]),
    )


def _awaits_at(tokens: list[str]) -> int | None:
    """Index of the colon token closing a verdict ("Đạt một phần:") that no points figure follows on
    its line (specks aside), else None."""
    for k, token in enumerate(tokens):
        words = fold_words(token).split()
        if not words or words[0] not in _OPENERS or not _after_figure(tokens, k):
            continue
        for end in range(k, min(len(tokens), k + _VERDICT_WORDS)):
            colon = end if tokens[end].endswith(":") else end + 1 if tokens[end + 1 : end + 2] == [":"] else None
            if colon is None:
                continue
            after = next((t for t in tokens[colon + 1 :] if any(c.isalnum() for c in t)), None)
            verdict = verdict_figure(" ".join(tokens[k : colon + 1]) + " 1")
            if verdict is not None and (after is None or points_cell(after) is None):
                return colon
            break
    return None


def _after_figure(tokens: list[str], k: int) -> bool:
    """Whether a points figure (the row's maximum) stands before token ``k``, only specks and rules
    between: a self cell's verdict follows its row's maximum, where a scale printed in the name
    ("+ Đạt yêu cầu: 1 điểm") follows words."""
    before = next((t for t in reversed(tokens[:k]) if not JUNK.match(t)), None)
    return before is not None and points_cell(before.strip("()[]{}")) is not None


# Words a verdict prints at most ("Chưa đạt đầy đủ").
_VERDICT_WORDS = 4


def _figure_below(tokens: list[str]) -> int | None:
    """Index of the first points figure followed by its unit ("0,5 điểm") on a line, else None."""
    for k in range(len(tokens) - 1):
        if points_cell(tokens[k]) is not None and fold_words(tokens[k + 1]).startswith("diem"):
            return k
    return None
