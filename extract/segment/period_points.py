"""A score table that prints several periods' self points side by side: a plan to raise the index
prints last year's results beside this year's ("Điểm tối đa | Năm 2023 | Năm 2024 | Tăng (+),
giảm (-) | Ghi chú", "Điểm tự đánh giá năm 2024 | Điểm tự đánh giá năm 2023 | So sánh"), the bare
year labels often under a merged "Điểm tự đánh giá" / "Số điểm".

Only one of those columns is the evaluation's self points: the period the table is about, the latest
year (``stat_periods.period_kinds``, as an annex's "Năm 2025 | Năm 2024"); the others are the
context it is compared with, kept on the row (``EARLIER_FLAG``), never points. The column of their
difference ("Tăng (+), giảm (-)", "So sánh", "Chênh lệch") holds signed figures: no note, no ratio;
it is a check of the two columns (this period less the earlier = the change), and a row where it
disagrees had a cell misread (OCR) or misprinted. A plan's target for a year ("Kế hoạch năm 2024",
"Chỉ tiêu năm 2024", "Phấn đấu năm 2025") is no points the commune gave itself: never self points."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_periods import CHANGE, EARLIER, THIS, names_change, names_earlier, period_kinds
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import ScoreTable, unsure_flag

# A column of what a plan aims at, not what was scored ("Kế hoạch năm 2024", "Chỉ tiêu 2024",
# "Mục tiêu", "Phấn đấu năm 2025", "Dự kiến năm 2025", "Đăng ký năm 2025").
_TARGET = lazy_compile(r"(?<![a-z])(?:ke hoach|chi tieu|muc tieu|phan dau|du kien|dang ky)(?![a-z])")
# The appraising office's or the maximum's label: such a column is no period's self points, whatever
# year it names ("Điểm thẩm định năm 2024", "Điểm tối đa năm 2024").
_OTHER_POINTS = lazy_compile(r"(?<![a-z])(?:tham dinh|noi vu|toi da|diem chuan|thang diem)(?![a-z])")
# A label dated by a year or naming points: a plan's target column, when it also names a target.
_DATED_OR_POINTS = lazy_compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|(?<![a-z])diem(?![a-z])")
# A self-assessment round ("Tự đánh giá lần 1", "Điểm tự chấm đợt 2"): the rounds' order is their number.
_ROUND = lazy_compile(r"(?<![a-z])(?:lan|dot|vong)\s*(?:thu\s*)?(\d)(?!\d)")
# Words of a self-assessment's label ("Điểm tự đánh giá lần 2", "Tự chấm đợt 1", "Kết quả chấm lần 2").
_SELF_WORDS = lazy_compile(r"(?<![a-z])(?:tu danh gia|tu cham|diem|cham)(?![a-z])")
# A year in a label or caption.
_YEAR_IN = lazy_compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# The label the header matcher reads as the self points (``score_tables._COLUMN_NAMES``).
SELF_LABEL = "Điểm tự đánh giá"
# The flag keeping an earlier period's points on the row, as printed: "earlier_points:Năm 2023=10,25".
EARLIER_FLAG = "earlier_points:"
# The flag of a row whose change cell disagrees with its two periods' points.
CHANGE_FLAG = "change_disagrees:"
# A row's change agrees with its two periods within this (points are printed to two decimals).
CHANGE_TOLERANCE = 0.011
# The value confidence a self points cell gets when its change disagrees: under the review
# threshold, so the cell is queued (a misread or misprint of it or of a neighbour).
CHANGE_DOUBT = 0.4


@dataclass(frozen=True)
class PeriodColumns:
    """The header's points columns by period: the evaluation's (``this``), the earlier ones, the
    change, and target columns; ``labels`` the header as the points matcher should read it."""

    labels: list[str]
    this: int | None = None
    earlier: tuple[int, ...] = ()
    change: int | None = None
    targets: tuple[int, ...] = field(default_factory=tuple)

    @property
    def context(self) -> frozenset[int]:
        """The columns read as context, not points: earlier periods, their change, targets."""
        change = () if self.change is None else (self.change,)
        return frozenset((*self.earlier, *change, *self.targets))


def period_columns(labels: list[str], caption: Callable[[], str] = str) -> PeriodColumns:
    """The header relabelled so the evaluation period's column reads as the self points and every
    other period's, the change's and a target's as nothing the points matcher takes. Unchanged
    unless at least two columns hold self points of different periods (one year column is no
    choice to make, and a table of appraisal and difference, "Tự chấm | Thẩm định | Chênh lệch",
    names no period). The evaluation period is the latest, or the one year the table's caption
    states when a column is of that year ("KẾT QUẢ TỰ ĐÁNH GIÁ NĂM 2023" over "Năm 2023 | 6 tháng
    đầu năm 2024"); ``caption`` is read only when there is a choice to make."""
    folded = [fold(label or "") for label in labels]
    # (a target's label names a year or points: "Kế hoạch" alone may head the evidence column)
    targets = tuple(c for c, f in enumerate(folded) if _TARGET.search(f) and _DATED_OR_POINTS.search(f))
    candidates = [
        label if c not in targets and not _OTHER_POINTS.search(folded[c]) else "" for c, label in enumerate(labels)
    ]
    kinds = period_kinds(candidates)
    if THIS not in kinds.values():  # no year: the rounds of one year's assessment, if any
        kinds = round_kinds(candidates) or kinds
    latest = [c for c, kind in kinds.items() if kind == THIS]
    earlier = tuple(c for c, kind in kinds.items() if kind == EARLIER)
    change = [c for c, kind in kinds.items() if kind == CHANGE]
    if not change:
        # The change's label as OCR leaves a header ("Tăng (Œ), giảm (-)": its "+" read as another
        # sign, no longer the printed wording): beside two periods' points it is their change, read
        # as context, not a points column left unread (seed 20001's S36 scan: its six self scores
        # queued, right, for the "untaken" column).
        change = [c for c, label in enumerate(candidates) if c not in kinds and names_change(label)]
    if len(latest) != 1 or not earlier:
        if not targets:
            return PeriodColumns(list(labels))
        return PeriodColumns([label if c not in targets else "" for c, label in enumerate(labels)], targets=targets)
    this, earlier = _stated_period(candidates, latest[0], earlier, caption())
    blank = set(earlier) | set(change) | set(targets)
    relabelled = [SELF_LABEL if c == this else ("" if c in blank else label) for c, label in enumerate(labels)]
    return PeriodColumns(relabelled, this, earlier, change[0] if len(change) == 1 else None, targets)


def _stated_period(labels: list[str], this: int, earlier: tuple[int, ...], caption: str) -> tuple[int, tuple[int, ...]]:
    """The evaluation column and the others: the caption's one year's column when one of the
    earlier ones is of it (and the latest is not), else as the latest-first choice made them."""
    years = set(_YEAR_IN.findall(fold(caption or "")))
    if len(years) != 1:
        return this, earlier
    stated = [c for c in (this, *earlier) if years <= set(_YEAR_IN.findall(fold(labels[c])))]
    if len(stated) != 1 or stated[0] == this:
        return this, earlier
    return stated[0], tuple(sorted({this, *earlier} - {stated[0]}))


def round_kinds(labels: list[str]) -> dict[int, str]:
    """Column → ``THIS`` for the last of several self-assessment rounds ("Tự chấm lần 1 | Tự chấm
    lần 2 | Chênh lệch"), ``EARLIER`` for the others, ``CHANGE`` for their difference; empty unless
    two rounds of different numbers are printed and each names self-assessed points."""
    rounds: dict[int, int] = {}
    kinds: dict[int, str] = {}
    for c, label in enumerate(labels):
        folded = fold(label or "")
        if (m := _ROUND.search(folded)) and _SELF_WORDS.search(folded):
            rounds[c] = int(m.group(1))
        elif names_earlier(label):
            kinds[c] = CHANGE
    if len(set(rounds.values())) < 2 or list(rounds.values()).count(max(rounds.values())) > 1:
        return {}
    last = max(rounds, key=lambda c: rounds[c])
    return kinds | {c: THIS if c == last else EARLIER for c in rounds}


def keep_periods(table: ScoreTable, joined: JoinedTable, periods: PeriodColumns, code_col: int | None) -> None:
    """Each row's earlier periods' points kept on it as context (``EARLIER_FLAG``), and its change
    checked against them: this period's points less the earlier one's is the printed change. A
    disagreement flags the row (``CHANGE_FLAG``) and doubts its self cell, so it is reviewed rather
    than trusted: on a scan one of the three cells was misread, typed one was misprinted."""
    if periods.this is None or code_col is None:
        return  # (no code column, "1.1. Kế hoạch …" in the name's cell: rows not matched, nothing kept)
    by_code: dict[str, JoinedRow] = {}
    for jrow in joined.rows:
        code = joined.cell_text(jrow, code_col).strip().rstrip(".")
        if code:
            by_code.setdefault(code, jrow)
    header = joined.header_text
    for row in table.rows:
        found = by_code.get((row.code_raw or row.code or "").strip().rstrip("."))
        if found is None:
            continue
        jrow = found
        earlier = [(header[c], joined.cell_text(jrow, c).strip()) for c in periods.earlier]
        row.flags.extend(f"{EARLIER_FLAG}{label}={raw}" for label, raw in earlier if raw)
        if periods.change is None or len(earlier) != 1:
            continue
        disagreement = change_disagreement(
            row.self_points, _figure(earlier[0][1]), joined.cell_text(jrow, periods.change).strip()
        )
        if disagreement is not None:
            row.flags.append(f"{CHANGE_FLAG}{disagreement}")
            if row.self_points is not None:  # a misread (scan) or a misprint (typed): either way, looked at
                row.flags.append(unsure_flag("self_points", CHANGE_DOUBT))


def change_disagreement(this: float | None, earlier: float | None, change_raw: str) -> str | None:
    """A note of how a row's change disagrees with its two periods' points ("2.5 - 1 != +2"), or
    None when it agrees or a figure is blank or unreadable (nothing to check)."""
    change = _signed(change_raw)
    if this is None or earlier is None or change is None:
        return None
    if abs(this - earlier - change) <= CHANGE_TOLERANCE:
        return None
    return f"{this:g} - {earlier:g} != {change_raw}"


def _figure(raw: str) -> float | None:
    parsed = parse_number(raw, kind="score") if raw else None
    return parsed.value if parsed is not None else None


_SIGNED = lazy_compile(r"^\s*(?P<sign>[+\-−–]?)\s*(?P<num>\d+(?:[.,]\d+)?)\s*$")


def _signed(raw: str) -> float | None:
    """A change figure with its sign ("+1", "-0,5", "−0,25", "0"); None when it is none."""
    m = _SIGNED.match(raw or "")
    if m is None:
        return None
    value = _figure(m.group("num"))
    if value is None:
        return None
    return -value if m.group("sign") in ("-", "−", "–") else value
