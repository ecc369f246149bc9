"""The review queue beyond failed checks: inferred codes, repaired values, low confidence."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.settings import CODE_INFERRED_REASON, LOW_CONFIDENCE_REASON, ReconcileSettings
from cchc_extract.reconcile.stat_rows import _stat_ref
from cchc_extract.reconcile.sums import _score_ref, _table_name
from cchc_extract.records import ExtractionResult, ReviewItem
from normalize.criteria.match import FLAG_MAX_DIFFERS


def _review_doubtful(result: ExtractionResult, ledger: _Ledger, s: ReconcileSettings) -> None:
    """Rows whose code was inferred, whose value was repaired, or whose confidence is low."""

    def visit(ref: ReviewItem, flags: list[str]) -> None:
        if "code_inferred" in flags:
            ledger.flag(
                ReviewItem(**{**ref.__dict__, "field": "code", "raw": None, "value": ref.code}),
                f"{CODE_INFERRED_REASON}, not read",
            )
        if ref.confidence is not None and ref.confidence < s.review_below:
            ledger.flag(ref, f"{LOW_CONFIDENCE_REASON}{ref.confidence:.2f} below {s.review_below:.2f}")

    for ti, table in enumerate(result.score_tables):
        name = _table_name(table, ti)
        for ri, row in enumerate(table.rows):
            field_ = "self_points" if row.self_points is not None else "max_points"
            visit(_score_ref(ti, ri, row, field_, name), row.flags)
            for flag in row.flags:
                if flag.startswith(FLAG_MAX_DIFFERS):  # normalize.criteria.match
                    ledger.flag(
                        _score_ref(ti, ri, row, "max_points", name),
                        f"maximum points differ from the criteria set {flag.partition(':')[2]}",
                    )
    for ai, annex in enumerate(result.statistics):
        for ri, stat_row in enumerate(annex.rows):
            visit(_stat_ref(ai, ri, stat_row, annex.annex), stat_row.flags)
    for ti, task_table in enumerate(result.task_tables):
        for ri, task_row in enumerate(task_table.rows):
            visit(
                ReviewItem(
                    item=f"/task_tables/{ti}/rows/{ri}",
                    field=None,
                    table=task_table.title or None,
                    code=task_row.criterion_code or task_row.code,
                    page=task_row.source.page,
                    raw=None,
                    value=(task_row.task or task_row.activity or task_row.criterion)[:120] or None,
                    confidence=task_row.confidence,
                ),
                task_row.flags,
            )
    narrative: list[tuple[str, list[Any], Callable[[Any], float | None]]] = [
        ("score_statements", result.score_statements, lambda x: x.points),
        ("targets", result.targets, lambda x: x.value),
        ("counts", result.counts, lambda x: x.total),
    ]
    for name, items, value_of in narrative:
        for i, x in enumerate(items):
            visit(
                ReviewItem(
                    item=f"/{name}/{i}",
                    field=None,
                    code=getattr(x, "code", None),
                    page=x.source.page,
                    raw=(x.text or "")[:200] or None,
                    value=value_of(x),
                    confidence=x.confidence,
                ),
                [],
            )
