"""Task grids read from an OCR dump's lines (extract/segment/task_lines.py): how a row's wrapped
words are placed when they fit two columns. The grids are made for these tests in the layout of
the corpus's plan dumps (a fictional commune's plan): header lines, a section row, numbered rows
whose cells' words print side by side."""

from extract.model import IngestedDocument
from extract.segment.line_common import ends_dangling
from extract.segment.task_line_rows import is_section_line
from extract.segment.task_line_split import _distinct_splits, cells_elsewhere
from extract.segment.task_lines import find_task_lines
from extract.segment.task_paragraphs import parse_task
from extract.text_reader import parse_text


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


# Rows 1 and 4 each end their task with "xã" on the line that also holds the product's column:
# read alone each row puts "xã" after "Hồ sơ lưu trữ" or not by a hair.
_TWO_ROWS_ONE_PRODUCT = """Các nhiệm vụ khắc phục:T 'Tên nhiệm vụ Hình thức sản Lộ trình Đơn vị chủ Bộ phận Chỉ
T phẩm trì phối hợp số
I | CẢI CÁCH THỂ CHẾ
1 | Xây dựng Kế hoạch theo dõi thi Hồ sơ lưu trữ 13/06/2023 | Công chức Tư | Các ngành 2.1
hành pháp luật trên địa bàn xã pháp - Hộ tịch | liên quan
2 | Tổ chức phổ biến, giáo dục pháp | Báo cáo Thường Công chức UBMTTQ 2.2
luật cho cán bộ và nhân dân Xuyên Văn hóa - Xã | Việt Nam xã
hội
3 | Công bố danh mục văn bản hết Quyết định Tháng Công chức Các ngành 2.3
hiệu lực, ngưng hiệu lực 01/2023 Văn hóa - Xã | liên quan,
hội UBMTTQ
Việt Nam xã
H | CẢI CÁCH TÀI CHÍNH CÔNG
4 | Công khai dự toán, quyết toán Hồ sơ lưu trữ Trước ngày | Công chức Tư | Các ngành 6.1
ngân sách xã 03/04/2023 | pháp - Hộ tịch | liên quan
5 | Xây dựng Quy chế chỉ tiêu nội bộ | Kế hoạch 20/12/2023 | Công chức Tư | UBMTTQ 6.1
năm 2023 pháp - Hộ tịch | Việt Nam xã
Nơi nhận: KT. CHỦ TỊCH
"""


def test_a_cell_its_own_row_barely_chose_is_no_evidence_for_another_rows():
    (table,) = find_task_lines(_doc(_TWO_ROWS_ONE_PRODUCT))
    first, fourth = table.rows[0], table.rows[3]
    assert first.task == "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã"
    assert first.product == "Hồ sơ lưu trữ"
    assert (fourth.task, fourth.product) == ("Công khai dự toán, quyết toán ngân sách xã", "Hồ sơ lưu trữ")


def test_cells_elsewhere_keeps_whole_cells_their_rows_did_not_contest():
    readings = [
        ({"product": "Hồ sơ lưu trữ"}, frozenset()),
        ({"product": "Hồ sơ lưu trữ xã"}, frozenset({"product"})),
        ({"product": "Trang thông tin"}, frozenset()),
        ({"product": "Trang thông tin được cập nhật"}, frozenset({"product"})),
    ]
    # Row 1's contested cell backs nobody; row 3's still shows row 2's "Trang thông tin" cut short.
    assert cells_elsewhere(readings, 1, "product") == frozenset({"Hồ sơ lưu trữ"})
    assert cells_elsewhere(readings, 0, "product") == frozenset()


_LISTS_AND_SECTIONS = """Các nhiệm vụ:T Nội dung nhiệm vụ Bộ phận chủ Bộ phận Lộ trình Hình thức sản | Tiêu
T trì phối hợp phẩm chí
I. Cải cách thể chế
1 | Công bố danh mục văn bản hết Văn phòng UBMTTQ Tháng Quyết định 2.4
hiệu lực, ngưng hiệu lực HĐND và Việt Nam 07/2024
UBND xã, Các bộ
phận chuyên
môn
2_ | Xây dựng Kế hoạch theo dõi thi Công chức Ban Chỉ đạo | 27/09/2024 | Hồ sơ lưu trữ 2.1
hành pháp luật trên địa bàn xã Văn hóa - Xã | CCHC xã
hội
V, Cải cách thủ tục hành chính
3 | Tiếp nhận, xử lý phản ánh, kiến Công an xã Các ngành Quý Biên bản kiểm | 3.5
nghị của cá nhân, tổ chức liên quan, IV/2024 tra
UBMTTQ
Nơi nhận: KT. CHỦ TỊCH
"""


def test_a_lists_comma_goes_with_the_list_and_a_comma_for_a_sections_dot():
    (table,) = find_task_lines(_doc(_LISTS_AND_SECTIONS))
    rows = table.rows
    # "UBND xã, Các bộ": the comma goes on to the coordinators' next unit, the lead is one unit
    assert (rows[0].lead, rows[0].coordinator) == (
        "Văn phòng HĐND và UBND",
        "UBMTTQ Việt Nam xã, Các bộ phận chuyên môn",
    )
    # "V, Cải cách …": a section whose dot OCR read as a comma, not the task's words
    assert rows[1].task == "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã"
    assert (rows[2].section, rows[2].section_title) == ("V", "Cải cách thủ tục hành chính")
    assert rows[2].coordinator == "Các ngành liên quan, UBMTTQ"
    assert is_section_line("V, Xây dựng và phát triển chính quyền điện tử")
    # a speck beside the dot read as a comma too (a spent P04 dump: "V., Xây dựng …" went into task 9)
    assert is_section_line("V., Xây dựng và phát triển chính quyền điện tử")
    assert not is_section_line("1, Tổ chức hội nghị sơ kết")
    assert ends_dangling(("UBND", "xã,")) and not ends_dangling(("UBND", "xã"))


