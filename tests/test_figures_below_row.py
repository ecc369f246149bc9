"""A dump row whose own line printed no figure reads its points from the line below it, where a
centred cell prints them beside a two-line explanation (issue 11: legible figures read into the
right cell); the criteria set's maximum for the row is the witness."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.figures_below_row import FLAG_FIGURES_BELOW

# Tesseract's dump of a centred scan (bnv-tinh wording): field 5's name opens on its first line
# beside its explanation, its STT cell ("5.", read "h) VÀ z") and its points print on the second.
_DUMP = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM

XÃ PHÚ THẠNH Độc lập - Tự do - Hạnh phúc
Số: 21 /BC-UBND Phú Thạnh, ngày 14 tháng 12 năm 2023
BÁO CÁO

Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính
năm 2023 của UBND xã Phú Thạnh

Thực hiện Kế hoạch số 118/KH-UBND ngày 10/6/2023 của UBND huyện về việc triển khai công tác cải cách hành chính năm
2023; UBND xã Phú Thạnh báo cáo kết quả tự đánh giá, chấm điểm như sau:

Điểm Điểm tự | Điểm
STT Nội dung đánh giá Tài liệu kiểm chứng Km đánh thẩm
tối đa s. R
giá định
q) (2) (3) (4) G) (6)
1. Công tác chỉ đạo, điều hành cải cách hành chính Chưa đầy đủ tài liệu kiểm chứng 10 9 8,75
2 Xây dựng và tổ chức thực hiện văn bản quy phạm 10 9,5 9,5
pháp luật tại tỉnh
3. Cải cách thủ tục hành chính Ban hành chậm so với quy định 14,5 14 13,5
4 Cải cách tổ chức bộ máy hành chính Hoàn thành 100% kế hoạch 11 10,5 10,5
Xây dựng và nâng cao chất lượng đội ngũ công chức, | Thực hiện đầy đủ, đúng quy định
h) VÀ z 16 15,5 15,25
viên chức
6 Cải cách tài chính công Thông báo số 88/TB-UBND ngày 7 6,5 6,5
l 09/07/2023 Ẻ
7 Hiện đại hóa hành chính Báo cáo số 131/BC-UBND ngày 16 15 15
24/08/2023
Tổng cộng 84,5 80 79

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- UBND huyện (b/c); CHỦ TỊCH
- Lưu: VT, VP.

Lê Văn Hòa
"""


def test_a_rows_points_printed_on_the_line_below_its_name_are_read(tmp_path: Path) -> None:
    path = tmp_path / "centred-row.txt"
    path.write_text(_DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    five = rows["5"]
    # "h) VÀ z 16 15,5 15,25": 16 is the set's maximum for field 5, the others within it.
    assert (five["max_points"], five["self_points"], five["appraised_points"]) == (16.0, 15.5, 15.25)
    assert FLAG_FIGURES_BELOW in five["flags"]
    assert not any(f.startswith("missing_") for f in five["flags"])
    # The scores read below the row's line are doubted: the row is in the review queue.
    assert any(f.startswith("unsure_self_points") for f in five["flags"])
    i = next(k for k, r in enumerate(out["score_tables"][0]["rows"]) if r["code"] == "5")
    assert any(q["item"] == f"/score_tables/0/rows/{i}" for q in out["review"])
    # Nothing claims row 5's points or its figures' line lost any more.
    assert not any("points of 5" in u["reason"] for u in out["unread"])
    assert not any(u["line_start"] == 24 for u in out["unread"])
    # The rows read on their own lines are as printed.
    assert (rows["4"]["max_points"], rows["4"]["self_points"], rows["4"]["appraised_points"]) == (11.0, 10.5, 10.5)


def test_figures_below_are_not_taken_when_they_do_not_open_with_the_sets_maximum(tmp_path: Path) -> None:
    # The same line printing 15 first (not field 5's maximum 16): no reading, the loss told.
    path = tmp_path / "centred-row-other.txt"
    path.write_text(_DUMP.replace("h) VÀ z 16 15,5 15,25", "h) VÀ z 15 15,5 15,25"), encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    five = next(r for t in out["score_tables"] for r in t["rows"] if r["code"] == "5")
    assert FLAG_FIGURES_BELOW not in five["flags"]
    # Not read: its score is the one the stated total less the other fields' read gives (15,5, as
    # printed), flagged derived, its raw blank (``reconcile.derived``, a field row under its total).
    assert five["self_points_raw"] is None
    assert five["self_points"] is None or "derived_from_sums:self_points" in five["flags"]
