"""A score table's one-line header in an OCR dump, measured by its printed words: the specks and
rule bars OCR strews through a ruled header (" : ", " | ", "-|") lengthen it past a header's
width, and the whole table was read as nothing (``line_header.is_header_line``)."""

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.line_header import is_header_line, printed_chars

# Tesseract's vie output of a "scale before max" table at 250 dpi, degraded (the corpus
# generator's print of a 2023 commune report against the Ministry's provincial criteria set).
_DUMP = """\
. .... ỦY BAN NHÂN DÂN XÃ PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM :
. QUANG : __ Độc lập - Tự do - Hạnh phúc
- 50617081 HN. Phú Quang, ngày 21 tháng 12 năm 2023
. `... .. BÁOCAÁO
: Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2023
{LEAD_IN}
năm 2023; UBND xã Phú Quang báo cáo kết quả tự đánh giá, chấm điểm như sau: :
-| TT, | Lĩnh vực/Tiêu chí/Tiêu chí thành phần : .Hướng dẫn chấm điểm  - Điểm Điểm Giải trình :
-_ | tốiđa | UBND n. :
: _ xã tự
: mà chấm .
: ng: Công tác chỉ đạo, điều hành cải cách hành 10 - 10 Thực hiện đầy đủ, đúng quy
su chính : : : định - ¡ : :
2. Xây dựng và tổ chức thực hiện văn bản quy 10
phạm pháp luật tại tỉnh mẽ :
Cải cách thủ tục hành chính ãã.ẽa g1... 5 7. :
Cải cách tổ chức bộ máy hành chính - Đạt 100%: 11 điểm 11 9,5 __ | Chưa đầy đủ tài liệu kiểm .
: : : - Đạt từ 90% đến dưới 100%: 5,5 điểm chứng ` :
: - Dưới 90%: 0 điểm . : :
- 5. | Xây dựng và nâng cao chất lượng độingi  ˆ 16 16 Quyết định số 156/QĐ-
n : công chức, viên chức ễ - | UBND ngày 16/07/2023
Cải cách tài chính công 7 7, Công văn số 150/CV-UBND † - :
Thôn ; ngày 02/05/2023 :



: Nơi nhận: KT. CHỦ TỊCH
- UBND huyện Hợp Kim Tây (b/c); PHÓ CHỦ TỊCH :
- TT Đảng ủy, HĐND xã (b/c); (Đã ký) : -
- Lưu: VT, VP. SN = :
Khúc Diệu Uyên Nhung THỦ,
""".format(
    LEAD_IN="-Thực hiện Kế hoạch số 30/KH-UBND ngày 10/10/2023 của UBND huyện Hợp Kim Tây về việc triển khai "
    "công tác cải cách hành chính."
)


def test_a_header_line_is_as_long_as_its_printed_words():
    # 93 characters as OCR wrote them, 89 in words: a header, not a paragraph.
    text = "STT Lĩnh vực/Tiêu chí/Tiêu chí thành phần Cách tính điểm Điểm | Điểm tự Tài liệu kiểm chứng :"
    assert len(text) == 93 and printed_chars(text) == 89
    assert is_header_line(Line(text=text, page=1, number=8))
    # The same words with prose around them stay a paragraph.
    prose = "Thực hiện Kế hoạch số 139/KH-UBND ngày 12/3/2014 của UBND huyện về việc triển khai công tác cải cách"
    assert not is_header_line(Line(text=prose, page=1, number=6))


def test_the_rows_under_a_speckled_one_line_header_are_read(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(_DUMP, encoding="utf-8")
    result = convert_file(path)
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    # The six fields the dump prints, in order; 5 and 6 print both their figures.
    assert list(rows) == ["1", "2", "3", "4", "5", "6"]
    assert rows["1"].name == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert rows["4"].name == "Cải cách tổ chức bộ máy hành chính"
    assert (rows["5"].max_points, rows["5"].self_points) == (16.0, 16.0)
    assert (rows["6"].max_points, rows["6"].self_points) == (7.0, 7.0)
