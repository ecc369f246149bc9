"""Score tables whose points print as halves and quarters in common fractions ("14 1/2", "3/4"),
read from lines of text (OCR dumps): a line's "a b/c" is one figure, not two cells, and a whole
glued to its fraction where OCR lost the space ("91/2" for "9 1/2") is that figure, not 45,5. The
grid readers read such a cell whole (``normalize.numbers.common_fraction``); a line has no cell
edges, so its tokens are joined here into the decimal the rest of the line reader reads.

A table is read so only when several of its lines print such a fraction among their points: a
lone "1/2" in an explanation ("đạt 1/2 chỉ tiêu") of a table printing decimals joins nothing, and a
table of scores over their maxima ("9/10", ``line_fractions``) is never one."""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_common import is_score_token, line_tokens
from normalize.lazy_regex import lazy_compile
from normalize.numbers import common_fraction, glued_fraction

# Specks and rule stubs OCR glues to a cell's edge ("141/2|").
_EDGE = "_|~`'\"—–:;,.()[]"
# Lines of a table's body printing a common fraction beside a points figure before the table's
# "a b/c" are read as one figure.
MIN_COMMON_FRACTION_LINES = 2
# A figure the line prints, a total's "100" too (``is_score_token`` takes points up to 99).
_FIGURE = lazy_compile(r"^\d{1,3}(?:[.,]\d{1,2})?$")


def _fraction(raw: str) -> float | None:
    """A token's value as a proper half or quarter ("1/2", "3/4"), else None ("9/10", "2/2")."""
    value = common_fraction(raw.strip(_EDGE))
    return value if value is not None and value < 1 else None


def _points_fraction(tokens: list[tuple[str, str]]) -> bool:
    """Whether a line prints a half or quarter among its points: a fraction glued to its whole
    ("91/2"), or one right after a points figure ("10 1/2")."""
    raws = [raw for _, raw in tokens]
    if any(glued_fraction(raw.strip(_EDGE)) is not None for raw in raws):
        return True
    return any(
        _fraction(raw) is not None and k and is_score_token(raws[k - 1].strip(_EDGE)) for k, raw in enumerate(raws)
    )


def prints_common_fractions(lines: list[Line]) -> bool:
    """Whether a table's body lines print its points in common fractions (enough of them do)."""
    return sum(1 for line in lines if _points_fraction(line_tokens(line))) >= MIN_COMMON_FRACTION_LINES


def _decimal(value: float) -> str:
    """A figure as the table's other cells print it, with a decimal comma ("9,5", "10,25")."""
    return f"{value:g}".replace(".", ",")


def joined_fractions(tokens: list[tuple[str, str]], n_points: int) -> list[tuple[str, str]]:
    """A line's tokens with each half or quarter read as one figure: "91/2" → "9,5"; "14" "1/2" →
    "14,5" where the line prints more figures than the table has points columns ("14 1/2 13 3/4",
    "14,5 13 1/2"), else the fraction alone ("1 1/2" under "max | self" is a maximum of 1 and a
    self score of 1/2; "3/4" → "0,75")."""
    figures = sum(1 for _, raw in tokens if _FIGURE.match(raw.strip(_EDGE)) or _fraction(raw) is not None)
    out: list[tuple[str, str]] = []
    for text, raw in tokens:
        glued = glued_fraction(raw.strip(_EDGE))
        if glued is not None:
            out.append((_decimal(glued), _decimal(glued)))
            continue
        fraction = _fraction(raw)
        if fraction is None:
            out.append((text, raw))
            continue
        whole = out[-1][1].strip(_EDGE) if out else ""
        if whole.isdigit() and is_score_token(whole) and figures > n_points:
            figures -= 1
            joined = _decimal(int(whole) + fraction)
            out[-1] = (joined, joined)
            continue
        out.append((_decimal(fraction), _decimal(fraction)))
    return out
