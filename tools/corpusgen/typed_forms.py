"""Typed score-table layouts real communes use that the first families lack: codes printed by Word's
automatic numbering (in numbering.xml, not in the cells' text), a Decree 30 header in two floating
text boxes, points as fractions in one column ("9/10"), a close with the signer's block alone (no
"Nơi nhận" list), and codes printed after a word ("Lĩnh vực 1", "TC1.1"). Each is a DOCX and the PDF
LibreOffice prints of it; the truth is the generator's rows as for every score family."""

from __future__ import annotations

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
from corpusgen.document import Document, Signature, Table
from corpusgen.grid import ScoreLayout, as_printed, score_grid
from corpusgen.scores import renumber

LABELS = {
    "code": ("STT", "TT", "Số TT"),
    "name": ("Lĩnh vực, tiêu chí", "Nội dung đánh giá", "Tiêu chí, tiêu chí thành phần"),
    "max": ("Điểm tối đa", "Điểm chuẩn"),
    "self": ("Điểm tự đánh giá", "Điểm tự chấm"),
    "explanation": ("Giải trình", "Tài liệu kiểm chứng", "Ghi chú"),
}
TOTAL_LABELS = ("Tổng cộng", "Tổng số điểm", "TỔNG ĐIỂM")
# Word's label patterns per list level: "1." / "1.1." (Word's own multilevel list), no final dot,
# or a dot after the field's number only.
NUMBERING_PATTERNS = (
    ("%1.", "%1.%2.", "%1.%2.%3."),
    ("%1", "%1.%2", "%1.%2.%3"),
    ("%1.", "%1.%2", "%1.%2.%3"),
)
# The fraction column's label, the score first or the maximum first.
FRACTION_LABELS = {
    "self/max": ("Điểm đạt/Điểm tối đa", "Điểm tự chấm/Điểm tối đa", "Tự chấm/Tối đa"),
    "max/self": ("Điểm tối đa/Điểm tự chấm", "Điểm chuẩn/Điểm tự đánh giá"),
}
# Words a code column prints before the code, by depth (field, criterion, sub-criterion).
CODE_WORDS = (
    ("Lĩnh vực ", "Tiêu chí ", "Tiêu chí thành phần "),
    ("LV", "TC", "TCTP"),
    ("Lĩnh vực ", "TC", "TCTP"),
    ("Nội dung ", "Tiêu chí ", "Tiêu chí "),
)


def _labels(rng) -> dict:
    return {k: rng.choice(v) for k, v in LABELS.items()}


def _layout(rng, columns: tuple[str, ...], **kw) -> ScoreLayout:
    kw.setdefault("total", rng.choice(("last", "last", None)))
    return ScoreLayout(columns, kw.pop("labels", None) or _labels(rng), total_label=rng.choice(TOTAL_LABELS), **kw)


def _scored(inst: Instance, keeps: tuple[float, ...] = (0.6, 0.8, 1.0), issuer_style: str | None = None, **content):
    """What every score family draws first: its random source, year, metadata (its issuer printed in
    ``issuer_style``), title and rows."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year, issuer_style)
    return rng, year, meta, title, score_content(inst, rng, year, keep=rng.choice(keeps), **content)


def word_numbering(inst: Instance) -> Built:
    """The codes printed by Word's automatic numbering: the STT column's cells numbered (odd
    instances) or the name's cell numbered with no code column (even instances); a multilevel list
    "1." / "1.1." in one of three label patterns. The codes are numbered in order, as Word counts."""
    rng, year, meta, title, table = _scored(inst, (0.7, 1.0), transform=renumber)
    in_name = inst.index % 2 == 0
    columns = ("name", "max", "self", "explanation") if in_name else ("code", "name", "max", "self", "explanation")
    layout = _layout(rng, columns, numbering="name" if in_name else "code")
    table = as_printed(table, layout)
    grid = Table(score_grid(table, layout), numbering=rng.choice(NUMBERING_PATTERNS))
    doc = Document(meta, standard_blocks(meta, title, grid, rng, year))
    return score_built(meta, docx_pdf("numbered-" + ("names" if in_name else "code-column"), doc), table)


def header_text_boxes(inst: Instance) -> Built:
    """The Decree 30 header typed in two floating text boxes (issuer and number left, motto and
    place-date right), then a ruled score table and the usual close."""
    rng, year, meta, title, table = _scored(inst)
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"))
    table = as_printed(table, layout)
    signature = rng.choice(("table", "paragraphs"))
    blocks = standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year, "boxes", signature)
    return score_built(meta, docx_pdf("header-boxes", Document(meta, blocks)), table)


def fraction_points(inst: Instance) -> Built:
    """The points as fractions in one column ("9/10" under "Điểm đạt/Điểm tối đa"; the maximum first
    under "Điểm tối đa/Điểm tự chấm" in even instances); a score left blank prints "-/3"."""
    rng, year, meta, title, table = _scored(inst)
    order = "self/max" if inst.index % 2 else "max/self"
    labels = {**_labels(rng), "fraction": rng.choice(FRACTION_LABELS[order])}
    layout = _layout(
        rng, ("code", "name", "fraction", "explanation"), labels=labels, fraction_order=order, widths_cm={"name": 9.0}
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("fraction-" + order.replace("/", "-over-"), doc), table)


def signer_alone(inst: Instance) -> Built:
    """A close with the signer's block alone, no "Nơi nhận" list beside it: the block on the right
    half of a borderless table (odd instances) or as indented paragraphs (even instances)."""
    rng, year, meta, title, table = _scored(inst)
    layout = _layout(rng, ("code", "name", "max", "self", "explanation"))
    table = as_printed(table, layout)
    style = "table" if inst.index % 2 else "paragraphs"
    blocks = standard_blocks(
        meta, title, Table(score_grid(table, layout)), rng, year, header=rng.choice(("table", "stacked"))
    )
    blocks = blocks[:-1] + (Signature(style, recipients=False),)
    return score_built(meta, docx_pdf(f"signer-alone-{style}", Document(meta, blocks)), table)


def code_words(inst: Instance) -> Built:
    """Codes printed after a word ("Lĩnh vực 1", "Tiêu chí 1.2", "TC1.1", "TCTP1.1.2"), each
    instance another set of words: in the code column (odd instances), or opening the name's cell
    with no code column ("Tiêu chí 1.1. Kế hoạch …", even instances)."""
    rng, year, meta, title, table = _scored(inst)
    words = CODE_WORDS[(inst.index - 1) % len(CODE_WORDS)]
    labels = {**_labels(rng), "code": rng.choice(("Mã", "STT", "Mã số"))}
    in_name = inst.index % 2 == 0
    layout = _layout(
        rng,
        ("name", "max", "self", "explanation") if in_name else ("code", "name", "max", "self", "explanation"),
        labels=labels,
        code_words=words,
        code_in_name=in_name,
        code_style="dot" if in_name else "plain",
        widths_cm={"name": 9.6, "explanation": 3.6} if in_name else {"code": 2.6, "name": 7.0, "explanation": 3.6},
    )
    table = as_printed(table, layout)
    doc = Document(meta, standard_blocks(meta, title, Table(score_grid(table, layout)), rng, year))
    return score_built(meta, docx_pdf("code-words-" + ("in-names" if in_name else "column"), doc), table)


TYPED_FORM_FAMILIES = {
    "F18_word_numbering": word_numbering,
    "F19_header_text_boxes": header_text_boxes,
    "F20_fraction_points": fraction_points,
    "F23_signer_alone": signer_alone,
    "F24_code_words": code_words,
}
