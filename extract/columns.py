"""Side-by-side columns read one after the other.

An official letter prints two columns side by side twice: at the top the issuer ("UBND HUYỆN … /
ỦY BAN NHÂN DÂN XÃ …" over "Số: 15/KH-UBND") beside the national motto (over "Tân Lạc, ngày 12
tháng 3 năm 2024"), at the bottom the "Nơi nhận" list beside the signature ("TM. ỦY BAN NHÂN DÂN /
CHỦ TỊCH / <name>"). The formats hand these over in three shapes:

- a borderless table (DOCX, a text export's tab-separated rows): each cell is a column of lines;
- one printed line holding both columns (a PDF's text layer, a paragraph typed with tabs, a text
  export laid out with runs of spaces): the line is cut at its column gaps — wide gaps between
  word boxes when the format has positions, the typed tabs/space runs otherwise — and at known
  anchors where nothing marks the gap;
- separate lines on one printed row (the PDF reader already cut the line at a very wide gap).

``reading_lines`` gives the document's lines with every such two-column block re-read column by
column (the left column top to bottom, then the right one), so that a reader of the header sees
"ỦY BAN NHÂN DÂN" followed by "XÃ TÂN LẠC", never by "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM".
What counts as an anchor (the motto, "Số:", the place-and-date line…) is the caller's knowledge,
passed in as ``Anchors``; this module only knows geometry and order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from itertools import pairwise
from statistics import median

from extract.model import Cell, IngestedDocument, Line, Table, bbox_of, union_bbox
from normalize.lazy_regex import lazy_re_compile
from normalize.text import column_pieces, fold_spaces


@dataclass(frozen=True)
class ColumnSettings:
    # A gap between two words this many word heights wide separates two columns. The PDF reader
    # already cuts lines at 1.8 font sizes; a motto that nearly fills its cell sits closer than
    # that to the issuer, while words of one column are a third of a height apart.
    gap_em: float = 1.0
    # Two pieces whose vertical extents overlap by this share of the smaller one share a row.
    row_overlap: float = 0.5
    # Single-column rows between two two-column rows still belong to the block (a wrapped
    # issuer line, an empty right cell beside the third issuer line).
    max_rows_between: int = 2
    # A layout table is small: a letter's header or signature block, not a data table.
    layout_max_rows: int = 6
    layout_max_cols: int = 3
    # Pieces of text cut out of one piece at an anchor, at most this many times per line; only
    # lines this short are searched (issuer and motto together are short, body paragraphs are not).
    max_anchor_cuts: int = 3
    anchor_max_chars: int = 160


# A list item's marker: "1.", "1.2.", "I.", "a)", "-", "+", "•".
_LIST_MARKER = lazy_re_compile(r"^(?:\(?(?:\d+(?:\.\d+)*|[IVXLC]+|[a-zđ])[.)]|[-+•*–])$")


@dataclass(frozen=True)
class Anchors:
    """What the caller knows about a letter's two columns."""

    side: Callable[[str], int | None]  # 0 left column, 1 right column, None: no anchor
    cut: Callable[[str], int | None]  # offset where a right-column anchor starts inside a piece
    is_layout: Callable[[str], bool]  # a cell line that makes a small table a letter's layout


@dataclass
class Fragment:
    line: Line  # the piece as a line of its own (text, raw and words cut alike)
    slot: int  # 0 for a line's first piece, 1+ after a column gap
    x: tuple[float, float] | None  # horizontal extent when the format has positions


def reading_lines(doc: IngestedDocument, anchors: Anchors, settings: ColumnSettings = ColumnSettings()) -> list[Line]:
    """The document's lines, two-column blocks read column by column and layout tables (small
    tables holding the motto, "Số:", "Nơi nhận"…) read as their columns of lines; data tables
    are left out, as ``IngestedDocument.lines`` leaves them."""
    out: list[Line] = []
    for page in doc.pages:
        rows: list[list[Fragment]] = []
        for block in page.blocks:
            if isinstance(block, Line):
                frags = fragments(block, anchors, settings)
                if rows and _same_row(rows[-1], frags, settings):
                    rows[-1].extend(frags)
                else:
                    rows.append(frags)
                continue
            out += serialize(rows, anchors, settings)
            rows = []
            if is_layout_table(block, anchors, settings):
                out += table_lines(block, anchors, settings)
        out += serialize(rows, anchors, settings)
    return out


def is_layout_table(table: Table, anchors: Anchors, settings: ColumnSettings = ColumnSettings()) -> bool:
    if table.n_rows > settings.layout_max_rows or table.n_cols > settings.layout_max_cols:
        return False
    return any(
        anchors.is_layout(piece)
        for cell in table.cells
        for text in _cell_texts(cell)
        for piece in (column_pieces(text) or [text])
        if piece
    )


