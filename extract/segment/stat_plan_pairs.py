"""An annex read from lines whose header splits the period into parts and gives each part, and the
whole, a plan's column and a result's ("6 tháng đầu năm | 6 tháng cuối năm | Cả năm" over "KH | TH |
KH | TH | KH | TH"): each row prints its figures in pairs, and the figure the annex reports is the
whole period's result. The line reader takes the row's first figure (the first part's plan), and the
parts' sums cannot say which end holds the whole (``stat_line_periods`` adds every figure, plans and
results together: "16 9 12 11 28 20" adds up at neither end).

The whole's pair stands where the header's words put it (after the parts, or before them); its
result is the pair's second figure. A row printing fewer figures than the pairs (its plans left
blank: "104 281 385", the parts' results and the year's) still ends on the whole's result when the
whole is printed last. The results are checked by their own arithmetic: a flow's parts' results add
up to the whole's; a row whose figures, as read, do not is doubted (a low confidence puts it in the
review queue), not told as a mismatch, since which figure OCR misread is not known. Nothing printed
is dropped: the other figures stay in the note in their order."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.stat_values import DOUBTED_READINGS, parse_stat_value
from extract.segment.stat_whole_witness import cell_tokens
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from schemas.records import StatRow

# A plan's and a result's labels as a paired header prints them under each period: abbreviated ("KH |
# TH"), whole ("Kế hoạch | Thực hiện") or wrapped over two lines ("Kế | Thực | Kế | Thực" over "hoạch |
# hiện | hoạch | hiện"), a word of each counting once. OCR garbles the result's second word past
# reading ("hươn") sooner than the plan's: the plan's labels count the pairs, a result's label must
# still be printed.
_PLAN = lazy_compile(r"(?<![a-z])(?:kh|ke)(?![a-z])")
_PLAN_WRAPPED = lazy_compile(r"(?<![a-z])hoach(?![a-z])")
_RESULT = lazy_compile(r"(?<![a-z])(?:th|thuc|hien)(?![a-z])")
# A part of the period as a paired header's labels print it, OCR's garbling and gluing of its words
# aside ("6 tháng đủ" for "6 tháng đầu năm", "G6thangdau", "Quý I", "Tháng 3"), and the whole's label
# after them ("Cả năm", "Lũy kế", "Tổng cả năm": its "cả" OCR may garble, "Tong ae nam").
_PART = lazy_compile(r"(?<![a-z])(?:[a-z]?\d{1,2}\s*)?thang(?:\s*(?:dau|cuoi))?(?![a-z])|(?<![a-z])quy(?![a-z])")
_WHOLE = lazy_compile(r"(?<![a-z])(?:ca nam|luy ke|tong)(?![a-z])")
# The flag of a row whose parts' results, as read, do not add up to the whole's result.
PAIRS_DISAGREE_FLAG = "plan_pairs_disagree"
# A result's label, once each however it is printed ("TH", "Thực hiện": one label, two words).
_RESULT_LABEL = lazy_compile(r"(?<![a-z])(?:th|thuc\s*hien)(?![a-z])")
# The flag of a row of an OCR'd annex whose header prints a result's label over several columns but
# whose pairs could not be placed (``unpaired_rows``): its value is its first figure, a plan's or a part's.
PAIRS_UNPLACED_FLAG = "plan_pairs_unplaced"


@dataclass(frozen=True)
class PlanPairSettings:
    # Plan and result labels the header prints, each, at least: a pair for two parts and the whole
    # at the least ("KH TH" once is a plan-first header, ``stat_plan_column``).
    min_pairs: int = 3
    # How far the parts' results' sum may be from the whole's result.
    tolerance: float = 0.01
    # Confidence of a row whose results do not add up as read.
    doubted_confidence: float = 0.5


def plan_pairs(header: str, settings: PlanPairSettings = PlanPairSettings()) -> int:
    """How many (plan, result) column pairs a header splitting its period prints: 0 when it splits
    none, or names fewer than ``min_pairs`` of each label."""
    folded = fold(header or "")
    pairs = max(len(_PLAN.findall(folded)), len(_PLAN_WRAPPED.findall(folded)))
    if pairs < settings.min_pairs or not _RESULT.search(folded):
        return 0
    return pairs if whole_after_parts(folded) else 0


def whole_after_parts(folded: str) -> bool:
    """Whether a header's folded text names two parts of the period or more, then the whole."""
    whole = _WHOLE.search(folded)
    return whole is not None and len(_PART.findall(folded[: whole.start()])) >= 2


