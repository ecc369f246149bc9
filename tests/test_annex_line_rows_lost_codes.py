"""Rows of a dumped statistics annex whose code OCR lost or hid (issue 11, rows lost in D07
dumps): the grid's left edge read as a Roman-looking capital before a code ("L 2.2 | …"), a group
heading with no code under the share that closes the group above, and a code cell read as a short
speck before the indicator's opening ("ES Tong so …"). Lines modelled on the psm 3 and psm 4
degraded dumps of spent seeds 2101 (d07-i8) and 1901 (d07-i7)."""

from pathlib import Path

from annex_dumps import annex_dump_result
from extract.segment.stat_edge_roman import without_roman_edge
from extract.segment.stat_figure_above import figure_for_next_row
from extract.segment.stat_share_headings import heading_after_share
from extract.segment.stat_wrap_speck import wrap_with_speck


def _rows(tmp_path: Path, text: str) -> dict[str, dict]:
    return {r["code"]: r for r in annex_dump_result(tmp_path, text)["statistics"][0]["rows"]}


ROMAN_EDGE = """1 Số văn bản chỉ đạo, điều hành CCHC đã ban hành Văn bản 12
: L 2 | Tổng số hồ sơ TTHC tiếp nhận trong kỳ | Hồ sơ | 354 |
| 21 Số hồ sơ tiếp nhận trực tuyến _.. | Hồ sơ 347: l
L 2.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính | Hồ sơ |. 7 L.
L 2.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến. | % 98,02 L
3 | Số cán bộ, công chức cấp xã | Người | 20
3.1 | Số cán bộ, công chức đạt chuẩn | Người | 18 |
"""


def test_a_roman_looking_capital_before_a_code_is_the_grids_edge(tmp_path):
    rows = _rows(tmp_path, ROMAN_EDGE)
    assert list(rows) == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1"]
    assert rows["2.2"]["indicator"].startswith("Số hồ sơ tiếp nhận trực tiếp") and rows["2.2"]["value"] == 7
    assert rows["2.3"]["value"] == 98.02 and "code_repaired" not in rows["2.3"]["flags"]


def test_a_roman_heading_or_a_code_alone_is_no_edge():
    assert without_roman_edge("I | Công tác chỉ đạo điều hành") is None
    assert without_roman_edge("II. Kết quả giải quyết hồ sơ") is None
    assert without_roman_edge("2.2 | Số hồ sơ") is None
    assert without_roman_edge("L 2.2 | Số hồ sơ") == "2.2 | Số hồ sơ"


SHARE_THEN_HEADING = """1 | Số cuộc tuyên truyền CCHC | Lượt | 16
2 | Tổng số hồ sơ TTHC tiếp nhận trong kỳ | Hồ sơ | 312
2.1 | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | 263
2.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính | Hồ sơ | 49
2.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến | % | 84,29
Két qua giai quyét ho so thu tuc hanh chinh
S6 ho so TTHC da giai quyét | Hồ sơ | 625
a) | Giai quyét truéc han | Hồ sơ | 509
b) | Giai quyét ding han | Hồ sơ | 114
c) | Giai quyét qua han | Hồ sơ | 2
3.2 | Ty lé ho so giai quyét truéc han va dung han | % | 99,68
"""


def test_a_heading_under_a_share_is_the_next_group_not_the_shares_wrap(tmp_path):
    rows = _rows(tmp_path, SHARE_THEN_HEADING)
    assert list(rows)[:6] == ["1", "2", "2.1", "2.2", "2.3", "3"]
    assert rows["3"]["indicator"].startswith("Kết quả giải quyết") and rows["3"]["value"] is None
    assert rows["2.3"]["indicator"].rstrip(" .") == "Tỷ lệ hồ sơ tiếp nhận trực tuyến"
    assert rows["3.1"]["value"] == 625 and rows["3.1.a"]["value"] == 509 and rows["3.2"]["value"] == 99.68


def test_a_shares_wrapped_words_stay_its_own():
    # the label's last words in lower case, or a capitalised phrase too short to head a group
    share = ("Tỷ lệ hoàn thành", "%", "80")
    assert not heading_after_share(*share, "trình".split(), 5, 0.6)
    assert not heading_after_share(*share, "Kế hoạch CCHC năm".split(), 5, 0.6)
    assert not heading_after_share(*share, "UBND xã đã giải quyết hồ sơ".split(), 5, 0.6)
    # under a count (no share) a line is a wrap, as before
    assert not heading_after_share("Số hồ sơ tiếp nhận", "Hồ sơ", "12", "Kết quả giải quyết hồ sơ TTHC".split(), 5, 0.6)
    assert heading_after_share(*share, "Kết quả giải quyết hồ sơ TTHC".split(), 5, 0.6)


SPECK_BEFORE_OPENING = """1 SO cudc tuyén truyén CCHC co Luot 16
ES Tong so: hé so TTHC tiép nhan trong ky _H6 so
2.1 | S6 ho so tiép nhan truc tuyén | Hồ sơ | 263
2.2 | S6 ho so tiép nhan truc tiép va qua buu chinh | Hồ sơ | 49
2.3 | Ty lé ho so tiép nhan truc tuyén | % | 84,29
3 | Số văn bản chỉ đạo, điều hành CCHC đã ban hành | Văn bản | 4
"""


