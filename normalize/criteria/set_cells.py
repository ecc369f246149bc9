"""Cells a surely recognised criteria set fills or re-reads (``fill_set_maxima``): a maximum OCR lost
taken from the set, a lone figure or a pair of figures moved to the cells the set's maximum says
they were, a lost decimal comma's reading chosen by the set's maximum, a maximum no maximum can be
read as the set's where the table's sums hold with it. Each moved or taken cell is flagged with
its source, and a cell the set only guesses is unsure (the review queue's)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from normalize.criteria.match_settings import (
    FLAG_COLUMNS_BY_SET,
    FLAG_MAX_DIFFERS,
    FLAG_MAX_FROM_SET,
    FLAG_READING_BY_SET,
    MatchSettings,
    SetMatch,
)
from normalize.criteria.recognise import names_criterion, printed_maxima
from normalize.criteria.set_digits import digit_lost_rows, max_digit_lost, max_letters_read
from normalize.criteria.set_glyphs import max_glyph_misread
from normalize.criteria.set_shifts import (
    appraised_column,
    code_was_maximum,
    heading_maximum,
    parents_figures,
    speck_before_maximum,
)
from normalize.numbers import lost_decimal_readings, parse_number, points_figure
from schemas.records import LATER_CELLS_FLAG, later_cells

if TYPE_CHECKING:
    from normalize.criteria import CriterionDef
    from schemas.records import ScoreRow, ScoreTable


def fill_set_maxima(
    tables: Sequence[ScoreTable], match: SetMatch, settings: MatchSettings = MatchSettings(), ocr: bool = False
) -> int:
    """A row named as its code's criterion whose maximum was not read takes the set's, flagged with
    its source (``FLAG_MAX_FROM_SET``), when the set is surely recognised and its maximum is the
    one printed (``printed_maxima``) and not below the row's self points; one whose maximum was
    read among other readings takes the set's when it is one of them (``_take_set_reading``).
    First, a row whose line printed a number more than its cells is read one number later when
    the set's maximum says so (``_take_later_cells``). Returns the number of rows so changed."""
    if not settings.fill_maxima:
        return 0
    filled = _take_later_cells(tables, match, settings)
    # A row whose one figure, read as its maximum, is a score below the set's (``_lone_cell_is_self``)
    # contradicts the set only as misplaced: read so, it says nothing of the maxima either way.
    lone = _lone_scores(tables, match, settings, ocr)
    # A row whose maximum is the set's with a digit lost (``digit_lost``) agrees with it read so.
    lost = digit_lost_rows(tables, match, settings)
    # Rows read one number later open with the set's maximum now: they agree with it, as
    # ``_take_later_cells`` counted them to take that reading (a short table's set, two rows agreeing
    # and two contradicting, is sure only with them; its other rows' cells are then placed by it).
    agree = lost + filled
    read_again = replace(
        match, agreeing=match.agreeing + agree, contradicting=max(0, match.contradicting - lone - agree)
    )
    if not read_again.sure(settings):
        return filled + (place_unopposed(tables, read_again, settings) if ocr else 0)
    cset = match.cset
    by_code, printed = cset.by_code(), printed_maxima(cset)
    for table in tables:
        filled += parents_figures(table.rows, printed, cset.id, settings)
        appraised = appraised_column(table.rows)
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is None or crit.code not in printed:
                continue
            if row.max_points is not None:
                # (a row named as its criterion: only then does the set's maximum say where its figures were)
                if names_criterion(row, crit, settings) and (
                    code_was_maximum(row, printed[crit.code], appraised, cset.id, settings)
                    or speck_before_maximum(row, printed[crit.code], appraised, cset.id, settings)
                ):
                    filled += 1
                    continue
                if _lone_cell_is_self(row, printed[crit.code], cset.id, settings) and names_criterion(
                    row, crit, settings
                ):
                    filled += 1
                    continue
                if (
                    appraised
                    and names_criterion(row, crit, settings)
                    and _pair_is_scores(row, printed[crit.code], cset.id, settings)
                ):
                    filled += 1
                    continue
                if _max_by_sums(row, printed[crit.code], table.rows, cset.id, settings):
                    filled += 1
                    continue
                if names_criterion(row, crit, settings) and _split_maximum(row, printed[crit.code], cset.id, settings):
                    filled += 1
                    continue
                # (a maximum misread as another figure than the set's: a digit lost, letters read)
                if names_criterion(row, crit, settings) and (
                    max_digit_lost(row, printed[crit.code], cset.id, settings)
                    or max_letters_read(row, printed[crit.code], cset.id, settings)
                    or max_glyph_misread(row, printed[crit.code], table.rows, printed, cset.id, settings)
                ):
                    filled += 1
                    continue
                filled += _take_set_reading(row, printed[crit.code], cset.id, settings)
                continue
            if _in_print_order(row, printed[crit.code], cset.id, settings):
                filled += 1
                continue
            if row.self_points is not None and row.self_points > printed[crit.code] + settings.max_tolerance:
                continue
            if not names_criterion(row, crit, settings):
                continue
            row.max_points = printed[crit.code]
            row.flags = [f for f in row.flags if f != "missing_max"] + [f"{FLAG_MAX_FROM_SET}:{cset.id}"]
            filled += 1
        # Headings after the rows under them: a child's figure the set moved from its maximum's
        # cell (a lone score) or re-read (a glyph) no longer hides the heading's maximum.
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is not None and crit.code not in printed:
                filled += _heading_scores(row, crit, table.rows, printed, cset.id, settings)
    return filled


