"""Statistics annexes typed as lines at tab stops, with no table: under "Phụ lục 1" and its title,
a paragraph per indicator, "1. Số hồ sơ TTHC tiếp nhận trong kỳ⇥12.560⇥hồ sơ" — a dot leader to a
right tab stop, the figure, its unit after it in lower case (at a stop of its own or after a space);
a heading with no figure ending in a colon ("4. Kết quả giải quyết hồ sơ …:"); a long indicator
broken by hand onto a hanging indent, the figure after its last line; items "a)" under a count.

The typed formats keep the pieces apart: a DOCX paragraph's tabs (``Line.columns``), a PDF text
layer's pieces at one height (the leader between them cut out, ``pdf_leaders``). Each row is put
into the annex form's cells (code / indicator / unit / figure) and read by the annex reader of the
grid (``statistics.stat_rows``), so codes, items, figures and ratio checks are read one way.

Such an annex printed and OCR'd (a scan, a text dump) keeps its leaders as dots and specks
("… trực tuyến.........---- -+s+« se 503 hồ sơ"), or, on a scan whose cleaning wiped the dots as
dust, only their place (a gap of words ``ocr_leader_gap`` line heights wide; the last rows may have
been taken for a borderless table, whose rows are lines again here): on OCR'd pages the annex is
read when its rows carry leaders (an OCR'd grid carries none: that is ``stat_lines``'s), each row's
figure the one ending its line, and a row whose figure OCR lost is flagged so
(``stat_unread.lost_figure``).

An annex label or form title over coded lines with figures that gives no rows here is told
(``unread_tab_annexes``): the annex is said unread, never lost without a word."""

from __future__ import annotations

import re
from dataclasses import dataclass

from extract.model import IngestedDocument, Line, Table
from extract.pdf_leaders import LEADER, leader_pieces
from extract.segment.annex_captions import annex_caption
from extract.segment.stat_code_column import COUNTED_UNITS
from extract.segment.stat_garbled_cells import garbled_count_unit
from extract.segment.stat_line_rows import _joined_table, _RowLines
from extract.segment.stat_lines import StatLineSettings, StatLinesRead
from extract.segment.stat_unread import COLUMNS_INFERRED, LINE_METHODS, is_form_title, layout_inferred, lost_figure
from extract.segment.statistics import StatisticsSettings, stat_rows
from normalize.count_units import unit_key
from normalize.text import fold
from schemas.records import SourceRef, StatAnnex, UnreadPart

# Pages typed; pages OCR'd (a scan's) or a text dump's, read only when their rows carry leaders.
_TYPED_METHODS = frozenset({"docx", "pdf-text"}) - LINE_METHODS
_OCR_METHODS = LINE_METHODS | {"ocr"}
# The tables an OCR'd page's word gaps made, with no ruling (``extract.ocr``, ``pdf_unruled``).
_OCR_BORDERLESS = "ocr-text"
_LABEL = re.compile(r"^(?:phu luc|bieu so|bieu mau)\b(?:\s+(?:so\s+)?[0-9ivxlc]+[a-z]?)?\W*$")
_CODE = re.compile(r"^(\d{1,2}(?:\.\d{1,2}){0,3})[.)]?\s+(\S.*)$")
_ITEM = re.compile(r"^([a-zđ])[.)]\s+(\S.*)$")
# On an OCR'd line: the figure and unit ending it, after the specks a leader became (or its last dots).
_FIGURE_AT_END = re.compile(
    r"(?<!\w)(?<!\d[.,])(?P<fig>\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)\s*(?P<unit>%|[^\W\d_]+(?:\s[^\W\d_]+){0,2})?\s*$"
)
# The figure at its stop, then the unit in words or "%" (after a space or at a stop of its own).
_FIGURE_UNIT = re.compile(r"^(?P<fig>\d{1,3}(?:[.\s]\d{3})+(?:,\d+)?|\d+(?:[,.]\d+)?)\s*(?P<unit>%|[^\W\d_][^\d]*)?$")
# A line's end that is a figure and its unit, whatever the spacing (the telling of an unread annex).
_ENDS_IN_FIGURE = re.compile(r"\s(?:\d{1,3}(?:[.\s]\d{3})+|\d+)(?:,\d+)?\s*(?:%|[^\W\d_]+(?:\s[^\W\d_]+){0,2})?$")
# A line that closes the annex: the addressees, the signature block, the next form.
_STOP = re.compile(r"^(?:noi nhan|tm\.|kt\.|ghi chu|chu tich|nguoi lap)")


