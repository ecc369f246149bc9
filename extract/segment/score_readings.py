"""Points numbers OCR read without their decimal comma ("825" for 8,25; "05" for 0,5; "15" for
1,5 or 15), resolved by the arithmetic the table carries: a criterion's self-assessed and appraised
points are at most its max, a sub-criterion's max at most its parent's, and the children's points
add up to their parent's. Each such cell gets the reading the arithmetic supports; the others stay
in the row's ``alternatives`` and the row is flagged ``ambiguous_number`` for the review queue."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.line_common import (
    LOST_COMMA_TEENS,
    glued_digits,
    glued_readings,
    in_quarters,
    lookalike_readings,
)
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings, parse_number, points_figure, slashless_fraction
from schemas.records import ScoreRow, unsure_conf, unsure_flag

_FIELDS = ("max_points", "self_points", "appraised_points")
# Digits only, as OCR gives a cell whose comma it lost (four only for a score of ten to nineteen
# in quarters, "1075": ``line_common.LOST_COMMA_TEENS``).
_BARE_DIGITS = lazy_compile(r"^(?:\d{2,3}|" + LOST_COMMA_TEENS + ")$")


@dataclass(frozen=True)
class ReadingSettings:
    # Confidence taken off a row whose number had more than one reading.
    ambiguous_penalty: float = 0.2
    # Sums hold within this (points are printed to two decimals).
    tolerance: float = 0.01


def points_readings(raw: str | None) -> list[float]:
    """The readings of a points cell as OCR printed it, the printed value first: "15" → 15, 1.5;
    "825" → 825, 82.5, 8.25; "05" → 0.5 (no points cell prints a leading zero, so the integer is
    no reading); "l5" → 5, 15 (``glued_readings``). One reading for anything else (a number with
    its comma, a one-digit number). A points unit printed after the figure is dropped first
    ("25đ" → 25, 2.5: the comma OCR lost beside the unit); "914" → 914, 91.4, 9.14, 9.25 (a
    quarter "9 1/4" whose space and slash were lost, last)."""
    text = points_figure((raw or "").strip())
    glued = glued_readings(text)
    if len(glued) > 1:
        return glued  # a letter glued to the digits, read as a speck or as the digit it looks like
    lookalike = lookalike_readings(text)
    if len(lookalike) > 1:
        return lookalike  # "il": two letters read for digits, or one a speck beside the other
    lettered = _capital_readings(text)
    if lettered:
        return lettered
    if not _BARE_DIGITS.match(text):
        return []
    decimals = lost_decimal_readings(text)
    if text.startswith("0"):
        return decimals
    # (a half or quarter whose space and slash OCR lost, "914" for "9 1/4", "12" for "1/2": the last
    # reading, taken only where no reading with the comma fits the row's maximum in quarters,
    # ``_within``)
    fraction = slashless_fraction(text)
    return [float(text)] + decimals + ([fraction] if fraction is not None and fraction not in decimals else [])


# Capitals OCR reads for a digit inside a points cell, with the digits each looks like, the one
# ``parse_number`` reads first: a "B" is an 8's shape and a 3's (its flat back is the 3's open side).
_CAPITAL_DIGITS = {"B": "83", "S": "5", "O": "0", "D": "0", "Z": "2"}
# A cell of two or three characters, digits and at least one such capital ("B5", "1S"), no mark.
_CAPITAL_CELL = lazy_compile(r"^(?=.*\d)(?=.*[BSODZ])[\dBSODZ]{2,3}$")


def _capital_readings(text: str) -> list[float]:
    """The readings of a cell OCR printed with a capital for one of its digits and its decimal
    comma lost ("B5" for 3,5: 85, 8.5, 35, 3.5), the reading ``parse_number`` gives first, for
    the row's maximum and the sums to choose; [] for any other cell."""
    if not _CAPITAL_CELL.match(text):
        return []
    spellings = [""]
    for ch in text:
        spellings = [s + d for s in spellings for d in _CAPITAL_DIGITS.get(ch, ch)]
    values: list[float] = []
    for digits in spellings:
        # (no points cell prints a leading zero: "D5" is 0,5, never 5)
        whole = [] if digits.startswith("0") else [float(digits)]
        for value in [*whole, *lost_decimal_readings(digits)]:
            if value not in values:
                values.append(value)
    return values if len(values) > 1 else []


