"""Cells OCR lost that the table's own arithmetic determines: a parent's points as the sum of its
children's when every child was read, one child's as its parent's less its siblings' read, a
maximum as the sum of its children's maxima; the same for the self-assessed and the appraised
points. The children a parent has are the criteria set's when the set names the parent (a table
read in part has no sum to give), else the ones read when their maxima read add up to the
parent's (the children's block is whole).

A derived value was not read: its ``*_raw`` stays blank, its row is flagged
``derived_from_sums:<field>``, its confidence is the least of the cells it was derived from. It
is no witness: the checks run on the table as read (``reconcile`` clears derived cells first, and
the pipeline derives after every check, coverage and queue entry is made), so no relation holds or
fails because of it, and a fault the commune made in a sum the lost cell was part of is still
what the queue says of that cell's row. Two routes to one cell that disagree (its children's sum
and its parent's remainder) derive nothing: a sum the document breaks there. Only tables whose
blanks may be lost cells (``blanks_printed``: OCR'd text, lines we split): a typed grid's blank
was printed blank. A lost maximum no sum gives takes the criteria set's when its row is named as
the set's criterion, the set recognised if not surely (``_by_set_alone``, flagged
``derived_from_criteria_set:max_points``): after the checks, it hides no maximum of the commune's
from them. A derived value leaves the queue only when a second relation confirms it
(``Derivation.confirmed``, ``_queue``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from cchc_extract.reconcile.cell_grids import blanks_printed
from cchc_extract.reconcile.derived_members import (
    DERIVED_FLAGS,
    FLAG_DERIVED,
    FLAG_DERIVED_BY_SET,
    is_derived,
    read_figure,
    set_maximum,
    top_whole,
    whole_children,
)
from cchc_extract.reconcile.hierarchy import children_of, norm_code, resolve_parents
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.named_children import criterion_of, own_numbered_table
from cchc_extract.reconcile.named_set import set_worded_by_rows
from cchc_extract.reconcile.off_step import on_step
from cchc_extract.reconcile.queue import value_threshold
from cchc_extract.reconcile.recovered import account_recovered, recovered_cells
from cchc_extract.reconcile.refuted import (
    accepted,
    blank_refuted,
    read_back,
    refuted_cells,
    restore_refuted,
    tell_refuted,
)
from cchc_extract.reconcile.score_cells import MISSING_FLAG, table_fields
from cchc_extract.reconcile.score_refs import score_row_at
from cchc_extract.reconcile.settings import LOW_CONFIDENCE_REASON, ReconcileSettings
from extract.segment.line_common import points_cell
from extract.segment.unread_review import UNREAD_PREFIX
from normalize.criteria import CriteriaSet
from normalize.criteria.recognise import names_criterion, printed_maxima
from normalize.numbers import parse_number
from schemas.records import REASONS_SEPARATOR, ExtractionResult, ReviewItem, ScoreRow, ScoreTable, reasons_of

# What the queue says of a derived value it keeps.
DERIVED_REASON = "not read; derived from the sums of "
# The reasons an entry gave for a blank cell, which a confirmed derived value answers: its low
# confidence, the unread cell (``extract.segment.unread_review``), the relation it left unchecked
# (``reconcile.unchecked``).
_BLANK_REASONS = (LOW_CONFIDENCE_REASON, UNREAD_PREFIX, "not checked: ")


@dataclass(frozen=True)
class Derivation:
    """One lost cell a sum determines: its row, field and value, the cells it was derived from
    ((row index, field) of the same table) and the number of routes that agree on it."""

    table: int
    row: int
    field: str
    value: float
    inputs: tuple[tuple[int, str], ...]
    routes: int = 1
    # The criteria set's maximum for the cell is the value (a second witness, not the document's).
    by_set: bool = False
    # The cell's own characters give the value, read past OCR's damage to its marks ("2/75" for
    # 2,75, "_10,25": ``printed_as_derived``): a second witness, the page's own, besides the sum.
    by_print: bool = False
    # Derived from a cell an earlier pass derived (``derive_in_chains``), not from cells read only.
    chained: bool = False
    # The table's stated total is among the cells it was derived from (the top level's parent).
    from_total: bool = False

    @property
    def key(self) -> tuple[int, int, str]:
        """(table, row, field): the cell."""
        return (self.table, self.row, self.field)

    @property
    def confirmed(self) -> bool:
        """Whether a relation besides the one that gave the value vouches for it: a second route
        (its children's sum and its parent's remainder agree), the set's maximum, or the cell's
        own characters (``by_print``). Never a value derived from a derived one (``chained``):
        its routes all run through a cell no page printed. The set's maximum is a second witness
        only beside a route: alone (``_by_set_alone``, no route) it is one witness, and a commune
        may print a maximum of its own, so the value stays queued as its cell stays told unread
        (``recovered``)."""
        return not self.chained and (self.routes > 1 or (self.by_set and self.routes > 0) or self.by_print)


def clear_derived(result: ExtractionResult) -> None:
    """Blank every derived cell again (a result read back to be checked anew: validate, a review
    applied): the checks run on what was read, never on what their own sums gave."""
    for table in result.score_tables:
        for row in table.rows:
            for field in [f.partition(":")[2] for f in row.flags if f.startswith(DERIVED_FLAGS)]:
                setattr(row, field, None)
                row.value_confidence.pop(field, None)
            row.flags = [f for f in row.flags if not f.startswith(DERIVED_FLAGS)]
            read_back(row)


def derive_lost_cells(result: ExtractionResult, s: ReconcileSettings = ReconcileSettings()) -> list[Derivation]:
    """Fill the lost cells the tables' sums determine (``table_derivations``), each flagged, with
    its confidence the least of its inputs'; a value derived from inputs under the review
    threshold is queued (``DERIVED_REASON``), one from sure inputs takes the place of the lost
    cell's own low-confidence entry. Returns what was derived."""
    if not s.derive_lost_cells:
        return []
    from cchc_extract.coverage import recognised_set

    ocr = ocr_read(result)
    done: list[Derivation] = []
    for ti, table in enumerate(result.score_tables):
        if blanks_printed(table, result.source, ocr):
            continue
        cset = recognised_set(table.rows)
        # (no set recognised by the matcher's flags: the one the rows' names word gives its maxima
        # to lost maximum cells alone; the sums keep the children read)
        worded = set_worded_by_rows(table.rows, s.worded_set_min_rows) if cset is None else None
        # Cells read that a misread check doubts are weighed as lost, under their own rule
        # (``reconcile.refuted``); the ones no sum gives get their figure read back.
        refuted = {(r.row, r.field): r for r in refuted_cells(result, ti)} if ocr and s.derive_over_misread else {}
        blank_refuted(table.rows, refuted.values())
        found = _kept(table_derivations(ti, table, cset, s, worded=worded), refuted, s)
        lost = _lost_cells(table, s)
        # A chain of sums is solved pass by pass: each pass may take the cells the one before
        # derived as inputs (``chained``), until no sum gives more.
        while found:
            for d in found:
                _apply(result, d, s)
            done += found
            if not s.derive_in_chains:
                break
            found = _kept(table_derivations(ti, table, cset, s, chain=True, lost=lost, worded=worded), refuted, s)
        restore_refuted(table.rows, refuted.values())
        tell_refuted(result, ti, refuted.values())
    sure = _sure(result, done, s)
    _queue(result, done, sure, s)
    # Cells vouched for twice are no part left unread (their flags still say they were not read);
    # a maximum the set alone gave (no sum) is vouched for once.
    # (Nothing told unread, nothing to take back: the relations are not walked again for it.)
    if result.unread:
        confirmed = {
            (f"/score_tables/{d.table}/rows/{d.row}", d.field)
            for d in done
            if (d.inputs or d.from_total) and d.key in sure
        }
        account_recovered(result, recovered_cells(result, confirmed))
    return done


