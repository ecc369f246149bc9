"""A row recovered by the criteria set's order takes the figures its own lines print below its
name's opening line (issue 11: legible figures read into the right cell). A centred table prints a
wrapped name's code and figures on its middle line, and a name beside a tall explanation prints
them a line lower: the row's opening line holds none, and the row was left blank."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.set_row_figures import figures_below, points_of_run
from extract.segment.set_rows import FLAG_FROM_SET_ORDER

# A five-field table (bnv-tinh wording), Tesseract's dump of a centred scan: each field's name
# prints on its first line, its number and figures on the line below ("A." is the "4." OCR misread,
# "2. VÀ z ~" the "5." and a rule's specks).
_CENTRED_DUMP = """UBND XÃ TÂN HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 52/BC-UBND Tân Hòa, ngày 20 tháng 11 năm 2023

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính
năm 2023 của UBND xã Tân Hòa

Thực hiện Kế hoạch số 31/KH-UBND ngày 12/4/2023 của UBND huyện về việc triển khai công tác cải cách hành chính năm
2023; UBND xã Tân Hòa báo cáo kết quả tự đánh giá, chấm điểm như sau:

Điểm
" .x Phòng
TT Lĩnh vực, tiêu chí Nội dung giải trình Điểm | Điểm tự ( nôi vụ
chuẩn chấm -
thẩm
định
q) (2) 3) (4) G) (6)
Công tác chỉ đạo, điều hành cải cách hành chính Thông báo số 44/TB-UBND ngày
1. 10 9,5 9
14/12/2023
Xây dựng và tổ chức thực hiện văn bản quy phạm
2. H hmm 10 8 8
pháp luật tại tỉnh
Cải cách thủ tục hành chính Báo cáo số 61/BC-UBND ngày
3. 20/12/2023 14,5 14 14
Cải cách tổ chức bộ máy hành chính Đã ban hành đúng thời gian quy
A. đỉnh 11 10,5 10,25
Xây dựng và nâng cao chất lượng đội ngũ công chức, Chưa hoàn thành 5/12 nhiệm vụ
2. VÀ z ~ 16 13,5 13
viên chức theo kế hoạch
Tổng cộng 61,5 55,5 54,25



Nơi nhận: TM. ỦY BAN NHÂN DÂN
- UBND huyện (b/c); CHỦ TỊCH
- Lưu: VT, VP.

Trần Văn Bình
"""


def test_recovered_rows_take_the_figures_printed_on_the_line_below_their_name(tmp_path: Path) -> None:
    path = tmp_path / "centred-dump.txt"
    path.write_text(_CENTRED_DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # Fields 4 and 5 print their figures under their names ("A. đỉnh 11 10,5 10,25",
    # "2. VÀ z ~ 16 13,5 13"): recovered by the set's order, now with the three points the
    # page prints (the first is the set's maximum, the others within it), still queued whole.
    for code, points in (("4", (11.0, 10.5, 10.25)), ("5", (16.0, 13.5, 13.0))):
        row = rows[code]
        assert FLAG_FROM_SET_ORDER in row["flags"]
        assert (row["max_points"], row["self_points"], row["appraised_points"]) == points
    queued = {q["item"] for q in out["review"] if q["field"] is None}
    recovered = [i for i, r in enumerate(out["score_tables"][0]["rows"]) if r["code"] in ("4", "5")]
    assert {f"/score_tables/0/rows/{i}" for i in recovered} <= queued
    # The points read are no longer told lost (before: "points of 4, 5 not read").
    assert not any("points of" in u["reason"] for u in out["unread"])


def _line(text: str, number: int = 2) -> Line:
    return Line(text=text, page=1, number=number)


def test_a_run_below_is_the_rows_only_where_it_opens_with_the_sets_maximum() -> None:
    # A wrapped name's middle line with the row's code before the figures.
    middle = _line("-1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnh và 1 1 0,75")
    assert [v for _, v in figures_below([middle], 1.0)] == [1.0, 1.0, 0.75]
    # An explanation's date and a percentage are no run of the row's points, nor a figure above the
    # maximum after it.
    assert figures_below([_line("ngày 05/12/2023 Tỷ lệ đạt 85%")], 10.0) == []
    assert figures_below([_line("Chưa hoàn thành 6/13 nhiệm vụ 16 17")], 16.0) == []
    # The third figure is the appraised score only in a table with that column.
    run = [("16", 16.0), ("14,5", 14.5), ("14,25", 14.25)]
    assert points_of_run(run, 16.0, appraised=True).appraised_points == ("14,25", 14.25)
    assert points_of_run(run, 16.0, appraised=False).appraised_points is None
    assert points_of_run(run, 16.0, appraised=False).self_points == ("14,5", 14.5)