def resolve_lost_commas(rows: list[ScoreRow], settings: ReadingSettings = ReadingSettings()) -> None:
    """Choose, in place, the reading of each comma-less points cell: first the one within its
    bound (a max within the parent's max, a self or appraised value within the row's max; the
    printed reading when it fits, else the nearest above the bound), then, where a parent's sum
    does not hold, the one other reading among the parent and its children that makes it hold."""
    readings = {(k, f): points_readings(getattr(r, f"{f}_raw")) for k, r in enumerate(rows) for f in _FIELDS}
    readings = {key: values for key, values in readings.items() if values}
    by_code = {r.code: k for k, r in enumerate(rows) if r.code}
    chosen: set[tuple[int, str]] = set()
    for k, row in enumerate(rows):
        for field in _FIELDS:
            own = _bound(rows, by_code, row, field)
            bound = own if own is not None else _ancestor_max(rows, by_code, row)
            values = readings.get((k, field)) or _lead_digit_readings(getattr(row, f"{field}_raw"), field, bound)
            if not values:
                continue
            if bound is not None and _CAPITAL_CELL.match((getattr(row, f"{field}_raw") or "").strip()):
                # A capital read for a digit: only a reading within the bound, in quarters, is
                # one ("B05" under 10 reads no such way: the cell stays as read, doubted).
                if not any(v <= bound + settings.tolerance and in_quarters(v) for v in values):
                    continue
            readings[(k, field)] = values
            if field == "max_points" and any(v > 0 for v in values):
                # No criterion is worth nothing: a max read 0 ("i0", the "i" taken for a speck) is
                # the other reading (the printed one stays first: the row is doubted below).
                values = [v for v in values if v > 0]
            total = _children_total(rows, row, field) if own is None else None
            # A part heading has no bound above it: the reading its children's points add up to.
            # (a bound only an ancestor gives yields to that sum: the ancestor's is looser)
            adding = [v for v in values if total is not None and abs(v - total) <= settings.tolerance]
            setattr(row, field, adding[0] if adding else _within(values, bound))
            # (a cell of letters read for digits, "ïÌ", parsed as no number: read now, not lost)
            row.flags = [f for f in row.flags if f != f"missing_{field.split('_')[0]}"]
            chosen.add((k, field))
    for parent_index, parent in enumerate(rows):
        children = [k for k, r in enumerate(rows) if r.parent and r.parent == parent.code]
        if not children:
            continue
        for field in _FIELDS:
            _fix_sum(rows, readings, parent_index, children, field, settings)
    # In row then field order: a set's order follows the string hash, which changes from run to run,
    # and ``alternatives`` keeps the order its keys were added in (the JSON would differ).
    for k, field in sorted(chosen):
        values = readings[(k, field)]
        row = rows[k]
        others = [v for v in values if v != getattr(row, field)]
        lettered = not any(ch.isdigit() for ch in getattr(row, f"{field}_raw") or "0")
        if not others or (getattr(row, field) == values[0] and not lettered):
            continue  # the printed reading holds: nothing to choose
        # (a cell of letters read for digits holds no reading as printed: "sI" is 51 as much as 5
        # or 1, each kept for the criteria set's maxima and the review to choose)
        row.alternatives[field] = others
        if "ambiguous_number" not in row.flags:
            row.flags.append("ambiguous_number")
            row.confidence = round(max(0.0, row.confidence - settings.ambiguous_penalty), 3)


# Digits OCR reads for a 1 opening a figure (its serif and stem): "43,75" printed for 13,75.
_LEAD_ONE_LOOKALIKES = "47"
# A score printed with its decimal mark and a two-digit whole part ("43,75"): the only shape whose
# first digit alone, misread, puts it over its maximum (a comma-less one reads by ``points_readings``).
_TWO_DIGIT_DECIMAL = lazy_compile(r"^(\d)(\d[,.]\d{1,2})$")


