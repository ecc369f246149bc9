"""Statistics annexes whose cells came one per line: Tesseract's sparse-text mode (``--psm 11``)
prints each cell of the grid as a paragraph of its own, a row's cells in an order of their own
("2.1" / "20" / "Số cán bộ …" / "Người"), and drops many one-digit codes.

A row is rejoined from the kinds of its cells, not from their order: a row holds at most one
code, one indicator, one unit and one figure, and a code opens its row (it stands leftmost, so
OCR never reads it after another cell of its row). A cell whose kind the row already holds opens
the next row. A whole number is a code or a figure: a figure when the row still awaits one,
otherwise a code when it can follow the last code (1 → 2, 2.3 → 3, 4.1 → 4.2). Lower-case text
is an indicator's wrapped words. The rows then go to the annex reader as any other rows, which
repairs and infers the codes as a column."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.segment.stat_headings import opens_as_no_count
from normalize.codes import CriterionCode, letter_item, parse_code, successors, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.syllable import is_syllable_shape

# Kinds of a cell line (``stat_lines`` tells them): a code ("2.1", "a)"), a whole or dotted
# number (a code or a figure), a figure that can only be one ("90,91", "57%"), a unit, an
# indicator's text, and an indicator's wrapped words (lower case).
CODE, NUMBER, FIGURE, UNIT, TEXT, WRAP = "code", "number", "figure", "unit", "text", "wrap"


@dataclass(frozen=True)
class CellLineSettings:
    # Non-empty lines under the title looked at to tell a body printed one cell per line.
    sample_lines: int = 30
    # ... of which at least this share are a lone number or code (a cell on its own line),
    min_lone_share: float = 0.25
    # ... and at most this share a line of words ending with a figure (a row on one line).
    max_row_share: float = 0.15
    # Words a unit has at most: a short text after the row's indicator is its unit.
    max_unit_words: int = 3
    # Lower-case text after a row read whole opens a row of its own (an indicator whose capital
    # OCR lowered, "số phản ánh …") when it has this many words: a wrapped tail is shorter
    # ("nhận", "trình", "quyết của UBND xã").
    min_own_words: int = 5
    # A lone word this short between rows, before a row with no code, is a code OCR garbled.
    garbled_code_chars: int = 4


@dataclass(frozen=True)
class Cell:
    kind: str
    text: str
    page: int
    line: int


@dataclass
class CellRow:
    page: int
    first: int
    last: int
    code: str = ""
    indicator: list[str] = field(default_factory=list)
    unit: str = ""
    value: str = ""
    unit_first: bool = False  # its unit came before its indicator (it may be the row above's)
    undotted: str = ""  # its code as printed when read as a code whose dot OCR lost ("25" for 2.5)

    def holds(self, kind: str) -> bool:
        if kind == CODE:  # a code opens its row, except that OCR sometimes reads the row's unit
            # and figure just before its code ("Hồ sơ" / "291" / "a)" / "Giải quyết trước hạn")
            return bool(self.code or self.indicator)
        return bool({TEXT: self.indicator, UNIT: self.unit, FIGURE: self.value}[kind])

    def holds_cells(self) -> bool:
        return bool(self.indicator or self.unit or self.value)

    def complete(self) -> bool:
        return bool(self.indicator and self.unit and self.value)

    def awaits_figure(self) -> bool:
        return not self.value and bool(self.indicator or self.unit or self.code) and not self.heads()

    def heads(self) -> bool:
        """Whether the row reads as a group's heading so far: its words open as no count or share
        does ("Công khai thủ tục hành chính", "Kết quả …": ``stat_headings.opens_as_no_count``),
        with no unit or figure read, and no part's code (a section's number or none: "4.1" and
        "a)" number a count's parts, "Giải quyết trước hạn"). A heading counts nothing."""
        return (
            bool(self.indicator)
            and not (self.unit or self.value)
            and (not self.code or self.code.isdigit())
            and opens_as_no_count(" ".join(self.indicator))
        )


