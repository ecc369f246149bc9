"""A plan's task table that names its units as columns, not in a lead and a coordinator column: one
column per unit under a merged head ("Phân công thực hiện", "Đơn vị thực hiện"), each task's row
marking the unit that leads it ("CT", "Chủ trì") and the units that coordinate ("PH", "Phối hợp"),
the other cells blank. The marks are the evidence: a column is the matrix's only when its cells
hold nothing but marks (so a column of unit names, deadlines or products never is), and at least
two such columns make a matrix. A task's lead is the head of the column marked to lead, its
coordinators the heads of the columns marked to coordinate, in the columns' order. The head is the
unit's own (the header's last row under the merged group head), never the group head's words."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_sections import task_code
from normalize.text import WORD_RUN, fold
from normalize.units import spell_units


@dataclass(frozen=True)
class UnitMatrixSettings:
    # Folded words of a cell that marks the unit leading the task ("CT", "Chủ trì").
    lead_marks: tuple[str, ...] = ("ct", "chu tri")
    # Folded words of a cell that marks a unit coordinating ("PH", "Phối hợp").
    coordinator_marks: tuple[str, ...] = ("ph", "phoi hop")
    # Fewest mark columns that make a matrix: one column of marks is a column's own oddity, two or
    # more units side by side are how a matrix prints.
    min_columns: int = 2
    # How units marked alike are joined, in the columns' order (as a coordinator cell lists them).
    joiner: str = ", "


_SETTINGS = UnitMatrixSettings()


@dataclass
class UnitMatrix:
    """The matrix's columns and each one's unit (empty when the table has no matrix)."""

    units: dict[int, str] = field(default_factory=dict)

    def row_units(self, row: JoinedRow, settings: UnitMatrixSettings = _SETTINGS) -> dict[str, str]:
        """``{"lead": …, "coordinator": …}`` a row's marks give ({} with no matrix)."""
        if not self.units:
            return {}
        marked = {c: mark_of(task_code(row, c), settings) for c in self.units}
        return {
            role: settings.joiner.join(self.units[c] for c in sorted(self.units) if marked[c] == role)
            for role in ("lead", "coordinator")
        }


def mark_of(cell: str, settings: UnitMatrixSettings = _SETTINGS) -> str | None:
    """ "lead" or "coordinator" for a cell holding a mark alone, None for any other cell."""
    words = " ".join(WORD_RUN.findall(fold(cell)))
    if words in settings.lead_marks:
        return "lead"
    if words in settings.coordinator_marks:
        return "coordinator"
    return None


def _unit_name(table: JoinedTable, col: int) -> str:
    """The unit a matrix column stands for: its cell in the header's last row (under the group
    head merged across the matrix), else its whole label; in the gazetteer's spelling, so a head a
    narrow column wrapped inside a word ("UBMTT" / "Q Việt Nam xã") reads as the unit."""
    if len(table.header) > 1 and col < len(table.header[-1]) and table.header[-1][col].strip():
        return spell_units(" ".join(table.header[-1][col].split()))
    return spell_units(" ".join(table.header_text[col].split())) if col < len(table.header_text) else ""


def unit_matrix(
    table: JoinedTable, mapping: dict[str, int], settings: UnitMatrixSettings = _SETTINGS
) -> tuple[dict[str, int], UnitMatrix]:
    """(the mapping without the matrix's columns, the matrix) of a task table; the mapping as it
    was and an empty matrix when no two columns hold marks alone, one of them a lead's."""
    columns: list[int] = []
    leads = False
    for c in range(table.n_cols):
        cells = [task_code(r, c) for r in table.rows]
        marks = [mark_of(t, settings) for t in cells if t]
        if marks and all(marks) and _unit_name(table, c):
            columns.append(c)
            leads = leads or "lead" in marks
    if len(columns) < settings.min_columns or not leads:
        return mapping, UnitMatrix()
    kept = {f: c for f, c in mapping.items() if c not in columns}
    return kept, UnitMatrix({c: _unit_name(table, c) for c in columns})


def points_in_matrix(table: JoinedTable, columns: dict[str, int], points_keys: tuple[str, ...]) -> bool:
    """Whether every points field a score header mapping gave (``columns``) stands on a column of a unit
    matrix: a plan's grid whose last unit head ("Các thôn, tổ dân phố") the header matcher took for
    "tối đa", its cells "CT" / "PH" marks, never figures. Such a grid is the task reader's, not a score
    table whose points were all lost (on a scan it was kept as one, 17 rows without a figure, and told)."""
    keyed = [columns[k] for k in points_keys if k in columns]
    if not keyed:
        return False
    _, matrix = unit_matrix(table, {})
    return bool(matrix.units) and all(c in matrix.units for c in keyed)
