"""A points block paired with the names by its count alone (``column_blocks``), checked by the
table's arithmetic (issue 11): Tesseract's column-wise reading (``--psm 3``) prints the names block
and the figures block apart, and a line OCR lost from one with a line added to the other (a heading
that prints its points, a totals line outside the names block) keeps the counts equal while every
number below moves by a row. Nothing on the page says so but the sums: paired in order, they fail at
many parents at once (a part's maximum taking its first child's, children above their parent);
placed by the sums (``block_alignment``), they hold. A block paired in order is kept unless its sums
fail at several relations and at more than hold, and another placing weighs clearly more; then it
is placed by the sums. Where no placing beats the order (a block of as many lines as the criteria
has no other), the order stands: its broken sums are OCR's misreadings or the commune's faults, and
the checks say which, as for any table. A fault of the commune breaks one relation or two, never
the many a shift breaks, so it is never "repaired" by moving the numbers."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.block_alignment import AlignmentSettings, Criterion, Placing, Tally, tally
from extract.segment.column_heads import ColumnBlockSettings


@dataclass(frozen=True)
class OrderDoubt:
    """A pairing in order the arithmetic contradicts, and the placing the sums give instead."""

    order: Tally
    placing: Placing


def doubted_order(
    criteria: list[Criterion],
    lines: list[list[str]],
    columns: list[str],
    targets: list[int],
    maxima: dict[int, float],
    settings: ColumnBlockSettings = ColumnBlockSettings(),
) -> Tally | None:
    """The arithmetic of the block's lines paired in order (line k on criterion ``targets[k]``)
    when it contradicts the pairing: ``order_doubt_broken`` relations broken at least, and more
    broken than held; None when the pairing stands."""
    order = tally(criteria, lines, columns, tuple(targets), maxima)
    return order if order.broken >= settings.order_doubt_broken and order.broken > order.held else None


def realigned(
    order: Tally, placing: Placing, settings: ColumnBlockSettings = ColumnBlockSettings()
) -> OrderDoubt | None:
    """The sums' placing of a block whose order was doubted, when it places lines and weighs
    ``realign_margin`` more than the order; None when it does not (the order stands)."""
    needed = order.weight(AlignmentSettings()) + settings.realign_margin
    if placing.weight is None or placing.weight < needed or not placing.placed:
        return None
    return OrderDoubt(order, placing)
