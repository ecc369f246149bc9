"""Coverage: a sum that falls short because we did not read every row is our gap, not the
commune's fault.

Reconciliation compares the rows read with the totals the document states. When a table's rows
add up to less than its stated total (or a parent's children to less than the parent) and the
document has parts we could not read on those pages — a table not read, a page with no text, a
numbering jump — the shortfall is explained by what is missing. Such a check becomes
``incomplete`` (never ``mismatch``, which tells the district that the commune is wrong), and a
``coverage`` check says how far the rows read get: "rows read add up to 61 of the stated 100".
A stated maximum that rows read blank leave short says the same on its own (every maximum of a
score table is printed: a blank one is ours), and gets its ``coverage`` check too.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from cchc_extract.lost_cells import illegible_cells, lost_cells_of_rows
from cchc_extract.reconcile.core import UNSURE_ROWS
from cchc_extract.reconcile.held import pointer_field
from cchc_extract.reconcile.hierarchy import children_of, norm_code, resolve_parents
from cchc_extract.reconcile.lost_totals import exactly
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.reconcile.score_cells import MISSING_FLAG
from cchc_extract.set_gaps import absent_set_rows
from normalize.criteria import CriteriaSet, load_criteria_sets
from normalize.lazy_regex import lazy_compile
from schemas.records import Check, ExtractionResult, ScoreRow, ScoreTable, UnreadPart


@dataclass(frozen=True)
class CoverageSettings:
    # A shortfall smaller than this (points) is rounding, not missing rows.
    min_shortfall: float = 0.01
    # Characters of the last row read quoted in an unread entry for the rows after it.
    sample_chars: int = 160
    # Words (folded) of a criterion scored by a survey (sociological survey, satisfaction index):
    # the commune prints no self-assessed score for it, so its blank score cell is no cell lost.
    survey_words: tuple[str, ...] = ("dieu tra", "xa hoi hoc", "xhh", "hai long", "sipas", "khao sat")


# Checks whose shortfall missing rows can explain: the rows read sum to less than a stated sum.
_SUM_KINDS = ("stated_total", "sum_children", "sum_self", "sum_appraised")


def account_coverage(result: ExtractionResult, settings: CoverageSettings = CoverageSettings()) -> None:
    """Turn the sum mismatches that unread parts explain into ``incomplete`` and add one
    ``coverage`` check per score table whose stated total the rows read cannot reach."""
    _short_sums(result, settings)
    _unreached_totals(result)
    # Rows lost after the last read under a row: they explain that row's sums only (the rows above
    # it were read with their own figures), so each is kept with the relation that found it.
    tails = _lost_tails(result, settings)
    lost = [part for part, _ in tails] + illegible_cells(result, settings)
    lost += lost_cells_of_rows(result, settings, lost)
    lost += _absent_set_rows(result, lost)
    if lost:
        result.unread = sorted(result.unread + lost, key=lambda p: (p.page or 0, p.line_start or 0))
    if not result.unread:
        return
    checks: list[Check] = []
    for check in result.checks:
        table_index = _score_table_of(check)
        where = pointer_field(check)[0]
        unread = [p for p in result.unread if all(p is not t or at == where for t, at in tails)]
        if (
            (check.status == "mismatch" or (check.status == "misread" and _reachable(check, result)))
            and check.kind in _SUM_KINDS
            and table_index is not None
            and _falls_short(check, settings)
            and _unread_on(
                _may_hold_rows_of(check, unread, result.score_tables[table_index]),
                result.score_tables[table_index],
            )
        ):
            check = replace(
                check,
                status="incomplete",
                message=check.message + "; parts of the document were not read on these pages "
                "(see unread), which may hold the missing rows",
            )
            if check.kind == "stated_total":
                checks.append(_coverage_check(check, table_index))
        checks.append(check)
    result.checks = checks


def _unreached_totals(result: ExtractionResult) -> None:
    """A ``coverage`` check for each table total ``sums`` left ``incomplete`` (top-level criteria
    of the set not read make up the shortfall): how far the rows read get, and what is missing."""
    done = {(pointer_field(c)[0], c.field) for c in result.checks if c.kind == "coverage"}
    added = []
    for check in result.checks:
        table_index = _score_table_of(check)
        key = (f"/score_tables/{table_index}", check.field)
        if check.kind != "stated_total" or check.status != "incomplete" or table_index is None or key in done:
            continue  # (an incomplete total's sum is a number: ``_made_up`` needs it)
        done.add(key)
        missing = check.message.rpartition("; ")[2]
        added.append(_coverage_check(check, table_index, *([missing] if missing.startswith("top-level") else [])))
    result.checks += added


def _absent_set_rows(result: ExtractionResult, also: list[UnreadPart]) -> list[UnreadPart]:
    """The criteria set's rows lost between rows read that nothing else tells (``set_gaps``), on
    an OCR'd document (typed text prints every row it has)."""
    if not ocr_read(result):
        return []
    parts: list[UnreadPart] = []
    for table in result.score_tables:
        cset = recognised_set(table.rows)
        known = result.unread + also + parts
        part = absent_set_rows(table, cset, known, elsewhere=_parts_codes(result, table)) if cset is not None else None
        if part is not None:
            parts.append(part)
    return parts