def place_unopposed(tables: Sequence[ScoreTable], match: SetMatch, settings: MatchSettings) -> int:
    """On an OCR'd document whose set is not sure only for want of rows printing its maxima
    (``MatchSettings.unopposed_rows`` agreeing, none contradicting once the rows read as scores
    below it are counted out): those rows' figures placed by it, a lone figure with no cell
    printed after it as the self score (``_lone_cell_is_self``), two in a table with an appraised
    column as the scores (``_pair_is_scores``), each doubted. Returns the rows so read."""
    if (
        match.contradicting
        or match.agreeing < settings.unopposed_rows
        or match.score - match.runner_up < settings.sure_margin
    ):
        return 0
    by_code, printed = match.cset.by_code(), printed_maxima(match.cset)
    placed = 0
    for table in tables:
        appraised = appraised_column(table.rows)
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is None or crit.code not in printed or row.max_points is None:
                continue
            if not names_criterion(row, crit, settings):
                continue
            most = printed[crit.code]
            # (a figure with a cell printed after it, garbled, "1 W W", stands in the maximum's column)
            lone = row.self_points_raw is None and _lone_cell_is_self(row, most, match.cset.id, settings)
            placed += lone or (appraised and _pair_is_scores(row, most, match.cset.id, settings))
    return placed


def _heading_scores(
    row: ScoreRow,
    crit: CriterionDef,
    rows: list[ScoreRow],
    printed: dict[str, float],
    set_id: str,
    s: MatchSettings,
) -> int:
    """A heading whose published maximum the set does not vouch for (a set read in part: the
    document prints the sum of the rows it has) has as maximum its children's in the table added
    up, each the set's (``heading_maximum``) and none read as another figure. Against it, as
    against a vouched maximum, a lone figure below it read as the maximum is the self score
    ("CONG TAC CHi DAO, DIEU HANH 8,75" over children of 5, 2 and 3: ``_lone_cell_is_self``, the
    score unsure, queued). 1 when so read. (A pair of figures read so as the two scores left a
    total row read a column off the same way, "TỔNG ĐIỂM [7U 8,5", disagreeing: not done.)"""
    children = [r for r in rows if r.parent and r.parent == row.code]
    # (a child whose maximum was read as another figure than the set's: the document's own maxima,
    # or a misreading; either way the set's do not say what the heading prints)
    if not children or any(
        r.max_points is not None and abs(r.max_points - printed.get(str(r.code), -1.0)) > s.max_tolerance
        for r in children
    ):
        return 0
    most = heading_maximum(rows, row, printed)
    if most is None or row.max_points is None or not names_criterion(row, crit, s):
        return 0
    return int(_lone_cell_is_self(row, most, set_id, s))


def drop_later_cells(tables: Sequence[ScoreTable]) -> None:
    """The ``cells_one_later:`` flags no set chose (most hold an explanation's number after the
    cells: a date, a document's number): the reading they carried is the segmenter's note to the
    criteria stage, not the output's."""
    for table in tables:
        for row in table.rows:
            row.flags = [f for f in row.flags if not f.startswith(LATER_CELLS_FLAG)]


