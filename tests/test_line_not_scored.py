"""Score tables on OCR lines (issues 11, 14, 16): a self cell that says its criterion was not scored
("KCĐ", "Không chấm", blank beside "Không phát sinh") is a reading wherever its words fall on the
line, or wrapped onto the line below (``extract.segment.line_not_scored``), never "points not read"."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus_helpers import score_rows_with_truth
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_not_scored import not_scored_joined
from extract.segment.points_none import NOT_SCORED, none_said

DUMPS = Path(__file__).parent / "data" / "dumps_not_scored"
# A real Tesseract dump (eng, psm 3, 200 dpi) of dev seed 8281's N34 "not-scored-word" report: its
# field 2 prints "10 KCD | Khong ap dung déi véi" (the self cell's "KCĐ" beside its note).
N34_DUMP = DUMPS / "s8281-d17-i1-n34-i1-not-scored-word-eng-psm3-200dpi.txt"


@pytest.mark.parametrize(
    ("text", "top", "said"),
    [
        ("2. Xay dung va té chirc thc hién van ban 10 KCD | Khong ap dung déi véi", "10", "KCD"),
        ("1.2 | Ban hành văn bản 2 | Không chấm điểm | Không phát sinh trong năm", "2", "Không chấm điểm"),
        # "Không" with its "ô" read "é"
        ("1.3 Kiểm tra công tác CCHC 1,5 Khéng cham Không phát sinh", "1,5", "Khéng cham"),
        # the self cell blank beside its note: the note's words say why
        ("2.1 Rà soát văn bản 2 Không phát sinh, không chấm điểm", "2", "Không phát sinh,"),
    ],
)
def test_not_scored_words_after_the_maximum_are_the_self_cells_reading(text, top, said):
    cells = read_line(Line(text=text, page=1, number=1), False)
    assert (cells.max_raw, cells.self_raw) == (top, said)
    assert none_said(cells.self_raw) == NOT_SCORED
    assert not any(raw == top for _, raw in cells.name)  # the maximum is no word of the name


def test_a_lone_không_before_a_note_saying_why_leaves_the_self_cell_to_its_note():
    # the self cell's "Không chấm" wrapped, its "chấm" lost: the maximum is read, the note says why
    cells = read_line(Line(text="1.2 Xây dựng văn bản 2 Không | Không phát sinh trong năm", page=1, number=1), False)
    assert (cells.max_raw, cells.self_raw) == ("2", None)
    note = " ".join(repaired for repaired, _ in cells.explanation)
    assert note.startswith("Không") and none_said(None, note) == NOT_SCORED


@pytest.mark.parametrize(
    "text",
    [
        # words of a name, no figure before them: the name's
        "1.4 Tỷ lệ hồ sơ không phát sinh trễ hạn 2 2",
        # a figure inside the name then words: a run of two cells after stays the row's cells
        "1.5 Trong 6 tháng không phát sinh khiếu nại 3 3",
    ],
)
def test_not_scored_words_inside_a_name_leave_the_rows_cells_alone(text):
    cells = read_line(Line(text=text, page=1, number=1), False)
    assert (cells.max_raw, cells.self_raw) == tuple(text.split()[-2:])


def test_not_scored_words_wrapped_below_are_put_back_after_the_maximum():
    lines = [
        Line(text="1.2 | Xây dựng văn bản quy phạm 2 Không | Không áp dụng đối", page=1, number=1),
        Line(text="pháp luật tại xã chấm điểm với xã", page=1, number=2),
        Line(text="1.3 | Kiểm tra 1 1 Kế hoạch số 12", page=1, number=3),
    ]
    joined = not_scored_joined(lines)
    assert joined[0].text == "1.2 | Xây dựng văn bản quy phạm 2 Không chấm điểm | Không áp dụng đối"
    assert joined[1].text == "pháp luật tại xã với xã"
    assert joined[2] == lines[2]
    cells = read_line(joined[0], False)
    assert (cells.max_raw, cells.self_raw) == ("2", "Không chấm điểm")


def test_a_chấm_below_a_row_with_its_points_is_left_where_it_is():
    lines = [
        Line(text="1.2 | Xây dựng văn bản 2 2 Không phát sinh", page=1, number=1),
        Line(text="tự đánh giá, chấm điểm đúng hạn", page=1, number=2),
    ]
    assert not_scored_joined(lines) == lines


def test_a_dumped_not_scored_row_reads_as_not_scored_not_lost():
    rows, want, out = score_rows_with_truth(N34_DUMP)
    # "2. Xay dung … van ban 10 KCD | Khong ap dung déi véi" (main 776ab753: no figure read on the
    # line, the maximum taken from the criteria set, the self cell told missing)
    assert rows["2"]["max_points"] == want["2"]["max_points"] == 10
    assert rows["2"]["self_points"] is None and want["2"]["self_points"] is None
    assert "self_not_scored" in rows["2"]["flags"] and "missing_self" not in rows["2"]["flags"]
    # no review entry tells its self points as lost (an OCR line's low confidence may still queue it)
    told = [str(r.get("reasons") or r.get("reason")) for r in out["review"] if r["code"] == "2"]
    assert not any("not read" in t or "missing" in t for t in told)
