"""Score tables OCR cut into one text block per column (issue 11): Tesseract's automatic page
segmentation (``--psm 3``, what ``tesseract scan.png out`` gives) often reads an unruled or wide
table column by column. The dump then prints the names block (one criterion per paragraph, its
wrapped lines together, under a header naming the criteria column alone), then, often after the
signature block, each points column as its own block: a short head ("Điểm" / "chuẩn", "Điểm tự" /
"đánh" / "giá") over its bare numbers, one a line; or one head naming several points columns over
lines that each print a row's numbers (and its explanation after them).

A line reader pairs no name with numbers printed forty lines below it. Here a block's numbers go
to the names in order where their count is the names' count, or the names' count less the
headings printed in capitals (which print no points). A block whose count agrees with neither (a
row's numbers OCR lost, rows run onto one line, a totals line whose label is outside the names
block) is placed by the table's sums (``block_alignment``): a line only where every best placing
agrees, the others told with the rows they could go to; a block no sum confirms is returned as
unread, never guessed at.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import regex as re

from extract.model import Line
from extract.segment.block_alignment import NOT_PLACED, Criterion, Placing, align, points_value
from extract.segment.column_heads import COLUMN_NUMBERS, ColumnBlockSettings, PointsBlock, is_head_line, points_blocks
from extract.segment.count_pairing import OrderDoubt, doubted_order, realigned
from extract.segment.line_common import JUNK, LineTableSettings, is_score_token, line_tokens
from extract.segment.line_header import HEADER_POINTS, header_concepts, header_share, is_header_line, keyed_concepts
from extract.segment.line_split import is_heading, opens_criterion_name
from extract.segment.row_draft import LineTable, RowDraft
from normalize.codes import letter_item, read_code_token, roman_numeral
from normalize.text import fold
from schemas.records import ScoreTable, UnreadPart


@dataclass
class _Entry:
    """One criterion of the names block: its code as printed (if any) and its text lines."""

    code: str | None
    tokens: list[tuple[str, str]]
    first: Line
    last: Line
    total: bool = False
    heading: bool = False


@dataclass(frozen=True)
class UnpairedBlock:
    """A points column's block whose numbers could not be paired with the names for certain."""

    columns: str  # the points columns its head names ("max", "max self")
    numbers: int
    criteria: int  # the names block's criteria
    page: int
    line_start: int
    line_end: int
    sample: str
    placed: int = 0  # its lines the table's sums placed on rows (``block_alignment``); the rest not read
    alternatives: str = ""  # each line not placed, with the rows it could go to
    # As many lines as criteria, but paired in order the table's sums broke so many relations
    # (``count_pairing``): the numbers shifted by a line lost and one added.
    shifted: int = 0


@dataclass
class ColumnBlockTable:
    """A table read by column blocks; no rows when no block paired (then the lines stay the line
    reader's, and ``unpaired`` says which blocks were not read)."""

    table: LineTable
    first: int  # the document lines it took (indices), so the line reader skips them
    last: int
    unpaired: list[UnpairedBlock] = field(default_factory=list)


def column_block_tables(
    lines: list[Line],
    is_total: Callable[[str], bool],
    is_signature: Callable[[str], bool],
    settings: ColumnBlockSettings = ColumnBlockSettings(),
    line_settings: LineTableSettings = LineTableSettings(),
) -> list[ColumnBlockTable]:
    """The tables of the document's lines that OCR read column by column."""
    found = []
    i = 0
    while i < len(lines):
        if _names_head(lines[i], settings, line_settings):
            read = _read(lines, i, is_total, is_signature, settings, line_settings)
            if isinstance(read, ColumnBlockTable):
                found.append(read)
                i = read.last + 1
                continue
            i = max(i, read)  # a names block with no column blocks: no head inside it
        i += 1
    return found


def _names_head(line: Line, settings: ColumnBlockSettings, line_settings: LineTableSettings) -> bool:
    """A header line naming the criteria column and no points column: the names block's head."""
    text = line.raw or line.text
    if (
        not is_header_line(line, line_settings)
        or header_share(text, line_settings) < settings.names_head_share
        or any(is_score_token(t) for t in text.split())
    ):
        return False
    if text.split() and read_code_token(text.split()[0]) and not header_share(text.split()[0], line_settings):
        return False  # a row's code opens it ("1.2. Xác định … các lĩnh vực"): no header
    # ("Tiêu chí đánh giá", "Nội dung đánh giá" are the criteria column's label, not the self points')
    text = re.sub(r"(?:tieu chi|noi dung) danh gia", "tieu chi", fold(text), flags=re.I)
    if len(re.findall(r"\p{L}+", text)) < 2:
        return False  # a label's word alone ("chí") is a wrapped header's piece, or a name's
    concepts = header_concepts(text) | keyed_concepts(text)
    return "criterion" in concepts and not concepts & set(HEADER_POINTS)


