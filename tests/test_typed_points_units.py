"""A typed score table whose points carry their unit ("3,0 điểm", N03's layout) is typed, not OCR:
the unit is the commune's wording, no letters OCR made of digits (``misread.from_letters``). A
held-out N03 DOCX (seed 9001) was judged "read by OCR" for its twenty "… điểm" cells, so its two
planted faults were told as our misreadings and one printed maximum (3) replaced by the sums' 2."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.api import convert
from cchc_extract.reconcile.misread import from_letters
from tests.layout_docs import SCORE_REPORT_HEAD, plain_docx

ROWS = [
    ("STT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10,0 điểm", "7,25 điểm"),
    ("1.1", "Kế hoạch CCHC năm", "5,0 điểm", "2,75 điểm"),
    ("1.1.1", "Ban hành kế hoạch CCHC năm kịp thời", "1,0 điểm", "0,0 điểm"),
    ("1.1.2", "Kế hoạch xác định đầy đủ nhiệm vụ", "1,0 điểm", "0,75 điểm"),
    ("1.1.3", "Các kết quả phải đạt được xác định rõ ràng", "1,0 điểm", "0,0 điểm"),
    ("1.1.4", "Mức độ thực hiện kế hoạch CCHC", "3,0 điểm", "2,0 điểm"),  # (max 3: 1.1's add to 6, not 5)
    ("1.2", "Thực hiện chế độ báo cáo", "2,0 điểm", "1,5 điểm"),  # (self 1,5: its criteria add to 1,25)
    ("1.2.1", "Báo cáo đúng thời gian quy định", "1,0 điểm", "0,5 điểm"),
    ("1.2.2", "Báo cáo đầy đủ nội dung", "1,0 điểm", "0,75 điểm"),
    ("1.3", "Kiểm tra công tác CCHC", "3,0 điểm", "3,0 điểm"),
]


def test_a_unit_after_the_figure_is_no_letter_of_ocr():
    assert not from_letters("3,0 điểm") and not from_letters("1,5đ")
    assert from_letters("l5") and from_letters("3,0 diêm x")


def test_typed_points_with_their_unit_keep_the_communes_faults_as_faults(tmp_path: Path):
    path = plain_docx(tmp_path / "points-units.docx", SCORE_REPORT_HEAD, ROWS, ("CHỦ TỊCH", "Nguyễn Văn An"))
    data = convert(path).data
    assert data["source"]["read_by_ocr"] is False
    rows = {r["code"]: r for r in data["score_tables"][0]["rows"]}
    assert rows["1.1.4"]["max_points"] == 3.0  # (as printed: no sum overrules a typed figure)
    faults = {(c["code"], c["kind"]): c["status"] for c in data["checks"] if c["status"] not in ("ok", "skipped")}
    assert faults == {("1.1", "sum_children"): "mismatch", ("1.2", "sum_self"): "mismatch"}
