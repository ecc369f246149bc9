"""Numbers on a score table's line that are not the row's points, told apart by the line and the
rows read so far (the row builder, ``line_rows.RowBuilder``, asks before it takes a line's numbers):

- a lone number ending a name's wrapped lower-case middle, under a row whose points are all read,
  is a speck of the ruling line beside it;
- a plain number opening a line, then a lower-case word, far from the next code in the table's
  numbering (``max_code_step``), is a count wrapped to the line's start, not the STT cell;
- a bare "4.4" right after "4.3" is the next code, not 4.4 points;
- the number after a scale item's label ("Không ban hành: 0") is that item's value, a line of the
  row's scoring scale, and the row's own cells follow it.

OCR dumps keep numbers where cells, rules and wrapped text meet; taken for points, each would shift
a row's cells or open a row that is not there."""

from __future__ import annotations

import regex as re

from extract.segment.line_cells import LineCells
from extract.segment.line_common import LineTableSettings
from extract.segment.line_words import unspecked
from extract.segment.row_draft import RowDraft
from extract.segment.row_openings import whole_name_line
from normalize.codes import CriterionCode, read_code_token, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number


def speck_number(cur: RowDraft | None, cells: LineCells, settings: LineTableSettings, table_points: int) -> bool:
    """A lone number ending a line that goes on with a name's lower-case middle ("pháp luật
    tại tỉnh 5"), under a row whose points are all read: the line is that row's wrapped text
    and the number a speck of the rule beside it (a row of its own would open its name). Cells
    OCR garbled beside that number ("lệ trực thuộc š š 4") are specks of the same rule."""
    if cur is None or cells.code is not None:
        return False
    read = [raw for raw in (cells.max_raw, cells.self_raw, cells.appraised_raw) if raw is not None]
    if sum(1 for raw in read if parse_number(raw, kind="score") is not None) != 1:
        return False
    words = [raw for _, raw in unspecked(cells.name) if re.match(r"\p{L}{2}", raw)]
    if len(read) > 1 and any(w[:1].isupper() for w in words):
        return False  # (beside a garbled cell, a name's capital opens a row: "eat | Ban hanh … ek 0 |")
    if cells.explanation or cells.block_start or cur.n_numbers < 2:
        return False
    first = next((raw for _, raw in unspecked(cells.name) if re.match(r"\p{L}{2}", raw)), "")
    # (a whole criterion name after the STT cell OCR garbled into a small word is a row of its
    # own: "vô Hiện đại hóa hành chính : 1G. ...16")
    return first[:1].islower() and not whole_name_line(cells, settings, table_points)


def code_read_for_first_figure(
    cur: RowDraft | None, cells: LineCells, rows: list[RowDraft], settings: LineTableSettings, table_points: int
) -> bool:
    """A line of figures only (": 10 10 10") under a named row still waiting for its figures, the
    first taken for the STT cell's code: that code can follow no code read so far (after "1",
    "10" reads no next row), and it can be the maximum of the figures after it, which are one
    fewer than the points columns. OCR lost the row's code (a centred row's name printed above
    and below its figures' line), and the line's figures fill its points columns from the first.
    The last code read must be a row's with its figures: a code line of none ("L | ; (See aN")
    may be the waiting row's own code, printed above its name, and the numbering says nothing."""
    code = cells.code or ""
    figures = [raw for raw in (cells.max_raw, cells.self_raw, cells.appraised_raw) if raw is not None]
    if cur is None or not code.isdigit() or cur.n_numbers or not cur.name or cells.text_tokens:
        return False
    coded = next((r for r in reversed(rows) if r.code), None)
    if coded is None or not coded.n_numbers:
        return False
    if len(figures) != table_points - 1 or cells.appraised_raw is not None:
        return False
    top = parse_number(code, kind="score")
    values = [parse_number(raw, kind="score") for raw in figures]
    if top is None or top.value is None or any(v is None or v.value is None or v.value > top.value for v in values):
        return False
    return not continues_codes(code, rows, settings, whole=True)


