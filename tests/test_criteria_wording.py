"""Criterion names OCR damaged, restored from the criteria sets' wording where only damage differs
(normalize/criteria/wording.py): real sets, names as the seed dumps printed them, and the names a
commune words its own way left as read."""

from __future__ import annotations

from normalize.criteria import criteria_set
from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.criteria.wording import (
    FLAG_WORDING,
    as_printed,
    cell_tail,
    damage_only,
    damaged,
    explained_tail,
    leaked_into,
    scale_tail,
)
from schemas.records import ScoreRow, ScoreTable

BNV = "bnv-tinh_2948"
ORGANISATION = "Cải cách tổ chức bộ máy hành chính"  # bnv-tinh_2948's 4


def _row(code: str, name: str, most: float | None = None) -> ScoreRow:
    return ScoreRow(code=code, name=name, max_points=most, flags=[])


def test_damaged_words_are_no_syllables_or_letters_with_digits_but_not_abbreviations():
    assert damaged("chttc") and damaged("b6") and damaged("NHIỆMVỤ") and damaged("chíh")
    assert not damaged("chức") and not damaged("TTHC") and not damaged("UBND")


def test_a_name_differing_from_the_wording_only_by_damage_is_the_wording():
    # Seed 268's dumps: "tổ chttc b6 máy", "hành chíh", "quy Thhn 1 pháp".
    assert damage_only("Cải cách tổ chttc b6 máy hành chính", ORGANISATION)
    assert damage_only(
        "Công tác chỉ đạo, điều hành cải cách hành chíh", "Công tác chỉ đạo, điều hành cải cách hành chính"
    )
    wording = "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh"
    assert damage_only("Xây dựng và tổ chức thực hiện văn bản quy Thhn 1 pháp luật tại tỉnh", wording)


def test_a_name_worded_otherwise_is_not_the_wording():
    # Another real word, a word left out, clean words only differing in marks: the commune's.
    assert not damage_only("Cải cách tổ chức bộ phận hành chính", ORGANISATION)
    assert not damage_only("Cải cách tổ chức hành chính", ORGANISATION)
    assert not damage_only("Cải cách tài chính công", ORGANISATION)
    assert not damage_only("Cải cách tố chức bộ máy hành chính", ORGANISATION)


def test_no_set_recognised_a_damaged_name_takes_the_nearest_wording_its_code_kept():
    # Two rows only: no set is recognised, the name alone says which wording it is.
    table = ScoreTable(
        title="", rows=[_row("9", "Cải cách tổ chttc b6 máy hành chính"), _row("10", "Cải cách tài chính")]
    )
    assert apply_criteria_sets([table]) is None
    row = table.rows[0]
    assert row.name == ORGANISATION and row.name_raw == "Cải cách tổ chttc b6 máy hành chính"
    assert row.code == "9" and f"{FLAG_WORDING}:{BNV}" in row.flags
    assert table.rows[1].name == "Cải cách tài chính" and not table.rows[1].flags


