"""A sixth batch of held-out typed layouts (N26-N27): forms real commune documents print that neither
F01-F31 nor N01-N25 have. Made only when named (``make_corpus.NEW_LAYOUTS``), so no standing figure
moves; the held-out test of the round after N21-N25 were developed on.

- N26 a score table exported from a provincial CCHC scoring software and printed: "Mã tiêu chí |
  Tên tiêu chí | Điểm chuẩn | Điểm tự đánh giá | Tài liệu kiểm chứng", the codes zero-padded as
  such software keys them ("1.01", "01.01.02"), a running row counter "STT" before them in some,
  the evidence the names of the files uploaded ("15_BC-UBND_16-02-2025.pdf"), the export's stamp
  under the table;
- N27 a statistics annex typed as lines with no table: "1. Số hồ sơ tiếp nhận ........ 12.560 hồ
  sơ", the unit after the figure, the breakdown "2.1." and the items "a)" under their count.

The truth is the generator's rows as for every family (tools/CORPUS.md)."""

from __future__ import annotations

import random
import re
import textwrap
from dataclasses import replace

from corpusgen.common import Built, Instance, docx_pdf, intro, make_meta, score_built, standard_blocks
from corpusgen.document import Document, Header, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, ScoreLayout, as_printed, points, printed_code, score_grid
from corpusgen.new_layouts import TOTAL_LABELS
from corpusgen.new_layouts_e import grouped, scaled
from corpusgen.plans import Statement, index_criteria, statements
from corpusgen.reports import Count, StatRow, _breakdown, statistics
from corpusgen.scores import Fault
from corpusgen.tab_rows import TabLine, TabRows, TabStop
from corpusgen.typed_annexes import _annex_report, _built as annex_built
from corpusgen.typed_forms import _scored
from normalize.numbers import format_vn

# --- N26: a score table exported from a scoring software ------------------------------------------

