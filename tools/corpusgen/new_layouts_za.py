"""A twenty-seventh batch of held-out typed layouts (N110-N113): plans, reports and task tables real
commune documents print that neither F01-F31, P01-P08 nor N01-N105 have. Made only when named
(``make_corpus.NEW_LAYOUTS``), so no standing figure moves.

- N110 a yearly or six-month report whose narrative counts run **into the thousands, written with a
  dot between the thousands** ("tiếp nhận 1.234 hồ sơ"), each **set against the same period last
  year**: "tăng 152 hồ sơ so với cùng kỳ năm 2023" inside the sentence (odd instances) or "(cùng kỳ
  năm 2023: 1.082 hồ sơ)" after the count (even); the comparison's figure is not a part;
- N111 a report whose counts **run over more than one sentence or paragraph**: the count's sentence
  ending "trong đó:" and each part **a bullet paragraph of its own** "- Trực tuyến: 229 hồ sơ;"
  (odd instances), or the count in one sentence and its parts in the next, "Trong số đó, …" (even);
- N112 a yearly plan whose **targets stand in a table beside last year's results**: "STT | Chỉ tiêu |
  ĐVT | Kết quả năm 2024 | Chỉ tiêu năm 2025" (odd instances: the result first) or the target column
  first and last year's result after it (even); last year's figures are not targets; the tasks as
  numbered paragraphs (P02's);
- N113 a yearly report whose appendix lists **the plan's tasks with what became of each**: "STT |
  Nhiệm vụ | Đơn vị chủ trì | Thời gian hoàn thành | Kết quả thực hiện" with the words "Đã hoàn
  thành", "Đang thực hiện", "Chưa thực hiện" (odd instances), or a mark "x" under one of three
  columns merged under "Kết quả thực hiện" over a two-row header (even); the body counts the tasks
  by their outcome in one sentence ("… có 18 nhiệm vụ, trong đó đã hoàn thành 15 …").

The truth is the generator's, as for every family (tools/CORPUS.md): counts with their parts, targets,
task rows (a column not printed is null), metadata; a count whose printed total is off its parts is
planted as the report families plant it (``count_sum``)."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from corpusgen.common import Built, Instance, docx_pdf, evaluation_year, intro, make_meta, score_built
from corpusgen.document import Document, Header, Landscape, Para, Signature, Table, Title
from corpusgen.families import REPORT_TITLES
from corpusgen.grid import Cell, Grid, GridRow
from corpusgen.new_layouts_t import BULLETS
from corpusgen.plan_families import _paragraph_tasks, _plan_meta, _purpose, _year
from corpusgen.plans import INDICATORS, TARGET_CELL_WORDS, Target, TaskRow, _value, index_criteria, task_rows
from corpusgen.reports import Count, _breakdown, _n, _pct, _split
from corpusgen.scores import Fault
from normalize.numbers import format_vn


def thousands(value: int) -> str:
    """A count as Vietnamese print writes it: a dot between the thousands ("1.234", "12.480")."""
    return f"{value:,}".replace(",", ".")


@dataclass(frozen=True)
class Counted:
    """What a faulty report draws once: which count prints a total off its parts."""

    target: int


def off_total(rng: random.Random, parts: list[int], unit: str, k: int, plan: Counted, faults: list[Fault]) -> int:
    """The printed total of the ``k``-th count: its parts' sum, or off it in the planted one."""
    total = sum(parts)
    if k != plan.target:
        return total
    printed = total + rng.choice((-5, -2, 3, 4, 10))
    faults.append(Fault("count_sum", "counts", None, "value", f"total {printed} {unit} but its parts add to {total}"))
    return printed


def report_meta(inst: Instance, rng: random.Random):
    """A six-month or yearly report's year, period words and metadata (N85's titles)."""
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(REPORT_TITLES))
    return year, period, make_meta(inst, rng, "BC", lines, year)


