"""A report's statistics told as numbered lines, each item on a dash line that OCR read as a tilde
before "Số" read "$6", as a real Tesseract 5 dump gives it
(``annex70/d15001-n56-over-whole-bracketed-psm3-degraded.txt``: the D22 dump of seed 15001's N56
report, ``eng``, ``--psm 3``, degraded):

    2. Tong sé hd so TTHC tiép nhan trong ky 329 ho so
    - $6 hd so tiép nhan true tuyén | 284/329 ho so (86,32%)
    ~ $6 ho so tiép nhan truc tiép va qua buu chinh | 45/329 ho so (13,68%)
    ...
    4. S6 can bé, cng chic cap xa ; [ 22 ngudi
    ~ $6 can bé, céng chic dat chuan | 18/22 ngwoi (81,82%)

A tilde was a dash only before a letter ("~ 100%)" is a speck before a figure): "~ $6 …" was no
item, so 2's second item ran into its first (45 read for 284) and group 4 was lost whole. "$6" is
OCR's "Số" (a dollar sign and a digit open no figure). The values asserted are the generator's
truth."""

from __future__ import annotations

from pathlib import Path

from annex69_data import truth_values
from cchc_extract.pipeline import convert_file, result_to_json

DUMP = Path(__file__).parent / "data" / "annex70" / "d15001-n56-over-whole-bracketed-psm3-degraded.txt"


def test_a_tilde_before_so_read_as_dollar_six_is_an_item_s_dash():
    truth = truth_values(DUMP, key="indicator")
    out = result_to_json(convert_file(DUMP))
    (annex,) = out["statistics"]
    values = [r["value"] for r in annex["rows"]]
    assert len(annex["rows"]) == 24
    assert values == [
        truth[k]
        for k in (
            "Số cuộc kiểm tra CCHC đã thực hiện",
            "Tổng số hồ sơ TTHC tiếp nhận trong kỳ",
            "Số hồ sơ tiếp nhận trực tuyến",
            "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính",
            "Tỷ lệ hồ sơ tiếp nhận trực tuyến",
            "Số nhiệm vụ trong Kế hoạch CCHC năm",
            "Số nhiệm vụ đã hoàn thành",
            "Số nhiệm vụ chưa hoàn thành",
            "Tỷ lệ hoàn thành Kế hoạch CCHC năm",
            "Số cán bộ, công chức cấp xã",
            "Số cán bộ, công chức đạt chuẩn",
            "Số cán bộ, công chức chưa đạt chuẩn",
            "Tỷ lệ cán bộ, công chức đạt chuẩn",
            "Số hồ sơ TTHC đã giải quyết",
            "Giải quyết trước hạn",
            "Giải quyết đúng hạn",
            "Giải quyết quá hạn",
            "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn",
            "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã",
            "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình",
            "Số TTHC cung cấp dịch vụ công trực tuyến một phần",
            "Số TTHC chỉ cung cấp thông tin",
            "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình",
            "Số văn bản chỉ đạo, điều hành CCHC đã ban hành",
        )
    ]
    assert [r["code"] for r in annex["rows"] if r["code"]] == ["1", "2", "3", "4", "5", "6", "7"]
