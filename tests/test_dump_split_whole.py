"""A whole points figure OCR split with a space ("16" printed "1 6"): the line prints one figure
more than the table's points columns, the cells one number later put a score above the maximum,
no comma's pair joins, and only the two digits joined give every figure a cell within its maximum
(``extract.segment.line_unmarked``). A real Tesseract dump of seed 13001's D05 i3 (eng, 250 dpi,
degraded; tests/data/dumps_split68 with the generator's truth), read end to end (issues 11, 14)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_header import HeaderLayout

DUMP = Path(__file__).parent / "data" / "dumps_split68" / "s13001-d05-i3-ruled-center-eng-250dpi-degraded.txt"
THREE = HeaderLayout(points=("max", "self", "appraised"))


def _line(text: str) -> tuple[tuple[str | None, ...], str]:
    cells = read_line(Line(text=text, page=1, number=1), False, THREE)
    return (cells.max_raw, cells.self_raw, cells.appraised_raw), " ".join(raw for _, raw in cells.explanation)


def test_two_digits_joined_only_when_apart_they_break_the_maximum():
    line = "5 Xay dung va nang cao chat lugng doi nga cong chifc, 1 6 15.5 15.5 | Ké hoach s6.188/KH-UBND ngay"
    figures, explanation = _line(line)
    assert figures == ("16", "15.5", "15.5")  # before: 1, 6, 15.5 (self above the maximum)
    assert not explanation.startswith("15.5")  # the pair's last figure is the row's, no explanation
    # figures apart that can be the row's cells stay apart: 10, 1, 0 hold
    assert _line("1 Công tác chỉ đạo 10 10 1 0")[0] == ("10", "10", "1")
    # a comma lost is joined first, as before ("1 1 0 75": 0,75, not 10 and 75)
    assert _line("1.2.2 Tất cả báo cáo 1 1 0 75")[0] == ("1", "1", "0,75")


def test_the_dumps_row_reads_its_split_maximum():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert [printed["5"][k] for k in ("max_points", "self_points", "appraised_points")] == [16, 15.5, 15.5]
    assert "chifc, 1 6 15.5 15.5 |" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    # before: 1, 6, 15,5, and two false alarms (self and appraisal above a maximum of 1)
    assert [rows["5"][k] for k in ("max_points", "self_points", "appraised_points")] == [16, 15.5, 15.5]
    assert not any(c.get("kind") == "self_le_max" and c.get("status") == "mismatch" for c in output["checks"])