@dataclass(frozen=True)
class TabLineSettings:
    # Lines between the label (or title) and the first row: the title's lines, "(Kèm theo …)".
    caption_window: int = 6
    # Rows with a figure an annex needs (fewer: a numbered list in prose).
    min_rows: int = 3
    # Words a unit after a figure has at most; a longer tail is a sentence.
    max_unit_words: int = 3
    # Words a line broken by hand under a row's indicator has at most (a longer line is prose).
    max_wrap_words: int = 20
    # Share of a row's pieces at one height (PDF: of the line's height) that put them on one line.
    same_line_share: float = 0.5
    # Confidence of a row read from OCR'd lines whose figure was lost (``lost_figure``).
    ocr_lost_confidence: float = 0.7
    # Lines OCR smeared past reading (no code, no wrapped words) an OCR'd annex goes on over, when
    # a coded line follows within so many lines; they are told by ``stat_unread.garbled_rows``.
    ocr_smeared_lines: int = 2
    # A gap between a PDF line's words wider than this many line heights is a tab stop's (a word
    # space is a quarter of one; a leader's place cut out of the text layer is one and more).
    stop_gap: float = 0.6
    # On an OCR'd line, a gap between two words this many line heights wide is a leader's place
    # whose dots the scan's cleaning (dust wiped) or OCR dropped: the row carries its leader as
    # surely as one whose dots were read (a word space is a quarter of a height; the leaders of
    # a scanned annex left gaps of 2 to 11).
    ocr_leader_gap: float = 1.5


@dataclass
class _Logical:
    """A typed line as its pieces at tab stops (a PDF's pieces at one height joined)."""

    pieces: list[str]
    first: Line
    last: Line
    leader: bool = False  # a leader of dots was cut out of it (typed into the text, or OCR's)


def read_tab_line_annexes(
    doc: IngestedDocument,
    known_pages: frozenset[int] = frozenset(),
    settings: TabLineSettings = TabLineSettings(),
    stat_settings: StatisticsSettings = StatisticsSettings(),
) -> StatLinesRead:
    """Annexes typed as tab-stop lines on pages that gave no annex from a grid: typed pages, and
    OCR'd ones whose rows carry leaders."""
    annexes: list[StatAnnex] = []
    runs = [(r, False) for r in _typed_runs(doc, known_pages)]
    runs += [(r, True) for r in _typed_runs(doc, known_pages, _OCR_METHODS, borderless=True)]
    for run, ocr in runs:
        logical = _logical_lines(run, settings, ocr)
        k = 0
        while k < len(logical):
            if not _opens_annex(logical[k]):
                k += 1
                continue
            start = _first_row(logical, k, settings)
            if start is None:
                k += 1
                continue
            rows, end = _rows(logical, start, settings, ocr)
            k = max(end, k + 1)
            if ocr and sum(1 for ln in logical[start:end] if ln.leader) < settings.min_rows:
                continue  # (OCR'd lines with no leaders: a grid's, read by ``stat_lines``)
            if ocr and sum(1 for r in rows if r.value and r.unit) < settings.min_rows:
                continue  # (figures with no unit after them: a score list's points, its own reader's)
            table = _joined_table(rows, logical[start].first.number, StatLineSettings(min_rows=settings.min_rows))
            if table is None:
                continue
            blocks = list(doc.blocks())
            table.block_index = next((i for i, b in enumerate(blocks) if b is logical[start].first), 0)
            label, title = annex_caption(doc, table, stat_settings.caption_lines)
            pages = frozenset(table.pages) if ocr else frozenset()
            read = stat_rows(table, stat_settings, pages)
            if ocr:
                heads = {r.parent for r in read if r.parent}
                read = [lost_figure(r, r.code in heads, settings.ocr_lost_confidence) for r in read]
                # (no header: the columns were inferred from the rows, and OCR's specks before a
                # figure can hide a digit of it, "ØØ 1 hồ sơ" for 801: every figure is weighed)
                read = layout_inferred(read, COLUMNS_INFERRED, settings.ocr_lost_confidence)
            if sum(1 for r in read if r.value is not None) >= settings.min_rows:
                annexes.append(StatAnnex(label, title, table.pages, read, read_from="lines"))
    return StatLinesRead(annexes, [])


