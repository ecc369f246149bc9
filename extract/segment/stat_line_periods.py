"""An annex read from lines (an OCR dump, a scan with no grid) whose header splits its period into
quarters or months ("Quý I | Quý II | Quý III | Quý IV | Lũy kế cả năm"): each row prints a figure
per part and one for the whole period, and the line reader takes the first figure for the value
and keeps the rest in the note.

Which end holds the whole period is read first from the arithmetic the rows print, since OCR
garbles the header's labels ("Quy! | Quyll | Quy Quy . | Lity ké"): a flow's parts add up to its
whole, so the table's whole is the figure at the end (first or last) that is the sum of the others
on its rows that add up at one end and none at the other; where no row adds up as read, the
header's words say it, when a whole's word stands after all the parts' or before them. Rows that print the same figure
in every part (a stock) or a share say nothing. The whole period's figure becomes the value and
the parts stay in the note as printed. A flow row whose parts, as read, do not add up to its whole
is doubted (OCR misread one of them: a low confidence puts it in the review queue), not told as a
mismatch, since which figure is wrong is not known."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from extract.segment.stat_channel_parts import channels_stacked
from extract.segment.stat_headings import worded_as_share
from extract.segment.stat_line_compare import CHANGE_DISAGREES_FLAG
from extract.segment.stat_period_against import NONE, Beside, beside_whole, cut_beside
from extract.segment.stat_period_parts import is_part_label, part_words, whole_printed_last
from extract.segment.stat_values import DOUBTED_READINGS, parse_stat_value
from extract.segment.stat_whole_witness import (
    WHOLE_FROM_PARTS_FLAG,
    against_disagrees,
    cell_tokens,
    shows_split,
    trailing_specks_dropped,
    witnessed_sum,
)
from normalize.count_units import unit_key
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatRow

# A word of a period's parts standing alone, its numbers lost with the labels ("thang", "quy").
_PERIOD_WORD = lazy_compile(r"(?<![a-z])(?:thang|quy)(?![a-z])")

FIRST = "first"
LAST = "last"


@dataclass(frozen=True)
class LinePeriodSettings:
    # Part words a header prints, at least, for its period to be split.
    min_part_words: int = 2
    # Rows adding up at one end (and none at the other) for that end to be the whole's.
    min_votes: int = 1
    # How far a sum may be from the whole and still add up (shares are left out).
    tolerance: float = 0.01
    # Confidence of a row whose parts, as read, do not add up to its whole.
    doubted_confidence: float = 0.5
    # Rows adding up at their last figure (and none at the first) for a table whose header names
    # no parts but prints a part's word ("tháng", "quý") to be read so: OCR garbled the months'
    # labels, their numbers lost ("SIT Noi dung DVT" / "thang"), and
    # the line reader took each row's first month for its value. A flow of at least
    # ``figures_without_header`` figures (three parts and the whole) whose last is the others' sum
    # does not add up so by chance; the first end needs no vote, its figure is the one taken.
    votes_without_header: int = 1
    figures_without_header: int = 4


PARTS_DISAGREE_FLAG = "period_parts_disagree"
# A row printing two figures under a header of many parts (its other parts left blank: a share
# of nothing, a month with no case): which part each figure is, OCR's line does not say, so the
# whole's end of the row is taken and the other figure kept as a reading (``short_row_readings``).
SHORT_ROW_FLAG = "period_figures_placed"
# A row of an OCR'd annex whose header splits the period but whose whole's end neither the rows'
# sums nor the header's words say (``unplaced_rows``): its value is its first figure, a part's or
# the whole's as the layout has it.
WHOLE_UNPLACED_FLAG = "period_whole_unplaced"


def splits_period(header: str, settings: LinePeriodSettings = LinePeriodSettings()) -> bool:
    """Whether a header's text names parts of the period (quarters, months), or of a count (its
    channels, their labels' words OCR set apart: ``channels_stacked``)."""
    return part_words(header) >= settings.min_part_words or is_part_label(header) or channels_stacked(header)


def _figures(row_tokens: list[str], unit: str, ocr: bool) -> list[float | None]:
    return [parse_stat_value(t, unit, ocr=ocr)[0] for t in row_tokens]


def _tokens(value_raw: str, note: str) -> list[str]:
    return cell_tokens([t for t in (value_raw, *note.split()) if t])


def _adds_up(whole: float, parts: list[float], tolerance: float) -> bool:
    return abs(whole - sum(parts)) <= tolerance


