"""Statistics in two shapes the annex form (F12) lacks, each in a report; DOCX and the PDF
LibreOffice prints.

- **Printed across** (F27): the indicators are the header's columns and one row holds their
  figures; a header cell spanning sub-columns ("Số hồ sơ đã giải quyết" over "Tổng số | Trước hạn |
  Đúng hạn | Quá hạn") is their parent. The table prints no code: the truth codes the columns in
  print order, a spanning parent ``k`` and its sub-columns ``k.1``, ``k.2`` …; a sub-column labelled
  "Tổng số" is the parent's own figure (no row of its own). Column wordings: the one-stop
  statistics of Gia Lai's portal ("Đã tiếp nhận", "Tồn kỳ trước", "Đã xử lý", "Đang xử lý", "Trễ",
  "Sớm", "Chưa đến"; motcua.gialai.gov.vn), Đắk Glong's 2020 figures ("số hồ sơ mới tiếp nhận",
  "từ kỳ trước chuyển qua", "đúng hạn", "quá hạn", "đang giải quyết … chưa đến hạn";
  baodaknong.org.vn) and Lâm Đồng's quarter ("tiếp nhận", "đã giải quyết", "trước hạn", "đúng hạn",
  "quá hạn", "đang giải quyết"; baolamdong.vn); complaints ("tiếp nhận, xử lý phản ánh, kiến nghị":
  Gia Lai's decision 22/2011/QĐ-UBND; "Đã xử lý", "Đang xử lý": its one-stop portal), whose figures
  are one or two digits.
- **No unit column** (F28): "STT | Nội dung | Số liệu | Ghi chú"; the unit in brackets after the
  indicator ("Số cuộc kiểm tra CCHC đã thực hiện (cuộc)", odd instances) or only the counted noun
  the indicator names, a ratio's figure printed with its "%" (even instances)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace

from corpusgen.common import Built, Instance, Output, evaluation_year, make_meta
from corpusgen.document import Document, Header, Para, Signature, Table, Title
from corpusgen.grid import Cell, Grid, GridRow, points
from corpusgen.reports import StatRow, statistics
from corpusgen.typed_annexes import TITLES, _annex_report


@dataclass(frozen=True)
class Column:
    """A figure column of a table printed across, or a spanning parent with ``parts``."""

    label: str
    parts: tuple[str, ...] = ()  # sub-column labels; "Tổng số" first: the parent's own figure
    span: tuple[int, int] = (8, 640)  # the figure's range (a parent's: its total's)


# Column sets (see the module's sources); each instance takes one, in turn.
ACROSS_SHAPES: tuple[tuple[Column, ...], ...] = (
    (
        Column("Tổng số hồ sơ tiếp nhận"),
        Column("Số hồ sơ đã giải quyết", ("Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn")),
        Column("Số hồ sơ đang giải quyết", ("Tổng số", "Chưa đến hạn", "Quá hạn")),
    ),
    (
        Column("Số hồ sơ mới tiếp nhận"),
        Column("Số hồ sơ từ kỳ trước chuyển qua"),
        Column("Đã giải quyết", ("Đúng hạn", "Quá hạn")),
        Column("Đang giải quyết"),
    ),
    (
        Column("Đã tiếp nhận"),
        Column("Tồn kỳ trước"),
        Column("Đã xử lý", ("Tổng số", "Sớm", "Đúng hạn", "Trễ")),
        Column("Đang xử lý", ("Tổng số", "Chưa đến", "Trễ")),
    ),
    (
        Column("Số TTHC thuộc thẩm quyền giải quyết của UBND xã", span=(90, 140)),
        Column("Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", span=(20, 45)),
        Column("Số TTHC cung cấp dịch vụ công trực tuyến một phần", span=(30, 45)),
        Column("Số hồ sơ tiếp nhận trực tuyến", span=(40, 400)),
    ),
    (  # a commune's complaints in a period: figures of one or two digits
        Column("Số phản ánh, kiến nghị tiếp nhận", span=(3, 40)),
        Column("Đã xử lý", ("Tổng số", "Đúng hạn", "Quá hạn"), span=(2, 30)),
        Column("Đang xử lý", span=(0, 9)),
    ),
)
# What the first column holds, if any: (header, cell) — an STT, or the reporting unit.
FIRST_COLUMNS = (None, ("STT", "1"), ("Đơn vị", "UBND xã {commune}"), ("Kỳ báo cáo", "{Period}"))


def _figures(rng: random.Random, shape: tuple[Column, ...]) -> list[list[float]]:
    """Each column's figures: a single column one, a parent its parts' (its total first when it
    prints one). The files a period resolved or holds split as such counts run."""
    out = []
    for col in shape:
        if not col.parts:
            out.append([float(rng.randint(*col.span))])
            continue
        n = len(col.parts) - (1 if col.parts[0] == "Tổng số" else 0)
        total = rng.randint(*col.span)
        late = rng.randint(0, max(1, total // 30))
        first = rng.randint(total // 3, total - late) if n == 3 else total - late
        parts = [first, total - first - late, late] if n == 3 else [total - late, late]
        out.append(([float(total)] if n < len(col.parts) else []) + [float(p) for p in parts])
    return out


def across_grid(shape: tuple[Column, ...], figures: list[list[float]], first: tuple[str, str] | None) -> Grid:
    """Two header rows when a parent spans sub-columns (the others merged down), one otherwise."""
    two = any(col.parts for col in shape)
    lead = [first] if first else []
    top, sub, body = [], [], []
    for head, cell in lead:
        top.append(Cell(head, 1, "restart" if two else None, True, "center"))
        sub.append(Cell("", 1, "continue", True, "center"))
        body.append(Cell(cell, 1, None, False, "center"))
    widths = [2.6 if first and first[0] != "STT" else 1.2] * len(lead)
    for col, values in zip(shape, figures):
        if col.parts:
            top.append(Cell(col.label, len(col.parts), None, True, "center"))
            sub.extend(Cell(p, 1, None, True, "center") for p in col.parts)
        else:
            top.append(Cell(col.label, 1, "restart" if two else None, True, "center"))
            sub.append(Cell("", 1, "continue", True, "center"))
        body.extend(Cell(points(v), 1, None, False, "center") for v in values)
    n = len(body) - len(lead)
    widths += [round((17.0 - sum(widths)) / n, 2)] * n
    rows = [GridRow(tuple(top), "header")] + ([GridRow(tuple(sub), "header")] if two else [])
    return Grid(tuple(widths), tuple(rows + [GridRow(tuple(body))]))


def across_truth(shape: tuple[Column, ...], figures: list[list[float]], unit: str) -> list[dict]:
    """Annex rows in print order: a column ``k``; a parent ``k`` (its "Tổng số" its value, else
    null) and its sub-columns ``k.1`` …"""
    rows = []
    for k, (col, values) in enumerate(zip(shape, figures), start=1):
        if not col.parts:
            rows.append({"code": str(k), "indicator": col.label, "unit": unit, "value": values[0]})
            continue
        own = col.parts[0] == "Tổng số"
        rows.append({"code": str(k), "indicator": col.label, "unit": unit, "value": values[0] if own else None})
        parts = list(zip(col.parts[1:] if own else col.parts, values[1:] if own else values))
        for i, (label, value) in enumerate(parts, start=1):
            rows.append({"code": f"{k}.{i}", "indicator": label, "unit": unit, "value": value})
    return rows


def annex_across(inst: Instance) -> Built:
    """A report whose results section gives the figures as one row under a header of indicators."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}", f"quý III năm {year}"))
    lines = tuple(x.replace("{period}", period) for x in rng.choice(TITLES))
    meta = make_meta(inst, rng, "BC", lines, year)
    shape = ACROSS_SHAPES[(inst.index - 1 + inst.seed) % len(ACROSS_SHAPES)]
    figures = _figures(rng, shape)
    first = rng.choice(FIRST_COLUMNS)
    if first:
        cell = first[1].format(commune=meta.place.commune, Period=period[:1].upper() + period[1:])
        first = (first[0], cell)
    caption = rng.choice(
        (
            f"Kết quả tiếp nhận, giải quyết hồ sơ thủ tục hành chính {period}:",
            "Số liệu cụ thể như sau:",
            f"Bảng tổng hợp kết quả {period}",
        )
    )
    body = (
        Header(rng.choice(("table", "stacked"))),
        Title("BÁO CÁO", meta.title_lines),
        Para("I. KẾT QUẢ THỰC HIỆN", bold=True),
        Para(
            f"UBND xã {meta.place.commune} tiếp tục thực hiện cơ chế một cửa, một cửa liên thông trong giải "
            "quyết thủ tục hành chính."
        ),
        Para(caption, italic=True),
        Table(across_grid(shape, figures, first), font_pt=10.5),
        Para("II. NHIỆM VỤ THỜI GIAN TỚI", bold=True),
        Para("Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến."),
        Signature(rng.choice(("table", "paragraphs"))),
    )
    doc = Document(meta, body)
    unit = "Thủ tục" if "TTHC" in shape[0].label else "Hồ sơ"
    variant = "across-" + ("two-level" if any(c.parts for c in shape) else "one-level")
    built = Built([Output(variant, "docx", doc), Output(variant, "pdf", doc)], meta.truth(), commune=meta.place.commune)
    built.statistics = [{"annex": "1", "title": caption.rstrip(":"), "rows": across_truth(shape, figures, unit)}]
    return built


