"""A twenty-sixth batch of held-out typed layouts (N106-N109): score tables and a statistics annex in
forms real commune documents print that neither F01-F31 nor N01-N105 have. Made only when named
(``make_corpus.NEW_LAYOUTS``), so no standing figure moves; the held-out test of the round after
N102-N105 were developed on.

- N106 a score table whose **header labels are printed vertically** (Word's bottom-to-top text
  direction) over narrow points columns: "Điểm tối đa", "Điểm tự đánh giá" turned (odd instances),
  or the code's label "STT" too and a number row "(1) (2) …" under the header (even);
- N107 a score table whose **total is written in words as well**: the total row's self cell its
  figure then "(Bằng chữ: Tám mươi hai phẩy năm điểm)" on the next line (odd instances), or a line
  under the table "Tổng số điểm tự đánh giá: 82,5/100 điểm (Bằng chữ: …)" (even);
- N108 a report whose statistics annex prints **each count's breakdown closed by a "Cộng" row**
  holding the count, as a spreadsheet sums a group: the count's own row blank (odd instances), or
  the count on its own row and again on "Cộng" (even);
- N109 a score table followed by the **"DANH MỤC TÀI LIỆU KIỂM CHỨNG"**, a second table "STT | Tiêu
  chí | Tên tài liệu | Số, ký hiệu | Ngày ban hành" listing each scored criterion's evidence, its
  codes and document numbers no points: under the score table on the same page (odd instances), or
  after the signature on a page of its own (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, PageBreak, Para, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.reports import StatRow, statistics
from corpusgen.scores import ScoreTable
from corpusgen.typed_annexes import ANNEX_LABELS, _annex_report, _built as annex_built, annex_grid
from corpusgen.typed_forms import _scored

# --- N106: the header's labels turned on their side --------------------------------------------------

ROTATED_SELF = ("Điểm tự đánh giá", "Điểm tự chấm", "Điểm tự đánh giá của xã")


def header_turned(grid: Grid, layout: ScoreLayout, keys: tuple[str, ...]) -> Grid:
    """The grid with the header cells of the columns ``keys`` printed bottom to top."""
    turned = {k for k, key in enumerate(layout.columns) if key in keys}
    rows = []
    for g in grid.rows:
        if g.kind == "header":
            g = replace(g, cells=tuple(replace(c, rotated=True) if k in turned else c for k, c in enumerate(g.cells)))
        rows.append(g)
    return replace(grid, rows=tuple(rows))


def header_vertical(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose points columns are narrow (1,3 cm) and
    whose labels over them run bottom to top (odd instances), the code's label "STT" too and a number
    row "(1) (2) …" under the header (even). Truth: the rows as F01's; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    all_narrow = inst.index % 2 == 0
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        {**_labels(rng), "self": rng.choice(ROTATED_SELF)},
        widths_cm={"code": 1.3, "name": 7.6, "max": 1.3, "self": 1.4, "explanation": 4.8},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
        number_row=all_narrow,
    )
    table = as_printed(table, layout)
    keys = ("code", "max", "self") if all_narrow else ("max", "self")
    grid = header_turned(score_grid(table, layout), layout, keys)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "header-vertical-" + ("code-and-points" if all_narrow else "points")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N107: the total in words ---------------------------------------------------------------------------

DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")


def _tens_in_words(n: int) -> str:
    """0-99 read aloud: "mười lăm", "hai mươi mốt", "ba mươi tư" is "ba mươi bốn" here, "năm mươi"."""
    tens, unit = divmod(n, 10)
    if tens == 0:
        return DIGITS[unit]
    head = "mười" if tens == 1 else f"{DIGITS[tens]} mươi"
    if unit == 0:
        return head
    tail = "lăm" if unit == 5 else "mốt" if unit == 1 and tens > 1 else DIGITS[unit]
    return f"{head} {tail}"


def whole_in_words(n: int) -> str:
    """0-999 read aloud: "một trăm", "một trăm linh năm", "chín mươi hai"."""
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _tens_in_words(rest)
    head = f"{DIGITS[hundreds]} trăm"
    if rest == 0:
        return head
    return f"{head} linh {DIGITS[rest]}" if rest < 10 else f"{head} {_tens_in_words(rest)}"


def points_in_words(value: float) -> str:
    """Points read aloud as documents write them after "Bằng chữ": the whole part, "phẩy", the part
    after the comma as a number ("82,5" "Tám mươi hai phẩy năm", "7,25" "Bảy phẩy hai mươi lăm")."""
    whole, _, part = points(value).partition(",")
    text = whole_in_words(int(whole))
    if part:
        text += " phẩy " + ("không " * (len(part) - len(part.lstrip("0")))) + whole_in_words(int(part))
    return text[0].upper() + text[1:]


IN_WORDS = ("(Bằng chữ: {words} điểm)", "(bằng chữ: {words} điểm)", "(Viết bằng chữ: {words})")
TOTAL_LINES = (
    "Tổng số điểm tự đánh giá: {self}/{max} điểm {words}.",
    "Tổng điểm tự chấm: {self} điểm {words}.",
    "Tổng cộng điểm tự đánh giá đạt {self}/{max} điểm {words}.",
)
MAX_LINE = "Tổng số điểm tối đa: {max} điểm {words}."


def total_in_words(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose total self points are written in
    words too: "(Bằng chữ: Tám mươi hai phẩy năm điểm)" under the figure in the total row's self cell
    (odd instances, the total row last), or in a line under the table "Tổng số điểm tự đánh giá:
    82,5/100 điểm (Bằng chữ: …)" (even, the total row last or first); a table whose total self
    is blank (a field not scored yet) says its maximum in words instead. Truth: the rows as F01's;
    the words nothing; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    in_cell = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm={"self": 3.0, "explanation": 4.0},
        total="last" if in_cell else rng.choice(("last", "first")),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    # A field not scored yet (the survey) leaves the total's self blank: then the maximum is the total said
    scored = table.total_self is not None
    total = table.total_self if scored else table.total_max
    words = rng.choice(IN_WORDS).format(words=points_in_words(total))
    blocks = standard_blocks(meta, title, Table(grid), rng, year)
    if in_cell:
        column = 3 if scored else 2
        rows = []
        for g in grid.rows:
            if g.kind == "total":
                cells = list(g.cells)
                cells[column] = replace(cells[column], text=f"{cells[column].text}\n{words}")
                g = replace(g, cells=tuple(cells))
            rows.append(g)
        blocks = (*blocks[:3], Table(replace(grid, rows=tuple(rows))), blocks[4])
    else:
        said = rng.choice(TOTAL_LINES) if scored else MAX_LINE
        line = said.format(self=points(table.total_self), max=points(table.total_max), words=words)
        blocks = (*blocks[:4], Para(line, bold=True), blocks[4])
    doc = Document(meta, blocks)
    return score_built(meta, docx_pdf("total-in-words-" + ("cell" if in_cell else "line"), doc), table)


# --- N108: each breakdown closed by a "Cộng" row -----------------------------------------------------

SUM_LABELS = ("Cộng", "Cộng:", "Cộng mục {printed}", "Cộng ({printed})")


def _broken_down(rows: list[StatRow]) -> dict[int, int]:
    """The rows whose count is broken down below them in the same unit: each one's index and the
    index of its last part (a ratio row after the parts is not one of them)."""
    out = {}
    for i, r in enumerate(rows):
        if r.value is None or r.code is None:
            continue
        parts = [
            k
            for k in range(i + 1, len(rows))
            if (rows[k].code or "").startswith(r.code + ".") and rows[k].unit == r.unit
        ]
        if parts and parts == list(range(i + 1, parts[-1] + 1)):
            out[i] = parts[-1]
    return out


def summed_below(rows: list[StatRow], label: str, once: bool) -> list[tuple[StatRow, bool]]:
    """The annex's rows with a "Cộng" row (flagged True) after each breakdown's last part, holding
    the count; the count's own row blank (``once``) or holding it too."""
    broken = _broken_down(rows)
    closing = {last: first for first, last in broken.items()}
    out: list[tuple[StatRow, bool]] = []
    for i, r in enumerate(rows):
        out.append((replace(r, value=None) if once and i in broken else r, False))
        if i in closing:
            total = rows[closing[i]]
            out.append((StatRow(None, "", label.format(printed=total.printed), total.unit, total.value), True))
    return out


