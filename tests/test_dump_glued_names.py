"""A shaded row's name glued to the shading's garbage in an OCR dump, its code printed (issue 11):
the name's letters, folded and without spaces, open with its code's wording, so the row is that
criterion, the set sure or not; a garbled opening is no evidence. Seed 651's d04-i4 (vie,
250 dpi, degraded), written by the test."""

from pathlib import Path

from normalize.criteria import CriterionDef
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.name_agreement import opens_with_letters
from score_dumps import read_score_dump

# The table's lines as Tesseract printed them: row 1.2 ("Báo cáo CCHC", shaded) reads
# "| 12 | BáocáoCCHC fỆ777ERmiTyilimi In 67 71".
GLUED_DUMP = (
    """. ỦY BAN NHÂN DÂN XÃHỢPMỸ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NĂM
: : : = Ai - Độc lập - Tự do - Hạnh phúc „`. Hi
—_ Số: 122/BC-UBND : Hợp Mỹ, ngày 21 tháng 1 năm 2015
: BÁO CÁO - .
__ Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính  ˆ
: : __ năm 2014 của UBND xã Hợp Mỹ
"""
    "__..Thực hiện Kế hoạch số 236/KH-UBND ngày 20/6/2014 của UBND huyện Xuân Phú về việc triển khai công tác cải cách"
    """ hành chính năm .
__ 2014; UBND xã Hợp Mỹ báo cáo kết quả tự đánh giá, chấm điểm như sau: : : : :
- — I Điểm - : ⁄
si : Điểm : :
: Phòng | :
STT Nội dung đánh giá Hướng UBND | Njyu | - — Tài liệu kiểm chứng :
: : lem xa tự ~ - : ỹ
D ; : : di thẩm ' | - :
: ễ : định
CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC EriTeirftrarlfr Em ra... a7 1...
— | — | 1.1 |KếhoạchCCHC năm BE E72iviEirii IS nã... ...
[| 1.11 | Ban hành kế hoạch CCHC năm ` Không phát sinh "..
Xác định đầy đủ các nhiệm vụ CCHC trên các Quyết định số 205/QĐ-UBND ngày
1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 '9/6/2014 : T,
bố trí kinh phí thực hiện ` : :
ĐÓ Các kết quả phải đạt được xác định rõ ràng, cụ Đạt yêu cầu theo hướng dẫn "
5n 1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, 1 1 lo
. | bản, đơn vị trực thuộc _ sc z _
Mức độ thực hiện kế hoạch CCHC. .Chưa hoàn thành 4/14 nhiệm vụ
1.1.4 : 3 1,25 đô T
: : theo kế hoạch
| __. | 12 | BáocáoCCHC fỆ777ERmiTyilimi In 67 71 _
. Tất cả báo cáo được gửi đúng thời gian quy định lo g
1.2.1 | (báo cáo quí I, quí III, báo cáo 6 tháng và báo Si 1 0,75 -
Ni : cáo năm) : : ễ



Điểm Điểm |: : : : _
Phòng ˆ :
STT Nội dung đánh giá TU LTU | Ngựa. Tài liệu kiếm chứng
: điểm |: xãtự | „
: : : chấm HN :
- định :
: ".... na : "¬¬ :
=“..: me cả báo cáo có đầy đủ nội dung theo hướng Tỷ lệ đạt 87% .
¡3 | Kiếm tra công tác CCHC ` : : _¿ __ | Thông báo số 99/TB-UBND ngày : :
, : 12/04/2014 ' WG, ng:
` _ TỔNG ĐIỂM 8ã s15. 511 5 5. I |
_ Nơi nhận: ___TM. ỦY BAN NHÂN DÂN ' : . :
- UBND huyện Xuân Phú (b/c); : CHỦ TỊCH :
_> Chủ tịch, các PCT UBND xã; (Đã ký) : : KH ni
- Lưu: VT, VP. cốc : : nG ni
Nguyễn Hồng Thảo .
"""
)


def test_a_shaded_name_glued_to_garbage_under_its_printed_code_is_its_criterion(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, GLUED_DUMP)
    _, row = rows["1.2"]
    assert row["name"] == "Báo cáo CCHC"
    assert row["name_raw"] == "BáocáoCCHC fỆ777ERmiTyilimi In"  # the text read is kept
    assert any(f.startswith("name_from_criteria_set:") for f in row["flags"])


def test_a_garbled_opening_under_the_same_code_keeps_its_name_as_read(tmp_path: Path):
    # The letters read must agree with the wording: "moaäocHnO" (seed 1011's d04-i2, noted by
    # dumprows31) is not "baocaocchc" whatever its code says.
    _, rows = read_score_dump(tmp_path, GLUED_DUMP.replace("BáocáoCCHC fỆ777ERmiTyilimi In", "moaäocHnO TT"))
    _, row = rows["1.2"]
    assert row["name"] != "Báo cáo CCHC"
    assert not any(f.startswith("name_from_criteria_set:") for f in row["flags"])


ROWS = (
    CriterionDef("1.2", "1", "Báo cáo CCHC", 2.0),
    CriterionDef("1.2.1", "1.2", "Tất cả báo cáo được gửi đúng thời gian quy định", 1.0),
    CriterionDef("1.3", "1", "Kiểm tra công tác CCHC", 3.0),
    CriterionDef("2.1", "2", "Báo cáo kết quả CCHC", 1.0),
)


def test_the_letters_read_open_with_the_wording_within_a_third_of_its_letters_edited():
    s = MatchSettings()
    report, check = ROWS[0], ROWS[2]
    assert opens_with_letters("BáocáoCCHC fỆ777ERmiTyilimi In", report, ROWS, s)  # 0 edits
    assert opens_with_letters("Bácioccnc SE l7 ri g Tổ lưm", report, ROWS, s)  # 3 of 10
    assert opens_with_letters("KiẽmuacngúeCCHC ———————”ÏCHiagiyđùmiliệu", check, ROWS, s)  # 6 of 18
    assert not opens_with_letters("moaäocHnO TT", report, ROWS, s)  # 5 of 10
    assert not opens_with_letters("kim ưu cũng là CCH a Do Tingeong", check, ROWS, s)  # 8 of 18
    # ... and no other criterion's wording opens it as nearly: "Báo cáo kết quả CCHC" is 2.1's.
    assert not opens_with_letters("BáocáokếtquảCCHC ERmiTyi", report, ROWS, s)
