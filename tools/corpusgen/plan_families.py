"""Families of plans and reports (issue 20): yearly plans, five-year plans, plans to raise the index,
decisions with an attached plan, six-month and yearly reports. Their truth is task rows, targets and
score statements (tools/CORPUS.md), with the field-sum fault planted in about a third."""

from __future__ import annotations

import random

from corpusgen.common import Built, DocMeta, Instance, Output, docx_pdf, make_meta, score_built
from corpusgen.document import Document, Header, Landscape, PageBreak, Para, Signature, Table, Title
from corpusgen.dumps import OcrDump
from corpusgen.plans import (
    TASK_HEADERS,
    Target,
    TaskRow,
    index_criteria,
    prose_targets,
    statements,
    table_targets,
    task_grid,
    task_paragraph,
    task_rows,
)
from corpusgen.render_text import TextStyle, write_text


def _year(rng: random.Random) -> int:
    return rng.choice((2023, 2024, 2025, 2026))


def _plain(doc: Document, rng: random.Random) -> Output:
    return Output("plain", "txt", write_text(doc, TextStyle(header=rng.choice(("side", "stacked")))))


def _purpose() -> list[Para]:
    return [
        Para("I. MỤC ĐÍCH, YÊU CẦU", bold=True),
        Para(
            "Triển khai đồng bộ, có hiệu quả các nhiệm vụ cải cách hành chính; xác định rõ nhiệm vụ, thời gian "
            "hoàn thành và trách nhiệm của từng bộ phận, cá nhân trong tổ chức thực hiện."
        ),
    ]


def _target_paras(lines: list[str], rng: random.Random, heading: str) -> list[Para]:
    bullet = rng.choice(("- ", "+ ", ""))
    return [Para(heading, bold=True)] + [Para(f"{bullet}{line}") for line in lines]


def _task_table(rng: random.Random, rows: list[TaskRow], width_cm: float = 25.0) -> tuple[Table, list[Para], bool]:
    """The framework grid in a random column order and header wording; footnotes under it."""
    middle = ["task", "product", "deadline", "lead", "coordinator"]
    if rng.random() < 0.5:
        middle = ["task", "lead", "coordinator", "deadline", "product"]
    if rng.random() < 0.3:
        middle = ["task", "product", "lead", "coordinator", "deadline"]
    columns = ["code"] + (["criterion_code"] if rng.random() < 0.7 else []) + middle
    if "criterion_code" in columns and rng.random() < 0.3:  # the codes column last
        columns = [c for c in columns if c != "criterion_code"] + ["criterion_code"]
    labels = {k: rng.choice(v) for k, v in TASK_HEADERS.items()}
    heading = rng.choice(("code", "code", "merged"))
    grid = task_grid(rows, tuple(columns), labels, heading, width_cm)
    notes = sorted({r.lead_note for r in rows if r.lead_note})
    paras = [Para(f"{n} Chủ trì phối hợp với các đơn vị liên quan tổ chức thực hiện.", italic=True) for n in notes]
    return Table(grid, repeat_header=True, allow_break=True, font_pt=10), paras, "criterion_code" in columns


def _truth_rows(rows: list[TaskRow], has_code_column: bool = True) -> list[dict]:
    return [dict(r.truth(), criterion_code=r.criterion_code if has_code_column else None) for r in rows]


def plan_built(outputs: list[Output], meta, rows: list[TaskRow], targets: list[Target]) -> Built:
    """A plan printing no criterion column: its outputs, its tasks and its targets as the truth."""
    built = Built(outputs, meta.truth(), commune=meta.place.commune)
    built.task_rows = _truth_rows(rows, has_code_column=False)
    built.targets = [t.truth() for t in targets]
    return built


def _plan_meta(inst: Instance, rng: random.Random, year: int, lines: tuple[str, ...], kind: str = "KH"):
    date = None
    meta = make_meta(inst, rng, kind, lines, year - 1 if rng.random() < 0.3 else year, report_date=date)
    return meta


PLAN_TASKS_LINE = "Các nhiệm vụ cụ thể, thời gian và đơn vị thực hiện tại Phụ lục kèm theo Kế hoạch này."


