"""Whether a table read from lines is a score table: its numbers behave as points, or, where OCR
garbled its figures past that, its header names the points columns and its rows print the codes
and the names of the criteria (the catalogue's wording), as no task table's do.

A plan's task table keyed by criterion code ("1.2", "Quý II/2026") is set aside (its numbers are
no points); a score table whose figures OCR smudged ("1Í E5. 75", "5.. 35") would be set aside
with it and lost whole, though each of its rows says what it is. Its figures are then read as
they are, and checked as any others."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.line_split import is_criterion_name, opens_criterion_name
from normalize.code_repair import parent_rows
from schemas.records import ScoreTable


@dataclass(frozen=True)
class NamedCriteriaSettings:
    # Points columns the header must name: the max and a score (a task table's names none, or
    # one at most: "tham mưu").
    min_header_points: int = 2
    # A header naming the max column alone ("Điểm tối đa", "Thang điểm") names enough: no task
    # table prints a maximum, and a score table whose other labels OCR printed apart (a column
    # read after the table, psm 3) still names it.
    max_alone: bool = True
    # Rows with a printed code and a criterion's name, and their share of the table's rows: a
    # task list's opening lines may borrow a criterion's words, not most of its rows.
    min_named_rows: int = 3
    min_named_share: float = 0.4
    # The name's opening words tested as a whole criterion name (past them, the explanation's).
    opening_words: int = 8


def scored_lines(
    table: ScoreTable,
    header_points: frozenset[str],
    ordered_share: float,
    settings: NamedCriteriaSettings = NamedCriteriaSettings(),
) -> bool:
    """Whether a lines table is a score table: its numbers behave as points (``points_behave``)
    or its header and rows name the criteria (``named_criteria``)."""
    return points_behave(table, ordered_share) or named_criteria(table, header_points, settings)


def points_behave(table: ScoreTable, ordered_share: float) -> bool:
    """Whether a table's numbers behave as points, not as any numbers: a row scored at most its
    max (self or appraised points beside max points, at least ``ordered_share`` in that order),
    a parent whose max is its children's sum, or a totals row. A task table whose last column
    holds criterion codes ("1.2", "2.4") or whose cells end in dates ("Quý II/2026") gives one
    number a row at most, never a pair in order, never a sum."""
    pairs = [
        (row.max_points, scored)
        for row in table.rows
        for scored in (row.self_points, row.appraised_points)
        if row.max_points is not None and scored is not None
    ]
    ordered = sum(1 for top, scored in pairs if scored <= top)
    if ordered and ordered >= ordered_share * len(pairs):
        return True
    if table.stated_total_max is not None or table.stated_total_self is not None:
        return True
    return any(parent_rows([row.max_points for row in table.rows]))


def named_criteria(
    table: ScoreTable, header_points: frozenset[str], settings: NamedCriteriaSettings = NamedCriteriaSettings()
) -> bool:
    """Whether ``table``, under a header naming ``header_points``, is a score table by its rows:
    enough of them print a code and open with a catalogued criterion's name."""
    if not _names_points(header_points, settings) or not table.rows:
        return False
    named = sum(1 for row in table.rows if _code_printed(row) and _criterion_named(row.name, settings))
    return named >= settings.min_named_rows and named >= settings.min_named_share * len(table.rows)


def _names_points(header_points: frozenset[str], settings: NamedCriteriaSettings) -> bool:
    return len(header_points) >= settings.min_header_points or (settings.max_alone and "max" in header_points)


def _code_printed(row) -> bool:
    # (a code the row's position gave, or its name's mark (``marked_levels``), was not printed)
    return "code_inferred" not in row.flags and "code_derived" not in row.flags


def _criterion_named(name: str, settings: NamedCriteriaSettings) -> bool:
    # (past the rule's marks OCR left before the name: "-Tất cả báo cáo …", "| Kế hoạch …")
    text = re.sub(r"^[^\p{L}]+", "", name)
    if not text:
        return False
    if opens_criterion_name(text):
        return True
    words = text.split()[: settings.opening_words]
    return any(is_criterion_name([(w, w) for w in words[:k]]) for k in range(len(words), 0, -1))
