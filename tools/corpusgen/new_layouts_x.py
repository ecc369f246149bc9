"""A twenty-fourth batch of held-out typed layouts (N98-N101): forms real commune documents print that
neither F01-F31 nor N01-N97 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N94-N97 were developed on.

- N98 a score table printed as two tables on one page, cut at a field: the first fields under a
  heading of their own ("Phần I. Từ mục 1 đến mục 3"), the rest under a second heading, the header
  printed again (odd instances) or the second table opening straight on its first field (even);
- N99 a six-month report whose annex counts the files **month by month in rows** ("Tháng 1" …
  "Tháng 6", then "Cộng 6 tháng") and **by field in columns** ("Tư pháp - Hộ tịch | Chứng thực |
  …"), then "Tổng số | Đúng hạn | Quá hạn | Tỷ lệ đúng hạn (%)";
- N100 a score table with the district's appraisal column **partly filled**: "Điểm thẩm định" only
  where the appraisal changed a leaf's points, and on the fields and the total (odd instances), or on
  the fields and the total alone (even);
- N101 a report whose annex counts the files per procedure under **bands across the table**, one
  per field ("Lĩnh vực Tư pháp - Hộ tịch"), the procedures numbered on across the bands; the band
  one cell across (odd instances) or its roman numeral in the STT cell and the field across the
  rest (even); the total row last.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, score_built, standard_blocks
from corpusgen.document import Document, Para, Table
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_b import header_rows
from corpusgen.new_layouts_c import continued_parts
from corpusgen.new_layouts_t import FIELD_TOTAL_LABELS, FIELDS
from corpusgen.new_layouts_v import plain_score_layout
from corpusgen.new_layouts_w import FILE_HEADS, ON_TIME_SHARES, count_row, file_count_rows, share_fault
from corpusgen.reports import StatRow, _ratio
from corpusgen.scores import ScoreTable, children_of
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N98: the score table as two tables, each under its heading --------------------------------------------

PART_MARKS = (("Phần I.", "Phần II."), ("A.", "B."), ("I.", "II."))
PART_WORDS = ("Từ mục {a} đến mục {b}", "Các nội dung {a} - {b}", "Mục {a} đến mục {b}")


def cut_level(table: ScoreTable) -> list[int]:
    """The row indices of the shallowest level with two rows or more (the fields; a set of one
    field, its criteria): a part holds whole rows of that level."""
    depth: dict[str, int] = {}
    for r in table.rows:
        depth[r.code] = depth[r.parent] + 1 if r.parent in depth else 0
    for level in range(max(depth.values()) + 1):
        at = [k for k, r in enumerate(table.rows) if depth[r.code] == level]
        if len(at) > 1:
            return at
    return [0, max(1, len(table.rows) // 2)]


def part_heading(words: str, mark: str, rows, codes: set[str]) -> Para:
    """A part's bold heading naming the first and last row of the cut level it holds."""
    held = [r.code for r in rows if r.code in codes] or [rows[0].code]
    text = words.format(a=held[0], b=held[-1]) if len(held) > 1 else f"Mục {held[0]}"
    return Para(f"{mark} {text}", bold=True)


