"""Dev families of score tables printed without borders (columns by alignment only), in shapes the
held-out unruled family does not have: a column-number row under the header, a landscape page, roman
parts restarting their arabic numbering without a)/b) items, an appraised column, narrow name columns
whose names wrap onto several lines. Rules for unruled tables are developed on these."""

from __future__ import annotations

from dataclasses import replace

from corpusgen.common import (
    Built,
    Instance,
    docx_pdf,
    evaluation_year,
    score_built,
    score_content,
    score_meta,
    standard_blocks,
)
from corpusgen.document import Document, Table
from corpusgen.grid import ScoreLayout, score_grid
from corpusgen.scores import Criterion, children_of, is_roman, renumber

LABELS = {
    "code": ("STT", "TT", "Số TT"),
    "name": ("Tiêu chí đánh giá", "Nội dung tiêu chí", "Lĩnh vực/Tiêu chí"),
    "max": ("Điểm tối đa", "Điểm chuẩn"),
    "self": ("Tự chấm", "Điểm tự đánh giá"),
    "appraised": ("Thẩm định", "Điểm thẩm định"),
    "explanation": ("Tài liệu kiểm chứng", "Ghi chú"),
}
TOTAL_LABELS = ("Tổng cộng", "Tổng số điểm")
PART_NAMES = ("CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM", "CÁC NHIỆM VỤ CÒN LẠI")


def _labels(rng) -> dict:
    return {k: rng.choice(v) for k, v in LABELS.items()}


def roman_parts(criteria: list[Criterion], letters: bool = False) -> list[Criterion]:
    """Two roman parts made from the fields (or from a single field's criteria), each part's fields
    numbered from 1 again ("II.1" prints "1."); deeper levels stay decimal ("II.1.2" prints "1.2"),
    or with ``letters`` the deepest level is a)/b) items ("II.1.a" prints "a)")."""
    kids = children_of(criteria)
    tops = kids.get(None, [])
    if len(tops) == 1 and len(kids.get(tops[0].code, [])) >= 2 and not is_roman(tops[0].code):
        criteria = [replace(c, parent=None) if c.parent == tops[0].code else c for c in criteria[1:]]
        kids = children_of(criteria)
        tops = kids.get(None, [])
    if any(is_roman(c.code) for c in tops):
        return renumber(criteria, letters=letters)
    cut = max(1, len(tops) // 2)
    out: list[Criterion] = []
    for name, part, group in ((PART_NAMES[0], "I", tops[:cut]), (PART_NAMES[1], "II", tops[cut:])):
        if not group:
            continue
        out.append(Criterion(part, None, name, sum(c.max_points for c in group)))
        for field_row in group:
            stack = [(field_row, part)]
            while stack:
                c, parent = stack.pop(0)
                out.append(replace(c, parent=parent))
                stack = [(k, c.code) for k in kids.get(c.code, [])] + stack
    return renumber(out, letters=letters)


def f16(inst: Instance) -> Built:
    """Unruled, portrait: a column-number row "(1) (2) …" under the header, the set's own arabic
    numbering (no parts), an appraised column in half the instances, a narrow name column (names
    wrap), the total row last or none; the last instance has a two-level header ("Điểm số" over
    the points columns)."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    appraised = inst.index % 2 == 0
    total = "last" if inst.index != 3 else None
    table = score_content(inst, rng, year, keep=rng.choice((0.8, 1.0)), appraised=appraised, with_total=bool(total))
    columns = ("code", "name", "max", "self") + (("appraised",) if appraised else ()) + ("explanation",)
    layout = ScoreLayout(
        columns,
        _labels(rng),
        number_row=True,
        group_label="Điểm số" if inst.index == 4 else None,
        total=total,
        total_label=rng.choice(TOTAL_LABELS),
        code_style=rng.choice(("dot", "plain")),
        widths_cm={"name": rng.choice((5.2, 6.0)), "explanation": 3.6},
    )
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout), ruled=False), rng, year))
    return score_built(meta, docx_pdf("unruled-number-row", doc), table, appraised=appraised)


def f17(inst: Instance) -> Built:
    """Unruled, landscape: two roman parts whose arabic numbering restarts (I, 1, 1.1, II, 1, 1.1),
    the deepest level as a)/b) items in the last two instances, the explanation column before the
    points in half the instances, the total row first or last."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    letters = inst.index >= 3
    table = score_content(inst, rng, year, keep=1.0, transform=lambda rows: roman_parts(rows, letters))
    before = inst.index % 2 == 1
    columns = (
        ("code", "name", "explanation", "max", "self") if before else ("code", "name", "max", "self", "explanation")
    )
    layout = ScoreLayout(
        columns,
        _labels(rng),
        total="first" if inst.index in (2, 3) else "last",
        total_label=rng.choice(TOTAL_LABELS),
        code_style=rng.choice(("mixed", "dot")),
        widths_cm={"name": 9.5, "explanation": 6.0},
    )
    doc = Document(
        meta, standard_blocks(meta, title, Table(score_grid(table, layout), ruled=False), rng, year), landscape=True
    )
    return score_built(meta, docx_pdf("unruled-landscape", doc), table, appraised=False)