def _kept(found: list[Derivation], refuted: dict, s: ReconcileSettings) -> list[Derivation]:
    """The derivations that may stand: every one of a lost cell, of a refuted cell only those its
    rule accepts (``refuted.accepted``)."""
    return [
        d
        for d in found
        if (r := refuted.get((d.row, d.field))) is None or accepted(r, d.value, d.routes > 1 and not d.chained, s)
    ]


def table_derivations(
    ti: int,
    table: ScoreTable,
    cset: CriteriaSet | None,
    s: ReconcileSettings,
    chain: bool = False,
    lost: frozenset[tuple[int, str]] | None = None,
    worded: CriteriaSet | None = None,
) -> list[Derivation]:
    """The lost cells of one table its sums determine, each from cells read (never from another
    derived cell), where every route to it agrees; with ``chain``, from cells derived before too
    (each such value ``chained``). ``lost``: the cells lost before any was derived
    (``_lost_cells``), the ones a later pass may still fill. ``worded``: the set the rows' names
    word where none was recognised (``named_set.set_worded_by_rows``), for lost maxima alone."""
    rows = table.rows
    lost = _lost_cells(table, s) if lost is None else lost
    parents, orphans = resolve_parents(rows)
    kids = {p: [k for k in ks if k not in orphans] for p, ks in children_of(parents).items()}
    fields = table_fields(rows, s.confidence)
    step = points_step(rows, fields, s)
    printed = printed_maxima(cset) if cset is not None else {}
    worded_maxima = printed_maxima(worded) if worded is not None else {}
    own = own_numbered_table(rows, cset or worded)  # (its rows' criteria by their names)
    out = []
    for i, row in enumerate(rows):
        for f in fields:
            if getattr(row, f) is not None or (i, f) not in lost:
                continue
            by_total = _from_total(table, i, f, parents, orphans, cset, step, s, chain)
            routes = [
                r
                for r in (
                    _down(rows, i, f, kids, cset, s, chain),
                    _up(rows, i, f, parents, orphans, kids, cset, s, chain),
                    by_total,
                )
                if r
            ]
            if chain and not any(is_derived(rows[k], g) for _, ins in routes for k, g in ins):
                continue  # (no derived input: the first pass found it or found the routes at odds)
            if not routes:
                if chain:
                    continue
                by_set = _by_set_alone(row, f, cset or worded, printed or worded_maxima, s, own)
                if by_set is not None:
                    out.append(Derivation(ti, i, f, by_set, (), 0, True))
                continue
            values = {round(v, 2) for v, _ in routes}
            if len(values) != 1:
                continue  # (the document's sum is broken there, or a cell misread: nothing is determined)
            value = routes[0][0]
            inputs = tuple(dict.fromkeys(k for _, ins in routes for k in ins))
            most = set_maximum(cset, norm_code(row.code), printed)
            if not _plausible(row, f, value, most, s):
                continue
            if not all(on_step(v, step) for v in _values(rows, inputs, value, chain)):
                continue
            if f == "max_points" and most is not None and abs(most - value) > s.points_tolerance:
                continue  # (the set's maximum and the sum disagree: a maximum read or printed wrong)
            by_set = f == "max_points" and most is not None
            by_print = s.derived_witness_in_print and printed_as_derived(row, f, value, s)
            routes_n, from_total = len(routes), by_total is not None
            out.append(Derivation(ti, i, f, round(value, 4), inputs, routes_n, by_set, by_print, chain, from_total))
    return out


