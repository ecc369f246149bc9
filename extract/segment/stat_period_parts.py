"""An annex that splits its period into parts: a figure per quarter or month beside the whole
period's ("Quý I | Quý II | Quý III | Quý IV | Cả năm", "Quý I | Quý II | 6 tháng", "Tháng 1 | …
| Lũy kế"), the whole printed last or first.

The report is about the whole period, so its column holds the annex's figure; the parts are the
way there and stay in the row's note ("Quý I: 2; Quý II: 1"), nothing printed dropped. A merged
label over the parts ("Kết quả thực hiện" above "Quý I … Cả năm") stacks onto the first part's
label ("Kết quả thực hiện Quý I"), so a role word in a part's label names no figure column here:
the part words decide first.

A part is a quarter ("Quý I", "Quý 2") or a month ("Tháng 3", "T3"); the whole is named "Cả năm",
"Lũy kế", "Tổng", "Cộng" or a count of months ("6 tháng", "9 tháng đầu năm"). Without two parts
no period is split and this module says nothing (a report's "6 tháng đầu năm 2025 | Cùng kỳ"
is ``stat_periods``'s)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.segment.points_words import share_label
from extract.segment.stat_channel_parts import is_channel_label
from extract.segment.stat_unit_parts import all_units_starts, is_unit_label, names_all_units, unit_word_starts
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A quarter ("quy i", "quy iv", "quy 2"; OCR may read the numeral's I as l or 1, its II as H:
# "Quý Hị", "Quý 1H") or a month ("thang 3", "t3", "thang 03": a month printed with two digits)
# standing for its own part of the period.
_PART = lazy_compile(
    r"(?<![a-z0-9])(?:quy\s*(?:[ivlh1]{1,3}|[1-4])|thang\s*(?:1[0-2]|0?[1-9])|t(?:1[0-2]|0?[1-9]))(?![a-z0-9])"
)
# The whole period: the year ("cả năm"), a running total ("lũy kế", "tổng", "cộng") or a count of
# months ("6 tháng", "9 tháng đầu năm": the number before the word, a month's is after it).
_WHOLE_PERIOD = lazy_compile(r"(?<![a-z])(?:ca nam|luy ke)(?![a-z])|(?<![a-z0-9])\d{1,2}\s*thang(?![a-z])")
_TOTAL = lazy_compile(r"(?<![a-z])(?:tong cong|tong|cong)(?![a-z])")
# A half of the year ("6 tháng đầu năm", "6 tháng cuối năm"): the whole period of a half-year report,
# but a part of the year where the header prints both halves beside the year ("| Cả năm").
_HALF = lazy_compile(r"(?<![a-z0-9])6\s*thang\s*(dau|cuoi)\s*nam(?![a-z])")


def _whole(folded: str) -> bool:
    return bool(_WHOLE_PERIOD.search(folded) or _TOTAL.search(folded) or names_all_units(folded))


# A quarter whose numeral OCR garbled ("Quý IH", "Quyll", "Quy!", "Quy]": the I's serifs read as a
# bracket): the word and a short run of the numeral's look-alikes, no word of its own after it
# ("Quy định" is none).
_GARBLED_QUARTER = lazy_compile(r"(?<![a-z])quy\s*[ivlh1!|\]\[]{1,4}(?![a-z0-9])")


def is_part_label(label: str) -> bool:
    """Whether a column's label names one part of the whole: of the period (a quarter or a month), of
    the commune (a hamlet: ``stat_unit_parts``) or of a count (a channel: ``stat_channel_parts``); a
    year's quarters, a commune's hamlets and a count's channels are read and checked alike."""
    if is_unit_label(label) or is_channel_label(label):
        return True
    folded = fold(label or "")
    found = _PART.search(folded) or _GARBLED_QUARTER.search(folded)
    return bool(found) and not _whole(_GARBLED_QUARTER.sub(" ", _PART.sub(" ", folded)))


@dataclass(frozen=True)
class PeriodPartSettings:
    # Columns whose labels count the months in order by their numbers alone ("1 | 2 | 3 | T4 | …":
    # the "T" of "T1 … T12" a scan lost, or read as a one, "14" for T4) are the period's months when
    # at least this many stand side by side (half a year: a short run of numbers is no period's
    # parts) beside the one column naming the whole ("Cộng 6 tháng", "Cả năm", "Lũy kế").
    min_counted_months: int = 6
    # Labels inside such a run that read as a number but not their month ("10 | 1 | 12": T11's "T1"
    # lost on a scan) are still that month when the months go on counting right after them, at
    # most this many per run (one garbled label between counted ones is the month between them;
    # more would let any row of figures pass for months). 0 takes only labels that count.
    max_garbled_months: int = 1
    # A header row of months a scan garbled past counting ("1 | 2 | TA | 4 | T5 | T6 | 7 | T8 | ra |
    # 1 | 1 | 12 | Cả năm": "T3" read "TA", "T9" "ra") is still the months' when at least this many
    # of its cells name a part outright ("T5", "Quý II") beside the one whole, and every other cell
    # is a label's scrap no longer than ``max_scrap_chars`` (a row of the body names no part twice,
    # and prints its indicator's name, longer than any scrap).
    min_named_parts: int = 2
    max_scrap_chars: int = 4


