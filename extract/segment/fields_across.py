"""A summary of the self-assessment turned over: the fields are the columns, the points the rows.

"Nội dung | 1. Công tác chỉ đạo … | 2. … | Tổng cộng" over the rows "Điểm tối đa" and "Điểm tự
chấm" (a share row "Tỷ lệ đạt (%)" under them on some): each field's maximum and self points are
the figures under its header cell, the total the total column's (its label may say "điểm", "TỔNG
ĐIỂM": no points column of its own). The table is told by its header, two cells or more opening
with a field's code, and its row labels naming a score table's maximum and self points
(``map_columns`` read over the first column, as it reads a header); it is turned back into the
score table it summarises, one row per field ("1 | Công tác chỉ đạo … | 12 | 9") and the total
last, and read as any other. A share row is the self over the maximum, no points of its own; the
summary's checks (the fields' sum against the total, self over maximum) then run as for any table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from extract.segment.joined import JoinedRow, JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# A field's code opening its header cell ("1. Công tác …", "II. Cải cách …", "3) …").
_CODE = lazy_compile(r"^\s*((?:\d{1,2}|[IVX]{1,4}))\s*[.)]\s*(\S.*)$")
# The total column's label ("Tổng cộng", "TỔNG ĐIỂM", "Tổng số điểm", "Cộng").
_TOTAL = lazy_compile(r"^(?:tong|cong)(?![a-z])")


@dataclass(frozen=True)
class FieldsAcrossSettings:
    # Fewest field columns for a table to be a summary turned over (one field's table is a
    # two-figure note, read nowhere as a score table).
    min_fields: int = 2
    # Share of the field columns whose maximum must read as a number (a table of words with a
    # "Điểm tối đa" row label is no summary).
    min_numeric_share: float = 0.8


def _field(label: str) -> tuple[str, str] | None:
    """(code, name) of a field's header cell, None when it opens with no code."""
    found = _CODE.match(" ".join((label or "").split()))
    return (found.group(1), found.group(2)) if found else None


def _row(origin: JoinedRow, cells: list[str], sources: list[int | None]) -> JoinedRow:
    """A row of the turned table, on the page and lines of the row its figures came from; each
    cell keeps its printed box and confidence where it had one (``sources``: the origin's column)."""

    def take(values: list) -> list:
        return [values[s] if s is not None and s < len(values) else None for s in sources] if values else []

    return JoinedRow(
        cells=cells,
        bold=[bool(b) for b in take(origin.bold)] if origin.bold else [False] * len(cells),
        page=origin.page,
        line_start=origin.line_start,
        line_end=origin.line_end,
        fragment=origin.fragment,
        bboxes=take(origin.bboxes),
        confs=take(origin.confs),
    )


def fields_turned(
    joined: JoinedTable,
    map_columns: Callable[[list[str]], dict[str, int] | None],
    settings: FieldsAcrossSettings = FieldsAcrossSettings(),
) -> JoinedTable:
    """The score table a summary with its fields across (see the module) stands for, else the
    table as it is. ``map_columns`` is the score reader's: it names the points by their labels."""
    labels = joined.header_text
    if not joined.rows or len(labels) < settings.min_fields + 1:
        return joined
    fields = {c: f for c in range(1, len(labels)) if (f := _field(labels[c])) is not None}
    totals = [c for c in range(1, len(labels)) if c not in fields and _TOTAL.match(fold(labels[c]))]
    if len(fields) < settings.min_fields or len(totals) > 1:
        return joined
    # (the header is read by its codes, not by ``map_columns``: a field's words may pass for a points
    # label, "8. Tác động …" for "tối đa", the total's "TỔNG ĐIỂM" for the maximum; a score table
    # printed the usual way opens no two of its header cells with a field's code)
    roles = map_columns([row.cells[0] if row.cells else "" for row in joined.rows])
    if roles is None or "max" not in roles or "self" not in roles:
        return joined
    top, own = joined.rows[roles["max"]], joined.rows[roles["self"]]
    numeric = [c for c in fields if c < len(top.cells) and parse_number(top.cells[c]) is not None]
    if len(numeric) < settings.min_numeric_share * len(fields):
        return joined

    def figure(row: JoinedRow, c: int) -> str:
        return row.cells[c] if c < len(row.cells) else ""

    rows = [
        _row(top, [code, name, figure(top, c), figure(own, c)], [None, None, c, c])
        for c, (code, name) in fields.items()
    ]
    if totals:
        c = totals[0]
        rows.append(_row(top, ["", labels[c], figure(top, c), figure(own, c)], [None, None, c, c]))
    # (the first column's label names the rows, "Kết quả" / "Nội dung": the fields' own is their name)
    header = ["STT", "Lĩnh vực", top.cells[0], own.cells[0]]
    return replace(joined, header=[header], rows=rows, n_cols=4, owners=[], col_edges=[], column_marks=[])
