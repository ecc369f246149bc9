"""What an annex read from OCR'd lines tells unread, and what it does not. A statistics form's
title OCR read with a speck's letters before it ("eS SỐ LIỆU KẾT QUẢ …") and, from an OCR without
Vietnamese marks, a digit for a letter ("S6 LIEU" for "SỐ LIỆU") is still the form's title: an
annex whose every row OCR garbled under it is told unread, not lost without a word. A wrapped
indicator's line holding the row's own figure is no garbled row, and a share is no part of its
group's sum. The dumps are real Tesseract output of generated reports (tools/make_corpus.py, D07,
D15, D16 at a held-out seed of the lead's), their truth beside them."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.segment.stat_unread import is_form_title

DATA = Path(__file__).parent / "data" / "dumps_told65"


def test_a_form_title_with_specks_and_a_digit_for_a_letter_is_one():
    assert is_form_title("eS S6 LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH NAM 2014")
    assert is_form_title("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH")
    # a heading of the report's body and the national motto are no form's title
    assert not is_form_title("I. KET QUA DAT DUOC ; as :")
    assert not is_form_title("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")


def test_an_annex_ocr_garbled_under_a_specked_title_is_told_unread():
    path = DATA / "annex_title_specked.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    assert len(truth["statistics"][0]["rows"]) == 28  # the annex printed: 28 rows, none legible
    result = convert_file(path)
    assert not result.statistics  # nothing of it read ...
    told = [p for p in result.unread if p.kind == "table" and "SỐ LIỆU KẾT QUẢ" in p.reason.upper()]
    assert told and told[0].page == 2  # ... and said, on the annex's first page
    assert any(item.item.startswith("/unread/") for item in result.review)


def test_a_wrapped_indicator_line_holding_its_rows_figure_is_no_garbled_row():
    """Row 3.2's words wrap ("… trực tuyến toàn" / "trình ....... 65,67 %") and OCR read the
    wrapped word as "In ng": the line holds the figure the row read, its first line none, so it is
    the row's line, not a row whose code OCR garbled. The document is read whole: nothing told."""
    path = DATA / "annex_wrapped_figure_line.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert printed["3.2"] == 65.67 and len(printed) == 22
    result = convert_file(path)
    read = {r.code: r.value for a in result.statistics for r in a.rows}
    assert read["3.2"] == 65.67
    assert {c: read.get(c) for c in printed} == printed  # every row and figure read right ...
    assert result.unread == []  # ... and no part claimed unread


def test_a_share_whose_figure_ocr_lost_is_given_no_figure_by_its_groups_sum():
    """Row 4.3, "Tỷ lệ hồ sơ tiếp nhận trực tuyến % 82/1" (82,1 % with its comma read "/"), is a
    share of 4's count, not a part of it: its lost figure is told without the "figure its group's
    sum implies" (581 − 477 − 104 = 0, a count of nothing) that a count's part gets."""
    path = DATA / "annex_share_lost.txt"
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert (printed["4"], printed["4.1"], printed["4.2"], printed["4.3"]) == (581, 477, 104, 82.1)
    result = convert_file(path)
    told = [p for p in result.unread if "4.3" in p.reason]
    assert told and "group's sum" not in told[0].reason
