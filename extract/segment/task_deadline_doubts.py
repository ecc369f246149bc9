"""Doubts and mends of an OCR-read task row's deadline (``task_doubts`` weighs them with the row's
other fields; the line and paragraph readers ask ``stroke_doubts`` and ``strokes_read_sure`` as they
read): a quarter's strokes counted, a quarter numbered in Arabic numerals, a date that lost a digit,
a year outside the plan's period."""

from __future__ import annotations

import regex as re

from extract.segment.quarter_lists import listed_as_printed
from extract.segment.task_doubt_settings import DEADLINE_WORD_CONF, DOUBT, STROKES_COUNTED, TaskDoubtSettings
from normalize.lazy_regex import lazy_compile
from schemas.records import TaskRow

# A quarter's numeral as OCR gives it: Roman, Arabic, or Roman with its strokes read as ones ("11").
_QUARTER = lazy_compile(r"\b(Qu[ýy])\s*(IV|I{1,3}|[1I]V|1{1,3}|[2-4])\s*/\s*(20\d\d)\b", re.IGNORECASE)
_QUARTER_READ = lazy_compile(r"(?i)\bqu\S*\s*([^\s/]{1,4})\s*/")
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "11": "II", "111": "III", "1V": "IV"}
YEAR = lazy_compile(r"\b(20\d\d)\b")
# A date's day and month as printed ("19/09/2026", "9/9/2026"), a figure's digits on neither side.
_DATE = lazy_compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(20\d\d)\b")
# A quarter numeral that is a run of like strokes: the count is what OCR gets wrong.
STROKE_RUN = lazy_compile(r"(?i)\bqu[ýy]\s*(I{1,3})\s*/\s*20\d\d\b")
# A quarter IV as printed: capitals side by side (a lower-case "v" or a gap is another reading).
_QUARTER_IV = lazy_compile(r"\b[Qq]u[ýy]\s*IV\s*/\s*20\d\d\b")
# A quarter's numeral as the deadline keeps it once spelt: one that is none of I-IV ("IIII",
# "VI") is a misreading the spelling could not put right.
QUARTER_NUMERAL = lazy_compile(r"(?i)\bqu[ýy]\s*([^\s/]{1,5})\s*/\s*20\d\d\b")
QUARTERS = ("I", "II", "III", "IV")


def stroke_doubts(read: str, spelt: str, words_sure: bool = False) -> list[str]:
    """A quarter whose numeral the deadline spelling made out of look-alikes ("Quý 1/2024", "Quý
    lI/2024" → "Quý I/2024", "Quý II/2024"): how many strokes OCR read is a guess (a lost stroke
    turns II into I), so the row is doubted, the reading kept. A capital "H" is such a look-alike
    too: two strokes read together, or one with a speck on it, so the count it is spelt with is the
    spelling's guess ("Quý HI/2026" spelt III, printed II) — unless Tesseract was sure of the
    deadline's words (``words_sure``, a scan's reading; ``strokes_read_sure``): an H it is sure of
    is the strokes it saw, as a run of I's it is sure of is (a text dump keeps no confidence)."""
    numeral = _QUARTER_READ.search(read)
    look_alikes = r"[1l|th]" if words_sure else r"[1l|thH]"
    if numeral is None or spelt == read or not re.search(look_alikes, numeral.group(1)):
        return []
    return [f"{DOUBT}deadline: quarter numeral read '{read}', its strokes counted '{spelt}'"]