def _next_rows_cell(rows: list[CellRow], cells: list[Cell], k: int, kind: str) -> bool:
    """Whether a unit or figure read right after a heading (``CellRow.heads``) is the next row's,
    printed before its code or indicator, not the heading's: a heading counts nothing. A unit is
    the next row's only with its figure or code after it (a unit, then the next row's words is a
    garbled code read as one: "Bil" for 5.1). An item whose letter OCR garbled ("°) / Giải quyết
    quá hạn / Hồ sơ") is worded as a heading is, so a unit its row above counts in (a group's parts
    count what their whole counts), or a figure under an item or a row so worded, stays with it."""
    if kind not in (UNIT, FIGURE) or not rows or not rows[-1].heads():
        return False
    above = rows[-2] if len(rows) > 1 else None
    if kind == UNIT:
        following = cells[k + 1].kind if k + 1 < len(cells) else None
        counted = above is not None and _unit_key(cells[k].text) == _unit_key(above.unit)
        return following in (NUMBER, FIGURE, CODE) and not counted
    return above is None or not (letter_item(above.code) or opens_as_no_count(" ".join(above.indicator)))


def _share_after_count(row: CellRow, text: str) -> bool:
    """Whether words opening as a share's ("Tỷ lệ …") come after a row that read a count's unit and
    figure ("c)" / "Thủ tục" / "22", its indicator lost): a share is counted in %, so the words open
    the next row, not the row above's indicator."""
    return bool(row.value and row.unit) and "%" not in row.unit and fold(text).startswith("ty le")


def one_cell_per_line(kinds: list[str], row_lines: int, settings: CellLineSettings = CellLineSettings()) -> bool:
    """Whether a body's first lines (their kinds; ``row_lines`` of them a row on one line) are
    cells one per line: many lone numbers or units, few lines of words ending with a figure. A unit
    alone on its line is a cell as a lone number is (a degraded page's sparse text loses many of
    its lone codes and figures to specks, never a row's unit cell to the row's line)."""
    sample = kinds[: settings.sample_lines]
    if not sample:
        return False
    lone = sum(1 for k in sample if k in (NUMBER, FIGURE, CODE, UNIT))
    return lone >= settings.min_lone_share * len(sample) and row_lines <= settings.max_row_share * len(sample)


