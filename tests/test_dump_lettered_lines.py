"""A criterion's lettered items on an OCR dump: each item's figures, whatever line its name wraps to
(issues 11, 14, 16). Seed 13001's D26 i1 (an N70 report: eng, psm 6, 300 dpi;
tests/data/dumps_lettered68 with the generator's truth): the figure cells print a line for the
criterion then a line an item, the names wrap, so on the dump item b)'s figures stand on a)'s
wrapped line ("han 1,5 1,5") and c)'s line prints none. Before, the wrapped line was a row of its
own (criterion 3.3, a phantom), b) went under it and c) had no points; 7.1's wrapped name was
"7.1.1" with a)'s figures. Now the figures go in order to the criterion and its items when the
items' maxima add up to the criterion's (``lettered_lines``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.lettered_lines import lettered_line_items
from extract.segment.row_draft import LineTable, RowDraft

DUMP = next((Path(__file__).parent / "data" / "dumps_lettered68").glob("s13001-*n70*.txt"))


def test_the_items_take_their_figures_in_order():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    text = DUMP.read_text(encoding="utf-8")
    assert "\nhan 1,5 1,5 20/05/2024\n" in text and "\ndong ctia Uy ban nhan dan xa 3 2,5 UBND ngay\n" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    for code in ("3.2", "3.2.a", "3.2.b", "3.2.c", "7.1", "7.1.a", "7.1.b"):
        assert code in rows, code
        for key in ("max_points", "self_points"):
            assert rows[code][key] == printed[code][key], (code, key)
    # no phantom criterion from a wrapped line, nor an item under one
    assert not {"3.3.b", "3.3.c", "7.1.1", "7.1.1.a", "7.1.1.b"} & set(rows)
    assert "3.3" not in rows or rows["3.3"]["max_points"] != 1.5


def _row(code: str | None, line: int, figures: tuple[str, str] | None, name: str) -> RowDraft:
    raws = figures or (None, None)
    words = [(w, w) for w in name.split()]
    return RowDraft(code=code, line_start=line, line_end=line, max_raw=raws[0], self_raw=raws[1], name=words)


def test_the_figures_move_only_where_the_sums_say_so():
    rows = [
        _row("3.2", 1, ("8", "7,25"), "Kết quả"),
        _row("a)", 2, ("5", "4,25"), "Tỷ lệ"),
        _row(None, 3, ("1,5", "1,5"), "hạn"),
        _row("b)", 4, ("1,5", "1,5"), "Xin lỗi"),
        _row("c)", 6, None, "Số hóa"),
        _row("3.4", 8, ("4", "3"), "Rà soát"),
    ]
    read = lettered_line_items(LineTable(rows=rows, pages=[1])).rows
    figures = [("3.2", "8"), ("a)", "5"), ("b)", "1,5"), ("c)", "1,5"), ("3.4", "4")]
    assert [(r.code, r.max_raw) for r in read] == figures
    assert [raw for _, raw in read[1].name] == ["Tỷ", "lệ", "hạn"]
    # items whose maxima do not add up to the criterion's: read as printed
    rows[0] = _row("3.2", 1, ("9", "7,25"), "Kết quả")
    rows[3] = _row("b)", 4, ("1", "1"), "Xin lỗi")
    assert lettered_line_items(LineTable(rows=rows, pages=[1])).rows == rows
    # a figure line below its item's first line (figures centred, another layout): read as printed
    rows = [
        _row("1", 1, ("6", "4"), "Ứng dụng"),
        _row("a)", 2, None, "Tỷ lệ"),
        _row(None, 3, ("3", "2"), "mạng"),
        _row("b)", 4, ("3", "2"), "Chữ ký"),
    ]
    assert lettered_line_items(LineTable(rows=rows, pages=[1])).rows == rows
