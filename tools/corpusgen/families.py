"""The settled typed layout families F01-F15 (the registry of every family is ``corpusgen.registry``):
each turns an instance (commune, criteria set, seed, faults or not) into its files and their truth.
The truth is the generator's own data, never what a reader makes of a file."""

from __future__ import annotations

from dataclasses import replace

from corpusgen.common import (
    Built,
    Instance,
    Output,
    annex_title as annex_title_of,
    docx_pdf,
    evaluation_year,
    intro,
    make_meta,
    report_with_annex,
    score_built,
    score_content,
    score_meta,
    split_evidence,
    standard_blocks,
)
from corpusgen.document import (
    Document,
    Header,
    Landscape,
    Para,
    Signature,
    Table,
    Title,
)
from corpusgen.grid import ScoreLayout, as_printed, score_grid, stat_grid
from corpusgen.render_text import TextStyle, write_text
from corpusgen.reports import narrative, statistics
from corpusgen.scores import Criterion, children_of, is_roman, renumber
from corpusgen.typed_forms import _scored

LABELS = {
    "code": ("STT", "TT", "Mã số"),
    "name": (
        "Lĩnh vực, tiêu chí",
        "Tiêu chí, tiêu chí thành phần",
        "Nội dung đánh giá",
        "Lĩnh vực/Tiêu chí/Tiêu chí thành phần",
    ),
    "max": ("Điểm tối đa", "Điểm chuẩn", "Thang điểm"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm", "Điểm UBND xã tự chấm"),
    "appraised": ("Điểm thẩm định", "Điểm thẩm định của Phòng Nội vụ", "Điểm Phòng Nội vụ thẩm định"),
    "explanation": ("Giải trình", "Tài liệu kiểm chứng", "Ghi chú", "Nội dung giải trình"),
}
TOTAL_LABELS = ("Tổng cộng", "TỔNG ĐIỂM", "Tổng số điểm", "Tổng")
META_FIELDS = frozenset({"number", "date", "commune", "signer", "title", "issuer", "kind"})


def _labels(rng) -> dict:
    return {k: rng.choice(v) for k, v in LABELS.items()}


def _ruled_layout(rng, totals: tuple[str | None, ...]) -> ScoreLayout:
    """The usual five columns (code, name, maximum, self points, explanation) under labels drawn from
    ``LABELS``, the total row placed as one of ``totals`` (None: no total row) under a drawn label."""
    return ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total=rng.choice(totals),
        total_label=rng.choice(TOTAL_LABELS),
    )


def f01(inst: Instance) -> Built:
    """Decree 30 layout: header block and signature block as borderless tables, then a ruled table."""
    rng, year, meta, title, table = _scored(inst)
    layout = _ruled_layout(rng, ("last", "last", None))
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("ruled", doc), table)


def f02(inst: Instance) -> Built:
    """Issuer beside the motto and number beside place-date on one printed line (tabs in DOCX)."""
    rng, year, meta, title, table = _scored(inst, (0.5, 0.7, 1.0))
    layout = _ruled_layout(rng, ("last", None))
    table = as_printed(table, layout)
    doc = Document(
        meta,
        standard_blocks(
            meta, title, Table(score_grid(table, layout)), rng, year, header="tabs", signature="paragraphs"
        ),
    )
    text = write_text(doc, TextStyle(table="tabs", header="side", gap=rng.randint(4, 14)))
    return score_built(meta, docx_pdf("tabs", doc) + [Output("plain", "txt", text)], table)


def f03(inst: Instance) -> Built:
    """Two-line issuer: the district over the commune (sets before the 2025 merger)."""
    rng, year, meta, title, table = _scored(inst, (0.6, 0.8, 1.0), issuer_style="district")
    layout = _ruled_layout(rng, ("last", None))
    table = as_printed(table, layout)
    header = rng.choice(("table", "stacked"))
    doc = Document(
        meta,
        standard_blocks(
            meta,
            title,
            Table(score_grid(table, layout)),
            rng,
            year,
            header=header,
            signature=rng.choice(("table", "paragraphs")),
        ),
    )
    return score_built(meta, docx_pdf(f"header-{header}", doc), table)


