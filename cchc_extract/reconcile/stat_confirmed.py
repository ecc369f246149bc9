"""Derived statistics figures that two of the annex's relations give alike, from figures read, are
no part of the document left unread (issues 14, 16), as ``recovered`` does for score cells.

``stat_derived`` gives a lost count the value of its first route and keeps it queued: the one sum
that gave it is the very one a commune's fault (or a part OCR misread) would break. When a second
route, on other figures read, gives the same number (the whole as its parts, and as the share read
beside them makes of its pair: 14 + 3 = 17, and 14 of 17 is the 82,35 % printed), two relations hold
with it and none without it: the value is vouched for twice. It leaves the review queue, and the
``unread`` part that named its figure lost names it no more (a part naming nothing else goes). The
output still says it was not read: the row keeps ``missing_value`` and ``derived_from_sums:value``,
and its ``value_raw`` stays blank.

A share is never confirmed so (it has one route, its pair), nor a count whose routes lean on a value
derived themselves, nor one whose routes disagree (then it stays queued, both told by the first)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.recovered import reword_unread
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.stat_derived import (
    FLAG_DERIVED_VALUE,
    StatDerivation,
    StatDeriveSettings,
    _confidence,
    count_routes,
)
from extract.segment.stat_unread import LOST_FIGURES_REASON, lost_figures_named, lost_figures_reason
from schemas.records import ExtractionResult, StatAnnex, UnreadPart


@dataclass(frozen=True)
class StatConfirmSettings:
    # Off: every derived figure stays queued and told unread, however many relations agree.
    confirm: bool = True
    # Routes (distinct relations, from figures read) that must give the same value.
    min_routes: int = 2
    # Least confidence of every figure the routes take. None by default: a figure's confidence was
    # set by checks run while the lost figure was blank (a share "100" weighed against the wrong
    # pair, 0/22, falls to 0.08), and two relations agreeing on a whole number is the check itself.
    min_input_confidence: float = 0.0


def confirm_derived_stats(
    result: ExtractionResult,
    done: list[StatDerivation],
    s: ReconcileSettings = ReconcileSettings(),
    d: StatDeriveSettings = StatDeriveSettings(),
    c: StatConfirmSettings = StatConfirmSettings(),
) -> list[StatDerivation]:
    """The derived figures (``done``) vouched for twice, taken out of the queue and of ``unread``."""
    if not c.confirm or not done:
        return []
    confirmed = [x for x in done if _vouched(result.statistics[x.annex], x, s, d, c)]
    if not confirmed:
        return []
    for x in confirmed:
        row = result.statistics[x.annex].rows[x.row]
        # (sure as the figures that gave it: the review threshold no longer holds it back)
        row.value_confidence["value"] = _least_input(result.statistics[x.annex], x)
    cells = {(f"/statistics/{x.annex}/rows/{x.row}", "value") for x in confirmed}
    result.review = [e for e in result.review if (e.item, e.field or "") not in cells]
    _account(result, confirmed)
    return confirmed


def _vouched(
    annex: StatAnnex, x: StatDerivation, s: ReconcileSettings, d: StatDeriveSettings, c: StatConfirmSettings
) -> bool:
    """Whether ``min_routes`` distinct relations from sure figures read give x's value, row x taken as lost."""
    row = annex.rows[x.row]
    lost = replace(row, value=None, flags=[f for f in row.flags if f != FLAG_DERIVED_VALUE])
    trial = replace(annex, rows=[*annex.rows[: x.row], lost, *annex.rows[x.row + 1 :]])
    routes = [r for r in count_routes(trial, x.row, s, d) if _from_read(trial, r, c)]
    if len({r.relation for r in routes}) < c.min_routes:
        return False
    return all(abs(r.value - x.value) < 1e-6 for r in routes)


def _from_read(annex: StatAnnex, x: StatDerivation, c: StatConfirmSettings) -> bool:
    """Every input of route x was read (not derived), at least ``min_input_confidence`` sure."""
    inputs = [annex.rows[k] for k in x.inputs]
    return all(FLAG_DERIVED_VALUE not in r.flags and r.value_raw.strip() for r in inputs) and all(
        _confidence(r) >= c.min_input_confidence for r in inputs
    )


def _least_input(annex: StatAnnex, x: StatDerivation) -> float:
    return round(min((_confidence(annex.rows[k]) for k in x.inputs), default=0.0), 3)


def _account(result: ExtractionResult, confirmed: list[StatDerivation]) -> None:
    """The ``lost_figures`` parts no longer name the confirmed rows; a part naming none else goes,
    with its review entries (``recovered.reword_unread``: ``/unread/N`` renumbered)."""
    codes: dict[int, set[str | None]] = {x.annex: set() for x in confirmed}
    for x in confirmed:
        codes[x.annex].add(result.statistics[x.annex].rows[x.row].code)
    reword_unread(result, lambda part: _reason_left(part, result.statistics, codes))


def _reason_left(part: UnreadPart, annexes: list[StatAnnex], codes: dict[int, set[str | None]]) -> str | None:
    """A lost-figures part's reason without the confirmed rows (None: it named no other)."""
    if part.kind != "rows" or not part.reason.startswith(LOST_FIGURES_REASON):
        return part.reason
    for ai, gone in codes.items():
        named = lost_figures_named(annexes[ai], part.reason)
        if named is None:
            continue
        left = [(code, said) for code, said in named if code not in gone]
        if len(left) == len(named):
            return part.reason
        return lost_figures_reason(annexes[ai], [said for _, said in left]) if left else None
    return part.reason
