"""Rows of an OCR dump whose ruling lines Tesseract read as bars, "| 3. | Caicachthitychanhchinh |
145 |", two such lines in a row under a header of words: a ruled table's dump, not a web portal's
export (a portal prints its header row above its rows, each closed by a bar). Before, the two lines
were taken for a portal table of their own, which no reader read, and left the dump's lines: rows
3 and 4 lost without a word, the totals line garbled under them ("Tong Sai ——SSCS~S~SSiS") not told.

``barred-rows-under-words-psm6.txt`` is a real Tesseract 5 dump (``eng``, ``--psm 6``, 250 dpi) of
an N38 report, seed 19101's D18 i1 (``tools/make_corpus.py --seed 19101 --families D18``). The
values asserted are its truth file's: 3 "Cải cách thủ tục hành chính" max 14,5, 4 "Cải cách tổ
chức bộ máy hành chính" max 11 (their self points, 0 and 11, the dump does not print); the
document's planted fault is its stated total max (85,5 where the rows give 84,5), which the
garbled totals line leaves unchecked: it must be told."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.portal_table import bar_table
from schemas.records import LOST_TOTAL_REASON

DUMP = Path(__file__).parent / "data" / "dumprows74" / "barred-rows-under-words-psm6.txt"


def test_barred_rows_under_a_header_of_words_are_the_dumps_rows():
    out = result_to_json(convert_file(DUMP))
    (table,) = out["score_tables"]
    rows = {r["code"]: r for r in table["rows"]}
    assert (rows["3"]["name"], rows["3"]["max_points"]) == ("Cải cách thủ tục hành chính", 14.5)
    assert (rows["4"]["name"], rows["4"]["max_points"]) == ("Cải cách tổ chức bộ máy hành chính", 11.0)
    assert rows["3"]["self_points"] is None and rows["4"]["self_points"] is None  # not printed: lost, told
    told = [u for u in out["unread"] if u["kind"] == "rows"]
    assert any("points of 3, 4 not read" in u["reason"] for u in told)
    # the garbled totals line is told: the stated total (the planted fault) is no silent check
    assert any(u["reason"] == LOST_TOTAL_REASON for u in told)


def test_a_portal_export_keeps_its_header_row_above_its_rows():
    dump = ["Sé N6oi dung danh gia Diém | Diém tw", "| 3. | Caicachthitychanhchinh | 145 |", "| 4. | Caicdch | 11 ||"]
    assert bar_table(dump, 1) is None
    export = ["TT | Nội dung | Điểm tối đa |", "3. | Cải cách thủ tục hành chính | 14,5 |", "4. | Cải cách | 11 |"]
    found = bar_table(export, 0)
    assert found is not None and len(found[0]) == 3
