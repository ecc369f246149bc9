"""Statistics printed across: the indicators are the header's columns, one row holds their figures.

Six-month and annual reports often give their figures as one row under a header of indicators
("Tổng số hồ sơ tiếp nhận | Số hồ sơ đã giải quyết (Tổng số | Trước hạn | Đúng hạn | Quá hạn) |
Đang giải quyết"), not as an annex form with a row per indicator. Such a table has no code, no
unit and no value column, so the annex reader (``statistics``) did not know it, and with one row
of figures it was not even data-like enough to be told unread: the figures were lost silently.

Read here as annex rows, one per figure column, in print order. A header cell spanning several
columns over their own labels is the parent of those columns: its row is coded ``k`` and its
columns ``k.1``, ``k.2`` … (the table prints no code: the codes say the order and the tree and
are flagged ``code_by_column``); a spanning parent's sub-column labelled as a total ("Tổng số")
is the parent's own figure, so the reconciliation checks the other sub-columns against it.
Only a table whose body is a single row of figures (an STT or a label in its first cell allowed)
is read: several rows are a matrix (by village, by period) that this shape cannot name, and are
left to the unread account, which counts their rows as data.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extract.segment.count_words import UNIT_KEYS
from extract.segment.joined import JoinedRow, JoinedTable, row_conf
from extract.segment.stat_across_parts import AcrossPartsSettings, nested_by_sums
from extract.segment.stat_across_periods import PeriodRows, parts_note, whole_period_row
from extract.segment.stat_across_split import split_joined_columns
from extract.segment.stat_across_units import (
    UnitsAcrossSettings,
    commune_row,
    heading_columns,
    printed_codes,
    prints_figures,
    unit_row_apart,
)
from extract.segment.stat_values import parse_stat_value, without_dust
from extract.segment.units_sums import UNITS_SUM_FLAG, summed_columns
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import CODE_BY_COLUMN_FLAG, TOTAL_COLUMN_FLAG, UNITS_ROWS_FLAG, SourceRef, StatRow


@dataclass(frozen=True)
class AcrossSettings:
    # Columns of figures a row must hold to be a table of indicators (one is a caption with a number).
    min_figure_columns: int = 2
    # Labels of a spanning parent's sub-column that holds the parent's own figure.
    total_labels: tuple[str, ...] = ("tong so", "tong", "tong cong", "cong", "so luong")
    # Confidence of a figure cell that reads as no number (as ``StatisticsSettings``'s).
    unparsed_confidence: float = 0.3
    # Labels of a first column that numbers the rows ("STT" over "1"): its cell is no figure.
    row_number_labels: tuple[str, ...] = ("stt", "tt", "so tt", "so thu tu")
    # A body of a row per hamlet and the commune's row; a header row of units (``stat_across_units``).
    units: UnitsAcrossSettings = UnitsAcrossSettings()
    # Its tree drawn by its units' sums and shares where the header draws none (``stat_across_parts``).
    parts: AcrossPartsSettings = AcrossPartsSettings()


@dataclass(frozen=True)
class _Column:
    index: int
    label: str
    parent: str | None  # the label of the header cell spanning it, if any
    parent_first: int | None  # the first column that parent spans (its identity)


def across_rows(
    table: JoinedTable, ocr: bool = False, settings: AcrossSettings = AcrossSettings()
) -> list[StatRow] | None:
    """The annex rows of a table of indicators printed across, or None when ``table`` is not one."""
    body = [row for row in table.rows if any(cell.strip() for cell in row.cells)]
    header, units = unit_row_apart(table.header, settings.units)  # "(Hồ sơ)" under each label
    commune = commune_row(body, settings.units) if len(body) > 1 else None  # a row per hamlet, and the commune's
    periods = whole_period_row(body) if commune is None and len(body) > 1 else None  # a row per quarter
    units_rows: list[list[str]] = []
    if commune is not None:
        units_rows = [r.cells for r in body if r is not commune[0] and prints_figures(r)]  # (no group's band)
        body = [commune[0]]
    elif periods is not None:
        units_rows = [r.cells for r in periods.parts]  # (the parts add up as units do)
        body, commune = [periods.whole], (periods.whole, periods.label_col)
    if len(body) == 1 and (len(body) != len(table.rows) or header != table.header):
        table = replace(table, rows=body, header=header)
    table = split_joined_columns(table, ocr)
    body = table.rows
    # (the units' cells stand under the commune's only while no joined column was split apart)
    summed: frozenset[int] = frozenset()
    by_unit = commune is not None and len(body) == 1 and body[0].cells == commune[0].cells
    if by_unit:
        summed = frozenset(summed_columns(units_rows, body[0].cells, list(range(len(body[0].cells)))))
    if len(body) != 1 or not table.header:
        return None
    (row,) = body
    filled = [c for c in range(len(row.cells)) if row.cells[c].strip()]
    figures = [
        c for c in filled if parse_number(without_dust(row.cells[c].strip(), ocr), kind="auto", ocr=ocr) is not None
    ]
    if figures[:1] == [0] and _numbers_rows(table.header, settings):
        figures = figures[1:]  # the row's number under "STT", as the docstring allows: no indicator
    words = [c for c in filled if c not in figures]
    labels = [[], [0]] + ([[commune[1]]] if commune is not None else [])  # the commune row's own label
    if words not in labels or len(figures) < settings.min_figure_columns:
        return None
    if commune is not None:  # a group's heading column ("2. Kết quả giải quyết …"): its row, no figure
        figures = sorted(figures + heading_columns(table.header[0], row.cells, commune[1]))
    columns = _columns(table.header, figures)
    if columns is None:
        return None
    by_column = _rows(columns, row, ocr, settings, units, periods, summed)
    rows = [r for r, _ in by_column]
    if by_unit and all(CODE_BY_COLUMN_FLAG in r.flags for r in rows):
        rows = nested_by_sums(by_column, units_rows, settings.parts)  # (a table printing its codes keeps them)
    if commune is not None and periods is None:
        for read in rows:
            read.flags.append(UNITS_ROWS_FLAG)
    return rows


def _numbers_rows(header: list[list[str]], settings: AcrossSettings) -> bool:
    """Whether the first column's label is a row number's ("STT", "TT", "Số TT")."""
    label = next((h[0].strip() for h in header if h and h[0].strip()), "")
    return fold(label).strip(" .:") in settings.row_number_labels


def _columns(header: list[list[str]], figures: list[int]) -> list[_Column] | None:
    """Each figure column's label and spanning parent, from the header rows (at most two levels);
    None when a figure column has no label of words, or one reads as a year (a row of targets)."""
    top = header[0]
    sub = header[1] if len(header) > 1 else [""] * len(top)
    out = []
    for c in figures:
        own_top = top[c].strip() if c < len(top) else ""
        own_sub = sub[c].strip() if c < len(sub) else ""
        parent, first = None, None
        if own_sub:
            first = c if own_top else next((k for k in range(c - 1, -1, -1) if k < len(top) and top[k].strip()), None)
            spanned = first is not None and all(k < len(sub) and sub[k].strip() for k in range(first, c + 1))
            parent, first = (top[first].strip(), first) if spanned and first is not None else (None, None)
            label = own_sub
        else:
            label = own_top or next((h[c].strip() for h in header[2:] if c < len(h) and h[c].strip()), "")
        if not re.search(r"\p{L}{2}", label) or re.search(r"\b(?:19|20)\d\d\b", label):
            return None
        out.append(_Column(c, label, parent, first))
    return out


def label_unit(label: str) -> str:
    """The unit a label names, as printed: a unit word in brackets at its end ("… (thủ tục)") or
    the counted noun after "số" ("Tổng số hồ sơ tiếp nhận" → "hồ sơ"); "" when it names none. The
    bracket is the unit the row is counted in and wins over a longer noun the label counts ("Tổng
    số thủ tục hành chính … (thủ tục)" is in "thủ tục", as its parts "Số TTHC … (thủ tục)" are)."""
    folded = fold(label)
    for pattern in (r"\(\s*({key})\s*\)\s*$", r"(?<![a-z])so ({key})(?![a-z])"):
        for key in UNIT_KEYS:
            found = re.search(pattern.format(key=re.escape(key)), folded)
            if found:
                return label[found.start(1) : found.end(1)]
    return ""


def _rows(
    columns: list[_Column],
    row: JoinedRow,
    ocr: bool,
    settings: AcrossSettings,
    units: dict[int, str],
    periods: PeriodRows | None = None,
    summed: frozenset[int] = frozenset(),
) -> list[tuple[StatRow, int | None]]:
    """Each figure column's annex row and its column (a spanning parent's own row, when no sub-column
    holds its figure, has none)."""

    def stat_row(code: str, label: str, unit: str, raw: str, parent: str | None, col: int | None) -> StatRow:
        return _noted(_stat_row(row, ocr, settings, (code, label, unit, raw, parent), col), periods, col, summed)

    printed = printed_codes([c.label for c in columns]) if all(c.parent is None for c in columns) else None
    if printed is not None:  # "2.1. Giải quyết đúng hạn": the table's own codes and tree
        codes = {code for code, _ in printed}
        return [
            (
                _noted(
                    _stat_row(
                        row,
                        ocr,
                        settings,
                        (code, words, _unit(column, words, units), raw, _parent(code, codes)),
                        column.index,
                        False,
                    ),
                    periods,
                    column.index,
                    summed,
                ),
                column.index,
            )
            for column, (code, words) in zip(columns, printed)
            for raw in [row.cells[column.index].strip()]
        ]
    out: list[tuple[StatRow, int | None]] = []
    group = 0
    parents: dict[int, StatRow] = {}
    children: dict[int, int] = {}
    for column in columns:
        raw = row.cells[column.index].strip()
        if column.parent is None or column.parent_first is None:
            group += 1
            out.append(
                (
                    stat_row(str(group), column.label, _unit(column, column.label, units), raw, None, column.index),
                    column.index,
                )
            )
            continue
        head = parents.get(column.parent_first)
        if head is None:
            group += 1
            head = stat_row(str(group), column.parent, label_unit(column.parent), "", None, None)
            parents[column.parent_first] = head
            out.append((head, None))
        unit = units.get(column.index) or label_unit(column.label) or head.unit
        if fold(column.label).strip(" :.") in settings.total_labels and head.value is None:
            filled = stat_row(head.code or "", head.indicator, head.unit, raw, None, column.index)
            filled.flags.append(TOTAL_COLUMN_FLAG)
            out[out.index((head, None))] = (filled, column.index)
            parents[column.parent_first] = filled
            continue
        children[column.parent_first] = children.get(column.parent_first, 0) + 1
        code = f"{head.code}.{children[column.parent_first]}"
        out.append((stat_row(code, column.label, unit, raw, head.code, column.index), column.index))
    return out


def _noted(read: StatRow, periods: PeriodRows | None, col: int | None, summed: frozenset[int] = frozenset()) -> StatRow:
    """``read`` with the period's parts' figures of its column in its note (a row per quarter),
    flagged when its column's units add up to it (``summed``: ``units_sums``). Its lines are the
    parts' and the whole's: the parts' figures are read too (into the note), so no other reader's
    leftovers on those lines are a region lost (``unread_withdrawn``)."""
    if periods is not None:
        read.note = parts_note(periods, col)
        lines = [n for r in (*periods.parts, periods.whole) for n in (r.line_start, r.line_end) if n]
        if lines and read.source.page is not None:
            read.source = replace(read.source, line_start=min(lines), line_end=max(lines))
    if col in summed and read.value is not None:
        read.flags.append(UNITS_SUM_FLAG)
    return read


def _unit(column: _Column, label: str, units: dict[int, str]) -> str:
    """A column's unit: its own in a header row of units ("(Hồ sơ)"), else the one its label names."""
    return units.get(column.index) or label_unit(label)


def _parent(code: str, codes: set[str]) -> str | None:
    """A printed code's parent among the table's codes ("2.1" → "2"), None at the top."""
    head = code.rpartition(".")[0]
    return head if head in codes else None


def _stat_row(
    row: JoinedRow,
    ocr: bool,
    settings: AcrossSettings,
    what: tuple[str, str, str, str, str | None],
    col: int | None,
    by_column: bool = True,
) -> StatRow:
    """One annex row from a figure cell: ``what`` is (code, indicator, unit, the cell's text,
    parent); ``by_column``: the code was given by the column's place (the table prints none)."""
    code, label, unit, raw, parent = what
    value, flags, _alt = parse_stat_value(raw, unit, label, ocr=ocr)
    conf = row_conf(row) if ocr else None
    confidence = 1.0 if conf is None else conf
    if "value_unparsed" in flags:
        confidence = min(confidence, settings.unparsed_confidence)
    box = row.bboxes[col] if col is not None and col < len(row.bboxes) else None
    return StatRow(
        code=code,
        indicator=label,
        unit=unit,
        value=value,
        value_raw=raw,
        level=code.count(".") + 1,
        parent=parent,
        confidence=round(confidence, 3),
        flags=[CODE_BY_COLUMN_FLAG, *flags] if by_column else list(flags),
        source=SourceRef(
            page=row.page,
            line_start=row.line_start or None,
            line_end=row.line_end or None,
            bbox=list(box) if box else None,
        ),
    )