def report_document(meta, rng: random.Random, year: int, period: str, body: list, tail: tuple = ()) -> Document:
    """A report: header, title, the opening sentence, ``body`` under "I. KẾT QUẢ …", the next period's
    line, the signature, then ``tail`` (an appendix)."""
    return Document(
        meta,
        (
            Header(rng.choice(("table", "tabs"))),
            Title("BÁO CÁO", meta.title_lines),
            intro(meta, rng, year, f"kết quả thực hiện công tác cải cách hành chính {period}"),
            Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
            *body,
            Para("II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI", bold=True),
            Para("Tiếp tục thực hiện có hiệu quả Kế hoạch cải cách hành chính của UBND xã."),
            Signature(rng.choice(("table", "paragraphs"))),
            *tail,
        ),
    )


def counts_built(variant: str, doc: Document, meta, counts: list[Count], faults: list[Fault]) -> Built:
    built = Built(docx_pdf(variant, doc), meta.truth(), commune=meta.place.commune)
    built.counts = [c.truth() for c in counts]
    built.faults = faults
    return built


# --- N110: counts in thousands, set against last year ----------------------------------------------------

# A count: (lead words before the total, unit, range, parts' words); the parts follow "trong đó".
LARGE_COUNTS = (
    ("Bộ phận Một cửa xã tiếp nhận", "hồ sơ", (1100, 6400), ("trực tuyến", "trực tiếp và qua dịch vụ bưu chính")),
    ("UBND xã đã giải quyết", "hồ sơ", (1000, 6000), ("trước hạn", "đúng hạn", "quá hạn")),
    (
        "Thực hiện chứng thực",
        "việc",
        (1200, 9800),
        ("chứng thực bản sao từ bản chính", "chứng thực chữ ký", "chứng thực hợp đồng, giao dịch"),
    ),
    (
        "Công chức Tư pháp - Hộ tịch đã đăng ký hộ tịch cho",
        "trường hợp",
        (1000, 2600),
        ("khai sinh", "khai tử", "kết hôn"),
    ),
)