def table_lines(table: Table, anchors: Anchors, settings: ColumnSettings = ColumnSettings()) -> list[Line]:
    """A layout table's lines: each grid column top to bottom, left column first; within a cell
    its lines (a cell typed with tabs is itself read column by column)."""
    out: list[Line] = []
    for col in range(table.n_cols):
        for cell in sorted((c for c in table.cells if c.col == col), key=lambda c: c.row):
            rows = []
            for text in _cell_texts(cell):
                line = Line(
                    text=fold_spaces(text),
                    page=table.page,
                    number=table.line_start + cell.row,
                    bold=cell.bold,
                    columns=column_pieces(text),
                    raw=cell.raw if not cell.lines else None,
                )
                if line.text:
                    rows.append(fragments(line, anchors, settings))
            out += serialize(rows, anchors, settings)
    return out


def fragments(line: Line, anchors: Anchors, settings: ColumnSettings = ColumnSettings()) -> list[Fragment]:
    """A line cut into its side-by-side pieces: at wide gaps between its word boxes, else at its
    typed gaps, then at anchors found inside a piece."""
    frags = _by_geometry(line, settings) or _by_typed_gaps(line) or [Fragment(line, 0, _extent(line))]
    if len(frags) > 1 and frags[0].slot == 0 and _LIST_MARKER.match(frags[0].line.text):
        # "1.<tab>Mục đích", "I.<tab>ĐÁNH GIÁ": the gap after a list marker is indentation
        merged = _cut(line, [len(frags[0].line.text.split()) + len(frags[1].line.text.split())])
        if merged:
            frags = [Fragment(merged[0], 0, _extent(merged[0]) if frags[0].x else None)] + [
                Fragment(f.line, f.slot - 1, f.x) for f in frags[2:]
            ]
    out: list[Fragment] = []
    if len(line.text) > settings.anchor_max_chars:
        return frags
    for frag in frags:
        for _ in range(settings.max_anchor_cuts):
            at = anchors.cut(frag.line.text)
            if at and not frag.line.text[at - 1].isspace():
                frag = Fragment(_split_word(frag.line, at), frag.slot, frag.x)  # "XUÂNCỘNG HÒA"
                at += 1
            k = len(frag.line.text[:at].split()) if at else 0
            parts = _cut(frag.line, [k]) if 0 < k < len(frag.line.text.split()) else None
            if not parts:
                break
            out.append(Fragment(parts[0], frag.slot, _extent(parts[0]) if frag.x else None))
            frag = Fragment(parts[1], frag.slot + 1, _extent(parts[1]) if frag.x else None)
        out.append(frag)
    return out


def serialize(rows: list[list[Fragment]], anchors: Anchors, settings: ColumnSettings = ColumnSettings()) -> list[Line]:
    """Rows of fragments back to lines, each two-column block left column first."""
    out: list[Line] = []
    i = 0
    while i < len(rows):
        block = _block_at(rows, i, settings)
        if block is None:
            out += [f.line for f in rows[i]]
            i += 1
            continue
        first, last = block
        members = rows[first : last + 1]
        split_x = _split_x(members)
        while last + 1 < len(rows) and _placed(rows[last + 1], members, split_x):
            last += 1  # the signer's name under the signature titles, alone on its row
            members = rows[first : last + 1]
        sides: tuple[list[Line], list[Line]] = ([], [])
        for row in members:
            for k, frag in enumerate(row):
                sides[_side(frag, k, len(row), split_x, anchors)].append(frag.line)
        out += sides[0] + sides[1]
        i = last + 1
    return out


# --- cutting lines -------------------------------------------------------------------------------


def _words_bbox(words: list, line: Line):
    """The box of a piece: its words' boxes; with no words, the line's own box only when the line
    had no words at all (a piece of a worded line without words has no place)."""
    boxes = [w.bbox for w in words if w.bbox is not None]
    if boxes:
        return union_bbox(boxes)
    return None if line.words else line.bbox


def _by_geometry(line: Line, settings: ColumnSettings) -> list[Fragment] | None:
    words = line.words
    if len(words) < 2 or any(w.bbox is None for w in words):
        return None
    boxes = [bbox_of(w) for w in words]
    cuts = [
        k
        for k in range(1, len(words))
        if boxes[k][0] - boxes[k - 1][2]
        >= settings.gap_em * max(boxes[k][3] - boxes[k][1], boxes[k - 1][3] - boxes[k - 1][1])
    ]
    parts = _cut(line, cuts) if cuts else None
    return [Fragment(p, s, _extent(p)) for s, p in enumerate(parts)] if parts else None


def _by_typed_gaps(line: Line) -> list[Fragment] | None:
    pieces = line.columns
    if not pieces:
        return None
    lead = 1 if pieces[0] == "" else 0
    counts = [len(p.split()) for p in pieces[lead:]]
    cuts = [sum(counts[:k]) for k in range(1, len(counts))]
    parts = _cut(line, cuts) if cuts else [line]
    if parts is None:
        return None
    return [Fragment(p, s + lead, None) for s, p in enumerate(parts)]