SOFTWARE_LABELS = {
    "code": ("Mã tiêu chí", "Mã TC", "Mã số"),
    "name": ("Tên tiêu chí", "Tên tiêu chí, tiêu chí thành phần", "Tiêu chí/Tiêu chí thành phần"),
    "max": ("Điểm chuẩn", "Điểm tối đa", "Điểm tối đa (điểm chuẩn)"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm", "Tự đánh giá"),
    "explanation": ("Tài liệu kiểm chứng", "Tệp đính kèm", "File tài liệu kiểm chứng"),
}
COUNTER_LABELS = ("STT", "TT")
SOFTWARE_TOTALS = ("Tổng điểm", "Tổng cộng", "TỔNG ĐIỂM")
SOFTWARE_STAMPS = (
    "Xuất từ Phần mềm chấm điểm cải cách hành chính lúc {time} ngày {date}",
    "Dữ liệu trích xuất từ Hệ thống đánh giá, chấm điểm CCHC ngày {date} {time}",
    "Ngày xuất báo cáo: {date} {time} - Đơn vị: UBND xã {commune}",
)
# A document cited in the evidence ("Báo cáo số 15/BC-UBND ngày 16/2/2025") as the file uploaded for it.
CITED = re.compile(r"số (\d+)/([A-ZĐ]+(?:-[A-ZĐ]+)*) ngày (\d{1,2})/(\d{1,2})/(\d{4})")


def padded(code: str, full: bool) -> str:
    """A code as a scoring software keys it: every part after the first two digits ("1.01",
    "1.01.02"), or every part ("01.01.02", ``full``); a roman part or a letter item as tables print
    it (software keys those as typed)."""
    parts = code.split(".")
    if not all(p.isdigit() for p in parts):
        return printed_code(code, "plain")
    first = f"{int(parts[0]):02d}" if full else parts[0]
    return ".".join([first, *(f"{int(p):02d}" for p in parts[1:])])


def uploaded(explanation: str | None) -> str | None:
    """The evidence as the software lists it: a cited document as the name of its uploaded file
    ("15_BC-UBND_16-02-2025.pdf"); a note with no document ("Không phát sinh") as typed."""
    if explanation is None:
        return None
    found = CITED.search(explanation)
    if found is None:
        return explanation
    number, sign, day, month, year = found.groups()
    return f"{number}_{sign}_{int(day):02d}-{int(month):02d}-{year}.pdf".replace("Đ", "D")


def with_counter(grid: Grid, label: str) -> Grid:
    """The grid with a running row counter first ("1", "2", … down every data row, whatever its
    level), as an export numbers its lines; the total row's label spans it."""
    rows, k = [], 0
    for g in grid.rows:
        if g.kind == "header":
            first = Cell(label, 1, None, True, "center")
        elif g.kind == "data":
            k += 1
            first = Cell(str(k), 1, None, False, "center")
        else:
            head = g.cells[0]
            rows.append(replace(g, cells=(replace(head, span=head.span + 1),) + g.cells[1:]))
            continue
        rows.append(replace(g, cells=(first,) + g.cells))
    return Grid((1.2, *grid.widths_cm), tuple(rows))


def after_table(blocks: tuple, lines: tuple) -> tuple:
    """The document's blocks with ``lines`` just under its (first) table."""
    at = next(k for k, b in enumerate(blocks) if isinstance(b, Table)) + 1
    return blocks[:at] + lines + blocks[at:]


def software_export(inst: Instance) -> Built:
    """A score table as a provincial scoring software exports it: "Mã tiêu chí | Tên tiêu chí |
    Điểm chuẩn | Điểm tự đánh giá | Tài liệu kiểm chứng", codes zero-padded after the field ("1.01",
    "1.01.02") under a running counter "STT" 1, 2, 3 … that is no code (odd instances), or padded
    throughout ("01", "01.01", "01.01.02") with no counter (even); the evidence the names of the
    files uploaded; the total "Tổng điểm" last or none; the export's stamp under the table. Truth:
    the codes normalised ("01.01" is "1.1"), the evidence cell as printed its ``explanation``."""
    rng, year, meta, title, table = _scored(inst)
    counter = inst.index % 2 == 1
    table = replace(table, rows=tuple(replace(r, explanation=uploaded(r.explanation)) for r in table.rows))
    labels = {k: rng.choice(v) for k, v in SOFTWARE_LABELS.items()}
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        widths_cm={"code": 1.7, "name": 6.4, "max": 1.6, "self": 1.7, "explanation": 4.4},
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(SOFTWARE_TOTALS),
        bold_levels=rng.choice((0, 1)),
    )
    table = as_printed(table, layout)
    grid = score_grid(table, layout)
    codes = iter(table.rows)
    rows = tuple(
        replace(g, cells=(replace(g.cells[0], text=padded(next(codes).code, not counter)),) + g.cells[1:])
        if g.kind == "data"
        else g
        for g in grid.rows
    )
    grid = replace(grid, rows=rows)
    if counter:
        grid = with_counter(grid, rng.choice(COUNTER_LABELS))
    stamp = rng.choice(SOFTWARE_STAMPS).format(
        time=f"{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}",
        date=meta.date.strftime("%d/%m/%Y"),
        commune=meta.place.commune,
    )
    blocks = standard_blocks(meta, title, Table(grid), rng, year)
    doc = Document(meta, after_table(blocks, (Para(stamp, italic=True, align="right"),)))
    return score_built(meta, docx_pdf("software-" + ("counter" if counter else "padded"), doc), table)


# --- N27: a statistics annex typed as lines, no table ---------------------------------------------

# Where each part stands: the code and indicator at the margin, the figure at a right stop behind
# its dot leader, the unit at a stop of its own after it; a long indicator broken by hand goes on
# under its text (a hanging indent), the figure after its last line.
STAT_STOPS = (TabStop(14.2, "right", True), TabStop(14.6))
STAT_INDENT_CM = 1.0
STAT_CHARS = 58  # what fits before the figure's stop at 13 pt


def stat_line(row: StatRow, style: str, tabs: bool) -> TabLine:
    """One indicator: "1. Số hồ sơ tiếp nhận ........ 12.560 hồ sơ" — the code ("1.", "2.1.", "a)"
    or the bullet) and the indicator, dots up to the figure, the unit after it in lower case (a
    ratio "96,15 %" prints "%"); a heading with no figure ends with a colon and no dots."""
    code = row.printed if not row.printed[-1:].isdigit() else row.printed + "."
    text = "\n".join(textwrap.wrap(f"{code} {row.indicator}", STAT_CHARS))
    if row.value is None:
        return TabLine(text + ":", True, leaders=False)
    unit = row.unit if row.unit == "%" else row.unit.lower()
    figure = grouped(row.value, style)
    tail = f"\t{figure}\t{unit}" if tabs else f"\t{figure} {unit}"
    return TabLine(text + tail, row.code is not None and "." not in row.code)


