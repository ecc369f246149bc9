"""A report sent as an official letter (công văn, Decree 30/2020/NĐ-CP form 1.4): the number carries
the issuer's and the drafting office's abbreviations ("Số: 125/UBND-VP", no kind code), the subject
is printed under it ("V/v báo cáo …") in place of a kind word and a title, and "Kính gửi:" names
the recipient(s). The body is a short report: counts in sentences (odd instances) or the self-
assessed score table (even). DOCX and the PDF LibreOffice prints.

Wordings: "V/v báo cáo số liệu cải cách hành chính năm …" and "Kính gửi: – …; – ….", from the
Sơn La Department of Home Affairs' letter 1238 of 8/11/2016 (sonoivu.sonla.gov.vn); the others are
the reports' own titles put after "V/v", as the commune letters cite them."""

from __future__ import annotations

from dataclasses import replace

from corpusgen.common import Built, Instance, Output, evaluation_year, make_meta, score_content, score_truth
from corpusgen.document import Addressee, Document, Header, Para, Signature, Table
from corpusgen.grid import ScoreLayout, as_printed, score_grid
from corpusgen.reports import narrative

# The subject's lines after "V/v" (a long subject wraps; the wrapped line goes on in lower case).
COUNT_SUBJECTS = (
    ("báo cáo kết quả thực hiện công tác cải cách hành chính {period}",),
    ("báo cáo số liệu cải cách hành chính {period}",),
    ("báo cáo kết quả thực hiện nhiệm vụ cải cách", "hành chính {period}"),
)
SCORE_SUBJECTS = (
    ("báo cáo kết quả tự đánh giá, chấm điểm Chỉ số", "cải cách hành chính năm {year}"),
    ("gửi kết quả tự đánh giá, chấm điểm xác định Chỉ số", "cải cách hành chính năm {year}"),
)
# The drafting office after the issuer's abbreviation.
OFFICES = ("VP", "VHXH", "NV", "TP")
CLOSING = ("UBND xã {commune} trân trọng báo cáo./.", "Kính báo cáo./.", "Trân trọng./.")


def _recipients(meta, rng) -> tuple[str, ...]:
    place = meta.place
    upper = f"UBND huyện {place.district}" if place.district else f"UBND tỉnh {place.province}"
    home = f"Phòng Nội vụ huyện {place.district}" if place.district else f"Sở Nội vụ tỉnh {place.province}"
    return rng.choice(((home,), (upper,), (upper, home)))


def official_letter(inst: Instance) -> Built:
    """A commune's report sent as a công văn: number "n/UBND-XX", subject under it, "Kính gửi"."""
    rng = inst.rng()
    year = evaluation_year(inst, rng)
    scores = inst.index % 2 == 0
    period = rng.choice((f"6 tháng đầu năm {year}", f"năm {year}", f"quý III năm {year}"))
    lines = rng.choice(SCORE_SUBJECTS if scores else COUNT_SUBJECTS)
    lines = tuple(x.replace("{period}", period).replace("{year}", str(year)) for x in lines)
    meta = make_meta(inst, rng, "CV", lines, year, rng.choice(("full", "short", "oneline")))
    meta = replace(meta, number=f"{rng.randint(12, 480)}/UBND-{rng.choice(OFFICES)}", subject=True)
    head = (Header(rng.choice(("table", "stacked"))), Addressee(_recipients(meta, rng)))
    closing = Para(rng.choice(CLOSING).format(commune=meta.place.commune))
    built = Built([], meta.truth(), commune=meta.place.commune)
    if scores:
        table = score_content(inst, rng, year, keep=rng.choice((0.6, 0.8)))
        layout = ScoreLayout(("code", "name", "max", "self", "explanation"), total_label="Tổng cộng")
        table = as_printed(table, layout)
        lead = Para(
            f"Thực hiện hướng dẫn của cấp trên về xác định Chỉ số cải cách hành chính năm {year}, UBND xã "
            f"{meta.place.commune} gửi kết quả tự đánh giá, chấm điểm như sau:"
        )
        body: tuple = (lead, Table(score_grid(table, layout)), closing)
        built.score_tables = [score_truth(table)]
        built.faults = list(table.faults)
        built.table_marks = (table.rows[0].name, table.rows[-1].name)
    else:
        paras, counts, faults = narrative(rng, period, inst.faulty)
        lead = Para(
            f"UBND xã {meta.place.commune} báo cáo kết quả thực hiện công tác cải cách hành chính {period} như sau:"
        )
        body = (lead, *(Para(p) for p in paras), closing)
        built.counts = [c.truth() for c in counts]
        built.faults = faults
    doc = Document(meta, head + body + (Signature(rng.choice(("table", "paragraphs"))),))
    variant = "letter-" + ("scores" if scores else "counts")
    built.outputs = [Output(variant, "docx", doc), Output(variant, "pdf", doc)]
    return built


TYPED_LETTER_FAMILIES = {"F26_official_letter": official_letter}