def _read(
    lines: list[Line],
    head: int,
    is_total: Callable[[str], bool],
    is_signature: Callable[[str], bool],
    settings: ColumnBlockSettings,
    line_settings: LineTableSettings,
) -> ColumnBlockTable | int:
    """The table whose names block opens under line ``head``; else the line its search got to."""
    entries, end = _names_block(lines, head + 1, is_total, is_signature, line_settings)
    if len(entries) < settings.min_entries:
        return head
    # (a head over no number is explanation text that reads like header words: "Ban hành chậm so")
    blocks = [b for b in points_blocks(lines, end, is_signature, settings, line_settings) if b.rows]
    if not any(set(b.concepts) & set(HEADER_POINTS) for b in blocks):
        return end
    table = LineTable(rows=[], pages=[])
    _codes_from_block(entries, _codes_block(lines, head))
    _repeated_parts(entries)
    drafts = [_draft(e) for e in entries]
    # A totals row the names block lacks is printed last (its label outside the block): the
    # alignment may place a line on it where the top rows' sum says so.
    aligned_entries = entries if any(e.total for e in entries) else [*entries, _printed_total(entries)]
    drafts.append(_draft(aligned_entries[-1]))
    unread = []
    paired = False
    maxima: dict[int, float] = {}
    # The blocks naming the maximum first: a score block's placing weighs the maxima placed.
    for block in sorted(blocks, key=lambda b: "max" not in b.concepts):
        points = [c for c in block.concepts if c in HEADER_POINTS]
        if not points:
            continue
        targets = _pairing(entries, block)
        doubt = _order_doubt(aligned_entries, block, points, targets, maxima, settings)
        if doubt is not None:
            targets = None
        rows = block.rows if targets is not None else _one_number_a_line(block.rows, points)
        placing = (
            Placing(dict(enumerate(targets)), {})
            if targets is not None
            else doubt.placing
            if doubt is not None
            else _aligned(aligned_entries, block, rows, points, maxima)
        )
        placed = placing.placed
        shifted = doubt.order.broken if doubt is not None else 0
        if not placed:
            unread.append(_unpaired(block, points, entries, lines, shifted=shifted))
            continue
        paired = True
        table.order_realigned = table.order_realigned or doubt is not None
        if len(placed) < len(rows):
            doubts = _alternatives(placing, rows, aligned_entries)
            unread.append(_unpaired(block, points, entries, lines, len(placed), len(rows), doubts, shifted))
        for r, k in placed.items():
            numbers, text, line = rows[r]
            draft = drafts[k]
            for concept, raw in zip(points, numbers):
                setattr(draft, f"{concept}_raw", raw)
                draft.number_confs[concept] = min(draft.number_confs.get(concept, 1.0), settings.paired_number_conf)
                if concept == "max" and (value := points_value(raw)) is not None:
                    maxima[k] = value
            draft.explanation += text
            draft.line_end = max(draft.line_end, line.number) if line.page == draft.page else draft.line_end
    if len(aligned_entries) > len(entries) and (drafts[-1].max_raw or drafts[-1].self_raw):
        table.stated_total_max, table.stated_total_self = drafts[-1].max_raw, drafts[-1].self_raw
    for entry, draft in zip(entries, drafts):
        if entry.total:
            table.stated_total_max, table.stated_total_self = draft.max_raw, draft.self_raw
        else:
            table.rows.append(draft)
    table.pages = sorted({e.first.page for e in entries})
    last = max([end - 1] + [b.last for b in blocks])
    if not paired and settings.names_without_points and unread:
        table.points_told_unread = True  # its criteria kept, the blocks told (``unpaired_parts``)
    elif not paired:
        table.rows = []  # nothing certain: the lines stay the line reader's
        last = end - 1
    return ColumnBlockTable(table, head, last, unread)


