"""Rows of OCR dumps whose STT cell OCR lost or garbled (issue 11).

A lone points figure on a line with no code, after a catalogued criterion name's opening and
before the explanation's opening, is the row's one cell (``line_points._named_lone_figure``).
Seed 18001's D02 i1 (ruled, top-aligned, eng, 150 dpi) prints criterion 6 as "Cai cach tai chinh
cong 7 Céng van sé 136/CV-VP ngay" (its code and self cell lost); the generator's truth gives max 7,
no self, explanation "Công văn số 136/CV-VP ngày 26/08/2023". The line reader sees it with its
marks restored, as below. Before, no cell was read (a lone number inside text is no cell unless a
code opens the line).

A row its figures' line opened, its whole name catalogued and no code read, does not take the
code of the next line opening another name. (The rule written for it, ``whole_named_figures``, was
dropped at the merge: seed 003 prints a row's figures line before its code line, and it took those
rows' codes away; the merged line readers read this document right without it.) Seed 20001's D29
i2 (tests/data/dumps_lines78, with the generator's truth): "Cải cách tổ chức bộ máy hành chính (từ
0 đến 11. „5 …" (criterion 4, code lost) then ": 5... | Xây dựng và nâng cao chất lượng đội ngũ
công …" (criterion 5). Before, criterion 4 took code 5 and criterion 5 was lost."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line


def _cells(text: str):
    return read_line(Line(text=text, page=1, number=1), False)


def test_a_lone_figure_after_a_named_opening_is_the_rows_cell():
    cells = _cells("Cải cách tài chính công 7 Công văn số 136/CV-VP ngày")
    assert (cells.max_raw, cells.self_raw) == ("7", None)  # truth: max 7, self none
    assert [text for text, _ in cells.name] == ["Cải", "cách", "tài", "chính", "công"]
    assert [raw for _, raw in cells.explanation][:3] == ["Công", "văn", "số"]


def test_a_lone_figure_in_wrapped_text_or_after_a_year_word_stays_text():
    # (no catalogued name opens the line: a count in a wrapped line; a year's part after "năm")
    assert not _cells("chính quy trong 6 Tháng đầu năm").has_numbers
    assert not _cells("Ban hành kế hoạch cải cách hành chính năm 2 Đã ban hành").has_numbers


DUMP = next((Path(__file__).parent / "data" / "dumps_lines78").glob("s20001-d29-*.txt"))


def test_a_whole_named_figures_row_leaves_the_next_code_alone():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    text = DUMP.read_text(encoding="utf-8")
    assert "Cải cách tổ chức bộ máy hành chính (từ 0 đến 11. „5" in text
    assert ": 5... | Xây dựng và nâng cao chất lượng đội ngũ công" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert rows["4"]["name"].startswith("Cải cách tổ chức bộ máy")
    assert rows["4"]["max_points"] == printed["4"]["max_points"] == 11
    assert rows["5"]["name"].startswith("Xây dựng và nâng cao chất lượng")
    assert rows["5"]["max_points"] == printed["5"]["max_points"] == 16


# Seed 20001's D17 i2 (psm 4, 300 dpi, degraded; with the generator's truth): criterion 7.1's STT
# cell printed "-71 |", the cell's left ruling read as a hyphen glued to its code. Before, the
# line was no row's: its name ran on into criterion 7's, and 7.1 was lost.
RULED = next((Path(__file__).parent / "data" / "dumps_lines78").glob("s20001-d17-*.txt"))


def test_a_hyphen_glued_to_a_ruled_code_is_the_cells_rule():
    assert _cells("-71 | Ứng dụng công nghệ thông tin trong hoạt. 6 Đ.70").code == "71"
    # (a penalty's minus with no ruling bar after it is no code's)
    assert _cells("-1 Trừ điểm do vi phạm 2").code is None
    truth = json.loads(RULED.with_name(RULED.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert "\n-71 | Ứng dụng công nghệ thông tin trong hoạt. 6 Đ.70\n" in RULED.read_text(encoding="utf-8")
    output = result_to_json(convert_file(RULED))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert printed["7.1"]["name"].startswith("Ứng dụng công nghệ thông tin")
    assert rows["7.1"]["name"].startswith("Ứng dụng công nghệ thông tin")
    assert "Ứng dụng" not in rows["7"]["name"]
