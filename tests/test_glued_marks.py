"""Rows of a code-less, bulleted table the line reader glued to the row above (``glued_marks``), and
the marks OCR wrapped in specks (``marked_levels.unspecked``), on a real Tesseract dump: seed 20131
d14-i3 (N23's bulleted layout, eng, psm 3, 250 dpi, degraded). Expected codes, names and points are
the generator's truth file stored beside the dump."""

from __future__ import annotations

from pathlib import Path

from rapidfuzz import fuzz

from extract.model import Line
from extract.segment.glued_marks import split_glued_marks
from extract.segment.marked_levels import line_bullet, unspecked
from extract.segment.row_draft import RowDraft
from normalize.text import fold
from tests.corpus_helpers import score_rows_with_truth

DUMP = Path(__file__).parent / "data" / "dumps_glued76" / "s20131-d14-i3-bulleted-eng-psm3-250dpi-degraded.txt"


def test_glued_rows_are_split_off_their_codes_put_back_and_their_lost_points_told():
    # "+ Mitc dé hoan thanh … 2 : 2" and "- Thuc hién ché d6 béo.cdo … dinh 22 “oe" were read as
    # 1.1.1's explanation, the field "X4y dung va té chifc thy hién van ban quy pham ee 55s" and
    # "-| - Ban hanh van ban … caine 2" as 1.5's name: on main 1.1.2, 1.2, 2 and 2.1 were lost
    # untold, every row after numbered a field off (2 "Cải cách thủ tục" for the truth's 3).
    rows, want, out = score_rows_with_truth(DUMP)
    for code in ("1.1.2", "1.2", "2", "2.1", "3", "3.4", "4"):
        assert code in rows, code
        # (the name as OCR and the repair left it: "Mục để hoàn thành …" for "Mức độ hoàn thành …")
        assert fuzz.ratio(fold(rows[code]["name"])[:24], fold(want[code]["name"])[:24]) >= 75, code
    # a row split off a glued line has its figures lost, never guessed: told as unread
    told = " ".join(u["reason"] for u in out["unread"])
    for code in ("1.1.2", "1.2", "2", "2.1"):
        assert rows[code]["max_points"] is None and rows[code]["self_points"] is None
        assert code in told
    # the rows after them keep their own figures under the truth's codes
    assert (rows["3"]["max_points"], rows["3"]["self_points"]) == (want["3"]["max_points"], want["3"]["self_points"])
    assert (rows["4"]["max_points"], rows["4"]["self_points"]) == (want["4"]["max_points"], want["4"]["self_points"])
    assert rows["2.2"]["self_points"] == want["2.2"]["self_points"] == 0.5


def test_a_wavy_dash_is_a_bullet_a_lone_tilde_a_speck():
    # "~ Ra soat, danh gia …" (the dump's 3.4 under "- …" rows): the "~" is the row's dash.
    assert line_bullet("~ Ra soat, danh gia tha tuc hanh chinh ede 3,25") == "-"
    assert unspecked("|~ Ra soat") == "~ Ra soat"
    assert unspecked("~Tat_[Ké hoach") == "Tat_[Ké hoach"


def test_a_row_is_not_split_where_the_line_opens_no_row():
    # an explanation's and a wrapped name's lines inside the row stay the row's
    lines = {
        1: [Line("- Ban hanh ké hoach cai cach hanh chinh nam kip 1 0,25 Quyét dinh s6", 1, 1)],
        2: [Line("thoi Chwa day dt tai ligu kiem ching", 1, 2)],
        3: [Line("- Kiém tra céng tac cai cach hanh chinh 2 2", 1, 3)],
        4: [Line("- Sang kién, gidi phap mdi trong cai cach hanh chinh 2,5 2,5", 1, 4)],
    }
    drafts = [
        RowDraft(name=[("Ban", "Ban"), ("hanh", "hanh"), ("thoi", "thoi")], page=1, line_start=1, line_end=2),
        RowDraft(name=[("Kiém", "Kiém"), ("tra", "tra")], page=1, line_start=3, line_end=3),
        RowDraft(name=[("Sang", "Sang"), ("kién,", "kién,")], page=1, line_start=4, line_end=4),
    ]
    assert split_glued_marks(drafts, lines) == drafts
