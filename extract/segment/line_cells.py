"""One printed line of a score table read into cells (code, name text, max, self, appraised,
explanation): from the words' x-positions when the OCR gave boxes, from the token pattern
otherwise ("name words … 1 0,5 … explanation words"). Where the run of points numbers sits on a
line read by its pattern, and which tokens are points cells OCR garbled, is ``line_points``."""

from __future__ import annotations

from dataclasses import dataclass, field

import regex as re

from extract.model import Line
from extract.segment.count_column import without_count
from extract.segment.evidence_lead import lead_code_at
from extract.segment.explanation_between import figure_before_explanation, figure_past_explanation
from extract.segment.figures_first import figures_opening
from extract.segment.line_code_words import without_code_word
from extract.segment.line_common import (
    BAR,
    CELL_SPECKS,
    JUNK,
    LineTableSettings,
    bracket_glued,
    glued_digits,
    is_points_reading,
    is_score_token,
    line_tokens,
    points_cell,
)
from extract.segment.line_common_fractions import joined_fractions
from extract.segment.line_fractions import fraction_at
from extract.segment.line_header import (
    HeaderLayout,
    column_at,
)
from extract.segment.line_not_scored import not_scored_cells
from extract.segment.line_points import (
    _lost_run,
    _number_run,
    garbled_cell as garbled_cell,
    is_syllable_run as is_syllable_run,
)
from extract.segment.line_scale import scale_tops
from extract.segment.line_split import opens_explanation
from extract.segment.line_unmarked import unmarked_split_cells
from extract.segment.line_verdicts import verdicts_as_figures
from extract.segment.scale_lines import closes_scale_item
from extract.segment.stt_cell import CODE_NOISE, code_head, ruled_code_head
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings, parse_number, points_figure
from normalize.text import fold


@dataclass
class LineCells:
    """One printed line read into table cells."""

    line: Line
    code: str | None = None
    name: list[tuple[str, str]] = field(default_factory=list)  # (repaired, raw) tokens
    max_raw: str | None = None
    self_raw: str | None = None
    appraised_raw: str | None = None  # only from positions: the token pattern cannot tell it apart
    explanation: list[tuple[str, str]] = field(default_factory=list)
    numbers_by_position: bool = False  # max/self known from their columns, not from order
    name_end: int = 0  # characters before the numbers (where the name column ends)
    # The name tokens hold the explanation's too (it prints before the points): to be split.
    split: bool = False
    # The text part to be split into name and explanation, with the ruling bars OCR read kept:
    # a bar between two words is where one column ends.
    split_tokens: list[tuple[str, str]] = field(default_factory=list)
    bare: str | None = None  # the line is one code-or-number token
    block_start: bool = False  # a blank line (or the page top) above it
    # The run filled every points column and a points number follows it ("… gt 42 10 9 9"): the
    # cells one number later, a reading the row keeps for the criteria set's maximum to choose
    # (the run's first number may be the name's: a garbled word, "rõ" read "r6").
    later_raws: tuple[str, ...] = ()
    # The later reading is the run's figures with a decimal OCR split in two joined ("14. 5 0 0":
    # 14,5, 0, 0), not the cells one number later.
    split_decimal: bool = False
    # Points cells ("max", "self", "appraised") whose figure a bracket stood against ("10 [ 6 |
    # 10", "[6"): a mark OCR inserted or made of the figure's own ink, so the figure may be damaged.
    specked: tuple[str, ...] = ()
    # The line opens with the row's figures where a code would stand, its code lost ("1 0,25 |
    # Công văn số"): a name printed as a block above them is the row's (``figures_first``).
    figures_first: bool = False
    # The run of figures opens with a bulleted scale item's points ("+ Đủ số lượng …: 1 PT 1"), too
    # few figures after them to pass them by (``line_points._labelled_value``): the scale's figure
    # read as the maximum, the figures after it one column right of their own, or in the place of
    # a lost maximum: which figure is which cell is a guess (``SCALE_FIGURE_FLAG``).
    scale_figure: bool = False

    @property
    def has_numbers(self) -> bool:
        return self.max_raw is not None or self.self_raw is not None or self.appraised_raw is not None

    @property
    def text_tokens(self) -> list[tuple[str, str]]:
        return self.name + self.explanation


