"""An annex splitting each count by channel, the total last, as a real Tesseract 5 dump gives it
(``annex70/d15001-n55-channels-total-last-psm3-degraded.txt``: the D22 dump of seed 15001's N55
annex, ``vie``, ``--psm 3``, degraded):

    ST Chỉ tiêu Đơn vị ° _ Chiara - Tổng Ghi
    sử tính Trực. . Trực cộng chú
    : tuyến tiếp
    ...
    5.2 | Số phản ánh, kiến nghị đang xử lý Phản 0 S0 0
    6_ | Số hồ sơ TTHC đã giải quyết Hồ sơ 34 195 229

Two things kept each row's first channel as its value (34 for 229). The header's channel labels
were printed a word a line ("Trực" over "tuyến", "Trực" over "tiếp"), so no label read whole and
the header split nothing; and the row of zeros "0 S0 0" (S0 read 50) made 0 / 50 = 0 %, as if its
last figure were this year over last year's in per cent: a table of last year's and a comparison
beside the whole. Nothing over anything is 0 %, which shows no comparison; the channels' words
apart still name the channels, and the rows' sums (34 + 195 = 229) place the whole last. The
values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import DATA, converted_annex
from extract.segment.stat_channel_parts import channels_stacked
from extract.segment.stat_period_against import NONE, beside_whole

DUMP = DATA / "d15001-n55-channels-total-last-psm3-degraded.txt"


def test_a_channel_annex_whose_labels_ocr_set_apart_takes_each_row_s_total():
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    codes = ("5", "5.1", "5.2", "6", "6.1", "6.2", "6.3")
    assert [values[c] for c in codes] == [29.0, 29.0, 0.0, 229.0, 162.0, 65.0, 2.0]
    assert [rows[c]["value"] for c in codes] == [values[c] for c in codes]


def test_a_row_of_zeros_shows_no_comparison_and_words_apart_name_the_channels():
    assert beside_whole([(["0", "S0", "0"], "Phản ánh"), (["34", "195", "229"], "Hồ sơ")], "", True) == NONE
    assert channels_stacked("sử tính Trực. . Trực cộng chú : tuyến tiếp")
    assert not channels_stacked("Số hồ sơ tiếp nhận trực tuyến")
