"""The explanation column's side of the points in an OCR dump whose header names it but does not
say where (issue 11, names CER): decided by the table's lines together — specks after the last
figure are no explanation, explanation openings before the figures say it prints first — so each
row's name is parted from its explanation's words (``extract/segment/explanation_side.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.model import Line
from extract.segment.explanation_side import explanation_side
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HeaderLayout
from normalize.criteria.match_settings import MatchSettings

# Seven grid columns (STT, criterion, explanation, scale's maximum, self, appraised), cells
# centred, as Tesseract dumps them: the header's points labels garbled ("Thane", "Điều"), so only
# "Giải trình" is named; a rule's specks after row 1's figures ("a : ;").
DUMP = """\
ỦY BAN NHÂN DÂN XÃ HÒA BÌNH

CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 41/BC-UBND Hòa Bình, ngày 12 tháng 12 năm 2023

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023

: i : Điểm
_ | STT Tiêu chí, tiêu chí thành phần Giải trình Thane | Điều a
: : | điểm chấm định :
1 Công tác chỉ đạo, điều hành cải cách hành chính - | Thông báo số 82/TB-UBND ngày 10 10 a : ;
a : | 03/04/2023 oe
2 Xây dựng và tổ chức thực hiện văn bản quy phạm | Quyết định số 28/QĐ-UBND ngày 10 10 10
: pháp luật tại tỉnh 19/10/2023
3 Cải cách thủ tục hành chính Kế hoạch số 130/KH-UBND ngày 14,5 14 14
19/04/2023
4 Cải cách tổ chức bộ máy hành chính 11 10 10
5 Xây dựng và nâng cao chất lượng đội ngũ công chức, - | Thông báo số 99/TB-UBND ngày 16 15,5 15,5
viên chức : 15/11/2023
6 Cải cách tài chính công 7 7 7
Tổng số điểm 68,5 66,5 66,5

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Lưu: VT, VP. CHỦ TỊCH
"""


def test_names_are_parted_from_an_explanation_printed_before_the_points(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    # (names as read, not snapped to a set's wording: the split itself is under test)
    options = PipelineOptions(criteria=MatchSettings(snap_names=False))
    out = result_to_json(convert_file(path, options=options))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert rows["1"]["name"] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert rows["1"]["explanation"].startswith("Thông báo số 82/TB-UBND ngày")
    assert rows["2"]["name"] == "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh"
    assert rows["2"]["explanation"] == "Quyết định số 28/QĐ-UBND ngày 19/10/2023"
    assert rows["3"]["name"] == "Cải cách thủ tục hành chính"
    assert rows["3"]["explanation"] == "Kế hoạch số 130/KH-UBND ngày 19/04/2023"
    assert rows["5"]["name"] == "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức"
    assert rows["5"]["explanation"] == "Thông báo số 99/TB-UBND ngày 15/11/2023"
    assert (rows["5"]["max_points"], rows["5"]["self_points"]) == (16.0, 15.5)


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts, start=1)]


UNDECIDED = HeaderLayout(points=("max", "self"), explanation_undecided=True, explanation_named=True)


def test_specks_after_the_figures_are_no_explanation_when_openings_print_before_them():
    lines = _lines(
        "1 Công tác chỉ đạo, điều hành cải cách hành chính | Thông báo số 82/TB-UBND 10 10 a : ;",
        "2 Xây dựng và tổ chức thực hiện văn bản | Quyết định số 28/QĐ-UBND 10 9 sj | n4",
        "3 Cải cách thủ tục hành chính 14,5 14",
    )
    layout = explanation_side(lines, UNDECIDED, LineTableSettings())
    assert layout.explanation_first and not layout.explanation_undecided


# Words after the figures put the explanation last; so does an explanation of one word ("Đạt"),
# still text after the figures, where no line prints an explanation's opening before its figures.
@pytest.mark.parametrize(
    "after",
    [("Thông báo số 112/TB-", "Chưa đầy đủ tài liệu"), ("Đạt", "Đạt")],
    ids=["words", "one-word"],
)
def test_text_after_the_figures_and_no_opening_before_them_keeps_the_explanation_last(after):
    lines = _lines(
        f"1.1.1 Ban hành kế hoạch CCHC năm 1 1 {after[0]}",
        f"1.1.2 Xác định đầy đủ các nhiệm vụ CCHC 1 0,5 {after[1]}",
        "1.1.3 Các kết quả phải đạt được 1 1",
    )
    assert not explanation_side(lines, UNDECIDED, LineTableSettings()).explanation_first


# A header whose explanation label OCR garbled past reading ("(ảihn" for "Giải trình"): named or
# not, it is the lines that say where the explanation prints.
UNNAMED = HeaderLayout(points=("max", "self"))


def test_an_explanation_whose_label_was_lost_prints_first_where_lines_open_it_before_their_figures():
    lines = _lines(
        "1 Công tác chỉ đạo, điều hành cải cách hành chính Thông báo số 82/TB-UBND 10 10",
        "2 Xây dựng và tổ chức thực hiện văn bản Quyết định số 28/QĐ-UBND 10 9",
        "3 Cải cách thủ tục hành chính 14,5 14",
    )
    assert explanation_side(lines, UNNAMED, LineTableSettings()).explanation_first
    # One such line is not enough where no label names the column (a name may cite a document).
    assert not explanation_side(lines[1:], UNNAMED, LineTableSettings()).explanation_first
    # Four columns, no explanation: nothing moves.
    lines = _lines("1.1.1 Ban hành kế hoạch CCHC năm 1 1", "1.1.2 Xác định đầy đủ các nhiệm vụ CCHC 1 0,5")
    assert not explanation_side(lines, UNNAMED, LineTableSettings()).explanation_first
