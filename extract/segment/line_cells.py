"""One printed line of a score table read into cells (code, name text, max, self, appraised,
explanation): from the words' x-positions when the OCR gave boxes, from the token pattern
otherwise ("name words … 1 0,5 … explanation words")."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import regex as re

from extract.model import Line
from extract.segment.line_common import (
    BAR,
    CELL_SPECKS,
    JUNK,
    SPACING_ACCENTS,
    LineTableSettings,
    bracket_glued,
    glued_digits,
    is_score_token,
    line_tokens,
    points_cell,
)
from extract.segment.line_header import (
    HeaderLayout,
    column_at,
)
from extract.segment.line_split import opens_explanation
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import lost_decimal_readings, parse_number
from normalize.text import fold
from normalize.vietnamese.model import load_model


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
    tokens = _comma_split_joined(_after_speck_letter(tokens))
    head = tokens[0][1].strip(CODE_NOISE)  # rule stubs OCR glues to the STT cell ("1.3__|")
    if (
        head
        and read_code_token(head) is not None
        and len(tokens) > 1
        and not _enumerates(tokens)
        and not _speck_code(tokens)
    ):
        cells.code = head
        tokens = tokens[1:]
    run = _number_run(tokens, len(layout.points), coded=cells.code is not None)
    if run is None and cells.code is not None:
        run = _lost_run(tokens)
    if run is None:
        cells.name = [t for t in tokens if not JUNK.match(t[1])]
        cells.split_tokens = _with_bars(tokens)
        return cells
    first, last, numbers = run
    for key, raw in zip(_columns_of(numbers, layout.points), numbers):
        setattr(cells, f"{key}_raw", raw)
    cells.later_raws = _later_cells(tokens, last, numbers, len(layout.points))
    _drop_bracketed_over_max(cells, tokens[first:last])
    cells.name = [t for t in tokens[:first] if not JUNK.match(t[1])]
    cells.explanation = [t for t in tokens[last:] if not JUNK.match(t[1])]
    cells.name_end = len(" ".join(t[1] for t in tokens[:first]))
    cells.split = layout.explanation_first
    cells.split_tokens = _with_bars(tokens[:first]) if cells.split else []
    return cells


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


def _digit_of(cell: str | None) -> str | None:
    """The digit a letter OCR reads for one stands for ("l" → "1", "O" → "0"); the digits of a
    cell a letter is glued to ("8V" → "8")."""
    return glued_digits(cell) or {"l": "1", "I": "1", "i": "1", "O": "0", "o": "0"}.get(cell or "", cell)


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
    15/08/2024"): a ruling line's speck on a row's continuation line, not the STT cell (a roman
    numeral's heading has its words)."""
    first = tokens[0][1].strip(CODE_NOISE)
    # Two letters are a speck's too when one of them is no roman numeral's, read for one only
    # by likeness ("lÌ : ; :" above a centred row): "II", "IV" stay a part's code.
    lookalike_pair = len(first) == 2 and any(ch not in "IVX" for ch in first)
    if not (len(first) == 1 or lookalike_pair) or not first.isalpha():
        return False
    return not any(re.search(r"\p{L}{2}", raw) for _, raw in tokens[1:])


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


