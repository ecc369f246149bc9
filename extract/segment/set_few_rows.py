"""A score table told unread recovered from fewer rows than a table needs (``set_rows``): two
lines that each open a criterion's long wording near-whole are no chance likeness, and the lines
of the table no such row holds are still told."""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import replace

from extract.model import Line
from extract.segment.set_wording import Aligned
from schemas.records import UnreadPart


def wordings_whole(aligned: list[Aligned], min_ratio: float, min_chars: int) -> bool:
    """Every line of ``aligned`` opens its criterion's wording nearly as printed (``min_ratio``),
    over a long stretch of it (``min_chars`` characters or more: not a short wording any line may
    resemble)."""
    return bool(aligned) and all(a.ratio >= min_ratio and a.name_chars >= min_chars for a in aligned)


def left_told(
    told: UnreadPart | None, part: UnreadPart, region: list[Line], held: Collection[int], sample_chars: int
) -> UnreadPart | None:
    """``told`` with the lines of ``part`` that no recovered row holds (their numbers not in
    ``held``: a row's line and its own lines below): a table of more rows than those, whose other
    lines OCR garbled past any wording, is still told, and so is the table read from such rows
    alone: it is never taken as read whole."""
    # (the part's own lines: the lines above it looked at for its first rows are the header's)
    span = range(part.line_start or 0, (part.line_end or 0) + 1)
    left = [ln for ln in region if ln.number not in held and ln.number in span]
    if not left and told is not None:
        return told
    # (rows read from their names alone, their lines' figures taken for max and self: a column
    # beside them, the appraised points, is not known to be empty; the table is never read whole)
    said = (
        f"{len(left)} lines of the table opened no criterion's row: not read"
        if left
        else "rows recovered by their names alone: the table's other columns not read"
    )
    if told is not None:
        return replace(told, reason=f"{told.reason}; {said}")
    return UnreadPart(
        page=part.page,
        page_end=part.page_end,
        kind="rows",
        reason=said,
        text_sample=" ".join(ln.text.strip() for ln in left)[:sample_chars],
        line_start=part.line_start,
        line_end=part.line_end,
    )
