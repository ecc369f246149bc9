"""Score tables that reach us as lines rather than a grid: text dumps of OCR'd scans (one Line
per printed line, no positions) and OCR'd pages with word boxes but no ruling lines.

This module finds the tables (a header naming two column concepts, or the points columns of a
header OCR cut into one word per label), reads the header's layout (``line_header``: the points
columns in print order, the explanation's side; column x-ranges when words have boxes), and feeds
each body line, read into cells (``line_cells``), to the row builder (``line_rows``) until the
totals row or the signature block.
"""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import IngestedDocument, Line, Page
from extract.segment.carry_lines import is_carry_line, opens_with_carry
from extract.segment.column_blocks import ColumnBlockTable, column_block_tables, fill_from_block
from extract.segment.count_column import count_column_at
from extract.segment.deduction_points import deductions_only
from extract.segment.explanation_side import explanation_side
from extract.segment.field_closing import (
    close_field,
    garbled_closing,
    heading_next,
    specked_total,
    title_field,
    unlabelled_closing,
)
from extract.segment.field_subtotals import close_by_line, next_field_code
from extract.segment.fields_across_lines import fields_across_tables
from extract.segment.footnote_notes import notes_open
from extract.segment.heading_points_lines import field_points_into_lines
from extract.segment.headless_table import headless_start
from extract.segment.leader_lines import leader_lines
from extract.segment.leader_specks import leader_doubts
from extract.segment.line_cells import CODE_NOISE, LineCells, is_syllable_run, read_line, read_positioned_line
from extract.segment.line_column_widths import column_widths
from extract.segment.line_common import (
    JUNK,
    LineTableSettings,
    is_score_token,
    line_tokens,
    points_cell,
)
from extract.segment.line_common_fractions import joined_fractions, prints_common_fractions
from extract.segment.line_fractions import prints_fractions
from extract.segment.line_header import (
    HEADER_POINTS,
    HeaderLayout,
    appraised_hinted,
    column_ranges,
    gutter,
    header_concepts,
    header_key,
    header_layout,
    header_share,
    is_header_line,
    is_repeated_header,
    keyed_concepts,
    points_labels,
)
from extract.segment.line_not_scored import not_scored_joined
from extract.segment.line_shares import names_share, third_as_share
from extract.segment.line_split import (
    first_name_line,
    is_criterion_name,
    opens_criterion_name,
    opens_name_part,
)
from extract.segment.line_verdicts import verdict_figures_joined
from extract.segment.line_words import speckish, starts_name, unspecked
from extract.segment.max_in_name_lines import maxima_into_lines
from extract.segment.points_columns import points_from_numbers
from extract.segment.row_draft import LineTable, RowDraft
from extract.segment.running_lines import is_page_mark_line
from extract.segment.score_panels import halves_unfolded
from extract.segment.tab_stops import figures_off_stops, typed_at_tabs
from extract.segment.table_end import TOTAL_LABEL, is_garbled_total, is_signature, is_total_label, label_figures
from extract.segment.total_garbled import first_total_unread
from normalize.codes import read_code_token
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

_ENDS_IN_COLON = lazy_compile(r"\w:\s*$")
_OPENS_ITEM_MARK = lazy_compile(r"^([-+•*]|[a-zđ]\))")
_ROMAN_NUMBERED = lazy_compile(r"^[IVX]{1,4}\.$")
_OPENS_NUMBER = lazy_compile(r"^\d(?!\d*\p{L})")

__all__ = [
    "LineCells",
    "LineTable",
    "LineTableSettings",
    "RowDraft",
    "column_ranges",
    "gutter",
    "header_concepts",
    "header_key",
    "header_share",
    "is_criterion_name",
    "is_score_token",
    "find_line_tables",
    "read_line",
    "read_positioned_line",
]


def column_block_reading(
    doc: IngestedDocument, settings: LineTableSettings = LineTableSettings()
) -> list[ColumnBlockTable]:
    """The document's tables OCR read one block per column (``column_blocks``), paired or not."""
    lines = [ln for p in doc.pages for ln in p.lines]
    return column_block_tables(lines, is_total_label, is_signature, line_settings=settings)


