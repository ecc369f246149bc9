"""Which cells of a score table stand for figures read, and whether the rows read under a parent
(or under the table's total) are all its members: what a sum needs before it can give a lost cell
(``reconcile.derived``). A derived cell is no figure read (``is_derived``); a parent's children
are whole when they are the criteria set's, else numbered in order with maxima that make up the
parent's; a table's top level when its fields' maxima make up its total of maxima."""

from __future__ import annotations

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.named_children import children_named_whole, own_numbered_table
from cchc_extract.reconcile.settings import ReconcileSettings
from normalize.criteria import CriteriaSet
from schemas.records import ScoreRow, ScoreTable

# The flag of a cell the table's sums determined, not read: ``derived_from_sums:<field>``; of a
# maximum only the criteria set gave, after the checks (``_by_set_alone``).
FLAG_DERIVED = "derived_from_sums:"
FLAG_DERIVED_BY_SET = "derived_from_criteria_set:"
DERIVED_FLAGS = (FLAG_DERIVED, FLAG_DERIVED_BY_SET)


def is_derived(row: ScoreRow, field: str) -> bool:
    """Whether a row's ``field`` holds a value the table's sums gave, not one read."""
    return any(f"{flag}{field}" in row.flags for flag in DERIVED_FLAGS)


def read_figure(row: ScoreRow, f: str, chain: bool = False) -> float | None:
    """A cell's value when it stands for a figure (read, or a maximum the set filled in), not one
    a sum gave; with ``chain``, one a sum gave too (an earlier pass's)."""
    return getattr(row, f) if chain or not is_derived(row, f) else None


# Top-level codes a table numbers its criteria with, in order: arabic or roman.
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV")


def top_whole(
    table: ScoreTable,
    top: list[int],
    f: str,
    cset: CriteriaSet | None,
    printed: dict[str, float],
    s: ReconcileSettings,
) -> bool:
    """Whether the top-level rows read are all the table's. Where the criteria set names them:
    some of the set's top-level rows, each once, whose maxima (read, else the set's) add up to the
    stated total of maxima (``fields_make_total``: a table of one field's rows under their own
    total, a lone top-level row, is whole so), for a maximum as for a score: a total of maxima
    the set's fields do not make up (misread, "9725" for 10, or the commune's fault) is no parent,
    and a route from it would only stand against the children's sum and block it. Else (scores
    only) at least two (a lone top-level row read may be all that was read of the table), numbered
    in order from 1 (or I), their maxima read adding up to the stated total of maxima: a lost
    top-level row would leave them short, and a total row read into the wrong columns, or one the
    commune got wrong, would not give them."""
    have = [norm_code(table.rows[k].code) or "" for k in top]
    wanted = [c.code for c in cset.children("")] if cset is not None else []
    if wanted and any(c in wanted for c in have):
        if not set(have) <= set(wanted):
            return False
        return fields_make_total(table, top, cset, printed, s)
    numbered = have in ([str(n) for n in range(1, len(have) + 1)], list(_ROMAN[: len(have)]))
    if len(have) < 2 or f == "max_points" or not numbered:
        return False
    most = table.stated_total_max
    maxima = [read_figure(table.rows[k], "max_points") for k in top]
    if most is None or any(m is None for m in maxima):
        return False
    return abs(sum(m for m in maxima if m is not None) - most) <= s.points_tolerance


def fields_make_total(
    table: ScoreTable, top: list[int], cset: CriteriaSet | None, printed: dict[str, float], s: ReconcileSettings
) -> bool:
    """Whether the top-level rows read, some of the set's fields each once, are all the table
    prints: their maxima — read, else the set's for the row's code (a lost maximum) — add up to
    the stated total of maxima. Every field of a set is worth points, so a field row lost would
    leave them short; a total the commune got wrong, or read wrong, does not give them."""
    codes = [norm_code(table.rows[k].code) for k in top]
    most = table.stated_total_max
    if most is None or len(set(codes)) != len(codes):
        return False
    maxima = [read_figure(table.rows[k], "max_points") for k in top]
    maxima = [m if m is not None else set_maximum(cset, c, printed) for m, c in zip(maxima, codes, strict=True)]
    if any(m is None for m in maxima):
        return False
    return abs(sum(m for m in maxima if m is not None) - most) <= s.points_tolerance


def whole_children(
    rows: list[ScoreRow], p: int, children: list[int], f: str, cset: CriteriaSet | None, s: ReconcileSettings
) -> bool:
    """Whether the rows read under ``p`` are all its children: the criteria set's, when the set
    names the parent (by their names in a table numbered its own way: ``named_children``); else
    (scores only) the children's maxima read add up to the parent's read, numbered in order from 1
    (a lost child would leave the maxima short)."""
    code = norm_code(rows[p].code)
    have = [norm_code(rows[k].code) for k in children]
    if cset is not None and own_numbered_table(rows, cset):
        return children_named_whole(rows, p, children, cset)
    if cset is not None and code is not None and any(c.code == code for c in cset.rows):
        wanted = [c.code for c in cset.children(code)]
        return bool(wanted) and sorted(wanted) == sorted(c or "" for c in have)
    if f == "max_points" or code is None:
        return False
    if not _numbered_in_order(code, have):
        return False
    most = read_figure(rows[p], "max_points")
    maxima = [read_figure(rows[k], "max_points") for k in children]
    if most is None or any(m is None for m in maxima):
        return False
    return abs(sum(m for m in maxima if m is not None) - most) <= s.points_tolerance


def _numbered_in_order(code: str, have: list[str | None]) -> bool:
    """Whether a parent's children read are numbered in order from the first, each under its
    parent's code (1.1, 1.2), lettered (1.a, 1.b), or, under a part numbered in roman, afresh
    (I: 1, 2 — a table whose parts restart their numbering): a child lost leaves a gap or a short
    run, which the maxima's sum tells besides."""
    n = range(1, len(have) + 1)
    styles = [[f"{code}.{k}" for k in n], [f"{code}.{chr(ord('a') + k - 1)}" for k in n]]
    if code in _ROMAN:
        styles.append([str(k) for k in n])
    return have in styles


def set_maximum(cset: CriteriaSet | None, code: str | None, printed: dict[str, float]) -> float | None:
    """The maximum the criteria set says a row prints: its own (``printed_maxima``), else, for a
    parent the set does not make up, its children's in the set added up (a document prints the
    sum of the rows it has); None when the set does not say."""
    if cset is None or code is None:
        return None
    if code in printed:
        return printed[code]
    children = [printed.get(c.code) for c in cset.children(code)]
    return sum(m for m in children if m is not None) if children and None not in children else None
