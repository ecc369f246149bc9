"""Which members of a failed relation (a sum, a total, self ≤ max) the reading, not the commune,
puts in doubt: rows read unsurely (a code inferred, a cell lost or read unsurely, on OCR'd text a
figure made of letters or a decimal mark we put in), rows whose level was guessed from their place,
an OCR'd maximum that is not its criterion's in the recognised set. The checks queue these cells
instead of reporting the commune's fault."""

from __future__ import annotations

from collections.abc import Sequence

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.lone_figure import lone_figure_unsure
from cchc_extract.reconcile.misread import from_letters
from cchc_extract.reconcile.named_set import maxima_by_set, named_set_ids
from cchc_extract.reconcile.printed_cells import mark_inserted
from cchc_extract.reconcile.score_cells import cell_confidence, coded_by_name
from cchc_extract.reconcile.score_refs import POINT_FIELDS, _score_ref
from cchc_extract.reconcile.settings import ReconcileSettings
from normalize.criteria import load_criteria_sets
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS
from normalize.criteria.recognise import names_criterion
from normalize.lazy_regex import lazy_compile
from schemas.records import ReviewItem, ScoreRow


def placed_by_guess(
    ti: int, i: int, kids: dict[int, list[int]], rows: list[ScoreRow], field_: str, name: str
) -> tuple[ReviewItem, ...]:
    """Rows below row i's children whose code was inferred from their position (OCR lost it):
    the level guessed may be wrong, and such a row may be a child of row i itself (a "1.3" read as
    "1.2.3" leaves section 1 short of it). The relation's members are then not certain. A row
    whose name is the set's criterion for the code it was given (``coded_by_name``) is at that
    level for sure: no doubt of the relation's, and not queued for it."""
    out = []
    stack = [g for c in kids.get(i, []) for g in kids.get(c, [])]
    while stack:
        k = stack.pop()
        stack += kids.get(k, [])
        if "code_inferred" in rows[k].flags and not coded_by_name(rows[k]):
            out.append(_score_ref(ti, k, rows[k], field_, name))
    return tuple(out)


def unsure_members(
    ti: int,
    members: list[int],
    rows: list[ScoreRow],
    field_: str,
    name: str,
    s: ReconcileSettings,
    ocr: bool = False,
) -> tuple[ReviewItem, ...]:
    """The members of a relation the segmenter read unsurely (its own row confidence under the
    review threshold: a code inferred, a cell missing; or that cell, ``field_``, read unsurely);
    on OCR'd text also those with a points cell printed as letters, not digits ("D." taken for
    0, "ae" for a lost maximum): that figure is a guess from the glyphs' shapes, and the row's
    other cells were split from the same damaged line, so their columns are as unsure; and those
    whose ``field_`` is a decimal mark we put into bare digits ("045" taken for 0,45): OCR lost the
    mark, and may have spoilt a digit with it ("0,25" printed "045")."""
    return tuple(
        _score_ref(ti, k, rows[k], field_, name)
        for k in members
        if cell_confidence(rows[k], field_, s.confidence) < s.review_below
        or (ocr and from_letters(*(getattr(rows[k], f"{f}_raw") for f in POINT_FIELDS)))
        or (ocr and mark_inserted(getattr(rows[k], f"{field_}_raw") or "", getattr(rows[k], field_), "score"))
    )


def max_not_the_sets(ti: int, i: int, row: ScoreRow, score: str, name: str, ocr: bool) -> tuple[ReviewItem, ...]:
    """Row i's maximum, on OCR'd text, when it differs from its criterion's in the criteria set the
    matcher recognised (``FLAG_MAX_DIFFERS``) and the row's ``score`` is within the set's: the
    characters read, not the commune's figure, are in doubt."""
    differs = next((f for f in row.flags if f.startswith(FLAG_MAX_DIFFERS + ":")), None)
    value = getattr(row, score)
    if not ocr or differs is None or value is None:
        return ()
    top = maxima_by_set().get(differs.split(":", 1)[1], {}).get(norm_code(row.code) or "")
    if top is None or value > top + 0.011:
        return ()
    return (_score_ref(ti, i, row, "max_points", name),)


def max_not_its_wordings(ti: int, i: int, row: ScoreRow, score: str, name: str, ocr: bool) -> tuple[ReviewItem, ...]:
    """Row i's maximum, on OCR'd text, when no set was recognised for the table but the row's
    name is its code's criterion's wording in a set it was named by (snapped, restored from the
    wording, coded by its name: ``named_set._NAMED_BY``), that set's maximum differs from the one
    read and the row's ``score`` is within it: a line whose figures OCR split ("16 15,5" read "1
    6 15,5", the maximum 1 and the self 6) is ours, as against a recognised set
    (``max_not_the_sets``). A score above the set's maximum is the commune's."""
    value = getattr(row, score)
    if not ocr or value is None or row.max_points is None or any(f.startswith(FLAG_MAX_DIFFERS) for f in row.flags):
        return ()
    code = norm_code(row.code) or ""
    for set_id in named_set_ids(row):
        top = maxima_by_set().get(set_id, {}).get(code)
        crit = next((c for c in load_criteria_sets() if c.id == set_id), None)
        crit_def = crit.by_code().get(code) if crit is not None else None
        if top is None or crit_def is None or not names_criterion(row, crit_def):
            continue
        if abs(top - row.max_points) > 0.011 and value <= top + 0.011:
            return (_score_ref(ti, i, row, "max_points", name),)
    return ()


