"""A score table printed in two halves side by side, as a real Tesseract 5 ``vie`` dump reads it
(issue 11): ``dumps72/d18101-n59-halves-at-middle-vie-psm3-degraded.txt``, the D23 dump of N59
(seed 18101)::

    STT -_ Nội dung tiêu chí : Điểm Điểm | STT Nội dung tiêu chí Điểm | Điểm
    1. Công tác chỉ đạo, điều hành cải cách hành chính 10 10 3. Cải cách thủ tục hành chính 14,5 14,5
    —2.. |.Xây dựng và tổ chức thực hiện văn bản quy phạm 10. 10: 4. .| Cải cách tổ chức bộ máy hành chính : 11

Each line holds two rows; read as printed, fields 3 and 4 were the explanations of 1 and 2 and
were lost without a word, and the header's four "Điểm" made an appraisal column every row lost.
The right half's rows are read after the left half's, the header as one half prints it. The
values asserted are the generator's truth file's."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.score_panels import half_cut, halves_unfolded

DUMP = Path(__file__).parent / "data" / "dumps72" / "d18101-n59-halves-at-middle-vie-psm3-degraded.txt"


def test_a_line_of_two_rows_is_cut_at_the_right_half_s_code():
    line = "—2.. |.Xây dựng và tổ chức thực hiện văn bản quy phạm 10. 10: 4. .| Cải cách tổ chức bộ máy hành chính : 11"
    assert line.split()[half_cut(line)] == "4."
    # a row of one half whose explanation cites a dated paper opens no row there
    assert half_cut("1.1 Ban hành kế hoạch CCHC 2 2 Quyết định số 12/QĐ-UBND") is None
    lines = [
        Line(text="STT Nội dung tiêu chí Điểm Điểm | STT Nội dung tiêu chí Điểm | Điểm", page=1, number=1),
        Line(text="1. Công tác chỉ đạo 10 10 3. Cải cách thủ tục hành chính 14,5 14,5", page=1, number=2),
        Line(text="TỔNG ĐIỂM 24,5 24,5", page=1, number=3),
    ]
    texts = [ln.text for ln in halves_unfolded(lines)]
    assert texts == [
        "STT Nội dung tiêu chí Điểm Điểm |",
        "1. Công tác chỉ đạo 10 10",
        "3. Cải cách thủ tục hành chính 14,5 14,5",
        "TỔNG ĐIỂM 24,5 24,5",
    ]


def test_both_halves_rows_are_read():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    out = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert sorted(rows) == sorted(want) == ["1", "2", "3", "4"]
    for code in want:  # (4's self cell is blank in the truth too)
        for field in ("max_points", "self_points"):
            assert rows[code][field] == want[code][field], (code, field)
    assert not any("missing_appraised" in r["flags"] for r in rows.values())
