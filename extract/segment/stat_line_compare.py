"""An annex printed as lines whose header sets the report's period beside an earlier one ("Cùng kỳ
năm trước | Kỳ này | Tăng (+), giảm (-) | Tỷ lệ (%)", "Năm 2023 | Năm 2024 | So sánh (%)"): each
row prints both periods' figures, then their change, and the figure the annex reports is this
period's. The grid reader takes that column by its label (``statistics.column_roles``); a line has
no columns, only the labels' order (``stat_periods.this_period_first``) and the figures' places.

The change columns come after the two periods (a change is of the two figures before it). The
difference is printed signed ("+12", "-3", "+6,5"), and a change in per cent may be ("+12,5%"):
a signed figure marks where the change starts, so this period's figure is found counting back
from it even when OCR lost a figure before it ("70 +16 129,6": last year's figure lost, 70 is this
period's). Without a sign, by place from the row's first figure. A signed figure or a per cent is
never taken as the value. Where this period's place holds a token OCR garbled ("208 QUÍ: +63"),
the value is lost and said so (the row's figures all kept in its note), never last year's figure
in its place. Nothing printed is dropped: the other figures stay in the note in their order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.stat_line_figures import _FIGURE_SPECKS, _is_figure
from extract.segment.stat_periods import this_period_first
from extract.segment.stat_values import parse_stat_value
from normalize.lazy_regex import lazy_compile
from schemas.records import StatRow

# A figure printed with its sign: the change's ("+12", "-3,5", "+12,5%"; OCR's specks after it,
# "+5)", "+12-"). A dash standing alone is a blank cell, not a sign.
_SIGNED = lazy_compile(r"^[+\-–]\d[\d.,]*%?[)\]|:;\-]*$")
# OCR's specks after a signed figure ("+5)", "+12-").
_SPECKS_AFTER = ")]|:;-"
# Specks of the grid standing alone between cells ("|", ":", "—"): not a cell of their own.
_SPECK = lazy_compile(r"^[^\w%+]+$")
# A difference of nought as printed ("0", "+0", "0,0", "0%"): the two periods' figures are one.
_NOUGHT = lazy_compile(r"^[+\-]?0(?:[.,]0+)?%?$")


@dataclass(frozen=True)
class PeriodCompareSettings:
    # Change columns counted back from a signed figure to the later of the two periods: the
    # difference comes first after them ("… | Kỳ này | Tăng (+), giảm (-) | Tỷ lệ (%)").
    periods_before_change: int = 2
    # How far this period's figure less last year's may be from the printed difference and still
    # agree (a share's difference is printed to two decimals).
    tolerance: float = 0.011
    # How far this over last (in %) may be from the per cent printed (one decimal, rounded).
    share_tolerance: float = 0.051
    # Confidence of a row whose figures, as read, do not agree with the difference printed beside
    # them: OCR misread one of them, which one is not known (a low confidence queues it for review).
    doubted_confidence: float = 0.5
    # Figures after the value, at most, of a row showing two periods under a header naming none:
    # the other period's, the difference and the per cent of the other. More are a row of months
    # or quarters ("0 4 0 0 0 0"), whose figures may differ by another of them by chance.
    max_compare_figures: int = 3
    # Least tokens a row must print for the place of this period's figure to be chosen: a row
    # printing a single figure (a heading's, a share's without last year's) keeps it as read.
    min_tokens: int = 2


def _cells(value: str, note: str) -> list[str]:
    """The row's figure cells as printed, from its first figure on, the grid's lone specks left out."""
    return [t for t in (value, *note.split()) if t and not _SPECK.match(t)]


def _signed_at(tokens: list[str]) -> tuple[int, bool] | None:
    """(where the first signed figure stands, whether it is a per cent) or None."""
    for k, token in enumerate(tokens):
        if _SIGNED.match(token):
            return k, token.rstrip(_SPECKS_AFTER).endswith("%")
    return None


def this_period_place(tokens: list[str], this_first: bool, settings: PeriodCompareSettings) -> int | None:
    """Where this period's figure stands among a row's tokens: counted back from the signed
    change where one is printed, else by its place from the first. None when the place is
    before the first token (this period's cell was blank or OCR dropped it)."""
    back = 1 if not this_first else settings.periods_before_change
    signed = _signed_at(tokens)
    if signed is not None:
        k, percent = signed
        # (a signed per cent after an unsigned difference: "0 | +0%", "12 | +12,5%")
        place = k - back - (1 if percent and k >= back + 1 and _is_figure(tokens[k - 1]) else 0)
        return place if place >= 0 else None
    return 0 if this_first else 1


def this_period_cells(
    value: str, note: str, this_first: bool, settings: PeriodCompareSettings = PeriodCompareSettings()
) -> tuple[str, str]:
    """(figure, note) of a row under a header comparing two periods: this period's figure as the
    value, every other figure kept in the note in its order; ("", all figures) when this period's
    place holds a token OCR garbled (the value lost, said by the reader, not another period's)."""
    tokens = _cells(value, note)
    if len(tokens) < settings.min_tokens:
        return value, note
    place = this_period_place(tokens, this_first, settings)
    if place is None:  # (the change printed where a period's figure stands: this period's not read)
        return "", " ".join(tokens)
    if place >= len(tokens):
        return value, note
    # (OCR's specks stuck to the figure, "359°", "410.", "52)": the grid's, as on a one-period row)
    chosen = tokens[place].rstrip(".,:;)").strip(_FIGURE_SPECKS)
    rest = " ".join(t for k, t in enumerate(tokens) if k != place)
    if _is_figure(chosen) and not _SIGNED.match(tokens[place]):
        return chosen, rest
    unchanged = _unchanged_twin(tokens, place, this_first)
    if unchanged is not None:
        return tokens[unchanged], " ".join(t for k, t in enumerate(tokens) if k != unchanged)
    return "", " ".join(tokens)


def _unchanged_twin(tokens: list[str], place: int, this_first: bool) -> int | None:
    """Where the other period's figure stands when the difference printed after both is nought
    ("32 B2 0 100": this period's figure OCR garbled, the change says it is last year's 32), so
    two printed cells give it; else None."""
    other = place + 1 if this_first else place - 1
    change = max(place, other) + 1
    if other < 0 or change >= len(tokens) or not _is_figure(tokens[other]) or _SIGNED.match(tokens[other]):
        return None
    return other if _NOUGHT.match(tokens[change]) else None


CHANGE_DISAGREES_FLAG = "period_change_disagrees"
# A row printing one figure under a header comparing two periods: every row of such an annex prints
# at least both periods' figures, so OCR lost the others and which column this one stood in is not
# known (the change, its sign lost, is read as readily as this period's figure).
FIGURE_ALONE_FLAG = "period_figure_alone"


def _change_disagrees(row: StatRow, ocr: bool, settings: PeriodCompareSettings) -> bool:
    """Whether a row's value less the figure before its signed difference (last year's, as the
    note keeps it) is not that difference: one of the three OCR misread ("40 522 +12": 522 is
    not 40 + 12). Says nothing where either is not read."""
    tokens = row.note.split()
    signed = _signed_at(tokens)
    if row.value is None or signed is None or signed[1] or signed[0] == 0:
        return False
    before, _, _ = parse_stat_value(tokens[signed[0] - 1], row.unit, ocr=ocr)
    change, _, _ = parse_stat_value(tokens[signed[0]].rstrip(_SPECKS_AFTER).lstrip("+-–"), row.unit, ocr=ocr)
    if before is None or change is None or _SIGNED.match(tokens[signed[0] - 1]):
        return False
    sign = -1.0 if tokens[signed[0]][0] in "-–" else 1.0
    return abs(row.value - before - sign * change) > settings.tolerance


def _share_disagrees(row: StatRow, ocr: bool, settings: PeriodCompareSettings) -> bool:
    """Whether a count row's value over last year's figure (the note's first) is not the per cent
    printed last (this over last, "130,3"), when no signed difference says otherwise ("2 8 al 150":
    8 over 2 is 400%, not 150: 3 read as 8). Shares print no per cent; says nothing unread."""
    tokens = row.note.split()
    if row.value is None or "%" in row.unit or len(tokens) < 3 or _signed_at(tokens) is not None:
        return False
    if sum(1 for t in tokens if _is_figure(t)) > settings.max_compare_figures:
        # (a period's parts before last year's figure, "85 49 21 26 168 107,74": the note's first
        # is a quarter, not last year's; the period reader weighed the whole against the per cent)
        return False
    before, _, _ = parse_stat_value(tokens[0], row.unit, ocr=ocr)
    share, _, _ = parse_stat_value(tokens[-1].rstrip("%"), "%", ocr=ocr)
    if not before or share is None:
        return False
    return abs(100 * row.value / before - share) > settings.share_tolerance


def _short_row_disagrees(row: StatRow, ocr: bool, settings: PeriodCompareSettings) -> bool:
    """Whether a count row printing two figures beside its value (a cell lost or taken into another:
    "Hồ sơ 20. | 18 5) 90", last year's figure read into the unit) agrees with neither reading of
    them: the note's first as the other period's, its last as the per cent of the two or as their
    difference, its sign lost ("18 | 5 | 90": 5 is neither 90% of 18 nor 90 from it). Which figure
    the value is, is then not known."""
    tokens = row.note.split()
    if row.value is None or "%" in row.unit or len(tokens) != 2 or _signed_at(tokens) is not None:
        return False
    other, _, _ = parse_stat_value(tokens[0], row.unit, ocr=ocr)
    last, _, _ = parse_stat_value(tokens[-1].rstrip("%"), "%", ocr=ocr)
    if not other or last is None:
        return False
    as_share = abs(100 * row.value / other - last) <= settings.share_tolerance
    as_change = abs(abs(row.value - other) - last) <= settings.tolerance
    return not (as_share or as_change)


# A row of an OCR'd annex whose header names no two periods (OCR spoilt its labels: "Nam Nam" for
# "Năm 2022 | Năm 2023") but whose figures are two periods' and their difference ("17 | 24 | 7"):
# which of the two is the report's own is not known, so the value read is doubted.
PERIODS_UNSEEN_FLAG = "periods_unseen"


def _shows_two_periods(row: StatRow, ocr: bool, settings: PeriodCompareSettings) -> bool:
    """Whether a row's value and the first two figures of its note are two periods' figures and
    their difference, as printed ("17 | 24_- | 7)": 24 less 17 is 7), the note holding no more
    figures than such a row prints. A nought difference says nothing (both periods' figures are
    one, whichever was read)."""
    tokens = [t.rstrip(_SPECKS_AFTER + ".,_+–").strip(_FIGURE_SPECKS).lstrip("+-–") for t in row.note.split()]
    figures = [t for t in tokens if _is_figure(t)]
    if row.value is None or not 2 <= len(figures) <= settings.max_compare_figures:
        return False
    other, _, _ = parse_stat_value(figures[0], row.unit, ocr=ocr)
    change, _, _ = parse_stat_value(figures[1], row.unit, ocr=ocr)
    if not other or change is None or change <= settings.tolerance:
        return False  # (the other figure 0: any value is its own difference from it)
    return abs(abs(other - row.value) - change) <= settings.tolerance


def changes_checked(
    rows: list[StatRow], header: str, ocr: bool, settings: PeriodCompareSettings = PeriodCompareSettings()
) -> list[StatRow]:
    """The rows of a line-read annex comparing two periods, each whose figures disagree with the
    difference printed beside them doubted (``CHANGE_DISAGREES_FLAG``, a low confidence): not
    told as a mismatch, since which figure OCR misread is not known. Under an OCR'd header naming
    no two periods, a row whose figures show two periods and their difference is doubted
    (``PERIODS_UNSEEN_FLAG``): the value may be the other period's (seed 9001's D17 dump read
    last year's 17 for 24, twice, at 0.995, no check able to tell)."""
    if this_period_first(header) is None:
        if not ocr:
            return rows
        return [
            replace(
                row,
                flags=[*row.flags, PERIODS_UNSEEN_FLAG],
                confidence=min(row.confidence, settings.doubted_confidence),
            )
            if PERIODS_UNSEEN_FLAG not in row.flags and _shows_two_periods(row, ocr, settings)
            else row
            for row in rows
        ]
    out = []
    for row in rows:
        disagrees = (
            _change_disagrees(row, ocr, settings)
            or _share_disagrees(row, ocr, settings)
            or (ocr and _short_row_disagrees(row, ocr, settings))
        )
        if disagrees and CHANGE_DISAGREES_FLAG not in row.flags:
            row = replace(
                row,
                flags=[*row.flags, CHANGE_DISAGREES_FLAG],
                confidence=min(row.confidence, settings.doubted_confidence),
            )
        alone = ocr and row.value is not None and len(_cells(row.value_raw or "", row.note or "")) == 1
        if alone and FIGURE_ALONE_FLAG not in row.flags:
            row = replace(
                row, flags=[*row.flags, FIGURE_ALONE_FLAG], confidence=min(row.confidence, settings.doubted_confidence)
            )
        out.append(row)
    return out
