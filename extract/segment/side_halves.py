"""A table printed in two halves side by side: one grid whose header repeats across its width.

A long score table (or any table) set on a landscape page may be printed as two tables standing
side by side in one grid: "STT | Tiêu chí | Thang điểm | Tự chấm | STT | Tiêu chí | Thang điểm |
Tự chấm", the left half's rows going on at the top of the right half (a field opening there, or a
field's criteria going on under no heading of their own), the shorter half padded with blank cells
and the total closing the right half. Read across, each grid row holds two rows of the table, the
second's code and name taken for the first's points. Read as printed, the table is its left half
then its right half: the grid is cut at the repeat and the right half's rows set under the left
half's, every reader (score, statistics, tasks) then reading one table of ordinary width.

The header says it: every header row's right half repeats its left half label for label (a
spacer column between the halves allowed), each half naming a few columns. A header whose
halves differ ("Năm 2024 | Năm 2025" over "Số lượng | Tỷ lệ | Số lượng | Tỷ lệ") is one table. A label
repeats its twin when it prints the twin's first words and no other ("Đơn vị" under "Đơn vị tính":
the typist shortened the right half's label, or OCR lost its last word on the scan), never one word
for another: a two-panel annex's header read "TT | Chỉ tiêu | Đơn vị tính | Kết quả | TT | Chỉ tiêu |
Đơn vị | Kết quả" and its right panel's 12 rows were read as notes of the left panel's."""

from __future__ import annotations

from dataclasses import dataclass, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.text import fold


@dataclass(frozen=True)
class SideHalvesSettings:
    # A half names at least this many columns (a code, a name and a figure): two repeated labels
    # ("Số lượng | Tỷ lệ") are a table's sub-columns, not a table printed twice.
    min_labels: int = 3
    # Columns allowed between the halves (a narrow blank column the typist left as a gutter).
    max_gutter: int = 1


def _key(text: str) -> str:
    return " ".join(fold(text).split())


def _same_label(left: str, right: str) -> bool:
    """Whether two header cells name the same column: equal, or one the other's first words."""
    if left == right:
        return True
    short, long = sorted((left, right), key=len)
    return bool(short) and long.startswith(short + " ")


def _halves_at(header: list[list[str]], n_cols: int, settings: SideHalvesSettings) -> tuple[int, int] | None:
    """(width of a half, gutter) when every header row's right half repeats its left half."""
    for gutter in range(settings.max_gutter + 1):
        width, rest = divmod(n_cols - gutter, 2)
        if rest or width < settings.min_labels:
            continue
        rows = [[_key(c) for c in row] + [""] * (n_cols - len(row)) for row in header]
        labelled = [row for row in rows if any(row)]
        if not labelled:
            continue
        same = all(
            all(_same_label(a, b) for a, b in zip(row[:width], row[width + gutter :], strict=True)) for row in labelled
        )
        gutter_blank = all(not any(row[width : width + gutter]) for row in labelled)
        # each half names enough columns of its own (a label spanning the whole width, repeated in
        # every cell it covers, names one)
        named = max(len({c for c in row[:width] if c}) for row in labelled)
        if same and gutter_blank and named >= settings.min_labels:
            return width, gutter
    return None


def _part(items: list, start: int, width: int) -> list:
    return items[start : start + width] if items else items


def _half(row: JoinedRow, start: int, width: int) -> JoinedRow:
    """The row's cells under one half, every per-cell list cut the same way."""
    return replace(
        row,
        cells=_part(row.cells, start, width),
        bold=_part(row.bold, start, width),
        bboxes=_part(row.bboxes, start, width),
        confs=_part(row.confs, start, width),
        lines=_part(row.lines, start, width),
        places=_part(row.places, start, width),
        line_confs=_part(row.line_confs, start, width),
        above=_part(row.above, start, width),
        counted=frozenset(c - start for c in row.counted if start <= c < start + width),
        bulleted=frozenset(c - start for c in row.bulleted if start <= c < start + width),
    )


def halves_in_order(table: JoinedTable, settings: SideHalvesSettings = SideHalvesSettings()) -> JoinedTable:
    """The table as printed in order (left half, then right half) when its grid holds two halves
    side by side; the table itself otherwise. Blank padding rows of a half are left out."""
    at = _halves_at(table.header, table.n_cols, settings)
    if at is None:
        return table
    width, gutter = at
    left = [_half(r, 0, width) for r in table.rows]
    right = [_half(r, width + gutter, width) for r in table.rows]
    rows = [r for r in left + right if any(c.strip() for c in r.cells)]
    return replace(
        table,
        header=[row[:width] for row in table.header],
        rows=rows,
        n_cols=width,
        owners=[o if o < width else c for c, o in enumerate(table.owners[:width])],
        col_edges=table.col_edges[: width + 1],
        column_marks=table.column_marks[:width],
    )
