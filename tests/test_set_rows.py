"""Rows of a garbled OCR dump recovered by the criteria set's wording (issue 11): the row reader
withdrew these tables (codes and columns garbled), though their name lines are still the set's
criteria. The dumps are real Tesseract output of the corpus generator (seed 301), with the
generator's truth beside them."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.set_rows import FLAG_FROM_SET_ORDER, SetRowSettings
from extract.segment.set_wording import opens as _opens
from normalize.criteria import criteria_set

DATA = Path(__file__).parent / "data" / "dumps_set_rows"


def _convert(name: str) -> tuple[dict, dict]:
    path = DATA / name
    return converted_with_truth(path)


def test_a_table_withdrawn_whole_is_recovered_row_by_row_in_the_sets_order():
    out, truth = _convert("s301-d01-i3-ruled-center-eng-250dpi-degraded.txt")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == [r["code"] for r in truth["score_tables"][0]["rows"]]
    assert [r["name"] for r in rows] == [r["name"] for r in truth["score_tables"][0]["rows"]]
    assert all(FLAG_FROM_SET_ORDER in r["flags"] for r in rows)
    # Row 1 prints "10 7.25" (the commune's maximum, under the set's 20): both read.
    assert (rows[0]["max_points"], rows[0]["self_points"]) == (10.0, 7.25)
    # Every recovered row is queued, and the cells not read are told.
    queued = {q["item"] for q in out["review"] if q["field"] is None}
    assert all(f"/score_tables/0/rows/{i}" in queued for i in range(len(rows)))
    told = [u for u in out["unread"] if u["kind"] == "rows"]
    assert told and "1.1.2" in told[0]["reason"]


def test_field_rows_whose_codes_ocr_lost_take_their_place_by_name_and_one_not_found_is_told():
    out, truth = _convert("s301-d04-i3-ruled-center-eng-300dpi-degraded.txt")
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    want = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert set(rows) <= set(want)  # nothing invented
    assert len(rows) >= 6
    # A maximum taken is the printed one; self scores read after it are right where the line
    # prints both ("7 6.5", "16 15,25"); row 1's "10 | 8" lost a column (self 9, appraised 8,75),
    # and its row is queued whole like every recovered row.
    assert all(r["max_points"] in (None, want[c]["max_points"]) for c, r in rows.items())
    assert (rows["6"]["self_points"], rows["7"]["self_points"]) == (6.5, 15.25)
    queued = {q["item"] for q in out["review"] if q["field"] is None}
    assert len([i for i in queued if i.startswith("/score_tables/0/rows/")]) == len(rows)
    assert any("5" in u["reason"] and "not found" in u["reason"] for u in out["unread"])


def test_an_explanation_line_or_a_names_second_line_opens_no_row():
    cset = criteria_set("ca-mau_2013")
    by_code = cset.by_code()
    s = SetRowSettings()
    for text, code in (
        ("Bao cao s6 222/BC- UBND ngay 03/03/2014", "1.2"),
        ("1.1.2 | linh vuc theo ke hoach nam cua UBND tinh", "1.1.2"),
        ("cu the va dinh ro trach nhiem trien khai cua", "1.1.3"),
    ):
        assert _opens(Line(text=text, page=1, number=1), by_code[code], s) is None
    opened = _opens(
        Line(text="FP _ | Xac dinh day du cac nhiem vu CCHC tren cac", page=1, number=1), by_code["1.1.2"], s
    )
    assert opened is not None


def test_a_criterions_line_glued_into_the_row_above_opens_its_own_row():
    # "| | 143 | Kiểm tra công tác CCHC Chưa đầy đủ …" was read as 1.2.2's third line.
    out, truth = _convert("s301-d05-i2-ruled-center-vie-300dpi.txt")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == [r["code"] for r in truth["score_tables"][0]["rows"]]
    assert FLAG_FROM_SET_ORDER in rows[-1]["flags"] and rows[-1]["name"] == "Kiểm tra công tác CCHC"
    assert any("1.3" in u["reason"] for u in out["unread"])


def test_rows_between_rows_read_are_recovered_and_the_numbering_gap_no_longer_claimed():
    out, _ = _convert("s301-d06-i6-f11-i6-explanation-before-points-vie-psm4-300dpi-degraded.txt")
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"] if r["code"]]
    assert codes == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert not any("numbering jumps" in u["reason"] for u in out["unread"])
    assert any(u["reason"].startswith("points of 5 not read") for u in out["unread"])