def test_a_name_in_capitals_keeps_them_and_an_abbreviation_is_kept():
    table = ScoreTable(
        title="",
        rows=[_row("IV", "CẢI CÁCH TỔ CHTTC BỘ MÁY HÀNH CHÍNH"), _row("III", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)")],
    )
    apply_criteria_sets([table])
    assert table.rows[0].name == ORGANISATION.upper()
    assert table.rows[1].name == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH (TTHC)" and not table.rows[1].flags


def test_a_recognised_set_restores_a_row_to_its_own_codes_wording_only():
    cset = criteria_set(BNV)
    rows = [_row(c.code, c.name, c.max_points) for c in cset.rows]
    rows[3].name = "Cải cách tổ chttc b6 máy hành chính"
    # Its code 5's wording is another's: the name damaged is 6's, but a recognised set's code
    # says which criterion the row is; it is not renamed as another's.
    rows[4].name = "Cải cách tài chính cbng"
    table = ScoreTable(title="", rows=rows)
    match = apply_criteria_sets([table])
    assert match is not None and match.cset.id == BNV
    assert rows[3].name == ORGANISATION and f"{FLAG_SNAPPED}:{BNV}" in rows[3].flags
    assert rows[4].name == "Cải cách tài chính cbng"


def test_a_sure_sets_wording_with_another_columns_words_and_specks_run_in():
    # Seed 268 d06-i6: the explanation "Công văn số 125/CV-VP ngày …" run into 1.2.1's name,
    # the row above's name before it; OCR's "L", "IH" for "I", "III".
    cset = criteria_set("ca-mau_2013")
    crit = cset.by_code()["1.2.1"]
    read = (
        "Mức độ thực hiện kế hoạch CCHC Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí "
        "Công văn số 125/CV-VPngày ai. L, quí IH, báo cáo 6 tháng và báo cáo năm)"
    )
    assert leaked_into(read, crit, cset.rows)
    # A commune's longer wording, every word clean, is its own.
    own = crit.name + " của xã"
    assert not leaked_into(own, crit, cset.rows)
    # Half the wording is not the wording.
    assert not leaked_into("Tất cả báo cáo được gửi đúng thời gian Công văn số 125/CV-VPngày", crit, cset.rows)


def test_no_set_recognised_a_name_with_words_run_in_takes_the_wording_its_code_has_in_a_set():
    # Seed 268 d02-i4: specks before the name, the explanation's words after it, no set recognised.
    read = "hệt 2 Công tác chỉ đạo, điều hành cải cách hành chính Lô thành 100%.kế hoạch"
    table = ScoreTable(title="", rows=[_row("1", read), _row("5", read)])
    assert apply_criteria_sets([table]) is None
    assert table.rows[0].name == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert f"{FLAG_WORDING}:{BNV}" in table.rows[0].flags and table.rows[0].name_raw == read
    # Under a code whose criterion it is in no set, the name stays as read.
    assert table.rows[1].name == read and not table.rows[1].flags


def test_clean_words_after_a_wording_are_the_communes_own_wording():
    # Seed 003 prints "… CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ" ("DPIEN" for "ĐIỆN" by OCR); a set
    # words it "… CHÍNH QUYỀN ĐIỆN TỬ": the clean words after it are the commune's, not run in.
    cset = criteria_set("ba-ria-vung-tau_2023")
    crit = next(c for c in cset.rows if "ĐIỆN TỬ" in c.name.upper())
    read = "XÂY DỰNG VÀ PHÁT TRIỂN CHÍNH QUYỀN DPIEN TỬ, CHÍNH QUYỀN SỐ"
    assert not leaked_into(read, crit, cset.rows)


def test_a_wording_taken_keeps_the_documents_tone_placement():
    # Seed 268 d05-i4: "Hiện đại hóa hành chính Công văn số …" snapped to the set's "Hiện đại
    # hoá hành chính": the same words, spelt as the document spells them.
    assert as_printed("-Hiện đại hóa hành chính Công văn số 13", "Hiện đại hoá hành chính") == "Hiện đại hóa hành chính"
    assert as_printed("HIỆN ĐẠI HÓA", "HIỆN ĐẠI HOÁ HÀNH CHÍNH") == "HIỆN ĐẠI HÓA HÀNH CHÍNH"
    assert as_printed("Hiện đại hoá", "Hiện đại hoá hành chính") == "Hiện đại hoá hành chính"


def test_words_ocr_glued_are_the_wording_they_run_together():
    # Seed 315's d06-i4 (a psm 4 dump): "11 | KếhoachCCHC năm 5 1,5", OCR lost two spaces.
    assert damage_only("KếhoạchCCHC năm", "Kế hoạch CCHC năm")
    # Seed 315's d06-i1 (an eng psm 6 dump): "11 [KéhoachCCHCnim 5 8H", the points OCR's specks.
    assert damage_only("[KéhoachCCHCnim 5 8H", "Kế hoạch CCHC năm")
    # ... but glued words must be the wording's, and the wording's words all there.
    assert not damage_only("KếhoạchCCHC năm", "Ban hành kế hoạch CCHC năm")
    assert not damage_only("Ban hànhCCHC năm", "Kế hoạch CCHC năm")


def test_an_explanation_run_in_after_the_wording_is_cut_off_a_name_worded_on_is_not():
    # Seed 315's d04-i3 (the explanation column between the name and the points):
    # "Cai cach thi tuc hanh chinh - Ké hoach sé 152/KH-UBND ngay 14,5 13,75 13,75".
    wording = "Cải cách thủ tục hành chính"
    assert explained_tail(f"{wording} Kế hoạch số 152/KH-UBND ngày", wording) == "Kế hoạch số 152/KH-UBND ngày"
    assert explained_tail("Cải cách thủ tục hành chíh Quyết định số 27/QĐ-UBND", wording) == "Quyết định số 27/QĐ-UBND"
    table = ScoreTable(title="", rows=[_row("3", f"{wording} Kế hoạch số 152/KH-UBND ngày", 14.5)])
    table.rows[0].explanation = "13/2/2023"
    apply_criteria_sets([table])
    row = table.rows[0]
    assert row.name == wording and row.explanation == "Kế hoạch số 152/KH-UBND ngày 13/2/2023"
    assert row.name_raw == f"{wording} Kế hoạch số 152/KH-UBND ngày"
    # (a dash OCR read for the ruling line between is the cells' edge)
    assert explained_tail(f"{wording} - Kế hoạch số 1", wording) == "Kế hoạch số 1"
    # Words that open no document nor date, after a dash too, another criterion's words: kept.
    assert explained_tail(f"{wording} cấp xã", wording) is None
    assert explained_tail(f"{wording} - cấp xã ngày 1", wording) is None
    assert explained_tail("Cải cách tài chính công Kế hoạch số 1", wording) is None


def test_a_scales_items_run_in_after_the_wording_go_to_the_scale():
    # Seed 315's d06-i4 (a psm 4 dump of a table with a "Cách tính điểm" column): "1.1.1 | Ban
    # hành kế hoạch CCHC năm Ban hành kịp thời: 1 ụ 1 0".
    wording = "Ban hành kế hoạch CCHC năm"
    assert scale_tail(f"{wording} Ban hành kịp thời:", wording) == "Ban hành kịp thời:"
    assert scale_tail("Kiểm tra công tác CCHC Đạt 100%: 3 điểm", "Kiểm tra công tác CCHC") == "Đạt 100%: 3 điểm"
    table = ScoreTable(title="", rows=[_row("1.1.1", f"{wording} Ban hành kịp thời:", 1)])
    apply_criteria_sets([table])
    row = table.rows[0]
    assert row.name == wording and row.scale == ["Ban hành kịp thời:"] and not row.explanation
    # A name going on in its own words before a colon is not a scale's item.
    assert scale_tail("Kiểm tra công tác CCHC cấp xã: 3 điểm", "Kiểm tra công tác CCHC") is None


def test_a_capitalised_cell_run_in_after_the_wording_is_cut_off_rows_split_from_lines_only():
    # Seed 315's d04-i3: "5 Hién dai héa hanh chinh - Chua hoan thanh 3/7 nhiém vu theo 16 | [":
    # within a cell a name goes on in small letters; a capital opens the next cell.
    wording = "Hiện đại hóa hành chính"
    read = f"{wording} Chưa hoàn thành 3/7 nhiệm vụ theo"
    assert cell_tail(read, wording) == "Chưa hoàn thành 3/7 nhiệm vụ theo"
    assert cell_tail("XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ, CHÍNH QUYỀN SỐ", "XÂY DỰNG CHÍNH QUYỀN ĐIỆN TỬ") is None
    assert cell_tail("Kế hoạch CCHC năm UBND", "Kế hoạch CCHC năm") is None
    lines = ScoreTable(title="", rows=[_row("7", read, 16)], read_from="lines")
    typed = ScoreTable(title="", rows=[_row("7", read, 16)], read_from="docx")
    apply_criteria_sets([lines])
    apply_criteria_sets([typed])
    assert lines.rows[0].name == wording and lines.rows[0].explanation == "Chưa hoàn thành 3/7 nhiệm vụ theo"
    # A typed table's cell printed its edges: the words in the name's cell are the name's.
    assert typed.rows[0].name == read


def test_a_wording_taken_keeps_the_tone_placement_of_a_word_read_glued():
    # Seed 904 d06-i5: "Hiéndaihdahanhchinh" repaired to a run of glued syllables holding "hóa":
    # the document spells the word so, whatever its neighbours glued to it.
    assert as_printed("HDPND va Hiệnđạihóahànhchính", "Hiện đại hoá hành chính") == "Hiện đại hóa hành chính"
    # ... not when the run holds the set's own spelling, nor when it holds no form of the word
    assert as_printed("Hiệnđạihoáhànhchính", "Hiện đại hoá hành chính") == "Hiện đại hoá hành chính"
    assert as_printed("Hiệnđạihànhchính", "Hiện đại hoá hành chính") == "Hiện đại hoá hành chính"