def _take_later_cells(tables: Sequence[ScoreTable], match: SetMatch, settings: MatchSettings) -> int:
    """Rows whose line printed one points number more than their cells, their maximum read as
    another figure than the set's ("… * Ae gt 42 10 9 9": 42, 10, 9 for a maximum of 10), while
    the cells one number later (``later_cells``) open with the set's maximum and hold scores
    within it, and the row's name is its code's criterion: the first number was the name's (a
    garbled word, "rõ" read "r6"), the cells are the later ones. Taken when the set is sure with
    those rows read so (each then agrees with it instead of contradicting it: a short table's
    set is sure only once its rows are read right). The reading before is kept as the cells'
    alternatives; flagged ``FLAG_COLUMNS_BY_SET``. Returns the rows so read."""
    by_code, printed = match.cset.by_code(), printed_maxima(match.cset)
    shifts = []
    for table in tables:
        for row in table.rows:
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is None or crit.code not in printed:
                continue
            later = _later_within(row, printed[crit.code], settings)
            if later and names_criterion(row, crit, settings):
                shifts.append((row, later))
    n = len(shifts)
    with_later = replace(match, agreeing=match.agreeing + n, contradicting=max(0, match.contradicting - n))
    if not n or not with_later.sure(settings):
        return 0
    for row, later in shifts:
        _read_later(row, later, match.cset.id)
    return n


def _later_within(row: ScoreRow, most: float, s: MatchSettings) -> list[tuple[str, float | None]]:
    """The row's cells one number later (raw, value) when its maximum read is not the set's and
    they open with the set's maximum, their scores within it; [] otherwise."""
    later = later_cells(row.flags)
    if not later or row.max_points is None or abs(row.max_points - most) <= s.max_tolerance:
        return []
    values = [_within_set_max(raw, most, s) for raw in later]
    if values[0] is None or abs(values[0] - most) > s.max_tolerance:
        return []
    if any(v is not None and v > most + s.max_tolerance for v in values[1:]):
        return []
    return list(zip(later, values, strict=True))


def _within_set_max(raw: str, most: float, s: MatchSettings) -> float | None:
    """A later cell's value: as printed, or, where that passes the set's maximum, the reading with the
    decimal comma OCR lost put back that is a whole number of quarters within it ("145" under 14,5
    is 14,5: "| 145 | 145 | 145" for 14,5 thrice), as points are given; None for no number."""
    parsed = parse_number(raw, kind="score")
    if parsed is None or parsed.value <= most + s.max_tolerance:
        return parsed.value if parsed is not None else None
    quarters = [v for v in lost_decimal_readings(raw, upper=most + s.max_tolerance) if _in_quarters(v)]
    return quarters[-1] if quarters else parsed.value


def _read_later(row: ScoreRow, later: list[tuple[str, float | None]], set_id: str) -> None:
    fields = ("max_points", "self_points", "appraised_points")[: len(later)]
    for cell, (raw, value) in zip(fields, later, strict=False):
        before = getattr(row, cell)
        if before is not None and before != value:
            row.alternatives[cell] = [before]
        else:
            row.alternatives.pop(cell, None)  # (read alike both ways: no other reading)
        setattr(row, cell, value)
        setattr(row, f"{cell}_raw", raw)
    found = {f"missing_{cell.split('_')[0]}" for cell, (_, v) in zip(fields, later, strict=False) if v is not None}
    kept = [f for f in row.flags if f not in found and not f.startswith((FLAG_MAX_DIFFERS, LATER_CELLS_FLAG))]
    row.flags = [*kept, f"{FLAG_COLUMNS_BY_SET}:{set_id}"]


