"""A twentieth batch of held-out typed layouts (N82-N85): forms real commune documents print that
neither F01-F31 nor N01-N81 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing
figure moves; the held-out test of the round after N78-N81 were developed on.

- N82 a score table whose fields made of criteria are headings across the whole table, their points
  in words, "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (tối đa 10 điểm, tự chấm 9 điểm)" (odd instances) or
  "…: điểm tối đa 10; điểm tự chấm 9" (even), no cell of theirs in the points columns;
- N83 a score table with no maximum column whose leaves write the scale they are scored on in the
  name, "(0 - 2 điểm)" (odd instances) or "(từ 0 đến 2 điểm)" (even); a field or criterion made of
  others its sum, "(14,5 điểm)", and the total's label its own;
- N84 a report whose annex counts the procedures per field, "STT | Lĩnh vực | Tổng số TTHC | Trực
  tuyến toàn trình | Trực tuyến một phần | Tỷ lệ (%)", the commune's total row FIRST, above the
  fields; the share of the procedures fully online (odd instances) or online at all (even);
- N85 a report whose results are a bulleted narrative, each bullet a count with its parts and each
  part's percentage of the stated whole, "- Tiếp nhận 238 hồ sơ, trong đó: trực tuyến 229 hồ sơ
  (chiếm 96,22%), …" (odd instances) or the parts after a colon and the share at the end, "…; tỷ
  lệ … đạt 97,67%" (even).

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import (
    Built,
    Instance,
    Output,
    docx_pdf,
    evaluation_year,
    intro,
    make_meta,
    score_built,
    standard_blocks,
)
from corpusgen.document import Document, Header, Para, Signature, Table, Title
from corpusgen.families import REPORT_TITLES
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, score_grid
from corpusgen.new_layouts import TOTAL_LABELS, _labels
from corpusgen.new_layouts_d import MAX_IN_NAME, with_max
from corpusgen.reports import Count, StatRow, _n, _pct, _ratio, _split
from corpusgen.scores import Fault, ScoreTable
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N82: a field's heading across the table, its points in words ---------------------------------------

# A field heading's points: the maximum and the self points in its text, as the table has no cells
# for them on that row.
HEADING_POINTS = (
    "{code} {name} (tối đa {max} điểm, tự chấm {self} điểm)",
    "{code} {name}: điểm tối đa {max}; điểm tự chấm {self}",
)


def heading_text(code: str, name: str, max_points: float | None, self_points: float | None, pattern: str) -> str:
    """A field's heading: its code, its name and its points in words (a blank score written "-")."""
    return pattern.format(code=code, name=name, max=format_vn(max_points), self=format_vn(self_points) or "-").strip()


def field_headings(inst: Instance) -> Built:
    """A score table "STT | name | max | self | evidence" whose fields made of criteria print no
    cells: each is one bold row across the whole table, its code, name and points in words, "I.
    CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH (tối đa 10 điểm, tự chấm 9 điểm)" (odd instances) or "…: điểm tối đa
    10; điểm tự chấm 9" (even); a field with no criteria a row as any other; the total row last or
    none. Truth: the rows as F01's (a heading's points the figures in its words); faults as F01's
    (a field's ``parent_self_sum`` shows in its heading's words)."""
    rng, year, meta, title, table = _scored(inst)
    pattern = HEADING_POINTS[(inst.index - 1) % 2]
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 7.0},
    )
    table = as_printed(table, layout)
    made_of = parents(table)
    grid = score_grid(table, layout)
    width = len(grid.widths_cm)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in grid.rows:
        if g.kind == "data":
            row = next(data)
            if row.parent is None and row.code in made_of:
                text = heading_text(g.cells[0].text, row.name, row.max_points, row.self_points, pattern)
                g = GridRow((Cell(text, width, None, True),))
        rows.append(g)
    doc = Document(meta, standard_blocks(meta, title, Table(replace(grid, rows=tuple(rows))), rng, year))
    variant = "field-headings-" + ("parenthesis" if pattern.endswith(")") else "colon")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N83: the scale in the name --------------------------------------------------------------------------

# A leaf's scale after its name; a row made of others (and the total) writes its sum as N16's.
RANGE_IN_NAME = ("{name} (0 - {max} điểm)", "{name} (từ 0 đến {max} điểm)")


