"""What the criteria set says of a score table's maxima: the set its rows agree with (its maxima),
whether a row's maximum agrees with it, whether a disputed maximum is the sum of the set's
children, a criterion printing no number that the set scores, and figures that moved a column
left under a maximum the set disputes, or came from a neighbour's line. ``confidence`` weighs
these; the checks ask them too."""

from __future__ import annotations

from cchc_extract.reconcile.hierarchy import norm_code
from cchc_extract.reconcile.named_set import maxima_by_set
from cchc_extract.reconcile.score_cells import printed_max, set_filled
from normalize.criteria.match_settings import FLAG_MAX_DIFFERS, FLAG_MAX_FROM_SET
from schemas.records import ExtractionResult, ScoreRow


def criteria_maxima(result: ExtractionResult) -> dict[int, dict[str, float]]:
    """Per score table, ``table_maxima``."""
    return {ti: table_maxima(table.rows) for ti, table in enumerate(result.score_tables)}


def table_maxima(rows: list[ScoreRow]) -> dict[str, float]:
    """The maxima of the criteria set a table's rows agree with most ({code: max}); empty when no
    set agrees with at least three rows and half the rows it knows."""
    best: dict[str, float] = {}
    best_hits = 0
    for maxima in maxima_by_set().values():
        known = [r for r in rows if norm_code(r.code) in maxima and r.max_points is not None]
        hits = sum(abs(maxima[norm_code(r.code) or ""] - (r.max_points or 0.0)) < 0.011 for r in known)
        if hits >= 3 and 2 * hits >= len(known) and hits > best_hits:
            best, best_hits = maxima, hits
    return best


def agrees_with_set(row: ScoreRow, f: str, maxima: dict[str, float]) -> float:
    """+1 when a row's max points are the set's maximum for its code, -1 when they differ or its
    self points exceed it, 0 when the set does not say. Where the maxima the table agrees with
    most do not name the code (too few rows read right to adopt a set: an OCR dump that lost half
    its maxima), the criteria set recognised for the document from its names and codes still does:
    a row it flags as differing counts -1."""
    expected = maxima.get(norm_code(row.code) or "")
    value = getattr(row, f)
    if f == "max_points" and any(flag.startswith(FLAG_MAX_FROM_SET) for flag in row.flags):
        return 0.0  # the set's maximum filled in for a cell not read: it agrees by construction
    if expected is None and f == "max_points" and value is not None:
        return -1.0 if any(flag.startswith(FLAG_MAX_DIFFERS) for flag in row.flags) else 0.0
    if expected is None or value is None:
        return 0.0
    if f == "max_points":
        return 1.0 if abs(value - expected) < 0.011 else -1.0
    return -1.0 if value > expected + 0.011 else 0.0


def set_children_sum(rows: list[ScoreRow], i: int, kids: dict[int, list[int]], maxima: dict[str, float]) -> bool:
    """Whether a row's printed maximum, which the criteria set disputes, is the sum of its
    children's maxima, each the set's for its code and one at least printed so: the document
    prints some of the set's criteria under that parent (an excerpt, a commune's own choice), and
    the set's figure for the parent, the sum of all its criteria, is no evidence against the
    page's. (Seed 389's dumps: four criteria 1 printed 10 over 1.1, 1.2 and 1.3 of a set whose
    1 is 20, all right, queued as differing from the set.) Only the row's own sub-criteria say
    so: rows a level further down standing in for lost ones (1.1.1 … 1.2.2 under 1, their
    parents 1.1 and 1.2 not read) add up to no figure the page prints for the row, and a misread
    maximum that happens to equal them is vouched for by nothing (dev seed 661: a criterion 1
    whose 10 was lost read its self score 7, the sum of the six grandchildren read, at 0.82)."""
    children = kids.get(i, [])
    row = rows[i]
    if not children or not printed_max(row) or row.max_points is None:
        return False
    code = norm_code(row.code)
    if not code or any((norm_code(rows[k].code) or "").rpartition(".")[0] != code for k in children):
        return False
    maxima_of = [rows[k].max_points for k in children]
    if any(m is None for m in maxima_of) or abs(sum(m or 0.0 for m in maxima_of) - row.max_points) > 0.011:
        return False
    agree = [agrees_with_set(rows[k], "max_points", maxima) > 0 for k in children]
    filled = [set_filled(rows[k], "max_points") for k in children]
    printed = [a and printed_max(rows[k]) for a, k in zip(agree, children)]
    return all(a or f for a, f in zip(agree, filled)) and any(printed)


def scored_blank(row: ScoreRow, i: int, kids: dict[int, list[int]], maxima: dict[str, float]) -> bool:
    """Whether a row printing no number is a criterion the set scores with nothing read under it
    (a maximum the set filled in is no number the row printed)."""
    read_max = row.max_points is not None and not set_filled(row, "max_points")
    if read_max or row.self_points is not None or kids.get(i):
        return False
    return norm_code(row.code) in maxima


def moved_left(row: ScoreRow, maxima: dict[str, float]) -> bool:
    """Whether a row's figures may have moved one column left: its maximum, which the criteria
    set disputes, is the very figure of a score beside it (a maximum OCR garbled past reading,
    "Pit 10,25 10,25 2": the self score read as the maximum, the appraised one as the self, and
    a speck or a stray figure as the appraised). Its scores' columns are then a guess
    (``column_guessed``), the doubt on the maximum its own (``agrees``). Only where a cell can be
    lost (``blanks_printed``: not a typed grid)."""
    if row.max_points is None or agrees_with_set(row, "max_points", maxima) >= 0:
        return False
    scores = (row.self_points, row.appraised_points)
    return any(v is not None and abs(v - row.max_points) < 0.011 for v in scores)


def neighbours_maximum(row: ScoreRow, maxima: dict[str, float], reach: int = 2, tolerance: float = 0.011) -> bool:
    """Whether a row's maximum, which the criteria set disputes, is the set's maximum of a sibling
    criterion up to ``reach`` places before or after it (read for 4, printed 7: the set's 6): the
    row's line is that criterion's, read a row or two off, and its scores with it (seed 11161's
    dump d16-i2: fields 2, 3 and 4 took the figures of 3, 5 and 6, the self score 6 of field 6
    at 0.92 under field 4's code, out of the queue). A maximum misread in its own line is seldom
    exactly a neighbour's."""
    code = norm_code(row.code) or ""
    if row.max_points is None or code not in maxima or agrees_with_set(row, "max_points", maxima) >= 0:
        return False
    parent, _, last = code.rpartition(".")
    if not last.isdigit():
        return False
    for step in range(-reach, reach + 1):
        number = int(last) + step
        if step == 0 or number < 1:
            continue
        other = maxima.get(f"{parent}.{number}" if parent else str(number))
        if other is not None and abs(other - row.max_points) < tolerance:
            return True
    return False
