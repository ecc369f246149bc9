"""A code-less score table read from a scan whose criterion lost its "- " to OCR ("Ứng dụng công nghệ
thông tin …" under "Xây dựng chính quyền số, chuyển đổi số"): read as a field, its own "+" sub-criteria
stood under it at level 2 (a row is kept one level under the row above), so the maxima's sum that
``mark_sums.releveled`` asks of the field above (18 = 6 + 8 + 4) did not come out with them at the
wrong level, and every code after it was one field off (seed 12131's S18 scan of N23: 7 of 44 rows
under other codes, field 7's maximum 18 read as 6 and a false sum mismatch).

Moving the row down now lets the rows under it take their marks' own depth again
(``marked_depths``), and the field's sum is asked of its criteria as they then stand."""

from __future__ import annotations

from extract.segment.mark_sums import releveled
from extract.segment.marked_levels import codes_from_marks
from extract.segment.points_cells import read_max_points

# The name and maximum cells as Tesseract read them from the scan (every row's bold False on it).
READ = [
    ("Công tác chỉ đạo, điều hành cải cách hành chính", "12"),
    ("- Kế hoạch cải cách hành chính năm", "3"),
    ("+ Ban hành kế hoạch cải cách hành chính năm kịp thời", "1"),
    ("+ Mức đồ hoàn thành kế hoạch cải cách hành chính năm", "2"),
    ("- Thực hiện chế độ báo cáo cải cách hành chính định kỳ", "2"),
    ("- Công tác tuyên truyền cải cách hành chính", "2,5"),
    ("- Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn", "2"),
    ("- Sáng kiến, giải pháp mới trong cải cách hành chính", "2,5"),
    ("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "8"),
    ("- Ban hành văn bản quy phạm pháp luật theo thẩm quyền", "3"),
    ("- Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "2"),
    ("- Tổ chức thực hiện và kiểm tra việc thực hiện văn bản", "3"),
    ("Cải cách thủ tục hành chính", "18"),
    ("- Công khai thủ tục hành chính tại Bộ phận một cửa", "3"),
    ("- Kết quả giải quyết hồ sơ thủ tục hành chính", "8"),
    ("+ Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "5"),
    ("+ Thực hiện xin lỗi người dân khi giải quyết hồ sơ quá hạn", "1,5"),
    ("+ Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "1,5"),
    ("- Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tố chức", "3"),
    ("- Rà soát, đánh giá thủ tục hành chính", "4"),
    ("Cải cách tổ chức bộ máy hành chính", "7"),
    ("- Thực hiện quy định về chức năng, nhiệm vụ của công chức chuyên môn", "3"),
    ("- Thực hiện quy chế làm việc của Úy ban nhân dân xã", "4"),
    ("Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", "10"),
    ("- Bố trí cán bộ, công chức theo vị trí việc làm", "3"),
    ("- Đào tạo, bồi dưỡng cán bộ, công chức", "3"),
    ("- Chấp hành kỷ luật, kỷ cương hành chính", "4"),
    ("Cải cách tài chính công", "7"),
    ("- Thực hiện dự toán thu, chi ngân sách xã", "3"),
    ("- Công khai tài chính, ngân sách theo quy định", "2"),
    ("- Quản lý, sử dụng tài sản công", "2"),
    ("Xây dựng chính quyền số, chuyển đổi số", "18"),
    ("Ứng dụng công nghệ thông tin trong hoạt động của Ủy ban nhân dân xã", "6"),
    ("+ Tỷ lệ văn bản điện tử gửi, nhận trên môi trường mạng", "3"),
    ("+ Sử dụng chữ ký số trong văn bản điện tử", "3"),
    ("- Dịch vụ công trực tuyến", "8"),
    ("+ Tỷ lệ hồ sơ nôp trực tuyến", "4"),
    ("+ Tỷ lệ thanh toán trực tuyến nghĩa vụ tài chính", "4"),
    ("- Cập nhật thông tin trên Trang thông tin điện tử của xã", "4"),
    ("Sự hài lòng của người dân đối với sự phục vụ của Ủy ban nhân dân xã", "20"),
    ("- Sự hài lòng về tiếp cận dịch vụ", "5"),
    ("- Sự hài lòng về thủ tục hành chính", "5"),
    ("- Sự hài lòng về công chức trực tiếp giải quyết công việc", "5"),
    ("- Sự hài lòng về kết quả giải quyết công việc", "5"),
]
# The generator's truth (s18-i3-n23-i3-bulleted-bullets.pdf.truth.json), row by row.
TRUTH_CODES = [
    "1",
    "1.1",
    "1.1.1",
    "1.1.2",
    "1.2",
    "1.3",
    "1.4",
    "1.5",
    "2",
    "2.1",
    "2.2",
    "2.3",
    "3",
    "3.1",
    "3.2",
    "3.2.1",
    "3.2.2",
    "3.2.3",
    "3.3",
    "3.4",
    "4",
    "4.1",
    "4.2",
    "5",
    "5.1",
    "5.2",
    "5.3",
    "6",
    "6.1",
    "6.2",
    "6.3",
    "7",
    "7.1",
    "7.1.1",
    "7.1.2",
    "7.2",
    "7.2.1",
    "7.2.2",
    "7.3",
    "8",
    "8.1",
    "8.2",
    "8.3",
    "8.4",
]


def test_a_criterion_whose_bullet_ocr_lost_is_put_back_under_its_field():
    names = [name for name, _ in READ]
    maxima = [read_max_points(cell, True) for _, cell in READ]
    derived = codes_from_marks(names, [False] * len(READ), lambda n: False, ocr_maxima=maxima)
    assert derived is not None
    assert [d[0] if d else None for d in derived] == TRUTH_CODES


def test_rows_under_a_moved_row_take_their_marks_depth():
    # field 18 | plain 6 (lost its "-") | + 3 | + 3 | - 8 | + 4 | + 4 | - 4 | next field 20
    levels = [1, 1, 2, 3, 2, 3, 3, 2, 1]
    depths = [1, 1, 3, 3, 2, 3, 3, 2, 1]
    maxima = [18.0, 6.0, 3.0, 3.0, 8.0, 4.0, 4.0, 4.0, 20.0]
    unmarked = [True, True, False, False, False, False, False, False, True]
    assert releveled(levels, unmarked, maxima, marked_depths=depths) == [1, 2, 3, 3, 2, 3, 3, 2, 1]
    # without the marks' depths the "+" right under it stays a criterion and no sum comes out
    assert releveled(levels, unmarked, maxima) == levels