def find_line_tables(doc: IngestedDocument, settings: LineTableSettings = LineTableSettings()) -> list[LineTable]:
    """Score tables among the document's lines (pages that have no grid for them)."""
    # (a page's mark, "- 2/3 -", "Trang 2/3", is no table's row: a bulleted "- 1/3 -" would be read as one)
    lines = [ln for p in doc.pages for ln in p.lines if not is_page_mark_line(ln.text)]
    lines = field_points_into_lines(lines)  # "2. FIELD (tối đa 8 điểm, tự chấm 6,5 điểm)" across
    lines = maxima_into_lines(lines)  # "… (2 điểm)": no max column
    lines = verdict_figures_joined(lines)  # "Đạt một phần:" / "0,5 điểm": a verdict's points wrapped
    lines = not_scored_joined(lines)  # "Không" / "chấm": a self cell's not-scored words wrapped
    lines = halves_unfolded(lines)  # two halves side by side: the right half's rows after the left's
    pages = {p.number: p for p in doc.pages}
    # Tables OCR read one block per column first; the line reader reads the lines they leave.
    taken = [b for b in column_block_reading(doc, settings) if b.table.rows]
    tables: list[LineTable] = [b.table for b in taken]
    lines = [ln for k, ln in enumerate(lines) if not any(b.first <= k <= b.last for b in taken)]
    # A summary with the fields across (an OCR dump of one): its fields are no line's criterion.
    turned = fields_across_tables(lines)
    tables += [t.table for t in turned]
    lines = [ln for k, ln in enumerate(lines) if not any(t.first <= k <= t.last for t in turned)]
    i = 0
    while i < len(lines):
        start = _table_start(lines, i, settings)
        if start is None:
            break
        header_index, body_index = start
        table, i = _read_table(lines, header_index, body_index, pages, settings)
        # A points column OCR read as a block of its own below the table ("Điểm tự đánh giá" over
        # its bare numbers): its numbers go to the rows where their count is the rows'.
        i = fill_from_block(table, lines, i, is_signature, settings)
        if table.rows:
            tables.append(table)
    headless = headless_start(lines, settings) if not tables else None
    if headless is not None:
        # (no header read anywhere: the rows under a scoring title, the garbled header's lines above)
        table, _ = _read_table(headless.lines, headless.header, headless.body, pages, settings)
        if table.rows:
            tables.append(table)
    return tables


def _table_start(lines: list[Line], i: int, settings: LineTableSettings) -> tuple[int, int] | None:
    """The first header (a line, or a run of short header lines) from ``i`` on that names at
    least two column concepts; returns (header line index, first body line index)."""
    while i < len(lines):
        j = i
        concepts: set[str] = set()
        points: set[str] = set()
        end = i  # past the run's last header line: a garbled fragment after it is the body's
        while j < len(lines) and j - i < 10:
            numbers = _header_fragment(lines[j], settings) if j > i else None
            # A fragment of header words may carry a speck OCR read as a digit ("‘ 5 cham"); one
            # of no header words passes only with no number ("1." is the first row's code).
            worded = (
                numbers is not None and header_share(lines[j].raw or lines[j].text, settings) >= settings.header_share
            )
            # (a fragment's digit is a speck: "5 s tham" is no heading "5. …")
            if j > i and _criterion_heading(lines[j], settings):
                break  # the first row: a section heading shares the header's words ("chỉ đạo")
            if (is_header_line(lines[j], settings) and _opens_header(lines[j])) or (
                worded and _opens_header(lines[j], fragment=True)
            ):
                concepts |= header_concepts(lines[j].raw or lines[j].text)
                points |= keyed_concepts(lines[j].raw or lines[j].text)
                end = j + 1
            elif numbers != 0:
                break
            j += 1
        j = end
        # OCR cuts a wrapped header into lines holding one word of each label ("Điểmtự" / "danh"
        # / "giá"): the phrases are on no one line, but words naming two points columns still
        # make a score table's header (a task table's names one at most: "tham mưu").
        points |= concepts & set(HEADER_POINTS)
        if j > i and (
            len(concepts) >= settings.min_header_concepts
            or (len(points) >= 2 and len(concepts | points) >= settings.min_header_concepts)
        ):
            return i, j
        i = max(j, i + 1)
    return None