def read_line(line: Line, block_start: bool, layout: HeaderLayout = HeaderLayout()) -> LineCells:
    """Cells of a line with no positions, from its token pattern and the header's layout: the
    run of points tokens fills the points columns in print order; the text before it is the
    name's (and, when the explanation prints before the points, the explanation's: ``split``
    then says the builder must split it), the text after it the explanation's."""
    cells = LineCells(line=line, block_start=block_start)
    tokens = line_tokens(line)
    start = 0
    while start < len(tokens) and JUNK.match(tokens[start][1]):
        start += 1
    tokens = tokens[start:]
    if not tokens:
        return cells
    if len(tokens) == 1 and (is_score_token(tokens[0][1]) or read_code_token(tokens[0][1])):
        cells.bare = tokens[0][1]
        return cells
    tokens = verdicts_as_figures(without_code_word(_comma_split_joined(_after_speck_letter(_after_speck_cell(tokens)))))
    tokens = scale_tops(_without_points_units(tokens))
    if layout.common_fractions:
        tokens = joined_fractions(tokens, len(layout.points))  # "14 1/2", "91/2": one figure each
    head = ruled_code_head(tokens)  # rule stubs OCR glues to the STT cell ("1.3__|", "2.2]", "-71 |")
    lead = lead_code_at(tokens) if layout.evidence_leads and read_code_token(head) is None else None
    evidence = [t for t in tokens[:lead] if not JUNK.match(t[1])] if lead is not None else []
    if lead is not None:
        # (the evidence's words before the code, "Chưa đầy đủ tài liệu 1.1.1 | Ban hành …": the row's)
        tokens = tokens[lead:]
        head = code_head(tokens[0][1])
    if (
        head
        and read_code_token(head) is not None
        and len(tokens) > 1
        and not _enumerates(tokens)
        and not _speck_code(tokens)
    ):
        cells.code = head
        tokens = tokens[1:]
        opening = figures_opening(head, tokens)
        if opening is not None:
            # (the row's figures opening the line under its name, its code lost: "1 0,25 | Công văn")
            cells.code, cells.figures_first = None, True
            cells.max_raw, cells.self_raw, explanation = opening
            # (the score is doubted: OCR damaged the line's opening, its STT cell lost, and nothing
            # but the order of two bare figures says which cell each is)
            cells.specked = ("self",)
            cells.explanation = [t for t in explanation if not JUNK.match(t[1])]
            return cells
    fraction = fraction_at(tokens) if layout.fractions else None
    if fraction is not None:
        # (a fraction table's points are its fraction, a figure of the name before it is the name's)
        at, scored, top = fraction
        cells.self_raw, cells.max_raw = scored or None, top or None
        cells.name = [t for t in tokens[:at] if not JUNK.match(t[1])]
        cells.explanation = [t for t in tokens[at + 1 :] if not JUNK.match(t[1])]
        cells.name_end = len(" ".join(t[1] for t in tokens[:at]))
        return cells
    counted = layout.count_at is not None
    run = _number_run(tokens, len(layout.points) + counted, coded=cells.code is not None)
    said = not_scored_cells(tokens) if len(layout.points) > 1 else None
    if said is not None and (run is None or run[0] >= said.figure):
        # (the self cell's words say it was not scored, "10 KCĐ | Không áp dụng": a reading)
        run = (said.figure, said.end, [tokens[said.figure][1], *([said.words] if said.words else [])])
    if run is None and cells.code is not None:
        run = _lost_run(tokens, len(layout.points))
    if run is None:
        cells.name = [t for t in tokens if not JUNK.match(t[1])]
        cells.split_tokens = _with_bars(tokens)
        return cells
    first, last, numbers = run
    numbers = without_count(numbers, layout.count_at, len(layout.points))
    keys = _columns_of(numbers, layout.points)
    for key, raw in zip(keys, numbers):
        setattr(cells, f"{key}_raw", raw)
    specked = _bracketed_figures(tokens[first:last])
    if len(specked) == len(numbers):
        # (a figure equal to another of its row's is no figure OCR damaged: "[10 | 10 | 10")
        figures = [points_cell(raw, beside_points=True) or raw for raw in numbers]
        cells.specked = tuple(
            key for key, hit, figure in zip(keys, specked, figures) if hit and figures.count(figure) == 1
        )
    if _figure_before(tokens, first):
        # (a points figure stands before the run, a garbled cell between: "… xã 3 nnl 5 1": the line
        # printed more cells than its columns, and which figures are the row's is a guess)
        cells.specked = tuple(dict.fromkeys((*cells.specked, *keys)))
    cells.scale_figure = _opens_with_scale_value(tokens, first)
    cells.later_raws = _later_cells(tokens, last, numbers, len(layout.points))
    joined = _split_decimal_cells(tokens, first, len(layout.points))
    if joined:
        cells.later_raws, cells.split_decimal = joined, True
    forced = unmarked_split_cells(tokens, first, layout.points)
    if forced:
        # (the figures apart put a score above its own row's maximum: no reading; joined, they hold)
        for key, raw in zip(layout.points, forced):
            setattr(cells, f"{key}_raw", raw)
        cells.later_raws, cells.split_decimal = (), False
        last = _past_figure(tokens, last)  # (the pair's second figure is the row's, no explanation)
    _drop_bracketed_over_max(cells, tokens[first:last])
    if layout.after_explanation and len(numbers) == len(layout.points) - layout.after_explanation and not forced:
        # (the next column prints past the explanation's words: "10 Thực hiện đầy đủ, 10 Công văn …")
        before = figure_before_explanation(tokens, first, last)
        if before is not None and len(numbers) == 1:
            # (the run taken was that column's figure: the row's own run stands before the explanation)
            setattr(cells, f"{keys[0]}_raw", tokens[before][1])
            setattr(cells, f"{layout.points[1]}_raw", tokens[first][1])
            tokens = [*tokens[:first], *tokens[last:]]
            first, last = before, before + 1
        past = None if before is not None else figure_past_explanation(tokens[last:], cells.max_raw)
        if past is not None:
            setattr(cells, f"{layout.points[len(numbers)]}_raw", tokens[last + past][1])
            tokens = [*tokens[: last + past], *tokens[last + past + 1 :]]
    cells.name = [t for t in tokens[:first] if not JUNK.match(t[1])]
    cells.explanation = [t for t in tokens[last:] if not JUNK.match(t[1])]
    cells.name_end = len(" ".join(t[1] for t in tokens[:first]))
    cells.split = layout.explanation_first and not evidence
    cells.split_tokens = _with_bars(tokens[:first]) if cells.split else []
    cells.explanation = evidence + cells.explanation
    return cells