def plan_with_annex(
    meta, rng: random.Random, lines: list[str], annex: Title, table: Table, notes=(), tasks_line: str = PLAN_TASKS_LINE
) -> Document:
    """A yearly plan: its purpose, the targets under "II. MỤC TIÊU", a line sending the reader to the
    appendix, the signature, then the appendix's task table on a landscape page (``notes`` under it)."""
    return Document(
        meta,
        (
            Header(rng.choice(("table", "stacked"))),
            Title("KẾ HOẠCH", meta.title_lines),
            *_purpose(),
            *_target_paras(lines, rng, "II. MỤC TIÊU"),
            Para("III. NHIỆM VỤ VÀ GIẢI PHÁP", bold=True),
            Para(tasks_line),
            Signature("table"),
            Landscape(),
            annex,
            table,
            *notes,
        ),
    )


def yearly_plan_start(inst: Instance) -> tuple[random.Random, int, DocMeta, list[str], list[Target]]:
    """What a yearly plan of the later layouts draws first: its random source, year, metadata, and
    three or four target sentences with their targets."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 4), multi=False)
    return rng, year, meta, lines, targets


def plan_with_tasks(meta, rng: random.Random, lines: list[str], year: int, grid) -> Document:
    """A yearly plan (``plan_with_annex``) whose appendix, "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM …" sent
    with the plan's number, is the task table ``grid`` at 10 pt, its header repeated on every page."""
    annex = Title(
        "PHỤ LỤC",
        (f"NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
        f"(Kèm theo Kế hoạch số {meta.number} của UBND xã {meta.place.commune})",
    )
    table = Table(grid, repeat_header=True, allow_break=True, font_pt=10)
    return plan_with_annex(meta, rng, lines, annex, table)


def f16(inst: Instance) -> Built:
    """A yearly plan: targets as a list under "Mục tiêu", tasks in an appendix grid (landscape) with
    varied headers and column orders, a column holding only criterion codes, footnote markers."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 5), multi=False)
    rows = task_rows(rng, year, index_criteria(), notes=rng.random() < 0.6)
    table, notes, has_codes = _task_table(rng, rows)
    annex = Title(
        "PHỤ LỤC",
        (f"KHUNG KẾ HOẠCH THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
        f"(Kèm theo Kế hoạch số {meta.number} của UBND xã {meta.place.commune})",
    )
    doc = plan_with_annex(meta, rng, lines, annex, table, notes)
    built = score_built(meta, docx_pdf("annex-landscape", doc))
    built.task_rows = _truth_rows(rows, has_codes)
    built.targets = [t.truth() for t in targets]
    return built


def _paragraph_tasks(rng: random.Random, rows: list[TaskRow]) -> list[Para]:
    """Sections "1. <title>" with their tasks as numbered paragraphs ("1.1."), letters or dashes."""
    style = rng.choice(("semicolon", "paren", "sentences"))
    items = rng.choice(("numbers", "letters", "dashes"))
    out: list[Para] = []
    section = None
    k = 0
    for r in rows:
        if r.section != section:
            section, k = r.section, 0
            out.append(Para(f"{r.section}. {r.section_title}", bold=True))
        k += 1
        bullet = {"numbers": f"{r.section}.{k}.", "letters": f"{'abcdefgh'[k - 1]})", "dashes": "-"}[items]
        out.append(Para(task_paragraph(r, rng, style, bullet)))
    return out


def f17(inst: Instance) -> Built:
    """A yearly plan whose tasks are numbered paragraphs with labelled fields in any order."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Thực hiện công tác cải cách hành chính năm {year}",))
    lines, targets = prose_targets(rng, [year], rng.randint(3, 5), multi=False)
    rows = task_rows(rng, year, index_criteria(), sections="arabic")
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "tabs"))),
            Title("KẾ HOẠCH", meta.title_lines),
            *_purpose(),
            *_target_paras(lines, rng, "II. CHỈ TIÊU CỤ THỂ"),
            Para("III. NHIỆM VỤ CỤ THỂ", bold=True),
            *_paragraph_tasks(rng, rows),
            Para("IV. TỔ CHỨC THỰC HIỆN", bold=True),
            Para("Các bộ phận chuyên môn căn cứ nhiệm vụ được giao tổ chức triển khai thực hiện Kế hoạch này."),
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    ocr = Output("ocr-dump", "txt", doc, ocr=OcrDump(lang="vie", dpi=300, psm=4))
    built = score_built(meta, docx_pdf("paragraphs", doc) + [_plain(doc, rng), ocr])
    built.task_rows = [dict(r.truth(), code=None, criterion_code=None) for r in rows]
    built.targets = [t.truth() for t in targets]
    return built