def compared(rng: random.Random, total: int, unit: str, year: int, inside: bool) -> tuple[str, str]:
    """The count set against last year's same period: (words after the total inside the sentence,
    words in brackets after the total); one of them empty. Their figures are not parts."""
    change = rng.randint(12, max(13, total // 6))
    if inside:
        word = rng.choice(("tăng", "giảm"))
        return f", {word} {thousands(change)} {unit} so với cùng kỳ năm {year - 1}", ""
    prev = total + rng.choice((-1, 1)) * change
    return "", f" (cùng kỳ năm {year - 1}: {thousands(prev)} {unit})"


def large_parts(rng: random.Random, spec: tuple) -> list[int]:
    """Parts as such counts run: files by channel or by timeliness (the last few), else any split."""
    lo, hi = spec[2]
    whole = rng.randint(lo, hi)
    if spec[3][0] == "trước hạn":
        return _breakdown(rng, whole, 3)
    return _split(rng, whole, len(spec[3]))


def thousands_counts(rng: random.Random, year: int, period: str, inside: bool, plan: Counted):
    """Three or four counts in thousands, each set against last year: (sentences, counts, faults)."""
    texts: list[str] = []
    counts: list[Count] = []
    faults: list[Fault] = []
    for k, spec in enumerate(rng.sample(LARGE_COUNTS, rng.randint(3, 4))):
        lead, unit, _, words = spec
        parts = large_parts(rng, spec)
        printed = off_total(rng, parts, unit, k, plan, faults)
        within, after = compared(rng, printed, unit, year, inside)
        said = ", ".join(f"{w} {thousands(p) if p >= 10 else _n(p, rng)} {unit}" for w, p in zip(words, parts))
        opener = f"Trong {period}, " if k == 0 else rng.choice(("", "", f"Lũy kế {period}, "))
        text = f"{opener}{lead} {thousands(printed)} {unit}{after}{within}; trong đó: {said}."
        texts.append(text)
        counts.append(Count(text, printed, tuple(parts), unit))
    return texts, counts, faults


def counts_thousands(inst: Instance) -> Built:
    """A report whose narrative counts are in the thousands, "1.234", each with a comparison with
    last year's same period: "tăng 152 hồ sơ so với cùng kỳ năm 2023" in the sentence (odd
    instances) or "(cùng kỳ năm 2023: 1.082 hồ sơ)" after the total (even); a share after them.
    Truth ``counts`` as F13's (the comparisons and the shares are nothing); a faulty instance prints
    one total off its parts (``count_sum``)."""
    rng = inst.rng()
    inside = inst.index % 2 == 1
    year, period, meta = report_meta(inst, rng)
    plan = Counted(rng.randrange(3) if inst.faulty else -1)
    texts, counts, faults = thousands_counts(rng, year, period, inside, plan)
    body = [Para(t) for t in texts]
    # the files resolved: the one count of files with three parts (early, on time, late)
    done = next((c for c in counts if c.unit == "hồ sơ" and len(c.parts) == 3), None)
    if done is not None:
        share = _pct(done.parts[0] + done.parts[1], sum(done.parts))
        body.append(Para(f"Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn đạt {share}%."))
    doc = report_document(meta, rng, year, period, body)
    return counts_built(
        "thousands-" + ("change-in-sentence" if inside else "last-year-bracketed"), doc, meta, counts, faults
    )


# --- N111: a count's parts in bullets or in the next sentence ---------------------------------------------


def part_bullets(rng: random.Random, spec: tuple, printed: int, parts: list[int]) -> list[str]:
    """The count's sentence ending "trong đó:", then one line per part "- Trực tuyến: 229 hồ sơ;",
    the last closed by a full stop."""
    lead, unit, _, words, _, _ = spec
    figure = _n(printed, rng) if printed < 10 else str(printed)
    head = f"{lead} {figure} {unit}, {rng.choice(('trong đó:', 'cụ thể như sau:', 'bao gồm:'))}"
    marks = rng.choice(("-", "+"))
    lines = [f"{marks} {w[0].upper()}{w[1:]}: {_n(p, rng)} {unit}" for w, p in zip(words, parts)]
    return [head] + [line + (";" if i < len(lines) - 1 else ".") for i, line in enumerate(lines)]


def next_sentence(rng: random.Random, spec: tuple, printed: int, parts: list[int]) -> str:
    """The count in one sentence, its parts in the next: "Tiếp nhận 238 hồ sơ. Trong số đó, có 229
    hồ sơ trực tuyến và 9 hồ sơ trực tiếp và qua bưu chính."."""
    lead, unit, _, words, _, _ = spec
    figure = _n(printed, rng) if printed < 10 else str(printed)
    said = [f"{_n(p, rng)} {unit} {w}" for w, p in zip(words, parts)]
    joined = ", ".join(said[:-1]) + f" và {said[-1]}"
    opener = rng.choice(("Trong số đó, có", "Trong đó:", "Cụ thể:"))
    return f"{lead} {figure} {unit}. {opener} {joined}."


def counts_over_lines(inst: Instance) -> Built:
    """A report whose counts run over more than one line: the count's sentence ending "trong đó:" and
    each part a bullet paragraph of its own (odd instances; truth ``text`` the sentence and its
    bullets joined by single spaces), or the count in one sentence and its parts in the next (even;
    ``text`` both sentences); the share of the files after them a sentence of its own. Counts as
    N85's (files received and resolved, feedback, procedures, propaganda); a faulty instance prints
    one total off its parts (``count_sum``)."""
    rng = inst.rng()
    bullets = inst.index % 2 == 1
    year, period, meta = report_meta(inst, rng)
    specs = rng.sample(BULLETS, rng.randint(3, 4))
    plan = Counted(rng.randrange(len(specs)) if inst.faulty else -1)
    body: list[Para] = [Para(f"Trong {period}, UBND xã đã đạt được một số kết quả cụ thể như sau:")]
    counts: list[Count] = []
    faults: list[Fault] = []
    for k, spec in enumerate(specs):
        lo, hi = spec[2]
        parts = _split(rng, rng.randint(lo, hi), len(spec[3]))
        printed = off_total(rng, parts, spec[1], k, plan, faults)
        if bullets:
            lines = part_bullets(rng, spec, printed, parts)
            body += [Para(line) for line in lines]
            text = " ".join(lines)
        else:
            text = next_sentence(rng, spec, printed, parts)
            body.append(Para(text))
        counts.append(Count(text, printed, tuple(parts), spec[1]))
        if spec[4] and rng.random() < 0.5:
            counted = sum(parts[i] for i in spec[5])
            body.append(Para(f"Tỷ lệ {spec[4]} đạt {_pct(counted, sum(parts))}%."))
    doc = report_document(meta, rng, year, period, body)
    return counts_built("over-lines-" + ("bullets" if bullets else "next-sentence"), doc, meta, counts, faults)


# --- N112: targets in a table beside last year's results -------------------------------------------------


def last_year_result(rng: random.Random, spec: tuple) -> float:
    """Last year's figure of an indicator: near its target range, below it for an "up" figure."""
    _name, unit, (lo, hi), better = spec
    value = _value(rng, lo, hi, unit)
    if unit == "%":
        return round(max(0.0, min(100.0, value - rng.choice((0.0, 2.5, 4.35, 7.0)) * (1 if better == "up" else -1))), 2)
    return value


def targets_beside_results(rng: random.Random, year: int, result_first: bool) -> tuple[Grid, list[Target]]:
    """ "STT | Chỉ tiêu | ĐVT | Kết quả năm Y-1 | Chỉ tiêu năm Y" (``result_first``) or the target
    column before the result; a target cell "≥ 90", "Trên 80", "95"; a result cell a bare figure."""
    specs = rng.sample(INDICATORS, rng.randint(4, 6))
    result_head = rng.choice((f"Kết quả năm {year - 1}", f"Thực hiện năm {year - 1}", f"Ước thực hiện năm {year - 1}"))
    target_head = rng.choice((f"Chỉ tiêu năm {year}", f"Kế hoạch năm {year}", f"Mục tiêu năm {year}"))
    figures = [result_head, target_head] if result_first else [target_head, result_head]
    head = ["STT", rng.choice(("Chỉ tiêu", "Nội dung chỉ tiêu", "Tên chỉ tiêu")), rng.choice(("ĐVT", "Đơn vị tính"))]
    rows = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in head + figures), "header")]
    out: list[Target] = []
    for k, spec in enumerate(specs, start=1):
        name, unit, (lo, hi), better = spec
        cmp = rng.choice((">=", "=", ">") if better == "up" else ("<=", "=", "<"))
        value = _value(rng, lo, hi, unit)
        if cmp == ">" and value >= 100:
            value = float(hi - 5)
        out.append(Target(name, cmp, value, None, unit, year))
        target = Cell(TARGET_CELL_WORDS[cmp] + format_vn(value), 1, None, False, "center")
        result = Cell(format_vn(last_year_result(rng, spec)), 1, None, False, "center")
        cells = [Cell(str(k), 1, None, False, "center"), Cell(name), Cell(unit, 1, None, False, "center")]
        rows.append(GridRow(tuple(cells + ([result, target] if result_first else [target, result]))))
    return Grid((1.2, 7.2, 1.8, 2.9, 2.9), tuple(rows)), out