def _flow(figures: list[float | None], unit: str) -> list[float] | None:
    """The row's figures when it is a flow that can vote: all read, at least a whole and two parts,
    not all the same (a stock), not a share."""
    if "%" in unit or len(figures) < 3 or any(f is None for f in figures):
        return None
    read = [f for f in figures if f is not None]
    return read if len(set(read)) > 1 else None


def whole_end(
    rows: list[tuple[list[str], str]], ocr: bool, settings: LinePeriodSettings = LinePeriodSettings()
) -> str | None:
    """``FIRST`` or ``LAST``: the end of each row's figures that holds the whole period, voted by
    the flow rows ((tokens, unit) each) that add up at one end only; None when the rows do not say."""
    votes = {FIRST: 0, LAST: 0}
    for tokens, unit in rows:
        read = _flow(_figures(tokens, unit, ocr), unit)
        if read is None:
            continue
        first = _adds_up(read[0], read[1:], settings.tolerance)
        last = _adds_up(read[-1], read[:-1], settings.tolerance)
        if first != last:
            votes[FIRST if first else LAST] += 1
    if votes[FIRST] and votes[LAST]:
        return None
    end = FIRST if votes[FIRST] else LAST
    return end if votes[end] >= settings.min_votes else None


def _doubted(row: StatRow, settings: LinePeriodSettings, flag: str = PARTS_DISAGREE_FLAG) -> StatRow:
    flags = row.flags if flag in row.flags else [*row.flags, flag]
    return replace(row, flags=flags, confidence=min(row.confidence, settings.doubted_confidence))


def _row_unit(row: StatRow) -> str:
    """The unit a row's figures are read in: a share's "%" where OCR lost the unit cell (or ran its
    "%" into the indicator: "Tỷ lệ cán bộ, công chức đạt chuẩn %") and the wording says a share,
    since a share prints no per cent against last year, and read as a count the whole would be
    sought one column too early (its fourth quarter taken for the year)."""
    if "%" not in row.unit and not unit_key(row.unit) and worded_as_share(row.indicator):
        return "%"
    return row.unit


def _common_width(rows: list[StatRow]) -> int | None:
    """The number of figures most rows print (the parts and the whole): a row printing one more
    carries a column beside the whole ("Tỷ lệ (%)", "So với năm …"), filled on some rows only."""
    widths = Counter(len(t) for r in rows if len(t := _tokens(r.value_raw, r.note)) >= 3)
    return widths.most_common(1)[0][0] if widths else None


def _kept_width(printed: list[tuple[list[str], str]]) -> int | None:
    """The number of figures most rows print once the columns beside the whole are set aside."""
    widths = Counter(len(tokens) for tokens, _ in printed if len(tokens) >= 3)
    return widths.most_common(1)[0][0] if widths else None


def short_row_readings(row: StatRow) -> tuple[float, ...]:
    """The other figures a row flagged ``SHORT_ROW_FLAG`` printed, each a reading of its value
    (the row's blanks may stand anywhere among its parts)."""
    if SHORT_ROW_FLAG not in row.flags:
        return ()
    found = (parse_stat_value(t, row.unit, row.indicator, ocr=True)[0] for t in row.note.split())
    return tuple(dict.fromkeys(f for f in found if f is not None and f != row.value))


def _short_row(row: StatRow, end: str, width: int | None, ocr: bool, settings: LinePeriodSettings) -> StatRow:
    """A row printing two figures where the table's rows print ``width`` (at least three): the
    whole's figure is the one at the whole's end, doubted, the other kept in the note as a reading
    (an N46-like twelve-month share "0 100 87,5": its year is the last, not the first read)."""
    tokens = _tokens(row.value_raw, row.note)
    if len(tokens) != 2 or width is None or width < 3:
        return row
    at_end = tokens[-1] if end == LAST else tokens[0]
    value, flags, _ = parse_stat_value(at_end, row.unit, row.indicator, ocr=ocr)
    if value is None:
        return row
    other = tokens[0] if end == LAST else tokens[-1]
    placed = replace(row, value=value, value_raw=at_end, note=other, flags=[*row.flags, *flags, SHORT_ROW_FLAG])
    return replace(placed, confidence=min(row.confidence, settings.doubted_confidence))


def _stock_garbled(tokens: list[str], figures: list[float | None]) -> bool:
    """Whether a row prints one figure in every part (a stock: "Số cán bộ" 20 each month) and as
    its whole that figure with digits lost ("20 … 20 2"), neither it nor the parts' sum (a flow
    of equal parts, "5 5 5 5 20"): a stock's whole is its parts' figure, so OCR garbled the whole.
    A whole printing other digits ("95,83 … 90,83") is as printed: the commune's, checked."""
    parts = figures[:-1]
    if len(parts) < 2 or None in parts or len(set(parts)) != 1 or figures[-1] is None:
        return False
    whole = figures[-1]
    if whole == parts[0] or abs(whole - sum(p for p in parts if p is not None)) <= 1e-9:
        return False
    return _digits_lost(_digits(tokens[-1]), _digits(tokens[0]))