def printed_as_derived(row: ScoreRow, f: str, value: float, s: ReconcileSettings) -> bool:
    """Whether the characters OCR printed in the lost cell read as the derived value the way the
    line reader reads a points cell beside another (``points_cell``): a speck on its edges dropped
    ("_10,25"), a slash or a colon taken for its decimal comma ("2/75"). Every digit the cell
    printed then agrees with the sum, only a mark was misread; a sum alone may hide a commune's
    fault in it, the cell's own digits are a second witness the fault would not repeat."""
    cell = points_cell(getattr(row, f"{f}_raw") or "", beside_points=True)
    printed = parse_number(cell, kind="score") if cell else None
    return printed is not None and abs(printed.value - value) <= s.points_tolerance


def _lost_cells(table: ScoreTable, s: ReconcileSettings) -> frozenset[tuple[int, str]]:
    """(row, field) of the table's blank cells printed and not read (``_lost``)."""
    fields = table_fields(table.rows, s.confidence)
    return frozenset(
        (i, f) for i, row in enumerate(table.rows) for f in fields if getattr(row, f) is None and _lost(row, f, fields)
    )


def _lost(row: ScoreRow, f: str, fields: tuple[str, ...] = ()) -> bool:
    """Whether a blank cell was printed and not read: the segmenter says so (``missing_*``), or the
    cell printed text that gave no number, or it is a score of a row that read no score at all
    while the segmenter says another of its cells was lost (``fields``: the table's): a line whose
    figures OCR lost loses them all, the appraised one too, though only the cells beside a figure
    read are flagged for it."""
    if MISSING_FLAG[f] in row.flags or bool((getattr(row, f"{f}_raw") or "").strip()):
        return True
    scores = [g for g in fields if g != "max_points"]
    return (
        f in scores
        and all(getattr(row, g) is None and not (getattr(row, f"{g}_raw") or "").strip() for g in scores)
        and any(MISSING_FLAG[g] in row.flags for g in fields)
    )