def f18(inst: Instance) -> Built:
    """A five-year plan: targets for several years in one sentence, an indicator-by-year table, and
    lists under "Đến năm 20xx:" lines."""
    rng = inst.rng("plan")
    start = rng.choice((2021, 2026))
    end = start + 4
    years = list(range(start, end + 1))
    meta = make_meta(inst, rng, "KH", (f"Cải cách hành chính giai đoạn {start} - {end}",), start, report_date=None)
    lines, targets = prose_targets(rng, years, rng.randint(2, 4), multi=True)
    table_years = sorted(rng.sample(years, rng.choice((3, 5))))
    grid, tab = table_targets(rng, table_years, rng.randint(3, 5), numbered=True)
    mid = rng.choice(years[1:-1])
    list_lines, list_targets = prose_targets(rng, [mid], 2, multi=False)
    doc = Document(
        meta,
        (
            Header("table"),
            Title("KẾ HOẠCH", meta.title_lines),
            *_purpose(),
            Para("II. MỤC TIÊU", bold=True),
            Para("1. Mục tiêu chung", bold=True),
            Para("Xây dựng nền hành chính dân chủ, chuyên nghiệp, hiện đại, phục vụ người dân và tổ chức."),
            Para("2. Chỉ tiêu cụ thể", bold=True),
            *[Para(f"- {line}") for line in lines],
            Para(f"Đến năm {mid}:"),
            *[Para(f"+ {line}") for line in list_lines],
            Para("Các chỉ tiêu chủ yếu theo từng năm như sau:"),
            Table(grid, font_pt=10),
            Para("III. NHIỆM VỤ, GIẢI PHÁP", bold=True),
            Para("Đẩy mạnh cải cách thủ tục hành chính, xây dựng chính quyền số, nâng cao chất lượng phục vụ."),
            Signature("table"),
        ),
    )
    built = score_built(meta, docx_pdf("targets", doc))
    built.targets = [t.truth() for t in targets + [*list_targets] + tab]
    return built


def _statement_block(rng: random.Random, year: int, fault: bool):
    pairs, faults = statements(rng, index_criteria(), fault)
    paras = [
        Para("1. Kết quả Chỉ số cải cách hành chính năm trước", bold=True),
        Para(
            f"Kết quả thẩm định Chỉ số CCHC năm {year - 1} của xã đạt "
            f"{rng.randint(70, 90)},{rng.randint(10, 99)}/100 điểm."
        ),
        Para("2. Điểm số cụ thể các lĩnh vực như sau:", bold=True),
    ]
    paras += [Para(text) for _, text in pairs]
    return paras, [s.truth() for s, _ in pairs], faults


