"""A twenty-third batch of held-out typed layouts (N94-N97): forms real commune documents print that
neither F01-F31 nor N01-N93 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N90-N93 were developed on.

- N94 a report whose annex counts the files per commune department or official, a row each
  ("Công chức Văn phòng - Thống kê", "Tư pháp - Hộ tịch", …): "Tiếp nhận | Đã giải quyết | Đúng hạn
  | Quá hạn | Tỷ lệ đúng hạn (%)", the total row last (odd instances) or the resolved files a
  merged group over "Tổng số | Đúng hạn | Quá hạn" and the total row first (even);
- N95 a score table with no evidence column: each criterion's evidence a second line of its name
  cell, "Tài liệu kiểm chứng: Kế hoạch số 12/KH-UBND ngày …" (odd instances) or the bare citation in
  parentheses (even);
- N96 a report whose annex is the government's form of files handled per field (Thông tư
  01/2020/TT-VPCP's "tình hình, kết quả giải quyết TTHC"): "nhận giải quyết" (total, online, in
  person or by post, carried over from the last period), "đã giải quyết" (total, early, on time,
  late) and "đang giải quyết" (total, in time, late) as three merged groups, then the share
  resolved early or on time, on a landscape page; a column-number row "(1) (2) (3)=(4)+(5)+(6) …"
  under the header and the total row last (odd instances), or no number row and the total row
  first (even);
- N97 a score table whose self points cell carries the rate that scored them, "1,5 (75%)": on a
  second line (odd instances) or after "đạt" on the same line (even), on the leaves only.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import header_rows
from corpusgen.new_layouts_t import FIELD_TOTAL_LABELS, FIELDS
from corpusgen.new_layouts_u import with_column
from corpusgen.reports import StatRow, _ratio
from corpusgen.scores import Fault, ScoreTable, children_of
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- shared: a total row's share printed off ---------------------------------------------------------------


def share_fault(rng: random.Random, faulty: bool, true: float, code: str) -> tuple[float, list[Fault]]:
    """The share a total row prints: the true one, or (a faulty instance) one off it by a few points,
    with the ``ratio`` fault on ``code``."""
    if not faulty:
        return true, []
    share = round(true - rng.choice((3.5, 5.0, 7.25)), 2) if true > 20 else round(true + 12.5, 2)
    text = f"{code} printed {format_vn(share)}% but its counts give {format_vn(true)}%"
    return share, [Fault("ratio", "statistics", code, "value", text)]


def count_row(label: str, figures: tuple[str, ...], bold: bool, number: str = "") -> GridRow:
    """STT | label | figures, centred (the total row bold, its STT blank)."""
    cells = (
        Cell(number, 1, None, bold, "center"),
        Cell(label, 1, None, bold, "center" if bold else "left"),
        *(Cell(v, 1, None, bold, "center") for v in figures),
    )
    return GridRow(cells, "total" if bold and not number else "data")


# --- N94: files per department or official --------------------------------------------------------------

OFFICIALS = (
    (
        "Công chức Văn phòng - Thống kê",
        "Công chức Tư pháp - Hộ tịch",
        "Công chức Địa chính - Xây dựng",
        "Công chức Văn hóa - Xã hội",
        "Công chức Tài chính - Kế toán",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
    ),
    (
        "Văn phòng HĐND và UBND",
        "Phòng Kinh tế",
        "Phòng Văn hóa - Xã hội",
        "Trung tâm Phục vụ hành chính công",
        "Công an xã",
    ),
)
OFFICIAL_HEADS = ("Bộ phận, công chức", "Đơn vị, công chức giải quyết", "Bộ phận chuyên môn")
FILE_HEADS = (
    ("Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Quá hạn"),
    ("Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Giải quyết đúng hạn", "Giải quyết quá hạn"),
)
ON_TIME_SHARES = ("Tỷ lệ đúng hạn (%)", "Tỷ lệ giải quyết đúng hạn (%)")


def file_count_rows(heads: tuple[str, ...], share_head: str, sums: list[int], share: float) -> list[StatRow]:
    """The truth of a file-count annex's total row: received (1), resolved (2) and its on-time and
    late parts (2.1, 2.2) under the form's own column heads, and the on-time share (2.3)."""
    return [
        StatRow("1", "", heads[0], "Hồ sơ", float(sums[0])),
        StatRow("2", "", heads[1], "Hồ sơ", float(sums[1])),
        StatRow("2.1", "", heads[2], "Hồ sơ", float(sums[2])),
        StatRow("2.2", "", heads[3], "Hồ sơ", float(sums[3])),
        StatRow("2.3", "", share_head, "%", share),
    ]