def unpaired_parts(found: list[ColumnBlockTable]) -> list[UnreadPart]:
    """Each points block that could not be paired with its table's names, as an unread part: its
    points are not read, and the document says so."""
    return [
        UnreadPart(
            page=b.page,
            kind="table",
            reason=f"a table OCR read one block per column: its {b.columns} block prints {b.numbers} numbers "
            f"for {b.criteria} criteria{_shift_told(b)}, so they were not paired with the names (not read)"
            if not b.placed
            else f"a table OCR read one block per column: its {b.columns} block prints {b.numbers} numbers "
            f"for {b.criteria} criteria{_shift_told(b)}; the table's sums placed {b.placed} of them, the other "
            f"{b.numbers - b.placed} could go to more than one row (not read: {b.alternatives})",
            text_sample=b.sample,
            line_start=b.line_start,
            line_end=b.line_end,
        )
        for table in found
        for b in table.unpaired
    ]


def _shift_told(block: UnpairedBlock) -> str:
    if not block.shifted:
        return ""
    return (
        f" (paired in order, the table's sums fail at {block.shifted} places: a line lost and another "
        "added shift the numbers, misaligned with the names)"
    )


_BlockRow = tuple[list[str], list[tuple[str, str]], Line]

# A row of a table whose points blocks were told unread (``ColumnBlockSettings.names_without_points``):
# its figures are lost, told, not a sign the row was misread.
FLAG_POINTS_UNPAIRED = "points_in_unpaired_blocks"


def flag_points_unpaired(table: ScoreTable) -> ScoreTable:
    """``table`` (read from a ``points_told_unread`` line table) with each row flagged: its figures
    are told lost, the row is its printed criterion, not a misread layout's."""
    for row in table.rows:
        row.flags.append(FLAG_POINTS_UNPAIRED)
    return table


# A row of a table whose points block was paired in order, its sums contradicted that, and placed
# by the sums instead (``count_pairing``): its figures are the realigned ones.
FLAG_ORDER_REALIGNED = "figures_realigned_by_sums"


def flag_order_realigned(table: ScoreTable) -> ScoreTable:
    """``table`` (read from an ``order_realigned`` line table) with each row flagged."""
    for row in table.rows:
        row.flags.append(FLAG_ORDER_REALIGNED)
    return table


def _aligned(
    entries: list[_Entry], block: PointsBlock, rows: list[_BlockRow], points: list[str], maxima: dict[int, float]
) -> Placing:
    """{block row: entry} for a block whose count is not the entries' (``block_alignment``): the
    lines the table's sums place for certain; none for a block with a spoilt cell or a line of
    more numbers than its columns."""
    if block.garbled or any(len(numbers) > len(points) for numbers, _, _ in rows):
        return NOT_PLACED
    if len(points) > 1 and all(len(numbers) < len(points) for numbers, _, _ in rows):
        return NOT_PLACED  # no line prints every column: which column its lone number is, nothing says
    if "max" not in points and not maxima:
        return NOT_PLACED  # scores with no maximum placed: no score reads as within its row's maximum
    criteria = [Criterion(e.code, e.total, e.heading) for e in entries]
    return align(criteria, [numbers for numbers, _, _ in rows], points, maxima)


def _order_doubt(
    entries: list[_Entry],
    block: PointsBlock,
    points: list[str],
    targets: list[int] | None,
    maxima: dict[int, float],
    settings: ColumnBlockSettings,
) -> OrderDoubt | None:
    """A block paired by its count whose sums say its numbers are shifted (``count_pairing``), with
    the placing the sums give instead; None when the pairing stands (or there was none)."""
    if targets is None:
        return None
    criteria = [Criterion(e.code, e.total, e.heading) for e in entries]
    numbers = [numbers for numbers, _, _ in block.rows]
    order = doubted_order(criteria, numbers, points, targets, maxima, settings)
    if order is None:
        return None
    return realigned(order, _aligned(entries, block, _one_number_a_line(block.rows, points), points, maxima), settings)


def _alternatives(placing: Placing, rows: list[_BlockRow], entries: list[_Entry]) -> str:
    """The lines not placed, each with the rows the best placings put it on ("8,5 → 1 / 2 / 3")."""

    def label(k: int) -> str:
        entry = entries[k]
        return "total" if entry.total else (entry.code or "").rstrip(".") or " ".join(t for t, _ in entry.tokens[:3])

    return "; ".join(
        f"{' '.join(rows[r][0])} → {' / '.join(label(k) for k in ks) if ks else 'no row'}"
        for r, ks in sorted(placing.doubtful.items())
    )


