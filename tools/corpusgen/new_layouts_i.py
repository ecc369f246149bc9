"""A ninth batch of held-out typed layouts (N38-N41): forms real commune documents print that
neither F01-F31 nor N01-N37 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N34-N37 were developed on.

- N38 a score table with no evidence column: a criterion's evidence is a numbered footnote, its
  mark after the name ("…năm 2024(1)" / "… [1]") and the notes listed under the table;
- N39 a score table with a share column after the self points, "Tỷ lệ đạt (%)", the self points
  over the maximum in per cent, on the fields and the total only (odd instances) or on every row;
- N40 a report whose statistics are lines in its body, no table: a numbered line per indicator,
  its breakdown and its share told in the same line in brackets (odd) or as "-" lines under it;
- N41 a yearly plan whose task table has a budget column, "Kinh phí (triệu đồng)" or "Nguồn kinh
  phí", between the product and the deadline or last: figures, "Lồng ghép", "Ngân sách xã".

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpusgen.common import Built, Instance, docx_pdf, evaluation_year, make_meta, score_built, standard_blocks
from corpusgen.document import Document, Header, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, as_printed, score_grid
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import Fault, ScoreTable
from corpusgen.typed_annexes import TITLES
from corpusgen.typed_forms import _layout, _scored
from normalize.numbers import format_vn

# --- N38: the evidence as numbered footnotes under the table ---------------------------------------

# How a footnote's mark follows the name (odd instances, even) and how its note opens under the table.
FOOTNOTE_MARKS = ("({n})", " [{n}]")
FOOTNOTE_HEADS = ("Ghi chú (tài liệu kiểm chứng, giải trình):", "Ghi chú:", "* Ghi chú:")


def footnoted(table: ScoreTable, mark: str) -> tuple[ScoreTable, list[str]]:
    """The table as printed, each row with an explanation its name followed by the next footnote
    mark (the explanation no cell of its own), and the footnotes in order, "(1) <evidence>"."""
    notes: list[str] = []
    rows = []
    for r in table.rows:
        if r.explanation:
            notes.append(f"({len(notes) + 1}) {r.explanation}")
            r = replace(r, name=r.name + mark.format(n=len(notes)), explanation=None, evidence=())
        rows.append(r)
    return replace(table, rows=tuple(rows)), notes


def footnoted_evidence(inst: Instance) -> Built:
    """A score table "STT | name | max | self" with no evidence column: each criterion whose self
    points rest on a document carries a footnote mark after its name, "(1)" (odd instances) or " [1]"
    (even), and the notes are listed under the table, "(1) Kế hoạch số 12/KH-UBND …". Truth: the
    name without its mark; ``explanation`` the footnote's text (without its number)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    layout = _layout(rng, ("code", "name", "max", "self"), widths_cm={"name": 9.6})
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    odd = inst.index % 2 == 1
    marked, notes = footnoted(table, FOOTNOTE_MARKS[0 if odd else 1])
    blocks = standard_blocks(meta, title, Table(score_grid(marked, layout)), rng, year)
    at = next(k for k, b in enumerate(blocks) if isinstance(b, Table))
    under = (Para(rng.choice(FOOTNOTE_HEADS), italic=True), *(Para(n, italic=True, align="left") for n in notes))
    doc = Document(meta, blocks[: at + 1] + under + blocks[at + 1 :])
    return score_built(meta, docx_pdf("footnotes-" + ("bracketed" if odd else "squared"), doc), table)


# --- N39: a share column after the self points ------------------------------------------------------

SHARE_HEADERS = ("Tỷ lệ đạt (%)", "Tỷ lệ (%)", "Tỷ lệ điểm đạt so với điểm tối đa (%)")


def share_of_max(self_points: float | None, max_points: float | None) -> str:
    """The self points over the maximum in per cent, one decimal ("87,5"); blank without either."""
    if self_points is None or not max_points:
        return ""
    return format_vn(round(100 * self_points / max_points, 1))


def with_share(grid: Grid, table: ScoreTable, at: int, label: str, every_row: bool) -> Grid:
    """The grid with a share cell inserted at column ``at`` of every row: the label in the header,
    the share on the total row and on each field (``every_row``: on each row), blank elsewhere."""
    body = iter(table.rows)
    out = []
    for g in grid.rows:
        if g.kind == "header":
            cell = Cell(label, 1, None, True, "center")
        elif g.kind == "total":
            cell = Cell(share_of_max(table.total_self, table.total_max), 1, None, True, "center")
        elif g.kind == "data":
            r = next(body)
            text = share_of_max(r.self_points, r.max_points) if every_row or r.parent is None else ""
            cell = Cell(text, 1, None, r.parent is None, "center")
        else:
            cell = Cell("", 1, None, False, "center")
        out.append(replace(g, cells=g.cells[:at] + (cell,) + g.cells[at:]))
    widths = grid.widths_cm[:at] + (1.8,) + grid.widths_cm[at:]
    return Grid(widths, tuple(out))


