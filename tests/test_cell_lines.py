"""Score tables exported one cell per line (a word processor's "save as text" of a table): the
code, the name, the max, the self score and the explanation each on a line of their own. A bare
decimal figure there is a cell, even when read as a code it would be a plausible jump ahead in
the numbering ("1,5" under 1.2.1 is not code 1.5)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = """UBND XÃ TÂN HÒA ĐÔNG\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
\tĐộc lập - Tự do - Hạnh phúc
Số: 58/BC-UBND\tTân Hòa Đông, ngày 5 tháng 12 năm 2014

BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2014

UBND xã Tân Hòa Đông báo cáo kết quả tự đánh giá, chấm điểm như sau:
TT
Nội dung đánh giá
Điểm chuẩn
Điểm tự chấm
Ghi chú
"""
# code, name, max, self, explanation: 1.2.1 prints 1,5 where its siblings leave 1.2 at 2 (the
# commune's own parent-sum fault, to be reported, not repaired).
ROWS = [
    ("1.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "6", "5,5", ""),
    ("1.1", "Kế hoạch CCHC năm", "2", "2", ""),
    ("1.1.1", "Ban hành kế hoạch CCHC năm", "1", "1", "Kế hoạch số 41/KH-UBND"),
    ("1.1.2", "Mức độ thực hiện kế hoạch CCHC", "1", "1", "Báo cáo số 12/BC-UBND"),
    ("1.2", "Báo cáo CCHC", "2", "1,5", ""),
    ("1.2.1", "Tất cả báo cáo được gửi đúng thời gian quy định", "1,5", "1", "Báo cáo số 33/BC-UBND"),
    ("1.2.2", "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn", "1", "0,5", "Thiếu báo cáo quý"),
    ("1.3", "Kiểm tra công tác CCHC", "2", "2", ""),
]
TAIL = """
Nơi nhận:
- UBND huyện (b/c);
- Lưu: VT.
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
(Đã ký)
Lê Văn Tâm
"""


def _text() -> str:
    body = "".join("\n".join(cells) + "\n" for cells in ROWS)
    return HEAD + body + TAIL


def test_a_decimal_figure_under_a_named_row_is_its_max_not_a_code(tmp_path: Path) -> None:
    path = tmp_path / "cell-per-line.txt"
    path.write_text(_text(), encoding="utf-8")
    out = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert list(rows) == [c.rstrip(".") for c, *_ in ROWS]
    assert (rows["1.2.1"]["max_points"], rows["1.2.1"]["self_points"]) == (1.5, 1.0)
    assert rows["1.2.1"]["explanation"] == "Báo cáo số 33/BC-UBND"
    assert (rows["1.2.2"]["max_points"], rows["1.2.2"]["self_points"]) == (1.0, 0.5)
    # The commune's own fault is reported: 1,5 + 1 is not the 2 that 1.2 states.
    faults = [c for c in out["checks"] if c["status"] == "mismatch"]
    assert [(c["code"], c["field"]) for c in faults] == [("1.2", "max_points")]
    assert not out["unread"]