def _digits(token: str) -> str:
    return "".join(c for c in token if c.isdigit())


def _digits_lost(short: str, long: str) -> bool:
    """Whether ``short`` is ``long`` with one digit or more left out, in order."""
    if not short or len(short) >= len(long):
        return False
    rest = iter(long)
    return all(c in rest for c in short)


def _whole_row(
    row: StatRow, end: str, width: int | None, ocr: bool, settings: LinePeriodSettings, cut: int | None = None
) -> StatRow:
    """The row with the whole period's figure as its value and the parts in its note; doubted
    when the whole cannot be read or a flow's parts do not add up to it. ``cut`` tokens at the
    row's end are the columns the header sets beside the whole (last year's, the comparison:
    ``stat_period_against``); where it is None, a row printing one figure more than the table's
    ``width`` has a column beside the whole, after it: the whole is the figure before that one.
    Either stays in the note after the parts. A row printing fewer parts than the table's
    ``width`` beside such columns is doubted: which of its places OCR lost is not known."""
    tokens = _tokens(row.value_raw, row.note)
    if cut is not None:
        beside = tokens[len(tokens) - cut :] if cut else []
        tokens = tokens[: len(tokens) - cut]
        if width is not None and 0 < len(tokens) < width:
            row = _doubted(row, settings)
    if len(tokens) < 3:
        # (a heading, a row whose parts were not printed: nothing to place; two figures: placed)
        return _short_row(row, end, width, ocr, settings)
    if cut is None:
        beside = tokens[-1:] if width is not None and len(tokens) == width + 1 else []
        tokens = tokens[: len(tokens) - len(beside)]
    printed = tokens
    if end == LAST:
        value, flags, _ = parse_stat_value(tokens[-1], row.unit, row.indicator, ocr=ocr)
        if value is None:  # (the whole's figure garbled: its parts' sum where witnessed, else the first stays)
            return _doubted(_summed(row, printed, beside, end, ocr) or row, settings)
        if _stock_garbled(tokens, _figures(tokens, row.unit, ocr)):
            return _doubted(row, settings)  # (the parts' one figure stays: "20 … 20 2", a stock's whole lost a digit)
        note = " ".join([*tokens[:-1], *beside])
        row = replace(row, value=value, value_raw=tokens[-1], note=note, flags=[*row.flags, *flags])
        if any(f in DOUBTED_READINGS for f in flags):  # (the whole read from letters: "ii" for 1)
            row = replace(row, confidence=min(row.confidence, settings.doubted_confidence))
        tokens = [tokens[-1], *tokens[:-1]]
    read = _flow(_figures(tokens, row.unit, ocr), row.unit)
    if read is not None and not _adds_up(read[0], read[1:], settings.tolerance):
        return _doubted(_summed(row, printed, beside, end, ocr) or row, settings)
    if against_disagrees(row.value, beside, _row_unit(row), ocr):
        # (the whole over last year's figure is not the per cent printed beside them: one of the
        # three misread, "0 0 0 Ones 20 2 {0"; the parts, a quarter read as letters, said nothing)
        flags = row.flags if CHANGE_DISAGREES_FLAG in row.flags else [*row.flags, CHANGE_DISAGREES_FLAG]
        return replace(row, flags=flags, confidence=min(row.confidence, settings.doubted_confidence))
    return row


def _summed(row: StatRow, tokens: list[str], beside: list[str], end: str, ocr: bool) -> StatRow | None:
    """The row with its parts' sum for its whole, where last year's figure and the per cent
    witness that sum and not the whole as read (``stat_whole_witness``); None where they do not."""
    total = witnessed_sum(tokens, beside, row.unit, ocr, last=end == LAST)
    if total is None:
        return None
    whole, parts = (tokens[-1], tokens[:-1]) if end == LAST else (tokens[0], tokens[1:])
    note = " ".join([*parts, *beside])
    return replace(row, value=total, value_raw=whole, note=note, flags=[*row.flags, WHOLE_FROM_PARTS_FLAG])