def plan_targets_table(inst: Instance) -> Built:
    """A yearly plan whose targets stand in a table under "II. MỤC TIÊU, CHỈ TIÊU" beside last year's
    results, the result column first (odd instances) or after the target (even); the tasks as P02's
    numbered paragraphs. Truth ``targets`` the target column (year the plan's; last year's results
    nothing), ``task_rows`` as P02's (``code``, ``criterion_code`` null)."""
    rng = inst.rng("plan")
    result_first = inst.index % 2 == 1
    year = _year(rng)
    meta = _plan_meta(inst, rng, year, (f"Cải cách hành chính năm {year}",))
    grid, targets = targets_beside_results(rng, year, result_first)
    rows = task_rows(rng, year, index_criteria(), sections="arabic")
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "stacked"))),
            Title("KẾ HOẠCH", meta.title_lines),
            *_purpose(),
            Para("II. MỤC TIÊU, CHỈ TIÊU", bold=True),
            Para(f"Phấn đấu năm {year} đạt các chỉ tiêu chủ yếu sau:"),
            Table(grid, font_pt=10),
            Para("III. NHIỆM VỤ CỤ THỂ", bold=True),
            *_paragraph_tasks(rng, rows),
            Para("IV. TỔ CHỨC THỰC HIỆN", bold=True),
            Para("Các bộ phận chuyên môn căn cứ nhiệm vụ được giao tổ chức triển khai thực hiện Kế hoạch này."),
            Signature("table"),
        ),
    )
    built = score_built(meta, docx_pdf("targets-beside-" + ("result-first" if result_first else "target-first"), doc))
    built.targets = [t.truth() for t in targets]
    built.task_rows = [dict(r.truth(), code=None, criterion_code=None) for r in rows]
    return built


