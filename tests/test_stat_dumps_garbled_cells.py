"""Statistics annexes of OCR dumps whose code or unit cells OCR garbled (issue 11, D07): a code
misread into a digit and a letter, after an edge speck or a colon for its dot, a unit a letter or
two off — each read as what it is, not as words that shift the row's cells or open a row of their
own; and a header-less form whose code column runs in order but whose figures OCR smeared, read
in part instead of told unread whole. The dumps are written by the tests (lines as Tesseract gave
them on development seeds' degraded pages)."""

from extract.segment.stat_cells import TEXT, UNIT
from extract.segment.stat_line_cells import _cell_kind, _cells
from extract.segment.stat_line_rows import _without_edge_speck
from extract.segment.stat_lines import StatLineSettings
from test_stat_dumps_in_part import HEAD, _read  # a report and its form title; the dump converted

# 2.2 (its figure 34 read "3"), 2.3 garbled "2ã", a smeared row, 3.2 and 3.3 (figures smeared),
# 4.4 printed "44" with row 4 lost, 5 (figure 0): three figures, fewer than a table needs.
SMEARED = """Ý Íj Sfa0nymmsEcOH. 5 j l3 TÔ
- _ | quyết của UBND xã : :
_ [ 22_ | Số TTHC cung cấp dịch vụ công trực tuyến một phần | Thủypc | 3 Ƒ——
| 2ã |§6TTHCchiamgcfptiôngin | Thụ | 4 |} —””
`... ..
trình _. Ti
là cao G7 | HD jp 7, 7
32 | S6hô sơ iếp nhận trựctiếpvàquabưuachnh — | Hs | øœ [Ƒ —
'[ 33 | Tylehồsøtipnhậnrựcuyn —— - — | % | l6 J — |
+1 |GmrgyyEtiiebm 7c 7... Hai DO
— | 44 |Tÿlệhòsơgiảiquyếtrướchạnvàđúnghn |  % j gạạg | -
_ 5 | S6sáng kiến, giải pháp CCHC được côngnhận | Sángkin| 0 | — -
"""


def test_form_in_code_order_with_smeared_figures_is_read_in_part(tmp_path):
    out = _read(tmp_path, HEAD + SMEARED)
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    # The rows whose code the column reads as printed, in order; 2ã, 44 and the smeared rows are
    # given no code from their place (told instead).
    assert sorted(rows) == ["2.2", "3.2", "3.3", "5"]
    assert rows["5"]["value"] == 0
    assert rows["3.2"]["value"] is None and "missing_value" in rows["3.2"]["flags"]
    assert all("annex_read_in_part" in r["flags"] for r in rows.values())
    reasons = [p["reason"] for p in out["unread"]]
    assert any(r.startswith("the figure of") and r.endswith("3.2, 3.3") for r in reasons)
    assert any("code OCR garbled out of the column's order" in r for r in reasons)
    # No longer told unread as a whole.
    assert not any("none of its rows could be read" in r for r in reasons)


def _cut(line: str) -> tuple[str, str, str, str, str] | None:
    return _cells(_without_edge_speck(line), {"nguoi"}, StatLineSettings())


def test_garbled_code_cell_alone_is_the_code_not_the_indicator():
    # "4T" for 41: before, the indicator was read "4T" and the real indicator as the unit.
    code, indicator, unit, value, _ = _cut("[ 4T |S6cánbộ,công chứcđạtchuẩn 7 7 Ƒ Người | 206 | _")
    assert (code, value) == ("4T", "206")
    assert indicator.startswith("S6cánbộ")
    # A speck before the code cell (": 41"), a code read with a colon for its dot ("L_2:4").
    code, indicator, unit, value, _ = _cut(": 41 | Sốphảnánh,kiếnnghịđãxửlý  —T — | Phảnánh | 3 | |")
    assert (code, unit, value) == ("41", "Phảnánh", "3") and indicator.startswith("Sốphảnánh")
    assert _cut("L_2:4 | Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn | mm 97,4 ñ")[0] == "2.4"


def test_edge_specks_before_a_code():
    # The grid's left edge read as a capital and a dash, or a Vietnamese capital.
    assert _cut("F-33 | Ty Iehoanthanh KéhoachCCHCnim ||US |")[0] == "33"
    assert _cut("Ễ 2.3 | Giải quyết quá hạn |_ Hồsơ j..")[0] == "2.3"


def test_digits_garbled_code_opens_a_row_with_its_unit():
    # "520)" for "5.2 |": the row is read (its unit, its figure lost), not wrapped into the row above.
    assert _cut("520) Số cán bộ, công chức chưa đạt chuẩn Người ƒ") == (
        "520)",
        "Số cán bộ, công chức chưa đạt chuẩn",
        "Người",
        "",
        "",
    )
    # A number alone before the words is a code the reader knows, not a garbled one.
    assert _cut("12 Số cán bộ, công chức chưa đạt chuẩn Người ƒ")[0] == "12"


def test_unit_cell_a_letter_or_two_off_is_a_unit():
    units = {"phan anh", "ho so"}
    assert _cell_kind("Phan ae", units) == UNIT
    assert _cell_kind("Phan anh il", units) == UNIT
    # An indicator is no unit, nor a word short enough to look like any.
    assert _cell_kind("Số phản ánh, kiến nghị đã xử lý", units) == TEXT
    assert _cell_kind("Phần", units) == TEXT


def test_code_garbled_into_small_letters_opens_a_row():
    # "uel" for "2.3 |": the row's unit is read and its figure told lost, not wrapped into 2.2.
    code, indicator, unit, value, _ = _cut("uel Ty 1é h6 so tiép nhan tric tuyén | ak % eee aie")
    assert (code, unit, value) == ("", "%", "") and "tiép nhan" in indicator
    # Wrapped words of the row above stay wrapped words: they go on with a form's word.
    assert _cut("nhận Tổng số hồ sơ | xã") is None
