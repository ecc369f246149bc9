"""A score table announced ("… báo cáo kết quả tự đánh giá, chấm điểm như sau:") whose header's
words wrap over three lines ("… Điểm Điểm" / "chuẩn | tự đánh chuẩn | tự đánh" / "giá Tiệc giá"):
no line alone names a points column, the lines joined do ("Điểm chuẩn", "Điểm tự đánh giá"). The
table (a score table printed in two halves side by side, four criteria, real Tesseract output of
a generated report, its truth beside it) is read half by half, its garbled totals line told;
before, nothing was read and nothing said."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file

DATA = Path(__file__).parent / "data" / "dumps_told65"


def test_a_header_wrapped_over_lines_names_its_points_columns_and_the_table_is_told():
    path = DATA / "halves_header_wrapped.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: (r["max_points"], r["self_points"]) for r in truth["score_tables"][0]["rows"]}
    assert printed == {"1": (10.0, 9.25), "2": (10.0, 10.0), "3": (14.5, 14.5), "4": (11.0, None)}
    result = convert_file(path)
    read = {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows}
    # Since the two halves side by side are read as such (``score_panels``), every row is read and
    # right; what is told is the totals line OCR garbled ("Tổng cộng - `. 7c"), its stated total
    # unchecked. (Before that reader the table was a region told unread from its header, line 12.)
    assert read == printed
    assert [u.line_start for u in result.unread] == [20]
