"""A typed annex whose word processor left an empty page before its landscape section (generated
N50 PDF, corpus seed 12001: page 2 holds no character, picture or stroke). It was rendered, OCR'd
and told "no text on this page: blank, or OCR found nothing readable" beside a document read
whole. Nothing is printed on it: it is told as a blank page for certain, without OCR. Expected
values from the generator's truth file."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.unread_pages import BLANK_PAGE

DATA = Path(__file__).parent / "data" / "annex_blank_page_between.pdf"

TRUTH = [
    ("1", 26.0),
    ("2", None),
    ("2.1", 106.0),
    ("2.1.a", 91.0),
    ("2.1.b", 13.0),
    ("2.1.c", 2.0),
    ("2.2", 85.85),
    ("3", 25.0),
    ("3.1", 21.0),
    ("3.2", 4.0),
    ("3.3", 76.75),
    ("4", 3.0),
]


def test_an_empty_pdf_page_is_told_blank_for_certain_not_ocrd():
    out = result_to_json(convert_file(DATA))
    assert [(u["page"], u["kind"], u["reason"]) for u in out["unread"]] == [(2, "page", BLANK_PAGE)]
    assert out["source"]["read_by_ocr"] is False
    assert any("page 2: blank" in e["message"] for e in out["errors"])
    assert [(r["code"], r["value"]) for s in out["statistics"] for r in s["rows"]] == TRUTH