def _lead_digit_readings(raw: str | None, field: str, bound: float | None) -> list[float]:
    """The readings of a self or appraised score printed over its row's maximum whose first digit
    OCR may have read for a 1 ("43,75" under a max of 14,5: 13,75), the printed value first; []
    when the printed value fits its maximum or no such reading does: a score the commune gave over
    its maximum stays the commune's (a fault, not a misreading)."""
    match = _TWO_DIGIT_DECIMAL.match((raw or "").strip())
    printed = parse_number(raw or "", kind="score")
    if field == "max_points" or bound is None or match is None or printed is None or printed.value <= bound:
        return []
    if match.group(1) not in _LEAD_ONE_LOOKALIKES:
        return []
    reading = parse_number("1" + match.group(2), kind="score")
    if reading is None or reading.value > bound + 1e-9:
        return []
    return [printed.value, reading.value]


def _bound(rows: list[ScoreRow], by_code: dict[str, int], row: ScoreRow, field: str) -> float | None:
    if field != "max_points":
        return row.max_points
    parent = rows[by_code[row.parent]] if row.parent in by_code else None
    return parent.max_points if parent is not None else None


def _ancestor_max(rows: list[ScoreRow], by_code: dict[str, int], row: ScoreRow) -> float | None:
    """The maximum of the nearest row above ``row`` in its numbering whose maximum was read: a
    looser bound for a cell whose own bound OCR lost (a score is at most its row's maximum, and
    that at most its parent's), so "15" under a lost maximum in a field of 5 is 1,5, not 15 (a
    seed-18161 dump: 1.1.4's maximum read "es", its score "15")."""
    seen: set[str] = set()
    parent = row.parent
    while parent is not None and parent in by_code and parent not in seen:
        seen.add(parent)
        above = rows[by_code[parent]]
        if above.max_points is not None:
            return above.max_points
        parent = above.parent
    return None


def _children_total(rows: list[ScoreRow], row: ScoreRow, field: str) -> float | None:
    """The sum of the row's children's points as printed; None without children or with a blank."""
    values = [getattr(r, field) for r in rows if row.code and r.parent == row.code]
    return sum(values) if values and all(v is not None for v in values) else None


def _within(values: list[float], bound: float | None) -> float:
    """The first reading within the bound, else the smallest (an over-scored row stays
    over-scored, by the least the text allows)."""
    if bound is None:
        # Nothing to weigh it against: a points cell is a small number, given in quarters ("145"
        # is 14,5 rather than 1,45).
        if len(values) == 1 or values[0] < 100:
            return values[0]
        quarters = [v for v in values[1:] if in_quarters(v)]
        return quarters[0] if quarters else min(values)
    fitting = [v for v in values if v <= bound + 1e-9]
    # Points are given in quarters (every criteria set's maxima are): "145" under a max of 16 is
    # 14,5, not 1,45.
    quarters = [v for v in fitting if in_quarters(v)]
    return quarters[0] if quarters else fitting[0] if fitting else min(values)


def _fix_sum(
    rows: list[ScoreRow],
    readings: dict[tuple[int, str], list[float]],
    parent: int,
    children: list[int],
    field: str,
    settings: ReadingSettings,
) -> None:
    members = [parent] + children
    values = [getattr(rows[k], field) for k in members]
    if any(v is None for v in values):
        return
    if abs(values[0] - sum(values[1:])) <= settings.tolerance:
        return
    fixes = []
    for position, k in enumerate(members):
        for value in readings.get((k, field), []):
            if value == values[position]:
                continue
            trial = list(values)
            trial[position] = value
            if abs(trial[0] - sum(trial[1:])) <= settings.tolerance:
                fixes.append((k, value))
    if len(fixes) == 1:
        k, value = fixes[0]
        setattr(rows[k], field, value)


def later_readings(row: ScoreRow, later: tuple[str, ...], split_decimal: bool, conf: float) -> None:
    """The other reading a row's line gave its cells (``RowDraft.later_raws``), kept where the
    criteria set cannot choose it: the figures with a decimal OCR split joined
    (``split_decimal_readings``), or the cells one number later (``undecided_later_readings``)."""
    if split_decimal:
        split_decimal_readings(row, later)
    else:
        undecided_later_readings(row, later, conf)


