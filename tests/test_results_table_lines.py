"""A report's two-column results table ("Nội dung | Kết quả") as an OCR dump prints it: a line per
row, the indicator and the result cell side by side with no colon, the items' cells printing a
part over its whole ("579/594 hồ sơ (97,47%)"), OCR's bars and specks among them.

``results-part-whole-psm3.txt`` is a real Tesseract 5 dump (``eng``, ``--psm 3``, 250 dpi,
degraded) of an N56 report (the spent held-out seed 9001's D22 i3). The values asserted are the
document's own (its truth file): 1 = 13 văn bản, 2 = 594 hồ sơ over 579 online (97,47%) and 15 by
post (2,53%), 3 = 19 phản ánh over 17 and 2, 4 = 21 người over 19 and 2, 5 = 28 nhiệm vụ over 25 and
3, 6 = 5 cuộc. The other texts are made here, each a results list as such a dump prints it."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.body_stat_columns import glued_rows, part_whole_cell, result_cell, result_header, results_listed

DATA = Path(__file__).parent / "data" / "dumps_annex64"

_HEAD = """UBND XÃ TÂN MỸ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 12/BC-UBND Tân Mỹ, ngày 11 tháng 02 năm 2024
BÁO CÁO
Kết quả công tác cải cách hành chính năm 2023

I. KẾT QUẢ THỰC HIỆN
Một số chỉ tiêu chủ yếu đạt được trong kỳ:

"""


def _convert(tmp_path: Path, body: str) -> dict:
    path = tmp_path / "report.txt"
    path.write_text(_HEAD + body, encoding="utf-8")
    return result_to_json(convert_file(path))


def test_the_dump_reads_every_row_the_items_part_over_whole():
    out = result_to_json(convert_file(DATA / "results-part-whole-psm3.txt"))
    (annex,) = out["statistics"]
    rows = annex["rows"]
    assert [r["value"] for r in rows] == [
        13.0, 594.0, 579.0, 15.0, 97.47, 19.0, 17.0, 2.0, 89.47, 21.0, 19.0, 2.0, 90.48, 28.0, 25.0, 3.0, 89.29, 5.0,
    ]  # fmt: skip
    assert [r["code"] for r in rows if r["code"]] == ["1", "2", "3", "4", "5", "6"]
    online = rows[2]
    assert (online["unit"], online["note"]) == ("hồ sơ", "trên tổng số 594; 97,47%")
    # the bars and specks around a wrapped share ("25/28 nhiệm vụ |" / "| = __(89,29%)") left out
    assert rows[14]["note"] == "trên tổng số 28; 89,29%" and rows[14]["indicator"] == "Số nhiệm vụ đã hoàn thành"
    assert rows[16]["unit"] == "%" and rows[17]["unit"] == "cuộc"
    # the items add up to their total, the shares are the part over the whole: all checked, none off
    checks = [c for c in out["checks"] if c["kind"] in ("total_parts", "ratio")]
    assert len(checks) >= 10 and all(c["status"] == "ok" for c in checks)
    assert not any(u["kind"] == "rows" for u in out["unread"])
    assert not out["counts"]  # the list's lines are its rows, not narrative counts besides them


def test_a_share_the_part_over_the_whole_does_not_give_is_queued(tmp_path):
    body = """Nội dung | Kết quả
1. Số văn bản chỉ đạo, điều hành CCHC đã ban hành | 13 văn bản
2. Tổng số hồ sơ TTHC tiếp nhận trong kỳ 282 hồ sơ
- Số hồ sơ giải quyết đúng hạn 259/282 hồ sơ, chiếm 91,84%
- Số hồ sơ giải quyết quá hạn 23/282 hồ sơ (18,16%)
3. Số cuộc kiểm tra CCHC đã thực hiện | 5 cuộc
"""
    out = _convert(tmp_path, body)
    (annex,) = out["statistics"]
    rows = {r["indicator"]: r for r in annex["rows"]}
    on_time = rows["Số hồ sơ giải quyết đúng hạn"]
    assert (on_time["value"], on_time["unit"], on_time["note"]) == (259.0, "hồ sơ", "trên tổng số 282; 91,84%")
    late = rows["Số hồ sơ giải quyết quá hạn"]
    assert late["value"] == 23.0 and "share_not_part_over_whole" in late["flags"]  # 23/282 is 8,16%
    # 259 + 23 = 282 holds: only the doubtful share is queued, on the item and on its total
    queued = {q["item"] for q in out["review"]}
    assert f"/statistics/0/rows/{annex['rows'].index(late)}" in queued


def test_an_unread_results_list_is_told_not_dropped(tmp_path):
    # figures printed with no unit after them: no result cell to take, colon or none
    body = """Nội dung ] Kết quả
1. Số văn bản chỉ đạo, điều hành CCHC đã ban hành 13
2. Tổng số hồ sơ TTHC tiếp nhận trong kỳ 594
3. Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận 19
4. Số cán bộ, công chức cấp xã 21

II. PHƯƠNG HƯỚNG, NHIỆM VỤ THỜI GIAN TỚI
"""
    out = _convert(tmp_path, body)
    assert not any(r for a in out["statistics"] for r in a["rows"])
    told = [u for u in out["unread"] if u["kind"] == "rows"]
    assert told and "594" in told[0]["text_sample"]


def test_without_the_header_numbered_prose_is_no_results_table(tmp_path):
    body = """1. Tổ chức 5 cuộc họp giao ban