def official_counts(rng: random.Random) -> list[tuple[str, int, int, int, int]]:
    """Each department or official (name, received, resolved, on time, late): resolved at most
    received (some still in hand), on time and late adding up to resolved, most none late."""
    out = []
    for name in rng.sample(rng.choice(OFFICIALS), 4):
        received = rng.randint(8, 160)
        resolved = received - rng.randint(0, min(6, received // 4))
        late = rng.choice((0, 0, 0, 1, 2, 3))
        late = min(late, resolved)
        out.append((name, received, resolved, resolved - late, late))
    return out


def annex_by_official(inst: Instance) -> Built:
    """A report whose annex counts the files per department or official, "STT | Bộ phận, công chức |
    Tiếp nhận | Đã giải quyết | Đúng hạn | Quá hạn | Tỷ lệ đúng hạn (%)", each row's share its own,
    the total row ("Tổng cộng") last (odd instances), or "Đã giải quyết" merged over "Tổng số | Đúng
    hạn | Quá hạn" and the total row first (even). Truth: the total row's columns as N84's: "1" the
    files received, "2" resolved, "2.1" on time, "2.2" late, "2.3" the share on time (%); the
    departments' rows are nothing (as N18's hamlets). A faulty instance prints the total's share off
    (``ratio`` on "2.3")."""
    rng = inst.rng()
    merged = inst.index % 2 == 0
    rows_of = official_counts(rng)
    sums = [sum(r[k] for r in rows_of) for k in (1, 2, 3, 4)]
    share, faults = share_fault(rng, inst.faulty, _ratio(sums[2], sums[1]), "2.3")
    heads = rng.choice(FILE_HEADS)
    share_head = rng.choice(ON_TIME_SHARES)
    label = rng.choice(FIELD_TOTAL_LABELS)
    first = (rng.choice(("STT", "TT")), rng.choice(OFFICIAL_HEADS), heads[0])
    resolved_head = "Tổng số" if merged else heads[1]
    rows = file_count_rows(heads, share_head, sums, share)

    def grid_of(year: int, period: str) -> Grid:
        if merged:
            spec = [(h, (), 1) for h in first] + [(heads[1], (resolved_head, *heads[2:]), 1), (share_head, (), 1)]
            header = header_rows(spec)
        else:
            names = (*first, *heads[1:], share_head)
            header = (GridRow(tuple(Cell(h, 1, None, True, "center") for h in names), "header"),)
        total = count_row(label, (*(str(v) for v in sums), format_vn(share)), True)
        body = [
            count_row(name, (str(a), str(b), str(c), str(d), format_vn(_ratio(c, b)) if b else ""), False, str(k))
            for k, (name, a, b, c, d) in enumerate(rows_of, start=1)
        ]
        ordered = [total, *body] if merged else [*body, total]
        return Grid((1.0, 4.6, 1.9, 1.9, 1.9, 1.9, 2.2), (*header, *ordered))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "by-official-" + ("merged-total-first" if merged else "flat"))


# --- N95: the evidence a second line of the name cell -------------------------------------------------------

EVIDENCE_LEADS = ("Tài liệu kiểm chứng: ", "Tài liệu kiểm chứng: ", "Văn bản kiểm chứng: ")
REMARK_LEADS = ("Giải trình: ", "Ghi chú: ")


def cites(evidence: str) -> bool:
    """Whether an explanation cites a document ("Kế hoạch số 12/KH-UBND ngày …"), not a remark."""
    return " số " in evidence and "/" in evidence


def evidence_in_name(inst: Instance) -> Built:
    """A score table "STT | name | max | self" with no evidence column: a leaf's evidence printed
    on a second line of its name cell, "Tài liệu kiểm chứng: Kế hoạch số 12/KH-UBND ngày …" (a
    remark after "Giải trình:"; odd instances) or in parentheses, "(Kế hoạch số 12/KH-UBND ngày …)"
    (even). Truth: the rows as F01's, ``name`` the first line, ``explanation`` the evidence; faults
    as F01's."""
    rng, year, meta, title, table = _scored(inst)
    bracketed = inst.index % 2 == 0
    layout = ScoreLayout(
        ("code", "name", "max", "self"),
        _labels(rng),
        widths_cm={"name": 10.0},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    lead, remark = rng.choice(EVIDENCE_LEADS), rng.choice(REMARK_LEADS)

    def with_evidence(name: str, evidence: str | None) -> str:
        if not evidence:
            return name
        if bracketed:
            return f"{name}\n({evidence})"
        return f"{name}\n{lead if cites(evidence) else remark}{evidence}"

    printed = replace(table, rows=tuple(replace(r, name=with_evidence(r.name, r.explanation)) for r in table.rows))
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(printed, layout)), rng, year))
    return score_built(meta, docx_pdf("evidence-in-name-" + ("bracketed" if bracketed else "labelled"), doc), table)


