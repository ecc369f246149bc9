"""Score tables printed with the points as one fraction cell ("0,25/1", "9,75/10": the scored
figure over the maximum) read from lines of text (OCR dumps): a line's fraction token is its row's
self and max points, whatever the header's order of points labels (OCR garbles the one label
"Tự chấm/Tối đa" into pieces: "cham/T6i", "-da") and whatever number the name's words print
before it ("báo cáo 6 tháng"). The grid readers cut such a column in two (``fraction_points``);
text has no column to cut, so the line's token is cut instead.

A table is read so only when several of its lines print a fraction: a lone "2/3" in a name or an
explanation is no points cell of a table whose other lines print their points apart."""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_common import is_score_token, line_tokens
from normalize.codes import read_code_token
from normalize.numbers import fraction_sides

# Specks and rule stubs OCR glues to a cell's edge ("9,75/10|", "~14,5/14,5").
_EDGE = "_|~`'\"—–-:;,.()[]"
# Lines of a table's body printing a fraction before its points are read from fractions.
MIN_FRACTION_LINES = 2
# A fraction followed on its line by this many points figures is the explanation's, the figures the
# row's points ("Chưa hoàn thành 5/15 nhiệm vụ 14,5 13,75 13,75": an explanation printed first).
MIN_FIGURES_AFTER = 2


def fraction_at(tokens: list[tuple[str, str]]) -> tuple[int, str, str] | None:
    """The first token that is a fraction of points, with its two sides (scored, maximum; a
    blank's mark as ""); None when the line prints none, or a figure stands right before it (the
    line's points are that run of figures, the fraction OCR's reading of a decimal comma, "1 0/5"
    for "1 0,5"), or points figures follow it (``MIN_FIGURES_AFTER``). A date ("14/02/2023") or a
    document number ("45/CV-UBND") is no fraction (``fraction_sides`` takes two short figures)."""
    for k, (_, raw) in enumerate(tokens):
        sides = fraction_sides(raw.strip(_EDGE))
        if sides is not None:
            if (k and is_score_token(tokens[k - 1][1])) or _figures_after(tokens, k) >= MIN_FIGURES_AFTER:
                return None
            return k, sides[0], sides[1]
    return None


def _figures_after(tokens: list[tuple[str, str]], k: int) -> int:
    """How many points figures the line prints after its token ``k``."""
    return sum(1 for _, raw in tokens[k + 1 :] if is_score_token(raw.strip(_EDGE)))


def _past_code(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's tokens past its code ("1.2.1 | …")."""
    return tokens[1:] if tokens and read_code_token(tokens[0][1].strip(_EDGE)) is not None else tokens


def _points_fraction(tokens: list[tuple[str, str]]) -> bool:
    """Whether a line's first figure past its code is a fraction: its points cell. A fraction
    after figures is the explanation's ("10 8,5 Chưa hoàn thành 1/14": one task of 14 not done)."""
    tokens = _past_code(tokens)
    fraction = fraction_at(tokens)
    return fraction is not None and not any(is_score_token(raw) for _, raw in tokens[: fraction[0]])


def _points_apart(tokens: list[tuple[str, str]]) -> bool:
    """Whether a line prints points figures apart, two or more past its code ("… 1 0,5 0")."""
    return sum(1 for _, raw in _past_code(tokens) if is_score_token(raw.strip(_EDGE))) >= 2


def prints_fractions(lines: list[Line]) -> bool:
    """Whether a table's body lines print its points as fractions: enough of them do, and more
    than print their points apart (an explanation's "9/10 nhiệm vụ" on a few lines of a table whose
    rows print "1 0,5 0" is no points cell)."""
    tokens = [line_tokens(line) for line in lines]
    fractions = sum(1 for t in tokens if _points_fraction(t))
    return fractions >= MIN_FRACTION_LINES and fractions > sum(1 for t in tokens if _points_apart(t))
