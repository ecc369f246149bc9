"""The review queue beyond failed checks: inferred codes, repaired values, low confidence."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from cchc_extract.reconcile.confidence_model import is_calibrated
from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.score_cells import APPRAISED, coded_by_name, explanation_points, set_filled, table_fields
from cchc_extract.reconcile.score_refs import _score_ref, _table_name
from cchc_extract.reconcile.settings import (
    APPRAISED_IN_NOTE_REASON,
    CODE_INFERRED_REASON,
    LOW_CONFIDENCE_REASON,
    ROW_DOUBT_REASONS,
    ReconcileSettings,
)
from cchc_extract.reconcile.stat_rows import _stat_ref
from cchc_extract.reconcile.statements import STATED_POINTS
from extract.page_edge import edge_fields, edge_said, edge_sides
from extract.segment.deduction_points import DISAGREES_FLAG, DISAGREES_REASON
from extract.segment.task_doubt_settings import DOUBT
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS
from schemas.records import ExtractionResult, ReviewItem, ScoreRow, StatRow


def nothing_read(row: ScoreRow | StatRow, refs: list[ReviewItem]) -> bool:
    """Whether a row read no figure in any of its fields (``refs``): a maximum the criteria set
    filled in for a cell not read (``set_filled``) is no figure of the row's line. The row's one
    entry then asks about that maximum too: a commune's own maximum the set's hides is found
    only by a person reading the line (seed 598's dump: 1.1.4 printed 3, filled with the set's 2
    at 0.99 beside its two scores lost, each queued alone, the maximum silent)."""
    return all(getattr(row, ref.field or "", None) is None or set_filled(row, ref.field or "") for ref in refs)


def whole_row_entry(row: ScoreRow | StatRow, refs: list[ReviewItem], doubts: int) -> bool:
    """Whether a row's doubts go to the queue as one entry for its line: a row that read no
    figure (``nothing_read``) with two cells doubted, or a score row with one, whose other cells
    are blank or the criteria set's maximum filled in. The set's figure is no reading of the line
    either, and a commune's own maximum hides behind it (dev seeds 661, 662 and 741: 27 such rows
    in dumps without an appraised column, the self score their one doubt and the set's maximum
    silent beside it; one of those maxima was the commune's, raised above the set's): the row's
    entry asks a person to read the line, maximum included, for the one entry the cell took."""
    if not doubts or not nothing_read(row, refs):
        return False
    return doubts > 1 or isinstance(row, ScoreRow)


def _edge_reason(row: ScoreRow | StatRow) -> str:
    return f"{edge_said(edge_sides(row.flags))}: a value may be missing or cut"


def row_doubt_reasons(row: ScoreRow | StatRow) -> list[str]:
    """The reasons a row's flags give for doubting its value (``ROW_DOUBT_REASONS``), in its flags' order."""
    return [ROW_DOUBT_REASONS[f] for f in row.flags if f in ROW_DOUBT_REASONS]


def value_threshold(s: ReconcileSettings) -> float:
    """The confidence under which a value goes to review: the calibrated scale's own threshold
    when the confidence is calibrated; else the logistic score against the rows' threshold."""
    return s.confidence.review_below if is_calibrated(s.confidence) else s.review_below