NO_UNIT_LABELS = (("STT", "Nội dung", "Số liệu", "Ghi chú"), ("TT", "Chỉ tiêu", "Kết quả", "Ghi chú"))


def unit_in_name(rows: list[StatRow], brackets: bool) -> list[StatRow]:
    """The rows as an annex with no unit column prints them: with ``brackets`` the unit after the
    indicator in lower case ("(cuộc)", "(%)"); without, the indicator alone (its counted noun)."""
    if not brackets:
        return rows
    return [replace(r, indicator=f"{r.indicator} ({r.unit.lower()})") if r.unit else r for r in rows]


def no_unit_grid(rows: list[StatRow], labels: tuple[str, ...], percent_sign: bool) -> Grid:
    """STT | indicator | value | note; a ratio's value "95,5%" with ``percent_sign``."""
    out = [GridRow(tuple(Cell(h, 1, None, True, "center") for h in labels), "header")]
    for r in rows:
        top = r.code is not None and "." not in r.code
        value = "" if r.value is None else points(r.value) + ("%" if percent_sign and r.unit == "%" else "")
        cells = (
            Cell(r.printed, 1, None, top, "center"),
            Cell(r.indicator, 1, None, top),
            Cell(value, 1, None, top, "center"),
            Cell(r.note),
        )
        out.append(GridRow(cells))
    return Grid((1.3, 10.4, 2.6, 2.7), tuple(out))


def annex_no_unit(inst: Instance) -> Built:
    """A report and its annex printed without a unit column."""
    rng = inst.rng()
    rows, faults = statistics(rng, rng.randint(3, 5), letters=inst.index % 3 == 1, fault=inst.faulty)
    brackets = inst.index % 2 == 1
    rows = unit_in_name(rows, brackets)
    labels = NO_UNIT_LABELS[(inst.index - 1) // 2 % len(NO_UNIT_LABELS)]
    doc, title = _annex_report(inst, rng, lambda year, period: no_unit_grid(rows, labels, not brackets))
    built = Built(
        [Output(v, f, doc) for v, f in (("no-unit-column", "docx"), ("no-unit-column", "pdf"))],
        doc.meta.truth(),
        commune=doc.meta.place.commune,
    )
    built.statistics = [{"annex": "1", "title": title, "rows": [r.truth() for r in rows]}]
    built.faults = faults
    return built


TYPED_ANNEX_SHAPE_FAMILIES = {"F27_annex_across": annex_across, "F28_annex_no_unit_column": annex_no_unit}