def _figures(tokens: list[str], unit: str, ocr: bool) -> list[float | None]:
    return [parse_stat_value(t, unit, ocr=ocr)[0] for t in tokens]


def _results_add_up(figures: list[float | None], pairs: int, unit: str, settings: PlanPairSettings) -> bool:
    """Whether a row's results add up: a full row's second figures (the parts' results to the whole's,
    last), a short row's figures (its results only, the plans blank) likewise; a share, a stock (one
    figure throughout) or a row with a figure unread says nothing (True)."""
    if "%" in unit or any(f is None for f in figures):
        return True
    read = [f for f in figures if f is not None]
    results = read[1::2] if len(read) == 2 * pairs else read
    if len(results) < 3 or len(set(results)) == 1:
        return True
    return abs(results[-1] - sum(results[:-1])) <= settings.tolerance


def paired_row(row: StatRow, pairs: int, ocr: bool, settings: PlanPairSettings = PlanPairSettings()) -> StatRow:
    """The row with the whole's result (its last figure) as its value, the other figures in its
    note; doubted when its results do not add up or the value is read from letters. A row printing
    fewer than two figures is as read (a heading, a share printed once)."""
    tokens = cell_tokens([t for t in (row.value_raw, *row.note.split()) if t])
    if len(tokens) < 2:
        return row
    value, flags, _ = parse_stat_value(tokens[-1], row.unit, row.indicator, ocr=ocr)
    if value is None:  # (the whole's result garbled: the figure read is a part's, doubted)
        return replace(row, confidence=min(row.confidence, settings.doubted_confidence))
    placed = replace(row, value=value, value_raw=tokens[-1], note=" ".join(tokens[:-1]), flags=[*row.flags, *flags])
    doubted = any(f in DOUBTED_READINGS for f in flags)
    if not _results_add_up(_figures(tokens, row.unit, ocr), pairs, row.unit, settings):
        placed.flags.append(PAIRS_DISAGREE_FLAG)
        doubted = True
    return replace(placed, confidence=min(row.confidence, settings.doubted_confidence)) if doubted else placed


def paired_whole_rows(
    rows: list[StatRow], header: str, ocr: bool, settings: PlanPairSettings = PlanPairSettings()
) -> list[StatRow] | None:
    """The rows of a line-read annex whose header pairs a plan and a result under each part of the
    period and the whole, the whole printed last, each with the whole's result as its value; None
    when the header is not such a one (the rows are read as before; a whole printed before its
    parts is not read so)."""
    pairs = plan_pairs(header, settings)
    if not pairs:
        return None
    return [paired_row(r, pairs, ocr, settings) for r in rows]


def unpaired_rows(
    rows: list[StatRow], header: str, ocr: bool, settings: PlanPairSettings = PlanPairSettings()
) -> list[StatRow]:
    """The rows as read, those printing figures that differ doubted (``PAIRS_UNPLACED_FLAG``), when an
    OCR'd header prints a result's label over ``min_pairs`` columns or more but ``plan_pairs`` could
    not place them: the parts' or the plans' labels garbled ("6 của đầu 6 tháng cuối Cả năm … _Ke | TH
    | Ka | TH | ka | TH"), so each row's first figure, a part's plan, stayed its value (seed 21001's
    D31 dump: six such values, held by the annex's sums at 0.995, silent; 20001 and 19001 likewise).
    A row printing one figure throughout (a stock) is right whichever column it is."""
    if not ocr or plan_pairs(header, settings) or len(_RESULT_LABEL.findall(fold(header or ""))) < settings.min_pairs:
        return rows
    return [_unpaired(row, ocr, settings) for row in rows]


def _unpaired(row: StatRow, ocr: bool, settings: PlanPairSettings) -> StatRow:
    figures = {f for f in _figures(cell_tokens([t for t in (row.value_raw, *row.note.split()) if t]), row.unit, ocr)}
    if row.value is None or len(figures - {None}) < 2:
        return row
    flags = row.flags if PAIRS_UNPLACED_FLAG in row.flags else [*row.flags, PAIRS_UNPLACED_FLAG]
    return replace(row, flags=flags, confidence=min(row.confidence, settings.doubted_confidence))