def _review_doubtful(
    result: ExtractionResult,
    ledger: _Ledger,
    s: ReconcileSettings,
    vouched: frozenset[str] | set[str] = frozenset(),
    headings: frozenset[tuple[str, str]] | set[tuple[str, str]] = frozenset(),
) -> None:
    """Values whose calibrated confidence is low, one by one; rows whose code was inferred from
    their position unless a relation that holds (``vouched``: their sum with their siblings) or
    their name (``coded_by_name``) confirms that position; narrative and task items under their own confidence.
    A heading's blanks (``headings``) carry the row's own confidence, under the rows' threshold."""

    def visit(ref: ReviewItem, flags: list[str], below: float = s.review_below) -> None:
        if "code_inferred" in flags:
            ledger.flag(
                ReviewItem(**{**ref.__dict__, "field": "code", "raw": None, "value": ref.code}),
                f"{CODE_INFERRED_REASON}, not read",
            )
        if ref.confidence is not None and ref.confidence < below:
            ledger.flag(ref, f"{LOW_CONFIDENCE_REASON}{ref.confidence:.2f} below {below:.2f}")

    def visit_values(refs: list[ReviewItem], row: ScoreRow | StatRow) -> None:
        """A row's values one by one, each under its own calibrated confidence; its inferred code
        with the first of them that goes to review (a person looking at that value reads the
        row's code beside it: one look, one entry), else on its own."""
        queued = []
        doubts: list[tuple[ReviewItem, float]] = []
        for ref in refs:
            own = row.value_confidence.get(ref.field or "")
            calibrated = own is not None and (ref.item, ref.field) not in headings
            below = value_threshold(s) if calibrated else s.review_below
            doubted = replace(ref, confidence=row.confidence if own is None else own)
            if doubted.confidence is not None and doubted.confidence < below:
                doubts.append((doubted, below))
        if whole_row_entry(row, refs, len(doubts)):
            # A row whose line gave no figure at all, its cells doubted: one look at that line
            # reads them all, so one entry for the row (its lowest confidence), not one per cell
            # (seed 479's dumps: 21 such rows, 61 entries; one entry covers its cells' doubts).
            low, below = min(doubts, key=lambda d: d[0].confidence or 0.0)
            whole = replace(low, field=None, raw=None, value=None, alternatives=[])
            said = f"{LOW_CONFIDENCE_REASON}{low.confidence:.2f} below {below:.2f}"
            ledger.flag(whole, f"{said}, no figure of the row read")
            queued.append(whole)
        else:
            for doubted, below in doubts:
                visit(doubted, [], below)
                queued.append(doubted)
        for entry in queued:
            # The segmenter's account of how the value was taken says why it is doubted (a guessed
            # column, unplaced pairs): given beside the confidence, on the entry the value has already.
            for reason in row_doubt_reasons(row):
                ledger.flag(entry, reason)
        if "code_inferred" in row.flags and refs[0].item not in vouched and not coded_by_name(row):
            if queued:
                ledger.flag(
                    replace(queued[0], confidence=None, alternatives=[]),
                    f"{CODE_INFERRED_REASON}, not read ({row.code})",
                )
            else:
                visit(replace(refs[0], confidence=None), ["code_inferred"])

    for ti, table in enumerate(result.score_tables):
        name = _table_name(table, ti)
        fields = table_fields(table.rows, s.confidence)
        for ri, row in enumerate(table.rows):
            visit_values([_score_ref(ti, ri, row, f, name) for f in fields], row)
            in_note = explanation_points(row) if APPRAISED in fields else None
            if in_note is not None:
                ledger.flag(
                    replace(_score_ref(ti, ri, row, APPRAISED, name), alternatives=[in_note]),
                    f"{APPRAISED_IN_NOTE_REASON}{row.explanation!r}",
                )
            max_sure = row.value_confidence.get("max_points", row.confidence) >= (
                s.review_below if (f"/score_tables/{ti}/rows/{ri}", "max_points") in headings else value_threshold(s)
            )
            for flag in row.flags:
                # A maximum other than the set's is a doubt only when the evidence (which weighs
                # that difference against the sums it keeps) leaves it doubtful: a commune's own
                # maxima that its sums confirm are no reading to review.
                if flag.startswith(FLAG_MAX_DIFFERS) and not max_sure:  # normalize.criteria.match
                    ledger.flag(
                        _score_ref(ti, ri, row, "max_points", name),
                        f"maximum points differ from the criteria set {flag.partition(':')[2]}",
                    )
            if DISAGREES_FLAG in row.flags:  # extract.segment.deduction_points: self ≠ maximum − deduction
                ledger.flag(replace(_score_ref(ti, ri, row, "self_points", name), confidence=None), DISAGREES_REASON)
            for edge_field in edge_fields(row):  # a grid the page's edge cut (extract.segment.edge_cut)
                ledger.flag(replace(_score_ref(ti, ri, row, edge_field, name), confidence=None), _edge_reason(row))
    for ai, annex in enumerate(result.statistics):
        for ri, stat_row in enumerate(annex.rows):
            stat_ref = _stat_ref(ai, ri, stat_row, annex.annex)
            visit_values([stat_ref], stat_row)
            for edge_field in edge_fields(stat_row):
                edge_ref = replace(stat_ref, field=edge_field, confidence=None)
                if edge_field != "value":
                    edge_ref = replace(edge_ref, raw=None, value=stat_row.code if edge_field == "code" else None)
                ledger.flag(edge_ref, _edge_reason(stat_row))
    for ti, task_table in enumerate(result.task_tables):
        for ri, task_row in enumerate(task_table.rows):
            task_ref = ReviewItem(
                item=f"/task_tables/{ti}/rows/{ri}",
                field=None,
                table=task_table.title or None,
                code=task_row.criterion_code or task_row.code,
                page=task_row.source.page,
                raw=None,
                value=(task_row.task or task_row.activity or task_row.criterion)[:120] or None,
                confidence=task_row.confidence,
            )
            visit(task_ref, task_row.flags)
            for flag in task_row.flags:
                if flag.startswith(DOUBT):  # extract.segment.task_doubts: the text's own sign of a misreading
                    ledger.flag(replace(task_ref, confidence=None), flag.removeprefix(DOUBT))
    narrative: list[tuple[str, list[Any], Callable[[Any], float | None]]] = [
        ("score_statements", result.score_statements, lambda x: x.points),
        ("targets", result.targets, lambda x: x.value),
        ("counts", result.counts, lambda x: x.total),
    ]
    for name, items, value_of in narrative:
        for i, x in enumerate(items):
            if (f"/{name}/{i}", STATED_POINTS) in ledger.confirmed:
                continue  # a score statement its group's sums vouch for (``statements``)
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
