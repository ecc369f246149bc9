"""A maximum's column whose label OCR read only in part: a phone photo of a score table (seed
18001's S04 instance 4, an F09 table) whose two-line header "Thang | điểm" came out as "điểm", beside
"Điểm tự đánh gia". Before, no column named the maximum, so the grid was no score table and its four
rows were told unread. A bare "điểm" before the self points' column is the maximum's: a score table
prints the maximum before the points given against it."""

from __future__ import annotations

from extract.segment.score_tables import map_columns


def test_a_bare_points_label_before_the_self_points_is_the_maximum():
    columns = map_columns(["Lĩnh vực, tiêu chí", "điểm", "Điểm tự đánh gia", "Tài liệu kiểm chứng"])
    assert columns is not None
    assert (columns["name"], columns["max"], columns["self"]) == (0, 1, 2)


def test_a_bare_points_label_is_no_maximum_without_the_self_points_or_after_them():
    assert map_columns(["STT", "Nội dung", "Điểm", "Ghi chú"]) is None
    after = map_columns(["STT", "Tiêu chí", "Điểm tự chấm", "Điểm"])
    assert after is None or after.get("max") != 3
