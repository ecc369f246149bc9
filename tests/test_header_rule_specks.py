"""A header line opening with a rule's specks ("- _ 1ï Lĩnh vực, tiêu chí . ; Thang Điểm . :") is
a header's, not a prose bullet's (``score_lines._opens_header``): two speck tokens in a row, or a
dash glued to another speck ("-_", "-|"), are a rule's ink; a bullet's dash has words after it
("- Tiêu chí mất điểm:"). Taken for a bullet, the header's only line naming two columns was
skipped, no header was found and the whole table, legible, gave no row.

The dump is the text Tesseract gave of the corpus generator's seed 904 d03-i4 (a development
seed); the codes and maxima asserted are the generator's truth."""

from __future__ import annotations

from extract.model import Line
from extract.segment.score_lines import _opens_header
from score_dumps import read_score_dump

DUMP = [
    "_— ỦY BAN NHÂN DÂN _ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM :",
    ". XÃ HÀXUÂN . Độc lập - Tự do - Hạnh phúc,",
    "Số:79/BC-UBND  . __ Hà Xuân, ngày 24 tháng 03 năm 2015",
    "7. BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH :",
    ": __ NĂM 2014CỦA UBND XÃ HÀ XUÂN : ...",
    "—__ Thực hiện Kế hoạch số 95/KH-UBND ngày 7/4/2014 của UBND huyện Thanh Kim Tây về",
    ": việc triển khai công tác cải cách hành chính năm 2014; UBND xã Hà Xuân báo cáo kết quả",
    "tự đánh giá, chấm điểm như sau: :",
    "- _ 1ï Lĩnh vực, tiêu chí . ; Thang Điểm . :",
    ". điểm ' UBND",
    ": - xã tự",
    ". ._ chấm",
    "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 4 :",
    ".11 KếhoạchCCHCnăm ˆ ị 5 J7. a.",
    "- 1.1.1. Ban hành kế hoạch CCHC năm : † 1 ị",
    ": : 1.1.2. Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế 1 1Ì :",
    ": hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện . : :",
    ": 1.1.3 Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách đệ 1. : :",
    "- nhiệm triển khai của phòng, ban, đơn vị trực thuộc :",
    "1.1.4. Mức độ thực hiện kế hoạch CCHC 7 0",
    "12 PáocáoCCHC : „.. 1 :",
    "121 Tấtca Dao cáo được gửi đúng thời gian quy định (báo cáo quí I, quí 1 0 :",
    "II, báo cáo 6 tháng và báo cáo năm) : . :",
    "-1.2.2. Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn ¡ 1 1",
    "1.3 Kiểm tra công tác CCHC 3 0 :",
    ': . __ Tổng cộng 10 "1...',
    "Nơi nhận: _ _KT.CHỦTỊCH -",
    "- UBND huyện Thanh Kim Tây (b/c); PHÓ CHỦ TICH",
    ": - TT Đảng ủy, HĐND xã (b/c); 7 ký) ¬ :",
    "`... 1... Mạc Minh Nghĩa — - :",
]

# The generator's truth: (code, maximum).
TRUTH = [
    ("1", 10),
    ("1.1", 5),
    ("1.1.1", 1),
    ("1.1.2", 1),
    ("1.1.3", 1),
    ("1.1.4", 2),
    ("1.2", 2),
    ("1.2.1", 1),
    ("1.2.2", 1),
    ("1.3", 3),
]


def test_a_header_behind_a_rules_specks_opens_the_table(tmp_path):
    out, _ = read_score_dump(tmp_path, "\n".join(DUMP) + "\n")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [(r["code"], r["max_points"]) for r in rows] == TRUTH
    assert rows[0]["source"]["line_start"] == 13  # "1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 4 :"


def test_a_bullets_dash_still_opens_no_header():
    assert _opens_header(Line(text=DUMP[8], page=1, number=9))
    assert _opens_header(Line(text="-| TT, | Lĩnh vực/Tiêu chí/Tiêu chí thành phần Điểm tối đa", page=1, number=1))
    assert not _opens_header(Line(text="- Tiêu chí mất điểm tối đa", page=1, number=1))
    assert not _opens_header(Line(text="- _ 1. Tiêu chí mất điểm tối đa", page=1, number=1))