def f04(inst: Instance) -> Built:
    """The name header spans two grid columns: an indent column for sub-criteria, names in the second."""
    rng, year, meta, title, table = _scored(inst, (0.7, 1.0))
    holds_code = inst.index % 2 == 0
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        indent_column=True,
        indent_holds_code=holds_code,
        total="last",
        total_label=rng.choice(TOTAL_LABELS),
    )
    landscape = inst.index % 2 == 1
    widths = {"name": 11.0, "explanation": 7.0} if landscape else {"name": 6.8, "explanation": 3.4}
    layout = replace(layout, widths_cm=widths)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year), landscape=landscape)
    variant = "ruled-" + ("landscape" if landscape else "portrait")
    return score_built(meta, docx_pdf(variant, doc), table)


REMARKS = (
    "các nhiệm vụ được triển khai đầy đủ, đúng tiến độ theo kế hoạch đề ra",
    "một số nội dung còn chậm so với thời gian quy định, đã khắc phục trong quý sau",
    "tài liệu kiểm chứng lưu tại Văn phòng HĐND và UBND xã",
    "đã tổng hợp, báo cáo kết quả thực hiện về UBND cấp trên đúng thời hạn",
)


def f05(inst: Instance) -> Built:
    """A long table over several pages, header not repeated, rows split by page breaks; portrait and
    landscape (the table in a landscape section of its own) renderings of the same content."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    table = score_content(inst, rng, year, keep=1.0)
    # long explanations (two cited documents and a remark): tall rows, some split by a page break
    table = split_evidence(table, rng, year, share=0.9)
    table = replace(
        table,
        rows=tuple(
            replace(r, evidence=(), explanation=f"{r.explanation}; {rng.choice(REMARKS)}") if r.evidence else r
            for r in table.rows
        ),
    )
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total="last",
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"explanation": 3.6, "name": 8.0},
    )
    grid = score_grid(table, layout)
    font = rng.choice((12, 13))
    body = Table(grid, repeat_header=False, allow_break=True, font_pt=font)
    portrait = Document(meta, standard_blocks(meta, title, body, rng, year))
    wide = Table(
        score_grid(table, replace(layout, widths_cm={"name": 12.0, "explanation": 5.5})),
        repeat_header=False,
        allow_break=True,
        font_pt=font + 1,
    )
    blocks = list(standard_blocks(meta, title, wide, rng, year))
    blocks.insert(3, Landscape())
    landscape = Document(meta, tuple(blocks))
    return score_built(meta, docx_pdf("portrait", portrait) + docx_pdf("landscape", landscape), table)


def f06(inst: Instance) -> Built:
    """A web portal's text copy: every cell ends in " |", long lines hard-wrapped."""
    rng, year, meta, title, table = _scored(inst)
    layout = _ruled_layout(rng, ("last", None))
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    bars = ("stream", "columns", "cell-lines")[(inst.index - 1) % 3]
    style = TextStyle(table="bars", bars=bars, wrap=rng.randint(60, 80), header="bars")
    return score_built(meta, [Output(f"bars-{bars}", "txt", write_text(doc, style))], table)


SCALES = (
    (
        "Hoàn thành 100% kế hoạch: {m} điểm",
        "Hoàn thành từ 80% đến dưới 100% kế hoạch: {h} điểm",
        "Hoàn thành dưới 80% kế hoạch: 0 điểm",
    ),
    ("Ban hành đúng thời gian quy định: {m} điểm", "Ban hành chậm so với quy định: {h} điểm", "Không ban hành: 0 điểm"),
    ("Đạt 100%: {m} điểm", "Đạt từ 90% đến dưới 100%: {h} điểm", "Dưới 90%: 0 điểm"),
)


