"""Criterion names on OCR dumps (issue 11, names CER): a name whose wrapped last line was read as
the explanation, a name printing its code's wording with OCR's specks between the words, and a row
named as criterion 1 under a code OCR bent while a speck line held 1. The dumps are real Tesseract
output of the corpus generator (seed 427), with its truth beside them; the units use real sets."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import score_rows_with_truth
from normalize.criteria import criteria_set
from normalize.criteria.wording import same_words, wrapped_rest
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "dumps_names20"
LEADERSHIP = "Công tác chỉ đạo, điều hành cải cách hành chính"  # bnv-tinh_2948's 1


def test_a_name_wrapped_below_its_figures_line_takes_its_rest_back_from_the_explanation():
    # "Công tác chỉ đạo, điều hành cải cách hành" / "1. z 10 9" / "chính": two rows, no set
    # recognised; code 1 and the name with the explanation's opening word are a set's 1.
    rows, want, _ = score_rows_with_truth(DATA / "s427-d01-i2-ruled-center-vie-300dpi.txt")
    assert rows["1"]["name"] == want["1"]["name"] == LEADERSHIP
    assert rows["1"]["explanation"] == ""
    assert rows["2"]["name"] == want["2"]["name"]


def test_a_rest_that_is_not_the_wordings_or_a_name_too_short_stays_as_read():
    row = ScoreRow(code="1", name="Công tác chỉ đạo, điều hành cải cách hành", explanation="chính quyền xã", flags=[])
    assert wrapped_rest(row, LEADERSHIP) == "quyền xã"  # (the rest is the explanation's opening)
    row = ScoreRow(code="1", name="Công tác chỉ đạo, điều hành cải cách hành", explanation="Đạt yêu cầu", flags=[])
    assert wrapped_rest(row, LEADERSHIP) is None
    row = ScoreRow(code="1", name="Công tác chỉ đạo", explanation="điều hành cải cách hành chính", flags=[])
    assert wrapped_rest(row, LEADERSHIP) is None  # (under half the wording read as the name)


def test_a_name_printing_the_wordings_words_with_specks_between_takes_the_wording():
    # "'quy phạm pháp luật tại tỉnh: Ỉ UBND …": a quote glued before a word, a colon after the last.
    rows, want, _ = score_rows_with_truth(DATA / "s427-d01-i4-ruled-top-vie-250dpi-degraded.txt")
    assert rows["2"]["name"] == want["2"]["name"]
    assert rows["2"]["name_raw"].startswith("Xây dựng") and "'quy" in rows["2"]["name_raw"]
    wording = criteria_set("bnv-tinh_2948").by_code()["2"].name
    assert same_words("Xây dựng và tổ chức thực hiện văn bản 'quy phạm pháp luật tại tỉnh:", wording)
    # (a mark differing is no speck: "tố" is another word, left to damage_only)
    assert not same_words("Xây dựng và tố chức thực hiện văn bản quy phạm pháp luật tại tỉnh", wording)


def test_a_speck_line_coded_by_a_lookalike_letter_holds_no_code_against_the_row_named_so():
    # "L | ; (See aN i\ dinh" (code 1 read "L", no points) over "gies Céng tac chi dao, diéu hanks
    # cai oa hanh chinh." with "10 10 10" (read as 1.1, its code bent from the "10"): the row is 1.
    rows, want, out = score_rows_with_truth(DATA / "s427-d05-i3-ruled-center-eng-300dpi-degraded.txt")
    assert rows["1"]["name"] == want["1"]["name"]
    assert rows["1"]["max_points"] == want["1"]["max_points"] == 10.0
    assert rows["1"]["self_points"] == want["1"]["self_points"] == 10.0
    assert "1.1" not in rows  # (bnv-tinh_2948 has no 1.1; the speck line is gone)
    names = [r["name"] for t in out["score_tables"] for r in t["rows"]]
    assert not any("See" in n for n in names)
