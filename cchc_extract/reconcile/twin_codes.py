"""A sum's parent whose code the document prints in another of its score tables under another
name, with the very figure the sum comes to: the code of the row we checked is our reading, not
the commune's.

An OCR'd table loses a row's printed number and the reader gives it the next code it meets: a
dump's "Quản lý, sử dụng tài sản công 2 2" (6.3, its number lost) took the "7:" of the field
heading printed under it, and field 7's sub-criteria (18 points) were summed against its 2. The
document's own summary of its fields prints "7 Xây dựng chính quyền số, chuyển đổi số 18": the
same code under another name, with the sum's figure. Two rows of one document naming two criteria
under one code is no slip of the commune's arithmetic; the sum is of rows we placed, so it is
``misread`` and the row goes to review for its code (OCR'd text only: typed codes are printed)."""

from __future__ import annotations

from collections.abc import Sequence

from cchc_extract.reconcile.hierarchy import norm_code
from normalize.criteria.name_agreement import wording_similarity
from schemas.records import ScoreRow, ScoreTable


def twin_states_sum(
    ti: int,
    row: ScoreRow,
    tables: Sequence[ScoreTable],
    field_: str,
    expected: float | None,
    tol: float,
    name_min: float,
) -> ScoreRow | None:
    """The row of another score table than ``ti`` printing ``row``'s code under a name unlike its
    own (``wording_similarity`` both ways under ``name_min``) whose ``field_`` is the sum
    ``expected`` to ``tol``; None when there is none."""
    code = norm_code(row.code)
    if not code or expected is None or not row.name:
        return None
    for tj, table in enumerate(tables):
        if tj == ti:
            continue
        for twin in table.rows:
            figure = getattr(twin, field_, None)
            if norm_code(twin.code) != code or figure is None or abs(figure - expected) > tol or not twin.name:
                continue
            if max(wording_similarity(row.name, twin.name), wording_similarity(twin.name, row.name)) < name_min:
                return twin
    return None