def _number_run(
    tokens: list[tuple[str, str]],
    n_points: int = 2,
    settings: LineTableSettings = LineTableSettings(),
    coded: bool = False,
) -> tuple[int, int, list[str]] | None:
    """Where the points numbers sit among a line's tokens, and the cells they read as: the first
    two or more consecutive points tokens (up to the ``n_points`` columns; stray rule marks "|"
    between them allowed; a letter OCR reads for a digit counts beside a number), or one points
    token ending the line (the other cells left blank). A lone number inside text ("6 tháng") is
    not a cell. A number opening the line is one only right after the STT cell's code (``coded``:
    a centred row's name printed above and below its numbers' line, "4. 11 11") and beside another
    number, not a letter read for one ("12.1: 2 i i ey": a speck then specks): a line of wrapped
    text may open with a count."""
    raws = [t[1] for t in tokens]
    for i, tok in enumerate(raws):
        if points_cell(tok) is None and points_cell(tok, beside_points=True) is None:
            continue
        if i == 0 and not (coded and len(raws) > 1 and points_cell(raws[1]) is not None):
            continue
        if _labelled_value(raws, i, n_points):
            continue  # "+ Ban hành kịp thời: 1 1 0": a scale item's points, the row's cells after it
        cells: list[str | None] = [points_cell(tok)]
        lookalike = [points_cell(tok, beside_points=True)]
        end = i + 1
        j = i + 1
        while len(cells) < n_points:
            while j < len(raws) and JUNK.match(raws[j]):
                j += 1
            if j < len(raws) and points_cell(raws[j], beside_points=True) is not None:
                cells.append(points_cell(raws[j]))
                lookalike.append(points_cell(raws[j], beside_points=True))
                j += 1
                end = j
            elif (len(cells) >= 2 or _bar_letter(raws, j) or _marked_letter(raws, j)) and _speck_between(raws, j):
                j += 1  # "16 | 16 ne 16": a speck OCR read as letters between two cells
            else:
                break
        if len(cells) == n_points and _numbers_to_end(raws, j) and not _max_first(cells):
            continue  # more numbers than columns end the line, the first no max: the cells are later
        if len(cells) >= 2 and cells[0] is None and not _max_first([_digit_of(lookalike[0]), *lookalike[1:]]):
            continue  # "l 7": a letter read for a digit, below the self score beside it, is a rule's speck
        if len(cells) >= 2 and any(c is not None for c in cells):
            return _with_lost_cells(tokens, i, end, [c for c in lookalike if c is not None], n_points)
        if cells[0] is None:
            continue
        while j < len(raws) and JUNK.match(raws[j]):
            j += 1
        # A lone number with its comma lost is too like a document's number to be a cell.
        if j >= len(raws) and i >= settings.min_name_words_single and is_score_token(cells[0]):
            return _with_lost_cells(tokens, i, j, [cells[0]], n_points)
        # A lone number inside the line is a cell when a points cell OCR garbled stands beside it
        # ("trách a} 0", "tỉnh 1 : al UBND"): the row's numbers, one of them lost.
        if n_points >= 2 and is_score_token(cells[0]) and i >= 2:
            run = _with_lost_cells(tokens, i, end, [cells[0]], n_points)
            if len(run[2]) > 1:
                return run
            # ... and when the ruling line after its column follows it ("CCHC 3 > | Thông báo").
            if i >= settings.min_name_words_single and BAR in raws[end:j]:
                return i, end, [cells[0]]
        # A lone points number printed with its decimal mark (no document's number nor a count
        # prints one; a quarter point's fraction, not a code's) after a name, with the
        # explanation's capital after it: the one cell the row prints ("… thu tuc hanh chinh 14,5
        # Chua day du tai liéu", "… người dân, tổ 15.5 Chưa đầy đủ": a maximum, no score).
        if (
            i >= settings.min_name_words_single
            and _decimal_points(cells[0])
            and j < len(raws)
            and raws[j][:1].isupper()
        ):
            return i, end, [cells[0]]
        # A lone whole points number on a coded row's line, after its name and before the
        # explanation opening with a document's reference ("… quy pham 10 Ké hoach s6 16/KH-UBND"):
        # a count in text is followed by what it counts, not by "Kế hoạch số".
        if (
            coded
            and i >= settings.min_name_words_single
            and is_score_token(cells[0])
            and j < len(raws)
            and raws[j][:1].isupper()
            and opens_explanation(tokens[j:])
        ):
            return i, end, [cells[0]]
    return None


def _labelled_value(raws: list[str], i: int, n_points: int) -> bool:
    """The number at ``i`` is the value a label ending in a colon gives ("Ban hành kịp thời: 1",
    a scoring scale printed in the name's or its own column), with the row's points cells after
    it on the line, one per column (fewer, and the colon may be a speck OCR glued to the name:
    "hành chính: 10 8,5")."""
    label = raws[i - 1] if i > 0 else ""
    if not (label.endswith(":") and re.search(r"\p{L}", label)):
        return False
    return sum(1 for raw in raws[i + 1 :] if points_cell(raw) is not None) >= n_points


def _decimal_points(cell: str) -> bool:
    """A points number printed with a decimal mark and a fraction of quarter points ("14,5",
    "15.5", "0,75"): a code's dot ("1.2") or a count is not one."""
    if not re.fullmatch(r"\d{1,2}[,.]\d{1,2}", cell):
        return False
    value = parse_number(cell, kind="score")
    return value is not None and value.value > 0 and (value.value * 4).is_integer()


def _speck_between(raws: list[str], j: int) -> bool:
    """Token ``j``, inside a run of two numbers or more, is a speck read as one or two small letters
    ("ne", "en") with a points number right after it: the run goes on past it (a garbled cell would
    leave more cells than the table has columns)."""
    # Two letters in lower case only: an explanation opens with a capital ("2 1,5 Đã 3 lần"); but
    # an "L" is a ruling line read as a letter ("10 L 6,5 6,25"). One letter alone, of either
    # case, is a speck's shape ("10 95 Ệ 95 Quyết định …"): no explanation opens with it.
    if j + 1 >= len(raws) or not (
        re.fullmatch(r"\p{Ll}{1,2}|\p{L}", raws[j].strip(CELL_SPECKS) or "-") or _bar_letter(raws, j)
    ):
        return False
    return points_cell(raws[j + 1]) is not None