def table_two_parts(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" printed as two tables on one page, cut
    before the field halfway through the fields (a set of one field: its criteria), each part under
    its bold heading naming its first and last ("Phần I. Từ mục 1 đến mục 3", "Phần II. …"), the
    second with the header again (odd instances) or none, its rows by position only (even); the total
    row, if any, last in the second. Truth: one table, as if printed whole; faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    again = inst.index % 2 == 1
    layout = plain_score_layout(rng)
    table = as_printed(table, layout)
    level = cut_level(table)
    at, codes = level[len(level) // 2], {table.rows[k].code for k in level}
    first, second = continued_parts(score_grid(table, layout), at, False)
    if not again:
        second = replace(second, rows=tuple(g for g in second.rows if g.kind != "header"))
    marks, words = rng.choice(PART_MARKS), rng.choice(PART_WORDS)
    head = standard_blocks(meta, title, Table(first), rng, year)
    parts = (
        part_heading(words, marks[0], table.rows[:at], codes),
        Table(first),
        part_heading(words, marks[1], table.rows[at:], codes),
        Table(second),
    )
    doc = Document(meta, (*head[:3], *parts, *head[4:]))
    return score_built(meta, docx_pdf("two-parts-" + ("header-again" if again else "headerless"), doc), table)


# --- N99: months in rows, fields in columns -------------------------------------------------------------

MONTH_WORDS = ("Tháng {m}", "Tháng {m:02d}", "T{m}")
HALF_TOTALS = ("Cộng 6 tháng", "Tổng 6 tháng", "Cộng")
MONTH_HEADS = ("Tháng", "Thời gian", "Tháng báo cáo")
SIX_MONTHS = ("6 tháng đầu năm {year}",)


def month_files(rng: random.Random, kinds: int) -> list[tuple[list[int], int]]:
    """Six months, each with its files per field and the late ones among them (most months none)."""
    out = []
    for _ in range(6):
        per_field = [rng.randint(0, 30) for _ in range(kinds)]
        late = min(sum(per_field), rng.choice((0, 0, 0, 1, 2)))
        out.append((per_field, late))
    return out


def annex_months_rows(inst: Instance) -> Built:
    """A six-month report whose annex has a row per month ("Tháng 1" … "Tháng 6", "T1", …) and the
    six months' row ("Cộng 6 tháng") last, and a column per field ("Tư pháp - Hộ tịch | Chứng thực |
    …", three to five) under a merged "Số hồ sơ theo lĩnh vực", then "Tổng số | Đúng hạn | Quá hạn |
    Tỷ lệ đúng hạn (%)", on a landscape page at 10 pt. Truth: the six months' row's columns, in print
    order: each field "1" … "k" (unit ``Hồ sơ``, indicator the field), "k+1" the total, "k+1.1" on
    time, "k+1.2" late, "k+1.3" the share on time (%); the months are nothing. A faulty instance
    prints the six months' share off (``ratio`` on "k+1.3")."""
    rng = inst.rng()
    fields = rng.sample(FIELDS, rng.randint(3, 5))
    months = month_files(rng, len(fields))
    by_field = [sum(m[0][k] for m in months) for k in range(len(fields))]
    whole, late = sum(by_field), sum(m[1] for m in months)
    share_head = rng.choice(ON_TIME_SHARES)
    n = str(len(fields) + 1)
    share, faults = share_fault(rng, inst.faulty, _ratio(whole - late, whole), n + ".3")
    heads = rng.choice(FILE_HEADS)
    rows = [StatRow(str(k), "", f, "Hồ sơ", float(v)) for k, (f, v) in enumerate(zip(fields, by_field), start=1)]
    rows += [
        StatRow(n, "", "Tổng số", "Hồ sơ", float(whole)),
        StatRow(n + ".1", "", heads[2], "Hồ sơ", float(whole - late)),
        StatRow(n + ".2", "", heads[3], "Hồ sơ", float(late)),
        StatRow(n + ".3", "", share_head, "%", share),
    ]
    word, label = rng.choice(MONTH_WORDS), rng.choice(HALF_TOTALS)
    group = rng.choice(("Số hồ sơ theo lĩnh vực", "Lĩnh vực"))

    def grid_of(year: int, period: str) -> Grid:
        spec = [("STT", (), 1), (rng.choice(MONTH_HEADS), (), 1), (group, tuple(fields), 1)]
        header = header_rows([*spec, ("Tổng số", (), 1), (heads[2], (), 1), (heads[3], (), 1), (share_head, (), 1)])
        body = []
        for m, (per_field, bad) in enumerate(months, start=1):
            total = sum(per_field)
            own = format_vn(_ratio(total - bad, total)) if total else ""
            figures = (*(str(v) for v in per_field), str(total), str(total - bad), str(bad), own)
            body.append(count_row(word.format(m=m), figures, False, str(m)))
        sums = (*(str(v) for v in by_field), str(whole), str(whole - late), str(late), format_vn(share))
        widths = (1.0, 2.4, *(2.6 for _ in fields), 1.8, 1.8, 1.8, 2.2)
        return Grid(widths, (*header, *body, count_row(label, sums, True)))

    doc, title = _annex_report(inst, rng, grid_of, lambda grid: Table(grid, font_pt=10), SIX_MONTHS)
    # a column per field: landscape, as the wide annexes are printed (N96)
    return annex_built(replace(doc, landscape=True), title, rows, faults, "months-in-rows")


# --- N100: the appraisal column partly filled --------------------------------------------------------------


def partly_appraised(table: ScoreTable, changed_only: bool) -> ScoreTable:
    """The appraisal as the district fills it in: on the fields and the total, and (``changed_only``)
    on the leaves whose appraised points differ from their self points; blank elsewhere."""
    kids = children_of(table.rows)

    def kept(r) -> bool:
        if r.parent is None:
            return True
        return changed_only and not kids.get(r.code) and r.appraised_points != r.self_points

    rows = tuple(r if kept(r) else replace(r, appraised_points=None) for r in table.rows)
    return replace(table, rows=rows)


def appraised_partly(inst: Instance) -> Built:
    """A score table "STT | name | max | self | appraised | evidence" whose "Điểm thẩm định" column is
    filled only on the fields, the total and the leaves the district changed (odd instances), or on
    the fields and the total alone (even); blank elsewhere. Truth: the rows as F01's with
    ``appraised_points`` as printed (null where blank); faults as F01's."""
    rng, year, meta, title, table = _scored(inst, appraised=True)
    changed_only = inst.index % 2 == 1
    layout = ScoreLayout(
        ("code", "name", "max", "self", "appraised", "explanation"),
        _labels(rng),
        widths_cm={"name": 6.4, "explanation": 3.4, "max": 1.6, "self": 1.7, "appraised": 1.8},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = partly_appraised(as_printed(table, layout), changed_only)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    variant = "appraised-" + ("changed-and-fields" if changed_only else "fields-only")
    return score_built(meta, docx_pdf(variant, doc), table, appraised=True)


# --- N101: procedures under field bands across the table ------------------------------------------------

PROCEDURES = {
    "Tư pháp - Hộ tịch": ("Đăng ký khai sinh", "Đăng ký kết hôn", "Đăng ký khai tử", "Trích lục hộ tịch"),
    "Chứng thực": ("Chứng thực bản sao từ bản chính", "Chứng thực chữ ký", "Chứng thực hợp đồng, giao dịch"),
    "Đất đai": ("Hòa giải tranh chấp đất đai", "Xác nhận nguồn gốc đất"),
    "Lao động - Thương binh và Xã hội": ("Xác nhận hộ nghèo, hộ cận nghèo", "Trợ cấp xã hội hằng tháng"),
    "Văn hóa - Thông tin": ("Công nhận gia đình văn hóa", "Đăng ký hoạt động thư viện cộng đồng"),
}
ROMANS = ("I", "II", "III", "IV", "V")
BAND_WORDS = ("Lĩnh vực {f}", "LĨNH VỰC {F}", "{f}")


def procedure_counts(rng: random.Random) -> list[tuple[str, list[tuple[str, int, int, int, int]]]]:
    """Three or four fields, each with two or three procedures (name, received, resolved, on time,
    late): resolved at most received, on time and late adding up to resolved."""
    out = []
    for field_name in rng.sample(sorted(PROCEDURES), rng.randint(3, 4)):
        names = rng.sample(PROCEDURES[field_name], min(len(PROCEDURES[field_name]), rng.randint(2, 3)))
        rows = []
        for name in names:
            received = rng.randint(1, 80)
            resolved = received - rng.randint(0, min(3, received // 4))
            late = min(resolved, rng.choice((0, 0, 0, 1, 2)))
            rows.append((name, received, resolved, resolved - late, late))
        out.append((field_name, rows))
    return out


def band_row(text: str, numeral: str, columns: int) -> GridRow:
    """A field's band: one bold cell across the table, or its numeral in the STT cell and the field
    across the rest."""
    if not numeral:
        return GridRow((Cell(text, columns, None, True, "left"),), "data")
    return GridRow((Cell(numeral, 1, None, True, "center"), Cell(text, columns - 1, None, True, "left")), "data")


def annex_field_bands(inst: Instance) -> Built:
    """A report whose annex counts the files per procedure, "STT | Tên thủ tục hành chính | Tiếp nhận
    | Đã giải quyết | Đúng hạn | Quá hạn | Tỷ lệ đúng hạn (%)", the procedures under a band per field
    across the table ("Lĩnh vực Tư pháp - Hộ tịch"), numbered on across the bands; the band one cell
    across (odd instances) or "I", "II" in the STT cell and the field across the rest (even); the
    total row last. Truth: the total row's columns as N94's ("1" received, "2" resolved, "2.1" on
    time, "2.2" late, "2.3" the share on time, %); the bands and procedures are nothing. A faulty
    instance prints the total's share off (``ratio`` on "2.3")."""
    rng = inst.rng()
    numbered = inst.index % 2 == 0
    groups = procedure_counts(rng)
    flat = [p for _, ps in groups for p in ps]
    sums = [sum(p[k] for p in flat) for k in (1, 2, 3, 4)]
    share, faults = share_fault(rng, inst.faulty, _ratio(sums[2], sums[1]), "2.3")
    heads, share_head = rng.choice(FILE_HEADS), rng.choice(ON_TIME_SHARES)
    label, band = rng.choice(FIELD_TOTAL_LABELS), rng.choice(BAND_WORDS)
    rows = file_count_rows(heads, share_head, sums, share)

    def grid_of(year: int, period: str) -> Grid:
        names = ("STT", rng.choice(("Tên thủ tục hành chính", "Thủ tục hành chính")), *heads, share_head)
        body = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in names), "header")]
        k = 0
        for g, (field_name, procs) in enumerate(groups):
            text = band.format(f=field_name, F=field_name.upper())
            body.append(band_row(text, ROMANS[g] if numbered else "", len(names)))
            for name, a, b, c, d in procs:
                k += 1
                own = format_vn(_ratio(c, b)) if b else ""
                body.append(count_row(name, (str(a), str(b), str(c), str(d), own), False, str(k)))
        body.append(count_row(label, (*(str(v) for v in sums), format_vn(share)), True))
        return Grid((1.0, 5.2, 1.8, 1.8, 1.8, 1.8, 2.2), tuple(body))

    doc, title = _annex_report(inst, rng, grid_of)
    return annex_built(doc, title, rows, faults, "field-bands-" + ("numbered" if numbered else "across"))


NEW_LAYOUT_FAMILIES_X = {
    "N98_table_two_parts": table_two_parts,
    "N99_annex_months_rows": annex_months_rows,
    "N100_appraised_partly": appraised_partly,
    "N101_annex_field_bands": annex_field_bands,
}