def rejoin(cells: list[Cell], settings: CellLineSettings = CellLineSettings()) -> list[CellRow]:
    """The rows the cells make, in order (see the module's note)."""
    rows: list[CellRow] = []
    last_code: CriterionCode | None = None
    waiting: list[str] = []  # codes read before the row above's cells: the next rows'
    for k, cell in enumerate(cells):
        current = rows[-1] if rows else None
        kind = cell.kind
        raw = cell.text
        if kind == NUMBER:
            before_code = k + 1 < len(cells) and cells[k + 1].kind == CODE
            # (rows read with every code lost stand for 1, 2, … in order: the last is number len(rows))
            uncoded = len(rows) if last_code is None and not any(r.code for r in rows) else 0
            kind, text = _number_kind(cell.text, current, last_code, before_code, uncoded)
            # A code taken where a count awaited its figure that goes back up the column ("2:3."
            # for 5.3 after 5.2) is a garbled code: it opens its row, but the column goes on from
            # the last code that followed (the codes below it follow 5.2, not 2.3).
            off_column = kind == CODE and _off_column(text, current, last_code)
            cell = Cell(kind, text, cell.page, cell.line)
        else:
            off_column = False
        if (
            kind == WRAP
            and current is not None
            and current.complete()
            and len(cell.text.split()) >= settings.min_own_words
            and _own_row(cells, k)
        ):
            kind = TEXT  # a row's indicator whose capital OCR lowered ("số phản ánh …"), not wrapped words
        garbled = kind == WRAP and current is not None and not (current.unit or current.value)
        if garbled and _garbled_code(cells, k, settings):
            # "Kết quả …" / "oll" / "Hồ sơ" / "495" / "Số hồ sơ …": the next row's code OCR garbled,
            # its unit and figure read before its indicator; the row above is a heading.
            rows.append(CellRow(page=cell.page, first=cell.line, last=cell.line))
            continue
        if kind == WRAP:
            if current is not None and current.indicator:
                current.indicator.append(cell.text)
                current.last = cell.line
                continue
            kind = TEXT
        if kind == TEXT and current is not None and not current.value and _speck_before_text(cells, k, settings):
            continue  # "Công khai …" / "Sasi," / "Tổng số …": a garbled code or figure, no cell
        if kind == TEXT and current is not None and current.indicator and not current.unit and not current.value:
            if _speck_before_unit(cells, k, settings):
                continue  # "Số nhiệm vụ …" / "Bok" / "Nhiệm vụ" / "19": a garbled code, not the unit
            if len(cell.text.split()) <= settings.max_unit_words:
                kind = UNIT  # a short text right after the indicator: its unit ("Sáng kiến")
        if kind == UNIT and current is not None and current.unit_first and len(rows) > 1 and _lacks_unit(rows[-2]):
            rows[-2].unit, current.unit = current.unit, ""  # the unit read early was the row above's
        if kind == CODE and current is not None and current.code and not current.holds_cells():
            # "4.1" / "4.2" / "Số hồ sơ … trực tuyến" …: two codes read before their rows' cells,
            # each opening its row in turn.
            waiting.append(cell.text)
            last_code = parse_code(cell.text) or last_code
            continue
        if (
            current is None
            or current.holds(kind)
            or (kind == TEXT and _share_after_count(current, cell.text))
            or _next_rows_cell(rows, cells, k, kind)
        ):
            current = CellRow(page=cell.page, first=cell.line, last=cell.line)
            rows.append(current)
            if kind != CODE and waiting:
                current.code = waiting.pop(0)
        current.last = cell.line
        if kind == CODE:
            current.code = cell.text
            current.undotted = raw if "." in cell.text and "." not in raw else ""
            last_code = last_code if off_column else parse_code(current.code) or last_code
        elif kind == TEXT:
            current.indicator.append(cell.text)
        elif kind == UNIT:
            current.unit = cell.text
            current.unit_first = not current.indicator
        else:
            current.value = cell.text
    return _figures_taken_for_codes(_orphan_codes(_speck_rows(rows, settings.garbled_code_chars)))


def _figures_taken_for_codes(rows: list[CellRow]) -> list[CellRow]:
    """A row opened by two digits read as a code whose dot OCR lost ("25" read 2.5 after 2.4), with
    no figure of its own and counting in a unit its group's rows do not count ("Người" under a
    group of "Thủ tục"): the digits were its figure, printed before its indicator, and its code
    was lost. A group's parts count what its whole counts (or give its share, %)."""
    for k, row in enumerate(rows):
        unit = _unit_key(row.unit)
        if not row.undotted or row.value or unit in ("", "%"):
            continue
        group = row.code.rsplit(".", 1)[0]
        counted = set()
        for above in reversed(rows[:k]):
            if above.code and not (above.code == group or above.code.startswith(group + ".")):
                break
            counted.add(_unit_key(above.unit))
        counted -= {"", "%"}
        if counted and unit not in counted:
            row.code, row.value, row.undotted = "", row.undotted, ""
    return rows


def _unit_key(unit: str) -> str:
    return " ".join(fold(unit).strip(" .,;:").split())


def _speck_before_unit(cells: list[Cell], k: int, settings: CellLineSettings) -> bool:
    """Whether cell ``k``, a short word after a row's indicator, is a speck (a code OCR garbled
    past reading, "Bok" for 2.1) and not the row's unit: one word of at most
    ``garbled_code_chars`` letters, and the next cell is a unit the table prints (which the row
    then takes)."""
    text = cells[k].text.strip()
    if " " in text or len(text) > settings.garbled_code_chars:
        return False
    return k + 1 < len(cells) and cells[k + 1].kind == UNIT


