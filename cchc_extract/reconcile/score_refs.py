"""How a reconciliation finding points at a score table's cell: the review item of a row's
field (its pointer, raw text, value and the row's confidence) and the table's name in messages.
One place for every check kind (sums, totals, OCR readings, coverage, the queue)."""

from __future__ import annotations

from schemas.records import ReviewItem, ScoreRow, ScoreTable

# The points columns of a score row.
POINT_FIELDS = ("max_points", "self_points", "appraised_points")


def _score_ref(ti: int, ri: int, row: ScoreRow, field_: str | None, table: str) -> ReviewItem:
    raw = getattr(row, f"{field_}_raw", None) if field_ in POINT_FIELDS else None
    value = getattr(row, field_, None) if field_ else None
    return ReviewItem(
        item=f"/score_tables/{ti}/rows/{ri}",
        field=field_,
        table=table,
        code=row.code,
        page=row.source.page,
        raw=raw,
        value=value if isinstance(value, (int, float, str)) else None,
        confidence=row.confidence,
    )


def score_row_at(item: str) -> tuple[int, int] | None:
    """(table, row) of a score row's pointer ``/score_tables/<t>/rows/<r>`` (as ``_score_ref``
    writes it); None for any other pointer."""
    parts = item.strip("/").split("/")
    if len(parts) != 4 or parts[0] != "score_tables" or parts[2] != "rows":
        return None
    return int(parts[1]), int(parts[3])


def _table_name(table: ScoreTable, ti: int) -> str:
    return table.title.strip() or f"score_tables/{ti}"