def unread_tab_annexes(
    doc: IngestedDocument,
    annexes: list[StatAnnex],
    others: list[SourceRef],
    settings: TabLineSettings = TabLineSettings(),
) -> list[UnreadPart]:
    """Annex labels (or form titles) on typed pages over coded lines printing figures, with no row
    of any annex or table read under them: their rows were not read, which is said."""
    told: list[UnreadPart] = []
    read = [(r.source.page, r.source.line_start) for a in annexes for r in a.rows]
    read += [(s.page, s.line_start) for s in others]
    for run in _typed_runs(doc, frozenset()):
        logical = _logical_lines(run, settings)
        opens = [_opens_annex(ln) for ln in logical]
        for k, line in enumerate(logical):
            if not opens[k] or (k and opens[k - 1]):
                continue  # (a label's title under it is its caption: one annex)
            body = next((j for j in range(k + 1, len(logical)) if not opens[j]), len(logical))
            nxt = next((j for j in range(body, len(logical)) if opens[j]), len(logical))
            figured = [ln for ln in logical[body:nxt] if _coded(ln) and _has_figure(ln)]
            if len(figured) < settings.min_rows:
                continue
            head = line.first
            end = logical[nxt - 1].last
            if any(_between(place, head, end) for place in read):
                continue
            told.append(
                UnreadPart(
                    page=head.page,
                    kind="rows",
                    reason=f"annex “{_text(line)}” prints {len(figured)} numbered lines with figures, "
                    "none of which could be read as rows",
                    text_sample=" / ".join(_text(ln) for ln in figured[:4]),
                    page_end=end.page,
                    line_start=head.number,
                    line_end=end.number,
                )
            )
    return told


def _typed_runs(
    doc: IngestedDocument,
    known_pages: frozenset[int],
    methods: frozenset[str] = _TYPED_METHODS,
    borderless: bool = False,
) -> list[list[Line]]:
    """The lines of consecutive pages read by ``methods`` not read as an annex already: an annex
    typed as lines goes on over a page break. With ``borderless``, a table an OCR'd page's word
    gaps made (``pdf_unruled``) is its rows' lines again, in their place: an annex's last rows,
    a wrapped indicator's end and its figure, line up in columns as a table's would."""
    runs: list[list[Line]] = [[]]
    for page in doc.pages:
        if page.method not in methods or page.number in known_pages:
            runs.append([])
            continue
        for block in page.blocks:
            if isinstance(block, Line) and block.text.strip():
                runs[-1].append(block)
            elif borderless and isinstance(block, Table) and block.source == _OCR_BORDERLESS:
                runs[-1].extend(_row_lines(block))
    return [r for r in runs if r]


def _row_lines(table: Table) -> list[Line]:
    """A borderless table's rows as the lines they were printed on: the cells' texts in order."""
    lines = []
    for k, cells in enumerate(table.text_rows()):
        text = " ".join(c.strip() for c in cells if c.strip())
        number = table.row_lines[k] if k < len(table.row_lines) else table.line_start + k
        if text:
            lines.append(Line(text=text, page=table.page, number=number, columns=[c for c in cells if c.strip()]))
    return lines


def _logical_lines(lines: list[Line], settings: TabLineSettings, ocr: bool = False) -> list[_Logical]:
    """Each typed line as its pieces: a DOCX line's tab-stop columns; a PDF's lines at one height
    (the text layer cuts a line at its leader: the figure is a "line" beside the indicator). An
    OCR'd line (``ocr``) carries a leader where its dots were read or where they left their place."""
    out: list[_Logical] = []
    for line in lines:
        # (an OCR'd line is cut at a leader's place only: its word spaces vary with the scan)
        columns = line.columns or _gapped_pieces(line, settings.ocr_leader_gap if ocr else settings.stop_gap)
        pieces = [p for c in columns for p in _without_leaders(c)]
        leader = any(LEADER.search(c) for c in columns) or (ocr and _leader_place(line, settings))
        prev = out[-1] if out else None
        if prev is not None and _beside(prev.last, line, settings):
            prev.pieces.extend(pieces)
            prev.last = line
            prev.leader = prev.leader or leader
            continue
        out.append(_Logical(pieces, line, line, leader))
    return out