def stat_tab_lines(inst: Instance) -> Built:
    """A report whose statistics annex is typed as lines with no table, one indicator a line:
    "1. Số hồ sơ TTHC tiếp nhận trong kỳ ......... 12.560 hồ sơ", the top counts bold, the
    breakdown "2.1." / "a)" under them, the figure behind a dot leader at a right stop and
    its unit after it (at a stop of its own, odd instances, or after one space, even); the files
    of a large commune run into thousands, grouped "12.560". Truth ``value``: the figure; ``unit``
    the indicator's unit (printed in lower case); rows and ``ratio`` faults as F12's."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(4, 6), letters=inst.index % 2 == 0, fault=inst.faulty)
    rows = scaled(rows, rng.choice((1, 1, 9, 17)))
    tabs = inst.index % 2 == 1

    def block_of(year: int, period: str) -> TabRows:
        lines = tuple(stat_line(r, "vi", tabs) for r in rows)
        return TabRows(STAT_STOPS, lines, indent_cm=STAT_INDENT_CM, font_pt=13)

    doc, title = _annex_report(inst, rng, block_of, block=lambda b: b)
    return annex_built(doc, title, rows, faults, "stat-lines-" + ("unit-stop" if tabs else "unit-after"))


# --- N28: bonus and penalty points after the total ------------------------------------------------

ADJUSTED_LABELS = {
    "code": ("STT", "TT"),
    "name": ("Lĩnh vực, tiêu chí", "Nội dung đánh giá", "Tiêu chí, tiêu chí thành phần"),
    "max": ("Điểm tối đa", "Điểm chuẩn"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm"),
    "explanation": ("Ghi chú", "Giải trình", "Tài liệu kiểm chứng"),
}
BONUS_LABELS = ("Điểm thưởng", "Điểm cộng (thưởng)", "Điểm thưởng (sáng kiến, mô hình mới)")
PENALTY_LABELS = ("Điểm trừ", "Điểm bị trừ", "Điểm trừ (vi phạm, chậm báo cáo)")
FINAL_LABELS = ("Tổng điểm sau khi cộng, trừ", "Tổng điểm cuối cùng", "Tổng điểm đạt được (sau khi cộng, trừ)")
BONUS_REASONS = (
    "Có sáng kiến CCHC được UBND huyện công nhận",
    "Mô hình “Một cửa thân thiện” được nhân rộng",
    "Được khen thưởng về công tác CCHC",
)
PENALTY_REASONS = (
    "Chậm gửi báo cáo CCHC quý",
    "Có hồ sơ giải quyết quá hạn chưa xin lỗi",
    "Để xảy ra phản ánh, kiến nghị đúng về TTHC",
)


def adjusted(total: float | None, bonus: float, penalty: float) -> float | None:
    """The total after the bonus is added and the penalty taken (a blank total stays blank)."""
    return None if total is None else round(total + bonus - penalty, 2)


def adjustment_rows(layout: ScoreLayout, total_self: float | None, bonus, penalty, words) -> tuple[GridRow, ...]:
    """The rows under the total: the bonus, the penalty (printed "-1" or "1") and the total after
    them (none where the sum is blank), each its label in the name's cell, the figure in the self
    column, the reason in the note."""
    (bonus_label, bonus_reason), (penalty_label, penalty_reason), (final_label, minus) = words
    lines = (
        (bonus_label, points(bonus), bonus_reason, False),
        (penalty_label, ("-" if minus and penalty else "") + points(penalty), penalty_reason, False),
        (final_label, points(adjusted(total_self, bonus, penalty)), "", True),
    )[: 3 if total_self is not None else 2]  # no total after them where the sum is left blank
    rows = []
    for label, figure, reason, bold in lines:
        text = {"code": "", "name": label, "max": "", "self": figure, "explanation": reason}
        rows.append(
            GridRow(
                tuple(
                    Cell(text[k], 1, None, bold, "left" if k in ("name", "explanation") else "center")
                    for k in layout.columns
                ),
                "total",
            )
        )
    return tuple(rows)


def bonus_penalty(inst: Instance) -> Built:
    """A score table whose total row ("Tổng cộng", the criteria's sum) is followed by the points the
    province adds and takes: "Điểm thưởng", "Điểm trừ" and "Tổng điểm sau khi cộng, trừ" = the sum
    + bonus − penalty, as rows of the table under the total (odd instances) or as lines under the
    table (even). Truth: the criteria only; ``stated_total_*`` the sum's row (the adjusted total is
    no criterion and no sum: a reader must not take it for the stated total)."""
    rng, year, meta, title, table = _scored(inst)
    rows_after = inst.index % 2 == 1
    labels = {k: rng.choice(v) for k, v in ADJUSTED_LABELS.items()}
    layout = ScoreLayout(("code", "name", "max", "self", "explanation"), labels, total_label=rng.choice(TOTAL_LABELS))
    table = as_printed(table, layout)
    bonus = rng.choice((0.5, 1.0, 1.5, 2.0))
    penalty = rng.choice((0.0, 0.5, 1.0, 1.5))
    words = (
        (rng.choice(BONUS_LABELS), rng.choice(BONUS_REASONS)),
        (rng.choice(PENALTY_LABELS), rng.choice(PENALTY_REASONS) if penalty else "Không"),
        (rng.choice(FINAL_LABELS), rng.random() < 0.5),
    )
    grid = score_grid(table, layout)
    if rows_after:
        grid = replace(grid, rows=grid.rows + adjustment_rows(layout, table.total_self, bonus, penalty, words))
        after: tuple = ()
    else:
        final = adjusted(table.total_self, bonus, penalty)
        after = (
            Para(f"- {words[0][0]}: {points(bonus)} điểm ({words[0][1]})."),
            Para(f"- {words[1][0]}: {points(penalty)} điểm" + (f" ({words[1][1]})." if penalty else ".")),
            Para(f"- {words[2][0]}: {points(final)} điểm.", bold=True),
        )[: 3 if final is not None else 2]
    doc = Document(meta, after_table(standard_blocks(meta, title, Table(grid), rng, year), after))
    return score_built(meta, docx_pdf("bonus-penalty-" + ("rows" if rows_after else "lines"), doc), table)


# --- N29: scores in the narrative only, field by field, and counts in other sentence shapes ---------


def share(part: float, whole: float) -> str:
    """A share as reports print it, two decimals at most ("85,71")."""
    return format_vn(round(part / whole * 100, 2)) if whole else "0"


def field_sentence(field: Statement, criteria: list[Statement], k: int, style: int) -> str:
    """A field's result in a sentence: "Lĩnh vực 2 (Cải cách TTHC): tự chấm 12/14 điểm, đạt 85,71%."
    or "2. Cải cách TTHC: tự chấm 12/14 điểm (đạt 85,71%), trong đó: tiêu chí 2.1 (…) đạt 2/2 điểm;
    …" where its criteria are stated too."""
    score = f"{format_vn(field.points)}/{format_vn(field.max_points)} điểm"
    pct = share(field.points, field.max_points)
    if not criteria:
        heads = (
            f"Lĩnh vực {field.code} ({field.name}): tự chấm {score}, đạt {pct}%.",
            f"- {field.name} (lĩnh vực {field.code}): tự chấm được {score}, đạt tỷ lệ {pct}%.",
        )
        return heads[style]
    parts = "; ".join(
        f"tiêu chí {c.code} ({c.name}) đạt {format_vn(c.points)}/{format_vn(c.max_points)} điểm" for c in criteria
    )
    return f"{k}. {field.name} (lĩnh vực {field.code}): tự chấm {score} (đạt {pct}%), trong đó: {parts}."


