"""An OCR'd annex's figure printed with a digit read as the letter it looks like ("Hồ sơ A46" for
446, "% S4,08" for 54,08), on a row the line reader left without its figure (issues 11, 16).

The line reader takes a figure only where its characters read as one, so such a row came out
``missing_value`` (told lost) although its line still prints the figure. The row's own lines are
read again for a token of digits and the letters OCR puts for digits; its reading is taken only
where the annex's arithmetic, from figures read as printed, confirms it:

- a whole: its parts add up to it (each read), or a share under it is one of its parts over it
  (the part read, or the one part lost as the whole less the others);
- a part: its whole less its siblings (each read) is it, or a share beside it is it over the whole;
- a share: one of its whole's parts over the whole (read, or the one lost as the remainder) is it
  to the decimals it prints.

A reading no relation confirms, or two readings confirmed with different values, leave the row as
it was (its figure told lost): a letter is never read as a digit on its looks alone. A figure taken
is weighed (``figure_lookalike_read``, its confidence at most ``confidence``), so it is reviewed."""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extract.model import IngestedDocument
from extract.segment.stat_unread import MISSING_VALUE
from extract.segment.stat_values import number_kind, parse_stat_value
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatAnnex, StatRow

# A row's figure read from letters OCR put for its digits, confirmed by the annex's arithmetic.
LOOKALIKE_READ = "figure_lookalike_read"


@dataclass(frozen=True)
class LookalikeSettings:
    # A figure read from look-alike letters is weighed in the review queue, not trusted.
    confidence: float = 0.7
    # Counts are whole: a sum holds within this.
    sum_tolerance: float = 0.01
    # A share confirmed when the ratio, rounded to the share's printed decimals, is it (half a
    # unit of its last decimal, and this much more for the float arithmetic).
    share_slack: float = 1e-6
    # Characters a candidate token holds at most (a figure cell's: "1.250", "S4,08%").
    max_token_chars: int = 8


# A token made of digits, the letters OCR reads digits as, their separators and a percent sign;
# at least one digit and one letter (a token of digits alone the line reader read already).
_TOKEN = lazy_compile(r"^(?=.*\d)(?=.*[A-Za-z])[0-9AOoDQlIiSsBZzg][0-9AOoDQlIiSsBZzg.,]*%?$")
# "A" is a 4 on a figure cell (normalize.numbers' OCR digits hold the rest).
_CAPITAL_FOUR = str.maketrans({"A": "4"})
# Specks of the grid or the page stuck to a token's edges.
_EDGE = " []|_—~‘’'`°.:;(){}"


@dataclass(frozen=True)
class _Reading:
    raw: str
    value: float
    decimals: int


def lookalike_figures(
    doc: IngestedDocument, annexes: list[StatAnnex], settings: LookalikeSettings = LookalikeSettings()
) -> list[StatAnnex]:
    """The annexes, each row whose figure its line prints in look-alike letters given that figure
    where the annex's arithmetic confirms the reading (the others as they were)."""
    texts = {(ln.page, ln.number): ln.text for ln in doc.lines()}
    return [_annex(annex, texts, settings) for annex in annexes]


def _annex(annex: StatAnnex, texts: dict[tuple[int, int], str], settings: LookalikeSettings) -> StatAnnex:
    rows = annex.rows
    taken: dict[int, tuple[_Reading, StatRow]] = {}
    for k, row in enumerate(rows):
        if not _lost(row):
            continue
        confirmed = {
            reading.value: reading
            for reading in _readings(row, texts, settings)
            if _confirmed(k, reading, rows, settings)
        }
        if len(confirmed) == 1:
            (reading,) = confirmed.values()
            taken[k] = (reading, row)
    if not taken:
        return annex
    return replace(annex, rows=[_taken(r, taken[k][0], settings) if k in taken else r for k, r in enumerate(rows)])


def _lost(row: StatRow) -> bool:
    return row.value is None and not row.value_raw and MISSING_VALUE in row.flags and bool(row.code)


def _readings(row: StatRow, texts: dict[tuple[int, int], str], settings: LookalikeSettings) -> list[_Reading]:
    """The readings of the look-alike tokens on the row's lines, after its code."""
    src = row.source
    if src.page is None or src.line_start is None:
        return []
    end = src.line_end if src.line_end is not None else src.line_start
    tokens: list[str] = []
    for number in range(src.line_start, end + 1):
        words = (texts.get((src.page, number)) or "").replace("|", " ").split()
        if number == src.line_start and words and fold(words[0]).strip(_EDGE) == fold(row.code or ""):
            words = words[1:]
        tokens += words
    out: list[_Reading] = []
    for token in tokens:
        bare = token.strip(_EDGE)
        if len(bare) > settings.max_token_chars or not _TOKEN.match(bare):
            continue
        value, flags, _ = parse_stat_value(bare.translate(_CAPITAL_FOUR), row.unit, row.indicator, ocr=True)
        if value is None or "value_unparsed" in flags:
            continue
        out.append(_Reading(bare, value, _decimals(bare)))
    return out