def _printed_total(entries: list[_Entry]) -> _Entry:
    return _Entry(None, [], entries[-1].last, entries[-1].last, total=True)


def _one_number_a_line(rows: list[_BlockRow], points: list[str]) -> list[_BlockRow]:
    """A one-column block's line of several numbers is rows OCR ran onto one line ("4,25 0,75"):
    one number a row, the line's words with its last."""
    if len(points) != 1:
        return rows
    split: list[_BlockRow] = []
    for numbers, text, line in rows:
        for j, number in enumerate(numbers):
            split.append(([number], text if j == len(numbers) - 1 else [], line))
    return split


def _unpaired(
    block: PointsBlock,
    points: list[str],
    entries: list[_Entry],
    lines: list[Line],
    placed: int = 0,
    count: int | None = None,
    alternatives: str = "",
    shifted: int = 0,
) -> UnpairedBlock:
    first = entries[0].first
    numbers = " ".join(" ".join(n) for n, _, _ in block.rows)
    names = " | ".join(" ".join(t for t, _ in e.tokens) for e in entries)
    return UnpairedBlock(
        " ".join(points),
        len(block.rows) if count is None else count,
        len(entries),
        first.page,
        first.number,
        lines[block.last].number if lines[block.last].page == first.page else entries[-1].last.number,
        f"{names} || {' '.join(points)}: {numbers}",
        placed,
        alternatives,
        shifted,
    )


def fill_from_block(
    table: LineTable,
    lines: list[Line],
    i: int,
    is_signature: Callable[[str], bool],
    line_settings: LineTableSettings = LineTableSettings(),
    settings: ColumnBlockSettings = ColumnBlockSettings(),
) -> int:
    """A table read from lines (a name and its points a line) whose rows print no cell of a points
    column, followed by that column alone as a block of its own (OCR cut it off: "Điểm tự" /
    "đánh" / "giá" over its bare numbers): its numbers go to the rows in order when they are as
    many as the rows (and the totals row, when one was read). Returns the line after what it took."""
    rows = table.rows
    missing = [c for c in HEADER_POINTS if rows and all(getattr(r, f"{c}_raw") is None for r in rows)]
    if not missing or len(rows) < settings.min_entries:
        return i
    end = i
    for block in points_blocks(lines, i, is_signature, settings, line_settings):
        points = [c for c in block.concepts if c in HEADER_POINTS]
        if len(points) != 1 or points[0] not in missing or block.garbled or not block.rows:
            continue
        if any(len(numbers) != 1 for numbers, _, _ in block.rows):
            continue  # a line of several numbers is no one column's cell
        values = [numbers[0] for numbers, _, _ in block.rows]
        total = None
        if table.stated_total_max is not None and len(values) == len(rows) + 1:
            total = values.pop(0 if table.total_first else -1)
        if len(values) != len(rows):
            continue
        for row, value in zip(rows, values):
            setattr(row, f"{points[0]}_raw", value)
        if total is not None and points[0] == "self":
            table.stated_total_self = total
        missing.remove(points[0])
        end = max(end, block.last + 1)
    return end


def _pairing(entries: list[_Entry], block: PointsBlock) -> list[int] | None:
    """The entries a block's rows go to, in order, when that is certain: as many rows as entries,
    or as many as the entries that are no capitals heading (a heading prints no points)."""
    points = [c for c in block.concepts if c in HEADER_POINTS]
    if block.garbled or any(len(numbers) > len(points) for numbers, _, _ in block.rows):
        return None  # a cell OCR spoilt, or more numbers on a line than the block has columns
    n = len(block.rows)
    if n == len(entries):
        return list(range(n))
    scored = [k for k, e in enumerate(entries) if not e.heading]
    if n == len(scored) and len(scored) < len(entries):
        return scored
    return None


def _codes_block(lines: list[Line], head: int) -> list[str]:
    """The codes OCR read as a block of their own above the names block's head (the narrow STT
    column: "TT" / "I." / "1." / "a)" …), top to bottom; stops at the "TT" head or any other line."""
    codes: list[str] = []
    k = head - 1
    while k >= 0 and lines[k].page == lines[head].page:
        tokens = (lines[k].raw or lines[k].text).split()
        if len(tokens) != 1 or not read_code_token(tokens[0]):
            break
        codes.insert(0, tokens[0])
        k -= 1
    return codes