def max_under_children(
    ti: int, i: int, rows: list[ScoreRow], children: Sequence[int], name: str, tolerance: float, ocr: bool
) -> tuple[ReviewItem, ...]:
    """Row i's maximum, on OCR'd text, when its sub-criteria read so far already add up to more
    (": 2" read for a printed 12 over sub-criteria of 2 and 2,5, the rest not read): a field's
    maximum is the sum of its sub-criteria's, so that figure is refuted by two relations at once
    and a score above it says nothing of the commune."""
    row = rows[i]
    known: list[float] = [m for c in children if (m := rows[c].max_points) is not None]
    if not ocr or row.max_points is None or not known or sum(known) <= row.max_points + tolerance:
        return ()
    return (_score_ref(ti, i, row, "max_points", name),)


def lone_scores(
    ti: int, members: Sequence[int], rows: list[ScoreRow], field_: str, name: str, ocr: bool
) -> tuple[ReviewItem, ...]:
    """The members of a sum of maxima, on OCR'd text, whose maximum is the one figure their line
    kept beside a lost self score and is written in quarters, as scores are and maxima are not
    (``lone_figure.lone_figure_unsure``): the figure is as likely the self score the line printed
    (seed 11131's dump: a field's "6,75", its self score, read as its maximum 10 and told short of
    its sub-criteria's 7). Only the figure's own shape says so, never the set: a commune's maximum
    that differs from a province's set stays the document's."""
    if not ocr or field_ != "max_points":
        return ()
    return tuple(_score_ref(ti, k, rows[k], field_, name) for k in members if lone_figure_unsure(rows[k], False))


# A points figure among the last words of a row's name, no more than two short specks after it
# ("… các bộ phận chuyên mẽ rẽ. 2 CÓ"): a points column of a printed line the name took in.
_FIGURE_IN_NAME_TAIL = lazy_compile(r"(?:^|\s)\d{1,2}(?:[.,]\d{1,2})?(?:\s+\S{1,3}){0,2}\s*$")


def figures_left_in_name(ti: int, i: int, row: ScoreRow, score: str, name: str, ocr: bool) -> tuple[ReviewItem, ...]:
    """Row i's cells, on OCR'd text, when its name ends in a points figure (with at most two
    specks after it): the row was assembled from two printed rows' lines, one line's figures
    taken for its cells and the other's left in its name, so which criterion's figures the cells
    hold is ours to doubt, not the commune's (seed 10001's degraded dump: 1.3's name and its
    "2 2,5" — its maximum 2,5 read "2" — joined to 1.4's line "2 CÓ", told as 1.4's self 2,5
    above its maximum 2). The score rows' kin of ``stat_rows.figures_in_name`` (a statistics row's
    name holding the next item's "28/29")."""
    if not ocr or not _FIGURE_IN_NAME_TAIL.search(row.name_raw or row.name or ""):
        return ()
    return (_score_ref(ti, i, row, score, name), _score_ref(ti, i, row, "max_points", name))


# A printed code cut short after its separator ("5." left of "5.1"): OCR lost its last number.
_CUT_CODE = lazy_compile(r"^\s*\d+(?:[.,]\d+)*[.,]\s*$")


def first_child_as_parent(
    ti: int, i: int, rows: list[ScoreRow], children: Sequence[int], field_: str, name: str, ocr: bool
) -> tuple[ReviewItem, ...]:
    """Row i's cell, on OCR'd text, when its printed code stops at a separator ("5.") and its
    sub-criteria's numbering starts past the first (5.2, 5.3, no 5.1): the line was the first
    sub-criterion, its number lost ("5.1" read "5."), and the sum we check it by is of our
    making, not the commune's (seed 12001's scan: a field's details heading rows 5.1 of 3, 5.2
    of 3, 5.3 of 4, told "5 states 3 over 7"). A field printed "5." over sub-criteria from 5.1
    is left as it is."""
    row = rows[i]
    if not ocr or not children or not _CUT_CODE.match(row.code_raw or ""):
        return ()
    own = norm_code(row.code) or ""
    first = norm_code(rows[children[0]].code) or ""
    numbered = [norm_code(rows[c].code) or "" for c in children]
    if not first.startswith(own + ".") or f"{own}.1" in numbered or first != f"{own}.2":
        return ()
    return (_score_ref(ti, i, row, field_, name),)
