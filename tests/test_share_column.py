"""A score table's share column, the self points over the maximum in per cent ("Tỷ lệ đạt (%)"),
is no points column (``points_words.share_label``): a DOCX written here, read whole."""

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.points_words import share_label

ROWS = [
    ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "12", "10,5", "87,5", ""],
    ["1.1", "Kế hoạch cải cách hành chính năm", "3", "3", "100", ""],
    ["1.2", "Báo cáo cải cách hành chính", "4", "3", "75", "Chậm 01 báo cáo"],
    ["1.3", "Kiểm tra cải cách hành chính", "5", "4,5", "90", ""],
    ["2.", "Cải cách thủ tục hành chính", "8", "8", "100", ""],
    ["2.1", "Công khai thủ tục hành chính", "4", "4", "100", ""],
    ["2.2", "Giải quyết thủ tục hành chính", "4", "4", "100", ""],
    ["", "Tổng cộng", "20", "18,5", "92,5", ""],
]


def _scored(tmp_path: Path, share: str, rows: list[list[str]] = ROWS) -> dict:
    """A DOCX score table "TT | name | max | self | ``share`` | explanation" of ``rows``, read whole."""
    document = docx.Document()
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024")
    header = ["TT", "Tiêu chí, tiêu chí thành phần", "Điểm chuẩn", "Điểm tự chấm", share, "Giải trình"]
    table = document.add_table(rows=1 + len(rows), cols=len(header))
    for r, cells in enumerate([header, *rows]):
        for c, text in enumerate(cells):
            table.cell(r, c).text = text
    path = tmp_path / "tu-cham.docx"
    document.save(path)
    return result_to_json(convert_file(path, path.name))


def test_share_labels_are_told_from_points_labels():
    assert share_label("Tỷ lệ đạt (%)")
    assert share_label("Tỷ lệ (%)")
    assert share_label("Tỷ lệ điểm đạt so với điểm tối đa (%)")
    assert not share_label("Điểm tối đa")
    assert not share_label("Điểm tự chấm")


def test_a_share_column_is_no_points(tmp_path):
    for share in ("Tỷ lệ điểm đạt so với điểm tối đa (%)", "Tỷ lệ đạt (%)"):
        out = _scored(tmp_path, share)
        rows = [(r["code"], r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]]
        assert rows == [
            ("1", 12.0, 10.5),
            ("1.1", 3.0, 3.0),
            ("1.2", 4.0, 3.0),
            ("1.3", 5.0, 4.5),
            ("2", 8.0, 8.0),
            ("2.1", 4.0, 4.0),
            ("2.2", 4.0, 4.0),
        ], share
        assert [c for c in out["checks"] if c["status"] == "mismatch"] == [], share
        assert out["unread"] == [], share