def _down(
    rows: list[ScoreRow],
    i: int,
    f: str,
    kids: dict[int, list[int]],
    cset: CriteriaSet | None,
    s: ReconcileSettings,
    chain: bool = False,
) -> tuple[float, list[tuple[int, str]]] | None:
    """A parent's cell as its children's added up, every child read and the children whole."""
    children = kids.get(i, [])
    if not children or not whole_children(rows, i, children, f, cset, s):
        return None
    values = [read_figure(rows[k], f, chain) for k in children]
    if any(v is None for v in values):
        return None
    return sum(v for v in values if v is not None), [(k, f) for k in children]


def _up(
    rows: list[ScoreRow],
    i: int,
    f: str,
    parents: list[int | None],
    orphans: set[int],
    kids: dict[int, list[int]],
    cset: CriteriaSet | None,
    s: ReconcileSettings,
    chain: bool = False,
) -> tuple[float, list[tuple[int, str]]] | None:
    """A child's cell as its parent's less its siblings', the parent's and every sibling's read
    and the children whole."""
    p = parents[i]
    if p is None or i in orphans:
        return None
    stated = read_figure(rows[p], f, chain)
    siblings = [k for k in kids.get(p, []) if k != i]
    if stated is None or not whole_children(rows, p, kids.get(p, []), f, cset, s):
        return None
    values = [read_figure(rows[k], f, chain) for k in siblings]
    if any(v is None for v in values):
        return None
    return stated - sum(v for v in values if v is not None), [(p, f), *((k, f) for k in siblings)]


def _from_total(
    table: ScoreTable,
    i: int,
    f: str,
    parents: list[int | None],
    orphans: set[int],
    cset: CriteriaSet | None,
    step: float,
    s: ReconcileSettings,
    chain: bool = False,
) -> tuple[float, list[tuple[int, str]]] | None:
    """A top-level row's cell as the table's stated total less the other top-level rows' read:
    the total row is the top level's parent. Only where the total was read surely
    (``_total_read_surely``) and the top-level rows read are all of them (``top_whole``)."""
    rows = table.rows
    if parents[i] is not None or orphans or not s.derive_from_stated_total:
        return None
    stated = _total_read_surely(table, f, step, s)
    top = [k for k, p in enumerate(parents) if p is None]
    if stated is None or not top_whole(table, top, f, cset, printed_maxima(cset) if cset else {}, s):
        return None
    values = [read_figure(rows[k], f, chain) for k in top if k != i]
    if any(v is None for v in values):
        return None
    return stated - sum(v for v in values if v is not None), [(k, f) for k in top if k != i]


