"""A thirteenth batch of held-out typed layouts (N54-N57): forms real commune documents print that
neither F01-F31 nor N01-N53 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N50-N53 were developed on.

- N54 a score table with two numbering columns: a running "STT" (1, 2, 3, … over every row, odd
  instances; over the scored leaves only, even) and the criterion's own code "Mã tiêu chí" beside it;
- N55 a report whose annex splits each count by channel: "Tổng số" and, under a merged "Trong đó",
  "Trực tuyến | Trực tiếp, qua bưu chính" (the total first, odd) or the two channels under "Chia ra"
  and the total after them (even);
- N56 a six-month or yearly report whose "Chỉ tiêu | Kết quả" table prints each breakdown item over
  its whole with its share: "45/47 hồ sơ (95,74%)" (odd) or "45/47 hồ sơ, chiếm 95,74%" (even);
- N57 a yearly plan whose task table gives the leading and the coordinating units in one cell:
  "Chủ trì: …" over "Phối hợp: …" (odd) or one sentence, "… chủ trì, phối hợp với …" (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, as_printed, points, score_grid
from corpusgen.new_layouts_c import by_period, with_true_counts
from corpusgen.new_layouts_i import body_figures_report
from corpusgen.new_layouts_k import COUNT_HEADS, counts_grid
from corpusgen.plan_families import plan_built, plan_with_tasks, yearly_plan_start
from corpusgen.plans import TASK_HEADERS, index_criteria, task_grid, task_rows
from corpusgen.reports import StatRow, _ratio
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built
from corpusgen.typed_forms import _layout, _scored
from normalize.numbers import format_vn

# --- N54: a running number beside the criterion's own code ---------------------------------------------

RUNNING_HEADS = ("STT", "TT", "Số TT")
OWN_CODE_HEADS = ("Mã tiêu chí", "Mã số", "Ký hiệu tiêu chí")
RUNNING_WIDTH_CM = 0.9


def running_numbers(table: ScoreTable, leaves_only: bool) -> list[str]:
    """Each row's running number, as a spreadsheet's first column counts: every row 1, 2, 3, … or
    only the scored leaves (a row made of others blank)."""
    parents = {r.parent for r in table.rows}
    out, n = [], 0
    for r in table.rows:
        if leaves_only and r.code in parents:
            out.append("")
            continue
        n += 1
        out.append(str(n))
    return out


def with_running_column(grid: Grid, numbers: list[str], head: str) -> Grid:
    """The grid with a column of running numbers first: the header's cell ``head`` (merged down as
    the code's head is), a number per data row, blank on the total row."""
    body = iter(numbers)
    out = []
    for g in grid.rows:
        first = g.cells[0]
        if g.kind == "header":
            cell = Cell(head if first.vmerge != "continue" else "", 1, first.vmerge, True, "center")
        elif g.kind == "data":
            cell = Cell(next(body), 1, None, first.bold, "center")
        else:
            cell = Cell("", 1, None, True, "center")
        out.append(replace(g, cells=(cell, *g.cells)))
    return Grid((RUNNING_WIDTH_CM, *grid.widths_cm), tuple(out))