def quarter_as_printed(deadline: str, period: str | None, counted: bool = False) -> bool:
    """Whether a deadline is a quarter printed as three I's, or as IV, in a year of the plan's
    period ("Quý III/2025", "Quý IV/2025" in a plan for 2025): OCR's miscounts of a quarter's
    strokes lose one, so no miscount makes the longest run (``TaskDoubtSettings.longest_run_as_printed``),
    nor a V, which is no stroke of a run (the look-alikes a reading is spelt from, "1V", are
    doubted by ``stroke_doubts`` apart); and its year is one the plan's own period names.
    Tesseract's doubt of such a deadline's word is not about what it reads (seed 1652:
    scanned paragraphs' "Quý IV" read right at 0.46 and 0.54, each queued for that alone).
    ``counted``: the page's ink counted the numeral's stems as Tesseract read them
    (``STROKES_COUNTED``), so a run of one or two I's is as printed too; a deadline naming one
    quarter only (which of two the count was read twice for is not kept)."""
    run = STROKE_RUN.search(deadline)
    numeral = run.group(1).upper() if run is not None else None
    twice = counted and numeral is not None and len(QUARTER_NUMERAL.findall(deadline)) == 1
    listed = listed_as_printed(deadline)  # ("Quý III - IV/2025": each numeral as printed)
    if numeral != "III" and not twice and _QUARTER_IV.search(deadline) is None and not listed:
        return False
    years = {int(y) for y in YEAR.findall(deadline)}
    return bool(years) and years <= period_years(period)


def romanised_quarters(deadline: str) -> str | None:
    """The deadline with its quarters' Arabic numerals in Roman ones, None if it has none."""
    if not any(any(ch.isdigit() for ch in m.group(2)) for m in _QUARTER.finditer(deadline)):
        return None
    return _QUARTER.sub(lambda m: f"{m.group(1)} {_ROMAN.get(m.group(2), m.group(2))}/{m.group(3)}", deadline)


def strokes_read_sure(row: TaskRow, s: TaskDoubtSettings = TaskDoubtSettings()) -> bool:
    """Whether Tesseract read the row's deadline words, its numeral among them, at least at
    ``stroke_sure_conf``: a stroke it merged, lost or added leaves it unsure of the word; or
    whether the page's ink counted the numeral's stems as Tesseract read them (``STROKES_COUNTED``):
    Tesseract is unsure of a numeral whose serifs join (seed 2801's scanned plans: 12 quarters
    "Quý I" / "Quý II" queued for that alone, all right), and the count read twice is what its
    doubt was about (dev seeds 2801 and 3161: 11 quarters read twice, all right; the one read
    wrong, "II" as "I", was not read twice and stays queued)."""
    if STROKES_COUNTED in row.flags and len(QUARTER_NUMERAL.findall(row.deadline)) == 1:
        return True
    confs = [float(f.partition(":")[2]) for f in row.flags if f.startswith(f"{DEADLINE_WORD_CONF}:")]
    return bool(confs) and min(confs) >= s.stroke_sure_conf


def deadline_dates(row: TaskRow) -> list[tuple[str, bool]]:
    """Each date of the row's deadline as printed, and whether its day and month both print two digits."""
    return [(m.group(), min(len(m.group(1)), len(m.group(2))) == 2) for m in _DATE.finditer(row.deadline)]


def unpadded_date_doubt(own: list[tuple[str, bool]], others: list[tuple[str, bool]], s: TaskDoubtSettings) -> list[str]:
    """A deadline's date (``own``, ``deadline_dates``) with a day or month of one digit where every
    date of the table's other rows (``others``) prints both in two (``padded_min_dates`` of them at
    least): a digit OCR lost."""
    short = [date for date, padded in own if not padded]
    if not short or len(others) < s.padded_min_dates or not all(padded for _, padded in others):
        return []
    return [f"{DOUBT}deadline: date '{short[0]}' prints a digit less than the table's other dates"]


def decade_misread(outside: list[int], years: set[int]) -> int | None:
    """The plan's year a deadline's year outside its period was read for, when OCR misread one digit
    of its decade or century ("04/09/2046" in a plan for 2026): the one year of the period that
    differs from it in one of its first three digits only. None when no year or several do, or when
    the deadline holds several years outside the period; a year off by its last digit is left (it
    may be a deadline the plan sets in the next year), doubted."""
    if len(outside) != 1:
        return None
    read = str(outside[0])
    fits = [y for y in years if sum(a != b for a, b in zip(str(y), read)) == 1 and str(y)[3] == read[3]]
    return fits[0] if len(fits) == 1 else None


def period_years(period: str | None) -> set[int]:
    years = [int(y) for y in YEAR.findall(period or "")]
    return set(range(min(years), max(years) + 1)) if years else set()