def _marked_letter(raws: list[str], j: int) -> bool:
    """Token ``j`` is a lone letter carrying a mark no plain letter has ("Ụ", "ễ"): the shape vie
    OCR gives a speck of a ruling line; a one-letter word between two cells it is not."""
    core = raws[j].strip(CELL_SPECKS) if j < len(raws) else ""
    return bool(re.fullmatch(r"\p{L}", core)) and not core.isascii() and core not in "đĐ"


def _bar_letter(raws: list[str], j: int) -> bool:
    """Token ``j`` is an "L": the shape OCR reads a ruling line with its foot as (no points
    cell's lookalike: "l" and "I" are read for a 1)."""
    return j < len(raws) and raws[j].strip(CELL_SPECKS) == "L"


def _numbers_to_end(raws: list[str], j: int) -> bool:
    """Whether the line goes on from ``j`` with points numbers only (specks aside) to its end: a
    run of more numbers than the table has points columns, printed last."""
    rest = [r for r in raws[j:] if not JUNK.match(r)]
    return bool(rest) and all(points_cell(r) is not None for r in rest)


def _max_first(cells: list[str | None]) -> bool:
    """Whether a run's first two numbers can be a max and a self score (the self at most the max,
    a lost decimal comma allowed: "10. 55" is 10 and 5,5). In a longer run that ends the line, a
    first pair that cannot ("Ké hoach CCHC nam 3 5 4": 5 above 3) says the first number is the
    text's or a speck's, and the cells are the run's later numbers."""
    first, second = (parse_number(glued_digits(c) or c, kind="score") if c else None for c in cells[:2])
    if first is None or second is None:
        return True
    readings = [second.value, *lost_decimal_readings(cells[1] or "", upper=first.value)]
    return min(readings) <= first.value


def _lost_run(tokens: list[tuple[str, str]]) -> tuple[int, int, list[str]] | None:
    """A coded row line with no number whose name is followed by a garbled points cell and then
    more words ("Kiểm tra công tác CCHC : : S Quyết định số …"): the cell is the numbers' place,
    OCR lost; the text before it is the name, after it the explanation."""
    words = 0
    for k, token in enumerate(tokens):
        if JUNK.match(token[1]):
            continue
        if words >= 2 and garbled_cell(token) and re.search(r"\p{L}{2}", " ".join(r for _, r in tokens[k + 1 :])):
            before = tokens[k - 1][1] if k else ""
            after = tokens[k + 1][1] if k + 1 < len(tokens) else ""
            # Set apart by specks or bars on both sides, as a cell of its own is.
            if JUNK.match(before) and (not after or JUNK.match(after) or after[:1].isupper()):
                return k, k + 1, [token[1]]
        words += 1
    return None


def _with_lost_cells(
    tokens: list[tuple[str, str]], first: int, last: int, numbers: list[str], n_points: int
) -> tuple[int, int, list[str]]:
    """A run with fewer numbers than the points columns, next to a token that is a garbled
    points cell (not a word: "a}", "ae", "<8]"): that token is the lost cell, kept as OCR read it
    (it parses as no number, so the row is flagged for review), and the numbers take the columns
    it leaves: after a lost cell before them, the later columns; before one after them, the first."""
    if len(numbers) >= n_points:
        return first, last, numbers
    before = first - 1
    while before > 0 and JUNK.match(tokens[before][1]):
        before -= 1
    after = last
    while after < len(tokens) and JUNK.match(tokens[after][1]):
        after += 1
    lost_before = before >= 1 and garbled_cell(tokens[before])
    lost_after = after < len(tokens) and (
        garbled_cell(tokens[after], last=after == len(tokens) - 1) or _overlong_cell(tokens, after)
    )
    if lost_before and not lost_after:
        return before, last, [tokens[before][1], *numbers]
    if lost_after and not lost_before:
        past = _numbers_after(tokens, after + 1, n_points)
        if past and len(numbers) + len(past) == n_points and _spacing_mark(tokens[after][1]):
            # "10 9/25 ˆ 9,25": the numbers after the mark fill the columns the run left, so the
            # mark is a speck between two cells, not a third cell lost.
            return first, past[-1][0] + 1, [*numbers, *(cell for _, cell in past)]
        return _run_past_lost(tokens, first, after, [*numbers, tokens[after][1]], n_points)
    return first, last, numbers


def _spacing_mark(raw: str) -> bool:
    """A token that is an accent or one letter alone (``garbled_cell`` with no digit or
    bracket in it): a speck's shape as much as a lost cell's."""
    return bool(_LONE_ACCENTS.fullmatch(raw) or re.fullmatch(r"\p{L}", raw.strip(CELL_SPECKS)))


