"""Rows of an OCR'd statistics annex that its numbering says were printed and no row read carries
(issues 14 and 16): "3.2" read first under "3" says 3.1 was printed and lost (OCR garbled its code
past reading, "B1.) 5s6TIHC …", and smeared its figure). The lost row is told as an ``unread``
part, and the total of 3 and the share 3.4 it leaves short are ``incomplete``, never a
``mismatch`` (seed 661's psm 3 dump told the commune its total 99 was wrong against 25). The
dumps are written by the tests."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_numbering import lost_siblings

HEAD = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 104 /BC-UBND An Phú, ngày 13 tháng 11 năm 2014
BÁO CÁO
Kết quả công tác cải cách hành chính năm 2014

: Phụ lục 1 : ni
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2014
(Kèm theo Báo cáo số 104/BC-UBND ngày 13/11/2014 của UBND xã An Phú)

TIT ._ Chỉ tiêu - Đơn vị Kếtquả | Ghi chú
Ti tính
1 | Số cuộc kiểm tra CCHC đã thực hiện Cuộc 5
2 | Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận Phản ánh 12
2.1 | Số phản ánh, kiến nghị đã xử lý Phản ánh 11
2.2 | Số phản ánh, kiến nghị đang xử lý Phản ánh 1
2.3 | Tỷ lệ phản ánh, kiến nghị được xử lý % 91,67
3 | Tống số thủ tục hành chính thuộc thấm quyền giải Thủ tục 99
quyết của UBND xã : :
"""
LOST = "B1.) 5s6TIHC cung cấp dịch vụ công trực tuyến toàn trình | Thủ tục lệ cư |\n"
PRINTED = "3.1 | Số TTHC cung cấp dịch vụ công trực tuyến toàn trình Thủ tục 74\n"
TAIL = """3.2 | Số TTHC cung cấp dịch Vụ công trực tuyến một phần Thủ tục 25
3.3. | Số TTHC chỉ cung cấp thông tin - Thủ tục 0
3.4. | Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn % 74,75
| trình : Sa : |
4 Số cán bộ, công chức cấp xã Người 20
4.1 | Số cán bộ, công chức đạt chuẩn Người 17
4.2 | Số cán bộ, công chức chưa đạt chuẩn Người 3
6 Số văn bản chỉ đạo, điều hành CCHC đã ban hành Văn bản 8
"""


def _read(tmp_path: Path, text: str) -> dict:
    dump = tmp_path / "annex-vie-psm3.txt"
    dump.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(dump))


def _checks(out: dict, kind: str) -> dict[str, dict]:
    return {c["code"]: c for c in out["checks"] if c["kind"] == kind}


def test_a_row_lost_before_the_first_read_under_its_parent_is_told_and_leaves_its_sums_incomplete(tmp_path):
    out = _read(tmp_path, HEAD + LOST + TAIL)
    rows = out["statistics"][0]["rows"]
    codes = [r["code"] for r in rows]
    assert "3.1" not in codes and codes.index("3.2") == codes.index("3") + 1
    # the lost rows are told where the numbering shows them: 3.1 before 3.2, 5 before 6
    told = [p for p in out["unread"] if p["reason"].startswith("numbering")]
    assert [p["reason"].rpartition(": ")[2] for p in told] == [
        "3.1 printed before it not read",
        "5 printed before it not read",
    ]
    assert told[0]["line_start"] == HEAD.count("\n") + 2  # the line of 3.2, after the lost one
    # 99 against 25 + 0 and 74,75% against 25/99 are short of the row lost, not the commune's fault
    total, share = _checks(out, "total_parts")["3"], _checks(out, "ratio")["3.4"]
    assert (total["status"], share["status"]) == ("incomplete", "incomplete")
    assert "3.1 printed under it was not read" in total["message"]
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]
    # their figures are looked at, with the rows lost beside them
    queued = {e["item"] for e in out["review"]}
    assert {f"/statistics/0/rows/{codes.index('3')}", f"/statistics/0/rows/{codes.index('3.4')}"} <= queued


def test_with_the_row_printed_the_sums_hold_and_nothing_is_told(tmp_path):
    out = _read(tmp_path, HEAD + PRINTED + TAIL.replace("6 Số văn bản", "5 Số văn bản"))
    assert not [p for p in out["unread"] if p["reason"].startswith("numbering")]
    assert _checks(out, "total_parts")["3"]["status"] == "ok"
    assert _checks(out, "ratio")["3.4"]["status"] == "ok"


def test_a_total_whose_parts_read_pass_it_is_still_a_fault_with_a_row_lost(tmp_path):
    # the parts read already pass the whole: no row lost can bring them back to it
    out = _read(tmp_path, HEAD.replace("Thủ tục 99", "Thủ tục 19") + LOST + TAIL)
    assert _checks(out, "total_parts")["3"]["status"] != "incomplete"


def test_lost_siblings_by_the_numbering():
    gaps = lost_siblings(["1", "2", "2.2", "2.3", "2.3.a", "2.3.c", "4", "4.1", "4.2"])
    said = [(g.parent, g.missing, g.leading) for g in gaps]
    assert said == [("2", ("2.1",), True), ("2.3", ("2.3.b",), False), (None, ("3",), False)]
    # a code read anywhere in the annex (a row out of its place) is not lost
    assert lost_siblings(["1", "3", "2"]) == []
    assert lost_siblings(["I", "1", "2", "II", "1"]) == []


def test_the_parent_of_items_read_is_lost_when_no_row_carries_it():
    # "4.1.a" read with no row 4.1: 4.1 was printed above its items.
    gaps = lost_siblings(["1", "2", "3", "3.1", "4", "4.1.a", "4.1.b", "4.2", "5"])
    assert [(g.parent, g.missing, g.after) for g in gaps] == [("4", ("4.1",), 5)]
    # ... and its siblings before it too, when none was read ("4.2.a" first under 4).
    gaps = lost_siblings(["1", "2", "3", "4", "4.2.a", "4.3"])
    assert [(g.parent, g.missing) for g in gaps] == [("4", ("4.1", "4.2"))]
    # A code deeper than the forms number ("7.2.1", "5.1.4.1": the column repair's guess) says
    # nothing of its parent.
    assert lost_siblings(["1", "2", "2.1", "2.1.4.1", "2.2.1", "2.2", "3"]) == []
