"""Statistics annexes of English-model OCR dumps whose leaders between an indicator and its unit
came out as letters (issue 11): Tesseract's ``eng`` model reads a dotted or ruled leader as a run
of capital S's ("GiảiquyếtmischanSS~—SCS", "—SsSSCC—S"), glued to the indicator's last word or
after a dash; no Vietnamese word doubles a capital S, so the run ends the indicator. An "@" ending
a word is a letter OCR misread ("Ty 1@": "Tỷ lệ"), not a rule: the indicator goes on after it.
The dumps are written by the tests."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import not_read
from extract.segment.stat_line_cells import _cells
from extract.segment.stat_lines import StatLineSettings

ROWS = """1 | Sécugctuyéntruyen CCHC | Luot | 12 |
2 | Sonhiem vu trong Ke hoach CCHC nam | Nhiem vu | 19 |
2.1 | So nhiem vu da hoan thanh | Nhiem vu | 17 |
2.2 | So nhiem vu chwa hoan thanh | Nhiem vu | 2 |
2.3 | Ty 1@ hoan thanh Ke hoach CCHC nam el te B547 |e
3 | Sond so TTHC da gidiquyét —SSSSSC*
3.1 | GidiquyétmischanSS~—SCS
3.2 | Giaiquyét dung han —SsSSCC—S,CSCG S
4 | Sécinb9, congchitccipxaSS* SCN] tu
"""


def _rows(tmp_path: Path) -> dict[str, dict]:
    dump = tmp_path / "annex-eng-psm6.txt"
    dump.write_text(ANNEX_DUMP_HEAD + ROWS, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    return {r["code"]: r for r in annex["rows"]}


def test_a_leader_read_as_capital_s_ends_the_indicator(tmp_path):
    rows = _rows(tmp_path)
    # The page prints "Giải quyết trước hạn", "Giải quyết đúng hạn", "Số cán bộ, công chức cấp xã":
    # the words OCR kept, without the leader's letters (they were the row's name: the row was
    # found under no name the page prints).
    assert rows["3"]["indicator"] == "Sond số TTHC đã gidiquyét"
    assert rows["3.1"]["indicator"] == "Gidiquyétmischan"
    assert rows["3.2"]["indicator"] == "Giaiquyét đúng hạn"
    assert rows["4"]["indicator"] == "Sécinb9, congchitccipxa"
    # The figures were smeared with the leader: told lost, never read from its letters.
    assert all(rows[c]["value"] is None for c in ("3.1", "3.2", "4"))
    assert "missing_value" in rows["3.1"]["flags"] and "missing_value" in rows["3.2"]["flags"]
    # Rows the leader did not touch are read as printed.
    assert (rows["2.1"]["value"], rows["2.1"]["unit"]) == (17, "Nhiệm vụ")


def test_an_at_sign_ending_a_word_is_a_letter_not_a_rule(tmp_path):
    rows = _rows(tmp_path)
    # "Ty 1@ hoan thanh …": the indicator was cut to "Tỷ 1" at the "@".
    assert rows["2.3"]["indicator"].startswith("Tỷ 1@ hoàn thành Kế hoạch CCHC năm")
    assert not_read(rows["2.3"]) and "missing_value" in rows["2.3"]["flags"]


def test_words_after_a_dash_and_a_capital_s_are_words():
    # "—Số …": a dash before a word that opens with a capital S is no leader.
    cells = _cells("5 | Số văn bản chỉ đạo —Số ban hành | Văn bản | 7 |", set(), StatLineSettings())
    assert cells is not None and cells[1] == "Số văn bản chỉ đạo —Số ban hành" and cells[3] == "7"
    # A lone "@" between spaces is still a rule's speck.
    cells = _cells("6 | Số cuộc kiểm tra @ ngu", set(), StatLineSettings())
    assert cells is not None and cells[1] == "Số cuộc kiểm tra"