def _total_read_surely(table: ScoreTable, f: str, step: float, s: ReconcileSettings) -> float | None:
    """The table's stated total of ``f`` when it can stand as a parent: read (the appraised
    column has none), at or over the review threshold where OCR gave its confidence, on the
    table's step, and a score total not above the total of maxima (a misread total derives
    nothing). None otherwise."""
    stated = {"max_points": table.stated_total_max, "self_points": table.stated_total_self}.get(f)
    if stated is None or stated <= s.points_tolerance or not on_step(stated, step):
        return None
    own = table.stated_total_confidence.get(f)
    if own is not None and own < value_threshold(s):
        return None
    most = table.stated_total_max
    if f != "max_points" and most is not None and stated > most + s.points_tolerance:
        return None
    return stated


def _by_set_alone(
    row: ScoreRow, f: str, cset: CriteriaSet | None, printed: dict[str, float], s: ReconcileSettings, own: bool = False
) -> float | None:
    """A lost maximum no sum determines, of a row named as its code's criterion in the set the
    table's rows name (recognised, if not surely: ``fill_set_maxima`` fills only a sure set's,
    before the checks, where a commune's own maximum the set's hid would pass its sums): the set's
    maximum, given after the checks, which never weigh it (``own``: the table numbers its rows its
    own way, the row's criterion is the one its name words, ``named_children``). Not where a score
    of the row is above it (a fault of the commune's, or a maximum of its own). None otherwise."""
    if f != "max_points" or cset is None or not s.derive_set_maxima:
        return None
    crit = criterion_of(row, cset, own)
    if crit is None or crit.code not in printed or not names_criterion(row, crit):
        return None
    most = printed[crit.code]
    if any(v is not None and v > most + s.points_tolerance for v in (row.self_points, row.appraised_points)):
        return None
    return most


def _plausible(row: ScoreRow, f: str, value: float, set_most: float | None, s: ReconcileSettings) -> bool:
    """A derived figure a cell can print: a maximum above 0 and not below a score of its row (a
    fault of the commune's the relation would no longer show), a score above 0 up to the row's
    maximum, or, where the row's maximum is blank too, up to the criteria set's for its code
    (``set_most``, ``set_maximum``): a parent's score misread ("0,75" read 67) less its siblings'
    gives a remainder no criterion of the set can score. A score of 0 is not derived: its siblings
    already make up the parent, and a blank the commune left (a criterion not scored) adds the
    same 0 to the sum."""
    if f == "max_points":
        scores = (row.self_points, row.appraised_points)
        return value > s.points_tolerance and all(v is None or v <= value + s.points_tolerance for v in scores)
    most = row.max_points if row.max_points is not None else set_most
    return value > s.points_tolerance and (most is None or value <= most + s.points_tolerance)


def points_step(rows: list[ScoreRow], fields: tuple[str, ...], s: ReconcileSettings) -> float:
    """The step a table's points are given in: quarters when at least ``derived_grid_share`` of
    the figures read are, else the finest step points take (``guessed_points_step``)."""
    values = [v for r in rows for f in fields if (v := read_figure(r, f)) is not None]
    quarters = sum(on_step(v, 0.25) for v in values)
    return 0.25 if values and quarters >= s.derived_grid_share * len(values) else s.guessed_points_step


def _values(
    rows: list[ScoreRow], inputs: tuple[tuple[int, str], ...], value: float, chain: bool = False
) -> list[float]:
    """The derived value and the figures it was derived from: one off the table's step (a digit
    or a mark misread: 1,89 under quarters) spoils the sum."""
    return [value, *(v for k, f in inputs if (v := read_figure(rows[k], f, chain)) is not None)]


def _apply(result: ExtractionResult, d: Derivation, s: ReconcileSettings) -> None:
    """Write a derivation into its row: the value, its flag, its confidence."""
    rows = result.score_tables[d.table].rows
    row = rows[d.row]
    setattr(row, d.field, round(d.value, 4))
    row.flags = [*row.flags, f"{FLAG_DERIVED if d.inputs or d.from_total else FLAG_DERIVED_BY_SET}{d.field}"]
    given = [_confidence(rows[k], f) for k, f in d.inputs]
    if d.from_total:
        # (the totals row's OCR confidence where a grid gave it; a total alone, no row read beside
        # it, vouches for less than a sum of rows read: ``total_alone_confidence``)
        total = result.score_tables[d.table].stated_total_confidence.get(d.field)
        given += [total] if total is not None else [] if given else [s.total_alone_confidence]
    row.value_confidence[d.field] = round(min(given, default=s.set_maximum_confidence), 3)