def _gapped_pieces(line: Line, stop_gap: float) -> list[str]:
    """A PDF line's words cut where a gap wider than a word space opens (the leader cut out of the
    text layer left its place: "… tiếp nhận" ⎵⎵⎵ "20 phản ánh")."""
    words = [w for w in line.words if w.bbox is not None]
    if len(words) < 2 or len(words) != len(line.words):
        return [line.text]
    pieces = [[words[0].text]]
    for prev, word in zip(words, words[1:]):
        assert prev.bbox is not None and word.bbox is not None
        height = max(1.0, prev.bbox[3] - prev.bbox[1])
        if word.bbox[0] - prev.bbox[2] > stop_gap * height:
            pieces.append([])
        pieces[-1].append(word.text)
    return [" ".join(p) for p in pieces]


def _leader_place(line: Line, settings: TabLineSettings) -> bool:
    """Whether an OCR'd line's words leave a gap a leader ran across (``ocr_leader_gap``), or the
    line is a borderless table's row (its cells, ``columns``, stand apart by such gaps)."""
    if line.columns:
        return True
    words = [w for w in line.words if w.bbox is not None]
    for prev, word in zip(words, words[1:]):
        assert prev.bbox is not None and word.bbox is not None
        height = max(1.0, prev.bbox[3] - prev.bbox[1])
        if word.bbox[0] - prev.bbox[2] > settings.ocr_leader_gap * height:
            return True
    return False


def _without_leaders(text: str) -> list[str]:
    """A piece's text split at a leader of dots typed into it."""
    spans = [text[a:b].strip() for a, b in leader_pieces(text)]
    return [s for s in spans if s]


def _beside(left: Line, right: Line, settings: TabLineSettings) -> bool:
    """Whether ``right`` prints on the same height as ``left``, to its right (a PDF's piece)."""
    if left.bbox is None or right.bbox is None or left.page != right.page:
        return False
    height = max(1.0, left.bbox[3] - left.bbox[1])
    overlap = min(left.bbox[3], right.bbox[3]) - max(left.bbox[1], right.bbox[1])
    return overlap >= settings.same_line_share * height and right.bbox[0] > left.bbox[2]


def _text(line: _Logical) -> str:
    return " ".join(line.pieces)


def _opens_annex(line: _Logical) -> bool:
    """An annex's label on a line of its own ("Phụ lục 1", "Biểu số 02") or a form's title."""
    text = _text(line)
    return _LABEL.match(fold(text).strip()) is not None or is_form_title(text)


def _coded(line: _Logical) -> bool:
    first = line.pieces[0] if line.pieces else ""
    return _CODE.match(first) is not None or _ITEM.match(first) is not None


def _has_figure(line: _Logical) -> bool:
    """Whether a line ends in a figure and at most a short unit ("… 12.560 hồ sơ", "… 96,15 %")."""
    return _ENDS_IN_FIGURE.search(_text(line)) is not None


def _first_row(logical: list[_Logical], k: int, settings: TabLineSettings) -> int | None:
    """The first coded line after the label or title at ``k``, within the caption's lines."""
    for j in range(k + 1, min(len(logical), k + 1 + settings.caption_window)):
        if _coded(logical[j]):
            return j
    return None


def _figure_unit(pieces: list[str], settings: TabLineSettings) -> tuple[str, str] | None:
    """The figure and unit the pieces after the indicator print, or None (no figure, or a tail
    that is no figure and unit: two figures are a score line's, a sentence is prose)."""
    tail = " ".join(pieces).strip()
    m = _FIGURE_UNIT.match(tail)
    if m is None:
        return None
    unit = (m.group("unit") or "").strip()
    if len(unit.split()) > settings.max_unit_words or fold(unit).startswith("diem"):
        return None  # (a sentence; or a score's points, "2 điểm": a score list, not an annex)
    return m.group("fig"), unit


