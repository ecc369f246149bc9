"""Wide score tables in OCR text dumps (issue 11): a lone maximum after a catalogued criterion's
whole name, and a score whose leading 1 OCR read as a 4 or a 7 ("43,75" under a maximum of 14,5).
A small dump written for these tests, in the shape Tesseract gives such tables (a code, the name,
the points run, the explanation after), read end to end, and the line-level rules alone."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_header import HeaderLayout
from extract.segment.score_readings import resolve_lost_commas
from schemas.records import ScoreRow

DUMP = """\
UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/BC-UBND An Bình, ngày 10 tháng 12 năm 2023
BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023
STT Nội dung đánh giá Điểm tối đa Điểm tự chấm Điểm thẩm định Tài liệu kiểm chứng
1. Kế hoạch CCHC năm 5 4,75 4,5 Kế hoạch số 12/KH-UBND ngày 3/1/2023
2. Cải cách thủ tục hành chính 14,5 13,75 43,75 Báo cáo số 21/BC-UBND ngày 4/6/2023
3. Kiểm tra công tác CCHC 3 Tỷ lệ đạt 87%
Tổng cộng 22,5
Nơi nhận: KT. CHỦ TỊCH
"""


def _row(max_raw: str, self_raw: str, appraised_raw: str) -> ScoreRow:
    def value(raw: str) -> float:
        return float(raw.replace(",", "."))

    return ScoreRow(
        code="3",
        max_points=value(max_raw),
        self_points=value(self_raw),
        appraised_points=value(appraised_raw),
        max_points_raw=max_raw,
        self_points_raw=self_raw,
        appraised_points_raw=appraised_raw,
    )


def test_a_lone_maximum_after_a_whole_criterion_name_is_its_cell():
    cells = read_line(Line(text="1. Kiểm tra công tác CCHC 3 Tỷ lệ đạt 87%", page=1, number=1), False, HeaderLayout())
    assert (cells.code, cells.max_raw, cells.self_raw) == ("1.", "3", None)
    assert [raw for _, raw in cells.explanation] == ["Tỷ", "lệ", "đạt", "87%"]
    # A count inside a name that is no catalogued criterion's whole wording stays text.
    cells = read_line(Line(text="2. Báo cáo 6 tháng Tỷ lệ đạt", page=1, number=1), False, HeaderLayout())
    assert cells.max_raw is None and cells.self_raw is None


def test_a_number_after_a_whole_name_ending_in_a_time_word_is_its_date():
    # "năm 2": the year OCR cut after a name ending in "năm" (a catalogued criterion's whole
    # wording), the row's cells on the line below; the number is not the row's maximum.
    line = Line(text="1.1.1 Ban hành kế hoạch CCHC năm 2 Đã ban hành đúng thời gian quy", page=1, number=1)
    cells = read_line(line, False, HeaderLayout())
    assert cells.max_raw is None and cells.self_raw is None


def test_a_score_over_its_maximum_reads_its_leading_digit_as_a_one():
    rows = [_row("14,5", "13,75", "43,75")]
    resolve_lost_commas(rows)
    assert rows[0].appraised_points == 13.75
    assert rows[0].alternatives["appraised_points"] == [43.75]
    assert "ambiguous_number" in rows[0].flags
    # Within its maximum, or with no reading of a 1 within it, the printed value stays: a score
    # the commune gave over its maximum is the commune's fault, for the checks to report.
    for printed in ("7,75", "53,75", "44,75"):
        rows = [_row("14,5", "13,75", printed)]
        resolve_lost_commas(rows)
        assert rows[0].appraised_points == float(printed.replace(",", "."))
        assert "appraised_points" not in rows[0].alternatives


def test_a_wide_dump_reads_both_end_to_end(tmp_path: Path):
    path = tmp_path / "wide-dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    output = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert [rows["2"][f] for f in ("max_points", "self_points", "appraised_points")] == [14.5, 13.75, 13.75]
    assert rows["2"]["appraised_points_raw"] == "43,75"  # as printed, for the reviewer
    assert rows["3"]["max_points"] == 3 and rows["3"]["self_points"] is None
    assert rows["3"]["explanation"].startswith("Tỷ lệ đạt")


# A ``--psm 3`` dump: Tesseract prints a row's name as a block of its own and its figures on the
# line its explanation opens, under the name, the STT cell lost ("1 0,25 | Công văn số_").
BLOCK_DUMP = """\
UBND XÃ AN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Số: 15/BC-UBND An Bình, ngày 05 tháng 03 năm 2015
BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2014

Mã | Tiêu chí, tiêu chí thành phần | Điểm | Điểm | Nội dung giải
số tối đa tự trình
chấm

1.2.1 | Tất cả báo cáo được gửi đúng thời gian quy 1 1 Báo cáo số 5/BC-
định (báo cáo quí I, quí III, báo cáo 6 tháng UBND ngày
và báo cáo năm) 01/01/2014

Tất cả báo cáo có đầy đủ nội dung theo
hướng dẫn

1 0,25 "| Công văn số_
| 151/CV-UBND
ngày 10/11/2014

1.3

| Kiểm tra công tác CCHC

3 2 Quyết định số

157/QĐ-UBND
ngày 6/5/2014

Nơi nhận:
"""


def test_figures_opening_a_line_are_no_code_and_name():
    line = Line(text='1 0,25 "| Công văn số_', raw='1 0,25 "| Cong van s6_', page=1, number=1)
    cells = read_line(line, True, HeaderLayout())
    assert (cells.code, cells.max_raw, cells.self_raw, cells.figures_first) == (None, "1", "0,25", True)
    assert cells.specked == ("self",)  # which cell each bare figure is, only their order says
    assert [raw for _, raw in cells.explanation] == ["Cong", "van", "s6_"]
    # A code then a name, or a figure above the code's number (no score), stays a code.
    for text in ("3 Cải cách thủ tục hành chính 14,5 14", "1 5 Quyết định số 12/QĐ-UBND", "1.3 2 Quyết định số"):
        assert read_line(Line(text=text, page=1, number=1), True, HeaderLayout()).code is not None


def test_a_name_block_above_its_figures_line_is_the_rows_name(tmp_path: Path):
    path = tmp_path / "block-dump.txt"
    path.write_text(BLOCK_DUMP, encoding="utf-8")
    output = result_to_json(convert_file(path))
    rows = [r for t in output["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == ["1.2.1", "1.2.2", "1.3"]
    # Before: the name block went to 1.2.1's explanation, "1" became a row coded 1 named "0,25 …".
    assert rows[1]["name"] == "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn"
    assert (rows[1]["max_points"], rows[1]["self_points"]) == (1, 0.25)
    assert rows[1]["explanation"].startswith("Công văn số")
    assert not rows[0]["explanation"].endswith("hướng dẫn")
    # "3 2" under 1.3's name: its figures, the score doubted for review.
    assert (rows[2]["max_points"], rows[2]["self_points"]) == (3, 2)
    assert "unsure_self_points:0.50" in rows[2]["flags"]
