"""Tasks are read from task frameworks only, never from a score table's rows (issue 20 with 14): a
score table's header names task header words too ("Nội dung giải trình": "Nội dung" a task's,
"trình" a deadline's "lộ trình"; "thành phần": a unit's "phần"), so an OCR dump of one could be
taken for a task framework's header and its criteria for tasks. A header line that names a score
column (points, self-assessment, explanation) heads no tasks; "Thời điểm" and "Địa điểm" stay a
task framework's labels."""

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.model import IngestedDocument
from extract.segment.task_header import header_columns, names_score_column
from extract.segment.task_line_settings import TaskLineSettings
from extract.segment.task_lines import find_task_lines
from extract.text_reader import parse_text

# A self-assessment report's score table as OCR dumps it: the header's two columns of points
# glued ("Điểm | ĐiỂmtự"), the explanation column, codes with ruling bars.
SCORE_DUMP = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ AN PHÚ Độc lập - Tự do - Hạnh phúc
Số: 88/BC-UBND An Phú, ngày 20 tháng 12 năm 2024
BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024

TT Tiêu chí, tiêu chí thành phần Điểm | ĐiỂmtự | Nội dung giải trình
tối đa chấm
I | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH 10 8
1.1 | Kế hoạch CCHC năm 5 4
1.1.1 Ban hành kế hoạch CCHC năm 1 1 Thực hiện đầy đủ, đúng
quy định
Xác định đầy đủ các nhiệm vụ CCHC trên các
1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh 2 1
1.1.3 | Mức độ thực hiện kế hoạch CCHC 2 2 Tỷ lệ đạt 100%
1.2 Báo cáo CCHC 2 1,5
1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy định 1 1 Thực hiện đầy đủ
1.2.2 | Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn 1 0,5
1.3 Kiểm tra công tác CCHC 3 2,5 Công văn số 204/CV-UBND
Tổng số điểm 10 8
"""


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


def test_a_header_naming_a_score_column_is_no_task_header():
    assert names_score_column("TT Tiêu chí, tiêu chí thành phần Điểm | ĐiỂmtự | Nội dung giải trình")
    assert header_columns("tiêu chí thành phần Điểm | ĐiỂmtự | Nội dung giải trình") is None
    assert header_columns("STT | Nội dung | Điểm tự chấm | Tiến độ | Chủ trì") is None
    # a deadline's "Thời điểm", a venue's "Địa điểm": a task framework's labels
    assert header_columns("STT | Nội dung nhiệm vụ | Thời điểm hoàn thành | Chủ trì | Phối hợp") == [
        "code",
        "task",
        "deadline",
        "lead",
        "coordinator",
    ]
    assert not names_score_column("TT | Nhiệm vụ | Địa điểm | Chủ trì | Thời gian")


def test_a_score_table_dump_yields_no_task_table(tmp_path: Path):
    assert find_task_lines(_doc(SCORE_DUMP), TaskLineSettings(row_shapes=True)) == []
    path = tmp_path / "bao-cao.txt"
    path.write_text(SCORE_DUMP, encoding="utf-8")
    output = result_to_json(convert_file(path, "bao-cao.txt", PipelineOptions()))
    assert output["task_tables"] == []
    codes = [r["code"] for t in output["score_tables"] for r in t["rows"]]
    assert {"1.1.1", "1.2.1", "1.3"} <= set(codes)


def test_a_task_framework_dump_is_still_read():
    text = (
        "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2025\n"
        "STT | Nội dung nhiệm vụ | Chủ trì | Phối hợp | Thời điểm hoàn thành\n"
        "1 | Rà soát thủ tục hành chính | Văn phòng | Công an xã | Quý I/2025\n"
        "2 | Niêm yết công khai thủ tục | Tư pháp | Các đoàn thể | Quý II/2025\n"
    )
    rows = [r for t in find_task_lines(_doc(text)) for r in t.rows]
    assert [(r.code, r.lead, r.deadline) for r in rows] == [
        ("1", "Văn phòng", "Quý I/2025"),
        ("2", "Tư pháp", "Quý II/2025"),
    ]
