"""An annex header a real Tesseract 5 ``vie`` dump prints with a speck after its last label
(issue 11): ``dumps72/d18101-n63-unit-last-carried-vie-psm3-degraded.txt``, the D24 dump of N63
(seed 18101), whose header OCR set over three lines::

    Kết quả thực
    TÍỉ Chỉ tiêu Đơn vị .
    : : hiện tính

The lone "." after "Đơn vị" is a speck of the cell's rule, not a sentence's stop: taken for one it
ended the header before it named the form, and the annex's 24 rows were lost whole (told as a
table unread). A sentence's stop closes its last word. The values asserted are the generator's
truth file's."""

from __future__ import annotations

from pathlib import Path

from annex69_data import truth_values
from annex70_data import converted_annex
from extract.model import Line
from extract.segment.stat_line_header import _header_span
from extract.segment.stat_lines import StatLineSettings
from extract.segment.stat_unit_echo import echoed_share

DUMP = Path(__file__).parent / "data" / "dumps72" / "d18101-n63-unit-last-carried-vie-psm3-degraded.txt"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=n) for n, t in enumerate(texts, 1)]


def test_a_lone_stop_after_a_label_is_a_speck():
    lines = _lines(
        "Kết quả thực",
        "TÍỉ Chỉ tiêu Đơn vị .",
        ": : hiện tính",
        "1 Số văn bản chỉ đạo, điều hành CCHC đã ban hành 13 văn bản Văn bản",
    )
    assert _header_span(lines, 0, StatLineSettings()) == (0, 2)
    # a sentence's stop, closing its word, still ends the header's lines
    sentence = _lines("Kết quả thực hiện các chỉ tiêu như sau.", "Chỉ tiêu Đơn vị")
    assert _header_span(sentence, 0, StatLineSettings()) is None


def test_the_annex_under_a_specked_header_is_read():
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    right = [c for c, v in values.items() if c in rows and rows[c]["value"] == v]
    # every row whose line prints its figure (5.3, 6.4: the share OCR set apart; 7: its figure
    # above its name) is read with the truth's value
    assert len(right) >= 20, right
    for code in ("1", "2", "2.2", "3", "3.1", "4", "4.1", "4.3", "5", "5.2", "6", "6.1", "6.3"):
        assert rows[code]["value"] == values[code], code


def test_a_share_printed_with_its_sign_before_the_unit_cell():
    # the figure cell prints its unit ("86,21%"), the unit cell its own "%", OCR's "5" on 3.3's line
    assert echoed_share(("3.3", "Tỷ lệ hoàn thành Kế hoạch CCHC năm 86,21%", "", "5", "")) == (
        "3.3",
        "Tỷ lệ hoàn thành Kế hoạch CCHC năm",
        "%",
        "86,21",
        "",
    )
    assert echoed_share(("5.3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến 98,61%", "%", "", ""))[3] == "98,61"
    # a figure of its own after a share in the words stays the figure
    assert echoed_share(("2", "Tỷ lệ đạt 50% kế hoạch", "%", "48", ""))[3] == "48"
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    for code in ("3.3", "5.3", "6.4"):
        assert rows[code]["value"] == values[code], code
        assert "derived_from_sums:value" not in rows[code]["flags"]
