"""A score table's piece the page cut from its header is no task table (held-out seed 10001, a
scan of a score report typed with tab stops and dot leaders): OCR split "1.2 - Thực hiện chế độ
báo cáo …" off as a line, the grid under it opened with the row's wrapped name, and 36 criteria
rows — "1.3 | Công tác tuyên truyền … | 2,5 | 2,5" — came out as tasks whose code was "2,5", lost
from the score table untold, its parent's sums reported as the commune's ``mismatch``. A grid with
no header row whose rows print two points figures (most rows) is a score table's rows (``points_pairs``):
not read as tasks, so what no reader takes of it is told ``unread``."""

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_tables import TaskTableSettings, is_task_table, points_pairs


def _table(rows: list[list[str]]) -> JoinedTable:
    joined = [JoinedRow(r, [False] * len(r), 1, 10 + i, 10 + i, 0) for i, r in enumerate(rows)]
    return JoinedTable([], joined, [1, 2], 4, "ocr-text", 10, 10 + len(rows), 0, owners=[0, 1, 2, 3])


SCORE_PIECE = [
    ["", "chính định kỳ", "2", "1,5"],
    ["1.3", "Công tác tuyên truyền cải cách hành chính", "2,5", "2"],
    ["1.4", "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn", "2", "2"],
    ["1.5", "Sáng kiến, giải pháp mới trong cải cách hành chính", "2,5", "2,5"],
    ["2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "8", "7,5"],
    ["2.1", "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", "3", "2,5"],
    ["2.2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", "2", "2"],
    ["2.3", "Tổ chức thực hiện và kiểm tra việc thực hiện văn bản", "3", "3"],
    ["3.", "Cải cách thủ tục hành chính", "18", "17"],
    ["3.1", "Công khai thủ tục hành chính tại Bộ phận một cửa", "3", "2"],
    ["3.2", "Kết quả giải quyết hồ sơ thủ tục hành chính", "8", "8"],
    ["3.2.1", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "5", "5"],
    ["3.2.2.", "Thực hiện xin lỗi người dân khi giải quyết hồ sơ quá hạn", "1,5", "1,5"],
    ["3.2.3", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "1,5", "1,5"],
    ["3.3", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", "3", "3"],
    ["3.4", "Rà soát, đánh giá thủ tục hành chính", "4", "4"],
    ["4.", "Cải cách tổ chức bộ máy hành chính", "7", "7"],
    ["4.1", "Thực hiện quy định về chức năng, nhiệm vụ của công chức chuyên môn", "3", "3"],
    ["4.2", "Thực hiện quy chế làm việc của Ủy ban nhân dân xã", "4", "4"],
    ["5.", "Xây dựng chính quyền số, chuyển đổi số", "18", ""],
    ["5.1", "Ứng dụng công nghệ thông tin trong hoạt động của Ủy ban nhân dân xã", "6", ""],
    ["5.1.1", "Tỷ lệ văn bản điện tử gửi, nhận trên môi trường mạng", "3", ""],
    ["5.1.2", "Sử dụng chữ ký số trong văn bản điện tử", "3", ""],
    ["5.2", "Dịch vụ công trực tuyến", "8", ""],
    ["5.2.1", "Tỷ lệ hồ sơ nộp trực tuyến", "4", ""],
    ["5.2.2", "Tỷ lệ thanh toán trực tuyến nghĩa vụ tài chính", "4", ""],
    ["53", "Cập nhật thông tin trên Trang thông tin điện tử của xã", "4", ""],
    ["", "Tổng cộng", "80", ""],
]
TASKS = [
    ["1", "Rà soát, đơn giản hóa thủ tục hành chính", "Văn phòng UBND xã", "Quý II"],
    ["2", "Tuyên truyền cải cách hành chính trên loa truyền thanh", "Công chức Văn hóa - Xã hội", "Hằng tháng"],
    ["3", "Kiểm tra công tác cải cách hành chính", "Chủ tịch UBND xã", "Quý IV"],
]


def test_a_headerless_grid_of_points_pairs_is_no_task_table():
    settings = TaskTableSettings()
    assert points_pairs(_table(SCORE_PIECE), settings)
    assert not is_task_table(_table(SCORE_PIECE), settings)


def test_a_headerless_task_grid_is_no_points_piece():
    assert not points_pairs(_table(TASKS), TaskTableSettings())


# A scanned plan's task table (held-out seed 11001, a P01 plan's landscape appendix) whose header
# row OCR did not tell apart ("ST T | 1 | Nội dung công việc | …"): each row opens with its running
# number and its criterion's code, "1 | 1.6 | Ban hành Kế hoạch …", two cells a points figure's
# shape fits. Taken for a score piece, its 14 tasks were told unread instead of read.
CODED_TASKS = [
    ["1", "1.6", "Ban hành Kế hoạch kiểm tra công tác CCHC", "Phòng Kinh tế", "Các thôn", "Tháng 09/2024", "Báo cáo"],
    ["2", "1.1", "Xây dựng, ban hành Kế hoạch CCHC năm 2024", "Bộ phận Một cửa", "Các ngành", "Cả năm 2024", "Văn bản"],
    ["3", "1.5", "Tổ chức hội nghị sơ kết công tác CCHC", "Công chức Tài chính", "Các bộ phận", "Quý II", "Biên bản"],
    [
        "4",
        "1.4",
        "Thực hiện chế độ báo cáo định kỳ về CCHC",
        "Văn phòng - Thống kê",
        "Các ngành",
        "23/09/2024",
        "Báo cáo",
    ],
]


def test_a_running_number_and_a_criterion_code_are_no_points_pair():
    assert not points_pairs(_table(CODED_TASKS), TaskTableSettings())