def split_decimal_readings(row: ScoreRow, joined: tuple[str, ...]) -> None:
    """A row whose line printed one figure more than its cells, two of them a decimal whose mark
    OCR split off ("14. 5 0 0"): the cells read in print order are one reading and the figures
    with the decimal joined another, so each cell the two read apart keeps the joined reading
    as its alternative (its column is a guess, for review) until the criteria set's maximum
    chooses (``normalize.criteria.set_cells``) or a relation holding settles it."""
    for cell, raw in zip(_FIELDS, joined):
        parsed = parse_number(raw, kind="score")
        if parsed is not None and parsed.value != getattr(row, cell):
            row.alternatives[cell] = [*row.alternatives.get(cell, []), parsed.value]


def undecided_later_readings(row: ScoreRow, later: tuple[str, ...], conf: float, tolerance: float = 0.01) -> None:
    """A row whose line printed one figure more than its cells, the cells one number later
    (``later``, ``line_cells._later_cells``) opening with the maximum read too ("1 1 0": 1, 1 or
    1, 0): the criteria set's maximum, the same either way, cannot choose between the two readings
    (``set_cells._take_later_cells``), so each score they give apart is a guess. It keeps the later
    reading as its alternative, for a sum that holds with it to choose
    (``reconcile.ocr_readings``), and is flagged unsure (``conf``), for review."""
    top = parse_number(later[0], kind="score") if later else None
    if top is None or row.max_points is None or abs(top.value - row.max_points) > tolerance:
        return
    for field, raw in zip(_FIELDS[1:], later[1:]):
        value = getattr(row, field)
        other = parse_number(raw, kind="score")
        if value is None or (other is not None and abs(other.value - value) <= tolerance):
            continue
        if other is not None:
            row.alternatives[field] = [*row.alternatives.get(field, []), other.value]
        # (a later cell that reads as no number, "U00", is as much a reading apart: the cell is a guess)
        if unsure_conf(row.flags, field) is None:
            row.flags.extend(["number_unsure"] if "number_unsure" not in row.flags else [])
            row.flags.append(unsure_flag(field, conf))


def doubted_score(raw: str, values: dict[str, float | None], key: str) -> bool:
    """Whether an OCR'd self or appraised score (``key``) read from ``raw`` is unsure: printed as
    letters, or a letter glued to its digits ("s10", "8V": a digit OCR garbled), or read 0 beside
    the row's other score read above it ("7 0 - 6", whose self score is 6: OCR loses a figure's
    strokes to a "0" as often as a commune or its appraisers give none, and a row's two scores
    seldom lie that far apart), or read as the row's maximum with one of a doubled digit lost
    (``doubled_digit_lost``), or one of two single figures that are the row's maximum split
    (``split_figure``)."""
    if not re.search(r"\d", raw) or glued_digits(raw) or doubled_digit_lost(raw, values.get("max")):
        return True
    if split_figure(values):
        return True
    other = values.get("appraised" if key == "self" else "self")
    return values.get(key) == 0 and other is not None and other > 0


def doubled_digit_lost(raw: str, top: float | None) -> bool:
    """Whether a score printed ``raw`` is its row's maximum ``top`` with one of a doubled digit
    lost ("1" beside a maximum of 11): OCR merges two thin strokes side by side into one, and a
    commune or its appraisers seldom give so little of a field's points (three dumps:
    four scores "1" beside a maximum of 11, each printed 11)."""
    digits = str(int(top)) if top is not None and top == int(top) else ""
    text = raw.strip()
    return text.isdigit() and any(
        digits[k] == digits[k + 1] and digits[:k] + digits[k + 1 :] == text for k in range(len(digits) - 1)
    )


def split_figure(values: dict[str, float | None]) -> bool:
    """Whether a row's self and appraised scores are two single digits that, side by side, print
    its maximum ("16 1 6": a maximum of 16, scores 1 and 6): OCR splits a figure at the gap
    between its strokes as it splits a decimal from its mark, so the two "scores" may be one
    figure, the score the maximum, with the cell beside it lost; the criteria set's maximum
    cannot tell the two readings apart. Both scores are then guesses, for review."""
    top, own, appraised = values.get("max"), values.get("self"), values.get("appraised")
    if top is None or own is None or appraised is None:
        return False
    if not all(v == int(v) and 0 <= v <= 9 for v in (own, appraised)):
        return False
    return f"{int(own)}{int(appraised)}" == (str(int(top)) if top == int(top) else "")