def shaped_counts(rng: random.Random, fault: bool) -> tuple[list[str], list[Count], list[Fault]]:
    """Counts in sentence shapes the standing reports do not use: "Trong số 412 hồ sơ đã giải
    quyết, có 398 hồ sơ … (chiếm 96,6%), 14 hồ sơ quá hạn"; "… trong số đó có …"; a parenthetical
    breakdown followed by a figure that is no part ("trong số này 15 người có trình độ đại học").
    In a faulty instance one printed total is off its parts."""
    done = rng.randint(180, 900)
    ok, late = _breakdown(rng, done, 2)
    heard = rng.randint(6, 40)
    closed, open_ = _breakdown(rng, heard, 2)
    cadres, civil = rng.randint(8, 12), rng.randint(9, 14)
    degree = rng.randint(5, cadres + civil - 2)
    specs = [
        (
            lambda t: (
                f"Trong số {t} hồ sơ thủ tục hành chính đã giải quyết, có {ok} hồ sơ giải quyết trước và đúng hạn "
                f"(chiếm {share(ok, done)}%), {late} hồ sơ quá hạn (chiếm {share(late, done)}%)."
            ),
            done,
            (ok, late),
            "hồ sơ",
        ),
        (
            lambda t: (
                f"UBND xã tiếp nhận {t} phản ánh, kiến nghị của người dân, trong số đó có {closed} phản ánh đã "
                f"được xử lý xong, {open_} phản ánh đang xem xét, xử lý."
            ),
            heard,
            (closed, open_),
            "phản ánh",
        ),
        (
            lambda t: (
                f"Toàn xã hiện có {t} cán bộ, công chức ({cadres} cán bộ, {civil} công chức), trong số này "
                f"{degree} người có trình độ đại học trở lên."
            ),
            cadres + civil,
            (cadres, civil),
            "người",
        ),
    ]
    wrong = rng.randrange(len(specs)) if fault else -1
    texts, counts, faults = [], [], []
    for i, (text_of, total, parts, unit) in enumerate(specs):
        printed = total + (rng.choice((-3, 2, 5)) if i == wrong else 0)
        if i == wrong:
            note = f"total {printed} {unit} but its parts add to {sum(parts)}"
            faults.append(Fault("count_sum", "counts", None, "value", note))
        text = text_of(str(printed))
        texts.append(text)
        counts.append(Count(text, printed, parts, unit))
    return texts, counts, faults


