"""Annex headers a real Tesseract 5 dump prints that named no form (issue 11), so the whole annex
was lost (rows 0/16 and 0/15):

- a count split by channel, the total last (``annex71/d16001-n55-channels-total-last-vie-psm4-
  degraded.txt``, the D22 dump of seed 16001's N55 annex, ``vie``, ``--psm 4``)::

      ST : Chỉtiêu - Đơn vị | Chara | Tốngsố | Ghi
      T : tính Trực Trực chú

  The figure's column is labelled "Tổng số", the total of the channels beside it: it names the
  figure as "Số liệu" does, and the total (last of the row's three figures) is the value.

- a wide form (code, indicator, unit, value, share, note) whose rules OCR read as lone letters
  (``annex71/d16001-n80-share-column-eng-psm3-degraded.txt``, the D28 dump of N80, ``eng``)::

      STE) N6i dung chi tiéu S| DVT | sé lug. ng | T Tyle ol [_Ghi cha

  fifteen words with the specks, past a header line's bound (a sentence's); a lone character is
  no label's word. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import converted_annex
from annex71_data import DATA
from extract.segment.stat_line_header import _header_words, is_statistics_header

CHANNELS = DATA / "d16001-n55-channels-total-last-vie-psm4-degraded.txt"
SHARES = DATA / "d16001-n80-share-column-eng-psm3-degraded.txt"


def test_a_total_label_names_the_figures_column():
    assert is_statistics_header("STT | Chỉ tiêu | Đơn vị tính | Trực tuyến | Trực tiếp | Tổng số | Ghi chú")
    assert is_statistics_header("ST : Chỉtiêu - Đơn vị | Chara | Tốngsố | Ghi")
    # a sentence naming a total, with no unit or code label, names no form
    assert not is_statistics_header("Tổng số chỉ tiêu được giao năm 2024 đã hoàn thành")


def test_rows_of_a_channel_split_annex_read_their_totals():
    values = truth_values(CHANNELS)
    _, rows = converted_annex(CHANNELS)
    right = [c for c, v in values.items() if c in rows and rows[c]["value"] == v]
    # the totals of the rows split by channel, as printed ("Hồ sơ 262 … 341", "41 64 105")
    for code in ("2", "2.2", "3", "3.1", "3.2", "4", "4.1", "4.2", "4.3", "4.4"):
        assert rows[code]["value"] == values[code], code
    assert len(right) >= 12


def test_lone_characters_are_no_words_of_a_header_line():
    line = "STE) N6i dung chi tiéu S| DVT | sé lug. ng | T Tyle ol [_Ghi cha"
    assert _header_words(line) == 13
    values = truth_values(SHARES)
    _, rows = converted_annex(SHARES)
    for code in ("2", "2.1", "2.2", "3.1", "3.2", "4", "4.1", "4.3", "4.4", "5"):
        assert rows[code]["value"] == values[code], code
