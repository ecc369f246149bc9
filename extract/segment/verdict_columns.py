"""Verdict columns beside a score grid's points: a criterion judged "Đạt" / "Không đạt" in a column of
its own, or ticked ("x", "✓") under a "Đạt" and a "Không đạt" column. Their labels share the self
assessment's words ("Kết quả tự đánh giá", "Tự đánh giá") with the self points column, and the header
matcher may give them the points field: a column that prints no figure, only verdicts and ticks, is
no points column, and the field goes to the column the header names next (the one with the figures).

What the header says of a column is checked against what the column holds; the verdict itself is
not a field of ours (the points say it), so its columns are left out of the mapping."""

from __future__ import annotations

from collections.abc import Callable

from extract.segment.joined import JoinedTable
from normalize.numbers import parse_number
from normalize.text import fold

# A verdict as a commune prints it, on the letters without marks (the folded cell): the words a verdict
# opens with ("Đạt yêu cầu"), and its abbreviations, alone in their cell ("Đ", "KĐ").
_VERDICT_WORDS = frozenset({"dat", "khong dat", "chua dat", "k dat"})
_VERDICT_MARKS = frozenset({"d", "kd"})
# Ticks marking the verdict a column heads.
_TICKS = frozenset({"x", "✓", "✔", "√", "☑", "☒", "v"})
# Points fields that a verdict column may be mistaken for.
_POINTS_KEYS = ("max", "self", "appraised")


def verdict_cell(text: str) -> bool:
    """Whether a cell prints a verdict ("Đạt", "Không đạt", "Đạt yêu cầu") or a tick, and no figure."""
    folded = " ".join(fold(text).strip(" .;:()").split())
    if text.strip() in _TICKS or folded in _TICKS:
        return True
    words = folded.split()
    opening = {" ".join(words[:n]) for n in (1, 2) if len(words) >= n}
    return folded in _VERDICT_MARKS or (not any(ch.isdigit() for ch in folded) and bool(opening & _VERDICT_WORDS))


def verdict_column(joined: JoinedTable, col: int) -> bool:
    """A column whose body cells print verdicts or ticks and blanks, at least one of them, and no figure."""
    texts = [joined.cell_text(row, col) for row in joined.rows]
    filled = [t for t in texts if t.strip()]
    if not filled or any(parse_number(t) is not None for t in filled):
        return False
    return all(verdict_cell(t) for t in filled)


def _figures(joined: JoinedTable, col: int) -> bool:
    return any(parse_number(joined.cell_text(row, col)) is not None for row in joined.rows)


def without_verdicts(
    joined: JoinedTable,
    columns: dict[str, int] | None,
    remap: Callable[[list[str]], dict[str, int] | None],
) -> dict[str, int] | None:
    """``columns`` with a points field the header gave a verdict column handed to the column the header
    names next for it, when that one prints figures; unchanged when no such column stands in (a
    table whose only self column is ticked keeps reading its marks as no points)."""
    if not columns:
        return columns
    verdicts = {c for c in range(joined.n_cols) if verdict_column(joined, c)}
    mistaken = [key for key in _POINTS_KEYS if columns.get(key) in verdicts]
    if mistaken:
        labels = ["" if c in verdicts else label for c, label in enumerate(joined.header_text)]
        remapped = remap(labels)
        if remapped is not None and all(key in remapped and _figures(joined, remapped[key]) for key in mistaken):
            columns = remapped
    # Nor is a verdict a scale of how the points are given ("Không đạt" is near "hướng dẫn" to the matcher).
    return {key: col for key, col in columns.items() if not (key == "scale" and col in verdicts)}