def _speck_before_text(cells: list[Cell], k: int, settings: CellLineSettings) -> bool:
    """Whether cell ``k``, a short word in a row still awaiting its figure, is a code or a figure
    OCR garbled past reading ("Sasi," for 2.1, "De" for 4) and not a cell of the row: one word of
    at most ``garbled_code_chars`` letters and digits, and the next cell is an indicator's text,
    which no unit or figure precedes in its own row but after its row's indicator."""
    text = cells[k].text.strip()
    if " " in text or sum(c.isalnum() for c in text) > settings.garbled_code_chars:
        return False
    return k + 1 < len(cells) and cells[k + 1].kind == TEXT


def _garbled_code(cells: list[Cell], k: int, settings: CellLineSettings) -> bool:
    """Whether cell ``k``, a short lower-case word, is a code OCR garbled ("oll" for 3.1) and not
    an indicator's wrapped word ("nhận", "trình"): one word of at most ``garbled_code_chars``
    letters and digits that no Vietnamese syllable spells, the next cell a unit."""
    text = cells[k].text.strip()
    if " " in text or sum(c.isalnum() for c in text) > settings.garbled_code_chars:
        return False
    return not is_syllable_shape(text.strip(".,;:")) and k + 1 < len(cells) and cells[k + 1].kind == UNIT


def _lacks_unit(row: CellRow) -> bool:
    """A row read whole but for its unit: OCR read the unit after the next row's code ("Số cán bộ
    …" / "25" / "5.1" / "Người" / "Số cán bộ … đạt chuẩn" / "Người"): the next row's second unit
    says the first was this row's."""
    return bool(row.indicator and row.value and not row.unit)


def _own_row(cells: list[Cell], k: int) -> bool:
    """Whether lower-case text after a row that holds all its cells opens a row of its own: the
    next cell that is not more such text is a unit or a figure, which the row above already holds
    (wrapped words of the row above are followed by the next row's code or indicator)."""
    after = next((c for c in cells[k + 1 :] if c.kind != WRAP), None)
    return after is not None and after.kind in (UNIT, FIGURE)


def _speck_rows(rows: list[CellRow], max_chars: int) -> list[CellRow]:
    """Rows that hold nothing but one short word before a row with no code: a code OCR garbled
    past reading ("Srl" for 3.1), whose row the annex reader gives a code by order."""
    out: list[CellRow] = []
    for k, row in enumerate(rows):
        nxt = rows[k + 1] if k + 1 < len(rows) else None
        lone = not (row.code or row.unit or row.value) and len(row.indicator) == 1
        if lone and len(row.indicator[0]) <= max_chars and " " not in row.indicator[0] and nxt and not nxt.code:
            continue
        out.append(row)
    return out


def _orphan_codes(rows: list[CellRow]) -> list[CellRow]:
    """A row that holds nothing but a code whose row above has none: the code was read after its
    row's cells ("Giải quyết trước hạn" / "Hồ sơ" / "291" / "a)"), and goes back to it."""
    out: list[CellRow] = []
    for row in rows:
        lone = row.code and not (row.indicator or row.unit or row.value)
        if lone and out and not out[-1].code:
            out[-1].code = row.code
            continue
        out.append(row)
    return out


