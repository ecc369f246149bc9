"""A scanned score table whose points columns' labels are printed turned a quarter: OCR reads them
as specks ("t@)", "5"), so the header matcher names no points column. The columns are named by
what they hold when the document's title names the scoring (``column_contents.content_labels``).

The header is as OCR read the scan of a generated N106 layout (seed 22421, S41 i1); the rows'
codes, names, points and evidence are the generator's truth file's."""

from extract.segment.column_contents import content_labels
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.score_tables import map_columns

_ROWS = [
    ["", "Tổng cộng", "68,5", "67", ""],
    ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9,25", "Quyết định số 126/QĐ-UBND"],
    ["2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", "10", "9,5", "Tỷ lệ đạt 80%"],
    ["3.", "Cải cách thủ tục hành chính", "14,5", "14,25", "Kế hoạch số 282/KH-UBND"],
    ["4.", "Cải cách tổ chức bộ máy hành chính", "11", "11", "Quyết định số 74/QĐ-UBND"],
    ["5.", "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", "16", "16", "Quyết định số 230/QĐ-UBND"],
    ["6.", "Cải cách tài chính công", "7", "7", "Không phát sinh"],
]


def _table(header: list[str]) -> JoinedTable:
    rows = [JoinedRow(cells, [False] * len(cells), 1, k, k, 0) for k, cells in enumerate(_ROWS)]
    return JoinedTable([header], rows, [1], len(header), "ocr-lines", 0, len(rows), 0)


def test_points_columns_whose_turned_labels_read_as_specks_are_named_by_their_figures():
    table = _table(["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "t@)", "5", "Tài liệu kiểm chứng"])
    labels = content_labels(table, titled=True)
    assert labels is not None
    columns = map_columns(labels)
    assert columns is not None
    # (truth: the maximum 10, 14,5 … in the third column; the points given 9,25, 14,25 … in the fourth)
    assert (columns["max"], columns["self"]) == (2, 3)


def test_without_a_scoring_title_or_with_labels_that_read_the_columns_stay_unnamed():
    specks = _table(["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "t@)", "5", "Tài liệu kiểm chứng"])
    assert content_labels(specks) is None  # no title naming the scoring: no score table by contents
    read = _table(["STT", "Chỉ tiêu", "Kế hoạch", "Kết quả", "Ghi chú"])
    assert content_labels(read, titled=True) is None  # labels that read are the header matcher's