def _parts_codes(result: ExtractionResult, table: ScoreTable) -> frozenset[str]:
    """The codes read in the document's other score tables that share no code with ``table``: the
    other parts of one table printed in parts (its header again over each), read as a table per
    part. A table sharing codes with it is another table of the same criteria (an appraisal's
    beside the self-assessment's), whose rows say nothing of this one's."""
    own = {norm_code(row.code) for row in table.rows if row.code}
    codes: set[str] = set()
    for other in result.score_tables:
        theirs = {norm_code(row.code) or "" for row in other.rows if row.code}
        if other is not table and not theirs & own:
            codes |= theirs
    return frozenset(codes)


def _reachable(check: Check, result: ExtractionResult) -> bool:
    """Whether a sum check told as a misreading may instead fall short for rows not read: no
    reading explains it (only members read unsurely: ``UNSURE_ROWS``), and its stated figure is
    within what the criteria set recognised for the table gives the relation (the set's total,
    or the parent criterion's maximum). A figure beyond it ("455" for 45,5) is the
    misreading, and rows not read would not make it up."""
    table_index = _score_table_of(check)
    if table_index is None or not isinstance(check.actual, (int, float)) or UNSURE_ROWS not in check.message:
        return False  # a reading that makes the sum hold explains it: no rows are missing
    cset = recognised_set(result.score_tables[table_index].rows)
    if cset is None:
        return False
    pointer = pointer_field(check)[0]
    if "/rows/" in pointer:
        row = result.score_tables[table_index].rows[int(pointer.rsplit("/", 1)[1])]
        crit = cset.by_code().get(norm_code(row.code) or "")
        most = crit.max_points if crit is not None else None
    else:
        most = sum(c.max_points or 0.0 for c in cset.children(""))
    return most is not None and check.actual <= most + 0.01


# The sum checks of each points field, and the segmenter's flag for a cell of it it lost.
_FIELD_SUMS = {
    "max_points": (("stated_total", "sum_children"), MISSING_FLAG["max_points"], "a maximum"),
    "self_points": (("stated_total", "sum_self"), MISSING_FLAG["self_points"], "a self-assessed score"),
    "appraised_points": (("sum_appraised",), MISSING_FLAG["appraised_points"], "an appraised score"),
}


def _short_sums(result: ExtractionResult, settings: CoverageSettings) -> None:
    """A ``coverage`` check for the first relation of each score table and points field whose
    stated figure the rows read cannot reach because some of them came out blank (the check is
    ``skipped``: blanks short of the whole) where the segmenter says it lost the cell (its
    ``missing_*`` flag: a row printing other figures, or a line it could not place). The
    document states the whole; the rows read fall short of it where a cell was lost: ours to
    tell, on OCR'd text, and on typed text for a score missing beside its printed maximum (a text
    export loses a cell put on its own line: ``_lost_cells``). It is a check, not an unread
    part: the cell may also have been printed blank."""
    ocr = ocr_read(result)
    done = {(pointer_field(c)[0], c.field) for c in result.checks if c.kind == "coverage"}
    added: list[Check] = []
    for check in result.checks:
        table_index = _score_table_of(check)
        if check.field not in _FIELD_SUMS or table_index is None:
            continue
        kinds, flag, what = _FIELD_SUMS[check.field]
        if (
            check.kind in kinds
            and check.status == "skipped"
            and (f"/score_tables/{table_index}", check.field) not in done
            and _falls_short(check, settings)
            and _lost_cells(result.score_tables[table_index], check, flag, ocr)
        ):
            done.add((f"/score_tables/{table_index}", check.field))
            where = pointer_field(check)[0]
            added.append(
                replace(
                    _coverage_check(check, table_index),
                    id=f"coverage:{where}:{check.field}",
                    code=check.code,
                    message=f"{check.code or 'table total'}: rows read add up to {check.expected:g} of the "
                    f"stated {check.actual:g}: rows under it came out without {what} (not read, or printed "
                    "blank)",
                )
            )
    result.checks += added