def running_and_code(inst: Instance) -> Built:
    """A score table "STT | Mã tiêu chí | name | max | self | evidence": a running number first,
    counting every row (odd instances) or only the scored leaves, a row made of others blank
    (even), and the criterion's code as the set prints it in the column after it. Truth: the rows as
    F01's (the running numbers are nothing)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 0.9))
    leaves_only = inst.index % 2 == 0
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"), widths_cm={"name": 6.8, "code": 1.4})
    layout = replace(layout, labels={**layout.labels, "code": rng.choice(OWN_CODE_HEADS)}, number_row=False)
    table = as_printed(table, layout)
    table = replace(table, rows=tuple(replace(r, evidence=()) for r in table.rows))
    grid = with_running_column(
        score_grid(table, layout), running_numbers(table, leaves_only), rng.choice(RUNNING_HEADS)
    )
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("running-" + ("leaves" if leaves_only else "every-row"), doc), table)


# --- N55: each count split by channel beside its total --------------------------------------------------

CHANNELS = (
    ("Trực tuyến", "Trực tiếp, qua bưu chính"),
    ("Qua DVC trực tuyến", "Tại Bộ phận Một cửa"),
    ("Trực tuyến", "Trực tiếp"),
)
TOTAL_HEADS = ("Tổng số", "Tổng cộng", "Tổng")
# What is received by a channel (a file, a citizen's complaint); a count of documents, inspections
# or people has no channel, and its channel cells stay blank as real forms leave them.
CHANNEL_UNITS = ("Hồ sơ", "Phản ánh")
CHANNEL_WORDS = ("trực tuyến", "trực tiếp")
SPLIT_HEADS = ("Trong đó", "Chia ra")


def channel_figures(rows: list[StatRow], true_rows: list[StatRow], rng: random.Random) -> dict[str, list[str]]:
    """Each received count's two channel figures (a leaf count split in two, a count with items the
    sum of its items'), from the true counts; a share, any other count, a count whose items are
    its channels already, and a heading print none."""
    split = by_period(true_rows, rng, 2)
    # a count already split by channel in its items ("Số hồ sơ tiếp nhận trực tuyến") is not split
    # again, nor is the count those items make up
    named = {r.code or "" for r in rows if any(w in r.indicator.lower() for w in CHANNEL_WORDS)}
    named |= {code.rsplit(".", 1)[0] for code in named}
    out = {}
    for r in rows:
        figures = split.get(r.code or "")
        flow = r.value is not None and r.unit in CHANNEL_UNITS and figures is not None and r.code not in named
        out[r.code or ""] = [points(v) for v in figures] if flow and figures else ["", ""]
    return out


def channels_grid(
    rows: list[StatRow], figures: dict[str, list[str]], words: tuple[str, ...], total_first: bool
) -> Grid:
    """STT | indicator | unit | total | two channels (or the channels, then the total) | note: a
    two-row header, "Trong đó" / "Chia ra" spanning the channels."""
    head, unit_head, total_head, split_head, online, direct = words

    def top(text: str) -> Cell:
        return Cell(text, 1, "restart", True, "center")

    under = Cell("", 1, "continue", True, "center")
    split = [Cell(split_head, 2, None, True, "center")]
    parts = [Cell(online, 1, None, True, "center"), Cell(direct, 1, None, True, "center")]
    first = [top("STT"), top(head), top(unit_head)]
    upper = first + ([top(total_head), *split] if total_first else [*split, top(total_head)]) + [top("Ghi chú")]
    lower = [under] * 3 + ([under, *parts] if total_first else [*parts, under]) + [under]
    out = [GridRow(tuple(upper), "header"), GridRow(tuple(lower), "header")]
    for r in rows:
        bold = r.code is not None and "." not in r.code
        total = Cell("" if r.value is None else points(r.value), 1, None, bold, "center")
        each = [Cell(v, 1, None, False, "center") for v in figures.get(r.code or "", ["", ""])]
        cells = [Cell(r.printed, 1, None, bold, "center"), Cell(r.indicator, 1, None, bold), Cell(r.unit, 1, None)]
        cells += [total, *each] if total_first else [*each, total]
        out.append(GridRow((*cells, Cell(r.note))))
    return Grid((1.1, 6.6, 1.6, 1.9, 1.9, 2.1, 1.6), tuple(out))


def annex_channels(inst: Instance) -> Built:
    """A report whose annex prints each count's total and its split by channel: "STT | Nội dung |
    ĐVT | Tổng số | Trong đó: Trực tuyến | Trực tiếp, qua bưu chính | Ghi chú" (odd instances), or
    the channels under "Chia ra" first and "Tổng số" after them (even). A count of files or
    complaints received has channels adding up to its total (a count with items: the items'
    channels summed); a share, any other count and a heading print their total only. Truth
    ``value``: the total column; the channels are nothing."""
    rng = inst.rng()
    rows, faults, true_rows = with_true_counts(inst, rng)
    total_first = inst.index % 2 == 1
    _, head, unit_head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]
    figures = channel_figures(rows, true_rows, random.Random(f"{inst.name}/{inst.seed}/channels"))
    words = (head, unit_head, rng.choice(TOTAL_HEADS), SPLIT_HEADS[0 if total_first else 1], *rng.choice(CHANNELS))

    def grid_of(year: int, period: str) -> Grid:
        return channels_grid(rows, figures, words, total_first)

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "channels-" + ("total-first" if total_first else "total-last"))


# --- N56: an item over its whole, with its share, in the result cell ------------------------------------


def over_whole(item: StatRow, whole: StatRow, sentence: bool) -> str | None:
    """An item's result as its part of the whole: "45/47 hồ sơ (95,74%)", or in words "45/47 hồ sơ,
    chiếm 95,74%"; None when the item is no count of the whole's unit (a share, a heading)."""
    if item.value is None or not whole.value or item.unit == "%" or item.unit != whole.unit:
        return None
    share = format_vn(_ratio(item.value, whole.value)) + "%"
    figures = f"{format_vn(item.value)}/{format_vn(whole.value)} {item.unit.lower()}"
    return f"{figures}, chiếm {share}" if sentence else f"{figures} ({share})"


