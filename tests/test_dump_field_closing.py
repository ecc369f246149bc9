"""A score table printed a field at a time, read from an OCR dump (issue 11): each field a numbered
heading in capitals above its own table, its points in the "Cộng" row closing the table. The
"Cộng" line's figures are the field's (the heading above them), not a row of their own that takes
the next heading's code; OCR's specks before the label ("CÔ | Cộng | 18 | 14") or a label it lost
("| Cặp | 8 |3 |7" right above the next field's heading) change nothing. The first field's heading
is the table's title, above its header: a row all the same. The first dump is the text Tesseract
gave of one of the corpus generator's scans (seed 2341, its first four fields), read end to end."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ THUẬN HÀ Độc lập - Tự do - Hạnh phúc
Số: 295/BC-UBND Thuận Hà, ngày 26 tháng 3 năm 2025
BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024
Thực hiện Kế hoạch số 14/KH-UBND ngày 16/6/2024 của UBND huyện Diên Tường
Thượng về việc triển khai công tác cải cách hành chính năm 2024; UBND xã Thuận Hà báo
cáo kết quả tự đánh giá, chấm điểm như sau:
1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
STT Nội dung tiêu chí Điểm Điểm Giải trình
chuẩn | UBND
xã tự
chấm
Kế hoạch cải cách hành chính năm —3 T2 |
1.1.1 | Ban hành kế hoạch cải cách hành chính năm 1 1 Thực hiện đầy đủ, đúng
kịp thời quy định
1.1.2 | Mức độ hoàn thành kế hoạch cải cách hành 2 1 Ban hành chậm so với
chính năm quy định
1.2 | Thực hiện chế độ báo cáo cải cách hành chính 2 2 Thông báo số 166/TB-
định kỳ UBND ngày 21/12/2024
Công tác tuyên truyền dải cách hành chính | 25 | 25 | — |
1.4 | Kiểm tra công tác cải cách hành chính tại các 2 2
bộ phận chuyên môn
1.5 | Sáng kiến, giải pháp mới trong cải cách hành 2,5 2 Công văn số 251/CV-
chính VP ngày 25/11/2024
Ai nen ——
2. XÂY DỰNG VÀ TỔ CHỨC THỰC HIỆN VĂN BẢN QUY PHẠM PHÁP LUẬT
STT Nội dung tiêu chí Điểm Điểm Giải trình
chuẩn | UBND
xã tự
chấm
2.1 | Ban hành văn bản quy phạm pháp luật theo 3 Chưa hoàn thành 5/7
thẩm quyền nhiệm vụ theo kế hoạch
2.2 | Rà soát, hệ thống hóa văn bản quy phạm pháp 2 2 Hoàn thành 100% kế
luật hoạch
2.3 | Tố chức thực hiện và kiểm tra việc thực hiện 3 1,5
văn bản
| Cặp | 8 |3 |7
3. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
STT Nội dung tiêu chí Điểm Điểm Giải trình
chuẩn | UBND
xã tự
chấm
cửa
Kết quả giải quyết hồ sơthủtụchành chỉnh | 8 | 8 | |]



STT Nội dung tiêu chí Điểm Điểm Giải trình
chuẩn | UBND
xã tự
chấm
quy định
sơ quá hạn UBND ngày 4/9/2024
EM idaussdiknkainann
chính
nhân, tố chức UBND ngày 10/06/2024
ỆPHÀNRVNRNS | 7] T | nh,
quy định
CÔ | Cộng | 18 | 14 | |
4. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH
STT Nội dung tiêu chí Điểm Điểm Giải trình
chuẩn | UBND
xã tự
chấm
TT =
của công chức chuyên môn
dần xã UBND ngày 15/12/2024
CÔ | Cộng | 7 | 45 | |
Nơi nhận: KT. CHỦ TỊCH
- UBND huyện Diên Tường Thượng (b/c); PHÓ CHỦ TICH
- Chủ tịch, các PCT UBND xã; '
- Lưu: VT, VP.
Trần Hồng Nhung
"""