def f19(inst: Instance) -> Built:
    """A plan to raise the index: last year's points stated per field and criterion, then a short
    task framework; the field-sum fault planted in a third."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Nâng cao Chỉ số cải cách hành chính năm {year}",))
    paras, stated, faults = _statement_block(rng, year, inst.faulty)
    rows = task_rows(rng, year, index_criteria())
    table, notes, has_codes = _task_table(rng, rows, width_cm=16.5)  # a portrait page
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "tabs"))),
            Title("KẾ HOẠCH", meta.title_lines),
            Para("I. ĐÁNH GIÁ KẾT QUẢ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", bold=True),
            *paras,
            Para("II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC", bold=True),
            Para("Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:"),
            table,
            *notes,
            Signature("table"),
        ),
    )
    text_doc = Document(meta, tuple(b for b in doc.blocks if not isinstance(b, Table)))
    ocr = Output("ocr-dump", "txt", doc, ocr=OcrDump(lang="vie", dpi=300, psm=4))
    built = score_built(meta, docx_pdf("statements", doc) + [_plain(text_doc, rng), ocr])
    built.task_rows = _truth_rows(rows, has_codes)
    built.score_statements = stated
    built.faults = faults
    built.per_output = {"plain": {"task_rows": []}}  # the text copy leaves the framework out
    return built


def f20(inst: Instance) -> Built:
    """A decision issuing a plan: "Điều 1. Ban hành kèm theo Quyết định này Kế hoạch ...", then the
    attached plan (targets in prose for the plan's year, tasks as a table or as paragraphs)."""
    rng = inst.rng("plan")
    year = _year(rng)
    meta = make_meta(
        inst, rng, "QĐ", (f"Về việc ban hành Kế hoạch cải cách hành chính năm {year}",), year - 1, report_date=None
    )
    lines, targets = prose_targets(rng, [year], rng.randint(3, 5), multi=False)
    table_form = inst.index % 2 == 1
    rows = task_rows(rng, year, index_criteria(), sections="roman" if table_form else "arabic", notes=table_form)
    decision = [
        Para(f"CHỦ TỊCH ỦY BAN NHÂN DÂN XÃ {meta.place.commune.upper()}", bold=True, align="center"),
        Para("Căn cứ Luật Tổ chức chính quyền địa phương;"),
        Para("QUYẾT ĐỊNH:", bold=True, align="center"),
        Para(f"Điều 1. Ban hành kèm theo Quyết định này Kế hoạch cải cách hành chính năm {year} của UBND xã."),
        Para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
        Para("Điều 3. Văn phòng UBND xã, các bộ phận chuyên môn chịu trách nhiệm thi hành Quyết định này./."),
        Signature("table"),
        PageBreak(),
        Title("KẾ HOẠCH", (f"Cải cách hành chính năm {year}",), f"(Ban hành kèm theo Quyết định số {meta.number})"),
        *_target_paras(lines, rng, "I. MỤC TIÊU"),
    ]
    if table_form:
        table, notes, has_codes = _task_table(rng, rows)
        body = [Para("II. NHIỆM VỤ CỤ THỂ", bold=True), Landscape(), table, *notes]
        truth_rows = _truth_rows(rows, has_codes)
    else:
        body = [Para("II. NHIỆM VỤ CỤ THỂ", bold=True), *_paragraph_tasks(rng, rows)]
        truth_rows = [dict(r.truth(), code=None, criterion_code=None) for r in rows]
    doc = Document(
        meta, (Header(rng.choice(("table", "stacked"))), Title("QUYẾT ĐỊNH", meta.title_lines), *decision, *body)
    )
    built = score_built(meta, docx_pdf("table" if table_form else "paragraphs", doc))
    built.task_rows = truth_rows
    built.targets = [t.truth() for t in targets]
    return built


def f21(inst: Instance) -> Built:
    """A six-month or yearly report: self-assessed points per field and criterion, the next period's
    targets, the next period's tasks as paragraphs."""
    rng = inst.rng("plan")
    year = _year(rng)
    six = rng.random() < 0.5
    period = f"6 tháng đầu năm {year}" if six else f"năm {year}"
    meta = make_meta(inst, rng, "BC", (f"Kết quả thực hiện công tác cải cách hành chính {period}",), year)
    pairs, faults = statements(rng, index_criteria(), inst.faulty)
    next_year = year if six else year + 1
    lines, targets = prose_targets(rng, [next_year], rng.randint(2, 4), multi=False)
    rows = task_rows(rng, next_year, index_criteria(), sections="arabic")
    when = "6 tháng cuối năm" if six else f"năm {next_year}"
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "tabs"))),
            Title("BÁO CÁO", meta.title_lines),
            Para("I. KẾT QUẢ THỰC HIỆN", bold=True),
            Para("UBND xã đã triển khai đầy đủ các nhiệm vụ cải cách hành chính theo kế hoạch."),
            Para("II. KẾT QUẢ TỰ ĐÁNH GIÁ CÁC LĨNH VỰC", bold=True),
            *[Para(text) for _, text in pairs],
            Para(f"III. PHƯƠNG HƯỚNG, NHIỆM VỤ {when.upper()}", bold=True),
            *_target_paras([f"Phấn đấu {when}: {ln[0].lower()}{ln[1:]}" for ln in lines], rng, "1. Mục tiêu, chỉ tiêu"),
            Para("2. Nhiệm vụ trọng tâm", bold=True),
            *_paragraph_tasks(rng, rows),
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    built = score_built(meta, docx_pdf("report", doc) + [_plain(doc, rng)])
    built.score_statements = [s.truth() for s, _ in pairs]
    built.targets = [t.truth() for t in targets]
    built.task_rows = [dict(r.truth(), code=None, criterion_code=None) for r in rows]
    built.faults = faults
    return built


PLAN_FAMILIES = {
    "P01_plan_task_table": f16,
    "P02_plan_task_paragraphs": f17,
    "P03_five_year_plan_targets": f18,
    "P04_index_plan_statements": f19,
    "P05_decision_attached_plan": f20,
    "P06_report_statements_targets": f21,
}
