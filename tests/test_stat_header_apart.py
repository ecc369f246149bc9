"""An annex header whose labels OCR set apart, a word a line, as a real Tesseract 5 dump gives it
(``annex70/d13001-n55-channels-header-apart-psm3-degraded.txt``: the D22 dump of seed 13001's N55
annex, ``vie``, ``--psm 3``, degraded):

    [ ST Chỉi tiêu [ Đơn vị | Chiara Tổng | Ghi |
    T : tính Qua TạiBộ | cộng chú

"Chỉ tiêu" read "Chỉi tiêu" (the hook of "ỉ" one more "i") and "Ghi chú" a word on each line: the
header named no indicator and no note, no annex was found, and the score reader took the rows
for criteria (the whole annex lost). The hook read as a letter still names the indicator, and the
note's two words, whole, one on a later line than the other, name the note. The values asserted
are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import DATA, converted_annex
from extract.segment.stat_line_header import is_statistics_header

DUMP = DATA / "d13001-n55-channels-header-apart-psm3-degraded.txt"


def test_an_annex_whose_header_labels_ocr_set_apart_is_read_as_one():
    values = truth_values(DUMP)
    out, rows = converted_annex(DUMP)
    codes = ("1", "2", "2.1", "2.2", "3.1", "3.2", "4", "4.1", "4.3", "6", "6.3")
    assert [values[c] for c in codes] == [3.0, 112.0, 79.0, 30.0, 493.0, 46.0, 22.0, 20.0, 90.91, 18.0, 83.33]
    assert [rows[c]["value"] for c in codes] == [values[c] for c in codes]
    assert not out["score_tables"]


def test_a_note_s_words_apart_name_it_and_a_sentence_s_do_not():
    assert is_statistics_header("[ ST Chỉi tiêu [ Đơn vị | Chiara Tổng | Ghi | T : tính Qua TạiBộ | cộng chú")
    assert not is_statistics_header("chú ý ghi lại đơn vị")