def _split_word(line: Line, at: int) -> Line:
    """The line with a space put at ``at``, inside a word OCR or a text export glued from the
    last word of one column and the first of the next ("ĐỒNG XUÂNCỘNG HÒA"). The raw text is
    split alike when it holds the same glued word; the glued word's box is cut where its letters
    are (a proportional share of its width)."""
    text = line.text[:at] + " " + line.text[at:]
    words = list(line.words)
    if words:
        k = len(line.text[:at].split()) - 1  # the glued word's index
        if len(words) != len(line.text.split()) or words[k].bbox is None:
            return line
        word = words[k]
        head = len(line.text[:at].split()[-1])
        assert word.bbox is not None
        x0, y0, x1, y1 = word.bbox
        cut = x0 + (x1 - x0) * head / max(1, len(word.text))
        words[k : k + 1] = [
            replace(word, text=word.text[:head], bbox=(x0, y0, cut, y1)),
            replace(word, text=word.text[head:], bbox=(cut, y0, x1, y1)),
        ]
    raw = line.raw
    if raw is not None:
        left = line.text[:at].split()[-1]
        pos = raw.find(left + line.text[at:].split()[0])
        raw = raw[: pos + len(left)] + " " + raw[pos + len(left) :] if pos >= 0 else None
    return replace(line, text=text, raw=raw, words=words)


def _cut(line: Line, cuts: list[int]) -> list[Line] | None:
    """The line cut before word indexes ``cuts``: text, raw (the text before repair) and word
    boxes cut at the same words. None when they do not have the same number of words (a repair
    that merged or split words), as the cut would then fall in different places."""
    tokens = line.text.split()
    raw = line.raw.split() if line.raw else None
    if (raw is not None and len(raw) != len(tokens)) or (line.words and len(line.words) != len(tokens)):
        return None
    bounds = [0] + sorted(set(cuts)) + [len(tokens)]
    out = []
    for a, b in pairwise(bounds):
        words = line.words[a:b]
        out.append(
            replace(
                line,
                text=" ".join(tokens[a:b]),
                raw=" ".join(raw[a:b]) if raw else None,
                words=list(words),
                columns=[],
                bbox=_words_bbox(words, line),
            )
        )
    return out


# --- blocks --------------------------------------------------------------------------------------


def _columned(row: list[Fragment]) -> bool:
    return len(row) > 1 or any(f.slot > 0 for f in row)


def _block_at(rows: list[list[Fragment]], i: int, settings: ColumnSettings) -> tuple[int, int] | None:
    """(first, last) rows of the two-column block starting at row ``i``: columned rows (two
    pieces, or a piece typed after a gap) with at most ``max_rows_between`` others between them,
    holding at least one row of two pieces."""
    if not _columned(rows[i]):
        return None
    last = i
    k = i + 1
    while k < len(rows) and k - last <= settings.max_rows_between + 1:
        if _columned(rows[k]):
            last = k
        k += 1
    if not any(len(r) > 1 for r in rows[i : last + 1]):
        return None
    return i, last


def _split_x(rows: list[list[Fragment]]) -> float | None:
    """Where the left column ends: the middle of the widest gap of each row with two positioned
    pieces, the median over the rows."""
    mids = []
    for row in rows:
        placed = sorted((f.x for f in row if f.x), key=lambda x: x[0])
        if len(placed) > 1:
            gap = max(range(1, len(placed)), key=lambda k: placed[k][0] - placed[k - 1][1])
            mids.append((placed[gap - 1][1] + placed[gap][0]) / 2)
    return median(mids) if mids else None


def _placed(row: list[Fragment], members: list[list[Fragment]], split_x: float | None) -> bool:
    """A row after the block that still sits in one of its columns: one positioned piece wholly
    on one side of the split and inside the horizontal range that column's pieces cover (a
    centred title straddles the split or reaches outside the column)."""
    if split_x is None or len(row) != 1 or row[0].x is None:
        return False
    x0, x1 = row[0].x
    side = [f.x for r in members for f in r if f.x and ((f.x[0] + f.x[1]) / 2 < split_x) == (x1 < split_x)]
    if not side or (x0 < split_x < x1):
        return False
    return min(x[0] for x in side) <= x0 + 1 and x1 <= max(x[1] for x in side) + 1


def _side(frag: Fragment, k: int, n: int, split_x: float | None, anchors: Anchors) -> int:
    if frag.x is not None and split_x is not None:
        return 0 if (frag.x[0] + frag.x[1]) / 2 < split_x else 1
    if frag.slot > 0 or (n > 1 and k > 0):
        return 1
    if n > 1:
        return 0
    return anchors.side(frag.line.text) or 0


def _same_row(row: list[Fragment], frags: list[Fragment], settings: ColumnSettings) -> bool:
    a, b = row[-1].line, frags[0].line
    if a.bbox is None or b.bbox is None or a.page != b.page or b.bbox[0] <= a.bbox[2]:
        return False
    overlap = min(a.bbox[3], b.bbox[3]) - max(a.bbox[1], b.bbox[1])
    return overlap >= settings.row_overlap * min(a.bbox[3] - a.bbox[1], b.bbox[3] - b.bbox[1])


# --- small helpers -------------------------------------------------------------------------------


def _cell_texts(cell: Cell) -> list[str]:
    return cell.lines or [cell.text]


def _extent(line: Line) -> tuple[float, float] | None:
    return (line.bbox[0], line.bbox[2]) if line.bbox else None
