"""Points columns printed after an explanation column: "STT | name | Điểm chuẩn | Thuyết minh | Điểm
tự chấm | Tài liệu kiểm chứng". A text dump prints each row's cells left to right on its first line,
"10 Thực hiện đầy đủ, 10 Công văn số 199/CV-…": the figures of the columns before the explanation
open the run the line reader takes, and the figure of a column after it stands past the
explanation's words, where the reader took it for the explanation's text and left the column
blank (seed 15001's N58 dump: every self score but the first row's, whose explanation was blank).

The header says so: one header line names a points column (its label's opening word, "Điểm",
"Thang", as OCR keeps it over a garbled rest), then the explanation ("Giải trình", "Thuyết minh"),
then another points column. The figure is then the first points figure among the explanation's
words that is no document's number ("số 232/TB-", a date, a per cent) and no more than the row's
maximum read before it (a bare figure after "số" is the score: the explanation's "Quyết định số"
wrapped its number onto the next line).
"""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.line_common import JUNK, points_cell
from normalize.numbers import parse_number


@dataclass(frozen=True)
class BetweenSettings:
    """Knobs of the figure read past an explanation."""

    # Characters a token printing a reference, date or share carries ("12/KH", "83%"): not a cell.
    reference_marks: str = "/%-"


def figure_past_explanation(
    tokens: list[tuple[str, str]], maximum: str | None, settings: BetweenSettings = BetweenSettings()
) -> int | None:
    """The index among the explanation's ``tokens`` (those after the run the reader took) of the
    points figure of the column printed after the explanation: the first bare points figure past
    at least one word of text, no more than ``maximum`` when it was read. None
    when no token is such a figure."""
    top = parse_number(maximum, kind="score") if maximum else None
    worded = False
    for k, (_, raw) in enumerate(tokens):
        if JUNK.match(raw):
            continue
        figure = points_cell(raw)
        if figure is None or any(mark in raw for mark in settings.reference_marks):
            worded = worded or any(ch.isalpha() for ch in raw)
            continue
        if not worded:
            return None  # (a figure first is the run's own)
        if k + 1 < len(tokens) and tokens[k + 1][1][:1] in settings.reference_marks:
            return None  # (a document's number OCR split from its sign: "12 /KH-UBND")
        value = parse_number(figure, kind="score")
        if value is None or (top is not None and value.value > top.value):
            return None
        return k
    return None


def figure_before_explanation(
    tokens: list[tuple[str, str]], first: int, last: int, settings: BetweenSettings = BetweenSettings()
) -> int | None:
    """Where the run of the columns before the explanation truly stands when the line reader took
    the figure printed past the explanation for it ("… thực hiện 10 Thủ hiện đầy đủ, 10 Công văn …",
    its run the second 10): the index of a points figure before ``first`` whose figure past the
    explanation (``figure_past_explanation``) is the run's, no more than it. None when the run
    is its own: a figure past the explanation follows it, or none before it reads so."""
    if first == 0 or first >= len(tokens) or figure_past_explanation(tokens[last:], tokens[first][1]) is not None:
        return None
    for k in range(first - 1, 0, -1):
        raw = tokens[k][1]
        if JUNK.match(raw) or points_cell(raw) is None or any(mark in raw for mark in settings.reference_marks):
            continue
        if figure_past_explanation(tokens[k + 1 : last], raw, settings) == first - k - 1:
            return k
        return None  # (the nearest figure before the run is not its column: the run stands)
    return None
