"""What a cell's printed form says of the value read from it: a clean number of its kind or not,
a decimal mark other than its table's, a figure OCR damaged ("07,5 %", "4l"), a decimal mark we
inserted into bare digits, a row whose other cells printed no clean number, and a scoring scale's
label whose figure the points cells took. Pure functions over a row's raw text; ``confidence``
weighs them."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.numbers import points_figure
from normalize.points_scale import points_scale
from normalize.text import fold_words
from schemas.records import SCALE_FIGURE_FLAG, ScoreRow

# Bare digits, no decimal mark ("05", "175"): a points cell whose mark OCR lost.
_BARE_DIGITS = lazy_compile(r"\d{1,3}")
# A decimal figure and its mark ("9,5", "2.20"): the mark a table writes is its figures' own.
DECIMAL_MARK = lazy_compile(r"\d{1,3}([.,])\d{1,2}")
# A clean number of each kind of table: points ("9,5"), statistics ("1.234", "78,94 %").
CLEAN_NUMBER = {
    "score": lazy_compile(r"\d{1,3}(?:[.,]\d{1,2})?"),
    "stat": lazy_compile(r"-?\d{1,3}(?:[.,\s]\d{3})*(?:[.,]\d{1,4})?\s*%?|-?\d+(?:[.,]\d{1,4})?\s*%?"),
}


def printed_figure(raw: str | None) -> str:
    """The figure a points cell prints: a maximum printed as its scale ("0 - 2", "Tối đa: 2 Không
    đạt: 0", ``normalize.points_scale``) prints its top, its words and 0 being the scale's printed
    form (typed so, no letters OCR made of digits); a verdict with its points ("Đạt (2,5)",
    "Không đạt (0)") or a figure with its unit ("1,5 điểm") prints that figure, the words being the
    commune's (``points_figure``; seed 11161's S23 scan: 14 scores and maxima beside such cells,
    all right, queued at 0.76 as malformed or garbled); any other cell prints its text."""
    text = (raw or "").strip()
    scale = points_scale(text)
    return scale.top if scale else points_figure(text)


def malformed(raw: str, kind: str, mark: str = "") -> bool:
    """Whether a cell's text is not a clean number of its kind, or writes a decimal mark other
    than its table's (``mark``)."""
    if CLEAN_NUMBER[kind].fullmatch(raw) is None:
        return True
    m = DECIMAL_MARK.fullmatch(raw)
    return bool(mark and m and m.group(1) != mark)


# A figure's printed form no writer types: a leading zero before another digit of a figure with
# decimals or a percent sign ("00,72", "07,5 %"; a count may be printed "07"), or a digit glued to a
# letter ("4l", "l5").
_DAMAGED_FIGURE = lazy_compile(r"^\s*-?0\d[\d.,\s]*(?:[.,]\d|%)|\d\p{L}|\p{L}\d")


def damaged_figure(raw: str | None) -> bool:
    """Whether a statistics figure's text is a form OCR damaged (``_DAMAGED_FIGURE``): the value
    read from it is one reading of digits OCR spoilt, not the page's figure for sure."""
    return bool(raw and _DAMAGED_FIGURE.search(raw))


def mark_inserted(raw: str, value: float | None, kind: str) -> bool:
    """Whether a points value is a reading we made of digits printed without their decimal mark
    ("05" read 0,5; "175" read 1,75): the only reading under the row's maximum is still a reading
    of a cell OCR damaged (it lost the comma, and may have lost a digit with it: "0,75" printed
    "05"), not the page's figure. A scan's 0,75 read so passed at 0.92 beside a sum that failed
    and blamed another row."""
    if kind != "score" or value is None or not _BARE_DIGITS.fullmatch(raw):
        return False
    return abs(float(raw) - value) > 1e-9


def garbled_beside(row: ScoreRow, f: str) -> bool:
    """Whether another points cell of the row printed characters that are not a clean number (the
    row's line spoilt by OCR around its figures; a set's maximum may stand in that cell now)."""
    clean = CLEAN_NUMBER["score"]
    for other in ("max_points", "self_points", "appraised_points"):
        raw = printed_figure(getattr(row, f"{other}_raw", None))
        if other != f and raw and clean.fullmatch(raw) is None:
            return True
    return False


# A scoring scale's label whose figure is not beside it in the row's text ("Ban hành kịp thời:
# Báo cáo số …"): the line's first figure was the scale's, and the reader took it for a cell.
_ROBBED_SCALE = lazy_compile(r"\p{L}\s*:(?!\s*\d)")


def scale_robbed(row: ScoreRow) -> bool:
    """Whether a row's text holds a scale label whose figure the points cells took: its maximum
    and a score equal to it may then be the scale's figure and the maximum (a layout printing the
    scale before the points, its self score lost), not full marks."""
    return any(_ROBBED_SCALE.search(text or "") for text in (row.name, row.explanation, *row.scale))


