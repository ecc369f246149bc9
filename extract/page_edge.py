"""Tables a page's edge cut. A grid wider than its page (a landscape table on a page the writer left
portrait) is printed up to the paper's edge and no further: the columns past it are not in the
file at all, so what the reader returns is the whole of what is printed and yet not the whole
table. Its sign is the grid's own ruling: a row rule running on to the page's edge, where a table
inside the margins ends at its last border. The rows of such a table carry a doubt (the review
queue asks about them) instead of a silent gap where a column was."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class PageEdgeSettings:
    # A rule ending this close to the page's left or right edge (points) reaches the edge: printed
    # pages keep margins of a centimetre or more (28 points), LibreOffice draws a cut grid's rules
    # to the edge itself (0.3 points off it), while a grid squeezed to the page's width ends at
    # its last border 2.3 points short of the edge and is whole.
    edge_margin: float = 1.0
    # How far above or below the grid's box a rule may lie and still be one of its rules (points).
    rule_tolerance: float = 3.0


def runs_off_page(
    box: Sequence[float],
    rules: Iterable[Mapping[str, float]],
    page_width: float,
    settings: PageEdgeSettings = PageEdgeSettings(),
) -> bool:
    """Whether a grid whose box is ``box`` (x0, top, x1, bottom) has a horizontal rule of its own
    (within its height, overlapping its width) that reaches the page's left or right edge."""
    x0, top, x1, bottom = box[:4]
    tol, margin = settings.rule_tolerance, settings.edge_margin
    for rule in rules:
        if not (top - tol <= rule["top"] <= bottom + tol) or rule["x1"] <= x0 or rule["x0"] >= x1:
            continue
        if rule["x1"] >= page_width - margin or rule["x0"] <= margin:
            return True
    return False