def parents(table: ScoreTable) -> set[str]:
    """The codes of the rows made of others (their maximum is their children's sum)."""
    return {r.parent for r in table.rows if r.parent is not None}


def range_in_name(inst: Instance) -> Built:
    """No maximum column: each leaf writes the scale it is scored on after its name, "(0 - 2 điểm)"
    (odd instances) or "(từ 0 đến 2 điểm)" (even); a field or criterion made of others its sum,
    "(14,5 điểm)", as does the total's label; columns STT | name | self | evidence. Truth: ``name``
    without the parenthesis, ``max_points`` the top of the scale (a parent's the figure in it);
    faults as F01's."""
    rng, year, meta, title, table = _scored(inst)
    pattern = RANGE_IN_NAME[(inst.index - 1) % 2]
    labels = {**_labels(rng), "explanation": rng.choice(("Tài liệu kiểm chứng", "Giải trình", "Ghi chú"))}
    layout = ScoreLayout(
        ("code", "name", "self", "explanation"),
        labels,
        widths_cm={"name": 8.6, "self": 2.4, "explanation": 4.0},
        total=rng.choice(("last", "last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    made_of = parents(table)
    data = iter(table.rows)
    rows: list[GridRow] = []
    for g in score_grid(table, layout).rows:
        if g.kind in ("data", "total"):
            row = next(data) if g.kind == "data" else None
            if row is None:
                text = with_max(g.cells[1].text, table.total_max, MAX_IN_NAME[0])
            elif row.code in made_of:
                text = with_max(g.cells[1].text, row.max_points, MAX_IN_NAME[0])
            else:
                text = with_max(g.cells[1].text, row.max_points, pattern)
            g = replace(g, cells=(g.cells[0], replace(g.cells[1], text=text), *g.cells[2:]))
        rows.append(g)
    grid = replace(score_grid(table, layout), rows=tuple(rows))
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    variant = "range-in-name-" + ("tu-den" if "từ" in pattern else "dash")
    return score_built(meta, docx_pdf(variant, doc), table)


# --- N84: procedures per field, the total first ---------------------------------------------------------

FIELDS = (
    "Tư pháp - Hộ tịch",
    "Chứng thực",
    "Đất đai",
    "Xây dựng",
    "Lao động - Thương binh và Xã hội",
    "Văn hóa - Thông tin",
    "Nông nghiệp và Môi trường",
    "Y tế",
    "Giáo dục và Đào tạo",
    "Nội vụ",
    "Tài chính - Kế hoạch",
    "Công thương",
)
FIELD_TOTAL_LABELS = ("Tổng cộng", "Tổng số", "Toàn xã")
COLUMN_HEADS = (
    ("Tổng số TTHC", "Trực tuyến toàn trình", "Trực tuyến một phần"),
    ("Tổng số thủ tục hành chính", "Số TTHC cung cấp DVCTT toàn trình", "Số TTHC cung cấp DVCTT một phần"),
    ("Số TTHC thuộc thẩm quyền", "DVC trực tuyến toàn trình", "DVC trực tuyến một phần"),
)
SHARE_HEADS = {
    False: ("Tỷ lệ (%)", "Tỷ lệ TTHC trực tuyến toàn trình (%)"),
    True: ("Tỷ lệ (%)", "Tỷ lệ TTHC cung cấp DVCTT (%)"),
}


def field_counts(rng: random.Random) -> list[tuple[str, int, int, int]]:
    """Five to eight fields, each (name, its procedures, fully online, partly online): online ones
    at most the field's, some fields with none online at all."""
    out = []
    for name in rng.sample(FIELDS, rng.randint(5, 8)):
        total = rng.randint(2, 30)
        full = rng.randint(0, total)
        partial = rng.randint(0, total - full)
        out.append((name, total, full, partial))
    return out


def procedures_grid(
    fields: list[tuple[str, int, int, int]], heads: tuple[str, ...], total: tuple[str, int, int, int, str], both: bool
) -> Grid:
    """STT | Lĩnh vực | three counts | share, the total row first (bold, its STT blank), the fields
    numbered 1, 2, … under it; a field's share its own (blank where it has no procedures)."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header")]
    label, n, full, partial, share = total
    out.append(
        GridRow(
            (
                Cell("", 1, None, True, "center"),
                Cell(label, 1, None, True, "center"),
                *(Cell(str(v), 1, None, True, "center") for v in (n, full, partial)),
                Cell(share, 1, None, True, "center"),
            ),
            "total",
        )
    )
    for k, (name, n, full, partial) in enumerate(fields, start=1):
        own = format_vn(_ratio(full + partial if both else full, n)) if n else ""
        out.append(
            GridRow(
                (
                    Cell(str(k), 1, None, False, "center"),
                    Cell(name),
                    *(Cell(str(v), 1, None, False, "center") for v in (n, full, partial)),
                    Cell(own, 1, None, False, "center"),
                )
            )
        )
    return Grid((1.1, 5.4, 2.2, 2.4, 2.4, 2.0), tuple(out))


def annex_procedures_by_field(inst: Instance) -> Built:
    """A report whose annex counts the commune's procedures per field, "STT | Lĩnh vực | Tổng số TTHC
    | Trực tuyến toàn trình | Trực tuyến một phần | Tỷ lệ (%)", the commune's total row ("Tổng cộng",
    "Tổng số", "Toàn xã") FIRST, above the fields numbered 1, 2, …; the share of the procedures
    fully online (odd instances) or online at all, fully or partly (even), each field's its own.
    Truth: the columns as F27's: "1" the total row's procedures (``Thủ tục``), "1.1" and "1.2" its
    online counts, "1.3" its share (%); the fields' rows are nothing (as N18's hamlets). A faulty
    instance prints the total row's share off (``ratio`` on "1.3")."""
    rng = inst.rng()
    both = inst.index % 2 == 0
    fields = field_counts(rng)
    n = sum(f[1] for f in fields)
    full = sum(f[2] for f in fields)
    partial = sum(f[3] for f in fields)
    true = _ratio(full + partial if both else full, n)
    share, faults = true, []
    if inst.faulty:
        share = round(true - rng.choice((3.5, 5.0, 7.25)), 2) if true > 20 else round(true + 12.5, 2)
        faults.append(
            Fault(
                "ratio",
                "statistics",
                "1.3",
                "value",
                f"1.3 printed {format_vn(share)}% but its counts give {format_vn(true)}%",
            )
        )
    counts = rng.choice(COLUMN_HEADS)
    share_head = rng.choice(SHARE_HEADS[both])
    heads = (rng.choice(("STT", "TT")), rng.choice(("Lĩnh vực", "Tên lĩnh vực")), *counts, share_head)
    label = rng.choice(FIELD_TOTAL_LABELS)
    rows = [
        StatRow("1", "", counts[0], "Thủ tục", float(n)),
        StatRow("1.1", "", counts[1], "Thủ tục", float(full)),
        StatRow("1.2", "", counts[2], "Thủ tục", float(partial)),
        StatRow("1.3", "", share_head, "%", share),
    ]
    total = (label, n, full, partial, format_vn(share))
    doc, title = _annex_report(inst, rng, lambda year, period: procedures_grid(fields, heads, total, both))
    return annex_built(doc, title, rows, faults, "procedures-by-field-" + ("online" if both else "full"))


# --- N85: a bulleted narrative of counts and shares ------------------------------------------------------

# A count: its lead words (the figure after them), its unit, its range, its parts' words; the share
# (even instances) says which parts it counts.
BULLETS = (
    ("Tiếp nhận", "hồ sơ", (150, 700), ("trực tuyến", "trực tiếp và qua bưu chính"), "tiếp nhận trực tuyến", (0,)),
    (
        "Giải quyết",
        "hồ sơ",
        (150, 650),
        ("trước hạn", "đúng hạn", "quá hạn"),
        "giải quyết trước và đúng hạn",
        (0, 1),
    ),
    (
        "Tiếp nhận",
        "phản ánh, kiến nghị",
        (5, 40),
        ("đã xử lý xong", "đang xem xét, xử lý"),
        "xử lý phản ánh, kiến nghị",
        (0,),
    ),
    (
        "Cung cấp",
        "thủ tục hành chính",
        (60, 140),
        ("trực tuyến toàn trình", "trực tuyến một phần", "chỉ cung cấp thông tin"),
        "thủ tục trực tuyến toàn trình",
        (0,),
    ),
    ("Tổ chức tuyên truyền CCHC", "lượt", (12, 60), ("qua hệ thống loa", "qua hội nghị", "qua mạng xã hội"), "", ()),
)


def bullet(rng: random.Random, spec: tuple, printed: int, parts: list[int], shares_inline: bool) -> str:
    """One bullet's text, its mark left out: the lead, the printed count, the parts with each one's
    share of the true whole "(chiếm 96,22%)" (``shares_inline``), or the parts after a colon and the
    share the spec names at the end "; tỷ lệ … đạt 97,67%"."""
    lead, unit, _, words, share_words, counted = spec
    whole = sum(parts)
    figure = _n(printed, rng) if printed < 10 else str(printed)
    if shares_inline:
        said = ", ".join(f"{w} {_n(p, rng)} {unit} (chiếm {_pct(p, whole)}%)" for w, p in zip(words, parts))
        return f"{lead} {figure} {unit}, trong đó: {said}."
    said = "; ".join(f"{w}: {_n(p, rng)} {unit}" for w, p in zip(words, parts))
    text = f"{lead} {figure} {unit} ({said})"
    if share_words:
        text += f"; tỷ lệ {share_words} đạt {_pct(sum(parts[i] for i in counted), whole)}%"
    return text + "."


def bulleted_counts(rng: random.Random, fault: bool, shares_inline: bool) -> tuple[list[str], list[Count], list[Fault]]:
    """Three to five bullets in a random order, each a count whose parts add up to it; in a faulty
    instance one bullet's printed count is off its parts (``count_sum``)."""
    specs = rng.sample(BULLETS, rng.randint(3, 5))
    target = rng.randrange(len(specs)) if fault else -1
    texts, counts, faults = [], [], []
    for k, spec in enumerate(specs):
        lo, hi = spec[2]
        parts = _split(rng, rng.randint(lo, hi), len(spec[3]))
        printed = sum(parts)
        if k == target:
            printed += rng.choice((-5, -2, 3, 4, 10))
            faults.append(
                Fault(
                    "count_sum", "counts", None, "value", f"total {printed} {spec[1]} but its parts add to {sum(parts)}"
                )
            )
        text = bullet(rng, spec, printed, parts, shares_inline)
        texts.append(text)
        counts.append(Count(text, printed, tuple(parts), spec[1]))
    return texts, counts, faults


def narrative_bullets(inst: Instance) -> Built:
    """A six-month or yearly report whose results are bullets "- " under "I. KẾT QUẢ …", each a
    count with its parts: each part's share of the whole after it, "trực tuyến 229 hồ sơ (chiếm
    96,22%)" (odd instances), or the parts in parentheses and one share at the end, "; tỷ lệ giải
    quyết trước và đúng hạn đạt 97,67%" (even); no table. Truth ``counts`` as F13's (``text`` the
    bullet without its mark; the shares are nothing); a faulty instance prints one count off its
    parts (``count_sum``)."""
    rng = inst.rng()
    inline = inst.index % 2 == 1
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(REPORT_TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    texts, counts, faults = bulleted_counts(rng, inst.faulty, inline)
    body = [
        Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
        Para(f"Trong {period}, UBND xã đã đạt được một số kết quả cụ thể như sau:"),
        *(Para(f"- {t}") for t in texts),
        Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ", bold=True),
        Para("Tiếp tục thực hiện có hiệu quả Kế hoạch cải cách hành chính của UBND xã."),
    ]
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "tabs"))),
            Title("BÁO CÁO", meta.title_lines),
            intro(meta, rng, year, f"kết quả thực hiện công tác cải cách hành chính {period}"),
            *body,
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    variant = "narrative-bullets-" + ("shares-inline" if inline else "share-last")
    built = Built([Output(variant, "docx", doc), Output(variant, "pdf", doc)], meta.truth(), commune=meta.place.commune)
    built.counts = [c.truth() for c in counts]
    built.faults = faults
    return built


NEW_LAYOUT_FAMILIES_T = {
    "N82_field_headings_across": field_headings,
    "N83_range_in_name": range_in_name,
    "N84_annex_procedures_by_field": annex_procedures_by_field,
    "N85_narrative_bullets": narrative_bullets,
}