def _criterion_heading(line: Line, settings: LineTableSettings) -> bool:
    """A line in capitals that opens a catalogued criterion name, past the rule's specks and
    the code OCR left before it ("| 1. | CONG TAC CHI DAO, DIEU HANH CCHC One Ree aes", "~ |
    CONG TAC CHI DAO, DIEU HANH :"): a section heading, the table's first row, though its words
    ("chỉ đạo", "điều hành") are header words too. A header's labels open no criterion name."""
    tokens = [raw for _, raw in line_tokens(line)]
    while tokens and (JUNK.match(tokens[0]) or read_code_token(tokens[0]) or len(tokens[0]) == 1):
        tokens = tokens[1:]
    # (the heading's opening words in capitals: OCR's specks after it may be in small letters)
    letters = [ch for ch in "".join(tokens[: settings.heading_opening_words]) if ch.isalpha()]
    if not letters or sum(ch.isupper() for ch in letters) < 0.8 * len(letters):
        return False
    text = " ".join(tokens)
    return opens_criterion_name(text, settings) or first_name_line(text, settings)


def _opens_criterion(line: Line, settings: LineTableSettings) -> bool:
    """A line whose words open a catalogued criterion name, in small letters too, whatever runs
    after it ("Xay dung va té chifc thuc hién van ban quy pham ' | Thu hién day du, …"): the
    first row's name, printed above its figures, not a header label (no label is a criterion's
    wording)."""
    return opens_name_part(unspecked(line_tokens(line)), settings)


def _header_fragment(line: Line, settings: LineTableSettings) -> int | None:
    """How many points or codes a short line inside a wrapped header holds, None when it is no
    such fragment: too long for one, or more of them than a speck read as a digit. OCR garbles a
    label's words past recognition ("a téida | UBND", "xa tw")."""
    tokens = [raw for _, raw in line_tokens(line) if not JUNK.match(raw)]  # a rule's bar is no code
    numbers = sum(1 for t in tokens if is_score_token(t) or read_code_token(t))
    # (its length without the specks OCR strewed in it: "h sẽ ẹ Điểm . ^ S33 trà")
    stray = settings.keyed_fragment_numbers if keyed_concepts(line.raw or line.text) else settings.header_stray_numbers
    if len(" ".join(tokens)) > settings.header_fragment_chars or numbers > stray:
        return None
    return numbers


def _bare_numbers(line: Line) -> list[str]:
    """The points of a line that holds nothing but points ("10", "8,5 9"); [] otherwise."""
    tokens = (line.raw or line.text).split()
    return tokens if tokens and all(parse_number(t, kind="score") for t in tokens) else []


def _opens_header(line: Line, fragment: bool = False) -> bool:
    """Headings and bullets of prose ("1.3. Điểm số…", "- Tiêu chí mất điểm:", "a) …") talk
    about criteria and points too, but a column header never starts like them."""
    first = (line.raw or line.text).split()[0] if (line.raw or line.text).split() else ""
    if TOTAL_LABEL.match(fold(line.raw or line.text)):
        return False  # "TỔNG ĐIỂM" names points but is the first row (a total first), not the header
    # A colon right after a word ends a lead-in; one standing alone is an OCR speck of a rule.
    # A digit opening a word of letters ("5MP", "1T" for "STT", "TT") is a garbled label, no
    # heading's number; a short fragment of header words inside the header's run has no heading's.
    numbered = not fragment and _OPENS_NUMBER.match(first)
    # A part's roman heading ("II. KẾT QUẢ TỰ ĐÁNH GIÁ CÁC LĨNH VỰC") is a report's, not a header.
    numbered = numbered or (not fragment and _ROMAN_NUMBERED.match(first))
    if numbered or _OPENS_ITEM_MARK.match(first):
        return False
    # (a wrapped label's last word inside the header's run keeps a colon OCR made of a speck or
    # a rule: "chấm:" under "Điểm … UBND xã tự"; a lead-in has words before its colon)
    lone_word = fragment and len((line.raw or line.text).split()) == 1
    return lone_word or not _ENDS_IN_COLON.search(line.raw or line.text)


# A row's opening: its code ("b)", "1.2.", "3") and a name's capital after it.
_ROW_OPENING = lazy_compile(r"^(?:[a-zđ]\)|\d{1,2}(?:\.\d{1,2}){0,3}\.?)\s+\p{Lu}")


def _opens_row(line: Line) -> bool:
    """A line that opens like a row ("b) Tất cả báo cáo có đầy đủ nội dung …"): under a page's
    repeated header it is the page's first row, however many header words its name has."""
    return bool(_ROW_OPENING.match((line.raw or line.text).strip()))


