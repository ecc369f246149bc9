"""Whether a failed relation is explained by a value we may have misread.

A relation that fails is the commune's fault only when no value in it could have been read
otherwise. A value read by OCR may be another number: a digit confused with one of like shape
("8" for "3"), its decimal mark lost ("25" for 2,5); readings the segmenter already found are in
a row's ``alternatives``. When one value read otherwise makes the relation hold, the check's
status is ``misread``: the value goes to the review queue with the readings that explain it, and
the document is not reported as wrong. Typed text is read for sure: only the ``alternatives`` a
segmenter recorded count there.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial  # noqa: F401 - re-exported for the checks
from itertools import combinations

import regex as re

from cchc_extract.reconcile.core import _compare_sum, _percent_matches
from cchc_extract.reconcile.printed_cells import mark_inserted, printed_figure
from cchc_extract.reconcile.score_cells import cell_confidence, lost_beside
from cchc_extract.reconcile.score_refs import POINT_FIELDS
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.segment.deduction_points import VERDICT_FLAG
from extract.segment.points_none import MARKED_NONE, not_scored
from normalize.lazy_regex import lazy_compile
from normalize.numbers import format_vn, lost_decimal_readings, parse_number, points_figure
from normalize.verdict_points import verdict_figure
from schemas.records import ExtractionResult, ReviewItem, ScoreRow


@dataclass(frozen=True)
class Cell:
    """One value of a relation, where it comes from, and the other values its text could mean."""

    ref: ReviewItem
    value: float | None
    readings: tuple[float, ...] = ()
    # Its readings include guesses (a row printed as letters, ``guessed_readings``): a relation
    # they explain still leaves its other suspects to review.
    guessed: bool = False
    # Of its readings, those its characters give (a lost decimal mark, a confused digit), not
    # guesses: one of them explaining a relation is a misreading found, as on any cell ("85"
    # beyond every maximum, read 8,5, that makes the table's total hold).
    read: tuple[float, ...] = ()
    # The criteria set's maximum for the row's code, offered as a reading of an OCR'd max cell
    # that differs from it (``set_reading``): the set, not the characters, says it. A relation
    # only it explains is a misreading as likely as a fault (a raised maximum is also what a
    # commune's slip looks like), so the figure the relation states goes to review beside it.
    from_set: float | None = None


def ocr_read(result: ExtractionResult, s: ReconcileSettings = ReconcileSettings(), layout: bool = False) -> bool:
    """Whether the document's characters came from OCR: a scan, a photo, a mixed PDF, or a text
    file that is an OCR dump. A dump says so only by its text, and one signal is enough: the
    whole text as the repair stage judged it (``SourceInfo.text_damage``: many words that are
    not Vietnamese syllables, OCR's confusions), the score rows' names as printed (``name_raw``,
    before repair) judged the same way, the numbers' confusions (``number_confusions``), or the
    marks OCR's layout leaves on the text pages (``layout``: ``extract.ocr_marks``) — a dump
    whose letters came out clean (Vietnamese OCR) still shows its grid's specks and loses the
    marks of its numbers. The pipeline judges it once (``SourceInfo.read_by_ocr``), the one
    answer to "read by OCR?" for every later stage; a result not judged is judged here."""
    if result.source.read_by_ocr is not None:
        return result.source.read_by_ocr
    if result.source.method in ("ocr", "mixed") or result.source.text_damage == "ocr" or layout:
        return True
    from normalize.vietnamese import text_damaged

    # (a footnote's mark typed after a name, "… hành chính(1)", "… [2]", is the writer's, no damage)
    names = [
        _FOOTNOTE_MARK.sub("", row.name_raw) for table in result.score_tables for row in table.rows if row.name_raw
    ]
    if len(names) >= 3 and text_damaged(names) == "ocr":
        return True
    return number_confusions(result) >= s.ocr_number_signs


# A reference mark closing a name: a number in brackets, glued or after a space.
_FOOTNOTE_MARK = lazy_compile(r"\s*[(\[]\d{1,2}[)\]]\s*$")


def scanned(result: ExtractionResult) -> bool:
    """Whether the characters are our OCR of page images (a scan, a photo, a mixed PDF's scanned
    pages), which scores each word it reads: an OCR dump's text keeps no such score."""
    return result.source.method in ("ocr", "mixed")


_DIGITS = lazy_compile(r"\d{2,3}")


def number_confusions(result: ExtractionResult) -> int:
    """Codes and points of score rows read otherwise than their printed characters say, as only
    OCR makes them: a code printed without its dots ("111" for 1.1.1), a points figure printed
    without its decimal mark ("45" taken for 4,5), a points figure below zero (a rule or dash
    before it read as a sign: "-16"; typed points are never negative), letters in a points cell
    ("šx", "l" taken for 1)."""
    n = 0
    for table in result.score_tables:
        for row in table.rows:
            raw = (row.code_raw or "").strip()
            n += bool(_DIGITS.fullmatch(raw) and row.code and "." in row.code)
            for field_ in ("max_points", "self_points", "appraised_points"):
                raw = (getattr(row, f"{field_}_raw") or "").strip()
                value = getattr(row, field_)
                n += bool(_DIGITS.fullmatch(raw) and value is not None and abs(value - int(raw)) > 1e-9)
                n += value is not None and value < 0
                # letters in a points cell ("šx", "l" for 1); a lone "x" may be a typed mark, and
                # words the reader understood as the document's own ("Không chấm", "KCĐ": a
                # criterion not scored; "Đạt" read as the self points; "Đạt: 2 điểm", a verdict with its
                # points) are typed words, no OCR's confusion
                said = not_scored(row.flags, field_) or f"{field_.removesuffix('_points')}_{MARKED_NONE}" in row.flags
                said = said or (field_ == "self_points" and VERDICT_FLAG in row.flags) or bool(verdict_figure(raw))
                n += from_letters(raw) and raw.lower() != "x" and not said
    return n


def digit_confusions(raw: str | None, pairs: tuple[tuple[str, str], ...], kind: str = "score") -> list[float]:
    """Values of ``raw`` with one digit swapped for one OCR confuses it with ("38" → 33, 88)."""
    text = (raw or "").strip()
    out: list[float] = []
    for k, ch in enumerate(text):
        for a, b in pairs:
            if ch == a:
                parsed = parse_number(text[:k] + b + text[k + 1 :], kind=kind)
                if parsed is not None and parsed.value not in out:
                    out.append(parsed.value)
    return out


def lost_doubles(raw: str | None, kind: str = "count") -> list[float]:
    """Values of ``raw`` with one of its digits doubled: OCR merges two like glyphs side by side
    into one ("22" read "2", "11" read "1"), a loss no look-alike swap explains."""
    text = (raw or "").strip()
    out: list[float] = []
    for k, ch in enumerate(text):
        if ch.isdigit():
            parsed = parse_number(text[: k + 1] + ch + text[k + 1 :], kind=kind)
            # a count is whole: a digit doubled beside a thousands mark makes no count
            if parsed is not None and parsed.value not in out and (kind != "count" or parsed.value.is_integer()):
                out.append(parsed.value)
    return out


def max_digit_lost(raw: str | None, top: float) -> bool:
    """Whether a score's text is its row's maximum ``top`` with one digit lost ("1" or "6" beside
    16; "10" beside 10,5 is no such text: the mark and its digit are two characters)."""
    text = (raw or "").strip()
    whole = format_vn(top)
    return text.isdigit() and any(whole[:k] + whole[k + 1 :] == text for k in range(len(whole)) if whole[k].isdigit())


# Digit runs parted by spaces ("21 00"): a count OCR may have made of two cells run together.
_SPACED_RUNS = lazy_compile(r"\d+(?:\s+\d+)+")
# The same runs as a thousands grouping ("21 000", "1 234 567"): one figure as printed.
_THOUSANDS = lazy_compile(r"\d{1,3}(?:\s\d{3})+")


def run_readings(raw: str | None) -> list[float]:
    """Each digit run of a count read with spaces inside it that no thousands grouping explains
    ("21 00" taken for 2100, "1 27" for 127): OCR ran two cells of the line together, and the
    count is one of the runs (the other the next cell's figure). A figure grouped by thousands
    ("21 000") is one figure as printed, not runs."""
    text = (raw or "").strip()
    if not _SPACED_RUNS.fullmatch(text) or _THOUSANDS.fullmatch(text):
        return []
    out: list[float] = []
    for run in text.split():
        if float(run) not in out:
            out.append(float(run))
    return out


def lost_digit_readings(raw: str | None, most: int = 3) -> list[float]:
    """Values of a whole count of at most ``most`` digits with one digit more, anywhere: OCR drops
    a glyph it cannot read ("632" read "32", "12" read "2"). Many values, so only a relation as
    exact as a share printed with decimals can pick one."""
    text = (raw or "").strip()
    if not text.isdigit() or len(text) > most:
        return []
    out: list[float] = []
    for k in range(len(text) + 1):
        for digit in "0123456789" if k else "123456789":
            value = float(text[:k] + digit + text[k:])
            if value != float(text) and value not in out:
                out.append(value)
    return out


def lost_quarter_readings(raw: str | None, upper: float | None = None) -> list[float]:
    """Points are given in quarters: a score OCR printed with one decimal digit may have lost the
    other ("3,75" read "3,5"; "3,25" read "3,2"): the quarter readings one digit away, under
    ``upper``."""
    m = re.fullmatch(r"\s*(\d{1,3})\s*[.,]\s*(\d)\s*", raw or "")
    if m is None:
        return []
    whole, digit = int(m.group(1)), m.group(2)
    quarters = {"5": (0.25, 0.75), "2": (0.25,), "7": (0.75,)}.get(digit, ())
    return [whole + q for q in quarters if upper is None or whole + q <= upper]


def ocr_digit_readings(raw: str | None, s: ReconcileSettings, kind: str = "score") -> list[float]:
    """Every value OCR's digit errors make of ``raw``: one look-alike swapped
    (``ocr_digit_confusions``); for a count, also one doubled digit lost (``lost_doubles``: points
    are left to the criteria set's maxima and lost decimal marks, which bound them, and to
    ``other_readings``, which doubles a score's whole part under its maximum)."""
    found = digit_confusions(raw, s.ocr_digit_confusions, kind)
    if kind == "count" and s.ocr_lost_doubles:
        found += [v for v in lost_doubles(raw, kind) if v not in found]
    return found


def other_readings(
    raw: str | None,
    value: float | None,
    s: ReconcileSettings,
    *,
    ocr: bool,
    alternatives: Sequence[float] = (),
    upper: float | None = None,
    kind: str = "score",
    row_raws: Sequence[str | None] = (),
) -> tuple[float, ...]:
    """Readings of a value other than the one taken: the segmenter's alternatives; on OCR'd
    text also its lost decimal mark (under ``upper``) and one confused digit, and for a points
    cell printed as letters ("l" taken for 1), or beside one in its row (``row_raws``), every
    value up to ``upper`` (``guessed_readings``). Points are never
    negative: a score read below zero took a dash or a rule before it for a sign, and its reading
    without the sign is offered, typed or not ("… hành chính -16 15,25": the maximum is 16)."""
    found = list(alternatives)
    if kind == "score" and value is not None and value < 0:
        found.append(-value)
    if ocr and raw:
        if kind == "score" and re.fullmatch(r"\d{2,3}", raw.strip()):
            found += lost_decimal_readings(raw, upper=upper)
        if kind == "score" and upper is not None:
            # (a score under its row's maximum: a maximum a planted fault raised by a quarter, 1,5
            # printed 1,75, would otherwise be explained away by its parent's "3,5" read for 3,75)
            found += lost_quarter_readings(raw, upper=upper)
        found += ocr_digit_readings(raw, s, kind)
        if kind == "score" and upper is not None and value is not None and s.ocr_lost_doubles:
            # A score's whole part with one of two like digits merged ("11" read "1"), under its
            # row's maximum: the doubled reading is at least 10 more, never a slip of a quarter.
            found += [v for v in lost_doubles(raw, kind) if v <= upper and float(v - value).is_integer()]
        if kind == "score" and upper is not None and s.ocr_lost_digit_of_max and max_digit_lost(raw, upper):
            found.append(upper)
    if kind == "score" and value is not None and upper is not None and from_letters(raw, *row_raws):
        # A value taken from letters was read as OCR reads (typed text parses no "l" as 1),
        # whatever the rest of the document looks like; and the row's other cells were split
        # from the same damaged line, so their columns are as unsure.
        found += guessed_readings(upper, s.guessed_points_step)
    out: list[float] = []
    for r in found:
        if (value is None or abs(r - value) > 1e-9) and r not in out:
            out.append(r)
    return tuple(out)


# A letter in a numeric cell: OCR printed no digit there, the number was guessed from its shape.
_LETTERS = lazy_compile(r"[^\W\d_]")


def read_surely(row: ScoreRow, field_: str, s: ReconcileSettings) -> bool:
    """Whether our OCR of a page image read a points cell surely: its row read above the review
    threshold and the cell not flagged unsure (``cell_confidence``: OCR's word confidence is
    the cell's own), its characters a number as printed (no letter taken for a digit in the row,
    no decimal mark we put in) and no cell of the row lost (its figures would stand in other
    columns). Every misreading seen on the scans and photos was read unsurely but one, a "3,75"
    read "3,5" that broke two sums (seed 682); a sure figure differing from the criteria set's
    maximum, or a one-decimal score, breaking one sum is what the page prints (spent seeds
    1701/1801: four sums a commune broke, told as misreadings of sure cells: ``sums._cells``)."""
    value, raw = getattr(row, field_), getattr(row, f"{field_}_raw") or ""
    return (
        value is not None
        and cell_confidence(row, field_, s.confidence) >= s.review_below
        and not from_letters(*(getattr(row, f"{f}_raw") for f in POINT_FIELDS))
        and not mark_inserted(raw, value, "score")
        and not lost_beside(row)
    )


def slip_readings(raw: str | None, upper: float | None, in_set: float | None) -> frozenset[float]:
    """The readings of a cell a commune's slip looks like as much as our misreading: a second
    decimal digit lost (``lost_quarter_readings``: a score off by a quarter) and the criteria
    set's maximum (``set_reading``: a maximum the commune raised)."""
    return frozenset(lost_quarter_readings(raw, upper)) | ({in_set} if in_set is not None else set())


def from_letters(*raws: str | None) -> bool:
    """Whether any of a row's numeric cells was printed as letters (a maximum printed as its
    worded scale, "Tối đa: 2 Không đạt: 0", prints words by design: its top is its figure; a unit
    typed after the figure, "3,0 điểm", is the commune's wording, no letters OCR made of digits)."""
    return any(raw and _LETTERS.search(points_figure(printed_figure(raw))) for raw in raws)


def guessed_readings(upper: float, step: float) -> list[float]:
    """Every points value from 0 to ``upper`` in steps of ``step``: a cell OCR printed as letters
    ("l" for 11, "S" for 0,5) may have been any of them; the relation it fails says which."""
    return [round(k * step, 4) for k in range(int(upper / step + 1e-9) + 1)]


# Relations a trial reading is tested against (``functools.partial`` binds their first arguments).


def sum_holds(tol: float, extra: Sequence[float | None], v: list[float | None]) -> bool:
    """v[0] = v[1] + v[2] + ... (+ ``extra`` parts, e.g. a blank for a lost parent's other rows)."""
    return _compare_sum(v[0], [*v[1:], *extra], tol)[0] == "ok"


def total_holds(stated: float, tol: float, v: list[float | None]) -> bool:
    return _compare_sum(stated, v, tol)[0] == "ok"


def le_holds(tol: float, v: list[float | None]) -> bool:
    """v[0] ≤ v[1] (a self score under its maximum, a part under its whole)."""
    return v[0] is not None and v[1] is not None and v[0] <= v[1] + tol


def equal_holds(v: list[float | None]) -> bool:
    return v[0] is not None and v[1] is not None and abs(v[0] - v[1]) < 1e-6


def share_holds(decimals: int, v: list[float | None]) -> bool:
    """v[0] % = v[1] / v[2]: a share, so at most its whole; with more members, v[0] % = (v[1] +
    … ) / v[-1], a share of the counts its label joins ("trước hạn và đúng hạn")."""
    stated, *parts, den = v
    if stated is None or den is None or den <= 0 or not parts or any(p is None for p in parts):
        return False
    num = sum(p for p in parts if p is not None)
    return num <= den and _percent_matches(stated, 100.0 * num / den, decimals)


def set_reading(value: float | None, expected: float | None, *, unsure: bool) -> float | None:
    """The criteria set's maximum as another reading of a max cell read unsurely (by OCR, or in
    a row that lost one of its cells, so the numbers its line printed may have gone to the wrong
    columns): the row's code is the set's, the value read is not its maximum. A cell read for
    sure prints what it prints: a maximum differing there is the document's."""
    if not unsure or value is None or expected is None or abs(value - expected) < 0.011:
        return None
    return expected


def from_set(found: Sequence[tuple[Cell, float]]) -> bool:
    """Whether an explanation found is the criteria set's maximum, not another reading of the
    characters."""
    return any(cell.from_set is not None and abs(r - cell.from_set) < 1e-9 for cell, r in found)


def only_guessed(found: Sequence[tuple[Cell, float]]) -> bool:
    """Whether every explanation found is a guess of a cell printed as letters (or beside one)."""
    return bool(found) and all(cell.guessed and r not in cell.read for cell, r in found)


def explain(cells: Sequence[Cell], holds: Callable[[list[float | None]], bool]) -> list[tuple[Cell, float]]:
    """Every (cell, reading) that, read so with the other cells as read, makes the relation hold."""
    values = [c.value for c in cells]
    found = []
    for k, cell in enumerate(cells):
        for reading in cell.readings:
            trial = list(values)
            trial[k] = reading
            if holds(trial):
                found.append((cell, reading))
    return found


def explain_by_set(
    cells: Sequence[Cell], holds: Callable[[list[float | None]], bool], most: int = 6
) -> list[tuple[Cell, float]]:
    """The fewest maxima (two or more, ``explain`` tries one) that, each read as the criteria
    set's (``Cell.from_set``) together, make the relation hold: every (cell, set maximum) of the
    smallest such groups. OCR misreads the cells of a damaged stretch of lines, not one alone
    ("1" read "4" and "l" read "19" in two rows of one group), and a planted or real slip of
    the commune raises one maximum: several, each the set's figure once read back, are ours.
    ``most``: cells beyond it are too many to try (the set then says little about the page)."""
    offered = [k for k, c in enumerate(cells) if c.from_set is not None]
    if len(offered) < 2 or len(offered) > most:
        return []
    values = [c.value for c in cells]
    for size in range(2, len(offered) + 1):
        found: list[tuple[Cell, float]] = []
        for group in combinations(offered, size):
            trial = list(values)
            for k in group:
                trial[k] = cells[k].from_set
            if holds(trial):
                for k in group:
                    reading = cells[k].from_set
                    if reading is not None and (cells[k], reading) not in found:
                        found.append((cells[k], reading))
        if found:
            return found
    return []


def explain_lost_marks(
    cells: Sequence[Cell], holds: Callable[[list[float | None]], bool], most: int = 8
) -> list[tuple[Cell, float]]:
    """Two cells each printed with its decimal mark lost ("25" for 2,5 beside "75" for 7,5) that,
    read back so together, make the relation hold: every (cell, reading) of the pairs that do
    (``explain`` tries one cell). OCR loses the mark of a stretch of a faint column, not of one
    cell alone; a slip of the commune's pen is one figure, never two off by the same tenfold.
    Only the readings a cell's own characters give (``Cell.read``) count, and only where at most
    ``most`` cells offer one (beyond, some pair fits any sum by chance)."""
    offered = [(k, r) for k, c in enumerate(cells) for r in c.read if _mark_lost(c.value, r)]
    if len({k for k, _ in offered}) < 2 or len(offered) > most:
        return []
    values = [c.value for c in cells]
    found: list[tuple[Cell, float]] = []
    for (k, r), (m, q) in combinations(offered, 2):
        if k == m:
            continue
        trial = list(values)
        trial[k], trial[m] = r, q
        if holds(trial):
            found += [p for p in ((cells[k], r), (cells[m], q)) if p not in found]
    return found


def _mark_lost(value: float | None, reading: float) -> bool:
    """Whether ``reading`` is ``value`` with a decimal mark put back (a tenth or a hundredth of it)."""
    return value is not None and reading != value and any(abs(reading * f - value) < 1e-6 for f in (10, 100))
