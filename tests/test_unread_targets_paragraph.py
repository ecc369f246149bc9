"""A scanned plan's target sentences that OCR's paragraphs ran together, of which the targets
reader took some, tell the others (issue 16: nothing lost silently). Page 1 of a real scan (seed
12001, S21 of N37, 220 dpi) as Tesseract read it, its lines stored: the objectives heading read
"ILMỤC TIÊU _" ran into the paragraph above it, "II, NHIỆM VỤ …" into the one of three targets;
the generator's truth states four targets, of which two were read. Before, the paragraph the two
came from covered the lines of the lost ones, and the count ("đạt trên 02 cuộc") was no figure a
target states: nothing was told."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_document, result_to_json
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_targets import unread_targets
from ocr_words import recorded_words
from schemas.records import ExtractionResult, SourceInfo, SourceRef, Target

DATA = Path(__file__).parent / "data" / "scans_unread67" / "s12001-s21-i4-n37-page1-lines.json"
# The generator's truth (s21-i4-n37-i4-quarters-units-bracketed.pdf.truth.json): the plan's targets.
TRUTH = {
    2.0: "Số cuộc kiểm tra công tác cải cách hành chính",
    3.0: "Tỷ lệ phản ánh, kiến nghị quá hạn xử lý",
    75.0: "Tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng",
    -2.0: "Tỷ lệ hồ sơ thủ tục hành chính giải quyết quá hạn",
}


def _doc() -> IngestedDocument:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    lines = [
        Line(
            text=ln["text"],
            page=1,
            number=ln["number"],
            bbox=tuple(ln["bbox"]),
            conf=ln["conf"],
            words=recorded_words(ln["words"]),
        )
        for ln in raw["lines"]
    ]
    page = Page(number=1, blocks=list(lines), width=raw["width"], height=raw["height"], method="ocr", dpi=raw["dpi"])
    return IngestedDocument(path="s21-n37.pdf", format="pdf", pages=[page])


def test_target_sentences_a_paragraph_held_beside_the_targets_read_are_told():
    result = ExtractionResult(source=SourceInfo(path="s21-n37.pdf"))
    convert_document(_doc(), result, PipelineOptions())
    out = result_to_json(result)
    read = sorted(t["value"] for t in out["targets"])
    assert read == [2.0, 75.0]  # "dưới 2%" and "ít nhất 75%"; "trên 02 cuộc" and "dưới 3%" lost
    told = [u for u in out["unread"] if "target" in u["reason"]]
    assert len(told) == 1
    assert "đạt trên 02 cuộc" in told[0]["text_sample"] and "dưới 3%" in told[0]["text_sample"]


def _line(number: int, text: str) -> Line:
    return Line(text=text, page=1, number=number, bbox=(100, 100 * number, 900, 100 * number + 40), conf=0.9)


def test_a_paragraph_whose_every_target_was_read_is_not_told():
    lines = [
        _line(1, "KẾ HOẠCH Cải cách hành chính năm 2026"),
        _line(2, "II. MỤC TIÊU"),
        _line(3, "Tỷ lệ hồ sơ đạt ít nhất 75%. Tỷ lệ hồ sơ quá hạn đạt dưới 2%. Số cuộc kiểm tra đạt trên 02 cuộc."),
    ]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(number=1, blocks=list(lines), method="ocr")])
    at = SourceRef(page=1, line_start=3, line_end=3)
    targets = [Target(value=75.0, source=at), Target(value=2.0, source=at)]
    assert unread_targets(doc, lambda line, page: line.number == 3, targets=targets) == []
    told = unread_targets(doc, lambda line, page: line.number == 3, targets=targets[:1])
    assert len(told) == 1 and told[0].line_start == 3