def annex_sum_rows(inst: Instance) -> Built:
    """A report whose statistics annex "STT | Nội dung | ĐVT | Kết quả | Ghi chú" closes each
    count's breakdown with a bold "Cộng" row holding the count ("Cộng", "Cộng mục 2", "Cộng (2)"),
    no code: the count's own row blank (odd instances) or holding the count too (even). Truth: the
    rows as F12's (the count the count's row's); the "Cộng" rows nothing; faults as F12's."""
    rng = inst.rng()
    once = inst.index % 2 == 1
    rows, faults = statistics(rng, rng.randint(3, 5), letters=rng.random() < 0.5, fault=inst.faulty)
    labels = rng.choice(ANNEX_LABELS) + (rng.choice(("Kết quả", "Số liệu", "Số lượng")), "Ghi chú")
    label = rng.choice(SUM_LABELS)

    def grid_of(year: int, period: str) -> Grid:
        body = summed_below(rows, label, once)
        grid = annex_grid([r for r, _ in body], labels, None)
        out = [grid.rows[0]]
        for g, (_, summed) in zip(grid.rows[1:], body):
            if summed:
                cells = list(g.cells)
                cells[1] = replace(cells[1], bold=True, align="center")
                cells[3] = replace(cells[3], bold=True)
                g = replace(g, cells=tuple(cells), kind="total")
            out.append(g)
        return replace(grid, rows=tuple(out))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "sum-rows-" + ("count-below" if once else "count-twice"))