def count_in_text(cells: LineCells, rows: list[RowDraft], settings: LineTableSettings) -> bool:
    """A number-less line opening with a plain number ("6") then a lower-case word, where
    that number is far from the next code in the table's numbering (after "1.2"): a count
    wrapped to the start of a line, not a code."""
    code = cells.code or ""
    words = [raw for _, raw in cells.text_tokens]
    if not code.isdigit() or not words or not words[0][:1].islower():
        return False
    last = next((read_code_token(r.code) for r in reversed(rows) if r.code), None)
    reading = read_code_token(code)
    if last is None or not last.components or reading is None or not reading.components:
        return False
    cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
    return cost is None or cost > settings.max_code_step


def continues_codes(
    token: str, rows: list[RowDraft], settings: LineTableSettings, step: float | None = None, whole: bool = False
) -> bool:
    """Whether ``token`` read as a code is a step the table's numbering may take after the last
    code read (a code of two levels or more; of any level when ``whole``: a plain "10")."""
    reading = read_code_token(token)
    if reading is None or not reading.components or (len(reading.components) < 2 and not whole):
        return False
    last = next((read_code_token(r.code) for r in reversed(rows) if r.code), None)
    if last is None or not last.components:
        return False
    cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
    return cost is not None and cost <= (settings.max_code_step if step is None else step)


# A scale item's label, whole: a capitalised phrase ending in its colon, past a rule's specks
# ("L : Không ban hành:", "Đạt yêu cầu:").
_SCALE_LABEL = lazy_compile(r"^(?:[^\p{L}\p{N}]*\p{L}\s)?[^\p{L}\p{N}]*(\p{Lu}\S*(?:\s+\S+){1,9}:)$")

_SCALE_TAIL = lazy_compile(r"^[^\p{L}\p{N}]*(?:\p{L}{1,2}\s)?[^\p{L}\p{N}]*(\p{L}\S*(?:\s+\S+){1,9}:)$")


def scale_label_item(cells: LineCells) -> tuple[str, list[str]] | None:
    """(label, numbers) when the text before a line's numbers is, whole, one scale item's label
    and no code opens the line; its first number, right after the colon, is the label's value."""
    if cells.code is not None or cells.split or cells.numbers_by_position:
        return None
    values = [v for v in (cells.max_raw, cells.self_raw, cells.appraised_raw) if v is not None]
    if not values or not cells.name:
        return None
    text = " ".join(raw for _, raw in cells.name)
    # (one figure after a colon ending words of small letters: a wrapped item's last line, "bố
    # trí kinh phí: 0", or an item past a speck word, "lễ Dưới 70% kế hoạch: 0"; a criterion's
    # name never ends in a colon before its points)
    if _SCALE_LABEL.match(text) is None:
        figures = [v for v in values if parse_number(v, kind="score") is not None]
        if figures != values[:1] or not _SCALE_TAIL.match(text):
            return None
        values = figures  # (a letter after it is a speck: "kế hoạch: 0: J Si")
    return " ".join(text for text, _ in cells.name).split(":")[0].strip(" .|:-") + ":", values


def code_read_for_max(
    cur: RowDraft | None, cells: LineCells, rows: list[RowDraft], settings: LineTableSettings
) -> bool:
    """A line "11 10,5 h" under a named row still waiting for its figures: the plain number
    taken for the STT cell's code can follow no code read so far (after "2", "11" reads 1.1), and
    the points figure beside it is within it, nothing but specks after them: OCR lost the row's
    code, and the two are its maximum and its score. Only the numbering tells them apart."""
    code = cells.code or ""
    if cur is None or not code.isdigit() or cells.has_numbers or cur.n_numbers or not cur.name:
        return False
    words = [raw for _, raw in cells.text_tokens]
    if not words or any(len(w) > 2 or any(ch.isdigit() for ch in w) for w in words[1:]):
        return False
    top, score = parse_number(code, kind="score"), parse_number(words[0], kind="score")
    if top is None or score is None or top.value is None or score.value is None or not 0 <= score.value <= top.value:
        return False
    reading = read_code_token(code)
    last = next((read_code_token(r.code) for r in reversed(rows) if r.code and r is not cur), None)
    if reading is None or not reading.components or last is None or not last.components:
        return False
    cost = transition_cost(CriterionCode(0, last.components), CriterionCode(0, reading.components))
    return cost is None or cost > settings.max_code_step