def _lone_scores(tables: Sequence[ScoreTable], match: SetMatch, s: MatchSettings, ocr: bool = False) -> int:
    """How many rows named as their code's criterion printed one figure, read as their maximum,
    below the set's maximum for them (``_lone_score``), or, in a table with an appraised column,
    two read as maximum and self points that are the scores (``_pair_scores``): each contradicts
    the set only while its first figure is taken for a maximum. 0 unless the tables hold more rows
    read with a score than such rows (a table printing maxima alone, of another set, is no table
    of lost maxima), or, on OCR's text, at least ``MatchSettings.lone_scored_rows`` of them: a
    degraded scan loses the maximum's cell of many rows at once, and rows printing a score show
    the table scores its rows."""
    by_code, printed = match.cset.by_code(), printed_maxima(match.cset)
    lone = scored = 0
    for table in tables:
        appraised = appraised_column(table.rows)
        for row in table.rows:
            scored += row.self_points is not None
            crit = by_code.get(str(row.code)) if row.code else None
            if crit is None or crit.code not in printed:
                continue
            most = printed[crit.code]
            if _lone_score(row, most, s) or appraised and _pair_scores(row, most, s):
                lone += names_criterion(row, crit, s)
    return lone if scored > lone or (ocr and scored >= s.lone_scored_rows) else 0


def _lone_score(row: ScoreRow, most: float, s: MatchSettings) -> bool:
    """The row's one figure was read as its maximum, below the set's maximum for it (at least 0:
    no criterion is scored out of 0, a self score of 0 is common), with no score beside it."""
    if row.self_points is not None or row.appraised_points is not None or row.max_points is None:
        return False
    return 0 <= row.max_points < most - s.max_tolerance


