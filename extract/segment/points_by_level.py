"""Points printed in a staircase, one column per level: a score table whose self points (or maximum)
stand under one merged header, "Điểm tự chấm" over "Lĩnh vực | Tiêu chí | Tiêu chí thành phần"
("Tiêu chí con", "Cấp 1 | Cấp 2 | Cấp 3"), each row's figure in its own level's column and the
others blank, as a spreadsheet that sums each level in a column of its own prints them. The header
matcher reads the lower labels as the criterion's name ("Tiêu chí thành phần" is a name column's
label) and the points as one column of the run only.

So where a merged points label heads a run of two columns or more, each headed below by a level's
name, and no row prints two different figures in the run, the run is one column: the merged
label's, each row's figure in its first cell, the others blank. A row printing two figures there (a
field's sum beside its criterion's points) is no staircase, and the table is left as it is."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from rapidfuzz.distance import Levenshtein

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.level_columns import NOT_LEVELS, scored_at
from extract.segment.points_words import POINTS_MARKS
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class PointsByLevelSettings:
    # The levels of a criteria set as a level column's header prints them (folded, no marks).
    level_names: frozenset[str] = field(
        default_factory=lambda: frozenset(
            {
                "linh vuc",
                "tieu chi",
                "tieu chi thanh phan",
                "tieu chi con",
                "tieu chi chi tiet",
                "chi so",
                "chi so thanh phan",
                "chi so con",
            }
        )
    )
    # ... or by its rank: "Cấp 1", "Mức 2", "Level 3"; on a scan the space may be lost ("Cấp2") or
    # a speck in it read as a letter ("Cấpi1").
    numbered_level: str = r"(cap|muc|level) ?[a-z]? ?\d"
    # Fewest columns a run of levels spans (one column is no staircase).
    min_run: int = 2
    # A level's name as a scan's OCR misread a letter of it ("Lãnh vực" for "Lĩnh vực"): at most
    # this many letters off, on names at least ``fuzzy_chars`` long (a short one is another word).
    misread_letters: int = 1
    fuzzy_chars: int = 8


def _folded(text: str) -> str:
    return " ".join(fold(text.split("(")[0]).strip(" .:;'‘`|_").split())  # (a scan's specks around it)


def _names_level(text: str, settings: PointsByLevelSettings) -> bool:
    folded = _folded(text)
    if folded in settings.level_names or lazy_compile(settings.numbered_level).fullmatch(folded) is not None:
        return True
    return len(folded) >= settings.fuzzy_chars and any(
        Levenshtein.distance(folded, name) <= settings.misread_letters
        for name in settings.level_names
        if len(name) >= settings.fuzzy_chars
    )


def _points_label(text: str) -> bool:
    """Whether a merged header cell names points: the self points, the maximum or the appraisal."""
    folded = _folded(text)
    return any(mark in folded for marks in POINTS_MARKS.values() for mark in marks) or "diem" in folded.split()


def _cell(cells: list[str], col: int) -> str:
    return cells[col].strip() if col < len(cells) else ""


def level_runs(joined: JoinedTable, settings: PointsByLevelSettings) -> list[tuple[int, list[int]]]:
    """Each run of level columns under a merged points label: the lower header row's index and the
    run's columns, left to right."""
    runs: list[tuple[int, list[int]]] = []
    for lower_at in range(1, len(joined.header)):
        upper, lower = joined.header[lower_at - 1], joined.header[lower_at]
        col = 0
        while col < joined.n_cols:
            if not (_points_label(_cell(upper, col)) and _names_level(_cell(lower, col), settings)):
                col += 1
                continue
            run = [col]
            while (
                run[-1] + 1 < joined.n_cols
                and not _cell(upper, run[-1] + 1)
                and _names_level(_cell(lower, run[-1] + 1), settings)
            ):
                run.append(run[-1] + 1)
            if len(run) >= settings.min_run:
                runs.append((lower_at, run))
            col = run[-1] + 1
    return runs


def _moved(values: list, at: int, run: list[int], blank: object) -> list:
    moved = list(values)
    if at < len(moved) and run[0] < len(moved):
        moved[run[0]] = moved[at]
    for col in run[1:]:
        if col < len(moved):
            moved[col] = blank
    return moved


def _one_column(row: JoinedRow, run: list[int], at: int | None) -> JoinedRow:
    if at is None:
        return row
    return replace(
        row,
        cells=_moved(row.cells, at, run, ""),
        lines=_moved(row.lines, at, run, []),
        places=_moved(row.places, at, run, []),
        line_confs=_moved(row.line_confs, at, run, []),
        bboxes=_moved(row.bboxes, at, run, None),
        confs=_moved(row.confs, at, run, None),
    )


def points_by_level(joined: JoinedTable, settings: PointsByLevelSettings = PointsByLevelSettings()) -> JoinedTable:
    """The table with each staircase of level columns under a merged points label made one column
    (the label its header's, each row's figure in it); any other table as it is."""
    runs = level_runs(joined, settings)
    if not runs:
        return joined
    rows = joined.rows
    header = [list(h) for h in joined.header]
    for lower_at, run in runs:
        at = [scored_at(row, run) for row in rows]
        if NOT_LEVELS in at:
            return joined  # (two figures in a row, or words: not a staircase)
        rows = [_one_column(row, run, a) for row, a in zip(rows, at, strict=True)]
        for col in run:
            header[lower_at][col] = ""
    return replace(joined, header=header, rows=rows)
