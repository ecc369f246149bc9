"""The header of a table typed at tab stops: which table its labels name, the columns' positions, and
a header wrapped over two typed lines joined column by column.

A narrow column's label is often typed over two lines ("TT⇥Nội dung⇥Điểm⇥Điểm" over "⇥⇥tối đa⇥tự
chấm"), and neither line alone names the table: each lower piece joins the label of the column it
stands under, by its position where the source places pieces (a DOCX's tab stops), else one to one
when both lines have as many pieces, else from the right (a lower line typed after tabs fills the
last columns: the label above a narrow column is what wraps).

A header is a score table's or a statistics annex's by the grid readers' own dictionaries
(``score_tables.map_columns``, ``statistics.column_roles``), or a task framework's by the task grid
reader's (``task_tables.map_columns`` and its settings: enough columns mapped, one only task
frameworks have)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from extract.segment.score_tables import map_columns
from extract.segment.statistics import column_roles
from extract.segment.task_tables import TaskTableSettings, names_task_columns
from normalize.text import fold


@dataclass(frozen=True)
class TypedHeader:
    """The columns a header names: how many, the one a broken name's lines go on in, the ones that
    hold figures (the points, an annex's figure) left to right, and where each column stands when
    the source placed the header's pieces (else empty)."""

    n_cols: int
    text_col: int
    figure_cols: tuple[int, ...]
    stops: tuple[float, ...] = ()
    labels: tuple[str, ...] = ()  # the header's labels, a wrapped one's joined
    # A task framework with no code column (no TT, no criterion code): nothing but a bullet before
    # its text says where a task starts ("- Xây dựng …⇥Văn phòng⇥Quý I").
    bulleted: bool = False


# The score columns that hold figures (``map_columns``' keys), and an annex's (``column_roles``').
_SCORE_FIGURES = ("max", "self", "appraised")
_ANNEX_FIGURES = ("value",)
# Columns whose printed key opens a task row (a code, a criterion, an objective "1.1. …"): a header
# naming none is a codeless framework, its tasks opened by a bullet.
_ROW_KEYS = ("code", "criterion_code", "criterion", "objective")
# The task column a broken line goes on in, the first the header names.
_TASK_TEXT = ("task", "activity", "criterion", "objective")


def typed_header(
    labels: Sequence[str], stops: Sequence[float] = (), tasks: TaskTableSettings = TaskTableSettings()
) -> TypedHeader | None:
    """The header a run of typed lines carries, when its labels name a score table's columns (the
    max points, and the self points or the criterion), an annex's (the indicator, and its unit or
    figure) or a task framework's; None for any other line typed in pieces (a header block's
    "ỦY BAN …⇥CỘNG HÒA …")."""
    labels = list(labels)
    at = tuple(stops) if len(stops) == len(labels) else ()
    score = map_columns(labels)
    if score is not None:
        figures = tuple(sorted(score[k] for k in _SCORE_FIGURES if k in score))
        return TypedHeader(len(labels), score.get("name", min(1, len(labels) - 1)), figures, at, tuple(labels))
    roles = column_roles(labels)
    if "indicator" in roles and ({"unit", "value"} & set(roles)) and not _figures_are_tasks(labels, roles, tasks):
        figures = tuple(sorted(roles[k] for k in _ANNEX_FIGURES if k in roles))
        return TypedHeader(len(labels), roles["indicator"], figures, at, tuple(labels))
    return task_header(labels, at, tasks)


def _figures_are_tasks(labels: list[str], roles: dict[str, int], tasks: TaskTableSettings) -> bool:
    """An annex's figure or unit column that a task header names as a lead, coordinator or deadline
    ("Đầu mối thực hiện", "Thời gian thực hiện": no figure "thực hiện", no unit "Đơn vị")."""
    task = names_task_columns(labels, tasks) or {}
    units = {task[f] for f in ("lead", "coordinator", "deadline") if f in task}
    return any(roles.get(r) in units for r in ("unit", "value"))


def task_header(
    labels: Sequence[str], stops: Sequence[float] = (), tasks: TaskTableSettings = TaskTableSettings()
) -> TypedHeader | None:
    """The header when ``labels`` name a task framework's columns by the task grid reader's own
    dictionary (enough columns mapped, one only task frameworks have, no score column); else None."""
    labels = list(labels)
    at = tuple(stops) if len(stops) == len(labels) else ()
    header = fold(" ".join(labels))
    if any(w in header for w in tasks.score_header_words):
        return None
    task = names_task_columns(labels, tasks)
    if task is not None:
        text_col = next((task[f] for f in _TASK_TEXT if f in task), min(1, len(labels) - 1))
        keyed = any(f in task for f in _ROW_KEYS)
        return TypedHeader(len(labels), text_col, (), at, tuple(labels), bulleted=not keyed)
    return None


def wrapped_header(
    upper: tuple[list[str], list[float]], lower: tuple[list[str], list[float]]
) -> tuple[list[str], list[float]]:
    """Two typed header lines as one: the labels of the line with more pieces (the upper on a tie),
    each piece of the other joined to the column it stands in, the upper line's words first."""
    (up, up_at), (low, low_at) = upper, lower
    base, base_at, other, other_at = (up, up_at, low, low_at) if len(up) >= len(low) else (low, low_at, up, up_at)
    cols = [[p] for p in base]
    for piece, col in zip(other, _columns_of(other, other_at, base, base_at)):
        if piece:
            cols[col].insert(0 if base is low else len(cols[col]), piece)
    return [" ".join(p for p in col if p) for col in cols], list(base_at)


def _columns_of(other: list[str], other_at: list[float], base: list[str], base_at: list[float]) -> list[int]:
    if other_at and base_at and len(other_at) == len(other) and len(base_at) == len(base):
        return [nearest(base_at, x) for x in other_at]
    shift = len(base) - len(other)
    return [k + shift for k in range(len(other))]


def nearest(stops: Sequence[float], x: float) -> int:
    """The column whose position is nearest ``x``."""
    return min(range(len(stops)), key=lambda c: abs(stops[c] - x))
