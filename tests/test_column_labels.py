"""A table's header row told by its labels as a whole (extract/segment/column_labels.py): OCR read a
scanned annex's "STT" as "7", the header was taken for the first item, the table had no header and
its 20 rows went unread ("table of 21 rows × 5 columns not read … first row: 7 | Chỉ tiêu | …")."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.column_labels import labels_columns
from extract.segment.table_join import header_row_count
from layout_docs import CLOSE, decree30_head, plain_docx

HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "21/BC-UBND",
    "Hòa Bình, ngày 15 tháng 12 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2024",
)
ROWS = [
    ("1", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "6", ""),
    ("2", "Số cuộc kiểm tra CCHC đã thực hiện", "Cuộc", "3", ""),
    ("3", "Số thủ tục hành chính tiếp nhận tại Bộ phận Một cửa", "Thủ tục", "104", ""),
    ("4", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "98,5", ""),
]


def test_a_header_whose_code_label_ocr_misread_is_still_the_header() -> None:
    for first in ("7", "1.", "", "STT"):
        header = [first, "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"]
        assert header_row_count([header, *map(list, ROWS)]) == 1, first
    # OCR's slips in the labels themselves ("Don vj tinh", "Ghi chi") still name the columns
    assert labels_columns(["7", "Chi tieu", "Don vj tinh", "Ket qua", "Ghi chi"])
    # a score table's header, its "STT" read as "1"
    assert labels_columns(["1", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"])
    # (a phone photo's, the code and name sharing a column: "Tiêu" of its first label read "11eu")
    assert labels_columns(["11eu Chì, tieu chi thành phân", "Thang điểm", "Điếm UBND Xã tự chấm", "Ghi chú"])
    # a label of no vocabulary beside those that are ("Số điểm" over two points columns)
    assert labels_columns(["1", "Tiêu chí, tiêu chí thành phần", "Số điểm", "", "Giải trình"])
    # a task framework's, a plan's targets by year
    assert labels_columns(["1", "Nội dung công việc", "Sản phẩm đầu ra", "Thời gian hoàn thành", "Bộ phận phối hợp"])
    assert labels_columns(["1", "Nội dung chỉ tiêu", "Đơn vị tính", "Năm 2021", "Năm 2022", "Năm 2023"])


def test_an_item_row_is_no_header() -> None:
    # the first item of a table, an indicator opening with a label's words, a section row
    assert header_row_count([list(r) for r in ROWS]) == 0
    assert not labels_columns(["7", "Số lượng hồ sơ tiếp nhận", "Hồ sơ", "", ""])
    assert not labels_columns(["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "", "", ""])
    assert not labels_columns(["1", "Ban hành kế hoạch CCHC năm", "Kế hoạch", "Phòng Nội vụ", "Quý I"])


def test_an_annex_whose_header_opens_with_a_code_reads_every_row(tmp_path: Path) -> None:
    rows = [("7", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "Ghi chú"), *ROWS]
    before = (*HEAD, "Phụ lục", "BIỂU MẪU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH")
    path = plain_docx(tmp_path / "annex.docx", before, rows, (*CLOSE, "Nguyễn Văn An"))
    out = result_to_json(convert_file(path, path.name))
    read = [(r["code"], r["unit"], r["value"]) for a in out["statistics"] for r in a["rows"]]
    assert read == [("1", "Văn bản", 6.0), ("2", "Cuộc", 3.0), ("3", "Thủ tục", 104.0), ("4", "%", 98.5)]
    assert not [u for u in out["unread"] if u["kind"] == "table"]


def test_a_file_count_annex_header_whose_stt_ocr_misread_is_still_the_header() -> None:
    # The cells OCR read from the scan of a procedures' annex with a band per field (corpus seed
    # 20342, S39 instance 4: the "STT" read as "51", the first band's "I" as "1"); the labels are
    # the truth file's indicators ("Số hồ sơ tiếp nhận" … "Tỷ lệ đúng hạn (%)"), as OCR glued them.
    header = ["51", "Tên thủ tục hành chính", "Sốhồsơ tiếp nhận", "Số hồ sơ đã giải quyết"]
    header += ["Giải quyết đúng hạn", "Giải quyết quá hạn", "Tỷ lệ đúng hạn (%)"]
    band = ["1", "LĨNH VỰC CHỨNG THỰC", "", "", "", "", ""]
    row = ["1", "Chứng thực bản sao từ bản chính", "26", "26", "26", "0", "100"]
    assert labels_columns(header)
    assert header_row_count([header, band, row]) == 1
    # a procedure's row (its name, its figures) and a band are no header
    assert not labels_columns(band)
    assert not labels_columns(["2", "Đăng ký khai sinh", "Tiếp nhận trực tuyến", "", "", "", ""])
