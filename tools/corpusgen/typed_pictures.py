"""A typed report whose score table is a pasted picture of the signed page (issue 16): the report's
header, title and text typed, then "the self-assessment table attached" as a scan or a phone photo
of the printed table, inline in the text or anchored to a paragraph. F30 is the DOCX as sent, F31
the PDF it prints to (the picture on a page with typed text above it). The truth is the pictured
table's rows, as for every score family, and the typed report's metadata."""

from __future__ import annotations

from corpusgen.common import Built, Instance, Output, evaluation_year, score_content, score_meta, score_truth
from corpusgen.document import Document, Header, PagePicture, Para, Signature, Table, Title
from corpusgen.grid import ScoreLayout, as_printed, score_grid
from corpusgen.typed_forms import LABELS, TOTAL_LABELS

CAPTIONS = (
    "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM {year}",
    "KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÁC LĨNH VỰC, TIÊU CHÍ NĂM {year}",
)
LEADS = (
    "Kết quả tự đánh giá, chấm điểm của xã theo Bảng tự chấm điểm kèm theo (bản chụp có chữ ký, đóng dấu):",
    "Chi tiết kết quả tự chấm điểm các lĩnh vực, tiêu chí như sau (bản scan Bảng điểm đã ký):",
)
CLOSINGS = (
    "Trên đây là báo cáo kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {year} của UBND xã {commune}./.",
    "UBND xã {commune} kính báo cáo Phòng Nội vụ huyện xem xét, thẩm định./.",
)


def pictured_table(inst: Instance, fmt: str) -> Built:
    """The report with its score table pasted as a picture. Odd instances: a scan of the table
    cut to its content (a scanner's auto-crop), inline; even ones: the whole signed page, scanned
    or photographed, anchored to its paragraph (F30) or inline (F31: LibreOffice prints both
    alike). The table is short enough on odd instances to share the report's first page."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    meta, title = score_meta(inst, rng, year)
    whole_page = inst.index % 2 == 0
    table = score_content(inst, rng, year, keep=rng.choice((0.5, 0.7, 0.9)) if whole_page else rng.choice((0.4, 0.5)))
    labels = {k: rng.choice(v) for k, v in LABELS.items()}
    layout = ScoreLayout(
        ("code", "name", "max", "self"),
        labels,
        total=rng.choice(("last", "last", None)),
        total_label=rng.choice(TOTAL_LABELS),
        widths_cm={"name": 9.5},
    )
    table = as_printed(table, layout)
    caption = Para(rng.choice(CAPTIONS).format(year=year), bold=True, align="center")
    pictured: tuple = (caption, Table(score_grid(table, layout)))
    shot = "scan"
    if whole_page:
        pictured += (Signature(recipients=False),)
        shot = rng.choice(("scan", "photo"))
    name = f"picture/{inst.family}/{inst.name}/seed{inst.seed}"
    picture = PagePicture(
        Document(meta, pictured),
        name,
        shot=shot,
        cropped=not whole_page,
        anchored=whole_page and fmt == "docx",
        width_cm=rng.choice((15.0, 16.0)),
    )
    lead = Para(rng.choice(LEADS))
    closing = Para(rng.choice(CLOSINGS).format(year=year, commune=meta.place.commune))
    head = (Header(rng.choice(("table", "stacked"))), Title(title.kind_word, title.lines))
    intro = Para(
        f"Thực hiện hướng dẫn của Ủy ban nhân dân huyện, UBND xã {meta.place.commune} báo cáo kết quả tự đánh "
        f"giá, chấm điểm Chỉ số cải cách hành chính năm {year} như sau:"
    )
    doc = Document(meta, head + (intro, lead, picture, closing, Signature()))
    variant = ("page-" + shot if whole_page else "cropped-scan") + ("-anchored" if picture.anchored else "-inline")
    built = Built([Output(variant, fmt, doc)], meta.truth(), commune=meta.place.commune)
    built.score_tables = [score_truth(table)]
    built.faults = list(table.faults)
    return built


TYPED_PICTURE_FAMILIES = {
    "F30_docx_page_picture": lambda inst: pictured_table(inst, "docx"),
    "F31_pdf_page_picture": lambda inst: pictured_table(inst, "pdf"),
}