def counts_over_whole(inst: Instance) -> Built:
    """A six-month or yearly report whose figures are N49's "Chỉ tiêu | Kết quả" table in its body,
    but each breakdown item counted out of its numbered indicator: "45/47 hồ sơ (95,74%)" (odd
    instances) or "45/47 hồ sơ, chiếm 95,74%" (even); the indicator "47 hồ sơ", a share row
    "95,74%". Truth: the rows (annex "1"), an item's ``value`` its own count (the first figure), the
    items' codes None."""
    sentence = inst.index % 2 == 0

    def result_of(row: StatRow, whole: StatRow) -> str | None:
        return None if row is whole else over_whole(row, whole, sentence)

    return body_figures_report(
        inst,
        lambda rows, rng: [Table(counts_grid(rows, rng.choice(COUNT_HEADS), False, result_of), font_pt=11)],
        lambda odd: "over-whole-" + ("bracketed" if odd else "sentence"),
    )


# --- N57: the leading and the coordinating units in one cell --------------------------------------------

UNITS_HEADS = ("Đơn vị chủ trì, phối hợp", "Cơ quan chủ trì/phối hợp", "Đơn vị thực hiện")


def in_sentence(units: str) -> str:
    """Units as a sentence goes on with them: a generic "Các bộ phận …" lower case, a named body
    ("Ban Chỉ đạo CCHC xã", "UBMTTQ Việt Nam xã") as it is."""
    return "c" + units[1:] if units.startswith("Các ") else units


def units_cell(lead: str, coordinator: str, sentence: bool) -> str:
    """The two units in one cell: "Chủ trì: …" over "Phối hợp: …", or "… chủ trì, phối hợp với …"."""
    if sentence:
        return f"{lead} chủ trì, phối hợp với {in_sentence(coordinator)}"
    return f"Chủ trì: {lead}\nPhối hợp: {coordinator}"


def plan_units_one_cell(inst: Instance) -> Built:
    """A yearly plan (P01's frame) whose appendix task table "TT | task | product | deadline | units"
    groups the tasks under bold field rows and gives the leading and the coordinating units in one
    cell under "Đơn vị chủ trì, phối hợp": "Chủ trì: Công chức Văn phòng - Thống kê" over "Phối hợp:
    …" (odd instances), or one sentence "Công chức Tư pháp - Hộ tịch chủ trì, phối hợp với các ban,
    ngành" (even). Truth: the tasks as P01's, ``lead`` and ``coordinator`` apart."""
    rng, year, meta, lines, targets = yearly_plan_start(inst)
    rows = task_rows(rng, year, index_criteria())
    sentence = inst.index % 2 == 0
    columns = ("code", "task", "product", "deadline", "lead")
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    labels["lead"] = rng.choice(UNITS_HEADS)
    printed = [replace(r, lead=units_cell(r.lead + r.lead_note, r.coordinator, sentence), lead_note="") for r in rows]
    grid = task_grid(printed, columns, labels, rng.choice(("code", "merged")))
    doc = plan_with_tasks(meta, rng, lines, year, grid)
    return plan_built(docx_pdf("units-one-cell-" + ("sentence" if sentence else "lines"), doc), meta, rows, targets)


NEW_LAYOUT_FAMILIES_M = {
    "N54_running_and_code": running_and_code,
    "N55_annex_channels": annex_channels,
    "N56_counts_over_whole": counts_over_whole,
    "N57_plan_units_one_cell": plan_units_one_cell,
}
