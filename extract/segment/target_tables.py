"""Targets laid out as a table of indicators by year ("TT | Chỉ tiêu | Đơn vị tính | Năm 2026 |
Năm 2027 | …"), each cell a figure with its comparator ("≥ 60", "Trên 80", "Dưới 2", "60"), and the
plan's year that dates targets no sentence dates."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.model import IngestedDocument
from extract.segment.header_groups import grouped_labels
from extract.segment.joined import JoinedRow, JoinedTable, row_bbox
from extract.segment.narrative import shadow
from extract.segment.plan_target_columns import plan_target_columns
from extract.segment.stat_periods import compares_periods
from extract.segment.table_join import join_tables
from normalize.count_units import lowered_unit
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold
from schemas.records import SourceRef, Target


@dataclass(frozen=True)
class TargetTableSettings:
    # A targets table has at least this many year columns.
    min_year_columns: int = 2
    indicator_words: tuple[str, ...] = ("chi tieu", "noi dung", "chi so", "muc tieu")
    unit_words: tuple[str, ...] = ("don vi tinh", "dvt", "don vi")


_YEAR_HEADER = lazy_compile(r"^\s*(?:nam\s+)?(20\d\d)\s*$")
_ANY_YEAR = lazy_compile(r"(?<!\d)20\d\d(?!\d)")
# A cell's figure: an optional comparator (symbol or word), the number, an optional "%"; a scan's
# speck before it ("'Trên 65": a quote or a rule's bar OCR read left of the word) aside.
_CELL = lazy_compile(
    r"^[\s'‘’`\"“”:;_|]*(?P<cmp>≥|≤|>=|<=|>|<|tren|duoi|toi thieu|it nhat|khong duoi|khong qua|toi da)?\s*"
    r"(?P<num>\d+(?:[.,]\d+)?)\s*(?P<pct>%)?\s*(?P<after>tro len|tro xuong)?\s*$"
)
_CMP = {
    "≥": ">=",
    ">=": ">=",
    "toi thieu": ">=",
    "it nhat": ">=",
    "khong duoi": ">=",
    "≤": "<=",
    "<=": "<=",
    "khong qua": "<=",
    "toi da": "<=",
    ">": ">",
    "tren": ">",
    "<": "<",
    "duoi": "<",
}


def plan_year(period: str | None) -> int | None:
    """The year a plan's targets are for when they name none: a one-year period's year ("năm
    2025", "6 tháng đầu năm 2025"). A span ("giai đoạn 2021-2025") gives none: an undated target of
    a five-year plan may hold for every year of it (the seed references leave them null)."""
    years = re.findall(r"20\d\d", period or "")
    return int(years[0]) if len(years) == 1 else None


def _year_layout(table: JoinedTable) -> tuple[list[str], list[JoinedRow], dict[int, int]]:
    """(folded header labels, body rows, column → year) of a table; the years empty when no column
    is headed by a year."""
    labels, rows = grouped_labels(table), table.rows
    if not any(_ANY_YEAR.search(fold(h)) for h in labels) and rows:
        # "Năm 2026" holds a number, so the header reader took the heading row for data
        labels, rows = rows[0].cells, rows[1:]
    header = [fold(h).strip() for h in labels]
    years = {c: int(m.group(1)) for c, h in enumerate(header) if (m := _YEAR_HEADER.match(h))}
    if compares_periods(labels):
        years = {}  # a report's period beside an earlier one ("Năm 2025 | Năm 2024"): an annex (stat_periods)
    return header, rows, years


def _target_years(
    table: JoinedTable, settings: TargetTableSettings
) -> tuple[list[str], list[JoinedRow], dict[int, int]]:
    """(header, body rows, column → year) of the target columns: years side by side, or a plan's
    target column beside last year's result (``plan_target_columns``); the years empty if neither."""
    header, rows, years = _year_layout(table)
    if len(years) >= settings.min_year_columns:
        return header, rows, years
    return header, rows, plan_target_columns(header)


def is_target_table(table: JoinedTable, settings: TargetTableSettings = TargetTableSettings()) -> bool:
    """Indicators by year, or this year's targets beside last year's result: a plan's targets, not
    a statistics annex (whose single value column holds one period's figures)."""
    return bool(_target_years(table, settings)[2])


def indicator_cell(text: str) -> str:
    """An indicator's cell as its name: a full stop or colon closing the cell is punctuation (OCR of a
    scan often adds one from a speck), not a word of the name."""
    return " ".join(text.split()).rstrip(" .:;,")


def _target(
    name: str,
    cell: str,
    value: tuple[str, float | None],
    unit: str,
    year: int,
    conf: float | None,
    at: tuple[JoinedTable, JoinedRow],
) -> Target:
    """One year's target of an indicator row; `value` is (comparator, figure)."""
    table, row = at
    return Target(
        text=f"{name}: {cell}",
        indicator=name,
        comparator=value[0],
        value=value[1],
        unit=unit,
        year=year,
        section="",
        confidence=1.0 if conf is None else round(min(1.0, conf), 3),
        # A DOCX table has no boxes: its line range says where the target was read.
        source=SourceRef(
            page=row.page, line_start=table.line_start or None, line_end=table.line_end or None, bbox=row_bbox(row)
        ),
    )


def find_target_tables(
    doc: IngestedDocument,
    settings: TargetTableSettings = TargetTableSettings(),
    joins: list[JoinedTable] | None = None,
) -> list[Target]:
    """Targets printed as an indicator × year table (``joins``: the document's tables joined already)."""
    out: list[Target] = []
    for table in join_tables(doc) if joins is None else joins:
        header, rows, years = _target_years(table, settings)
        if not years:
            continue
        indicator = next((c for c, h in enumerate(header) if any(w in h for w in settings.indicator_words)), None)
        unit_col = next((c for c, h in enumerate(header) if h.strip(" .") in settings.unit_words), None)
        if indicator is None:
            continue
        for row in rows:
            name = indicator_cell(row.cells[indicator]) if indicator < len(row.cells) else ""
            unit = lowered_unit(row.cells[unit_col]) if unit_col is not None and unit_col < len(row.cells) else ""
            for c, year in years.items():
                cell = row.cells[c].strip() if c < len(row.cells) else ""
                # a scan's cell: as sure as OCR was of it ("≥ 61" read ">1" at 0.05 goes to review),
                # as a target in running text is as sure as its line
                conf = row.confs[c] if c < len(row.confs) else None
                if conf is not None:
                    # OCR closes a cell with a speck's "." or ":" ("80:"): punctuation, not the figure
                    cell = cell.rstrip(" .:;,")
                m = _CELL.match(shadow(cell)) if cell else None
                if not name or not cell:
                    continue
                if not m:
                    if conf is not None and re.search(r"\d", cell):
                        # an OCR'd figure we cannot read is a target to review, never one dropped
                        out.append(_target(name, cell, ("=", None), unit, year, 0.0, (table, row)))
                    continue
                parsed = parse_number(m.group("num"), kind="auto")
                cmp = _CMP.get(cell[: m.end("cmp")].strip().lower() if m.group("cmp") else "", None)
                cmp = cmp or _CMP.get(m.group("cmp") or "", "=")
                if m.group("after"):
                    cmp = ">=" if m.group("after") == "tro len" else "<="
                value = parsed.value if parsed else None
                out.append(_target(name, cell, (cmp, value), "%" if m.group("pct") else unit, year, conf, (table, row)))
    return out
