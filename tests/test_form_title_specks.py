"""A statistics form's title OCR read with a speck's letters before it ("eS SỐ LIỆU KẾT QUẢ …") and,
from an OCR without Vietnamese marks, a digit for a letter ("S6 LIEU" for "SỐ LIỆU") is still the
form's title: an annex whose every row OCR garbled under it is told unread, not lost without a
word. The dump is real Tesseract (`eng`) output of a generated report whose annex of 28 rows is
printed on landscape pages (tools/make_corpus.py, D16 at a held-out seed), its truth beside it."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.segment.stat_unread import is_form_title

DATA = Path(__file__).parent / "data" / "dumps_told65"


def test_a_form_title_with_specks_and_a_digit_for_a_letter_is_one():
    assert is_form_title("eS S6 LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH NAM 2014")
    assert is_form_title("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")
    # a heading of the report's body and the national motto are no form's title
    assert not is_form_title("I. KET QUA DAT DUOC ; as :")
    assert not is_form_title("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_an_annex_ocr_garbled_under_a_specked_title_is_told_unread():
    path = DATA / "annex_title_specked.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    assert len(truth["statistics"][0]["rows"]) == 28  # the annex printed: 28 rows, none legible
    result = convert_file(path)
    assert not result.statistics  # nothing of it read ...
    told = [p for p in result.unread if p.kind == "table" and "SỐ LIỆU KẾT QUẢ" in p.reason.upper()]
    assert told and told[0].page == 2  # ... and said, on the annex's first page
    assert any(item.item.startswith("/unread/") for item in result.review)
