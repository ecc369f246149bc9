"""Typed statistics annexes in forms real reports use that F12 lacks: breakdown items lettered
without a bracket ("a", "b") or bulleted ("-", "+", printing no code of their own) under a coded
row, and an annex with a plan column beside the results ("Kế hoạch" / "Thực hiện": the results are
the figures, the plan a note). A report, then its "Phụ lục 1"; DOCX and the PDF LibreOffice prints."""

from __future__ import annotations

import random
from dataclasses import replace

from corpusgen.common import Built, Instance, Output, annex_title, evaluation_year, make_meta, report_with_annex
from corpusgen.document import Document, Para, Table
from corpusgen.grid import Cell, Grid, GridRow, points
from corpusgen.reports import StatRow, statistics

TITLES = (
    ("Kết quả thực hiện công tác cải cách hành chính {period}",),
    ("Kết quả công tác cải cách hành chính", "{period}"),
)
ANNEX_LABELS = (("STT", "Nội dung", "ĐVT"), ("TT", "Chỉ tiêu", "Đơn vị tính"), ("STT", "Nội dung chỉ tiêu", "ĐVT"))
# A plan column beside the results: the labels as annexes print them (some name both "số lượng").
PLAN_ACTUAL = (
    ("Kế hoạch", "Thực hiện"),
    ("Kế hoạch năm {year}", "Thực hiện {period}"),
    ("Chỉ tiêu kế hoạch", "Kết quả thực hiện"),
    ("Số lượng theo kế hoạch", "Số lượng thực hiện"),
)
# How a breakdown item is marked: a bare letter, or a bullet (no code of its own).
ITEM_MARKS = ("letter", "-", "letter", "+")


def marked_items(rows: list[StatRow], mark: str) -> list[StatRow]:
    """The a)/b) items as the annex prints them: "a", "b" (``mark`` "letter"), or a bullet that
    prints no code (the item's code is then None: an item of the coded row above)."""
    out = []
    for r in rows:
        if r.printed.endswith(")") and r.printed[:-1].isalpha():
            r = replace(r, printed=r.printed[:-1]) if mark == "letter" else replace(r, code=None, printed=mark)
        out.append(r)
    return out


def _plan_of(rng: random.Random, row: StatRow) -> float | None:
    """The plan figure of a row: a target share for a ratio row, a count at or above the result for
    a top count; none for headings and breakdown items."""
    if row.value is None:
        return None
    if row.unit == "%":
        return float(rng.choice((100, 95, 90, 80)))
    if row.code is None or "." in row.code:
        return None
    return float(row.value + rng.randint(0, max(1, int(row.value) // 5)))


def annex_grid(rows: list[StatRow], labels: tuple[str, ...], plans: list[float | None] | None) -> Grid:
    """STT | indicator | unit | [plan] | value | note."""
    widths = (1.2, 7.6, 2.0, 2.0, 2.0, 2.2) if plans is not None else (1.3, 9.0, 2.2, 2.2, 2.3)
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")]
    for k, r in enumerate(rows):
        top = r.code is not None and "." not in r.code
        figures = [] if plans is None else [Cell(points(plans[k]), 1, None, False, "center")]
        figures.append(Cell("" if r.value is None else points(r.value), 1, None, top, "center"))
        cells = (
            Cell(r.printed, 1, None, top, "center"),
            Cell(r.indicator, 1, None, top),
            Cell(r.unit, 1, None, False, "center"),
        )
        out.append(GridRow(cells + tuple(figures) + (Cell(r.note),)))
    return Grid(widths, tuple(out))


# The periods a report covers ("{year}" the evaluation year): six months or the year.
REPORT_PERIODS = ("6 tháng đầu năm {year}", "năm {year}")


def _annex_report(
    inst: Instance, rng: random.Random, grid_of, block=Table, periods: tuple[str, ...] = REPORT_PERIODS
) -> tuple[Document, str]:
    """The report and its annex (``block(grid_of(year, period))`` the annex's table, or whatever
    ``block`` makes of it: lines typed with no table), its period drawn from ``periods``; the
    annex's title."""
    year = evaluation_year(inst, rng)
    period = rng.choice(periods).format(year=year)
    lines = tuple(x.replace("{period}", period) for x in rng.choice(TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    title = f"SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH {period.upper()}"
    annex = annex_title(meta, title)
    body = (
        Para("I. KẾT QUẢ ĐẠT ĐƯỢC", bold=True),
        Para(
            "UBND xã triển khai các nhiệm vụ cải cách hành chính theo kế hoạch; số liệu chi tiết tại Phụ lục kèm theo."
        ),
        Para("II. NHIỆM VỤ TRỌNG TÂM THỜI GIAN TỚI", bold=True),
        Para("Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến."),
    )
    doc = report_with_annex(meta, rng, year, body, ("table", "paragraphs"), annex, block(grid_of(year, period)))
    return doc, title


def _built(doc: Document, annex_title: str, rows, faults, variant: str) -> Built:
    built = Built(
        [Output(variant, "docx", doc), Output(variant, "pdf", doc)], doc.meta.truth(), commune=doc.meta.place.commune
    )
    built.statistics = [{"annex": "1", "title": annex_title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


def annex_items(inst: Instance) -> Built:
    """Every breakdown of two or more items printed as items of its count: bare letters "a", "b"
    (instances 1 and 3) or bullets "-" / "+" printing no code (2 and 4)."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=True, fault=inst.faulty, min_items=2)
    mark = ITEM_MARKS[(inst.index - 1) % len(ITEM_MARKS)]
    rows = marked_items(rows, mark)
    labels = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)] + ("Số liệu", "Ghi chú")
    doc, title = _annex_report(inst, rng, lambda year, period: annex_grid(rows, labels, None))
    return _built(doc, title, rows, faults, "items-" + ("letters" if mark == "letter" else "bullets"))


def annex_plan_actual(inst: Instance) -> Built:
    """A plan column beside the results ("Kế hoạch" / "Thực hiện" and other wordings): a count's plan
    at or above its result, a ratio's a target share, items and headings with no plan."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 2 == 1, fault=inst.faulty)
    plans = [_plan_of(rng, r) for r in rows]
    plan_label, actual_label = PLAN_ACTUAL[(inst.index - 1) % len(PLAN_ACTUAL)]
    head = ANNEX_LABELS[(inst.index - 1) % len(ANNEX_LABELS)]

    def grid_of(year: int, period: str) -> Grid:
        words = (plan_label.format(year=year), actual_label.format(period=period))
        return annex_grid(rows, head + words + ("Ghi chú",), plans)

    doc, title = _annex_report(inst, rng, grid_of)
    return _built(doc, title, rows, faults, "plan-actual")


TYPED_ANNEX_FAMILIES = {
    "F21_annex_items_lettered_bulleted": annex_items,
    "F22_annex_plan_actual": annex_plan_actual,
}
