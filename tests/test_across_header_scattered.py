"""An annex turned over whose header OCR bent (``extract/segment/across_line_labels.py``,
``across_line_headings.py``; issues 11, 16), on real Tesseract dumps (eng, psm 3) of N50 reports
with the generator's truth (tests/data/dumps_rows64): spent held-out seed 9001 (a lettered group
"a) b) c)", a parent's code glued to its word "2.86", a group heading with no figure in the total
row, units OCR printed with a digit "(H6 so)"), dev seed 9251 (labels lifted onto lines of their
own above the header line) and dev seed 10171 (the units' line garbled a unit three ways)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.across_line_headings import blank_headings
from extract.segment.across_line_labels import code_text, header_labels, merged
from extract.segment.across_line_units import mended_units
from extract.segment.stat_across_units import unit_row_apart

DUMPS = Path(__file__).parent / "data" / "dumps_rows64"
LETTERED = DUMPS / "s9001-d21-i1-n50-i1-units-across-total-last-eng-psm3-200dpi.txt"
LIFTED = DUMPS / "s9251-d21-i1-n50-i1-units-across-total-last-eng-psm3-250dpi.txt"
MENDED = DUMPS / "s10171-d21-i1-n50-i1-units-across-total-last-eng-psm4-200dpi.txt"


def _rows_and_truth(path: Path) -> tuple[dict, dict, dict]:
    out, truth = converted_with_truth(path)
    want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
    rows = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    return rows, want, out


def test_a_lettered_group_and_its_blank_heading_get_their_figures():
    rows, want, out = _rows_and_truth(LETTERED)
    # main 707ccdb3: 0 of 12 rows (the total row's 11 figures against 12 codes)
    assert set(rows) == set(want)
    for code, row in want.items():
        assert rows[code]["value"] == row["value"], code
        assert "units_rows_unread" in rows[code]["flags"]
    assert rows["3"]["value"] is None  # the group's heading: blank, its items 3.1, 3.2 under it
    assert rows["3.1.b"]["parent"] == "3.1" and rows["2.1"]["parent"] == "2"
    assert rows["3.2"]["unit"] == "%"
    # the planted fault: 2.3 prints 93,05 % where its counts give 96,55 %; told, and queued (the
    # rows were read from an inferred layout, so it may be ours: "misread")
    assert any(c["code"] == "2.3" and c["status"] in ("mismatch", "misread") for c in out["checks"])
    assert any(r["code"] == "2.3" and r["field"] == "value" for r in out["review"])


def test_labels_lifted_above_the_header_line_are_put_back_in_code_order():
    rows, want, _ = _rows_and_truth(LIFTED)
    # main 707ccdb3: 0 of 6 (the header line prints 1., 2., 2.1. only; 2.2., 2.3., 3. above it)
    assert set(rows) == set(want)
    for code, row in want.items():
        assert rows[code]["value"] == row["value"], code


def test_header_labels_read_letters_and_a_glued_parent():
    found = header_labels("STT Đơn vị 1. Số văn 2.86 2.1. Số 2.2. Số 3. Kết 3.1. Số a) Giải b) Giải 3.2. Tỷ lệ")
    assert found is not None
    stub, labels = found
    assert stub == "STT Đơn vị"
    assert [code_text(k) for k, _ in labels] == ["1", "2", "2.1", "2.2", "3", "3.1", "3.1.a", "3.1.b", "3.2"]
    assert labels[1][1] == "2. 86"
    # a letter out of turn, or a glued token that is no missing parent, leaves the line no header
    assert header_labels("1. Số a 2. Số b a) Giải c) Giải 3. Số") is None
    assert header_labels("1. Số a 1.86 2.1. Số b 2.2. Số c") is None


def test_merged_labels_keep_code_order_and_refuse_a_repeat():
    head = header_labels("STT Thôn 1. Số văn 2. Số nhiệm 2.1. Số đã")
    assert head is not None
    above = [((2, 2), "2.2. Số chưa"), ((3,), "3. Số cuộc")]
    assert [t for _, t in merged(head[1], above) or []][3:] == ["2.2. Số chưa", "3. Số cuộc"]
    assert merged(head[1], [((2, 1), "2.1. Số")]) is None
    assert merged(head[1], [((4,), "4. Số")]) is None  # 3 skipped


def test_a_blank_heading_is_chosen_by_the_groups_that_add_up():
    codes = ["1", "2", "2.1", "2.2", "3", "3.1", "3.2"]
    labels = ["1. Số", "2. Số", "2.1. Số", "2.2. Số", "3. Kết quả", "3.1. Số", "3.2. Số"]
    # 3 blank: 2 = 2.1 + 2.2 (10 = 7 + 3); 2 blank would leave nothing adding up
    assert blank_headings(codes, labels, ["4", "10", "7", "3", "5", "6"], None) == frozenset({4})
    # no sum tells which heading is blank: not read
    assert blank_headings(codes, labels, ["4", "10", "8", "3", "5", "6"], None) is None
    assert blank_headings(codes, labels, ["1"] * 7, None) == frozenset()


def test_a_unit_with_a_digit_ocr_misread_is_still_a_unit_but_a_column_number_is_not():
    header = [["STT", "Đơn vị", "1. Số", "2. Số"], ["", "", "(H6 so)", "(%)"]]
    assert unit_row_apart(header)[1] == {2: "H6 so", 3: "%"}
    numbers = [["STT", "Đơn vị", "1. Số", "2. Số"], ["(1)", "(2)", "(3)", "(4)"]]
    assert unit_row_apart(numbers)[1] == {}


def test_units_ocr_garbled_apart_are_mended_to_one_counting_unit():
    line = ["(H6 số)", "(Ho so)", "(HỒ sử)", "(%)", "(CudQ)", "(Nhiém vy)", "(Lut)"]
    # one edit from "hồ sơ" (a look-alike digit read back): written as the column printing it
    # plainly; "(%)" and a word spoilt past one edit stay; a 3-letter word is too short to mend
    assert mended_units(line) == ["(Ho so)", "(Ho so)", "(Ho so)", "(%)", "(CudQ)", "(nhiem vu)", "(Lut)"]


def test_a_share_of_the_mended_units_group_is_checked():
    # dev seed 10171's N50 dump (eng psm 4): 3.3 prints 76,67 % of 3.1 / 3 = 384/479 (80,17 %); the
    # whole's unit "(HO sa)" and the parts' "(Ho so)" kept it unchecked before the units were mended
    rows, want, out = _rows_and_truth(MENDED)
    assert [c["status"] for c in out["checks"] if c["code"] == "3.3"] in (["mismatch"], ["misread"])
    assert rows["3"]["unit"] == rows["3.1"]["unit"]
    assert {c: r["value"] for c, r in rows.items()} == {c: r["value"] for c, r in want.items()}