def _read_table(
    lines: list[Line], header_index: int, i: int, pages: dict[int, Page], settings: LineTableSettings
) -> tuple[LineTable, int]:
    header = lines[header_index]
    columns = None
    if header.words:
        # A title above the header can pass for header words; the header opens at its first line
        # that names a column.
        while header_index < i - 1 and not any(header_key(w.text) for w in header.words):
            header_index += 1
            header = lines[header_index]
        body = [ln for ln in lines[i : i + settings.gutter_sample_lines] if ln.page == header.page]
        columns = column_ranges(lines[header_index:i], body, pages[header.page])
    table = LineTable(rows=[], pages=[], title=_title_above(lines, header_index), positional=columns is not None)
    header_lines = lines[header_index : _header_end(lines, i, settings)]
    table.header_points = frozenset(k for ln in header_lines for k in keyed_concepts(ln.raw or ln.text))
    table.deducted = deductions_only([ln.raw or ln.text for ln in header_lines])  # "Số điểm bị trừ"
    layout = replace(header_layout(header_lines), count_at=count_column_at(header_lines))
    tabbed = typed_at_tabs(header_lines)
    leadered = leader_lines(lines[i : i + settings.gutter_sample_lines], settings)
    if len(layout.points) < len(HEADER_POINTS):
        # A header line opening three points labels ("Điểm | Điểm tự | Điểm") hints at the column
        # as a piece of its label does.
        hinted = appraised_hinted(header_lines, settings) or points_labels(header_lines) >= len(HEADER_POINTS)
        layout = points_from_numbers(lines[i : i + settings.gutter_sample_lines], layout, settings, hinted, leadered)
    if layout.explanation_undecided or not layout.explanation_named:
        layout = explanation_side(lines[i : i + settings.gutter_sample_lines], layout, settings)
    if prints_fractions(_body_sample(lines[i : i + settings.gutter_sample_lines])):
        layout = replace(layout, fractions=True)
    elif prints_common_fractions(_body_sample(lines[i : i + settings.gutter_sample_lines])):
        layout = replace(layout, common_fractions=True)
    widths = column_widths(lines[i:], settings, layout)
    fraction_columns = len(layout.points) if layout.common_fractions else 0  # the totals line's "98 3/4"
    # The row builder and its readers load with the first table read (a text without one never
    # builds their classes).
    from extract.segment.line_rows import RowBuilder

    builder = RowBuilder(
        table,
        settings,
        widths,
        centred=columns is None and _numbers_centred(lines[i:], layout, settings),
        n_points=len(layout.points),
        typed_positions=tabbed or any(ln.words for ln in lines[i : i + settings.gutter_sample_lines]),
        leadered=leadered,
    )
    page_top = False
    fields_closed = False  # a "Cộng" closed a field of this table (``field_closing``)
    next_field: str | None = None  # the field a subtotal line's field is followed by
    under_header = True  # the line before was the header's (the first page's, or one repeated)
    previous: Line | None = header
    while i < len(lines):
        line = lines[i]
        text = fold(line.raw or line.text)
        if line.page != (previous.page if previous else line.page):
            page_top = True
        if is_signature(text, line.raw or line.text):
            break  # ("Nơi nhận: … CHỦ TỊCH" has header words: a page's top line that is it ends the table)
        if notes_open(lines, i):
            break  # the notes under the table ("* Ghi chú:" over "(1) …"): ``footnote_notes`` reads them
        if (
            (page_top and is_header_line(line, settings) and not _opens_row(line))
            or is_repeated_header(line, settings)
            or _beside_repeated_header(lines, i, settings)
        ) and not (_criterion_heading(line, settings) or _opens_criterion(line, settings)):
            previous = line
            under_header = True
            i += 1
            continue
        page_top = False
        if (is_carry_line(text) or opens_with_carry(text)) and not _opens_row(line):
            builder.end_row()  # "Cộng chuyển trang 45 40": a page's running sum, no row (carry_lines)
            previous = line
            i += 1
            continue
        # (the repaired text too: OCR's "Téng sé diém" is "Tổng số điểm" once its marks are read)
        total_line = TOTAL_LABEL.match(text) or is_garbled_total(text) or TOTAL_LABEL.match(fold(line.text))
        specked = None if total_line else specked_total(text)
        if total_line or specked:
            # A "Cộng" closing one field of a table printed a field at a time: the field's points.
            numbers, after = _total_figures(lines, i, fraction_columns)
            following = lines[after] if after < len(lines) else None
            garbled = specked == "garbled"
            if (not garbled and close_field(table, numbers, text, following, fields_closed)) or (
                specked and garbled_closing(table, text, numbers, following, builder.cur, labelled=True)
            ):
                fields_closed = True
                builder.end_row()
                previous, i = lines[after - 1], after
                continue
        if close_by_line(table.rows, raws := [raw for _, raw in line_tokens(line)], len(layout.points)):
            # A subtotal ("Cộng lĩnh vực 1") closing a field printing no points: the field's points.
            next_field = next_field_code(raws, len(layout.points))
            fields_closed = True
            builder.end_row()
            previous = line
            i += 1
            continue
        if total_line:
            raws = [raw for _, raw in line_tokens(line)]
            numbers, i = _total_figures(lines, i, fraction_columns)
            # (the first column's figure garbled: the one legible figure is the second's, ``total_garbled``)
            total_cells: list[str | None] = [None, *numbers] if first_total_unread(raws, numbers) else [*numbers]
            table.stated_total_max = total_cells[0] if total_cells else None
            table.stated_total_self = total_cells[1] if len(total_cells) > 1 else None
            table.total_first = not table.rows
            if table.rows:
                break  # a total last closes the table
            previous = lines[i - 1]  # a total first: the criteria follow it
            continue
        if _noise(line, settings) or (under_header and _column_numbers(line)):
            # a ruling line or a smudge OCR read as a row of symbols: no cell's text; the "(1) (2)
            # …" row under a header (OCR garbles it: "mm G) @ | 6 (6"): layout, no row. It is ink,
            # no blank line: the block it stands in goes on past it.
            previous = line
            i += 1
            continue
        under_header = False
        block_start = previous is None or line.page != previous.page or line.number > previous.number + 1
        cells = (
            read_positioned_line(line, columns, block_start)
            if columns and line.words
            else _doubted(figures_off_stops(read_line(line, block_start, layout), tabbed), leadered)
        )
        if next_field and cells.code is None and cells.name:
            cells.code = next_field  # (the field after a subtotal, its code lost: "5š Xây dựng …")
        next_field = None
        following = lines[i + 1] if i + 1 < len(lines) else None
        figures = [raw for raw in (cells.max_raw, cells.self_raw) if raw is not None]
        if (
            cells.code is None
            and unlabelled_closing(text, figures, following, builder.cur)
            and close_field(table, figures, text, following, fields_closed, labelled=False)
        ):
            fields_closed = True  # (a field's "Cộng" whose label OCR lost, above the next field)
            builder.end_row()
            previous = line
            i += 1
            continue
        if cells.code is None and garbled_closing(table, text, figures, following, builder.cur):
            fields_closed = True  # (a field's closing all the same: the table closes its fields so)
            builder.end_row()
            previous = line
            i += 1
            continue
        builder.feed(cells)
        if heading_next(table, following):
            builder.end_row()
        if line.page not in table.pages:
            table.pages.append(line.page)
        previous = line
        i += 1
    builder.close()
    title_field(table, fields_closed)
    if (
        len(layout.points) == len(HEADER_POINTS)
        and "appraised" not in table.header_points
        and names_share(header_lines)
    ):
        table.rows = third_as_share(table.rows)  # "Tỷ lệ đạt (%)": the third figure is no appraised points
    return table, i