def _numbers_after(tokens: list[tuple[str, str]], k: int, n_points: int) -> list[tuple[int, str]]:
    """The points cells that follow token ``k`` (specks skipped), up to ``n_points``, with their
    token index."""
    out: list[tuple[int, str]] = []
    while k < len(tokens) and len(out) < n_points:
        if JUNK.match(tokens[k][1]):
            k += 1
            continue
        cell = points_cell(tokens[k][1])
        if cell is None:
            break
        out.append((k, cell))
        k += 1
    return out


def _run_past_lost(
    tokens: list[tuple[str, str]], first: int, lost: int, cells: list[str], n_points: int
) -> tuple[int, int, list[str]]:
    """The run goes on past a lost cell while points numbers follow it ("10 <0 10": the
    appraised 10 after the garbled self score is the row's too), up to the table's columns."""
    end = lost + 1
    k = end
    while len(cells) < n_points:
        while k < len(tokens) and JUNK.match(tokens[k][1]):
            k += 1
        cell = points_cell(tokens[k][1]) if k < len(tokens) else None
        if cell is None:
            break
        cells.append(cell)
        k += 1
        end = k
    return first, end, cells


def _overlong_cell(tokens: list[tuple[str, str]], k: int) -> bool:
    """Token ``k``, right after a points number, with a word after it or ending the line, is a
    points cell OCR read with its mark lost and specks as digits ("năm 1 4105 Kế hoạch số …" for 1
    and 1,25; "hành chính 14,5 1451|:"): three or four digits no points cell holds, and no year."""
    core = tokens[k][1].strip(CELL_SPECKS + BAR + "[]")  # (a ruling line glued to it: "1451|")
    rest = [raw for _, raw in tokens[k + 1 :] if not JUNK.match(raw)]
    return (
        bool(re.fullmatch(r"[1-9]\d{2,3}", core))
        and not re.fullmatch(r"(?:19|20)\d\d", core)
        and points_cell(core) is None
        # (the line's end or a word after it: more numbers after it, the run is later)
        and (not rest or re.search(r"\p{L}{2}", rest[0]) is not None)
    )


# Spacing accents alone: a speck on a number's edge when glued to it ("0ˆ", ``CELL_SPECKS``), a
# cell OCR could not read when standing apart.
_LONE_ACCENTS = lazy_compile(f"[{re.escape(SPACING_ACCENTS)}]+")
# A roman numeral ("quí I, quí II") and an abbreviation ("VP", "CV") are words, not garbled cells.
_WORDLIKE = lazy_compile(r"^(?:[IVX]+|\p{Lu}{2,})[.,;:]?$")


def garbled_cell(token: tuple[str, str], last: bool = False) -> bool:
    """A short token that is no word and no number: a points cell OCR could not read ("a}",
    "ae", "<8]", "S"; three letters only ``last`` on its line). A syllable the language model
    knows, a roman numeral, an abbreviation, a code or a number is not one."""
    raw = token[1]
    core = raw.strip(CELL_SPECKS)
    if not core and _LONE_ACCENTS.fullmatch(raw):
        return True  # a mark standing where a cell is ("16 ˆ"): the cell OCR could not read
    if not core or len(core) > 3 or raw == BAR or _WORDLIKE.match(core) or points_cell(raw, beside_points=True):
        return False
    if re.search(r"[^\p{L}\p{N}]", core):
        return True
    if not re.fullmatch(r"\p{L}{1,3}" if last else r"\p{L}{1,2}", core):
        # A number too long for a points cell is the text's ("2014"); three letters or more
        # are a word OCR misspelt ("cdo" for "cáo") as often as a cell, unless they end the line
        # right after a number (a row's last cell: "3 eee").
        return False
    if len(core) == 1 and core.lower() not in _one_letter_syllables():
        return True  # a letter with a mark no Vietnamese letter carries ("ï" for a "1")
    # The raw token, folded: the repair stage turns a garbled cell into a word ("ae" → "áo").
    return not is_syllable_run(core)


@lru_cache(maxsize=1)
def _one_letter_syllables() -> frozenset[str]:
    """The syllables of one letter, with their marks (OCR keeps a dump's marks or drops them:
    both spellings count)."""
    letters = {s for s in load_model().syllables if len(s) == 1}
    return frozenset(letters | {fold(s) for s in letters})


def is_syllable_run(letters: str) -> bool:
    """Whether a run of letters is a syllable the language model knows, marks ignored (OCR
    dumps lose them)."""
    return fold(letters.lower()) in _folded_syllables()


@lru_cache(maxsize=1)
def _folded_syllables() -> frozenset[str]:
    """The language model's syllables without their marks (OCR dumps lose them)."""
    return frozenset(fold(s) for s in load_model().syllables)


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
# Specks and rule stubs OCR reads around a code ("_1.2", "1.3|", "—6.": a rule's stub read as a
# long dash; a bullet's hyphen stands apart from its text).
CODE_NOISE = "_|~`'\"—–"


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
