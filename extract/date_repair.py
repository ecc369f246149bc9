"""The date of a place-date line OCR damaged, read from what survives of it and the document's own
period. A scan or a dump of one loses a digit or a stop of the date's line more often than any other
header line (an italic line at the header's right edge, printed small): a speck glued between the day
and the month word ("ngày 05.tháng 03", "thdng-2:ném"), the month word garbled ("ngày 13 -Hữ 12"), a
year cut short or misread ("năm 25", "năm 4", "năm 2035"). The words "ngày" and "năm" still stand at
either end, so the day and month between them are read past the specks; and a document is dated in
or next to the year it reports on or plans for (a report on 2023 is signed in late 2023 or early
2024, a plan for 2024 in late 2023 or in 2024), so the year is the one of those its printed digits
are nearest to, when only one is nearest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein

from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese.syllable import fold

# "ngày 05.tháng 03 năm 2014", "ngay 23 thdng-2:ném 2014", "ngày 13 -Hữ 12 năm 2024", "ngày 12 tháng 3
# năm 25" (folded): the day, a misread month word of letters and specks, the month, "năm" and the
# year's digits as far as they were read. (A letter glued to a number, "2B", "T1", is read with a
# digit of its shape by ``specked_date``, when only one digit makes a date.)
_SPECKED_DATE = lazy_re_compile(
    r"ng\w{0,2}y\W{0,2}(\d{1,2})\W{0,2}[^\d\s]{0,6}\W{0,2}(\d{1,2})\W{0,3}n\w{1,2}m\b\W{0,3}(\d{0,4})(?!\d)"
)
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")


@dataclass(frozen=True)
class DamagedDate:
    """A place-date line's day and month, and its year's digits as read (none, short or misread)."""

    day: int
    month: int
    year_digits: str


# Letters OCR prints for a digit of their shape, with every digit each may stand for ("T" is a 1 or
# a 7): "ngày 2B" for 28, "tháng T1" for 11. Cases kept (a "B" is an 8, a "b" a 6).
_DIGIT_SHAPES: dict[str, str] = {
    "O": "0", "o": "0", "I": "1", "l": "1", "T": "17", "Z": "2", "z": "2",
    "S": "5", "s": "5", "B": "8", "b": "6", "G": "6", "g": "9", "q": "9",
}  # fmt: skip
# A number of two characters, a digit and one such letter, standing alone: a word of letters alone
# ("ngay ay": the day lost) is no number, and a date is never made of one.
_LETTER_IN_NUMBER = lazy_re_compile(
    r"(?<![^\W_])(?:\d[" + "".join(_DIGIT_SHAPES) + r"]|[" + "".join(_DIGIT_SHAPES) + r"]\d)(?![^\W_])"
)


def _digit_readings(text: str) -> list[str]:
    """The text with each two-character number OCR printed with a letter for a digit read with
    each digit that letter may stand for (every combination; the text itself when there is none)."""
    readings = [""]
    at = 0
    for m in _LETTER_IN_NUMBER.finditer(text):
        token = m.group()
        letter = next(i for i, ch in enumerate(token) if not ch.isdigit())
        choices = [token[:letter] + d + token[letter + 1 :] for d in _DIGIT_SHAPES[token[letter]]]
        readings = [r + text[at : m.start()] + c for r in readings for c in choices]
        at = m.end()
    return [r + text[at:] for r in readings]


def _specked(folded: str) -> DamagedDate | None:
    m = _SPECKED_DATE.search(folded)
    if not m:
        return None
    day, month = int(m.group(1)), int(m.group(2))
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return None
    return DamagedDate(day, month, m.group(3))


def specked_date(text: str) -> DamagedDate | None:
    """The day, month and year digits of a place-date line the strict reading refused. A day or
    month OCR printed with a letter for a digit ("ngày 2B", "tháng T1") is read with the digit of
    the letter's shape when exactly one of the digits it may stand for makes a day (1-31) and a
    month (1-12) of the line: "T1" is a month 11, never 71; "2T" as a day, 21 or 27, is left."""
    found = _specked(fold(text))
    if found is not None:
        return found
    dates = {d for reading in _digit_readings(text) if (d := _specked(fold(reading))) is not None}
    return dates.pop() if len(dates) == 1 else None


def period_years(period: str | None, slack: int) -> list[int]:
    """The years a document about ``period`` is dated in: its years and ``slack`` years either side."""
    years = [int(y) for y in _YEAR.findall(period or "")]
    if not years:
        return []
    return list(range(min(years) - slack, max(years) + slack + 1))


def year_near_period(digits: str, candidates: list[int]) -> int | None:
    """The year of ``candidates`` the printed digits are nearest to: the printed year itself when
    it is one (or no period tells); else the only one at the fewest edits, and those edits no more
    than the digits lost (a year read short only lost digits: "25" for 2015) or one misread digit
    ("2035" for 2025). None when no digit was read, or two years are as near."""
    if len(digits) == 4 and _YEAR.fullmatch(digits) and (not candidates or int(digits) in candidates):
        return int(digits)
    if not digits or not candidates:
        return None
    edits = {year: Levenshtein.distance(digits, str(year)) for year in candidates}
    fewest = min(edits.values())
    nearest = [year for year, n in edits.items() if n == fewest]
    if len(nearest) != 1 or fewest > max(1, 4 - len(digits)):
        return None
    return nearest[0]


def dated_in_period(date: str | None, damaged: DamagedDate | None, period: str | None, slack: int) -> str | None:
    """The document's date (ISO) with its year read against its period: a full date whose year
    lies off the period's by one misread digit takes the period's year it is nearest to; a
    place-date line read only past its specks takes its year so. Else the date as read."""
    candidates = period_years(period, slack)
    if date:
        year = year_near_period(date[:4], candidates)
        return f"{year:04d}{date[4:]}" if year else date
    if damaged is None:
        return None
    year = year_near_period(damaged.year_digits, candidates)
    return f"{year:04d}-{damaged.month:02d}-{damaged.day:02d}" if year else None
