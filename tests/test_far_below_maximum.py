"""A criterion scored whole (no sub-criterion read under it) whose score on an OCR dump is far
under the maximum its row printed, vouched for by no relation, is doubted and queued: a digit OCR
dropped or confused lands a figure there ("10" read "1.", "16" read "1 6"), and nothing else checks
it (``score_cells.far_below_maximum``, ``ConfidenceSettings.far_below_max_share``). The dump is
written here in the shape Tesseract left such a table (no total line, specks, the self score of
row 1 lost its 0)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile.score_cells import far_below_maximum
from schemas.records import ScoreRow

DUMP = """- ỦY BAN NHÂN DÂN XÃ KIM DIÊN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM .
: : 1... can . Độc lập - Tự do - Hạnh phúc :
Số: 6/BC-UBND : Kim Diên, ngày 18 tháng 12 năm 2024 `
â - 7 ĐBOCÁO ˆ
_ Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính _
năm 2024 của UBND xã KimDin  - ;
việc triển khai công tác cải cách hành chính năm 2024; UBND xã Kim Diên báo cáo kết quả
_—___ tự đánh giá, chấm điểm nhưsau: - :
STT Tiêu chí, tiêu chí thành phần . Thang | Điểm tự | Nội dung giải trình.
: điểm chấm
_ : 1. Công tác chỉ đạo, điều hành cải cách hành 10 {first}
chính : : . : :
2... | Xây dựng và tổ chức thực hiện văn bản 10 8,5 Công văn số 210/CV- :
: quy phạm pháp luật tại tỉnh UBND ngày 4/9/2024 .
3 Sà Cải cách thủ tục hành chính 14,5 14,5 Công văn số 169/CV- :
: - : VP ngày 10/03/2024 - .
4 Cải cách tổ chức bộ máy hành chính 11 11 ƒ Kếhoạch số 190/KH-
: - : __| UBND ngày 27/02/2024
ÿÊ Hiện đại hóa hành chính 16 16. Quyết định số 42/QĐ- - :
: UBND ngày 03/06/2024
Nơi nhận: -- - KT.CHỦ TỊCH .
-___ UBND huyện Hiệp An (b/c); - PHÓ CHỦ TICH
"""


def _rows(tmp_path: Path, first: str):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP.format(first=first), encoding="utf-8")
    result = convert_file(path)
    table = result.score_tables[0]
    queued = {(e.item, e.field) for e in result.review}
    return {row.code: (row, (f"/score_tables/0/rows/{i}", "self_points") in queued) for i, row in enumerate(table.rows)}


def test_a_whole_criterions_score_far_under_its_maximum_is_doubted_and_queued(tmp_path):
    rows = _rows(tmp_path, "1.")  # the page prints 10: OCR kept "1."
    row, queued = rows["1"]
    assert (row.max_points, row.self_points) == (10.0, 1.0)
    assert row.value_confidence["self_points"] < 0.8 and queued  # (under the review threshold)
    # Scores near their maxima, read alike, are not doubted for it.
    row, queued = rows["2"]
    assert row.self_points == 8.5 and row.value_confidence["self_points"] > 0.9 and not queued


def test_a_score_of_zero_or_near_the_maximum_is_no_figure_far_below():
    def row(self_: float, most: float = 10.0, raw: str = "10") -> ScoreRow:
        return ScoreRow(code="1", name="x", max_points=most, self_points=self_, max_points_raw=raw)

    assert far_below_maximum(row(1.0), "self_points")
    assert not far_below_maximum(row(0.0), "self_points")  # (the commune's own 0: a criterion not met)
    assert not far_below_maximum(row(5.0), "self_points")
    # A maximum the criteria set filled in is no figure the row printed.
    assert not far_below_maximum(row(1.0, raw=""), "self_points")