def share_column(inst: Instance) -> Built:
    """A score table "STT | name | max | self | share | evidence": the share column "Tỷ lệ đạt (%)"
    after the self points, the self points over the maximum in per cent ("87,5"), printed on the
    fields and the total row only (odd instances) or on every row (even). Truth: the rows as F01's;
    the shares are nothing."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9, 1.0))
    columns = ("code", "name", "max", "self", "explanation")
    layout = _layout(
        rng, columns, widths_cm={"name": 6.6, "explanation": 3.6}, total=rng.choice(("last", "first", None))
    )
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    every_row = inst.index % 2 == 0
    grid = with_share(score_grid(table, layout), table, columns.index("self") + 1, rng.choice(SHARE_HEADERS), every_row)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("share-" + ("every-row" if every_row else "fields"), doc), table)


# --- N40: statistics as numbered lines in the report's body -----------------------------------------

LINE_LEADS = (
    "Kết quả cụ thể như sau:",
    "Một số chỉ tiêu chủ yếu đạt được trong kỳ:",
    "Số liệu cụ thể:",
)


@dataclass(frozen=True)
class StatLine:
    """A numbered indicator and the breakdown told with it (the items print no code of their own)."""

    top: StatRow
    items: tuple[StatRow, ...]


def stat_lines(rows: list[StatRow]) -> list[StatLine]:
    """The rows as lines: each top indicator with the rows under it."""
    out: list[StatLine] = []
    for r in rows:
        if r.code is not None and "." not in r.code:
            out.append(StatLine(r, ()))
        else:
            out[-1] = replace(out[-1], items=out[-1].items + (r,))
    return out


def figure(row: StatRow) -> str:
    """A figure as a sentence tells it: "456 hồ sơ", "87,72%" (the unit lower case, as in prose)."""
    value = format_vn(row.value or 0.0)
    return value + "%" if row.unit == "%" else f"{value} {row.unit.lower()}"


def item_text(row: StatRow) -> str:
    """A breakdown item as the line tells it: "số hồ sơ tiếp nhận trực tuyến: 400 hồ sơ"; a share
    "tỷ lệ … đạt 87,72%" (": 87,72%" when its name already says "đạt")."""
    name = row.indicator[0].lower() + row.indicator[1:]
    return f"{name} đạt {figure(row)}" if row.unit == "%" and " đạt" not in name else f"{name}: {figure(row)}"


def line_paras(line: StatLine, inline: bool) -> list[Para]:
    """One numbered line, "1. <indicator>: 456 hồ sơ (trong đó: …; …)", or the line and its items
    as "- " lines under it."""
    head = f"{line.top.code}. {line.top.indicator}: {figure(line.top)}"
    if not line.items:
        return [Para(head + ".")]
    if inline:
        return [Para(head + " (trong đó: " + "; ".join(item_text(r) for r in line.items) + ").")]
    return [Para(head + ", trong đó:")] + [Para(f"- {item_text(r)[0].upper()}{item_text(r)[1:]};") for r in line.items]


def uncoded_items(rows: list[StatRow], faults: list[Fault]) -> tuple[list[StatRow], list[Fault]]:
    """The breakdown items with no code (they print none: items of the numbered line above), and a
    planted ratio fault moved onto the item it sits on (its code None as well)."""
    out = [r if r.code is None or "." not in r.code else replace(r, code=None, printed="-") for r in rows]
    return out, [replace(f, code=None) if f.code is not None and "." in f.code else f for f in faults]


def body_figures_report(inst: Instance, figures_of, variant_of) -> Built:
    """A six-month or yearly report whose statistics are told in its body under section I, after a
    lead line, in the blocks ``figures_of(rows, rng)`` makes of them (no annex); ``variant_of(odd)``
    its variant. Truth: the rows (as annex "1", the report's one set of figures), the breakdown
    items' codes None (items of the numbered indicator above)."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    rows, faults = uncoded_items(*statistics(rng, rng.randint(4, 5), letters=False, fault=inst.faulty))
    body = (
        Header(rng.choice(("table", "stacked"))),
        Title("BÁO CÁO", meta.title_lines),
        Para(f"Thực hiện chỉ đạo của cấp trên, UBND xã {meta.place.commune} báo cáo kết quả như sau:"),
        Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
        Para(rng.choice(LINE_LEADS)),
        *figures_of(rows, rng),
        Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True),
        Para("Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến."),
        Signature(rng.choice(("table", "paragraphs"))),
    )
    doc = Document(meta, body)
    built = Built(docx_pdf(variant_of(inst.index % 2 == 1), doc), meta.truth(), commune=meta.place.commune)
    title = "Kết quả thực hiện công tác cải cách hành chính " + period
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