def _past_figure(tokens: list[tuple[str, str]], last: int) -> int:
    """Where the line goes on past the figure after the run at ``last`` (specks skipped)."""
    k = last
    while k < len(tokens) and JUNK.match(tokens[k][1]):
        k += 1
    return k + 1 if k < len(tokens) and points_cell(tokens[k][1], beside_points=True) is not None else last


def _figure_before(tokens: list[tuple[str, str]], first: int) -> bool:
    """Whether a points figure stands just before the run at ``first`` with only a cell OCR could not
    read (``garbled_cell``, specks) between them: the run is not plainly the line's cells."""
    k = first - 1
    if k < 1 or not (JUNK.match(tokens[k][1]) or garbled_cell(tokens[k], last=True)):
        return False
    while k > 0 and (JUNK.match(tokens[k][1]) or garbled_cell(tokens[k], last=True)):
        k -= 1
    return k < first - 1 and points_cell(tokens[k][1]) is not None and k > 0


def _opens_with_scale_value(tokens: list[tuple[str, str]], first: int) -> bool:
    """Whether the run of figures at ``first`` opens with the points of a bulleted scale item
    printed before it on the line ("… quy định | + Đủ số lượng …: 1 PT 1")."""
    if first == 0 or not tokens[first - 1][1].endswith(":"):
        return False
    return closes_scale_item(" ".join(raw for _, raw in tokens[: first + 1]))


