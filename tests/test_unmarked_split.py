"""A points figure whose decimal comma OCR read as a space ("0,75" printed "0 75"): the line prints
one figure more than the table's points columns, the cells one number later score 75 against a
maximum of 1, and only the pair joined gives every figure a cell within its maximum
(``extract.segment.line_unmarked``). A real Tesseract dump of seed 11191's D02 (vie, 200 dpi,
degraded; tests/data/dumps_unmarked65 with the generator's truth), read end to end (issue 11)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_header import HeaderLayout

DUMP = Path(__file__).parent / "data" / "dumps_unmarked65" / "s11191-d02-i4-ruled-center-vie-200dpi-degraded.txt"
THREE = HeaderLayout(points=("max", "self", "appraised"))
TWO = HeaderLayout(points=("max", "self"))


def _line(text: str, layout: HeaderLayout) -> tuple[str | None, ...]:
    cells = read_line(Line(text=text, page=1, number=1), False, layout)
    return cells.max_raw, cells.self_raw, cells.appraised_raw


def test_a_pair_joined_only_when_the_figures_apart_break_the_maximum():
    # the dump's own line: 1, 1, 0,75 (before: 1, 1, 0 with 75 a reading one number later)
    line = "122 Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn Thông báo số 95/TB-UBND ngày 1 1 0 75"
    assert _line(line, THREE) == ("1", "1", "0,75")
    assert _line("1.3 Kiểm tra công tác CCHC 3 2 0 5", TWO) == ("3", "2", None)  # 2, 0,5 apart hold
    assert _line("1.3 Kiểm tra công tác CCHC 1 0 75", TWO) == ("1", "0,75", None)
    # figures apart that can be the row's cells stay apart: "10 9 5 9" is 9, 5, 9 one number later
    assert _line("2. Xây dựng văn bản 10 9 5 9", THREE) == ("10", "9", "5")


def test_the_dumps_row_reads_its_appraised_score_from_the_split_pair():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert (printed["1.2.2"]["max_points"], printed["1.2.2"]["self_points"]) == (1, 1)
    assert printed["1.2.2"]["appraised_points"] == 0.75
    assert "1 1 0 75" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    row = rows["1.2.2"]
    # before: appraised 0 (its 75 a reading one number later), wrong and doubted
    assert (row["max_points"], row["self_points"], row["appraised_points"]) == (1, 1, 0.75)
