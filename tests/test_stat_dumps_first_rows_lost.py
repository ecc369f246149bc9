"""A statistics annex of a degraded ``--psm 3`` dump (``vie``, 300 dpi) whose first rows' codes and
figures OCR lost ("Số cuộc tuyên truyền CCHC TƯỢIP. '-", "z Tổng số thủ tục …"), under a header it
read (issues 11 and 16). The header's next line is specks; the two lines after it, no row the line
cutter knows (no code, no figure), counted as prose and ended the table before its first row: the
whole form was told unread. Specks under the header are its smeared lines, and a row of annex-form
wording whose code and figure were lost opens the table as it would go on it. The dump's lines are
Tesseract's text of a generated annex, as it printed them."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = """ỦY BAN NHÂN DÂN - CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ LỢI TIẾN NAM _ Độc lập - Tự do - Hạnh phúc
-_ Số: 130/BC-UBND Lợi Tiến Nam, ngày 15 tháng 1 năm 2025.
BÁO CÁO
Tình hình, kết quả thực hiện công tác cải cách hành chính
- 6 tháng đầu năm 2024
Thực hiện Kế hoạch số 300/KH- UBND ngày 13/08/2024 của UBND Hưyời Xuân Quý về
việc triển khai công tác cải cách hành chính. năm 2024; UBND xã Lợi Tiến Nam báo cáo kết
quả công tác cải cách hành chính như Sau:

phu lục 1
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH 6 THÁNG
... ĐẦU NĂM 2024
ni theo Báo cáo số 130/BC-UBND ngày 15/01/2025 của UBND xã Lợi Tiến Nam)
TT .Chỉ tiêu | Đơnvị | Kếtquả | Ghichú
. HH" | ni
Số cuộc tuyên truyền CCHC TƯỢIP. '-
z Tổng số thủ tục hành chính thuộc thẩm c quyền giải Thủ tục
_ | quyết củaUBNDxã _
¡21 |5617rHC cung cấp dịch vụ công trực . toàn trình | - Thủ tục mỹ 87
` Ð s cung cấp dịch vụ công trực tuyến n một phần Í Thủ tục 7 t8
L 2.3 | Số TTHC chỉ cung cấp thông tin Í Thủ tục 5:
2.4. | Tỷ lệ'TTHC cung cấp dịch vụ công trực tuyển tDầU ˆ % n 8208 |
+ | trình S64 6l gi ]
| 3 _ | Tổng số hồ sơ TTHC tiếp nhận trong kỳ Jj HÔ5U | jDII ni
3.1 | Số hồ sơ tiếp nhận trực tuyến _ Hồ sơ mơ. |
3.2 | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính lãi Hồ sơ „ai 91 nu
|_ 3.3 | Tỷ lệ hồ sơ tiếp nhận trực tuyến _ : % 82,86
4 _ | Số nhiệm vụ trong Kế hoạch CCHC năm [TNhiệmv | 29 7]
|_ 4.1 -| Số nhiệm vụ đã hoàn thành | Nhệmvu| 26 T]
42015 nhiệm vụ chưa hoàn thành . 1 Nhiệm vụ | 1
|_ 4.3_ | Tỷ lệ hoàn thành Kế hoạch CCHC năm. 11... i1.
5 Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp | Phảnánh | n2
TẾ nhận ÃÌ Í ni
Ề 9.1 | Số phản ánh, kiến nghị đã xử lý _ | Phản ánh „Ì 3U |
Ề 9.2 _ | Số phản ánh, kiến nghị đang xử lý. Ì Phản ánh - 5. nE
9.3 | Tỷ lệ phản ánh, kiến nghị được xử lý % 85,71
| _§__ | Số cán bộ, công chức cấp xã j1j NờÐ | ở Ì
| 6.1 | Số cán bộ, công chức đạt chuẩn 7;⁄ NVƯAC 20
Số cán bộ, công chức chưa đạt chuẩn J7 NO, 8. Ðj
: Tỷ lệ cán bộ, công chức đạt chuẩn _ TT in. 8333 |
|_ 7 | Số sáng kiến, giải pháp CCHC được công nhận Sáng kiến 3
"""


def test_an_annex_whose_first_rows_lost_their_codes_is_read_from_its_header(tmp_path: Path) -> None:
    dump = tmp_path / "annex-vie-psm3.txt"
    dump.write_text(DUMP, encoding="utf-8")
    result = result_to_json(convert_file(dump))
    (annex,) = result["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    # Not told unread as a whole: the rows printing their code and figure read under them.
    assert not [u for u in result["unread"] if "none of its rows could be read" in u["reason"]]
    printed = {"3.2": 91, "3.3": 82.86, "4.1": 26, "5.3": 85.71, "6.1": 20, "7": 3}
    assert {c: rows[c]["value"] for c in printed} == printed
    # The first row, its code and figure lost, is a row of the annex, its lost figure told.
    (first,) = [r for r in annex["rows"] if r["indicator"].startswith("Số cuộc tuyên truyền CCHC")]
    assert first["value"] is None and "missing_value" in first["flags"]