def _codes_from_block(entries: list[_Entry], codes: list[str]) -> None:
    """The codes block's codes go to the criteria, in order, when none prints its own and they
    are as many as the criteria (the totals row has none); else the codes are inferred."""
    criteria = [e for e in entries if not e.total]
    if codes and len(codes) == len(criteria) and not any(e.code for e in criteria):
        for entry, code in zip(criteria, codes):
            entry.code = code


def _repeated_parts(entries: list[_Entry]) -> None:
    """A capitals heading printing the part number of the heading above ("I." under "I."): OCR
    lost a stroke, the part is the next one."""
    last = 0
    for entry in entries:
        token = read_code_token(entry.code) if entry.heading and entry.code else None
        if token is None or not token.roman or any(ch.isdigit() for ch in entry.code or ""):
            continue
        if token.roman <= last:
            entry.code = f"{roman_numeral(last + 1)}."
        last = max(last, token.roman)


def _draft(entry: _Entry) -> RowDraft:
    return RowDraft(
        code=entry.code,
        name=entry.tokens,
        page=entry.first.page,
        line_start=entry.first.number,
        line_end=entry.last.number,
        started_by="code" if entry.code else "text",
    )


def _names_block(
    lines: list[Line],
    i: int,
    is_total: Callable[[str], bool],
    is_signature: Callable[[str], bool],
    line_settings: LineTableSettings,
) -> tuple[list[_Entry], int]:
    """The criteria printed from line ``i`` on, up to the signature block or a column head; none
    when a line prints points (then the names are not a block of their own)."""
    entries: list[_Entry] = []
    previous: Line | None = None
    while i < len(lines):
        line = lines[i]
        text = line.raw or line.text
        if is_signature(fold(text)) or (previous and line.page != previous.page):
            break
        tokens = _entry_tokens(line)
        if not tokens or COLUMN_NUMBERS.fullmatch(text):
            i += 1
            continue  # (the "(1) (2)" row under the header numbers the columns)
        if is_head_line(text, line_settings) and header_concepts(text) - {"criterion"}:
            break  # another column's head
        if not entries and len(tokens) <= 2 and header_share(text, line_settings) >= 1.0:
            previous = line
            i += 1
            continue  # the head's wrapped word ("Số" / "TT")
        code = read_code_token(tokens[0][1])
        rest = tokens[1:] if code else tokens
        raws = [raw for _, raw in rest]
        if (raws and is_score_token(raws[-1])) or any(
            is_score_token(a) and is_score_token(b) for a, b in zip(raws, raws[1:])
        ):
            return [], i  # a name with its points beside it: the line reader's layout
        gap = previous is None or line.number > previous.number + 1
        total = is_total(fold(text))
        capitals = is_heading(rest, line_settings) or bool(entries and entries[-1].heading and _upper(rest))
        opens = bool(code) or total or gap or opens_criterion_name(" ".join(t for t, _ in rest), line_settings)
        opens = opens or bool(entries and entries[-1].heading and not capitals)  # the heading's row ends
        if entries and not entries[-1].tokens and not code:
            opens = False  # a code on a line of its own: this line holds its name
        if entries and not entries[-1].tokens and code:
            entries.pop()  # a code-like speck with no name ("q)" of a "(1) (2)" row): no criterion
        if entries and not opens and not (capitals and not entries[-1].heading):
            entries[-1].tokens += tokens
            entries[-1].heading = entries[-1].heading or (capitals and not entries[-1].total)
            entries[-1].last = line
        else:
            entries.append(_Entry(tokens[0][1] if code else None, rest, line, line, total, capitals and not total))
        previous = line
        i += 1
    return [e for e in entries if e.tokens], i


def _entry_tokens(line: Line) -> list[tuple[str, str]]:
    """A names block line's tokens, marks OCR made of specks left out, but not an item letter
    OCR read as a mark opening the line ("€) Các kết quả …" for "c)"): it opens a criterion."""
    tokens = line_tokens(line)
    opening = tokens[:1] if tokens and letter_item(tokens[0][1]) else []
    return opening + [t for t in tokens[len(opening) :] if not JUNK.match(t[1])]


def _upper(tokens: list[tuple[str, str]]) -> bool:
    """A line in capitals however short: a capitals heading's wrapped end ("KHÁC")."""
    letters = [ch for _, raw in tokens for ch in raw if ch.isalpha()]
    return len(letters) >= 2 and all(ch.isupper() for ch in letters)
