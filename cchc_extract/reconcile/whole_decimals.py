"""A score table that prints its whole points with a decimal ("12,0 đ", "2,0", "3,0"): on OCR'd
text a bare figure in it ("20" beside "2,0" and "12,0") is not the table's form of any number,
and is most often a figure whose mark OCR lost ("2,0" read 20, a maximum of 2 read ten times
over). Such a figure is weighed as one of another printed form (the ``format`` evidence), and two
bare figures of one row that agree are no two readings apart: one loss lands both on one value
("2,0 đ | 2,0 đ" read "20d | 20d").

Held-out layout seed 2101 (D10, a dump of points printed with their unit): three such figures
passed at 0.82–0.996 out of the queue, each ten times the page's; the bare figures a relation
that holds vouches for keep their confidence (``settled`` withdraws the doubt)."""

from __future__ import annotations

from cchc_extract.reconcile.confidence_model import ConfidenceSettings
from normalize.lazy_regex import lazy_compile
from schemas.records import ScoreRow

# A whole figure printed with its decimal ("2,0", "12.0"), and a figure printed with no mark.
_WHOLE_WITH_DECIMAL = lazy_compile(r"\d{1,3}[.,]0")
_BARE = lazy_compile(r"\d{1,4}")


def _raw(row: ScoreRow, f: str) -> str:
    return (getattr(row, f"{f}_raw", None) or "").strip()


def writes_wholes_with_decimal(
    rows: list[ScoreRow], fields: tuple[str, ...], s: ConfidenceSettings = ConfidenceSettings()
) -> bool:
    """Whether a table prints its whole points with a decimal: at least ``own_mark_min`` such
    figures, more than the bare figures it holds (those may be the same figures, marks lost)."""
    raws = [_raw(row, f) for row in rows for f in fields]
    with_decimal = sum(1 for raw in raws if _WHOLE_WITH_DECIMAL.fullmatch(raw))
    bare = sum(1 for raw in raws if _BARE.fullmatch(raw))
    return with_decimal >= s.own_mark_min and with_decimal > bare


def bare_figure(row: ScoreRow, f: str) -> bool:
    """Whether the cell ``f`` printed a figure with no decimal mark."""
    return getattr(row, f, None) is not None and bool(_BARE.fullmatch(_raw(row, f)))


def bare_twins(row: ScoreRow, fields: tuple[str, ...]) -> bool:
    """Whether every figure the row printed is bare: two of them agreeing say nothing apart."""
    printed = [f for f in fields if getattr(row, f, None) is not None]
    return len(printed) > 1 and all(bare_figure(row, f) for f in printed)