2. Ban hành 13 văn bản chỉ đạo
3. Tuyên truyền tại 9 thôn
4. Kiểm tra 4 bộ phận chuyên môn
"""
    out = _convert(tmp_path, body)
    assert not any(a["read_from"] == "lines" for a in out["statistics"])


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("Nội dung ] Kết quả", True),
        ("Noi dung | Két qua", True),
        ("Chỉ tiêu | S6 liệu", True),
        ("Một số chỉ tiêu chủ yếu đạt được trong kỳ:", False),
        ("Nội dung công việc đã thực hiện và kết quả đạt được trong năm", False),
    ],
)
def test_result_header(text, header):
    assert result_header(text) is header


def test_result_cells():
    assert part_whole_cell("Số nhiệm vụ đã hoàn thành : 25/28 nhiệm vụ | | = __(89,29%)") == (
        "Số nhiệm vụ đã hoàn thành",
        "25/28 nhiệm vụ (89,29%)",
    )
    assert part_whole_cell("Số hồ sơ quý I/2024 đã giải quyết") is None  # a quarter of a year, no part
    assert part_whole_cell("Số hồ sơ 300/282 hồ sơ") is None  # a part over its whole is no larger
    assert part_whole_cell("Cải cách thủ tục hành chính (lĩnh vực 3): tự chấm 15/18 điểm") is None  # points
    assert result_cell("Tổng số hồ sơ TTHC tiếp nhận trong kỳ 594 hồ sơ") == (
        "Tổng số hồ sơ TTHC tiếp nhận trong kỳ",
        "594",
        "hồ sơ",
    )
    assert result_cell("Tỷ lệ cán bộ, công chức đạt chuẩn 90,48% j++} | |") == (
        "Tỷ lệ cán bộ, công chức đạt chuẩn",
        "90,48",
        "%",
    )
    assert result_cell("Số nhiệm vụ trong Kế hoạch CCHC năm_ 28 nhiệm vụ -")[1:] == ("28", "nhiệm vụ")
    assert result_cell("Số văn bản đã ban hành 13") is None  # no unit: no result cell said so


def test_a_list_of_parts_over_wholes_is_a_results_table_with_no_header():
    assert results_listed(
        ["Số nhiệm vụ đã hoàn thành 36/38 nhiệm vụ (94,74%)", "Số TTHC chỉ cung cấp thông tin 1/103 thủ tục (0,97%)"]
    )
    assert not results_listed(["Số nhiệm vụ đã hoàn thành 36/38 nhiệm vụ (94,74%)", "Ban hành 13 văn bản"])
    # two rows OCR glued, the second's words lost: the first's cell is its own, the part is no cell of it
    assert glued_rows("Số hồ sơ TTHC đã giải quyết . 226 hồ sơ 195/226 hồ sơ (86,28%") == (
        "Số hồ sơ TTHC đã giải quyết . 226 hồ sơ ",
        "195/226 hồ sơ (86,28%",
    )
    assert glued_rows("Số hồ sơ tiếp nhận trực tuyến 579/594 hồ sơ (97,47%)") is None


def test_a_row_wrapped_after_its_cell_and_a_dash_read_as_a_tilde(tmp_path):
    body = """Nội dung | Kết quả
1. Số cuộc kiểm tra CCHC đã thực hiện 6 cuộc
2. Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của : 106 thủ tục
UBND xã : ol
- Số TTHC cung cấp dịch vụ công trực tuyến toàn trình 80/106 thủ tục (75,47%)
~ Số TTHC cung cấp dịch vụ công trực tuyến một phần 26/106 thủ tục (24,53%)
- Số TTHC chỉ cung cấp thông tin 0/106 thủ tục (0%)
3. Số sáng kiến, giải pháp CCHC được công nhận 1 sáng kiến
"""
    (annex,) = _convert(tmp_path, body)["statistics"]
    rows = annex["rows"]
    assert [r["value"] for r in rows] == [6.0, 106.0, 80.0, 26.0, 0.0, 1.0]
    assert rows[1]["indicator"].endswith("của UBND xã ol") and rows[1]["unit"] == "thủ tục"


def test_a_numbered_row_printing_a_part_over_its_whole_is_an_item_glued_to_it(tmp_path):
    # "2." lost its cell; OCR glued the item under it (its dash read as specks) onto its line.
    # (dumprows74: the item's line is its own row, a numbered row being a whole, and row 2's figure
    # the whole its two items print, 38, read so and flagged; before, both items were told unread.)
    body = """Nội dung | Kết quả
1. Số cuộc kiểm tra CCHC đã thực hiện 6 cuộc
2. Số nhiệm vụ trong Kế hoạch CCHC năm :
> | = Số nhiệm vụ đã hoàn thành 36/38 nhiệm vụ (94,74%)
- Số nhiệm vụ chưa hoàn thành 2/38 nhiệm vụ (5,26%)
3. Số sáng kiến, giải pháp CCHC được công nhận 1 sáng kiến
4. Số văn bản chỉ đạo, điều hành CCHC đã ban hành 13 văn bản
"""
    out = _convert(tmp_path, body)
    rows = [r for a in out["statistics"] for r in a["rows"]]
    two = next(r for r in rows if r["code"] == "2")
    assert two["value"] == 38.0 and "figure_from_items_whole" in two["flags"]  # never 36, the item's
    items = [r for r in rows if r["parent"] == "2"]
    assert [(r["indicator"], r["value"]) for r in items] == [
        ("Số nhiệm vụ đã hoàn thành", 36.0),
        ("Số nhiệm vụ chưa hoàn thành", 2.0),
    ]