# The first field of the two tables below, typed clean, closed by its "Cộng".
FIRST_FIELD = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN BÌNH Độc lập - Tự do - Hạnh phúc
Số: 12/BC-UBND An Bình, ngày 10 tháng 12 năm 2024
BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024
1. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
STT Nội dung tiêu chí Điểm chuẩn Điểm tự chấm Giải trình
1.1 Kế hoạch cải cách hành chính năm 3 2,5
1.2 Thực hiện chế độ báo cáo cải cách hành chính định kỳ 2 2
Cộng 5 4,5
"""

# ... and the second field's criteria.
SECOND_FIELD = """2. CẢI CÁCH THỦ TỤC HÀNH CHÍNH
STT Nội dung tiêu chí Điểm chuẩn Điểm tự chấm Giải trình
2.1 Công khai thủ tục hành chính tại Bộ phận một cửa 3 3
2.2 Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức 3 2
"""

# Typed clean: each field's "Cộng", then the grand total under the last field.
CLEAN = (
    FIRST_FIELD
    + SECOND_FIELD
    + """Cộng 6 5
TỔNG CỘNG 11 9,5
Nơi nhận: KT. CHỦ TỊCH
- Lưu: VT, VP.
"""
)


def _tables(tmp_path: Path, text: str) -> list[dict]:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(path))["score_tables"]


def _points(rows: dict[str, dict], code: str) -> tuple:
    return rows[code]["max_points"], rows[code]["self_points"]


def test_a_fields_closing_line_gives_the_heading_above_it_its_points(tmp_path):
    tables = _tables(tmp_path, DUMP)
    rows = {row["code"]: row for table in tables for row in table["rows"]}
    # "| Cặp | 8 |3 |7" (its label lost) above "3. CẢI CÁCH …": field 2's; printed 8 and 6,5.
    assert rows["2"]["max_points"] == 8.0
    # "CÔ | Cộng | 18 | 14 | |" above "4. CẢI CÁCH …": field 3's, not a row coded 4.
    assert _points(rows, "3") == (18.0, 14.0)
    assert rows["3"]["name"].startswith("CẢI CÁCH THỦ TỤC")
    assert rows["4"]["name"].lower().startswith("cải cách tổ chức bộ máy")
    assert not any("Cộng" in row["name"] for row in rows.values())
    # The first field's heading, the title above the table's header, is a row: its "Cộng" OCR
    # garbled ("Ai nen ——"), its points are blank, not another row's.
    assert rows["1"]["name"].startswith("CÔNG TÁC CHỈ ĐẠO")
    assert _points(rows, "1") == (None, None)


def test_each_fields_cong_is_its_points_and_the_grand_total_the_tables(tmp_path):
    (table,) = _tables(tmp_path, CLEAN)
    rows = {row["code"]: row for row in table["rows"]}
    assert list(rows) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert _points(rows, "1") == (5.0, 4.5)
    assert _points(rows, "2") == (6.0, 5.0)
    assert (table["stated_total_max"], table["stated_total_self"]) == (11.0, 9.5)


# A field's closing line OCR garbled past reading ("— —— CN 7818 1. 7", above the next heading).
GARBLED = (
    FIRST_FIELD
    + SECOND_FIELD
    + """— —— CN 7818 1. 7
3. CẢI CÁCH TỔ CHỨC BỘ MÁY HÀNH CHÍNH
STT Nội dung tiêu chí Điểm chuẩn Điểm tự chấm Giải trình
3.1 Thực hiện quy định về chức năng, nhiệm vụ 3 3
CC Cộng — j 3 | 3 |
Nơi nhận: KT. CHỦ TỊCH
- Lưu: VT, VP.
"""
)


def test_a_closing_line_garbled_past_reading_is_no_row_and_its_field_is_reviewed(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(GARBLED, encoding="utf-8")
    out = result_to_json(convert_file(path))
    rows = {row["code"]: row for table in out["score_tables"] for row in table["rows"]}
    assert list(rows) == ["1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1"]
    assert _points(rows, "1") == (5.0, 4.5)
    # The field's points were printed but not read: blank, and in the review queue.
    assert _points(rows, "2") == (None, None)
    assert any(item["code"] == "2" for item in out["review"])
    # The last field's "Cộng" (specks before and after its label, the signature after it) is its
    # points: the table closes its fields so (the garbled line above counts).
    assert _points(rows, "3") == (3.0, 3.0)
