"""A table by unit (a row per department or official, a column per indicator, the commune's total
row) read from an OCR dump's lines where its header prints no code (``extract/segment/
stat_flat_lines.py``), and a coded header whose code OCR glued to its label's first word
(``across_line_labels``), issues 11, 16. Real Tesseract dumps of the spent held-out seed 19001 (its
D32 dump of an N94 report, eng psm 3 at 200 dpi; its D21 dump of an N50 report, eng psm 3 at 250
dpi), with the generator's truth beside them (tests/data/dumps_rows76): every expected value below
is the truth file's."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.across_line_labels import header_labels
from extract.segment.stat_across_lines import AcrossLinesSettings

DUMPS = Path(__file__).parent / "data" / "dumps_rows76"
N94_DUMP = DUMPS / "s19001-d32-i1-n94-i1-by-official-flat-eng-psm3-200dpi.txt"
N50_DUMP = DUMPS / "s19001-d21-i1-n50-i1-units-across-total-last-eng-psm3-250dpi.txt"


def _rows(out: dict) -> dict[str, dict]:
    return {r["code"]: r for a in out["statistics"] for r in a["rows"]}


def test_a_flat_table_by_official_gives_the_commune_total_row_its_indicators():
    out, truth = converted_with_truth(N94_DUMP)
    want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
    rows = _rows(out)
    # main b1d58c76: 0 of 5 rows, the annex told unread whole
    assert set(rows) == set(want) == {"1", "2", "2.1", "2.2", "2.3"}
    for code, row in want.items():
        assert rows[code]["value"] == row["value"], code
        assert "units_rows_unread" in rows[code]["flags"]
        assert rows[code]["confidence"] <= AcrossLinesSettings().confidence
    # the tree the officials' own sums draw: on time and late make the resolved files
    assert rows["2.1"]["parent"] == "2" and rows["2.3"]["parent"] == "2"
    assert not any("Công chức" in r["indicator"] for r in rows.values())
    assert not any(u["kind"] == "table" for u in out["unread"])


def test_a_code_glued_to_its_label_still_opens_the_label():
    out, truth = converted_with_truth(N50_DUMP)
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    # main b1d58c76: 0 of 12 rows ("3.1.S6 can" was no code, so 3.2 skipped one and the line was
    # no header)
    assert {code: r["value"] for code, r in _rows(out).items()} == want
    line = "STT Don vi 1. S6 cudc 2. Két qua 2.1. S6 hé 3. S6 can 3.1.S6 can | 3.2. S6 can"
    _, labels = header_labels(line) or ("", [])
    assert [label for _, label in labels][-2:] == ["3.1. S6 can", "3.2. S6 can"]
    # a decimal or a code before a digit or a small letter is no label's code
    assert header_labels("1. Số a 2. Số b 2.5.x 3. Số c") is not None
    assert len(header_labels("1. Số a 2. Số b 2.5.x 3. Số c")[1]) == 3  # type: ignore[index]


def _lines(text: str) -> list[Line]:
    return [Line(t, page=1, number=k) for k, t in enumerate(text.splitlines())]


def flat_table(lines: list[Line]):
    from extract.segment.stat_flat_lines import flat_table as read  # (imported here: the module is new)

    return read(lines)


def test_rows_whose_figures_do_not_add_up_to_the_total_row_are_no_table_by_unit():
    # the N94 dump's header and officials' rows (their figures as printed), under a closing line
    # their figures do not add up to: rows of some other annex that print as many figures
    head = """(Kèm theo Báo cáo số 235/BC-UBND)
Bộ phận, công chức Tiếp Đã giải Đúng Quá hạn | Tỷ lệ đúng
nhận quyết hạn hạn (%)
Công chức Địa chính - 86 85 85 0 100
Xây dựng
Chỉ huy trưởng Ban Chỉ 51 46 43 3 93,48
huy Quân sự
"""
    assert flat_table(_lines(head + "Tổng số 261 248 240 8 96,77")) is None
    table = flat_table(_lines(head + "Tổng số 137 131 128 3 95,62"))  # (86 + 51, 85 + 46, …)
    assert table is not None
    assert table.header == [["Bộ phận, công chức", "Tiếp", "Đã giải", "Đúng", "Quá hạn", "Tỷ lệ đúng"]]
    assert [r.cells[0] for r in table.rows] == [
        "Công chức Địa chính Xây dựng",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        "Tổng số",
    ]


def test_a_total_row_printed_first_takes_the_units_under_it():
    text = """(Kèm theo Báo cáo số 235/BC-UBND)
Bộ phận, công chức Tiếp Đã giải Đúng Quá hạn | Tỷ lệ đúng
nhận quyết hạn hạn (%)
Tổng số 137 131 128 3 97,71
Công chức Địa chính - 86 85 85 0 100
Xây dựng
Chỉ huy trưởng Ban Chỉ 51 46 43 3 93,48
huy Quân sự"""
    table = flat_table(_lines(text))
    assert table is not None and table.header[0][1:3] == ["Tiếp", "Đã giải"]
    assert [r.cells[0] for r in table.rows] == [
        "Công chức Địa chính Xây dựng",
        "Chỉ huy trưởng Ban Chỉ huy Quân sự",
        "Tổng số",
    ]


def test_a_flat_score_table_is_no_table_by_unit():
    # criteria whose points add up to the total row's as units' counts do: the score reader's
    text = """STT Tiêu chí Điểm tối đa Điểm tự chấm Thẩm định
1 Công tác chỉ đạo, điều hành 12 9,75 9
2 Cải cách thể chế 8 5 5
Tổng cộng 20 14,75 14"""
    assert flat_table(_lines(text)) is None


def test_a_unit_whose_closing_bracket_ocr_lost_still_makes_the_units_line():
    # the spent seed 18001's D21 dump of an N50 report (eng psm 3, 200 dpi): "(Ngwaiy (Ngwoiy" for
    # "(Người) (Người)"; main b1d58c76: the units' line not one, the hamlets' rows not taken, 0 of 12
    out, truth = converted_with_truth(DUMPS / "s18001-d21-i1-n50-i1-units-across-total-last-eng-psm3-200dpi.txt")
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert {code: r["value"] for code, r in _rows(out).items()} == want