def _total_figures(lines: list[Line], i: int, fraction_columns: int = 0) -> tuple[list[str], int]:
    """The figures of the totals line ``i``, and the index of the line after them; in a table
    printing common fractions (``fraction_columns``: its points columns) "98 3/4" is one figure."""
    line = lines[i]
    tokens_read = line_tokens(line)
    if fraction_columns:
        tokens_read = joined_fractions(tokens_read, fraction_columns)
    # (a figure with a rule's speck on its edge, "10:" or "10|", is the total's all the
    # same: dropping it would take the next column's figure for this one's)
    # A figure read as one beside others makes the line a run of cells, as a row's is: a
    # speck glued to another figure ("19°.") is then the grid's (``points_cell``).
    inside = set(label_figures(raws := [raw for _, raw in tokens_read]))
    tokens = [raw for place, raw in enumerate(raws) if place not in inside]
    beside = any(parse_number(raw, kind="score") for raw in tokens)
    numbers = [
        cell
        for raw in tokens
        if (cell := raw if parse_number(raw, kind="score") else points_cell(raw, beside_points=beside))
        and parse_number(cell, kind="score")
    ]
    i += 1
    # One cell per line: the total's numbers are the bare-number lines right under its
    # label, in the same block (a blank line ends the row; "2." after it is the next code).
    if not numbers:
        while i < len(lines) and lines[i].number == lines[i - 1].number + 1 and _bare_numbers(lines[i]):
            numbers += _bare_numbers(lines[i])
            i += 1
    return numbers, i