# Row 2's lead "Tài chính -" scores the same with its dash in the deadline's column beside it:
# the two splits of the line must not take the place of the one reading "Việt Nam" a coordinator's.
_A_LONE_DASH = """Số | TC Nhiệm vụ Đơn vị chủ Bộ phận Thời gian Kết quả, sản
T trì phối hợp hoàn phẩm
T thành
L | CẢI CÁCH THỦ TỤC HÀNH CHÍNH
1 13.2 Tiếp nhận, giải quyết hồ sơ thủ Công chức Các đoàn Cả năm Văn bản chỉ
tục hành chính đúng hạn Tài chính - thể, Các bộ 2024 đạo
Kế toán phận chuyên
môn
2 13.3 Niêm yết, công khai thủ tục hành | Công chức UBMTTQ 17/08/2024 | Hồ sơ lưu trữ
chính tại Bộ phận Một cửa Tài chính - Việt Nam
Kế toán xã, Các thôn,
tổ dân phố
3 |3.1 Rà soát, đề xuất đơn giản hóa thủ | Phòng Kinh Các thôn,tổ | 16/07/2024 | Kế hoạch
tục hành chính tế dân phố
4 13.5 Số hóa hồ sơ, kết quả giải quyết Công chức Tư | Các bộ phận | Trước ngày | Quyết định
thủ tục hành chính pháp - Hộ tịch | chuyên môn | 20/05/2024
Nơi nhận: KT. CHỦ TỊCH
"""


def test_splits_differing_only_where_a_lone_mark_stands_count_once():
    (table,) = find_task_lines(_doc(_A_LONE_DASH))
    row = table.rows[1]
    assert (row.product, row.lead, row.coordinator) == (
        "Hồ sơ lưu trữ",
        "Công chức Tài chính - Kế toán",
        "UBMTTQ Việt Nam xã, Các thôn, tổ dân phố",
    )
    words = ["Tài", "chính", "-", "Việt", "Nam"]
    # (score, cuts): "-" with the lead, "-" alone in the next column, and "Việt Nam" elsewhere
    items = [(-1.0, (3, 3)), (-1.0, (2, 3)), (-1.1, (3, 5))]
    assert _distinct_splits(items, words, 2) == [(-1.0, (3, 3)), (-1.1, (3, 5))]


def test_a_lead_label_whose_colon_ocr_lost_before_a_whole_unit():
    text = (
        "a) Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính; thời gian hoàn thành: Thường xuyên; "
        "phối hợp: UBMTTQ Việt Nam xã; sản phẩm: Báo cáo; chủ trì Văn phòng HĐND và UBND. |"
    )
    task = parse_task(text)
    assert task is not None
    assert (task["product"], task["lead"]) == ("Báo cáo", "Văn phòng HĐND và UBND")
    # "phối hợp với …" is the sentence's own words, no unit: no label
    text = "a) Số hóa hồ sơ; thời gian: Thường xuyên; sản phẩm: Báo cáo; phối hợp với các ngành; chủ trì: UBND xã"
    task = parse_task(text)
    assert task is not None and task["product"] == "Báo cáo; phối hợp với các ngành"


# A product column's cells wrap: "Danh mục | công bố" (a list names what it lists) beside a task whose
# last line has room for "công bố"; "Báo cáo" printed whole on its first line beside a task wrapping
# "năm 2025" onto the next.
_WRAPPED_PRODUCTS = """Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:
TT TC Nhiệm vụ Sản phẩm Đầu mối Cơ quan Lộ trình
thực hiện phối hợp
I | CẢI CÁCH CHẾ ĐỘ CÔNG VỤ
1 | 5.4 Kiểm tra việc chấp hành kỷ luật, Danh mục Công chức Tư | Ban Chỉ đạo | Trước ngày
kỷ cương hành chính công bố pháp - Hộ tịch | CCHC xã, 17/06/2025
Các thôn, tổ
dân phố
2 | 5.1 Đánh giá, xếp loại cán bộ, công Thông báo Công chức Các đoàn Cả năm
chức cấp xã Văn hóa - Xã | thể 2025
hội
3 | 5.3 Cử cán bộ, công chức tham gia Danh mục Văn phòng Các thôn, tổ | Thường
đào tạo, bồi dưỡng công bố HĐND và dân phố, Các | xuyên
UBND đoàn thể
II | CẢI CÁCH TÀI CHÍNH CÔNG
4 | 6.3 Quản lý, sử dụng tài sản công Quyết định Phòng Văn Các đoàn Thường
đúng quy định hóa - Xã hội thể xuyên
5 | 6.1 Xây dựng Quy chế chi tiêu nội bộ Báo cáo Văn phòng - Các đoàn thể, | 06/06/2025
năm 2025 Thống kê Các bộ phận
chuyên môn
Nơi nhận: KT. CHỦ TỊCH
"""


def test_a_products_start_takes_its_wrapped_words_and_a_whole_product_no_stray_ones():
    (table,) = find_task_lines(_doc(_WRAPPED_PRODUCTS))
    got = [(r.task, r.product) for r in table.rows]
    assert got == [
        ("Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính", "Danh mục công bố"),
        ("Đánh giá, xếp loại cán bộ, công chức cấp xã", "Thông báo"),
        ("Cử cán bộ, công chức tham gia đào tạo, bồi dưỡng", "Danh mục công bố"),
        ("Quản lý, sử dụng tài sản công đúng quy định", "Quyết định"),
        ("Xây dựng Quy chế chi tiêu nội bộ năm 2025", "Báo cáo"),
    ]