def _with_scale(criteria: list[Criterion], rng) -> list[Criterion]:
    """Leaves without the set's own scale get a composed one (about half of them)."""
    from normalize.numbers import format_vn

    parents = {c.parent for c in criteria}
    out = []
    for c in criteria:
        if c.code not in parents and not c.scale and c.max_points >= 0.5 and rng.random() < 0.5:
            half = round(c.max_points * 2) / 4
            lines = rng.choice(SCALES)
            c = replace(c, scale=tuple(x.format(m=format_vn(c.max_points), h=format_vn(half)) for x in lines))
        out.append(c)
    return out


def f07(inst: Instance) -> Built:
    """Scoring-scale lines inside a criterion's cell, one per line under its name, bulleted "- "."""
    return _scale_in_name(inst, "- ", {})


def f29(inst: Instance) -> Built:
    """Scoring-scale lines under a criterion's name printed without bullets, one item a line ("Ban
    hành kịp thời: 1" / "Ban hành không kịp thời: 0,5", as the Cà Mau set prints them); a narrow
    name column on odd instances, so that an item wraps over two printed lines in the PDF."""
    return _scale_in_name(inst, "", {"name": 5.5} if inst.index % 2 else {})


def _scale_in_name(inst: Instance, bullet: str, widths_cm: dict) -> Built:
    """A score table whose leaves print their scale under the name, each line opened by ``bullet``."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    table = score_content(inst, rng, year, keep=rng.choice((0.6, 0.8, 1.0)), transform=lambda c: _with_scale(c, rng))
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        widths_cm=widths_cm,
        scale_in_name=True,
        scale_bullet=bullet,
        total=rng.choice(("last", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("ruled", doc), table, scale=True)


def f14(inst: Instance) -> Built:
    """The scoring method in a column of its own ("Cách tính điểm"), one scale line per line, as the
    provincial decisions print their tables and communes copy them with a self-points column."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    table = score_content(inst, rng, year, keep=rng.choice((0.6, 0.8, 1.0)), transform=lambda c: _with_scale(c, rng))
    labels = {**_labels(rng), "scale": rng.choice(("Cách tính điểm", "Phương pháp chấm điểm", "Hướng dẫn chấm điểm"))}
    columns = (
        ("code", "name", "max", "scale", "self", "explanation")
        if inst.index % 2
        else ("code", "name", "scale", "max", "self", "explanation")
    )
    layout = ScoreLayout(
        columns,
        labels,
        scale_bullet=rng.choice(("- ", "+ ", "")),
        total=rng.choice(("last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 8.0, "scale": 7.5, "explanation": 5.0},
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year), landscape=True)
    variant = "scale-" + ("after-max" if inst.index % 2 else "before-max")
    return score_built(meta, docx_pdf(variant, doc), table, scale=True)


def f15(inst: Instance) -> Built:
    """A word processor's own text export of the DOCX (LibreOffice "Text"): every table cell on a line
    of its own, an empty cell an empty line; the header block's cells one after another."""
    rng, year, meta, title, table = _scored(inst)
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        group_label=rng.choice(("Điểm số", "Điểm")) if inst.index % 2 == 0 else None,
        total=rng.choice(("last", "first", None)),
        total_label=rng.choice(TOTAL_LABELS),
    )
    table = as_printed(table, layout)
    doc = Document(
        meta,
        standard_blocks(
            meta,
            title,
            Table(score_grid(table, layout)),
            rng,
            year,
            header=rng.choice(("table", "tabs")),
            signature=rng.choice(("table", "paragraphs")),
        ),
    )
    return score_built(meta, [Output("writer-text", "txt", doc)], table)