def _beside_repeated_header(lines: list[Line], i: int, settings: LineTableSettings) -> bool:
    """Line ``i`` is a header line of no points or code, printed next to a repeated header with
    only such lines between: a wrapped label's fragment OCR cut off the repeat (": : Điểm .J Điểm
    tự | Phòng" above it, "giá thấm", "định" below it), no row's text."""
    codes = [raw for _, raw in line_tokens(lines[i]) if not JUNK.match(raw) and read_code_token(raw)]
    if codes or not is_header_line(lines[i], settings):
        return False
    for step in (-1, 1):
        k = i + step
        while 0 <= k < len(lines) and abs(k - i) <= settings.header_tail_lines:
            near = lines[k - step]
            if lines[k].page != near.page or abs(lines[k].number - near.number) > 1:
                break  # (a blank line or a page between: another block)
            if is_repeated_header(lines[k], settings):
                return True
            if not is_header_line(lines[k], settings):
                break
            k += step
    return False


def _body_sample(lines: list[Line]) -> list[Line]:
    """A table's first body lines, up to the signature block (the letter's lines are no row's)."""
    end = next((k for k, line in enumerate(lines) if is_signature(fold(line.raw or line.text))), len(lines))
    return lines[:end]


def _noise(line: Line, settings: LineTableSettings) -> bool:
    """A line OCR made of a ruling line or a smudge ("st~i<it‘;~*C‘*Snzgs ism =SSCSC~“~*"): long,
    and too few of its characters letters or digits for text."""
    # Bars and specks standing alone are the table's rules, read as such: not what is weighed.
    tokens = [t for t in (line.raw or line.text).split() if not JUNK.match(t)]
    ink = "".join(tokens)
    if len(ink) < settings.noise_min_chars or sum(ch.isalnum() for ch in ink) >= settings.noise_alnum_share * len(ink):
        return False
    # Text with markup or many signs still holds words ("<b>Thống kê TTHC</b>"); noise none.
    return not any(is_syllable_run(run) for run in re.findall(r"\p{L}{3,}", " ".join(tokens)))


_RULE_RUN = lazy_compile(r"[—–_\-=~]{3,}")


def _column_numbers(line: Line) -> bool:
    """The row numbering the columns under a header, "(1) (2) (3) …", as OCR leaves it: two
    bracketed tokens or more, the rest numbers, specks and short tokens that are no syllable
    ("mm G) @ | 6 (6"); a row has its name's words. With four bracketed tokens or more, a word
    OCR made of a label's smudge between them may be a syllable ("q) (2) Son vip (3) (4 G®) (6)"):
    no row's name is so few words among so many column numbers."""
    tokens = [raw for _, raw in line_tokens(line) if not JUNK.match(raw)]
    bracketed = [t for t in tokens if re.fullmatch(r"\(?\w{1,2}\)|\(\w{1,2}\)?", t)]
    # (a token holding a run of dashes is the header's bottom rule OCR glued letters to:
    # "mmm———mma")
    others = [re.sub(r"[^\p{L}]", "", t) for t in tokens if t not in bracketed and not _RULE_RUN.search(t)]
    words = [w for w in others if w and (len(w) > 3 or is_syllable_run(w))]
    return len(bracketed) >= 2 and not words or len(bracketed) >= 4 and 2 * len(words) < len(bracketed)


