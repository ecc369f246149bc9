"""A score summary printed across (a column per field, a row per kind of points), as a real
Tesseract 5 ``eng`` dump of a degraded scan reads it (issues 11 and 16):
``dumps72/d18101-n88-fields-across-eng-psm3-degraded.txt``, the D30 dump of N88 (seed 18101)::

    Tiéu chi 1. Cong tac 2. Xay 3. Cai cach | 4. Cai cach 5. Xay 6. Cai ani 7. Xay 8. Suhai | Tong cong
    …  (the fields' names wrapped over six lines)
    | Diem tdi da jee 22 8 | 18 Ae Tes os 10 | (Eos: 18 20 99
    | Diém ty cham WS | BS ie as 10 6 ae 19,75 91,5

OCR garbled the points past placing them under their fields, and the table's eight fields (the
truth file's score table) were lost without a word: no score table, no ``unread`` entry. The
summary is told as a table unread, over its header and points lines."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.unread_points_across import UnreadPointsAcrossSettings, _fields_header

DUMP = Path(__file__).parent / "data" / "dumps72" / "d18101-n88-fields-across-eng-psm3-degraded.txt"


def test_a_points_summary_across_not_read_is_told():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    assert [r["code"] for t in truth["score_tables"] for r in t["rows"]] == [str(n) for n in range(1, 9)]
    out = result_to_json(convert_file(DUMP))
    assert not out["score_tables"]
    told = [u for u in out["unread"] if u["kind"] == "table" and "printed across" in u["reason"]]
    assert len(told) == 1
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    # the part runs from the fields' header line to the last points line
    assert lines[told[0]["line_start"] - 1].startswith("Tiéu chi 1. Cong tac")
    assert lines[told[0]["line_end"] - 1].startswith("| Diém ty cham")


def test_a_fields_header_names_its_codes_in_order():
    # seed 18102's D30 dump of N88: its points rows garbled whole ("pitmmidas S| ed i ee"), the
    # header's codes glued to their names; told by the header's "TONG DIEM" alone
    glued = Line(text="Két qua 1. Cong tac | 2.Xaydyng | 3.Caicach | 4. Caicachté | TONG DIEM", page=1, number=10)
    assert _fields_header(glued, UnreadPointsAcrossSettings())
    # a sentence citing two papers' numbers is no header
    cited = Line(text="Theo Quyết định 3. Kế hoạch 12. Công văn 5. Thông báo", page=1, number=1)
    assert not _fields_header(cited, UnreadPointsAcrossSettings())