def body_stat_lines(inst: Instance) -> Built:
    """A six-month or yearly report whose statistics are numbered lines in its body under section I,
    no table: "1. Tổng số hồ sơ TTHC tiếp nhận trong kỳ: 456 hồ sơ (trong đó: số hồ sơ tiếp nhận
    trực tuyến: 400 hồ sơ; …; tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 87,72%)." (odd instances), or
    the line closed by "trong đó:" and each item a "- " line under it (even)."""
    inline = inst.index % 2 == 1
    return body_figures_report(
        inst,
        lambda rows, rng: [p for line in stat_lines(rows) for p in line_paras(line, inline)],
        lambda odd: "stat-lines-" + ("inline" if odd else "dashed"),
    )


# --- N41: a budget column in the plan's task table ---------------------------------------------------

BUDGET_HEADERS = ("Kinh phí (triệu đồng)", "Dự toán kinh phí (triệu đồng)", "Nguồn kinh phí", "Kinh phí thực hiện")
BUDGET_WORDS = ("Ngân sách xã", "Lồng ghép", "Trong dự toán được giao", "Không phát sinh", "Nguồn kinh phí CCHC")


def budget_cell(rng: random.Random, in_figures: bool) -> str:
    """A task's budget as plans give it: a sum in millions ("15", "7,5") or a source in words."""
    if in_figures and rng.random() < 0.7:
        return format_vn(rng.choice((2, 3, 5, 7.5, 10, 12, 15, 20, 25)))
    return rng.choice(BUDGET_WORDS)


def with_budget(grid: Grid, at: int, label: str, budgets: list[str]) -> Grid:
    """The task grid with a budget cell inserted at column ``at``: the label in the header, a
    task's budget on its row; a section row's spanning cell one column wider."""
    left = iter(budgets)
    out = []
    for g in grid.rows:
        if g.kind == "header":
            cells = g.cells[:at] + (Cell(label, 1, None, True, "center"),) + g.cells[at:]
        elif len(g.cells) < len(grid.widths_cm):
            cells = g.cells[:-1] + (replace(g.cells[-1], span=g.cells[-1].span + 1),)
        else:
            cells = g.cells[:at] + (Cell(next(left), 1, None, False, "center"),) + g.cells[at:]
        out.append(replace(g, cells=cells))
    widths = grid.widths_cm[:at] + (2.2,) + grid.widths_cm[at:]
    scale = min(1.0, 25.0 / sum(widths))  # the grid still fits the landscape page
    return Grid(tuple(round(w * scale, 2) for w in widths), tuple(out))


def plan_budget_column(inst: Instance) -> Built:
    """A yearly plan whose appendix task table has a budget column: "Kinh phí (triệu đồng)" /
    "Dự toán kinh phí (triệu đồng)" with sums ("15", "7,5") or a source in words ("Lồng ghép",
    "Ngân sách xã"), after the product (odd instances), or "Nguồn kinh phí" / "Kinh phí thực hiện"
    with words only, last (even). Truth: the tasks as P01's; the budget is nothing."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows = task_rows(rng, year, index_criteria())
    odd = inst.index % 2 == 1
    columns = ("code", "task", "product", "deadline", "lead", "coordinator")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    grid = task_grid(rows, columns, labels, rng.choice(("code", "merged")))
    label = rng.choice(BUDGET_HEADERS[:2] if odd else BUDGET_HEADERS[2:])
    budgets = [budget_cell(rng, odd) for _ in rows]
    grid = with_budget(grid, columns.index("product") + 1 if odd else len(columns), label, budgets)
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("budget-" + ("after-product" if odd else "last"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_I = {
    "N38_footnoted_evidence": footnoted_evidence,
    "N39_share_column": share_column,
    "N40_body_stat_lines": body_stat_lines,
    "N41_plan_budget_column": plan_budget_column,
}