def narrative_scores(inst: Instance) -> Built:
    """A report whose self-assessed scores are narrative only, no table: each field a sentence
    "Lĩnh vực 2 (Cải cách thủ tục hành chính): tự chấm 12/14 điểm, đạt 85,71%" (odd instances), or
    with its criteria in the same sentence "…, trong đó: tiêu chí 2.1 (…) đạt 2/2 điểm; …" (even);
    the results of the period as counts in other sentence shapes. Truth ``score_statements`` as
    F21's (fields; criteria where stated) and ``counts``; a faulty instance states a field's points
    off its criteria's sum (even) or prints a count's total off its parts (odd)."""
    rng = inst.rng()
    year = rng.choice((2023, 2024, 2025))
    with_criteria = inst.index % 2 == 0
    meta = make_meta(inst, rng, "BC", (f"Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year}",), year)
    pairs, faults = statements(rng, index_criteria(), inst.faulty and with_criteria)
    stated = [st for st, _ in pairs if with_criteria or st.kind == "field"]
    texts, counts, count_faults = shaped_counts(rng, inst.faulty and not with_criteria)
    style = rng.randrange(2)
    fields = [st for st in stated if st.kind == "field"]
    lines = [
        field_sentence(f, [c for c in stated if c.kind == "criterion" and c.code.split(".")[0] == f.code], k, style)
        for k, f in enumerate(fields, start=1)
    ]
    doc = Document(
        meta,
        (
            Header(rng.choice(("table", "stacked"))),
            Title("BÁO CÁO", meta.title_lines),
            intro(meta, rng, year, "kết quả tự đánh giá, chấm điểm"),
            Para("I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH", bold=True),
            *[Para(t) for t in texts],
            Para("II. KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", bold=True),
            Para(rng.choice(("Kết quả tự chấm điểm theo từng lĩnh vực như sau:", "Cụ thể từng lĩnh vực như sau:"))),
            *[Para(t) for t in lines],
            Signature(rng.choice(("table", "paragraphs"))),
        ),
    )
    built = Built(docx_pdf("narrative-" + ("criteria" if with_criteria else "fields"), doc), meta.truth())
    built.commune = meta.place.commune
    built.score_statements = [st.truth() for st in stated]
    built.counts = [c.truth() for c in counts]
    built.faults = faults + count_faults
    return built


NEW_LAYOUT_FAMILIES_F = {
    "N26_software_export": software_export,
    "N27_stat_tab_lines": stat_tab_lines,
    "N28_bonus_penalty": bonus_penalty,
    "N29_narrative_scores": narrative_scores,
}
