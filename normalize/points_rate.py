"""A points cell that prints the rate that scored the points beside them: "1,5 (75%)", "1,5" over
"(75%)" on a second line of the cell, "1,5 (đạt 75%)", "1,5 điểm (đạt 75 %)". A criterion scored
by the share of its target met prints the points and that share; the points are the figure, the
rate in brackets is the commune's working (points over the maximum), not a second number of the
cell. A bracketed percent alone ("(75%)") or a figure with a bare percent after it ("1,5 75%") is
no such cell: the bracket, or the word "đạt", is what says the percent is the points' rate."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# The figure, its unit optional, then the rate in brackets ("đạt" and a colon optional inside),
# or after "đạt" without brackets; the rate's percent sign is what makes it a rate.
_RATED = lazy_compile(
    r"^\s*(?P<figure>\d[\d.,]*)\s*(?:(?i:điểm|diem)|đ)?\.?\s*"
    r"(?:\(\s*(?:(?i:đạt|dat)\s*:?\s*)?\d[\d.,]*\s*%\s*\)|(?i:đạt|dat)\s*:?\s*\d[\d.,]*\s*%)\s*$"
)


def rated_figure(raw: str) -> str | None:
    """The points of a cell printing them with their rate ("0,75 (đạt 75%)" → "0,75"), else None."""
    found = _RATED.match(raw or "")
    return found.group("figure") if found else None