def _lost_cells(table: ScoreTable, check: Check, flag: str, ocr: bool) -> bool:
    """Whether a member of the relation a check is on came out without the cell the segmenter
    says was there (its ``flag``). Typed text prints what it prints: a criterion printed blank
    there (no maximum either) is the document's; only a score missing beside its printed maximum
    is a cell lost (a text export putting a cell on its own line)."""
    rows = table.rows
    parents = resolve_parents(rows)[0]
    pointer = pointer_field(check)[0]
    row = int(pointer.rsplit("/", 1)[1]) if "/rows/" in pointer else None
    members = [i for i, p in enumerate(parents) if p == row]
    return any(
        getattr(rows[i], check.field or "") is None
        and flag in rows[i].flags
        and (ocr or (check.field != "max_points" and rows[i].max_points is not None))
        for i in members
    )


def _score_table_of(check: Check) -> int | None:
    """The score table a check belongs to, from its id ('kind:/score_tables/0/rows/3:field')."""
    pointer = pointer_field(check)[0]
    parts = pointer.split("/")
    if len(parts) >= 3 and parts[1] == "score_tables" and parts[2].isdigit():
        return int(parts[2])
    return None


def _falls_short(check: Check, settings: CoverageSettings) -> bool:
    """The rows read (``expected``: their sum) come to less than the stated figure (``actual``)."""
    read, stated = check.expected, check.actual
    if not isinstance(read, (int, float)) or not isinstance(stated, (int, float)):
        return False
    return stated - read >= settings.min_shortfall


def _may_hold_rows_of(check: Check, unread: list[UnreadPart], table: ScoreTable) -> list[UnreadPart]:
    """The unread parts that may hold rows a table's stated total counts. Its top-level rows
    numbered 1, 2, … n without a gap leave no place for a missing one among the rows read: a part
    lying between two rows read (on their page, within their lines) is inside a subtree whose top
    row was read, and cannot explain a total its top rows fall short of. Parts outside the rows
    read, or any part when the numbering or the lines do not say so, may."""
    if check.kind != "stated_total":
        return unread
    parents = resolve_parents(table.rows)[0]
    top = [table.rows[i] for i, p in enumerate(parents) if p is None]
    numbers = [r.code for r in top]
    if not numbers or numbers != [str(k) for k in range(1, len(numbers) + 1)]:
        return unread
    spans: dict[int, tuple[int, int]] = {}
    for row in table.rows:
        ref = row.source
        if ref.page is None or ref.line_start is None:
            return unread
        low, high = spans.get(ref.page, (ref.line_start, ref.line_end or ref.line_start))
        spans[ref.page] = (min(low, ref.line_start), max(high, ref.line_end or ref.line_start))
    return [
        part
        for part in unread
        if not (
            part.page in spans
            and part.line_start is not None
            and spans[part.page][0] < part.line_start
            and (part.line_end or part.line_start) < spans[part.page][1]
        )
    ]


def _unread_on(unread: list[UnreadPart], table: ScoreTable) -> bool:
    pages = set(table.pages)
    if not pages:
        return bool(unread)
    first, last = min(pages), max(pages)
    # A table's continuation that was not joined sits on the pages after its last page read.
    return any(
        part.page is not None and first <= part.page and (part.page <= last + 1 or part.kind == "table")
        for part in unread
    )


