"""Rows of OCR dumps whose STT cell OCR garbled (issue 11): a hyphen glued before a code whose
cell a ruling bar closes ("-71 | …") is the cell's left ruling, not part of the code
(``stt_cell.ruled_code_head``). (dumplines78's two other rules, a lone figure after a catalogued
name's opening and a whole-named figures line taking no next code, were taken out at the merge:
they put a row "5" into seed 343's F10 dump, whose part II's rows are II.x, and took the codes of
seed 003's rows, whose figures print before their code line.)"""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line


def _cells(text: str):
    return read_line(Line(text=text, page=1, number=1), False)


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