def _numbers_centred(lines: list[Line], layout: HeaderLayout, settings: LineTableSettings) -> bool:
    """Whether the table prints its codes and numbers centred in tall rows: most lines with
    numbers carry the code too (both centred on one line; a top-aligned numbers column beside a
    centred STT column puts them on different lines), and a line right above such a line mostly
    starts a name (in a top-aligned table it ends the row above: a name's or an explanation's
    continuation)."""
    cells = [read_line(line, False, layout) for line in lines[: settings.gutter_sample_lines]]
    numbered = [k for k, c in enumerate(cells) if c.has_numbers]
    coded = [k for k in numbered if cells[k].code is not None]
    # A code and numbers with no name beside them ("3. : 14,5 14,5 14,25", or only OCR's specks:
    # ": 2 2 ee eee : 10 10 10"), under a line that starts like a name: the name is printed
    # around the numbers' line, not from it down.
    if any(k > 0 and cells[k].code is not None and _nameless(cells[k]) and _name_line(cells[k - 1]) for k in coded):
        return True
    # Codes whose line goes on with a name's lower-case middle ("1.1.2 | theo kế hoạch năm …"):
    # the name began above the line its code (and numbers) share. Most coded lines so say it
    # whatever else OCR made numbers of (a smudged line read "PC CA 700%", "i7 700"); some do
    # when the numbers' lines carry the codes.
    # (A code read on several lines is no STT cell, which numbers one row: "2 : | phong, ban, …",
    # "; 2 số nội dung còn …" are figures or specks before a top-aligned row's wrapped lines.)
    read_codes = [c.code for c in cells if c.code is not None]
    mid_name = [
        c for c in cells if c.code is not None and read_codes.count(c.code) == 1 and c.name and _continues_name(c.name)
    ]
    codes = len(read_codes)
    if len(mid_name) >= settings.centred_min_mid_names and len(mid_name) >= settings.centred_mid_name_most * codes:
        return True
    if not numbered or len(coded) < settings.centred_code_share * len(numbered):
        return False
    if len(mid_name) >= settings.centred_min_mid_names and len(mid_name) >= settings.centred_mid_name_share * codes:
        return True
    above = [cells[k - 1] for k in coded if k > 0 and not cells[k - 1].has_numbers and cells[k - 1].code is None]
    # A line that is, whole, a criterion name is a row of its own whose code and points OCR lost
    # (a centred name's part above its numbers is no whole name): it says nothing of the layout.
    above = [
        c
        for c in above
        if c.bare is None and c.text_tokens and not is_criterion_name(unspecked(c.text_tokens), settings)
    ]
    if len(above) < settings.centred_min_rows:
        return False
    return sum(starts_name(c.text_tokens) for c in above) >= settings.centred_name_share * len(above)


def _nameless(cells: LineCells) -> bool:
    return all(speckish(raw) for _, raw in cells.name)


def _name_line(cells: LineCells) -> bool:
    """A line of text only that starts like a criterion name (a capital, then words)."""
    return not cells.has_numbers and cells.code is None and cells.bare is None and starts_name(cells.text_tokens)


def _doubted(cells: LineCells, leadered: bool) -> LineCells:
    """A leadered list's line with its figures doubted where a leader's specks read as digits
    stand among them (``leader_specks``)."""
    return leader_doubts(cells) if leadered else cells


def _continues_name(tokens: list[tuple[str, str]]) -> bool:
    """A line's name text opens with a lower-case word of two letters or more (a stray letter or
    speck aside): the middle of a name, not its start."""
    word = next((raw for _, raw in unspecked(tokens) if re.match(r"\p{L}{2}", raw)), "")
    return word[:1].islower()


def _header_end(lines: list[Line], i: int, settings: LineTableSettings) -> int:
    """Where the header's words end: OCR cuts a wrapped header into short lines, some of which
    ("điểm UBND Phòng") have too few header words to pass for header lines; they run on until
    the first line with points or a code."""
    end = i
    while end < min(len(lines), i + settings.header_tail_lines):
        tokens = [raw for _, raw in line_tokens(lines[end])]
        if not tokens or any(is_score_token(t) or read_code_token(t) for t in tokens):
            break
        end += 1
    return end


def _title_above(lines: list[Line], index: int) -> str:
    for line in reversed(lines[max(0, index - 4) : index]):
        if len(line.text) > 20:
            return line.text.strip().lstrip(CODE_NOISE + " ")  # a speck before it reads as "_"
    return ""