# A scale label ending the text read before a row's figures, its own figure not beside it: the
# colon ends the text or a new phrase follows ("… Đạt yêu cầu:", "… kế hoạch: Tỷ lệ đạt"); a
# colon OCR made of a speck inside a sentence runs on in lower case ("rõ ràng, cụ: thể").
_LABEL_BEFORE_FIGURES = lazy_compile(r"\p{L}\s*:\s*(?:$|(?=\p{Lu}))")


def scale_figure_taken(row: ScoreRow) -> bool:
    """Whether the text a row's line printed before its figures (``name_raw``, kept when the
    criteria set gives the name) ends a scale label whose figure is not there: the line's first
    figure was the scale's ("Đạt yêu cầu: 1 | 1 | 1,25" read max 1, self 1, the self score lost),
    so the scores' columns are a guess and two equal figures agree on nothing. A colon after a
    single word (OCR's specks before the name, "ALA: Ban hành …") or closing the criterion's own
    wording ("… báo cáo năm:", a bracket OCR read as a colon) labels no scale."""
    if SCALE_FIGURE_FLAG in row.flags:
        return True  # the segmenter saw the scale item's points open the figures' run
    text = row.name_raw or ""
    own_end = fold_words(row.name).split()[-2:]
    for m in _LABEL_BEFORE_FIGURES.finditer(text):
        label = fold_words(text[: m.start() + 1]).split()
        if len(label) >= 2 and label[-2:] != own_end:
            return True
    return False


def score_beside_zero(row: ScoreRow, f: str) -> bool:
    """Whether ``f`` is a row's self or appraised score above 0 whose other score was read 0: a
    commune and its appraisers seldom part that far (the truths of seed 581's and 623's dumps: 1
    row of 201), so one of the two figures is misread, and OCR makes a "1" of a bar or a speck
    as readily as a "0" of a figure's lost strokes (the segmenter doubts the 0: ``doubted_score``)."""
    scores = {"self_points": row.self_points, "appraised_points": row.appraised_points}
    if f not in scores:
        return False
    other = scores["appraised_points" if f == "self_points" else "self_points"]
    value = scores[f]
    return value is not None and other is not None and value > 0 and other == 0


def score_far_under(row: ScoreRow, f: str, share: float = 0.5) -> bool:
    """Whether ``f`` is a row's self or appraised score under ``share`` of its other score: the
    commune and its appraisers part that far as seldom as to 0 (``score_beside_zero``), and the
    smaller figure is the one OCR spoilt, a digit or a mark lost ("1" for 10, "2" for 15,5). Spent
    seeds 20001 and 19001's dumps: 13 such scores, 10 wrong (3 at 0.92–0.97, silent), the 3 right
    ones queued for doubts of their own; 285 scores within that share, 13 wrong."""
    scores = {"self_points": row.self_points, "appraised_points": row.appraised_points}
    if f not in scores:
        return False
    other = scores["appraised_points" if f == "self_points" else "self_points"]
    value = scores[f]
    return value is not None and other is not None and value < other * share


def max_lost_mark(row: ScoreRow, fractions: tuple[float, ...] = (0.0, 0.5), tolerance: float = 0.011) -> bool:
    """Whether a row's maximum, read from bare digits ("25"), is ten times a self score beside it
    or more while those digits with a mark put back after the first ("2,5") make a maximum (whole
    or a half) the score fits under: OCR lost the maximum's comma. A commune scoring a tenth of a
    criterion's points is rare; a comma lost is OCR's commonest slip (seed 11161's dumps: three
    maxima "25", "25", "15" beside scores 2,5, 1,75 and 1,5, at 0.92 out of the queue, no set
    recognised to dispute them)."""
    raw = (row.max_points_raw or "").strip()
    value, score = row.max_points, row.self_points
    if value is None or score is None or score <= 0 or not _BARE_DIGITS.fullmatch(raw) or len(raw) < 2:
        return False
    reading = float(f"{raw[0]}.{raw[1:]}")
    in_fractions = any(abs(reading % 1 - f) < tolerance for f in fractions)
    return value >= 10 * score - tolerance and in_fractions and score <= reading + tolerance


def encloses_row(rows: list[ScoreRow], i: int) -> bool:
    """Whether another row of the table starts inside row ``i``'s lines, strictly (a row recovered
    from its name, found within the lines read for row ``i``: ``set_rows``; a line the two share
    at an edge is a name wrapped past its figures): the figures read for row ``i`` after that
    name may be the other row's (a dump printing each cell on its own line: 1.2.1 took "0,5",
    printed under 1.2.2's name, for its self score)."""
    row = rows[i].source
    if row.line_start is None or row.line_end is None:
        return False
    return any(
        k != i
        and other.source.page == row.page
        and other.source.line_start is not None
        and row.line_start < other.source.line_start < row.line_end
        for k, other in enumerate(rows)
    )