# --- N109: the list of evidence documents after the score table ----------------------------------------

EVIDENCE_KINDS = (
    ("Kế hoạch", "KH-UBND"),
    ("Báo cáo", "BC-UBND"),
    ("Quyết định", "QĐ-UBND"),
    ("Công văn", "UBND-VP"),
    ("Thông báo", "TB-UBND"),
)
LIST_HEADS = (
    ("STT", "Tiêu chí", "Tên tài liệu kiểm chứng", "Số, ký hiệu", "Ngày ban hành"),
    ("TT", "Mã tiêu chí", "Tài liệu kiểm chứng", "Số văn bản", "Ngày, tháng, năm"),
)
LIST_TITLES = ("DANH MỤC TÀI LIỆU KIỂM CHỨNG", "DANH MỤC TÀI LIỆU KIỂM CHỨNG KÈM THEO BẢNG TỰ ĐÁNH GIÁ")


def evidence_list(rng: random.Random, table: ScoreTable, year: int) -> Grid:
    """One line per scored row with an explanation and no rows under it (a criterion, or a field
    where the set has no criteria): its code, a document about it, the
    document's number and its date in the year assessed."""
    heads = rng.choice(LIST_HEADS)
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")]
    parents = {r.parent for r in table.rows}
    listed = [r for r in table.rows if r.explanation and r.self_points is not None and r.code not in parents]
    for k, r in enumerate(listed, start=1):
        kind, suffix = rng.choice(EVIDENCE_KINDS)
        name = f"{kind} về {r.name[0].lower()}{r.name[1:]}"
        number = f"{rng.randint(2, 240)}/{suffix}"
        date = f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{year}"
        cells = (str(k), printed_code(r.code, "plain"), name, number, date)
        out.append(GridRow(tuple(Cell(t, 1, None, False, "left" if i == 2 else "center") for i, t in enumerate(cells))))
    return Grid((1.2, 1.8, 7.0, 3.2, 2.8), tuple(out))


def evidence_list_after(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" followed by the "DANH MỤC TÀI LIỆU KIỂM
    CHỨNG": "STT | Tiêu chí | Tên tài liệu | Số, ký hiệu | Ngày ban hành", a line per criterion with
    an explanation (its code, "Kế hoạch về …", "12/KH-UBND", "15/03/2025"); under the score table
    (odd instances) or after the signature on a page of its own (even). Truth: the score rows as
    F01's; the list nothing; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    below = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    blocks = standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year)
    caption = Para(rng.choice(LIST_TITLES), bold=True, align="center")
    listing = Table(evidence_list(rng, table, year))
    if below:
        blocks = (*blocks[:4], caption, listing, blocks[4])
    else:
        blocks = (*blocks, PageBreak(), Title("Phụ lục", (caption.text,)), listing)
    doc = Document(meta, blocks)
    return score_built(meta, docx_pdf("evidence-list-" + ("below" if below else "own-page"), doc), table)


NEW_LAYOUT_FAMILIES_Z = {
    "N106_header_vertical": header_vertical,
    "N107_total_in_words": total_in_words,
    "N108_annex_sum_rows": annex_sum_rows,
    "N109_evidence_list": evidence_list_after,
}
