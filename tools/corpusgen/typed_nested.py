"""A score table set inside a layout table, as communes box an annex: a frame of one column (a
caption row, the table's cell, a note row) or a narrow label cell ("Biểu 01") beside the table's
cell. Word keeps the score table nested in the outer cell. DOCX and the PDF LibreOffice prints; the
truth is the generator's rows as for every score family."""

from __future__ import annotations

from corpusgen.common import Built, Instance, Output, evaluation_year, score_content, score_meta, score_truth
from corpusgen.document import Document, Framed, Header, Para, Signature, Table, Title
from corpusgen.grid import ScoreLayout, as_printed, score_grid
from corpusgen.typed_forms import LABELS, TOTAL_LABELS

CAPTIONS = (
    "KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC LĨNH VỰC, TIÊU CHÍ",
    "Bảng điểm tự đánh giá Chỉ số cải cách hành chính",
)
NOTES = (
    "(Điểm tự đánh giá tính đến thời điểm báo cáo)",
    "(Tài liệu kiểm chứng lưu tại Văn phòng HĐND và UBND xã)",
)
LABEL_CELLS = ("Biểu 01", "Mẫu số 01", "Phụ lục")


def nested_tables(inst: Instance) -> Built:
    """The score table inside a cell: a one-column frame with a caption and a note row (odd
    instances, ruled or borderless), or a two-column layout table whose narrow first cell holds
    the form's label (even instances)."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    table = score_content(inst, rng, year, keep=rng.choice((0.6, 0.8, 1.0)))
    labels = {k: rng.choice(v) for k, v in LABELS.items()}
    total = rng.choice(("last", "last", None))
    layout = ScoreLayout(
        ("code", "name", "max", "self", "explanation"),
        labels,
        total=total,
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 6.8, "explanation": 3.6} if inst.index % 2 == 0 else {"name": 7.2, "explanation": 3.8},
    )
    table = as_printed(table, layout)
    inner = Table(score_grid(table, layout))
    if inst.index % 2:
        block = Framed(inner, rng.choice(CAPTIONS), rng.choice(NOTES), ruled=rng.random() < 0.5)
        variant = "frame" if block.ruled else "frame-borderless"
    else:
        block = Framed(inner, label=rng.choice(LABEL_CELLS))
        variant = "label-cell"
    lead = Para(
        f"UBND xã {meta.place.commune} báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm "
        f"{year} như sau:"
    )
    head = (Header(rng.choice(("table", "stacked"))), Title(title.kind_word, title.lines), lead)
    doc = Document(meta, head + (block, Signature()))
    built = Built([Output(variant, "docx", doc), Output(variant, "pdf", doc)], meta.truth(), commune=meta.place.commune)
    built.score_tables = [score_truth(table)]
    built.faults = list(table.faults)
    built.table_marks = (table.rows[0].name, table.rows[-1].name)
    return built


TYPED_NESTED_FAMILIES = {"F25_nested_tables": nested_tables}
