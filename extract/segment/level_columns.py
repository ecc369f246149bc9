"""Self points printed in level columns: a self-assessment scored by levels, "Hoàn thành tốt |
Hoàn thành | Không hoàn thành" ("Tốt | Đạt | Chưa đạt") under one merged "Mức độ hoàn thành" /
"Kết quả tự đánh giá", a row's points printed in the cell of the level it reached and the other
two left blank, a row made of others its sum in one cell across the three. The header matcher
gives the self points the first level's column only, and every row scored at another level
reads no points.

So where the self column is one of such a run of columns, a row's self points are the one figure
its level cells print (a cell merged across them repeats it, or gives it to one of them). Only
where the run is that: two columns at least, side by side, each headed by a level's name and
mapped to no other field, every filled cell a figure, no row printing two different figures, and
one row at least scored outside the self column. A run of ticks ("x" in the level's cell, the
points in a column after) is no points column (``verdict_columns``) and is left as it is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold


@dataclass(frozen=True)
class LevelColumnSettings:
    # The levels' names as a level column's header prints them (folded, no marks): completion
    # levels of a self-assessment and the grades a criterion is judged by.
    levels: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {
                "hoan thanh xuat sac",
                "hoan thanh tot",
                "hoan thanh",
                "hoan thanh mot phan",
                "khong hoan thanh",
                "chua hoan thanh",
                "xuat sac",
                "tot",
                "kha",
                "trung binh",
                "yeu",
                "kem",
                "dat",
                "dat yeu cau",
                "chua dat",
                "khong dat",
                "khong dat yeu cau",
            }
        )
    )


def _level_label(joined: JoinedTable, col: int, settings: LevelColumnSettings) -> bool:
    """Whether the column's lowest header cell names a level ("Hoàn thành tốt"; "(điểm)" after it
    is the unit, not the level)."""
    for header_row in reversed(joined.header):
        text = header_row[col].strip() if col < len(header_row) else ""
        if text:
            folded = " ".join(fold(text.split("(")[0]).strip(" .:;").split())
            return folded in settings.levels
    return False


def level_runs(joined: JoinedTable, columns: dict[str, int], settings: LevelColumnSettings) -> list[list[int]]:
    """The runs of two level columns or more side by side, left to right, each column mapped to no
    field or to the self points."""
    others = {col for key, col in columns.items() if key != "self"}
    runs: list[list[int]] = []
    run: list[int] = []
    for col in range(joined.n_cols + 1):
        if col < joined.n_cols and col not in others and _level_label(joined, col, settings):
            run.append(col)
            continue
        if len(run) >= 2:
            runs.append(run)
        run = []
    return runs


def _text(row: JoinedRow, col: int) -> str:
    return row.cells[col].strip() if col < len(row.cells) else ""


# A digit: what tells a level cell's figure, however OCR printed it, from a tick ("x", "✓") or a word.
_DIGIT = lazy_compile(r"\d")
# ... or a decimal figure whose digits OCR all read as letters ("Đ,Ð" for 5,5): one or two glyphs
# either side of a decimal mark, no space; a word or a tick never prints so.
_DECIMAL_SHAPE = lazy_compile(r"[^\s.,]{1,2}[.,][^\s.,]{1,2}")

# ``scored_at`` of a row that is not one of a level run's.
NOT_LEVELS = -1


def scored_at(row: JoinedRow, run: list[int]) -> int | None:
    """The level column whose figure is the row's points (the first of equal ones: a merged cell
    repeated), None for a row with no figure there, ``NOT_LEVELS`` when the row is not one of a
    level run's (a cell that is no figure, or two different figures)."""
    filled = [col for col in run if _text(row, col)]
    values: set[float | str] = set()
    for col in filled:
        text = _text(row, col)
        number = parse_number(text, kind="score")
        if number is not None:
            values.add(number.value)
        elif _DIGIT.search(text) or _DECIMAL_SHAPE.fullmatch(text):
            # A figure OCR garbled ("2/75" for 2,75; "2.S"; "Đ,Ð"): a figure still, its reading left
            # to the cell readers and the sums; only a cell with neither a digit nor a figure's
            # shape is a tick or a word.
            values.add(text)
        else:
            return NOT_LEVELS
    if len(values) > 1:
        return NOT_LEVELS
    return filled[0] if filled else None


def _moved(row: JoinedRow, at: int | None, run: list[int], self_col: int) -> JoinedRow:
    if at is None:
        return row
    cells, lines = list(row.cells), list(row.lines)
    cells[self_col] = cells[at]
    if self_col < len(lines) and at < len(lines):
        lines[self_col] = lines[at]
    for col in run:
        if col != self_col:
            cells[col] = ""
            if col < len(lines):
                lines[col] = []
    return replace(row, cells=cells, lines=lines)


@dataclass(frozen=True)
class LevelPoints:
    """The table with its rows' self points in the self column, and its columns (the self points
    given the level run's first column where the header named none)."""

    joined: JoinedTable
    columns: dict[str, int]


def points_from_levels(
    joined: JoinedTable, columns: dict[str, int], settings: LevelColumnSettings = LevelColumnSettings()
) -> LevelPoints:
    """Each row's self points in the self column, where the self column is one of a run of level
    columns, or the header names no self column and a run of level columns prints figures; any
    other table as it is."""
    unchanged = LevelPoints(joined, columns)
    for run in level_runs(joined, columns, settings):
        self_col = columns.get("self", run[0])
        if self_col not in run:
            continue
        scored = [scored_at(row, run) for row in joined.rows]
        printed = [at for at in scored if at is not None]
        if NOT_LEVELS in scored or not printed or ("self" in columns and set(printed) == {self_col}):
            return unchanged  # (ticks, words, two figures in a row; or every row's points already in place)
        rows = [_moved(row, at, run, self_col) for row, at in zip(joined.rows, scored, strict=True)]
        return LevelPoints(replace(joined, rows=rows), {**columns, "self": self_col})
    return unchanged