# --- N96: the government's form of files handled per field -------------------------------------------------

RECEIVED = ("Số hồ sơ nhận giải quyết", ("Tổng số", "Trực tuyến", "Trực tiếp, bưu chính", "Kỳ trước chuyển qua"))
RESOLVED = ("Số hồ sơ đã giải quyết", ("Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"))
PENDING = ("Số hồ sơ đang giải quyết", ("Tổng số", "Trong hạn", "Quá hạn"))
EARLY_SHARES = ("Tỷ lệ trước và đúng hạn (%)", "Tỷ lệ giải quyết trước hạn, đúng hạn (%)")
# The form's column numbers: a group's total is the sum of the columns after it.
NUMBER_ROW = (
    "(1)",
    "(2)",
    "(3)=(4)+(5)+(6)",
    "(4)",
    "(5)",
    "(6)",
    "(7)=(8)+(9)+(10)",
    "(8)",
    "(9)",
    "(10)",
    "(11)=(12)+(13)",
    "(12)",
    "(13)",
    "(14)",
)


def field_files(rng: random.Random) -> list[tuple[str, list[int]]]:
    """Four to seven fields, each with its eleven counts in the form's order: received (total,
    online, in person, carried over), resolved (total, early, on time, late), pending (total, in
    time, late); the received all resolved or pending."""
    out = []
    for name in rng.sample(FIELDS, rng.randint(4, 7)):
        online, direct, carried = rng.randint(0, 60), rng.randint(1, 40), rng.randint(0, 4)
        received = online + direct + carried
        pending = rng.randint(0, min(5, received))
        resolved = received - pending
        late = min(resolved, rng.choice((0, 0, 0, 1, 2)))
        early = rng.randint(0, resolved - late)
        stuck = min(pending, rng.choice((0, 0, 1)))
        counts = [received, online, direct, carried, resolved, early, resolved - late - early, late]
        out.append((name, [*counts, pending, pending - stuck, stuck]))
    return out