# A month's label by its number, closing the label: "T3", "Tháng 3", "3" alone ("Kết quả thực
# hiện 1": a merged label over the months stacks onto the first), or "13" (its "T" read as a one).
_MONTH_NUMBER = lazy_compile(r"(?:^|\s|thang\s*|(?<![a-z])t)(\d{1,2})$")


def _month_read(label: str) -> str | None:
    found = _MONTH_NUMBER.search(" ".join(fold(label or "").split()))
    return found.group(1) if found else None


def _counts_month(number: str | None, month: int) -> bool:
    """Whether a label's closing number reads as the month's: the month itself or, its "T" read as
    a one, "1" before it ("14" for T4)."""
    return number is not None and month <= 12 and number in (str(month), f"1{month}")


def _month_run(numbers: list[str | None], start: int, first: int, settings: PeriodPartSettings) -> list[int]:
    """The columns from ``start`` counting the months from ``first`` (``_counts_month``), a label
    that reads as another number standing for its month when the next one counts on
    (``max_garbled_months``)."""
    run: list[int] = []
    garbled = 0
    while start + len(run) < len(numbers):
        col, month = start + len(run), first + len(run)
        if not _counts_month(numbers[col], month):
            nxt = numbers[col + 1] if col + 1 < len(numbers) else None
            if not run or numbers[col] is None or garbled >= settings.max_garbled_months:
                break
            if not _counts_month(nxt, month + 1):
                break
            garbled += 1
        run.append(col)
    return run


# A year printed in a label ("Lũy kế năm 2024").
_YEAR = lazy_compile(r"(?<![0-9])(?:19|20)\d\d(?![0-9])")


def _whole_beside_months(label: str) -> bool:
    """Whether the label of the column right beside a run of counted months names the whole period:
    its words say so, or it names a year, whose months the run is ("Lẫy kế năm 2024": a scan's
    "Lũy" read past knowing, the year still printed; a share's column is no whole)."""
    folded = fold(label or "")
    return _whole(folded) or (bool(_YEAR.search(folded)) and not share_label(label))


def bare_month_columns(labels: list[str], settings: PeriodPartSettings = PeriodPartSettings()) -> list[int]:
    """The columns of the longest run of labels counting consecutive months by their numbers
    (``_counts_month``), at least ``min_counted_months`` long, right beside the one column naming
    the whole period, and not from the table's first column; else none. A column-number row
    ("1 | 2 | 3 …", "(1) (2) (3) …") numbers every column from the first and leaves no whole's label
    beside them."""
    return _bare_months_and_whole(labels, settings)[0]


def _bare_months_and_whole(labels: list[str], settings: PeriodPartSettings) -> tuple[list[int], int | None]:
    """``bare_month_columns`` and the column beside them naming the whole (``_whole_beside_months``),
    or ([], None)."""
    numbers = [_month_read(label) for label in labels]
    best: list[int] = []
    for start in range(1, len(labels)):
        opening = numbers[start]
        if opening is None:
            continue
        # the run opens at the label's month, or at its last digit's where a one stood for the "T"
        for first in {int(opening), int(opening[-1])}:
            run = _month_run(numbers, start, first, settings)
            best = run if len(run) > len(best) else best
    if len(best) < settings.min_counted_months:
        return [], None
    beside = [
        col
        for col in (best[0] - 1, best[-1] + 1)
        if 0 <= col < len(labels) and _month_read(labels[col]) is None and _whole_beside_months(labels[col])
    ]
    return (best, beside[0]) if len(beside) == 1 else ([], None)


def counts_months(row: list[str], settings: PeriodPartSettings = PeriodPartSettings()) -> bool:
    """Whether a header row's cells are the months as OCR left them beside the whole period's
    ("1 | 2 | 3 | 14 | … | 12 | Cả năm"): a heading, though its cells read as figures."""
    if whole_period_column(row, settings) is None:
        return False
    return bool(bare_month_columns(row, settings)) or _named_among_scraps(row, settings)