def _lone_cell_is_self(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """The one number a row printed, read as its maximum ("… 0,75 Ban hành …"), below the set's
    maximum for it and no score beside it: the self points, the maximum the cell OCR lost (the
    set's, ``FLAG_MAX_FROM_SET``); the reading before kept as the max's alternative."""
    if not _lone_score(row, most, s) or row.max_points is None:
        return False
    row.alternatives["max_points"] = [row.max_points, *row.alternatives.get("max_points", [])]
    row.self_points, row.self_points_raw = row.max_points, row.max_points_raw
    row.max_points, row.max_points_raw = most, None
    # (the maximum is the set's now: the figure that differed from it was the self score)
    row.flags = [f for f in row.flags if f != "missing_self" and not f.startswith(FLAG_MAX_DIFFERS)]
    # Which cell the figure was is the set's guess, not the page's: the self score is as unsure
    # as a cell OCR half read, and goes to the review (a misread maximum moved to the self cell
    # would otherwise pass as a sure score).
    from schemas.records import unsure_flag

    row.flags += [f"{FLAG_MAX_FROM_SET}:{set_id}", f"{FLAG_COLUMNS_BY_SET}:{set_id}", unsure_flag("self_points", 0.5)]
    return True


def _pair_is_scores(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """Two numbers a row of a table with an appraised column printed, read as its maximum and
    self points ("… 17/10/2013 0,5 0,25"), the first below the set's maximum for it and the
    second within the first: the self and appraised points, the maximum the cell OCR lost (the
    set's, ``FLAG_MAX_FROM_SET``). Which cells they were is the set's guess, so both are unsure
    (the review queue's), the reading before kept as their alternatives."""
    if not _pair_scores(row, most, s) or row.max_points is None or row.self_points is None:
        return False
    from schemas.records import unsure_flag

    for cell, value in (("max_points", row.max_points), ("self_points", row.self_points)):
        row.alternatives[cell] = [value, *row.alternatives.get(cell, [])]
    row.appraised_points, row.appraised_points_raw = row.self_points, row.self_points_raw
    row.self_points, row.self_points_raw = row.max_points, row.max_points_raw
    row.max_points, row.max_points_raw = most, None
    row.flags = [
        f for f in row.flags if f not in ("missing_appraised", "missing_max") and not f.startswith(FLAG_MAX_DIFFERS)
    ]
    row.flags += [
        f"{FLAG_MAX_FROM_SET}:{set_id}",
        f"{FLAG_COLUMNS_BY_SET}:{set_id}",
        unsure_flag("self_points", 0.5),
        unsure_flag("appraised_points", 0.5),
    ]
    return True


def _pair_scores(row: ScoreRow, most: float, s: MatchSettings) -> bool:
    """The row's two figures, read as maximum and self points with no appraised cell printed, may
    be the self and appraised points: the first below the set's maximum, the second within it."""
    if row.appraised_points is not None or row.appraised_points_raw is not None:
        return False
    # (a first figure of 0 is a score: no criterion is scored out of 0, as ``_lone_score`` says)
    if row.max_points is None or row.self_points is None or row.max_points < 0:
        return False
    return row.max_points < most - s.max_tolerance and row.self_points <= row.max_points + s.max_tolerance


def _in_print_order(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """Two numbers read for three points columns, the second above the first as printed ("2 15"),
    were taken for self and appraised points (the max lost). When the first is the set's maximum
    for the row and the second has a reading within it (a decimal mark lost: 15 → 1,5), the
    print order reads them better: a max that is the set's, then the self points; the appraised
    is the cell lost. (The other way needs the self points at the maximum by chance.) The
    reading before is kept as the cells' alternatives; flagged ``FLAG_COLUMNS_BY_SET``."""
    if row.max_points_raw is not None or row.self_points is None or row.appraised_points_raw is None:
        return False
    if abs(row.self_points - most) > s.max_tolerance or not row.self_points_raw:
        return False
    printed = parse_number(points_figure(row.appraised_points_raw), kind="score")
    if printed is None or printed.value <= most + s.max_tolerance:
        return False  # (within the max as printed: nothing said the order was off)
    readings = lost_decimal_readings(row.appraised_points_raw, upper=most)
    if not readings:
        return False
    before = {"self_points": row.self_points, "appraised_points": row.appraised_points}
    row.max_points, row.max_points_raw = most, row.self_points_raw
    row.self_points, row.self_points_raw = readings[0], row.appraised_points_raw
    row.appraised_points = row.appraised_points_raw = None
    for cell, value in before.items():
        if value is not None:
            row.alternatives[cell] = [value]
    row.alternatives["self_points"] = [*row.alternatives["self_points"], *readings[1:]]
    row.flags = [f for f in row.flags if f not in ("missing_max", "repaired_appraised_points")]
    row.flags += ["missing_appraised", f"{FLAG_COLUMNS_BY_SET}:{set_id}"]
    return True


def _take_set_reading(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> int:
    """1 when the row's maximum, read as another figure than the set's, had the set's among its
    readings ("16" read 1,6): it takes it, the figure chosen before kept as a reading; its self
    points printed as the same text, read the same way, take the same reading. 0 otherwise."""
    alternatives = row.alternatives.get("max_points") or []
    if row.max_points is None or abs(row.max_points - most) <= s.max_tolerance:
        return 0
    if not any(abs(a - most) <= s.max_tolerance for a in alternatives):
        return 0
    cells = ["max_points"]
    if row.self_points_raw and row.self_points_raw == row.max_points_raw and row.self_points == row.max_points:
        if any(abs(a - most) <= s.max_tolerance for a in row.alternatives.get("self_points") or []):
            cells.append("self_points")
    for cell in cells:
        read = getattr(row, cell)
        row.alternatives[cell] = [read] + [a for a in row.alternatives[cell] if abs(a - most) > s.max_tolerance]
        setattr(row, cell, most)
    for cell in ("self_points", "appraised_points"):
        if cell not in cells:
            _printed_within(row, cell, most)
    row.flags = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS)] + [f"{FLAG_READING_BY_SET}:{set_id}"]
    return 1


def _max_by_sums(row: ScoreRow, most: float, rows: list[ScoreRow], set_id: str, s: MatchSettings) -> bool:
    """A maximum read as a figure no maximum can be — not in quarter points (every set's maxima
    are: "5.1." for 5), or above its parent's maximum ("9" under a 1.1 of 5) — takes the set's
    when a sum the table carries holds with it: its children's maxima add up to the set's, or its
    parent's maximum less its siblings' is the set's. The figure read is kept as its alternative;
    the cell is unsure (queued), flagged ``FLAG_READING_BY_SET``. A commune's slip raising a
    maximum keeps it a maximum (in quarters, within its parent): read as printed."""
    value = row.max_points
    if value is None or abs(value - most) <= s.max_tolerance:
        return False
    parent = next((r for r in rows if row.parent and r.code == row.parent), None)
    over = parent is not None and parent.max_points is not None and value > parent.max_points + s.max_tolerance
    if not (over or not _in_quarters(value)):
        return False
    children = [r.max_points for r in rows if row.code and r.parent == row.code]
    siblings = [r.max_points for r in rows if r is not row and row.parent and r.parent == row.parent]
    by_children = len(children) >= 2 and None not in children and abs(sum(filter(None, children)) - most) < 0.01
    by_parent = (
        parent is not None
        and parent.max_points is not None
        and bool(siblings)
        and None not in siblings
        and abs(parent.max_points - sum(filter(None, siblings)) - most) < 0.01
    )
    if not (by_children or by_parent):
        return False
    from schemas.records import unsure_flag

    row.alternatives["max_points"] = [value, *row.alternatives.get("max_points", [])]
    row.max_points = most
    row.flags = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS)]
    row.flags += [f"{FLAG_READING_BY_SET}:{set_id}", unsure_flag("max_points", 0.5)]
    return True


