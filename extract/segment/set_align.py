"""The alignment of a withdrawn region's lines to the criteria set's criteria (``set_rows``): a
monotone programme over lines × criteria, each line and criterion used once, a line opening a row
only where it starts with a criterion's wording; the set chosen when none is recognised."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from extract.model import Line
from extract.segment.set_ancestors import ancestors_by_tree
from extract.segment.set_wording import Aligned, holds_piece_of, opening_line, opens, opens_here, printed_code
from normalize.criteria import CriteriaSet, CriterionDef, load_criteria_sets
from normalize.text import fold_words
from schemas.records import ScoreRow

if TYPE_CHECKING:
    from extract.segment.set_rows import SetRowSettings


def best_alignment(
    region: list[Line],
    cset: CriteriaSet | None,
    taken: set[str],
    before: ScoreRow | None,
    after: ScoreRow | None,
    settings: SetRowSettings,
    told: list[Line] | None = None,
) -> tuple[list[Aligned], CriteriaSet | None]:
    """The alignment of most score of ``region``'s lines to a set's criteria between ``before``
    and ``after`` (``cset``'s, or the set the lines follow best), the ancestors of ``after`` placed
    by the code tree among the ``told`` lines (``set_ancestors.ancestors_by_tree``)."""
    candidates = [cset] if cset is not None else list(load_criteria_sets())
    scored = []
    for cs in candidates:
        crits = criteria_between(cs, taken, before, after)
        # (one criterion left between two rows read: the set's order leaves the line it alone to be)
        alone = len(crits) == 1 and before is not None and after is not None
        sole = frozenset(c.code for c in crits) if alone else frozenset()
        required = required_ancestors(crits, after) | coded_next(region, crits, before)
        score, aligned = align_lines(region, crits, cs, settings, required, sole)
        if cset is not None and told:
            aligned = ancestors_by_tree(
                told, crits, required_ancestors(crits, after), aligned, settings.row_line_letters
            )
        scored.append((score, aligned, cs))
    scored.sort(key=lambda e: -e[0])
    if not scored or not scored[0][1]:
        return [], None
    best_score, best, best_set = scored[0]
    if cset is None:
        wordings = {a.crit.name for a in best}
        rivals = [
            e for e in scored[1:] if {a.crit.name for a in e[1]} != wordings and best_score - e[0] < settings.set_margin
        ]
        if rivals:
            # (another set's wordings fit as well: which set it is, is not known — unless the
            # lines hold one set's wordings whole and the others' only in part: "Cải cách tổ chức
            # bộ máy hành chính" is one set's whole wording, another's "… hành chính nhà nước" cut)
            contenders = [scored[0], *rivals]
            whole = [e for e in contenders if held_whole(e[1]) >= settings.whole_share]
            if len(whole) != 1 or any(held_whole(e[1]) >= settings.part_share for e in contenders if e is not whole[0]):
                return [], None
            _, best, best_set = whole[0]
    return best, best_set


def rows_in_set_order(
    rows: Sequence[ScoreRow], cset: CriteriaSet, settings: SetRowSettings
) -> list[tuple[int, CriterionDef]]:
    """(index in ``rows``, criterion) of the rows whose names open the set's criteria's wordings
    in the set's order: the rows' names aligned to the set as a region's lines are
    (``align_lines``), whatever codes OCR left them. A garbled table whose codes were lost or
    shifted still names its criteria in order; another set's wordings follow them only in part."""
    lines = [Line(text=row.name or row.name_raw, page=0, number=k) for k, row in enumerate(rows)]
    _, chain = align_lines(lines, list(cset.rows), cset, settings, pieces=True)
    return [(a.line.number, a.crit) for a in chain]


def held_whole(aligned: list[Aligned]) -> float:
    """The share of the aligned criteria's wordings (characters, folded) the lines hold."""
    total = sum(len(fold_words(a.crit.name)) for a in aligned)
    return sum(min(a.name_chars, len(fold_words(a.crit.name))) for a in aligned) / total if total else 0.0


def criteria_between(
    cs: CriteriaSet, taken: set[str], before: ScoreRow | None, after: ScoreRow | None
) -> list[CriterionDef]:
    """The set's criteria no row holds, between the rows read above and below the region."""
    codes = [c.code for c in cs.rows]
    lo = codes.index(str(before.code)) + 1 if before is not None and str(before.code) in codes else 0
    hi = codes.index(str(after.code)) if after is not None and str(after.code) in codes else len(codes)
    return [c for c in cs.rows[lo:hi] if c.code not in taken]


def required_ancestors(crits: list[CriterionDef], after: ScoreRow | None) -> frozenset[str]:
    """The criteria of ``crits`` (the set's, not read, between the rows around the region) whose
    row the set puts right there: the ancestors of the row read below the region, whose rows a
    table prints above their first child."""
    code = str(after.code) if after is not None and after.code else ""
    return frozenset(c.code for c in crits if code.startswith(c.code + "."))


def coded_next(region: list[Line], crits: list[CriterionDef], before: ScoreRow | None) -> frozenset[str]:
    """The criterion the set puts next after the row read above the region, when a line of the
    region prints its code ("13” | Kigm acing tic CCHE" after 1.2.2, for 1.3): the code and the
    set's order both say the row is there, so its short wording OCR garbled opens it as a
    required criterion's does."""
    if before is None or not crits:
        return frozenset()
    nxt = crits[0]
    return frozenset([nxt.code]) if any(printed_code(opening_line(ln)) == nxt.code for ln in region) else frozenset()


def align_lines(
    region: list[Line],
    crits: list[CriterionDef],
    cs: CriteriaSet,
    settings: SetRowSettings,
    required: frozenset[str] = frozenset(),
    sole: frozenset[str] = frozenset(),
    pieces: bool = False,
) -> tuple[float, list[Aligned]]:
    """The monotone alignment of lines to criteria of most score: each pair scores its nearness
    above ``min_ratio`` (a ``required`` criterion's above ``min_ratio_required``, on a short
    line); a criterion skipped between two taken costs ``skip_cost``. ``pieces``: a line holding
    a long piece of a wording pairs with it too (``holds_piece_of``: rows' names, each one row's,
    not a region's lines, where an explanation may quote a wording)."""
    n, m = len(region), len(crits)
    if not n or not m:
        return 0.0, []
    allowed = {c.code for c in crits}
    others = [c for c in cs.rows if c.code not in allowed]
    pairs: list[tuple[int, int, Aligned]] = []
    for i, line in enumerate(region):
        found = [
            (j, a)
            for j, crit in enumerate(crits)
            if (a := _pair(line, crit, settings, required, sole, pieces)) is not None
        ]
        if not found:
            continue
        # A line that opens a criterion read already, or out of this place, more nearly is that
        # criterion's (its name line above the row read from its numbers' line), not this one's.
        # (as near over more of the wording is nearer: "Cải cách tổ chức bộ máy hành chính" whole
        # against "Cải cách tài chính công"'s first 17 characters)
        elsewhere = max(
            ((a.ratio, a.name_chars) for c in others if (a := opens(line, c, settings)) is not None),
            default=(0.0, 0),
        )
        pairs.extend((i, j, a) for j, a in found if (a.ratio, a.name_chars) > elsewhere)
    if not pairs:
        return 0.0, []
    # (the pairs are few: a programme over them, each taking the best earlier pair above-left)
    best: list[float] = []
    back: list[int | None] = []
    for k, (i, j, pair) in enumerate(pairs):
        gain = pair.ratio - settings.min_ratio + 1.0
        top, arg = gain, None
        for q in range(k):
            qi, qj, _ = pairs[q]
            if qi < i and qj < j:
                cand = best[q] + gain - settings.skip_cost * (j - qj - 1)
                if cand > top:
                    top, arg = cand, q
        best.append(top)
        back.append(arg)
    end = max(range(len(pairs)), key=lambda k: best[k])
    chain: list[Aligned] = []
    cell: int | None = end
    while cell is not None:
        chain.append(pairs[cell][2])
        cell = back[cell]
    chain.reverse()
    return best[end], chain


def _pair(
    line: Line,
    crit: CriterionDef,
    settings: SetRowSettings,
    required: frozenset[str],
    sole: frozenset[str],
    pieces: bool,
) -> Aligned | None:
    """The line opening the criterion's row (``opens_here``), or, with ``pieces``, holding a long
    piece of its wording (``holds_piece_of``)."""
    found = opens_here(line, crit, settings, required, sole)
    return holds_piece_of(line, crit, settings) if found is None and pieces else found