def _ocr_figure(pieces: list[str], whole: bool) -> tuple[str, str] | None:
    """The figure and unit ending an OCR'd line's tail (the specks a leader became before it); a
    line with no leader (``whole``) ends so only with a unit the language counts in ("… trong kỳ.
    562 hồ sơ"): an indicator ends in a year or a number of its own, with no unit."""
    text = " ".join(pieces)
    m = _FIGURE_AT_END.search(text)
    if m is None or re.search(r"(?:^|\s)\d[\d.,]*\s*$", text[: m.start()]):
        return None  # (two figures end it: a score line's maximum and points, not a count)
    unit = (m.group("unit") or "").strip()
    if unit != "%" and unit_key(unit) not in COUNTED_UNITS and not garbled_count_unit(unit_key(unit), COUNTED_UNITS):
        return None  # (a unit OCR garbled past knowing, "7 HƯỢT": the figure before it is no surer; told lost)
    return m.group("fig"), unit


def _rows(
    logical: list[_Logical], start: int, settings: TabLineSettings, ocr: bool = False
) -> tuple[list[_RowLines], int]:
    """The annex's rows from ``start``; the index after its last line. On OCR'd lines a row's tail
    that gives no figure is its figure lost (the row is kept, its figure flagged), not the end."""
    rows: list[_RowLines] = []
    k = start
    while k < len(logical):
        line = logical[k]
        first = line.pieces[0]
        if _STOP.match(fold(first)) or _opens_annex(line):
            break
        m = _CODE.match(first) or _ITEM.match(first)
        figure = _figure_unit(line.pieces[1:], settings) if len(line.pieces) > 1 else None
        if ocr and figure is None:
            figure = _ocr_figure(line.pieces[1:], False) if len(line.pieces) > 1 else _ocr_figure(line.pieces, True)
            if figure is not None and len(line.pieces) == 1:  # (the figure ended the one piece: cut off it)
                first = first[: _FIGURE_AT_END.search(first).start()].rstrip(" .")  # type: ignore[union-attr]
                m = _CODE.match(first) or _ITEM.match(first)
        if m is not None:
            code = m.group(1) + (")" if _ITEM.match(first) and not _CODE.match(first) else "")
            indicator = m.group(2).strip()
            value, unit = figure or ("", "")
            if len(line.pieces) > 1 and figure is None and not ocr:
                break  # a coded line whose tail is no figure and unit: not this annex's
            rows.append(
                _RowLines(
                    code,
                    [indicator.rstrip(":").strip()],
                    unit,
                    value,
                    "",
                    line.first.page,
                    line.first.number,
                    line.last.number,
                )
            )
        elif rows and _awaits_wrap(rows[-1], logical[k - 1]) and len(first.split()) <= settings.max_wrap_words:
            # A long indicator broken by hand (a hanging indent): its words go on the row above,
            # and its figure, printed after its last line, is that row's (alone on the line, when
            # the figure went on past the indent).
            alone = _figure_unit(line.pieces, settings) if len(line.pieces) == 1 else None
            if alone is not None:
                rows[-1].value, rows[-1].unit = alone
                rows[-1].last = line.last.number
                k += 1
                continue
            if len(line.pieces) > 1 and figure is None and not ocr:
                break
            rows[-1].indicator.append(first)
            rows[-1].value, rows[-1].unit = figure or ("", "")
            rows[-1].last = line.last.number
        elif ocr and rows and _coded_within(logical, k + 1, settings.ocr_smeared_lines):
            pass  # a row OCR smeared past reading (its code garbled): the annex goes on under it
        else:
            break
        k += 1
    return rows, k


def _coded_within(logical: list[_Logical], k: int, lines: int) -> bool:
    """Whether a coded line comes within ``lines`` lines from ``k``."""
    return any(_coded(ln) for ln in logical[k : k + lines])


def _awaits_wrap(row: _RowLines, line: _Logical) -> bool:
    """Whether a row read so far goes on onto the next line: no figure yet, and its line does not
    end in a colon (a heading, whose figures are its breakdown's)."""
    return not row.value and not _text(line).rstrip().endswith(":")


def _between(place: tuple[int | None, int | None], head: Line, end: Line) -> bool:
    page, number = place
    if page is None or number is None:
        return False
    return (head.page, head.number) <= (page, number) <= (end.page, end.number)