def _columns_of(
    numbers: list[str], points: tuple[str, ...], settings: LineTableSettings = LineTableSettings()
) -> tuple[str, ...]:
    """The points columns a run of numbers fills: in print order from the first, except when
    two numbers stand for three columns and the second is above the first: a self score above
    the max is no reading, so the max was the cell OCR lost (the appraised may differ from the
    self score either way). Unless the second, as an appraised score, would be far from the
    self score (more than ``appraised_near_self`` times it) while a decimal mark OCR lost reads
    it within the first ("5 25": a max of 5 and a self score of 2,5, not an appraised 25
    beside a self score of 5)."""
    if len(points) == 3 and len(numbers) == 2:
        first, second = (parse_number(glued_digits(n) or n, kind="score") for n in numbers)
        if first is not None and second is not None and second.value > first.value:
            lost_mark = bool(lost_decimal_readings(numbers[1], upper=first.value))
            if not (lost_mark and second.value > settings.appraised_near_self * first.value):
                return points[1:]
    return points


def _later_cells(tokens: list[tuple[str, str]], last: int, numbers: list[str], n_points: int) -> tuple[str, ...]:
    """The run's cells one number later, when the run filled all ``n_points`` columns and the
    next token (specks skipped) is a points number as printed: those of the run but its first,
    then that number. Empty otherwise."""
    if len(numbers) != n_points or n_points < 2:
        return ()
    k = last
    while k < len(tokens) and JUNK.match(tokens[k][1]):
        k += 1
    after = points_cell(tokens[k][1]) if k < len(tokens) else None
    if after is None:
        return ()
    return (*(points_cell(raw, beside_points=True) or raw for raw in numbers[1:]), after)


# A points figure and the part of it after a decimal mark OCR cut off with a space: "14." + "5",
# "14" + ",5", "14" + "." + "5". The fraction is one points are given in (quarters).
_SPLIT_HEAD = lazy_compile(r"[1-9]?\d[.,]?")
_SPLIT_TAIL = lazy_compile(r"[.,]?(?:5|25|75)")


def _split_decimal_cells(tokens: list[tuple[str, str]], first: int, n_points: int) -> tuple[str, ...]:
    """The cells a line's figures read as when one more figure than its ``n_points`` columns
    stands from the run's start to the line's end (or its text) and exactly one pair of them is a
    decimal whose mark OCR split from its digits ("Cải cách … 14. 5 0 0": 14,5, 0, 0 rather than
    14, 5, 0): the joined reading, for the criteria set's maximum to choose (``later_raws``), else
    the row's columns are a guess its cells carry (``score_tables``). A pair with no mark between
    ("14 5") is two cells as likely as one. Empty otherwise."""
    if n_points < 2:
        return ()
    figures: list[str] = []  # raw tokens of figures, a lone mark kept between them
    for _, raw in tokens[first:]:
        if raw in (".", ","):
            figures.append(raw)
        elif JUNK.match(raw):
            continue
        elif points_cell(raw, beside_points=True) is not None or _SPLIT_TAIL.fullmatch(raw):
            figures.append(raw)
        else:
            break
    while figures and figures[-1] in (".", ","):
        figures.pop()
    cut = [
        k
        for k in range(len(figures) - 1)
        if _marked_split(figures[k], figures[k + 1], figures[k + 2] if k + 2 < len(figures) else "")
    ]
    count = len([f for f in figures if f not in (".", ",")])
    if len(cut) != 1 or count != n_points + 1:
        return ()
    k = cut[0]
    lone_mark = figures[k + 1] in (".", ",")
    tail = figures[k + 2] if lone_mark else figures[k + 1]
    joined = figures[k].rstrip(".,") + "," + tail.lstrip(".,")
    rest = figures[k + 3 :] if lone_mark else figures[k + 2 :]
    out = [*figures[:k], joined, *rest]
    cells = [points_cell(f, beside_points=True) or f for f in out if f not in (".", ",")]
    return tuple(cells) if len(cells) == n_points else ()


