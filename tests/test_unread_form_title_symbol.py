"""A statistics form whose title OCR printed with a symbol for its "S" ("§6 LIEU KET QUA …" for
"SỐ LIỆU KẾT QUẢ …") and whose rows OCR garbled past reading is told, not lost in silence
(issue 16). The dump is real Tesseract output (eng, psm 6, 250 dpi, degraded) of the corpus
generator (seed 12001, family D16 of N33) with its truth beside it: a 24-row annex of which no
row was read."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_unread import is_form_title

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d16-i3-n33-i3-paged-mark-row-eng-psm6-250dpi-degraded.txt"
)


def test_a_form_titled_with_a_symbol_for_its_s_and_no_row_read_is_told():
    out, truth = converted_with_truth(DUMP)
    annex = truth["statistics"][0]
    assert annex["title"] == "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2014"
    assert len(annex["rows"]) == 24
    assert not [r for a in out["statistics"] for r in a["rows"]]
    told = [u for u in out["unread"] if "statistics form" in u["reason"]]
    assert len(told) == 1
    assert "LIỆU KẾT QUẢ THỰC HIỆN" in told[0]["text_sample"]
    assert told[0]["kind"] == "table" and told[0]["line_start"] is not None
    assert any((q.get("item") or "").startswith("/unread/") for q in out["review"])


def test_symbols_ocr_reads_for_an_s_open_a_form_title():
    assert is_form_title(": ~ -.  §6 LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH NAM 2014")
    assert is_form_title("$Ố LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")
    # (a section of a report, "II. SỐ LIỆU …", and a sentence in lower case are no form's title)
    assert not is_form_title("II. §6 LIEU KET QUA THUC HIEN")
    assert not is_form_title("§6 liệu chi tiết tại Phụ lục kèm theo")