def _sure(result: ExtractionResult, done: list[Derivation], s: ReconcileSettings) -> set[tuple[int, int, str]]:
    """(table, row, field) of the derived values confirmed (``Derivation.confirmed``) and derived
    from inputs at or over the review threshold: no look is needed."""
    below = value_threshold(s)
    return {(d.table, d.row, d.field) for d in done if d.confirmed and _own(result, d) >= below}


def _queue(
    result: ExtractionResult, done: list[Derivation], sure: set[tuple[int, int, str]], s: ReconcileSettings
) -> None:
    """The queue's entries for the derived cells. A value confirmed (``Derivation.confirmed``) and
    derived from inputs at or over the review threshold needs no look: the entries that asked
    for the blank (its low confidence, the unread cell, the relation it left unchecked) go, and
    its row's whole-line entry too once no cell of the row is left blank or unconfirmed. Any
    other derived value stays in the queue, with what it was derived from: the relation that gave
    it cannot show a fault of the commune in that very sum. ``sure``: ``_sure``."""
    rows_done = {(d.table, d.row) for d in done}
    cleared = {
        (ti, ri)
        for ti, ri in rows_done
        if all(
            getattr(row := result.score_tables[ti].rows[ri], f) is not None
            and (not is_derived(row, f) or (ti, ri, f) in sure)
            for f in table_fields(result.score_tables[ti].rows, s.confidence)
        )
    }
    said = {(f"/score_tables/{d.table}/rows/{d.row}", d.field): d for d in done}
    kept = []
    for entry in result.review:
        d = said.get((entry.item, entry.field or ""))
        whole_row = entry.field is None and score_row_at(entry.item) in cleared
        if whole_row or (d is not None and (d.table, d.row, d.field) in sure):
            left = [r for r in reasons_of(entry) if not r.startswith(_BLANK_REASONS)]
            if not left:
                continue
            entry = replace(entry, reason=REASONS_SEPARATOR.join(left))
        elif d is not None:
            # (the blank's low confidence is no longer the cell's: the derived value's is said instead)
            left = [r for r in reasons_of(entry) if not r.startswith(LOW_CONFIDENCE_REASON)]
            reason = REASONS_SEPARATOR.join([*left, _said(result, d)])
            entry = replace(entry, value=d.value, reason=reason, confidence=_own(result, d))
        kept.append(entry)
    queued = {(e.item, e.field) for e in kept}
    for (item, field), d in said.items():
        if (d.table, d.row, d.field) in sure or (item, field) in queued or (item, None) in queued:
            continue
        row = result.score_tables[d.table].rows[d.row]
        kept.append(
            ReviewItem(
                item=item,
                field=field,
                table=result.score_tables[d.table].title or None,
                code=row.code,
                page=row.source.page,
                raw=None,
                value=d.value,
                reason=_said(result, d),
                confidence=row.value_confidence.get(field),
            )
        )
    result.review = kept


def _said(result: ExtractionResult, d: Derivation) -> str:
    rows = result.score_tables[d.table].rows
    named = [f"{rows[k].code} {f.replace('_', ' ')}" for k, f in d.inputs]
    inputs = ", ".join([*named, *(["the stated total"] if d.from_total else [])]) or "the criteria set's maxima"
    return f"{DERIVED_REASON}{inputs} (confidence {_own(result, d):.2f})"


def _own(result: ExtractionResult, d: Derivation) -> float:
    return result.score_tables[d.table].rows[d.row].value_confidence.get(d.field, 0.0)


def _confidence(row: ScoreRow, f: str) -> float:
    own = row.value_confidence.get(f)
    return row.confidence if own is None else own