def _marked_split(head: str, nxt: str, after: str) -> bool:
    """Whether ``head`` and what follows it are one decimal figure whose mark OCR split off: the
    mark glued to the head ("14." then "5") or to the tail ("14" then ",5"), or standing alone
    between them ("14" "." "5")."""
    if head in (".", ",") or not _SPLIT_HEAD.fullmatch(head):
        return False
    if head[-1] in ".,":
        return nxt in ("5", "25", "75")
    if nxt in (".", ","):
        return after in ("5", "25", "75")
    return nxt[:1] in ".," and _SPLIT_TAIL.fullmatch(nxt) is not None


def _bracketed_figures(run: list[tuple[str, str]]) -> list[bool]:
    """For each figure of a run of points tokens, whether a bracket stands against it: glued
    ("[6") or alone right before it ("[ 6"). A bar ("|") is the grid's rule; a bracket may be
    the rule too, or ink of the figure OCR split off ("10" read "[ 6")."""
    out: list[bool] = []
    before = ""
    for _, raw in run:
        if JUNK.match(raw):
            before = raw
            continue
        out.append(not _enclosed(raw) and (bracket_glued(raw) or (len(before) == 1 and before in _BRACKET_MARKS)))
        before = ""
    return out


def _enclosed(raw: str) -> bool:
    """Whether a figure stands inside a pair of round brackets, both its own ("(9,5)"): a table
    that prints the self score bracketed after the maximum ("10 (9,5)") put them there, and a
    ruling line or ink split off leaves one bracket, not a pair closing round the figure."""
    token = raw.strip(CELL_SPECKS) or raw
    return len(token) > 2 and token[0] == "(" and token[-1] == ")" and is_points_reading(token[1:-1])


_BRACKET_MARKS = "[](){}"


def _drop_bracketed_over_max(cells: LineCells, run: list[tuple[str, str]]) -> None:
    """A self or appraised cell read from digits glued to a bracket ("[6" after a max of 3) is a
    reading only while it stays within the max: above it, the bracket was no ruling line but the
    digit's own ink ("1,5" garbled), and the cell is kept as OCR printed it (no number: lost, and
    queued) rather than read as points the row cannot hold."""
    bracketed = {points_cell(raw, beside_points=True): raw for _, raw in run if bracket_glued(raw)}
    top = parse_number(cells.max_raw, kind="score") if cells.max_raw else None
    if top is None:
        return
    for key in ("self", "appraised"):
        raw = getattr(cells, f"{key}_raw")
        value = parse_number(raw, kind="score") if raw in bracketed else None
        if value is not None and value.value > top.value:
            setattr(cells, f"{key}_raw", bracketed[raw])


