"""The periods' points of a score table read from lines (an OCR dump, an OCR'd page): the line
reader knows a self points column and an appraised one, so a table printing two years' self
points side by side ("Điểm tự đánh giá năm 2024 | Điểm tự đánh giá năm 2023 | So sánh") comes out
with last year's (or this year's) points as the appraisal and the change figure at the head of
the note. The header's years put them right (``period_points`` does it for grids by their labels)."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.appraised_column import header_runs, hint_below_self
from extract.segment.line_common import line_tokens
from extract.segment.line_header import appraised_hints, header_share
from extract.segment.period_points import CHANGE_DOUBT, CHANGE_FLAG, EARLIER_FLAG, change_disagreement
from extract.segment.score_tables import LINES
from extract.segment.table_end import is_total_label, label_figures
from extract.segment.unread_rows import LINE_METHODS
from extract.segment.unread_settings import UnreadSettings
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import ExtractionResult, ScoreRow, unsure_flag

# A year in a header line ("2024", "năm 2023", OCR's "2U024" is no year: the order is then unknown).
_YEAR = lazy_compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
# "năm" before a year, and a word of two letters or more: what a years line holds besides its years.
_NAM = lazy_compile(r"(?<![a-z])nam(?![a-z])")
_LETTERED = lazy_compile(r"[a-z]{2,}")
# A line printing two years is the period columns' labels when at least this share of its other
# words are header words ("Điểm tự đánh giá"), or it has none.
_YEARS_LINE_SHARE = 0.6
# Lines under a table's last row its totals line may stand on (a wrapped name's lines between).
_TOTAL_LINES = 3
# A header's first line: at least this share of its words header words (a title's or lead-in's
# above it print fewer).
_HEADER_START_SHARE = 0.4
# A sentence's stop inside a line: a word or a figure, a full stop, then a capitalised word ("năm
# 2014. Kết quả …"): a lead-in's prose, which header labels never print (OCR's specks after a label,
# "|." or "x. định", are followed by no capital).
_STOP = lazy_compile(r"\w\.\s+(\w)")
# Words (two letters or more) a sentence prints on each side of its stop: a lead-in runs on, where a
# speck after a label's year ("năm 2023. Năm 2024") leaves a word or two.
_SENTENCE_WORDS = 3
# A sentence leading into the table: it closes on "như sau" / "sau đây" or a word and a colon ("… năm
# 2024. Kết quả tự đánh giá, chấm điểm năm 2023 như sau:"); column labels never do, whatever years it
# prints (OCR's specks after a label's year, "2023 : :", close on no word).
_LEAD_IN = lazy_compile(r"(?:(?<![a-z])(?:nhu sau|sau day)\W*|[a-z]{2}\s*:\s*)$")
# The words of an appraisal label: a header naming one has a true appraised column, no second period.
_APPRAISAL = lazy_compile(r"(?<![a-z])(?:tham dinh|noi vu|phong)(?![a-z])")
# A signed change figure opening a row's note ("-4,5 Chưa đầy đủ …"): the change column's cell,
# read into the note because the line reader knows no such column (a speck OCR put after it goes too).
_CHANGE_OPENING = lazy_compile(r"^\s*(?P<fig>[+\-−–]\s*\d+(?:[.,]\d+)?|0)[_|:;]*(?=\s|$)\s*")
# The flag of a row of a two-period table with its self points but no earlier period's beside them.
FLAG_CELL_LOST = "earlier_cell_lost"
# Flags of the appraised cell that go with it when it turns out to be a period's points.
_APPRAISED_FLAGS = ("missing_appraised", "unsure_appraised_points:")


def header_years(lines: list[Line]) -> list[int]:
    """The years of a table's period columns in the order printed, from the first header line
    printing two different years and otherwise only header words ("năm 2024 | năm 2023", "Điểm
    tự đánh giá năm 2023 | Điểm tự đánh giá năm 2024", OCR's specks between them); empty when no
    such line. A sentence leading into the table ("… năm 2024 … Kế hoạch năm 2025", one closing on
    "như sau:" or a colon, or one whose stop shows it: ``_lead_in``) is no such line."""
    for line in lines:
        text = line.raw or line.text
        years = [int(y) for y in _YEAR.findall(text)]
        if len(set(years)) < 2:
            continue
        if _lead_in(text):
            continue
        words = _YEAR.sub(" ", _NAM.sub(" ", fold(text)))
        if not _LETTERED.search(words) or header_share(words) >= _YEARS_LINE_SHARE:
            return list(dict.fromkeys(years))
    return []


def _lead_in(text: str) -> bool:
    """Whether a line is a lead-in's prose, not a header's years: it closes as a sentence leading
    into a table does (``_LEAD_IN``), or holds a sentence's end before more words ("… năm 2014.
    Kết quả tự đánh giá, chấm điểm năm 2013 như sau:", seed 16001's D05 dump, whose header words
    made it look like labels)."""
    if _LEAD_IN.search(fold(text).strip()):
        return True
    for m in _STOP.finditer(text):
        before, after = fold(text[: m.start() + 1]), fold(text[m.start(1) :])
        words = (len(_LETTERED.findall(before)), len(_LETTERED.findall(after)))
        if m.group(1).isupper() and min(words) >= _SENTENCE_WORDS:
            return True
    return False


def past_lead_in(run: list[Line]) -> list[Line]:
    """A header run's lines after the sentence leading into the table ("… UBND xã Xuân Phong báo
    cáo kết quả" over "tự đánh giá, chấm điểm như sau:"): the prose above a header names a
    commune or an office ("Phong", "Phòng Nội vụ") that no column label of it does."""
    last = max((k for k, line in enumerate(run) if _lead_in(line.raw or line.text)), default=-1)
    return run[last + 1 :]


def names_appraisal(lines: list[Line], settings: UnreadSettings = UnreadSettings()) -> bool:
    """Whether header lines name an appraisal: its label on one line ("Điểm thẩm định"), or
    pieces of it a wrapped header printed on lines of their own ("Điểm | thậm" over "chấm đỉnh",
    ``appraised_hints``), or the label's last word printed beside or below the self points' label
    with no figure between (``hint_below_self``: "Điểm | UBND | mặm" over "tối đa xã tự" over
    "x. định", the stacked header's "thẩm định" garbled but for "định"): such a third points column
    is the appraised one, whatever years a lead-in sentence above the header prints ("… năm 2024.
    Kết quả tự đánh giá năm 2023 như sau:"); a second period's label prints a year there, no
    "định". Not ``appraised_column``'s test of a lost appraised column: its three points labels on
    one line ("Điểm | Điểm tự | Điểm tự") are also a two-period header's."""
    if any(_APPRAISAL.search(fold(ln.raw or ln.text)) for ln in lines):
        return True
    return len(appraised_hints(lines)) >= settings.appraised_label_pieces or hint_below_self(lines)


def periods_on_lines(doc: IngestedDocument, result: ExtractionResult) -> None:
    """A score table read from lines (an OCR dump, an OCR'd page) reads a second period's points
    column as the appraised one (three points labels: "Điểm | Điểm tự | Điểm tự"). When its
    header prints two years and names no appraisal, the two points are two periods': the later
    year's (``header_years`` gives their order) is the self points, the other kept as context
    (``EARLIER_FLAG``), the appraised cell emptied; the signed figure opening a row's note is the
    change column's cell, taken out of the note and checked (``CHANGE_FLAG``)."""
    pages = {p.number: p for p in doc.pages if p.method in LINE_METHODS}
    for table in result.score_tables:
        if table.read_from != LINES or not any(r.appraised_points is not None for r in table.rows):
            continue
        lines = [ln for run in header_runs(table, pages) for ln in past_lead_in(run)]
        if names_appraisal(lines):
            continue  # "Điểm thẩm định": a true appraisal, no second period
        years = header_years(lines) or years_apart(lines)
        if len(years) != 2:
            continue
        later_second = _later_second(table.rows, years)
        label = f"năm {min(years)}"
        for row in table.rows:  # (the header prints the earlier column: a row without it lost it)
            _doubt_shifted(row, _periods_of_row(row, later_second, label))
        if later_second:  # the total line's second figure is the earlier year's: this year's is its third
            table.stated_total_self = _later_total(table.rows, pages)


def years_apart(lines: list[Line]) -> list[int]:
    """The two years of a header whose labels wrapped them onto lines of their own ("2012 nam" over
    "2013", "2023 xã tự giảm" … "2024"), in reading order from the header's first line (the first
    holding mostly header words) on; empty unless exactly two years are printed there."""
    start = next((k for k, ln in enumerate(lines) if header_share(ln.raw or ln.text) >= _HEADER_START_SHARE), None)
    if start is None:
        return []
    years = [int(y) for ln in lines[start:] for y in _YEAR.findall(ln.raw or ln.text)]
    distinct = list(dict.fromkeys(years))
    return distinct if len(distinct) == 2 else []


def _later_second(rows: list[ScoreRow], years: list[int]) -> bool:
    """Whether the second period column is the later year's: the rows' change figures say it where
    they print one (this year less last year: "7,5 9,75 +2,25" is the later second), outvoting the
    years' order, which a wrapped header prints on lines of their own (``years_apart``) in no sure
    order; the years' order where no row's change tells."""
    votes = sum(_change_vote(row) for row in rows)
    return votes > 0 if votes else years[1] > years[0]


def _change_vote(row: ScoreRow) -> int:
    """+1 when the row's change figure is its appraised-place figure less its self-place one, -1
    when the reverse, 0 when it prints none or both or neither agree."""
    m = _CHANGE_OPENING.match(row.explanation or "")
    if m is None or row.self_points is None or row.appraised_points is None:
        return 0
    figure = m.group("fig").replace(" ", "")
    second = change_disagreement(row.appraised_points, row.self_points, figure) is None
    first = change_disagreement(row.self_points, row.appraised_points, figure) is None
    return int(second) - int(first)


def _later_total(rows: list[ScoreRow], pages: dict[int, Page]) -> float | None:
    """The later period's total from the totals line under the last row ("Tổng cộng 10 8,5 9,75 |
    +1,25": the maximum's, the earlier year's, the later year's, the change's): its third unsigned
    figure, None when the line prints fewer or stands past ``_TOTAL_LINES`` lines below the row."""
    figures = total_line_figures(rows, pages)
    return figures[2] if figures is not None and len(figures) >= 3 else None


def total_line_figures(rows: list[ScoreRow], pages: dict[int, Page]) -> list[float] | None:
    """The unsigned figures of the totals line under a line-read table's last row, in order (its
    label's own figures left out); None when no such line stands within ``_TOTAL_LINES`` below it."""
    last = rows[-1].source if rows else None
    end = last.line_end or last.line_start if last is not None else None
    page = pages.get(last.page) if last is not None and last.page is not None else None
    if page is None or end is None:
        return None
    for line in page.lines:
        if not end < line.number <= end + _TOTAL_LINES or not is_total_label(fold(line.raw or line.text)):
            continue
        raws = [raw for _, raw in line_tokens(line)]
        inside = set(label_figures(raws))
        return [
            parsed.value
            for k, raw in enumerate(raws)
            if k not in inside and raw[:1] not in "+-−–" and (parsed := parse_number(raw, kind="score")) is not None
        ]
    return None


def _doubt_shifted(row: ScoreRow, earlier_raw: str | None) -> None:
    """A row printing its self points but no earlier period's beside them, or a signed figure in
    that place ("+1": the change), lost a cell to OCR in a table whose rows print both: its
    figures may have moved along by one, the self points holding last year's. Doubted, as a row
    that lost its appraised cell is (``missing_appraised``), so it is looked at."""
    if row.self_points is None or any(f.startswith("unsure_self_points:") for f in row.flags):
        return
    if earlier_raw is None or _CHANGE_OPENING.fullmatch(earlier_raw.strip()) and earlier_raw.strip()[0] in "+-−–":
        row.flags += [FLAG_CELL_LOST, unsure_flag("self_points", CHANGE_DOUBT)]


def appraised_into_self(row: ScoreRow) -> None:
    """The appraised cell read as the self points (its value, other readings and flags), the self
    cell's own readings and flags dropped; the appraised cell itself is the caller's to empty."""
    row.self_points, row.self_points_raw = row.appraised_points, row.appraised_points_raw
    readings = row.alternatives.pop("appraised_points", None)
    row.alternatives.pop("self_points", None)
    if readings:
        row.alternatives["self_points"] = readings
    row.flags = [
        f.replace("missing_appraised", "missing_self").replace("unsure_appraised_points:", "unsure_self_points:")
        if f.startswith(_APPRAISED_FLAGS)
        else ("" if f == "missing_self" or f.startswith("unsure_self_points:") else f)
        for f in row.flags
    ]
    row.flags = [f for f in row.flags if f]


def _periods_of_row(row: ScoreRow, later_second: bool, label: str) -> str | None:
    """One row's two periods put right: the later one's points (and their flags and other
    readings) in the self cell, the earlier one's kept as a flag, the change checked. The earlier
    period's cell as read, None when the row has none."""
    if later_second:
        earlier, earlier_raw = row.self_points, row.self_points_raw
        appraised_into_self(row)
    else:
        earlier, earlier_raw = row.appraised_points, row.appraised_points_raw
        row.flags = [f for f in row.flags if not f.startswith(_APPRAISED_FLAGS)]
        row.alternatives.pop("appraised_points", None)
    row.appraised_points, row.appraised_points_raw = None, None
    shown = None if earlier is None else (earlier_raw or f"{earlier:g}")
    if shown is not None:
        row.flags.append(f"{EARLIER_FLAG}{label}={shown}")
    m = _CHANGE_OPENING.match(row.explanation or "")
    if m is None:
        return shown
    row.explanation = row.explanation[m.end() :]
    disagreement = change_disagreement(row.self_points, earlier, m.group("fig").replace(" ", ""))
    if disagreement is not None:
        row.flags.append(f"{CHANGE_FLAG}{disagreement}")
        if row.self_points is not None and not any(f.startswith("unsure_self_points:") for f in row.flags):
            row.flags.append(unsure_flag("self_points", CHANGE_DOUBT))
    return shown
