"""Annex headers a real Tesseract 5 dump prints that named no form (issue 11), so the whole annex
was lost (rows 0/15):

- a wide form (code, indicator, unit, value, share, note) whose rules OCR read as lone letters
  (``annex71/d16001-n80-share-column-eng-psm3-degraded.txt``, the D28 dump of N80, ``eng``)::

      STE) N6i dung chi tiéu S| DVT | sé lug. ng | T Tyle ol [_Ghi cha

  fifteen words with the specks, past a header line's bound (a sentence's); a lone character is
  no label's word. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import converted_annex
from annex71_data import DATA
from extract.segment.stat_line_header import _header_words

SHARES = DATA / "d16001-n80-share-column-eng-psm3-degraded.txt"


def test_lone_characters_are_no_words_of_a_header_line():
    line = "STE) N6i dung chi tiéu S| DVT | sé lug. ng | T Tyle ol [_Ghi cha"
    assert _header_words(line) == 13
    values = truth_values(SHARES)
    _, rows = converted_annex(SHARES)
    for code in ("2", "2.1", "2.2", "3.1", "3.2", "4", "4.1", "4.3", "4.4", "5"):
        assert rows[code]["value"] == values[code], code