def _after_speck_letter(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's tokens without a lone letter before a code printed in digits ("L 1.1.1 | Ban
    hành …"): the ruling line left of the STT cell read as a letter, not the cell itself."""
    if len(tokens) < 3 or not re.fullmatch(r"\p{L}", tokens[0][1]):
        return tokens
    k = 1
    while k < len(tokens) - 1 and JUNK.match(tokens[k][1]):
        k += 1
    # A code with its dots ("1.", "1.1.1"): a bare number after the letter is as likely a points
    # cell, the letter the code OCR misread ("i . : 10 10" is row 1's).
    token = tokens[k][1].strip(CODE_NOISE)
    code = read_code_token(token)
    if code is None or code.lookalikes or not re.match(r"\d+\.", token):
        return tokens
    return tokens[k:]


def _after_speck_cell(tokens: list[tuple[str, str]], most: int = 2) -> list[tuple[str, str]]:
    """A line's tokens without the specks OCR read left of a cell's ruling line before a row's
    code or name ("P n | Ban hành kế hoạch …", "CC | 11 [Kếhoạch …"): at most ``most`` tokens of
    one or two letters, then the bar, then a code printed with a digit or a capitalised word. (A
    wrapped name's words before a bar go on with a small letter or a date: "và | 22/12/2013".)
    Specks with a lone letter among them are no word at all: past them a wrapped line of the
    name goes on ("l P | bố trí kinh phí thực hiện", no row coded "l")."""
    k = 0
    while k < min(most, len(tokens)) and re.fullmatch(r"\p{L}{1,2}", tokens[k][1]):
        k += 1
    if k == 0 or k + 1 >= len(tokens) or tokens[k][1] != BAR:
        return tokens
    after = tokens[k + 1][1]
    code = read_code_token(after.strip(CODE_NOISE))
    coded = code is not None and bool(re.match(r"[\[(|]?\d", after)) and k + 2 < len(tokens)
    wrapped = any(len(raw) == 1 for _, raw in tokens[:k]) and bool(re.match(r"\p{Ll}{2}", after))
    # (before a capitalised word the specks are left: the name is read past the bar, and a
    # garbled STT cell there keeps the row unsure, "Ee | Cqi cxch t6 chxc …")
    return tokens[k + 1 :] if coded or wrapped else tokens


def _without_points_units(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's tokens with the unit each points cell prints after its figure dropped ("12,0 đ
    9,5 đ", "2,5d", "3,0 điểm"): the unit is the commune's wording, and left in it breaks the run
    of figures (or glues a letter to one) so the points go to the explanation. Only after a
    points figure, and not a scale item's ("Ban hành đúng quy định: 3 điểm", a label's colon
    before it): the scale's figure is no cell, and its unit keeps it apart from the cells after."""
    out: list[tuple[str, str]] = []
    for text, raw in tokens:
        scale = len(out) > 0 and out[-1][1].endswith(":")
        unit = raw.strip(".") in ("d", "đ") or fold(raw).strip(".") == "diem"  # (a capital "D": a digit's look-alike)
        if unit and len(out) > 0 and is_points_reading(out[-1][1]) and not (len(out) > 1 and out[-2][1].endswith(":")):
            continue
        figure = points_figure(raw)
        if figure != raw and is_points_reading(figure) and not scale:
            text, raw = points_figure(text), figure
        out.append((text, raw))
    return out


def _comma_split_joined(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A points number OCR split after its decimal comma ("14, 5" for 14,5), beside another
    points number: joined again. The fraction is one points are given in (quarters), and a
    number stands next to it, so an enumeration's "14, 5 và 6" is left alone."""
    out: list[tuple[str, str]] = []
    k = 0
    while k < len(tokens):
        raw = tokens[k][1]
        nxt = tokens[k + 1][1] if k + 1 < len(tokens) else ""
        if re.fullmatch(r"[1-9]\d?,", raw) and nxt in ("5", "25", "75") and _beside_points(tokens, k):
            joined = raw + nxt
            out.append((joined, joined))
            k += 2
            continue
        out.append(tokens[k])
        k += 1
    return out


def _beside_points(tokens: list[tuple[str, str]], k: int) -> bool:
    """Token ``k`` (and the one after it) stand between points numbers: one right before or
    right after the pair."""
    before = tokens[k - 1][1] if k > 0 else ""
    after = tokens[k + 2][1] if k + 2 < len(tokens) else ""
    return is_score_token(before) or is_score_token(after)


def _speck_code(tokens: list[tuple[str, str]]) -> bool:
    """A one-letter "code" ("l", "I") with no word of a name after it on the line ("l l 7
    15/08/2024"), or only the explanation's wrapped words ("' I I UBND ngày 11/05/2024", a
    document number's rest and its date): a ruling line's speck on a row's continuation line,
    not the STT cell (a roman numeral's heading has its words)."""
    first = tokens[0][1].strip(CODE_NOISE)
    # Two letters are a speck's too when one of them is no roman numeral's, read for one only
    # by likeness ("lÌ : ; :" above a centred row): "II", "IV" stay a part's code.
    lookalike_pair = len(first) == 2 and any(ch not in "IVX" for ch in first)
    if not (len(first) == 1 or lookalike_pair) or not first.isalpha():
        return False
    words = [t for t in tokens[1:] if re.search(r"\p{L}{2}", t[1])]
    return not words or opens_explanation(words)


def _enumerates(tokens: list[tuple[str, str]]) -> bool:
    """A code-like first token with a comma after it and a lower-case word next is an enumeration
    wrapped onto the line ("quí II, / III, báo cáo 6 tháng"), not the STT cell: a code's name
    opens with a capital."""
    first, following = tokens[0][1], tokens[1][1]
    if not (first.endswith(",") and following[:1].isalpha() and following[:1].islower()):
        return False
    # A row's numbers on the line ("5, on z : : 16 16 15,75"): the comma is a speck on the STT
    # cell's code, the word after it a speck read as letters; wrapped text carries no such run.
    cells = [raw for _, raw in tokens[1:] if not JUNK.match(raw)]
    return not any(is_score_token(a) and is_score_token(b) for a, b in zip(cells, cells[1:]))


def _with_bars(tokens: list[tuple[str, str]]) -> list[tuple[str, str]]:
    """A line's words with the bars between them (other specks, and bars before the first word or
    after the last, dropped)."""
    kept = [t for t in tokens if not JUNK.match(t[1]) or t[1] == BAR]
    while kept and kept[0][1] == BAR:
        kept.pop(0)
    while kept and kept[-1][1] == BAR:
        kept.pop()
    return kept


def read_positioned_line(line: Line, columns: dict[str, tuple[float, float]], block_start: bool) -> LineCells:
    """Cells of an OCR'd line from its words' x-centres and the header's column ranges."""
    cells = LineCells(line=line, block_start=block_start, numbers_by_position=True)
    by_col: dict[str, list[tuple[str, str]]] = {k: [] for k in columns}
    raw_words = (line.raw or "").split() if line.raw else None
    for i, word in enumerate(line.words):
        if word.bbox is None:
            continue
        raw = raw_words[i] if raw_words and len(raw_words) == len(line.words) else word.text
        by_col[column_at((word.bbox[0] + word.bbox[2]) / 2, columns)].append((word.text, raw))
    cells.code = _code_cell([r for _, r in by_col.get("code", [])])
    cells.name = [t for t in by_col.get("name", []) if not JUNK.match(t[1])]
    cells.explanation = [t for t in by_col.get("explanation", []) if not JUNK.match(t[1])]
    first_points = next((k for k in _POINTS_COLUMNS if k in columns), None)
    for key in _POINTS_COLUMNS:
        points = [r for _, r in by_col.get(key, []) if is_score_token(r)]
        setattr(cells, f"{key}_raw", points[0] if points else None)
        # Words in a points column overflowed from the text beside it: the name's when they are
        # in the first points column, the explanation's otherwise.
        words = [t for t in by_col.get(key, []) if re.search(r"\p{L}{2}", t[1])]
        if key == first_points:
            cells.name += words
        else:
            cells.explanation[:0] = words
    return cells


_POINTS_COLUMNS = ("max", "self", "appraised")


def _code_cell(tokens: list[str]) -> str | None:
    """The code in the STT cell: its first token that reads as a code once OCR specks are
    stripped, else the cell's tokens read together ("1. 1" split by a speck)."""
    cleaned = [t.strip(CODE_NOISE) for t in tokens]
    cleaned = [t for t in cleaned if t and not JUNK.match(t)]
    for token in cleaned:
        if read_code_token(token):
            return token
    joined = "".join(cleaned)
    return joined if len(cleaned) > 1 and read_code_token(joined) else None
