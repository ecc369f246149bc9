"""A score table whose maximum column is labelled "Điểm quy định" (the points the rules set for a
criterion, as some provincial forms print it), beside "Điểm UBND xã tự chấm": the column is the
maximum's, as "Điểm chuẩn" is (``score_tables._COLUMN_NAMES``). Before, no points column was
found under it and the table read no row."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from normalize.criteria.match_settings import MatchSettings

ROWS = [
    ("", "1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "8"),
    ("Kế hoạch số 12/KH-UBND ngày 05/01/2024", "1.1", "Kế hoạch cải cách hành chính năm", "4", "3"),
    ("Báo cáo số 30/BC-UBND ngày 10/6/2024", "1.2", "Thực hiện chế độ báo cáo cải cách hành chính", "6", "5"),
    ("", "", "Tổng cộng", "10", "8"),
]


def _write(path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024")
    table = document.add_table(rows=1, cols=5)
    labels = (
        "Văn bản, tài liệu kiểm chứng",
        "TT",
        "Nội dung đánh giá, chấm điểm",
        "Điểm quy định",
        "Điểm UBND xã tự chấm",
    )
    for cell, label in zip(table.rows[0].cells, labels):
        cell.text = label
    for values in ROWS:
        for cell, value in zip(table.add_row().cells, values):
            cell.text = value
    document.save(str(path))


def test_the_rules_points_column_is_the_maximum(tmp_path: Path):
    path = tmp_path / "report.docx"
    _write(path)
    out = result_to_json(convert_file(path, options=PipelineOptions(criteria=MatchSettings(snap_names=False))))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert (rows["1"]["max_points"], rows["1"]["self_points"]) == (10.0, 8.0)
    assert (rows["1.2"]["max_points"], rows["1.2"]["self_points"]) == (6.0, 5.0)
    assert rows["1.1"]["explanation"].startswith("Kế hoạch số 12/KH-UBND")
