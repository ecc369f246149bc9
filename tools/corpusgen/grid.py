"""A table as a grid of printed cells (text, horizontal span, vertical merge), built from score or
statistics rows by a layout; every format (DOCX, markdown, TSV, bar text) renders the same grid."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from corpusgen.reports import StatRow
from corpusgen.scores import Row, ScoreTable, is_roman
from normalize.numbers import format_vn


@dataclass(frozen=True)
class Cell:
    text: str = ""
    span: int = 1  # grid columns the cell covers
    vmerge: str | None = None  # "restart" | "continue": a cell merged with the one below / above
    bold: bool = False
    align: str = "left"  # left | center | right
    numbered: int | None = None  # a level of Word's automatic numbering (Table.numbering) labels the cell
    rotated: bool = False  # the text runs bottom to top, as narrow header cells print their labels


@dataclass(frozen=True)
class GridRow:
    cells: tuple[Cell, ...]
    kind: str = "data"  # header | numbers | total | data


@dataclass(frozen=True)
class Grid:
    widths_cm: tuple[float, ...]
    rows: tuple[GridRow, ...]


def points(value: float | None) -> str:
    return format_vn(value)


def printed_code(code: str, style: str) -> str:
    """A normalised code as tables print it. Roman parts "I"; a part's sections restart ("II.1" prints
    "1"); a)/b) items ("1.1.a" prints "a)"). ``style`` "dot" ends a code in a dot ("1.", "1.1."),
    "plain" never does, "mixed" only one-number codes ("1.", "1.1")."""
    parts = code.split(".")
    if parts[-1].isalpha() and not is_roman(parts[-1]):
        return f"{parts[-1]})"
    if len(parts) > 1 and is_roman(parts[0]):
        parts = parts[1:]
    text = ".".join(parts)
    if style == "dot" or (style == "mixed" and len(parts) == 1):
        return text + "."
    return text


def depth(row, rows_by_code) -> int:
    d, parent = 0, row.parent
    while parent is not None:
        d += 1
        parent = rows_by_code[parent].parent
    return d


@dataclass(frozen=True)
class ScoreLayout:
    """How a score table is printed. Column keys: code, name, max, self, appraised, explanation, scale,
    fraction (the self points over the maximum in one cell, "9/10")."""

    columns: tuple[str, ...]
    labels: dict = field(default_factory=dict)
    widths_cm: dict = field(default_factory=dict)
    group_label: str | None = None  # two-level header: this label spans the points columns
    indent_column: bool = False  # an extra grid column before the name for sub-criteria
    indent_holds_code: bool = False  # sub-criteria print their code in the indent column
    code_in_name: bool = False  # "1.1. Kế hoạch ..." in one cell (no code column)
    scale_in_name: bool = False  # scale lines under the name, one per line
    evidence_rows: bool = False  # rows with two evidence cells: code/name/points merged over two rows
    number_row: bool = False  # "(1) (2) (3) ..." under the header
    total: str | None = "last"  # first | last | None
    total_label: str = "Tổng cộng"
    scale_bullet: str = "- "  # what starts a scale line (in the name or in a scale column)
    code_style: str = "mixed"
    bold_levels: int = 1  # rows at depth < this are bold
    # Word's automatic numbering prints the codes: "code" (the code column's cells hold no text, a list
    # level each) or "name" (the name's cell is numbered; no code column). None: codes are typed.
    numbering: str | None = None
    # A word printed before the code, by depth ("Lĩnh vực ", "TC"; the last for any deeper level).
    code_words: tuple[str, ...] = ()
    fraction_order: str = "self/max"  # the fraction column's figures: "self/max" ("9/10") or "max/self"


DEFAULT_LABELS = {
    "fraction": "Điểm đạt/Điểm tối đa",
    "code": "STT",
    "name": "Lĩnh vực, tiêu chí",
    "max": "Điểm tối đa",
    "self": "Điểm tự đánh giá",
    "appraised": "Điểm thẩm định",
    "explanation": "Giải trình",
    "scale": "Cách tính điểm",
}
DEFAULT_WIDTHS = {
    "code": 1.4,
    "indent": 1.4,
    "name": 7.6,
    "max": 1.7,
    "self": 1.8,
    "appraised": 1.8,
    "explanation": 4.2,
    "scale": 6.0,
    "fraction": 2.4,
}
POINT_KEYS = ("max", "self", "appraised")


def _grid_keys(layout: ScoreLayout) -> list[str]:
    keys = []
    for key in layout.columns:
        if key == "name" and layout.indent_column:
            keys.append("indent")
        keys.append(key)
    return keys


def _header(layout: ScoreLayout) -> list[GridRow]:
    labels = {**DEFAULT_LABELS, **layout.labels}
    keys = list(layout.columns)
    name_span = 2 if layout.indent_column else 1
    if not layout.group_label:
        return [
            GridRow(
                tuple(Cell(labels[k], name_span if k == "name" else 1, None, True, "center") for k in keys), "header"
            )
        ]
    top, bottom = [], []
    i = 0
    while i < len(keys):
        k = keys[i]
        if k in POINT_KEYS:
            j = i
            while j < len(keys) and keys[j] in POINT_KEYS:
                j += 1
            group = keys[i:j]
            top.append(Cell(layout.group_label, len(group), None, True, "center"))
            bottom.extend(Cell(labels[g], 1, None, True, "center") for g in group)
            i = j
            continue
        span = name_span if k == "name" else 1
        top.append(Cell(labels[k], span, "restart", True, "center"))
        bottom.append(Cell("", span, "continue", True, "center"))
        i += 1
    return [GridRow(tuple(top), "header"), GridRow(tuple(bottom), "header")]


def _name_text(row: Row, layout: ScoreLayout, code: str) -> str:
    text = f"{code} {row.name}" if layout.code_in_name and code else row.name
    if layout.scale_in_name and row.scale:
        text += "".join(f"\n{layout.scale_bullet}{line}" for line in row.scale)
    return text


def fraction(self_points: float | None, max_points: float | None, order: str) -> str:
    """Self points over the maximum in one cell ("9/10", or "10/9" maximum first); a blank score
    prints a dash ("-/3": to be scored later)."""
    scored = points(self_points) or "-"
    return f"{scored}/{points(max_points)}" if order == "self/max" else f"{points(max_points)}/{scored}"


def _printed(code: str, layout: ScoreLayout, level: int) -> str:
    """The code as the code column prints it: behind the word of its depth where the layout has one."""
    if not layout.code_words or not code:
        return code
    return layout.code_words[min(level, len(layout.code_words) - 1)] + code


def _value(key: str, row: Row, layout: ScoreLayout) -> str:
    if key == "scale":
        return "\n".join(f"{layout.scale_bullet}{line}" for line in row.scale)
    if key == "fraction":
        return fraction(row.self_points, row.max_points, layout.fraction_order)
    return {
        "max": points(row.max_points),
        "self": points(row.self_points),
        "appraised": points(row.appraised_points),
        "explanation": row.explanation or "",
    }[key]


def _data_rows(row: Row, layout: ScoreLayout, level: int) -> list[GridRow]:
    code = printed_code(row.code, layout.code_style)
    bold = level < layout.bold_levels
    two = layout.evidence_rows and len(row.evidence) == 2
    first, second = [], []
    for key in layout.columns:
        if key == "code" and layout.numbering == "code":
            cells = [Cell("", 1, None, bold, "center", numbered=level)]
        elif key == "code":
            text = "" if (layout.indent_column and layout.indent_holds_code and level > 0) else code
            cells = [Cell(_printed(text, layout, level), 1, None, bold, "center")]
        elif key == "name":
            name = _name_text(row, layout, _printed(code, layout, level))
            if layout.numbering == "name":
                cells = [Cell(name, 1, None, bold, numbered=level)]
            elif layout.indent_column and level == 0:
                cells = [Cell(name, 2, None, bold)]
            elif layout.indent_column:
                cells = [
                    Cell(code if layout.indent_holds_code else "", 1, None, bold, "center"),
                    Cell(name, 1, None, bold),
                ]
            else:
                cells = [Cell(name, 1, None, bold)]
        elif key == "explanation" and two:
            first.append(Cell(row.evidence[0]))
            second.append(Cell(row.evidence[1]))
            continue
        else:
            text = _value(key, row, layout)
            cells = [
                Cell(
                    text,
                    1,
                    None,
                    bold and key not in ("explanation", "scale"),
                    "left" if key in ("explanation", "scale") else "center",
                )
            ]
        if two:
            first.extend(Cell(c.text, c.span, "restart", c.bold, c.align) for c in cells)
            second.extend(Cell("", c.span, "continue", c.bold, c.align) for c in cells)
        else:
            first.extend(cells)
    out = [GridRow(tuple(first))]
    if two:
        out.append(GridRow(tuple(second)))
    return out


def _total_row(table: ScoreTable, layout: ScoreLayout) -> GridRow:
    values = {
        "max": points(table.total_max),
        "self": points(table.total_self),
        "appraised": points(table.total_appraised),
        "explanation": "",
        "scale": "",
        "fraction": fraction(table.total_self, table.total_max, layout.fraction_order),
    }
    cells = []
    for key in layout.columns:
        if key == "code":
            cells.append(Cell("", 1, None, True))
        elif key == "name":
            cells.append(Cell(layout.total_label, 2 if layout.indent_column else 1, None, True, "center"))
        else:
            cells.append(Cell(values[key], 1, None, True, "center"))
    return GridRow(tuple(cells), "total")


def as_printed(table: ScoreTable, layout: ScoreLayout) -> ScoreTable:
    """The table as the layout prints it: a layout without a total row states no total, so the
    truth has none and a planted total fault (nothing on the page shows it) is not planted."""
    if layout.total is not None:
        return table
    faults = tuple(f for f in table.faults if f.kind != "total_sum")
    return replace(table, total_max=None, total_self=None, total_appraised=None, faults=faults)


def score_grid(table: ScoreTable, layout: ScoreLayout) -> Grid:
    widths = {**DEFAULT_WIDTHS, **layout.widths_cm}
    rows = _header(layout)
    if layout.number_row:
        n = len(_grid_keys(layout)) - (1 if layout.indent_column else 0)
        spans = [2 if (k == "name" and layout.indent_column) else 1 for k in layout.columns]
        rows.append(
            GridRow(tuple(Cell(f"({i})", s, None, False, "center") for i, s in zip(range(1, n + 1), spans)), "numbers")
        )
    body: list[GridRow] = []
    by_code = {r.code: r for r in table.rows}
    for r in table.rows:
        body.extend(_data_rows(r, layout, depth(r, by_code)))
    if layout.total == "first":
        rows.append(_total_row(table, layout))
    rows.extend(body)
    if layout.total == "last":
        rows.append(_total_row(table, layout))
    return Grid(tuple(widths[k] for k in _grid_keys(layout)), tuple(rows))


def stat_grid(rows: list[StatRow], labels: tuple[str, ...], widths_cm: tuple[float, ...]) -> Grid:
    """STT | indicator | unit | value | note."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")]
    for r in rows:
        top = "." not in r.code
        value = "" if r.value is None else points(r.value)
        out.append(
            GridRow(
                (
                    Cell(r.printed, 1, None, top, "center"),
                    Cell(r.indicator, 1, None, top),
                    Cell(r.unit, 1, None, False, "center"),
                    Cell(value, 1, None, top, "center"),
                    Cell(r.note),
                )
            )
        )
    return Grid(widths_cm, tuple(out))