# --- N113: the plan's tasks and what became of each -------------------------------------------------------

OUTCOMES = ("Đã hoàn thành", "Đang thực hiện", "Chưa thực hiện")
OUTCOME_HEADS = ("Kết quả thực hiện", "Kết quả", "Tình hình thực hiện")


def outcomes(rng: random.Random, n: int) -> list[int]:
    """Each task's outcome (an index of ``OUTCOMES``): most done, a few under way, one or none not."""
    out = [0 if rng.random() < 0.75 else 1 for _ in range(n)]
    if rng.random() < 0.6:
        out[rng.randrange(n)] = 2
    return out


def status_grid(rows: list[TaskRow], done: list[int], marks: bool, heads: tuple[str, str, str, str, str]) -> Grid:
    """ "STT | task | lead | deadline | outcome" with the outcome's words (not ``marks``), or a mark
    "x" under one of three columns merged under the outcome's head over a two-row header."""
    code, task, lead, when, outcome = heads
    first = (code, task, lead, when)
    header: tuple[GridRow, ...]
    if marks:
        header = (
            GridRow(
                (*(Cell(h, 1, "restart", True, "center") for h in first), Cell(outcome, 3, None, True, "center")),
                "header",
            ),
            GridRow(
                (
                    *(Cell("", 1, "continue", True) for _ in first),
                    *(Cell(o, 1, None, True, "center") for o in OUTCOMES),
                ),
                "header",
            ),
        )
        width = 7
    else:
        header = (GridRow(tuple(Cell(h, 1, None, True, "center") for h in heads), "header"),)
        width = 5
    out = list(header)
    section = None
    for r, k in zip(rows, done):
        if r.section != section:
            section = r.section
            out.append(GridRow((Cell(f"{r.section}. {r.section_title}", width, None, True),)))
        cells = [
            Cell(r.code, 1, None, False, "center"),
            Cell(r.task),
            Cell(r.lead),
            Cell(r.deadline, 1, None, False, "center"),
        ]
        if marks:
            cells += [Cell("x" if k == i else "", 1, None, False, "center") for i in range(3)]
        else:
            cells.append(Cell(OUTCOMES[k], 1, None, False, "center"))
        out.append(GridRow(tuple(cells)))
    widths = (1.2, 8.8, 4.2, 3.2, 2.2, 2.2, 2.2) if marks else (1.2, 9.8, 4.6, 3.6, 4.0)
    return Grid(widths, tuple(out))


TALLY_WORDS = (
    ("đã hoàn thành", "đã hoàn thành"),
    ("đang triển khai thực hiện", "đang thực hiện"),
    ("chưa thực hiện", "chưa thực hiện"),
)