def test_a_speck_before_an_indicators_opening_leaves_the_row_its_own(tmp_path):
    rows = _rows(tmp_path, SPECK_BEFORE_OPENING)
    assert "Tổng" not in rows["1"]["indicator"] and rows["1"]["value"] == 16
    assert "Tổng số" in rows["2"]["indicator"] and rows["2"]["value"] is None
    assert list(rows) == ["1", "2", "2.1", "2.2", "2.3", "3"]


WRAP_WITH_SPECK = """1 | Số văn bản chỉ đạo, điều hành CCHC đã ban hành | Văn bản | 12
2 | Tổng số hồ sơ TTHC tiếp nhận trong kỳ | Hồ sơ | 354
2.1 | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ | 347
2.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính | Hồ sơ | 7
3| Tống số thủ tục hành chính thuộc thẩm quyền giải Thủ tục . 125
quyết của UBND xã _ sả nc 1
| 3.1 | Số TTHC cung cấp dịch vụ công trực tuyến toàn trình Thủ tục 1 110
3.2 | Số TTHC cung cấp dịch vụ công trực tuyến một phần | Thủ tục | 14 |
"""


def test_a_wraps_trailing_speck_read_as_a_figure_leaves_it_a_wrap(tmp_path):
    rows = _rows(tmp_path, WRAP_WITH_SPECK)
    assert list(rows) == ["1", "2", "2.1", "2.2", "3", "3.1", "3.2"]
    assert rows["3"]["value"] == 125 and "quyết của UBND xã" in rows["3"]["indicator"]


def test_a_row_opening_in_lower_case_with_its_own_figure_is_no_wrap():
    # a unit or a figure of more than one digit is the line's own; so is an indicator's opening
    assert not wrap_with_speck("125", "quyết của UBND xã", "Thủ tục", "1")
    assert not wrap_with_speck("125", "quyết của UBND xã", "", "12")
    assert not wrap_with_speck("125", "số hồ sơ tiếp nhận", "", "1")
    assert not wrap_with_speck("", "quyết của UBND xã", "", "1")
    assert wrap_with_speck("125", "quyết của UBND xã sả nc", "", "1")


FIGURE_ABOVE = """1 | Số văn bản chỉ đạo, điều hành CCHC đã ban hành | Văn bản | 26
2 | Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết | Thủ tục | 129
2.1 | Số TTHC cung cấp dịch vụ công trực tuyến toàn trình | Thủ tục | 94
2.2 | Số TTHC cung cấp dịch vụ công trực tuyến một phần | Thủ tục | 33
2.3 | Số TTHC chỉ cung cấp thông tin | Thủ tục | 2
Ve 72,87
2.4. |.Ty lé TTHC cung cap dich vu cong truc tuyén toan
trinh
3 | Số cuộc kiểm tra CCHC đã thực hiện | Cuộc | 6
"""


def test_a_figure_on_the_line_above_its_row_is_that_rows(tmp_path):
    rows = _rows(tmp_path, FIGURE_ABOVE)
    assert list(rows) == ["1", "2", "2.1", "2.2", "2.3", "2.4", "3"]
    assert rows["2.4"]["value"] == 72.87 and rows["2.3"]["value"] == 2


def test_a_figure_line_under_a_row_without_its_figure_stays_unless_it_is_the_next_shares():
    below = ("2.3.", "Tỷ lệ hoàn thành Kế hoạch CCHC năm", "", "", "")
    assert figure_for_next_row(("", "%", "", "86,21", ""), "", below) == ("%", "86,21")
    assert figure_for_next_row(("", "Ve", "", "86,21", ""), "", below) is None  # may be the row above's
    assert figure_for_next_row(("", "Ve", "", "86,21", ""), "29", below) == ("", "86,21")
    assert figure_for_next_row(("", "Ve", "", "86,21", ""), "29", below[:3] + ("80", "")) is None  # it has one
    assert figure_for_next_row(("", "Số hồ sơ", "", "86", ""), "29", below) is None  # a row with its words


LABEL_BELOW_ITS_FIGURE = """4 | Số nhiệm vụ trong Kế hoạch CCHC năm | Nhiệm vụ | 28
4.1 | Số nhiệm vụ đã hoàn thành | Nhiệm vụ | 25
4.2 | Số nhiệm vụ chưa hoàn thành | Nhiệm vụ | 3
4.3 | Tỷ lệ hoàn thành Kế hoạch CCHC năm | % | 89,29
Văn bản 13
Ï Số văn bản chỉ đạo, điều hành CCHC đã ban hành
"""


def test_a_label_under_a_figure_that_printed_none_is_that_rows(tmp_path):
    # "Văn bản 13" (the unit and figure) over its label, its code lost behind a speck: one row,
    # not a row with no label and another with no figure
    rows = list(annex_dump_result(tmp_path, LABEL_BELOW_ITS_FIGURE)["statistics"][0]["rows"])
    last = rows[-1]
    assert len(rows) == 5 and last["value"] == 13 and "Số văn bản chỉ đạo" in last["indicator"]