def whole_period_rows(
    rows: list[StatRow], header: str, ocr: bool, settings: LinePeriodSettings = LinePeriodSettings()
) -> list[StatRow]:
    """The rows of a line-read annex with the whole period's figure as each row's value, when its
        header splits the period and its rows' sums say which end holds the whole, or its header names no
    parts and ``votes_without_header`` rows of ``figures_without_header`` figures or more add up at
    their last figure (none at the first); else as read."""
    whole_rows = [(_tokens(r.value_raw, r.note), _row_unit(r)) for r in rows]
    # (last year's figure and the comparison after the whole are no parts: set aside first)
    beside = beside_whole(whole_rows, header, ocr)
    cuts: list[int | None] = [None] * len(rows) if beside == NONE else list(cut_beside(whole_rows, beside, ocr))
    printed = [(tokens[: len(tokens) - (k or 0)], unit) for (tokens, unit), k in zip(whole_rows, cuts)]
    if not splits_period(header, settings):
        # (a row adding up at its last figure, that figure also over last year's the per cent
        # printed, splits the period whatever the header kept of its words)
        witnessed = any(
            shows_split(kept, tokens[len(kept) :], unit, ocr) for (tokens, unit), (kept, _) in zip(whole_rows, printed)
        )
        if not witnessed and not _PERIOD_WORD.search(fold(header)):
            return rows  # (no word of a period's parts: the other figures are no parts, "Ghi chú")
        long_rows = [(tokens, unit) for tokens, unit in printed if len(tokens) >= settings.figures_without_header]
        unheaded = whole_end(long_rows, ocr, replace(settings, min_votes=settings.votes_without_header))
        if unheaded != LAST and not witnessed:
            return rows
        return _placed(rows, whole_rows, printed, cuts, beside, LAST, ocr, settings)
    end = whole_end(printed, ocr, settings)
    if end is None:  # (no flow row adds up as read: the header's words, where they say)
        last = whole_printed_last(header)
        if last is None:
            return unplaced_rows(rows, printed, ocr, settings)
        end = LAST if last else FIRST
    return _placed(rows, whole_rows, printed, cuts, beside, end, ocr, settings)


def unplaced_rows(
    rows: list[StatRow],
    printed: list[tuple[list[str], str]],
    ocr: bool,
    settings: LinePeriodSettings = LinePeriodSettings(),
) -> list[StatRow]:
    """The rows as read, those of an OCR'd annex printing parts that differ doubted: the header
    splits the period, but no flow row adds up as read (a part read as letters, "4 4 if 12 21") and
    the header's whole word is garbled ("Quý Cả | kynam … năm"), so the first figure stays the value,
    a part's where the whole is printed last (seed 21201's D23 dump: four rows read from their first
    quarter, held by the annex's sums at 0.995 and 1.0, silent). A stock (one figure in every part)
    or a share says the same at either end; so does a typed annex, whose rows add up as printed."""
    if not ocr:
        return rows
    return [
        _doubted(row, settings, WHOLE_UNPLACED_FLAG) if _parts_differ(tokens, unit, ocr) else row
        for row, (tokens, unit) in zip(rows, printed)
    ]


def _parts_differ(tokens: list[str], unit: str, ocr: bool) -> bool:
    """Whether a row's figures (parts and whole, the columns beside the whole set aside) are at
    least three, not a share's, and those read are not all one figure."""
    if "%" in unit or len(tokens) < 3:
        return False
    return len({f for f in _figures(tokens, unit, ocr) if f is not None}) > 1


def _placed(
    rows: list[StatRow],
    whole_rows: list[tuple[list[str], str]],
    printed: list[tuple[list[str], str]],
    cuts: list[int | None],
    beside: Beside,
    end: str,
    ocr: bool,
    settings: LinePeriodSettings,
) -> list[StatRow]:
    """Each row with its whole placed (``_whole_row``). Where columns stand beside the whole, a
    row printing more cells than the table's parts and whole and those columns, ending in cells
    with no digit ("73,47 73,47 73,47 70,93 êê": a share, whose per cent is left blank), ends in
    specks of the ruling: they are left out first, or last year's share would be taken for the
    year's."""
    if beside == NONE:
        width = _common_width(rows)
        return [_whole_row(r, end, width, ocr, settings, k) for r, k in zip(rows, cuts)]
    width = _kept_width(printed)
    out = []
    for row, (tokens, unit), k in zip(rows, whole_rows, cuts):
        kept = trailing_specks_dropped(tokens, len(tokens) - (width or len(tokens)) - (k or 0))
        if width is not None and k and len(kept) < len(tokens):
            row = replace(row, value_raw=kept[0], note=" ".join(kept[1:]))
            k = cut_beside([(kept, unit)], beside, ocr)[0]
        out.append(_whole_row(row, end, width, ocr, settings, k))
    return out
