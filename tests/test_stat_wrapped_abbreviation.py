"""An annex indicator's words wrapped at an abbreviation ("Số nhiệm vụ trong Kế hoạch" / "CCHC năm")
are wrapped words, not a row OCR garbled (issue 16: no unread entry on a document read whole). The
dump is real Tesseract output (eng, psm 3, 200 dpi, degraded) of the corpus generator (seed 12001,
family D17 of N36) with its truth beside it: every row is read, and before, the lines "_CCHC nam
vu" and "CCHC nam" were told as two lines that could not be read as rows."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_unread import _not_wrapped

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_unread67"
    / "s12001-d17-i3-n36-i3-change-share-of-last-eng-psm3-200dpi-degraded.txt"
)


def test_indicator_words_wrapped_at_an_abbreviation_are_no_rows_lost():
    out, truth = converted_with_truth(DUMP)
    want = {r["code"]: r["indicator"] for r in truth["statistics"][0]["rows"]}
    assert want["5"].endswith("Kế hoạch CCHC năm") and want["5.3"].endswith("Kế hoạch CCHC năm")
    read = {r["code"] for a in out["statistics"] for r in a["rows"]}
    assert set(want) <= read  # every row of the truth read (its figures aside)
    assert not [u for u in out["unread"] if "could not be read as rows" in u["reason"]]
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    assert "_CCHC nam vu" in lines and "CCHC nam" in lines


def test_a_garbled_row_still_is_not_wrapped_words():
    assert _not_wrapped("L Ủ uệm CS CN Qadndsode")  # a row whose code and figure OCR garbled
    assert _not_wrapped("Số hồ sơ tiếp nhận 12")
    assert _not_wrapped("CCHC NĂM")  # capitals only: a title's line, not words going on
    assert not _not_wrapped("_CCHC nam vu")
    assert not _not_wrapped("TTHC cấp xã")
    assert not _not_wrapped("quyết của UBND xã")