def f08(inst: Instance) -> Built:
    """Two-level merged header: "Điểm số" over "Tối đa" / "Tự chấm", STT and name merged 2x2."""
    rng, year, meta, title, table = _scored(inst)
    labels = {
        **_labels(rng),
        "max": rng.choice(("Tối đa", "Điểm tối đa")),
        "self": rng.choice(("Tự chấm", "Tự đánh giá")),
    }
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        group_label=rng.choice(("Điểm số", "Điểm", "Số điểm")),
        total="last",
        total_label=rng.choice(TOTAL_LABELS),
    )
    grid = score_grid(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(grid), rng, year))
    md = write_text(doc, TextStyle(table="markdown", header="stacked"))
    tsv_doc = Document(meta, (Table(grid),))
    outputs = docx_pdf("ruled", doc) + [
        Output("pipe", "md", md),
        Output("table-only", "tsv", write_text(tsv_doc, TextStyle(table="tsv")), frozenset()),
    ]
    return score_built(meta, outputs, table)


def f09(inst: Instance) -> Built:
    """Code and name in one cell; rows citing two documents are two grid rows with merged points."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    table = split_evidence(score_content(inst, rng, year, keep=rng.choice((0.6, 0.8, 1.0))), rng, year)
    layout = ScoreLayout(
        ("name", "max", "self", "explanation"),
        _labels(rng),
        code_in_name=True,
        evidence_rows=True,
        code_style=rng.choice(("dot", "mixed")),
        total="last",
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 8.6, "explanation": 5.0},
    )
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("ruled", doc), table)


PART_NAMES = ("KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ KHÁC")


def parts_and_letters(criteria: list[Criterion]) -> list[Criterion]:
    """Roman parts (two made from the fields when the set has none; from the criteria of a set read
    with one field only), a part's sections numbered from 1 again ("II.1"), and the deepest criteria
    as a)/b) items ("1.1.a")."""
    kids = children_of(criteria)
    tops = kids.get(None, [])
    if len(tops) == 1 and len(kids.get(tops[0].code, [])) >= 2 and not is_roman(tops[0].code):
        # a single field: its criteria become the fields the parts are made of
        criteria = [replace(c, parent=None) if c.parent == tops[0].code else c for c in criteria[1:]]
        kids = children_of(criteria)
        tops = kids.get(None, [])
    if not any(is_roman(c.code) for c in tops):
        cut = (len(tops) + 1) // 2
        out: list[Criterion] = []
        for part, group in (("I", tops[:cut]), ("II", tops[cut:])):
            if not group:
                continue
            out.append(Criterion(part, None, PART_NAMES[len(out) and 1], sum(c.max_points for c in group)))
            for field_row in group:
                stack = [(field_row, part)]
                while stack:
                    c, parent = stack.pop(0)
                    out.append(replace(c, parent=parent))
                    stack = [(k2, c.code) for k2 in kids.get(c.code, [])] + stack
        criteria = out
    return renumber(criteria, letters=True)


def f10(inst: Instance) -> Built:
    """Roman parts, arabic numbering restarting under each part, a)/b) items; the total row first or
    last; printed without borders (columns by alignment)."""
    rng, year, meta, title, table = _scored(inst, (0.7, 1.0), transform=parts_and_letters)
    total = "first" if inst.index % 2 == 1 else "last"
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        _labels(rng),
        total=total,
        total_label=rng.choice(TOTAL_LABELS),
        code_style=rng.choice(("mixed", "plain")),
    )
    grid = score_grid(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(grid, ruled=False), rng, year))
    md = write_text(doc, TextStyle(table="markdown", header="stacked"))
    return score_built(meta, docx_pdf(f"unruled-total-{total}", doc) + [Output(f"pipe-total-{total}", "md", md)], table)


def f11(inst: Instance) -> Built:
    """An appraised-points column and a column-number row; the explanation column before the points
    or last."""
    rng, year, meta, title, table = _scored(inst, appraised=True)
    first = inst.index % 2 == 0
    columns = (
        ("code", "name", "explanation", "max", "self", "appraised")
        if first
        else ("code", "name", "max", "self", "appraised", "explanation")
    )
    layout = ScoreLayout(
        columns,
        _labels(rng),
        number_row=True,
        total="last",
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 10.0, "explanation": 6.5},
    )
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year), landscape=True)
    variant = "explanation-" + ("before-points" if first else "last")
    return score_built(meta, docx_pdf(variant, doc), table, appraised=True)


STAT_HEADERS = (
    ("STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"),
    ("TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"),
)
REPORT_TITLES = (
    ("Kết quả công tác cải cách hành chính {period}",),
    ("Tình hình, kết quả thực hiện công tác cải cách hành chính", "{period}"),
)


def f12(inst: Instance) -> Built:
    """A report whose annex is a statistics table: counts, their breakdowns (1.1, a) ...), ratio rows
    after their counts."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(REPORT_TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    labels = STAT_HEADERS[(inst.index - 1) % 2]
    grid = stat_grid(rows, labels, (1.3, 9.0, 2.2, 2.2, 2.3))
    annex_title = f"BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {period.upper()}"
    annex = annex_title_of(meta, annex_title)
    body = (
        Para("I. KẾT QUẢ THỰC HIỆN", bold=True),
        Para(
            "UBND xã đã chỉ đạo các bộ phận chuyên môn triển khai đầy đủ các nhiệm vụ cải cách hành chính "
            "theo kế hoạch; số liệu chi tiết tại Phụ lục kèm theo."
        ),
        Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True),
        Para("Tiếp tục đẩy mạnh công tác tuyên truyền, nâng cao chất lượng giải quyết thủ tục hành chính."),
    )
    doc = report_with_annex(meta, rng, year, body, ("table",), annex, Table(grid))
    tsv_doc = Document(meta, (Table(grid),))
    built = score_built(
        meta,
        docx_pdf("annex", doc)
        + [Output("annex-only", "tsv", write_text(tsv_doc, TextStyle(table="tsv")), frozenset())],
    )
    built.statistics = [{"annex": "1", "title": annex_title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


def f13(inst: Instance) -> Built:
    """A six-month or yearly report whose counts and their breakdowns are written in sentences."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(REPORT_TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    paras, counts, faults = narrative(rng, period, inst.faulty)
    body = [
        Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
        Para("1. Công tác chỉ đạo, điều hành", bold=True),
        Para(paras[-1]),
        Para("2. Cải cách thủ tục hành chính", bold=True),
    ]
    body += [Para(p) for p in paras[:-1]]
    body += [
        Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ", bold=True),
        Para("Tiếp tục thực hiện có hiệu quả Kế hoạch cải cách hành chính của UBND xã."),
    ]
    header = rng.choice(("table", "tabs"))
    doc = Document(
        meta,
        (
            Header(header),
            Title("BÁO CÁO", meta.title_lines),
            intro(meta, rng, year, f"kết quả thực hiện công tác cải cách hành chính {period}"),
            *body,
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    text = write_text(doc, TextStyle(header=rng.choice(("side", "stacked"))))
    built = score_built(meta, docx_pdf(f"header-{header}", doc) + [Output("plain", "txt", text)])
    built.counts = [c.truth() for c in counts]
    built.faults = faults
    return built


STANDING_FAMILIES = {
    "F01_decree30_tables": f01,
    "F02_one_line_header": f02,
    "F03_district_issuer": f03,
    "F04_name_spans_two_columns": f04,
    "F05_long_table_no_repeat": f05,
    "F06_portal_bar_export": f06,
    "F07_scale_lines_in_name": f07,
    "F29_scale_lines_unbulleted": f29,
    "F08_two_level_header": f08,
    "F09_code_in_name_merged_points": f09,
    "F10_parts_restart_total_position": f10,
    "F11_appraised_number_row": f11,
    "F12_statistics_annex": f12,
    "F13_narrative_counts": f13,
    "F14_scale_column": f14,
    "F15_writer_text_export": f15,
}
