"""A run of rows told unread with no score table read around it ("3 lines shaped like score rows (a
code, then points) gave no row: a table whose header or layout could not be read") is a table whose
header OCR garbled ("TT - Núi được định gúc : Tài liệu kiếm chứng"): ``set_rows`` looks at its lines
as at a table's withdrawn whole, and recovers the rows whose names open the set's criteria in order.

The dump is the text Tesseract gave of the corpus generator's seed 1431 d02-i4 (a seed of this
branch's own); the codes are the generator's truth, one table of ten rows. 1.3, printed on the next
page under the header repeated, is a piece of two lines that alone are too few to stand as a table:
looked at after the rows recovered on the page before (the told regions in the order they print),
it is the set's criterion after 1.2.2, recovered and queued whole (its maximum, "na" for 3, was
garbled: the "2 2" after its name give it 2, self 2 right, so the row must be reviewed)."""

from __future__ import annotations

from pathlib import Path

from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from score_dumps import read_score_dump

DUMP = [
    "UBND XÃ LỘC HÀ _— CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "mm Độc lập - Tự do - Hạnh phúc",
    "",
    "Số: 276/BC-UBND Lộc Hà, ngày 12 tháng 12 năm 2014",
    "",
    "v. -BÁO CÁO",
    "_ Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính",
    ". năm 2014 của UBND xã Lộc Hà",
    "",
    "Thực hiện Kế hoạch SỐ '183/KH- UBND ngày 12/03/2014 của UBND huyện F Diên Tưởng về việc triển khai công tác cải cách hành. chính `",  # noqa: E501
    ". năm 2014; UBND xã Lộc Hà báo cáo kết quả tự đánh giá, chấm điểm như sau:",
    "",
    "Điểm Điểm",
    "TT - Núi được định gúc : Tài liệu kiếm chứng n8 5 ng",
    "âm. điểm xã tự :",
    "vi định",
    "n ị : chấm .",
    "(D - @2)_ ma. Đ. Gñl T7 17T.",
    "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 5 5",
    "11 | Kếhoạch CCHC năm . - 3 1 c., „",
    "111 Ban hành kế mm... năm Công văn số 264/CV-UBND ngày - 1 Ẹ ni",
    "Shr 22/1/2014 : Ai",
    "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực | Tỷ lệ đạt 61% ' . . |",
    "1.1.2 | theo kế hoạch năm của UBND tỉnh và bố trí kinh phí : TL 0,25 0,25",
    "thực hiện : :",
    "Các kết quả phải đạt được xác định rõ ràng, cụ thể và n P :",
    "1.1.3 | định rõ trách nhiệm triển khai của phòng, ban, đơn vị ; : T U79 | 0/5.",
    "na trực thuộc mm... sế “. |",
    '111 Mức độ thực hiện kế hoạch ŒCHC: Công văn số 230/CV-VP ngày 2 0 ".',
    "mở lu : : 10/02/2014",
    "12 | Báo cáo CCHC j7 1]",
    "121 Tất cả báo cáo được gửi đúng thời gian quy định (báo 1 1 1",
    "—_ | cáo quí I, quí IH, báo cáo 6 tháng và báo cáo năm) : .. : |",
    "1.2.2 | Tất cả báo cáo có đầy đủ nội dun ¡ng theo hướng dẫn - Ban hành chậm so với quy định 1 0 0",
    "",
    "",
    "",
    ">!.UU: VỊ, VP.",
    "",
    "_ Nguyễn Diệu Vân",
    "",
    "Điểm Điểm.",
    "_TT Nội dung đánh giá Tài liệu kiếm chứng T6 | TH ng",
    "- điểm xã tự :",
    ": Si: định",
    "1. chấm",
    "q) (2) _(3) -_ L4) G) _ (6)",
    "13 Kiểm tra công tác CCHC: _ | Kế hoạch số 60/KH-UBND ngày na 2 2",
    ":í : _| 20/07/2014",
    "TỔNG ĐIỂM 10 n â",
    "Nơi nhận: - TM. ỦY BAN NHÂN DÂN",
    "- UBND huyện Diên Tường (b/c); CHỦ TỊCH",
    "- Chủ tịch, các PCT UBND xã; TT.",
    ": (Đã ký) ..",
]

CODES = ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]


def test_rows_told_with_no_table_around_them_are_recovered_by_the_set(tmp_path: Path):
    out, _ = read_score_dump(tmp_path, "\n".join(DUMP) + "\n")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == CODES  # nothing invented
    assert all(FLAG_FROM_SET_ORDER in r["flags"] for r in rows)
    assert [r["source"]["line_start"] for r in rows] == [19, 20, 21, 23, 26, 29, 31, 32, 34, 48]
    assert (rows[0]["max_points"], rows[0]["self_points"]) == (10, 5)  # "1. CÔNG TÁC … CCHC 10 5 5"
    assert rows[-1]["self_points"] == 2  # "13 Kiểm tra công tác CCHC … na 2 2": the truth's 2
    assert "1.3" in {q.get("code") for q in out["review"]}  # its maximum garbled: reviewed, not silent
    told = [p["reason"] for p in out["unread"]]
    assert not [r for r in told if "lines shaped like score rows" in r]
    assert not [r for r in told if "could not be read with confidence" in r]
    assert "points of 1.1.1, 1.1.2, 1.1.3, 1.2 not read (rows recovered by their names in the criteria set)" in told
