"""A summary of the self-assessment turned over (``fields_across``), read from lines: an OCR dump
of "Nội dung | 1. Công tác chỉ đạo … | 2. … | Tổng cộng" over the rows "Thang điểm" and "Điểm tự
đánh giá" prints the fields' codes across one line ("Noi dung | 1. Céng tac | - 2. Xay 3. Cai cach
| 4. …  TONG"), their names wrapped in pieces on the lines under it, then one line per points row:
its label, then a figure per field and the total's ("Diém tu danh 6,5 1,25 16 6,5 10 46,25").

The line reader looks for a criterion per line and finds none here. The summary is told by its
header line, the fields' codes in order from 1 (``min_fields`` of them at least), and read by its
points lines: a line's figures are the fields' in order, taken only when it prints as many as the
header has columns (each field, and the total when the header names one); a line that lost a
figure to OCR or gained a speck's says nothing sure of which figure is whose, and its cells are left
blank for review. Each field's name is what the header line printed of it (the catalogue puts the
rest back by the field's code)."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import takewhile

from extract.model import Line
from extract.segment.line_common import line_tokens
from extract.segment.row_draft import LineTable, RowDraft
from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A field's code on the header line, its name's first word glued on or not ("2.Xay", "1.").
_CODE = lazy_compile(r"^(\d{1,2})[.)](\p{L}.*)?$")
# Specks and rules OCR strews round a header's or a points line's tokens.
_EDGES = "|_-–—:;.,'\"‘’“”()[]{}"
# The total column's label ("Tổng cộng", "TỔNG ĐIỂM").
_TOTAL = lazy_compile(r"^(?:tong|cong)")
# A points line's label: a share's ("Tỷ lệ đạt (%)") is no points; the maximum's ("Thang điểm",
# "Điểm tối đa", "Điểm chuẩn"; OCR glues "Thangdiém") and the self points' ("Điểm tự đánh giá",
# "Điểm tự chấm", "Điểm đạt"; OCR's "ty", "tw" for "tự").
_SHARE = lazy_compile(r"(?<![a-z])ty\s*le(?![a-z])|%")
_MAX = lazy_compile(r"thang|toi\s*da|chuan")
_SELF = lazy_compile(r"(?<![a-z])(?:tu|ty|tw|cham|danh|dat)(?![a-z])")


@dataclass(frozen=True)
class FieldsAcrossLineSettings:
    # Fewest fields' codes on a header line (a line of prose numbering two things is none).
    min_fields: int = 3
    # Lines under the header searched for the points lines (the fields' names wrap over several).
    points_lines: int = 10


@dataclass
class FieldsAcross:
    """A summary read from lines: its table and the lines it spans (``first``..``last``)."""

    table: LineTable
    first: int
    last: int


def fields_across_tables(
    lines: list[Line], settings: FieldsAcrossLineSettings = FieldsAcrossLineSettings()
) -> list[FieldsAcross]:
    """The summaries turned over among the lines, each as the score table it stands for."""
    found = []
    k = 0
    while k < len(lines):
        read = _summary_at(lines, k, settings)
        if read is None:
            k += 1
            continue
        found.append(read)
        k = read.last + 1
    return found


def _summary_at(lines: list[Line], k: int, settings: FieldsAcrossLineSettings) -> FieldsAcross | None:
    tokens = line_tokens(lines[k])
    codes = _field_codes([raw for _, raw in tokens])
    if len(codes) < settings.min_fields:
        return None
    after = [fold(raw.strip(_EDGES)) for _, raw in tokens[codes[-1][0] + 1 :]]
    total = any(_TOTAL.match(w) for w in after if w)
    points: dict[str, tuple[int, list[str | None] | None]] = {}
    for j in range(k + 1, min(len(lines), k + 1 + settings.points_lines)):
        if lines[j].page != lines[k].page:
            break
        label, cells = _points_line(lines[j])
        kind = _kind(label) if cells else None
        if kind is None or kind in points:
            continue
        points[kind] = (j, _placed(cells, len(codes) + total))
    if not points:
        return None
    return FieldsAcross(_table(lines, k, tokens, codes, points, total), k, max(j for j, _ in points.values()))


def _field_codes(raws: list[str]) -> list[tuple[int, int]]:
    """(token place, code) of the fields' codes on a header line, in order from 1."""
    codes: list[tuple[int, int]] = []
    for place, raw in enumerate(raws):
        m = _CODE.match(raw.strip("|_-–—:;"))
        if m and int(m.group(1)) == len(codes) + 1:
            codes.append((place, len(codes) + 1))
    return codes


def _points_line(line: Line) -> tuple[str, list[str]]:
    """A line's label (its words before the first figure) and its cells from the first figure on:
    each token with a letter or a digit, specks stripped ("|.", ":" dropped; a garbled figure,
    "E15", "Z", "pas", stays: it holds a place)."""
    raws = [raw for _, raw in line_tokens(line)]
    first = next((k for k, raw in enumerate(raws) if any(c.isdigit() for c in raw)), len(raws))
    cells = [cell for raw in raws[first:] if (cell := raw.strip(_EDGES)) and any(c.isalnum() for c in cell)]
    return fold(" ".join(raws[:first])), cells


def _placed(cells: list[str], columns: int) -> list[str | None] | None:
    """The line's figure per column: its tokens holding a digit when there are as many as columns;
    else its cells when they are (a cell OCR made letters of, "Z" for 7, is that column's figure
    lost: None); None when neither count fits (which figure is whose is no more known)."""
    figures = [cell for cell in cells if any(c.isdigit() for c in cell)]
    if len(figures) == columns:
        return list(figures)
    if len(cells) == columns:
        return [cell if any(c.isdigit() for c in cell) else None for cell in cells]
    return None


def _kind(label: str) -> str | None:
    """ "max" or "self" for a points line's label, None for a share's or another line's."""
    if not label or _SHARE.search(label):
        return None
    if _MAX.search(label):
        return "max"
    return "self" if _SELF.search(label) else None


def _table(
    lines: list[Line],
    k: int,
    tokens: list[tuple[str, str]],
    codes: list[tuple[int, int]],
    points: dict[str, tuple[int, list[str | None] | None]],
    total: bool,
) -> LineTable:
    header = lines[k]
    rows = []
    for n, (place, code) in enumerate(codes):
        end = codes[n + 1][0] if n + 1 < len(codes) else len(tokens)
        glued = _CODE.match(tokens[place][1].strip("|_-–—:;"))
        name = [t for t in tokens[place + 1 : end] if t[1].strip(_EDGES)]
        if glued and glued.group(2):
            name = [(tokens[place][0].split(".", 1)[-1], glued.group(2)), *name]
        if n + 1 == len(codes) and total:  # (the total's label after the last field's name)
            name = list(takewhile(lambda t: not _TOTAL.match(fold(t[1].strip(_EDGES))), name))
        draft = RowDraft(code=str(code), name=name, page=header.page, line_start=header.number, started_by="code")
        for kind, (j, figures) in points.items():
            if figures is not None:
                setattr(draft, f"{kind}_raw", figures[n])
            draft.line_end = max(draft.line_end, lines[j].number)
        rows.append(draft)
    table = LineTable(rows=rows, pages=[header.page])
    if total:
        table.stated_total_max = _total(points.get("max"))
        table.stated_total_self = _total(points.get("self"))
    return table


def _total(found: tuple[int, list[str | None] | None] | None) -> str | None:
    return found[1][-1] if found is not None and found[1] is not None else None
