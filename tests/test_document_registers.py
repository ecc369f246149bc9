"""A list of evidence documents printed as a table after a score table owes no rows and is told
unread by no one (extract.segment.document_registers). The rows are the "DANH MỤC TÀI LIỆU KIỂM
CHỨNG" of a generated document (make_corpus --seed 22261, family N109, instance 1, the DOCX's
second table as python-docx reads it, cut to three lines); its truth lists no row or point of it."""

from __future__ import annotations

from extract.model import Cell, Table
from extract.segment.document_registers import is_document_register
from extract.segment.unread_grids import unread_table
from extract.segment.unread_settings import UnreadSettings

_LIST = [
    ["TT", "Mã tiêu chí", "Tài liệu kiểm chứng", "Số văn bản", "Ngày, tháng, năm"],
    ["1", "1.1.1", "Quyết định về ban hành kế hoạch CCHC năm", "197/QĐ-UBND", "06/04/2013"],
    ["2", "1.1.4", "Thông báo về mức độ thực hiện kế hoạch CCHC", "213/TB-UBND", "20/05/2013"],
    ["3", "1.3", "Báo cáo về kiểm tra công tác CCHC", "159/BC-UBND", "18/04/2013"],
]


def _table(rows: list[list[str]]) -> Table:
    cells = [Cell(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row)]
    return Table(page=1, cells=cells, n_rows=len(rows), n_cols=len(rows[0]), source="docx", line_start=20, line_end=24)


def test_a_list_of_evidence_documents_is_not_told_unread():
    table = _table(_LIST)
    assert is_document_register(table)
    assert unread_table(table, [], UnreadSettings()) is None


def test_the_header_labels_of_the_other_printing_name_a_register_too():
    header = ["STT", "Tiêu chí", "Tên tài liệu kiểm chứng", "Số, ký hiệu", "Ngày ban hành"]
    assert is_document_register(_table([header, *_LIST[1:]]))


def test_a_table_with_a_points_column_is_data_whatever_documents_it_names():
    # a score table's evidence column beside its points: still owed rows, and told when not read
    header = ["TT", "Tiêu chí", "Điểm tự đánh giá", "Số văn bản", "Ngày, tháng, năm"]
    rows = [header, *([code, "Tên", "1,5", "12/KH-UBND", "15/03/2025"] for code in ("1", "2", "3"))]
    table = _table(rows)
    assert not is_document_register(table)
    assert unread_table(table, [], UnreadSettings()) is not None