def _printed_within(row: ScoreRow, cell: str, most: float) -> None:
    """A score whose comma-less cell was read with a decimal mark to fit under the maximum misread
    before ("16 15" read 1,6 and 1,5): under the set's maximum the printed reading fits, and holds
    (the decimal reading kept as its alternative)."""
    value, raw = getattr(row, cell), getattr(row, f"{cell}_raw")
    printed = parse_number(points_figure(raw), kind="score") if raw else None
    alternatives = row.alternatives.get(cell) or []
    if value is None or printed is None or printed.value == value:
        return
    if printed.value > most:
        _quarters_within(row, cell, most)
        return
    if not any(a == printed.value for a in alternatives):
        return  # (no reading chosen among others: the value was not the comma's)
    row.alternatives[cell] = [value] + [a for a in alternatives if a != printed.value]
    setattr(row, cell, printed.value)


def _quarters_within(row: ScoreRow, cell: str, most: float) -> None:
    """A score whose comma-less cell is over the set's maximum as printed ("145" under 16), read
    to fit under the maximum misread before (1,6: read 1,45, in no quarters): under the set's
    maximum the one reading of its digits in quarter points that fits holds ("145" 14,5, as the
    line's readings put quarters first), the reading before kept as its alternative. Left as read
    when it is in quarters already or the digits give no such reading or more than one."""
    value, raw = getattr(row, cell), getattr(row, f"{cell}_raw")
    if value is None or _in_quarters(value):
        return
    fits = [v for v in lost_decimal_readings(raw or "", upper=most) if _in_quarters(v) and v != value]
    if len(fits) != 1:
        return
    row.alternatives[cell] = [value] + [a for a in row.alternatives.get(cell) or [] if a != fits[0]]
    setattr(row, cell, fits[0])


def _in_quarters(value: float) -> bool:
    """Whether points are a whole number of quarters (every criteria set's maxima and scores are)."""
    return abs(value * 4 - round(value * 4)) < 1e-6


# The digits a quarter-point figure ends with after its decimal comma.
_QUARTER_TAILS = ("5", "25", "75")


def _split_maximum(row: ScoreRow, most: float, set_id: str, s: MatchSettings) -> bool:
    """A maximum read as another figure than the set's whose decimal comma OCR read as a space
    ("15 5" for 15,5): the maximum and the "score" after it, joined with a comma, are the set's
    maximum, the "score" only a quarter's tail. The row takes the joined maximum; its scores are
    the cells after (the appraised score read becomes the self score), a score the line then lacks
    is lost (flagged); the cells read before are kept as their alternatives."""
    top, tail = row.max_points_raw or "", row.self_points_raw or ""
    if row.max_points is None or abs(row.max_points - most) <= s.max_tolerance:
        return False
    if not top.isdigit() or tail not in _QUARTER_TAILS or abs(float(f"{top}.{tail}") - most) > s.max_tolerance:
        return False
    before = {cell: getattr(row, cell) for cell in ("max_points", "self_points", "appraised_points")}
    row.max_points, row.max_points_raw = most, f"{top},{tail}"
    row.self_points, row.self_points_raw = row.appraised_points, row.appraised_points_raw
    row.appraised_points, row.appraised_points_raw = None, None
    for cell, value in before.items():
        if value is not None and value != getattr(row, cell):
            row.alternatives[cell] = [value]
    lost = ["missing_self"] if row.self_points is None else []
    kept = [f for f in row.flags if not f.startswith(FLAG_MAX_DIFFERS) and f not in lost]
    row.flags = [*kept, *lost, f"{FLAG_READING_BY_SET}:{set_id}"]
    return True