def _named_among_scraps(row: list[str], settings: PeriodPartSettings) -> bool:
    """Whether a row names ``min_named_parts`` parts or more, and its other cells, besides the
    whole's, are each a scrap of a label (``max_scrap_chars``) or blank."""
    whole = whole_period_column(row, settings)
    named = [c for c, label in enumerate(row) if is_part_label(label)]
    scraps = [t.strip() for c, t in enumerate(row) if c not in named and c != whole and t.strip()]
    return len(named) >= settings.min_named_parts and all(len(t) <= settings.max_scrap_chars for t in scraps)


def part_columns(labels: list[str], settings: PeriodPartSettings = PeriodPartSettings()) -> list[int]:
    """The columns holding a part of the period each, in print order: labels naming a part, or a
    run of them counting the months as OCR left them (``bare_month_columns``)."""
    named = [c for c, label in enumerate(labels) if is_part_label(label)]
    if len(named) < 2:
        named = _halves(labels) or named
    return named if len(named) >= 2 else bare_month_columns(labels, settings) or named


def _halves(labels: list[str]) -> list[int]:
    """The columns of the year's two halves when the header prints both ("6 tháng đầu năm | 6 tháng
    cuối năm", each maybe over a plan and a result), else none."""
    halves = {c: found.group(1) for c, label in enumerate(labels) if (found := _HALF.search(fold(label or "")))}
    return sorted(halves) if set(halves.values()) == {"dau", "cuoi"} else []


def whole_period_column(
    labels: list[str],
    settings: PeriodPartSettings = PeriodPartSettings(),
    names_result: Callable[[str], bool] | None = None,
) -> int | None:
    """The column of the whole period when the header splits it into at least two parts, else None
    (also None when two columns could be the whole: no guess). The whole printed as a plan and a
    result ("Cả năm: Kế hoạch | Thực hiện") is its result's column, the one ``names_result`` takes."""
    parts = part_columns(labels, settings)
    if len(parts) < 2:
        return None
    # (a share's column is no whole, whatever its words: "Tỷ lệ so với tổng số (%)" beside "Cả năm")
    wholes = [
        c for c, label in enumerate(labels) if c not in parts and _whole(fold(label or "")) and not share_label(label)
    ]
    if not wholes:
        # months counted by their numbers beside a label naming their year, its words garbled
        months, beside = _bare_months_and_whole(labels, settings)
        wholes = [beside] if months == parts and beside is not None else []
    if len(wholes) > 1 and names_result is not None:
        wholes = [c for c in wholes if names_result(labels[c])] or wholes
    return wholes[0] if len(wholes) == 1 else None


# What a period's label holds besides its period: connectives and the year ("đầu năm 2025").
_PERIOD_FILLER = lazy_compile(r"(?<![a-z])(?:dau|cuoi|nam|ky|bao cao|thuc hien)(?![a-z])|(?:19|20)\d\d|[^a-z0-9]")


def names_period_only(label: str) -> bool:
    """Whether a column's label names a period and nothing else ("6 tháng", "Quý II", "Cả năm
    2025"): a figure's column, never points ("Thang điểm" is a scale of points: "điểm" remains)."""
    folded = fold(label or "")
    if not (_PART.search(folded) or _WHOLE_PERIOD.search(folded)):
        return False  # ("Tổng" alone may head a score table's points)
    rest = _PERIOD_FILLER.sub("", _TOTAL.sub(" ", _WHOLE_PERIOD.sub(" ", _PART.sub(" ", folded))))
    return not rest.strip()


# A part's word as OCR leaves it ("Quy!", "Quyll": the numeral past reading, the word not), or a
# month's abbreviation ("T1 T2 … T6": a month per column, a header's short labels).
_PART_WORD = lazy_compile(r"(?<![a-z])(?:quy|thang\s*\d{1,2}(?!\d))|(?<![a-z0-9])t(?:1[0-2]|[1-9])(?![a-z0-9])")


def part_words(text: str) -> int:
    """How many parts of a period (or hamlets of the commune) a header's text names, as OCR leaves
    their words."""
    folded = fold(text or "")
    return len(_PART_WORD.findall(folded)) + len(unit_word_starts(folded))


def whole_printed_last(header: str) -> bool | None:
    """Whether a header's text names the whole period after its parts (True), before them (False),
    or says neither (None): "Quý I … Quý IV | Lũy kế cả năm", "Cộng 6 tháng | Quý I | Quý II"."""
    folded = fold(header or "")
    parts = sorted([m.start() for m in _PART_WORD.finditer(folded)] + unit_word_starts(folded))
    wholes = [m.start() for m in _WHOLE_PERIOD.finditer(folded)] + [m.start() for m in _TOTAL.finditer(folded)]
    wholes += all_units_starts(folded)
    if len(parts) < 2 or not wholes:
        return None
    if all(w > parts[-1] for w in wholes):
        return True
    if all(w < parts[0] for w in wholes):
        return False
    return None
