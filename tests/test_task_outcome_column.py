"""A report's appendix of the plan's tasks with what became of each (the twenty-seventh batch's N113,
rows as the generator printed them at seed 22281): the outcome column, in words ("Kết quả thực hiện"
over "Đã hoàn thành" / "Đang thực hiện") or as an "x" under one of three columns merged under it, is
no product (the truth's product is null: no product column is printed)."""

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_columns import map_table, outcome_column


def _table(header: list[str], rows: list[list[str]]) -> JoinedTable:
    joined = [JoinedRow(r, [False] * len(r), 1, 10 + k, 10 + k, 0) for k, r in enumerate(rows)]
    return JoinedTable([header], joined, [1], len(header), "test", 9, 10 + len(rows), 0)


def test_an_outcome_in_words_is_no_product():
    header = ["TT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Kết quả thực hiện"]
    rows = [
        ["1", "Đăng ký và triển khai sáng kiến, giải pháp mới trong cải cách hành chính", "Phòng Văn hóa - Xã hội",
         "Thường xuyên", "Đang thực hiện"],
        ["2", "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính", "Phòng Kinh tế", "Thường xuyên",
         "Đã hoàn thành"],
    ]  # fmt: skip
    mapping = map_table(_table(header, rows))
    assert "product" not in mapping
    assert (mapping["code"], mapping["task"], mapping["lead"], mapping["deadline"]) == (0, 1, 2, 3)


def test_marks_under_the_outcome_columns_are_no_product():
    header = ["STT", "Tên nhiệm vụ", "Đơn vị chủ trì", "Thời hạn", "Kết quả thực hiện Đã hoàn thành",
              "Kết quả thực hiện Đang thực hiện", "Kết quả thực hiện Chưa thực hiện"]  # fmt: skip
    rows = [
        ["1", "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm", "Phòng Văn hóa - Xã hội",
         "05/03/2024", "", "x", ""],
        ["2", "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính", "Bộ phận Một cửa", "Trước ngày 04/06/2024",
         "x", "", ""],
    ]  # fmt: skip
    assert "product" not in map_table(_table(header, rows))


def test_a_product_column_stays_one():
    assert not outcome_column(["Báo cáo", "Kế hoạch", "Đã hoàn thành"])
    # a scan's marks, one misread (S42's i4 at seed 22281, the product read before: X, X, b, X, X)
    assert outcome_column(["X", "X", "b", "X", "X"])
