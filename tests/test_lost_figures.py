"""Figures a dump printed that OCR lost, told and still checked where the criteria set allows
(issues 14, 16): a totals row garbled to specks is a lost total the queue names, and a criterion
whose own row was lost is checked through the set; a score above a maximum OCR misread (not the
set's) is no fault of the commune's. Real Tesseract output of the corpus generator
(seed 393), with the generator's truth (and its planted faults) beside it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_told"


def test_a_totals_label_garbled_among_specks_is_a_lost_total_in_the_queue():
    # "eS eS rong cone es |S | Te |": "Tổng cộng" with its figures lost, taken into row 1.3's span.
    # The total (12, the planted fault: the top rows make 10) cannot be read; the table goes to
    # the queue for a person to read it against the rows.
    out, truth = converted_with_truth(DATA / "s393-d01-i3-ruled-center-eng-150dpi-degraded.txt")
    assert truth["score_tables"][0]["stated_total_max"] == 12.0
    assert any(f["kind"] == "total_sum" for f in truth["faults"])
    lost = [u for u in out["unread"] if u["reason"].startswith("the table's total row was printed")]
    assert [u["line_start"] for u in lost] == [34]
    assert any(r["item"] == "/score_tables/0" for r in out["review"])
    assert not any(c["status"] == "mismatch" for c in out["checks"])


def test_a_lost_parent_is_checked_by_the_set_and_its_misread_child_queued():
    # Row 1.1's line OCR garbled past matching; its four sub-criteria were read, and 1.1.4's
    # maximum came out 5 (printed 2). 1.1 is placed by the code tree above its first sub-criterion
    # (``set_ancestors``): the set's name and maximum 5 (the truth's), its self score told as not
    # read. Its maximum against 1 + 1 + 1 + 5 is a misreading (never a mismatch), queuing 1.1.4's
    # maximum, the one that is not the set's.
    out, truth = converted_with_truth(DATA / "s393-d05-i4-ruled-center-vie-150dpi-degraded.txt")
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    want = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert want["1.1.4"]["max_points"] == 2.0 and want["1.1"]["max_points"] == 5.0
    assert (rows["1.1"]["max_points"], rows["1.1"]["self_points"]) == (5.0, None)
    assert "row_from_set_order" in rows["1.1"]["flags"]
    said = [
        (c["kind"], c["code"], c["status"], c["expected"], c["actual"])
        for c in out["checks"]
        if c["code"] in ("1.1", "1.2") and c["field"] == "max_points"
    ]
    # (1.2, still lost, has its two sub-criteria's maxima 1 + 1: the set's 2, which holds)
    assert said == [("sum_children", "1.1", "misread", 8, 5), ("lost_parent_sum", "1.2", "ok", 2, 2)]
    assert ("1.1.4", "max_points") in {(r["code"], r["field"]) for r in out["review"]}
    # The one mismatch is the planted fault (1.1.3 self 1,25 above its maximum 1).
    (fault,) = [c for c in out["checks"] if c["status"] == "mismatch"]
    assert (fault["kind"], fault["code"]) == ("self_le_max", "1.1.3")


def test_a_score_above_a_maximum_that_is_not_the_sets_is_a_misreading_not_a_fault():
    # "1.3. | Kiém tra cong tac CCHC z z Q 2 2,5": the maximum printed 3 (the set's, the truth's)
    # came out 2, beside the self score 2,5. The table's maxima are too damaged for the set to be
    # offered as a reading (5 of 9 differ), but the row's own maximum differing from its
    # criterion's in the set it was matched to makes the reading, not the commune, the suspect.
    out, truth = converted_with_truth(DATA / "s393-d03-i3-ruled-top-eng-150dpi-degraded.txt")
    row = next(r for r in truth["score_tables"][0]["rows"] if r["code"] == "1.3")
    assert (row["max_points"], row["self_points"]) == (3.0, 2.5)
    check = next(c for c in out["checks"] if c["id"] == "self_le_max:/score_tables/0/rows/9:self_points")
    assert check["status"] == "misread" and check["code"] == "1.3"
    assert ("1.3", "max_points") in {(r["code"], r["field"]) for r in out["review"]}
    # the planted faults (parents 1.1 and 1.2 whose maxima their sub-criteria exceed) stay queued
    faults = {f["code"] for f in truth["faults"]}
    assert faults <= {r["code"] for r in out["review"]}


# Specks OCR glues before a figure: an inverted mark, symbols, and letters no Vietnamese word
# prints (a Latin hook "Ƒ", found while mending this test, lost the score untold; "ß", a Greek
# alpha). One rule over the class, not one per character: each is read or told.
@pytest.mark.parametrize("speck", ["¡", "§", "«", "¢", "Ƒ", "ß", "α"])
def test_a_score_glued_to_a_speck_beside_an_equal_maximum_is_read_or_told(tmp_path, speck):
    # Seed 331's d01-i4 printed row 5 as "Cải cách thủ tục hành chính ¡14,5 14,5": the maximum read
    # from the second figure, the self score left in the name behind the speck. "¡" before a figure
    # beside another is a speck OCR makes of a rule (line_common): the score is read, as a letter
    # glued to a cell's digits is (doubted). Any other speck: a figure of the name equal to a
    # maximum read in its own column is a second figure, not that maximum, so the blank self
    # score is told. Here that line stands for row 3 of seed 351's d01-i2 (printed "3. Cải cách
    # thủ tục hành chính 14,5 13"); the rest of the dump is Tesseract's.
    text = (DATA / "s351-d01-i2-ruled-center-vie-150dpi.txt").read_text(encoding="utf-8").split("\n")
    (at,) = [i for i, line in enumerate(text) if line == "3. Cải cách thủ tục hành chính 14,5 13"]
    text[at] = f"3. Cải cách thủ tục hành chính {speck}14,5 14,5"
    path = tmp_path / "glued.txt"
    path.write_text("\n".join(text), encoding="utf-8")
    from cchc_extract.pipeline import convert_file, result_to_json

    out = result_to_json(convert_file(path))
    row = next(r for r in out["score_tables"][0]["rows"] if r["code"] == "3")
    told = [u["reason"] for u in out["unread"] if u["reason"].startswith("figures not read")]
    said = any(re.search(r"(?<![\d.])3 self points", reason) for reason in told)
    assert row["max_points"] == 14.5
    if speck == "¡" or row["self_points"] is not None:
        assert row["self_points"] == 14.5 and not said, told
    else:
        assert said, told
    # Row 8 ("tổ 15/5 15/5 Báo cáo …"): both figures, their commas misread, are its cells
    # (`misread_comma_run`, stop 55), so its self score is read, not told.
    eight = next(r for r in out["score_tables"][0]["rows"] if r["code"] == "8")
    assert (eight["max_points"], eight["self_points"]) == (15.5, 15.5)
    assert not any("8 self points" in reason for reason in told)


def test_rows_lost_after_a_maximum_read_above_the_sets_are_told():
    # Seed 431 d02-i4: row 1.3 "¡a_ | Kiếm tra công tác CCHC" (max 3) printed on the second page
    # after a repeated header, taken into 1.2.2's span. Row 1 states 10; 1.2's maximum read 7,5
    # ("Báo cáo CCHC ì m7 m7pể 7.5") where the set and its children 1.2.1 and 1.2.2 (1 + 1) say 2,
    # so it counts at 2 and the 3 row 1 leaves is the set's 1.3.
    out, truth = converted_with_truth(DATA / "s431-d02-i4-ruled-center-vie-250dpi-degraded.txt")
    assert "1.3" in {r["code"] for r in truth["score_tables"][0]["rows"]}
    # (a line opening a criterion's name is no repeated header's: 1.3 is read now, its name and
    # the set's maximum, its self points told lost)
    rows = {r["code"]: r for r in out["score_tables"][0]["rows"]}
    assert rows["1.3"]["name"] == "Kiểm tra công tác CCHC" and rows["1.3"]["max_points"] == 3.0
    assert not any(c["status"] == "mismatch" for c in out["checks"])


def test_a_score_table_under_a_garbled_header_line_is_told():
    # Seed 432 d01-i3 (eng, 300 dpi, degraded): the header's criterion line came out "| ch epee Linh
    # vuc, tiéu chi pees ~ danh =| …" (no header line by its shape, but it names the column) and a
    # name's wrapped tail "chinh | ; :" passed for a header line on its shape: the table under it
    # was neither read nor told. Its lines holding figures are told, and the rows the criteria set
    # recovers from them are read with their points said to be lost.
    out, truth = converted_with_truth(DATA / "s432-d01-i3-ruled-center-eng-300dpi-degraded.txt")
    assert len(truth["score_tables"][0]["rows"]) == 5
    assert out["unread"], "a table printed and not read must be told"
    assert all(u["line_start"] >= 10 for u in out["unread"])
