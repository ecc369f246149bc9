"""A share an OCR dump printed without its decimal mark ("96,43" as "9643", read 9643%) whose
counts OCR smeared, so that no ratio check weighs it (issue 14): no share is over 100%, so the
figure is a reading of digits that lost their mark and goes to the review queue, never passed as
sure. Seed 801's psm 3 dump: "5.3 … ' sD VI 08, 9643 |" under two counts whose figures were lost.
The dump is written by the test."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.review_threshold import REVIEW_BELOW

DUMP = """ỦY BAN NHÂN DÂN
XÃ AN PHÚ
Số: 5/BC-UBND An Phú, ngày 05 tháng 03 năm 2014
BÁO CÁO
Kết quả công tác cải cách hành chính năm 2013

Phụ lục 1
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2013
(Kèm theo Báo cáo số 5/BC-UBND ngày 05/03/2014 của UBND xã An Phú)

: L TT Chỉ tiêu Đơn vị Kếtquả | Ghichú
1 '| Số văn bản chỉ đạo, điều hành CCHC đã ban hành Văn bản 16
2 Số nhiệm vụ trong Kế hoạch CCHC năm : Nhiệm vụ 28 |
2.1 | Số nhiệm vụ đã hoàn thành Nhiệm vụ 23
2.2 | Số nhiệm vụ chưa hoàn thành Nhiệm vụ 5
2.3 | Tỷ lệ hoàn thành Kế hoạch CCHC năm % 82,14
3 | Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp Phản ánh g8ï£h
nhận : :
3.1 | Số phản ánh, kiến nghị đã xử lý Phản ánh 55, lễ
3.2 | Số phản ánh, kiến nghị đang xử lý Phản ánh lộ
3.3 | Tỷ lệ phản ánh, kiến nghị được xử lý % {share} |
4 | Số cuộc kiểm tra CCHC đã thực hiện Cuộc 4
"""


def _share(tmp_path: Path, printed: str) -> tuple[dict, dict]:
    dump = tmp_path / "annex-vie-psm3.txt"
    dump.write_text(DUMP.format(share=printed), encoding="utf-8")
    out = result_to_json(convert_file(dump))
    rows = out["statistics"][0]["rows"]
    ri, row = next((i, r) for i, r in enumerate(rows) if r["code"] == "3.3")
    entry = next((e for e in out["review"] if e["item"] == f"/statistics/0/rows/{ri}"), None)
    return row, entry


def test_a_share_read_over_100_with_no_check_to_weigh_it_is_queued(tmp_path):
    row, entry = _share(tmp_path, "9643")
    assert row["value"] == 9643 and "percent_over_100" in row["flags"]
    assert entry is not None and entry["confidence"] < REVIEW_BELOW


def test_a_share_under_100_with_no_check_keeps_its_reading(tmp_path):
    row, entry = _share(tmp_path, "96,43")
    assert row["value"] == 96.43 and "percent_over_100" not in row["flags"]
    assert entry is None