def _coverage_check(check: Check, table_index: int, missing: str = "rows were not read (see unread)") -> Check:
    return Check(
        id=f"coverage:/score_tables/{table_index}:{check.field}",
        kind="coverage",
        table=check.table,
        code=None,
        field=check.field,
        expected=check.actual,
        actual=check.expected,
        tolerance=check.tolerance,
        status="incomplete",
        message=f"rows read add up to {check.expected:g} of the stated total {check.actual:g}: {missing}",
    )


# --------------------------------------------------------------------------- rows lost at the end

# Flags ``normalize.criteria.match`` leaves on a row, naming the criteria set it recognised
# ("name_from_criteria_set:ca-mau_2013").
_SET_FLAG = lazy_compile(r"^(?:name_from_criteria_set|max_differs_from_criteria_set|code_from_criteria_set):(.+)$")


def lost_tail_rows(result: ExtractionResult, settings: CoverageSettings = CoverageSettings()) -> list[UnreadPart]:
    """Rows lost after the last one read under a parent (or at a table's top level), on an OCR'd
    document: OCR drops a table's last lines (a row merged into the one above, a line too faint),
    and nothing between rows read says so. Two things must say it together: the maximum stated
    above them (the parent's, or the table's total) exceeds what the rows read add up to by at
    least one criterion's maximum, and the criteria set recognised for the table goes on, after
    the last row read, with criteria not read whose maxima can make that up. Either alone is no
    loss: a total off by a point is a fault of the commune's, a set going on is a document that
    prints part of it. Typed text prints every row it has (``sums`` says the same)."""
    return [part for part, _ in _lost_tails(result, settings)]


def _lost_tails(result: ExtractionResult, settings: CoverageSettings) -> list[tuple[UnreadPart, str]]:
    """``lost_tail_rows`` each with the pointer of the relation that found it (the row above the
    lost rows, or the table for its total)."""
    if not ocr_read(result):
        return []
    parts: list[tuple[UnreadPart, str]] = []
    told = " ".join(p.reason for p in result.unread)
    for ti, table in enumerate(result.score_tables):
        cset = recognised_set(table.rows)
        if cset is None:
            continue
        rows = table.rows
        parents = resolve_parents(rows)[0]
        kids = children_of(parents)
        # (rows the table's other parts read are no tail lost under a parent of this part's)
        read = {norm_code(r.code) for r in rows if r.code} | _parts_codes(result, table)
        relations = [
            (
                (table.stated_total_max, table.stated_total_self),
                [i for i, p in enumerate(parents) if p is None],
                "",
                f"/score_tables/{ti}",
            )
        ]
        relations += [
            (
                (rows[i].max_points, rows[i].self_points if rows[i].self_points_raw is not None else None),
                kids[i],
                norm_code(rows[i].code) or "",
                f"/score_tables/{ti}/rows/{i}",
            )
            for i in kids
            if rows[i].code
        ]
        for (stated, scored), members, parent_code, pointer in relations:
            part = _lost_after(rows, kids, (stated, scored), members, parent_code, cset, read, settings)
            if part is not None and not _told(part, told):
                parts.append((part, pointer))
    return parts


