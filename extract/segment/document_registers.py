"""A list of documents printed as a table: no data a reader owes.

Self-assessments attach the evidence their points rest on ("DANH MỤC TÀI LIỆU KIỂM CHỨNG"), and
reports list the documents issued, as a table "STT | Tiêu chí | Tên tài liệu | Số, ký hiệu | Ngày
ban hành": one line per document, its criterion's code, its title, its number ("12/KH-UBND") and
its date. Its codes and numbers are neither rows nor points (the criterion's row is the score
table's), so a table whose header names a document's number and its date beside its title, and
no figure column, is told unread by no one."""

from __future__ import annotations

from extract.model import Table
from extract.segment.table_header import header_row_count
from normalize.text import fold

# A column of the document's number, of its date, of its title (folded header labels).
_NUMBER_WORDS = ("so, ky hieu", "so ky hieu", "so hieu", "ky hieu", "so van ban")
_DATE_WORDS = ("ngay ban hanh", "ngay, thang, nam", "ngay thang nam", "ngay ky", "ngay van ban")
_TITLE_WORDS = ("tai lieu", "ten van ban", "trich yeu", "van ban")
# A figure column makes the table data, whatever else it lists.
_FIGURE_WORDS = ("diem", "so lieu", "ket qua", "chi tieu", "don vi tinh", "dvt", "ty le")


def is_document_register(table: Table) -> bool:
    """True for a table listing documents (see the module's docstring)."""
    rows = table.text_rows()
    labels = [fold(c).strip() for row in rows[: max(header_row_count(rows), 1)] for c in row if c.strip()]

    def names(words: tuple[str, ...]) -> bool:
        return any(any(w in label for w in words) for label in labels)

    return names(_NUMBER_WORDS) and names(_DATE_WORDS) and names(_TITLE_WORDS) and not names(_FIGURE_WORDS)