def _share(row: StatRow) -> bool:
    return number_kind(row.unit, row.indicator) == "percent" or fold(row.indicator).startswith("ty le")


def _parent(k: int, rows: list[StatRow]) -> int | None:
    """The row's whole (the segmenter's ``parent``), the nearest row above of that code."""
    head = rows[k].parent
    return next((j for j in range(k - 1, -1, -1) if head and rows[j].code == head), None)


def _children(k: int, rows: list[StatRow]) -> list[int]:
    """The rows whose whole is row ``k``."""
    code = rows[k].code
    return [j for j, r in enumerate(rows) if code and r.parent == code]


def _confirmed(k: int, reading: _Reading, rows: list[StatRow], settings: LookalikeSettings) -> bool:
    """Whether a relation of the annex, over figures read as printed, holds with the reading."""
    if _share(rows[k]):
        whole = _parent(k, rows)
        if whole is None or not _read(rows[whole]):
            return False
        return _share_holds(reading, rows[whole].value, _parts(whole, rows), settings)
    kids = _children(k, rows)
    parts = [j for j in kids if not _share(rows[j])]
    if parts and all(_read(rows[j]) for j in parts):
        if abs(sum(rows[j].value or 0.0 for j in parts) - reading.value) <= settings.sum_tolerance:
            return True
    for j in kids:
        if _share(rows[j]) and _read(rows[j]):
            share = _Reading(rows[j].value_raw, rows[j].value or 0.0, _decimals(rows[j].value_raw))
            if _share_holds(share, reading.value, _parts(k, rows), settings):
                return True
    whole = _parent(k, rows)
    if whole is None or not _read(rows[whole]):
        return False
    siblings = [j for j in _children(whole, rows) if j != k and not _share(rows[j])]
    if siblings and all(_read(rows[j]) for j in siblings):
        left = (rows[whole].value or 0.0) - sum(rows[j].value or 0.0 for j in siblings)
        if abs(left - reading.value) <= settings.sum_tolerance:
            return True
    for j in _children(whole, rows):
        if j != k and _share(rows[j]) and _read(rows[j]):
            share = _Reading(rows[j].value_raw, rows[j].value or 0.0, _decimals(rows[j].value_raw))
            if _ratio_holds(share, reading.value, rows[whole].value or 0.0, settings):
                return True
    return False


def _parts(whole: int, rows: list[StatRow]) -> list[float | None]:
    """The figures of a whole's count parts as read (None: a part whose figure was not read)."""
    return [rows[j].value if _read(rows[j]) else None for j in _children(whole, rows) if not _share(rows[j])]


def _share_holds(share: _Reading, whole: float | None, parts: list[float | None], settings: LookalikeSettings) -> bool:
    """Whether a share is one part over the whole: a part read, or the one part not read as the
    whole less the others."""
    if not whole:
        return False
    lost = [p for p in parts if p is None]
    numerators = [p for p in parts if p is not None]
    if len(lost) == 1:
        numerators.append(whole - sum(numerators))
    return any(_ratio_holds(share, n, whole, settings) for n in numerators if n >= 0)


def _ratio_holds(share: _Reading, part: float, whole: float, settings: LookalikeSettings) -> bool:
    if not whole or part < 0 or part > whole:
        return False
    return abs(part / whole * 100 - share.value) <= 0.5 * 10 ** (-share.decimals) + settings.share_slack


def _read(row: StatRow) -> bool:
    """A figure read as printed (not derived, not paired by order, not itself a look-alike)."""
    return row.value is not None and bool(row.value_raw) and LOOKALIKE_READ not in row.flags


def _decimals(raw: str) -> int:
    m = re.search(r"[.,](\d+)\s*%?\s*$", raw or "")
    return len(m.group(1)) if m else 0


def _taken(row: StatRow, reading: _Reading, settings: LookalikeSettings) -> StatRow:
    confidence = min(row.confidence, settings.confidence)
    # (the figure's token, and a "%" just before it, leave the name the line reader ran it into)
    name = re.sub(rf"\s*%?\s*{re.escape(reading.raw)}\b", "", row.indicator).strip()
    return replace(
        row,
        indicator=name or row.indicator,
        value=reading.value,
        value_raw=reading.raw,
        confidence=confidence,
        value_confidence={**row.value_confidence, "value": confidence},
        flags=[*(f for f in row.flags if f != MISSING_VALUE), LOOKALIKE_READ],
    )