def _lost_after(
    rows: list[ScoreRow],
    kids: dict[int, list[int]],
    figures: tuple[float | None, float | None],
    members: list[int],
    parent_code: str,
    cset: CriteriaSet,
    read: set[str | None],
    settings: CoverageSettings,
) -> UnreadPart | None:
    """The unread part for the set's criteria after the last of ``members`` (children of
    ``parent_code``, "" for the top level), when the shortfall of their maxima under ``stated``
    says rows were lost (``lost_tail_rows``). ``figures`` are the relation's stated maximum and its
    printed self figure."""
    stated, scored = figures
    if stated is None or not members:
        return None
    # A maximum read below the set's is more likely misread (a lost digit, "14,5" read 1,45) than
    # the commune's: it counts at the set's, so a shortfall misreadings make is no lost row.
    set_max = {c.code: c.max_points or 0.0 for c in cset.rows}
    read_sum = sum(rows[k].max_points or 0.0 for k in members)
    at_set = sum(_counted_max(rows, kids, k, set_max, settings) for k in members)
    shortfall = stated - at_set
    if shortfall < settings.min_shortfall:
        return None
    siblings = list(cset.children(parent_code))
    codes = [c.code for c in siblings]
    last_code = norm_code(rows[members[-1]].code)
    if last_code not in codes:
        return None
    # The set's criteria before the last row read that were not read (a row withdrawn as unsure,
    # a numbering gap: told on their own) hold their maxima of the shortfall; the tail only what
    # they cannot.
    gap = siblings[: codes.index(last_code)]
    shortfall -= sum(c.max_points or 0.0 for c in gap if c.code not in read)
    tail = [c for c in siblings[codes.index(last_code) + 1 :] if c.code not in read and c.max_points]
    if not tail or shortfall + settings.min_shortfall < min(c.max_points or 0.0 for c in tail):
        return None
    # Rows lost can add no more than the criteria after the last one read: a stated figure beyond
    # that ("455" for 45,5, its decimal mark lost) is misread, and no rows explain it.
    if shortfall > sum(c.max_points or 0.0 for c in tail) + settings.min_shortfall:
        return None
    if _scores_whole(rows, members, scored, settings) and not exactly(
        shortfall, [c.max_points or 0.0 for c in tail], settings.min_shortfall
    ):
        return None
    last = members[-1]
    while kids.get(last):
        last = kids[last][-1]  # the last line of the last member's subtree
    ref = rows[last].source
    end = ref.line_end or ref.line_start
    listed = ", ".join(f"{c.code} ({c.max_points:g})" for c in tail)
    above = f"row {parent_code}" if parent_code else "the table's total"
    if read_sum > at_set + settings.min_shortfall:  # a maximum read above the set's and its children's
        read_sum = at_set
    sample = f"{rows[last].code or ''} {rows[last].name_raw or rows[last].name}".strip()
    return UnreadPart(
        page=ref.page,
        kind="rows",
        reason=f"rows after {last_code} not read: the criteria set {cset.id} goes on with {listed}, and "
        f"{above} states {stated:g} where the rows read add up to {read_sum:g}",
        text_sample=sample[: settings.sample_chars],
        line_start=end + 1 if end is not None else None,
        line_end=None,
    )


def _scores_whole(rows: list[ScoreRow], members: list[int], scored: float | None, settings: CoverageSettings) -> bool:
    """Whether the scores say the rows read are all of the relation's: its printed self figure
    (``scored``: the total row's, or the parent's as read) is what the rows' printed self points
    add up to. With no group of the set's criteria after them making up the maxima's shortfall
    exactly, the stated maximum is misread ("35,5" read 88,5) or the commune's slip, not rows lost
    (lost rows scored nothing but by chance); the check of that total still says so."""
    if scored is None or any(rows[k].self_points is None or rows[k].self_points_raw is None for k in members):
        return False
    return abs(sum(rows[k].self_points or 0.0 for k in members) - scored) <= settings.min_shortfall


def _counted_max(
    rows: list[ScoreRow], kids: dict[int, list[int]], k: int, set_max: dict[str, float], settings: CoverageSettings
) -> float:
    """The maximum row ``k`` counts at in a shortfall: the set's when it read below it (a lost
    digit), and the set's too when it read above it while its own children's maxima add up to the
    set's (two witnesses against one reading: "m7pể 7.5" over children of 1 and 1 for a set's 2);
    else what was read."""
    read = rows[k].max_points or 0.0
    want = set_max.get(norm_code(rows[k].code) or "", 0.0)
    if read <= want:
        return want
    children = [rows[c].max_points for c in kids.get(k, [])]
    if want and children and None not in children:
        if abs(sum(v for v in children if v is not None) - want) < settings.min_shortfall:
            return want
    return read


def _told(part: UnreadPart, told: str) -> bool:
    """Whether an unread part already says the first of the codes this one lists as not read."""
    first = re.search(r"goes on with (\S+) \(", part.reason)
    return bool(first) and re.search(rf"(?<![\d.]){re.escape(first.group(1))}(?![\d.])", told) is not None


def recognised_set(rows: list[ScoreRow]) -> CriteriaSet | None:
    """The criteria set the matcher recognised for a table's rows (the set its flags name most)."""
    named: dict[str, int] = {}
    for row in rows:
        for flag in row.flags:
            m = _SET_FLAG.match(flag)
            if m:
                named[m.group(1)] = named.get(m.group(1), 0) + 1
    if not named:
        return None
    best = max(named, key=lambda k: named[k])
    return next((c for c in load_criteria_sets() if c.id == best), None)