def tally_sentence(rng: random.Random, year: int, printed: int, kinds: list[int], parts: list[int]) -> str:
    """The tasks counted by outcome in one sentence: ``parts`` the counts of the outcomes ``kinds``
    (an outcome no task has is not written: a report does not print "chưa thực hiện 0 nhiệm vụ")."""
    figure = _n(printed, rng) if printed < 10 else str(printed)
    said = [(TALLY_WORDS[k], _n(p, rng)) for k, p in zip(kinds, parts, strict=True)]
    if rng.random() < 0.5:
        items = ", ".join(f"{w[0]} {n} nhiệm vụ" for w, n in said)
        return f"Kế hoạch cải cách hành chính năm {year} của UBND xã đề ra {figure} nhiệm vụ, trong đó {items}."
    items = "; ".join(f"{w[1]}: {n} nhiệm vụ" for w, n in said)
    return f"Tổng số nhiệm vụ cải cách hành chính năm {year} là {figure} nhiệm vụ ({items})."


def report_task_outcomes(inst: Instance) -> Built:
    """A yearly report whose appendix "KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM …"
    (landscape) lists the plan's tasks by section with what became of each: the words "Đã hoàn
    thành" / "Đang thực hiện" / "Chưa thực hiện" in one column (odd instances), or an "x" under one
    of three columns merged under "Kết quả thực hiện" (even); the body counts the tasks by outcome
    in one sentence. Truth ``task_rows`` (``product``, ``coordinator``, ``criterion_code`` null: not
    printed; the outcome nothing) and ``counts`` (the tally: total, then done, under way, not done, an
    outcome no task has left out; a faulty instance prints the total off its parts, ``count_sum``)."""
    rng = inst.rng()
    marks = inst.index % 2 == 0
    year = evaluation_year(inst, rng)
    period = f"năm {year}"
    lines = tuple(x.replace("{period}", period) for x in rng.choice(REPORT_TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    rows = task_rows(rng, year, index_criteria())
    done = outcomes(rng, len(rows))
    tally_of = [(i, done.count(i)) for i in range(3) if done.count(i)]
    parts = [n for _, n in tally_of]
    faults: list[Fault] = []
    printed = off_total(rng, parts, "nhiệm vụ", 0, Counted(0 if inst.faulty else -1), faults)
    tally = tally_sentence(rng, year, printed, [i for i, _ in tally_of], parts)
    heads = (
        rng.choice(("STT", "TT")),
        rng.choice(("Nhiệm vụ", "Nội dung nhiệm vụ", "Tên nhiệm vụ")),
        rng.choice(("Đơn vị chủ trì", "Bộ phận chủ trì", "Chủ trì")),
        rng.choice(("Thời gian hoàn thành", "Thời hạn")),
        rng.choice(OUTCOME_HEADS),
    )
    annex = Title(
        "PHỤ LỤC",
        (f"KẾT QUẢ THỰC HIỆN NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM {year}",),
        f"(Kèm theo Báo cáo số {meta.number} của UBND xã {meta.place.commune})",
    )
    # a row kept whole on its page, as the appendix's rows are short
    table = Table(status_grid(rows, done, marks, heads), repeat_header=True, allow_break=False, font_pt=10)
    body = [
        Para(tally),
        Para("Chi tiết kết quả thực hiện từng nhiệm vụ tại Phụ lục kèm theo Báo cáo này."),
    ]
    doc = report_document(meta, rng, year, period, body, (Landscape(), annex, table))
    built = counts_built(
        "task-outcomes-" + ("marks" if marks else "words"),
        doc,
        meta,
        [Count(tally, printed, tuple(parts), "nhiệm vụ")],
        faults,
    )
    built.task_rows = [dict(r.truth(), product=None, coordinator=None, criterion_code=None) for r in rows]
    return built


NEW_LAYOUT_FAMILIES_ZA: dict[str, Callable[[Instance], Built]] = {
    "N110_counts_thousands": counts_thousands,
    "N111_counts_over_lines": counts_over_lines,
    "N112_plan_targets_table": plan_targets_table,
    "N113_report_task_outcomes": report_task_outcomes,
}