def _number_kind(
    text: str, row: CellRow | None, last_code: CriterionCode | None, before_code: bool, uncoded: int = 0
) -> tuple[str, str]:
    """(kind, text) of a lone number: a code or a figure. A dotted one ("4.3") is a code unless
    it would go back up the column while the row awaits its figure; a whole one is the row's
    figure when the row awaits one, else a code when it can follow the last code. Two digits
    that can go on down the column as a code with its dot lost ("41" after 3.3, its row 4 read
    with no code) are that code, unless a code comes next (the figure read before its code); so
    are two digits under the ``uncoded``-th row of a table whose codes were all lost so far, read
    whole, that can be its first part ("21" under the second row: 2.1)."""
    code = parse_code(text)
    awaiting = row is not None and row.awaits_figure()
    if "." in text:
        # Before any code, a number that cannot open the table under a row read but for its
        # figure (indicator and unit: "Số văn bản …" / "Văn bản" / "16.") is that figure with a
        # speck, not a first code 16. (Under a row of less, the first codes OCR kept open the
        # table: seed 461's check showed the broader rule taking them for figures.)
        first_figure = last_code is None and row is not None and bool(row.indicator and row.unit)
        goes_on = code is not None and (
            (not first_figure or _follows(code, None))
            if last_code is None
            else transition_cost(last_code, code) is not None
        )
        # A count's figure is whole: "5.3" under a row of "Người" awaiting its figure is the next
        # row's code, its dot printed (the row's own figure lost), not a count of 5,3.
        counted = awaiting and row is not None and _counts(row.unit) and _CODE_SHAPED.fullmatch(text) is not None
        return (CODE if goes_on or counted or (code is not None and not awaiting) else FIGURE), text
    if awaiting:
        return FIGURE, text
    if _follows(code, last_code):
        return CODE, text
    dotted = parse_code(".".join(text)) if len(text) == 2 and not before_code else None
    if dotted is not None and row is not None and row.heads() and dotted.path[-1:] == (1,):
        return CODE, ".".join(text)  # under a heading, its first part's code, dot lost ("21" for 2.1)
    if dotted is not None and last_code is not None and _goes_down_one(last_code, dotted):
        return CODE, ".".join(text)
    if dotted is not None and last_code is not None and row is not None and not row.code and row.complete():
        # "5" / … / "Số hồ sơ tiếp nhận trực tuyến" / "Hồ sơ" / "157" / "52": the row above read
        # whole with its code lost stands for the code after 5 (5.1), and 5.2 follows it.
        if any(_follows(dotted, lost) for lost in successors(last_code)):
            return CODE, ".".join(text)
    if dotted is not None and last_code is None and uncoded and row is not None and row.complete():
        # "Số nhiệm vụ …" / "Nhiệm vụ" / "40" / "21" / "Số nhiệm vụ đã hoàn thành": the table's rows
        # so far all lost their codes (1, 2), the last read whole; "21" is its first part, 2.1.
        if _follows(dotted, parse_code(str(uncoded))):
            return CODE, ".".join(text)
    return FIGURE, text


# A dotted number shaped as a code (one or two digits, a dot, one or two): no thousands group.
_CODE_SHAPED = lazy_compile(r"\d{1,2}\.\d{1,2}")


def _off_column(text: str, row: CellRow | None, last_code: CriterionCode | None) -> bool:
    """Whether a code read where the row awaited its figure does not go on from the last code."""
    code = parse_code(text)
    awaiting = row is not None and row.awaits_figure()
    return awaiting and code is not None and last_code is not None and transition_cost(last_code, code) is None


def _counts(unit: str) -> bool:
    """Whether a row's unit counts things (a word, "Người", "Hồ sơ"), not a share or an amount."""
    folded = fold(unit).strip(" .,;:")
    return bool(folded) and "%" not in unit and not any(w in folded.split() for w in ("dong", "trieu", "ty"))


def _goes_down_one(last_code: CriterionCode, code: CriterionCode) -> bool:
    """``code`` follows ``last_code`` or is the first child of one of its successors (3.3 → 4.1,
    the row 4 between them read without its code)."""
    return _follows(code, last_code) or any(
        code == CriterionCode(s.roman, s.path + (1,)) for s in successors(last_code) if s.path
    )


def _follows(code: CriterionCode | None, last_code: CriterionCode | None) -> bool:
    if code is None:
        return False
    if last_code is None:  # the table's first code: 1 (or 1.1 when the group row lost its 1)
        return code.path[:1] == (1,)
    return code in successors(last_code)