def annex_handling_form(inst: Instance) -> Built:
    """A report whose annex is the form of files handled per field: "STT | Lĩnh vực" then "Số hồ sơ
    nhận giải quyết" over "Tổng số | Trực tuyến | Trực tiếp, bưu chính | Kỳ trước chuyển qua", "Số hồ
    sơ đã giải quyết" over "Tổng số | Trước hạn | Đúng hạn | Quá hạn", "Số hồ sơ đang giải quyết" over
    "Tổng số | Trong hạn | Quá hạn", and the share resolved early or on time (landscape, 9 pt, as the
    form is printed); a column-number row
    "(1) | (2) | (3)=(4)+(5)+(6) | …" under the header and the total row last (odd instances), or
    neither number row nor total last: the total row first (even). Truth: the total row's columns
    in the form's order, "1" received ("1.1" online, "1.2" in person or by post, "1.3" carried
    over), "2" resolved ("2.1" early, "2.2" on time, "2.3" late, "2.4" the share early or on time,
    %), "3" pending ("3.1" in time, "3.2" late); the fields' rows are nothing. A faulty instance
    prints the total's share off (``ratio`` on "2.4")."""
    rng = inst.rng()
    numbered = inst.index % 2 == 1
    fields = field_files(rng)
    sums = [sum(f[1][k] for f in fields) for k in range(11)]
    share, faults = share_fault(rng, inst.faulty, _ratio(sums[5] + sums[6], sums[4]), "2.4")
    share_head = rng.choice(EARLY_SHARES)
    label = rng.choice(FIELD_TOTAL_LABELS)
    codes = ("1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2")
    words = [RECEIVED[0], *RECEIVED[1][1:], RESOLVED[0], *RESOLVED[1][1:], PENDING[0], *PENDING[1][1:]]
    rows = [StatRow(c, "", w, "Hồ sơ", float(v)) for c, w, v in zip(codes, words, sums)]
    rows.insert(8, StatRow("2.4", "", share_head, "%", share))

    def grid_of(year: int, period: str) -> Grid:
        spec = [("STT", (), 1), ("Lĩnh vực", (), 1), RECEIVED + (1,), RESOLVED + (1,), PENDING + (1,)]
        header = list(header_rows([*spec, (share_head, (), 1)]))
        if numbered:
            header.append(GridRow(tuple(Cell(n, 1, None, False, "center") for n in NUMBER_ROW), "numbers"))
        total = count_row(label, (*(str(v) for v in sums), format_vn(share)), True)
        body = []
        for k, (name, c) in enumerate(fields, start=1):
            own = format_vn(_ratio(c[5] + c[6], c[4])) if c[4] else ""
            body.append(count_row(name, (*(str(v) for v in c), own), False, str(k)))
        ordered = [*body, total] if numbered else [total, *body]
        return Grid((1.0, 4.2, *(1.5 for _ in range(11)), 2.6), (*header, *ordered))

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=9))
    variant = "handling-form-" + ("numbered" if numbered else "total-first")
    return annex_built(replace(doc, landscape=True), title, rows, faults, variant)


# --- N97: the self points with the rate that scored them -----------------------------------------------------


def rated(table: ScoreTable, same_line: bool) -> list[str]:
    """Each row's self points cell: a leaf scored on a maximum its points then their share of it in
    per cent, "1,5 (75%)" on a second line or "1,5 (đạt 75%)" on the same; any other row its points."""
    kids = children_of(table.rows)
    out = []
    for r in table.rows:
        text = points(r.self_points)
        if not kids.get(r.code) and r.self_points is not None and r.max_points:
            rate = format_vn(round(100.0 * r.self_points / r.max_points, 1))
            text += f" (đạt {rate}%)" if same_line else f"\n({rate}%)"
        out.append(text)
    return out


def self_with_rate(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose leaves' self points cells carry the
    rate that scored them, the points over the maximum in per cent: "1,5" over "(75%)" (odd
    instances) or "1,5 (đạt 75%)" (even); the fields and the total row their points alone. Truth:
    the rows as F01's, ``self_points`` the points; the rates are nothing; faults as F01's (the rate
    from the printed points)."""
    rng, year, meta, title, table = _scored(inst)
    same_line = inst.index % 2 == 0
    labels = _labels(rng)
    layout = ScoreLayout(
        ("code", "name", "max", "explanation"),
        labels,
        widths_cm={"name": 7.0, "explanation": 3.6},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    values = rated(table, same_line)
    grid = with_column(score_grid(table, layout), 3, 2.0, labels["self"], values, points(table.total_self))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    return score_built(meta, docx_pdf("self-with-rate-" + ("same-line" if same_line else "second-line"), doc), table)


NEW_LAYOUT_FAMILIES_W = {
    "N94_annex_by_official": annex_by_official,
    "N95_evidence_in_name": evidence_in_name,
    "N96_annex_handling_form": annex_handling_form,
    "N97_self_with_rate": self_with_rate,
}
