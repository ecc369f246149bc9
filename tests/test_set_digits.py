"""A maximum OCR read with a digit lost, put back by the criteria set (issue 11): "1 10 10" for a
criterion worth 11 whose scores are 10 and 10, "1 16 15,75" for one worth 16. The scores above the
maximum read cannot be (a score is within its maximum) and were read with a decimal mark to fit
under it (10 → 1,0); the set's maximum, whose digits the figure read keeps in order, is the row's,
and the scores are read as printed."""

from cchc_extract.pipeline import convert_file
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_digits import digit_lost, max_digit_lost, max_letters_read
from schemas.records import ScoreRow

# A commune's self-assessment of the provincial set (bnv-tinh: 10, 10, 14,5, 11, 16, 7, 16, 15,5),
# OCR'd with its diacritics lost; fields 4 and 7 print their maximum with a digit lost.
DUMP = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA LAM THANH Doc lap - Tu do - Hanh phuc

S6: 153/BC-UBND Lam Thanh, ngay 1 thang 11 nam 2023
BAO CAO
Tu danh gia, cham diem xac dinh Chi s6 cai cach hanh chinh nam 2023

Diém
Diém Diém ty | Phong
TT Noi dung danh gia danh Noi vu Ghi chu
chuan gia tham
dinh
1. Cong tac chi dao, dieu hanh cai cach hanh chinh 10 10 10 Dat yeu cau theo huong dan
2. Xay dung va to chuc thuc hien van ban quy pham 10 9 8,75
phap luat tai tinh
3. Cai cach thu tuc hanh chinh 14,5 14,5 14,5 Cong van s6 141/CV-UBND ngay 15/05/2023
4. Cai cach to chuc bo may hanh chinh 1 10 10 Thong bao s6 139/TB-UBND ngay
13/01/2023
5. Xay dung va nang cao chat luong doi ngu cong chuc, 16 16 16
vien chuc
6. Cai cach tai chinh cong 7 7 6,75 Thong bao s6 126/TB-UBND ngay 18/08/2023
7. Hien dai hoa hanh chinh 1 16 15,75 Bao cao s6 31/BC-UBND ngay 14/05/2023
8. Tac dong cua CCHC den nguoi dan, to chuc va phat 15,5 15 15
trien kinh te xa hoi cua tinh
TONG DIEM 100 96,5 95,75

Noi nhan: TM. UY BAN NHAN DAN
- Luu: VT, VP. CHU TICH

Khong Xuan Loc
"""


def test_a_maximum_read_with_a_digit_lost_takes_the_sets_and_its_scores_their_printed_reading(tmp_path):
    rows = _read_fields_4_and_7(tmp_path, DUMP)
    four, seven = rows["4"], rows["7"]
    for row in (four, seven):
        assert row.alternatives["max_points"] == [1.0]  # the figure read, kept for the review
        assert "unsure_max_points:0.50" in row.flags  # the set's reading: doubted, queued
        assert not any(f.startswith("max_differs_from_criteria_set") for f in row.flags)
    assert four.alternatives["self_points"] == [1.0]  # the decimal reading chosen before
    # The rows printed whole are read as before.
    assert (rows["5"].max_points, rows["5"].self_points, rows["5"].appraised_points) == (16.0, 16.0, 16.0)


def _read_fields_4_and_7(tmp_path, text: str) -> dict[str, ScoreRow]:
    """The dump's rows by code, fields 4 and 7 asserted read as printed: 11 | 10 | 10 and
    16 | 16 | 15,75."""
    dump = tmp_path / "dump.txt"
    dump.write_text(text, encoding="utf-8")
    (table,) = convert_file(dump).score_tables
    rows = {str(r.code): r for r in table.rows}
    four, seven = rows["4"], rows["7"]
    assert (four.max_points, four.self_points, four.appraised_points) == (11.0, 10.0, 10.0)
    assert (seven.max_points, seven.self_points, seven.appraised_points) == (16.0, 16.0, 15.75)
    return rows


def _row(**cells) -> ScoreRow:
    return ScoreRow(code="4", name="Cải cách tổ chức bộ máy hành chính", **cells)


def test_only_a_maximum_whose_digits_the_sets_keeps_in_order_under_a_score_above_it_is_read_again():
    s = MatchSettings()
    lost = _row(max_points=1.0, max_points_raw="1", self_points=1.1, self_points_raw="11")
    assert digit_lost(lost, 11.0, s)
    assert max_digit_lost(lost, 11.0, "set", s)
    assert (lost.max_points, lost.self_points) == (11.0, 11.0)
    assert lost.alternatives == {"max_points": [1.0], "self_points": [1.1]}
    # "0" is 10 with its 1 lost; "5" is 15,5 with a digit lost.
    assert digit_lost(_row(max_points=0.0, max_points_raw="0", self_points=8.75, self_points_raw="8,75"), 10.0, s)
    assert digit_lost(_row(max_points=5.0, max_points_raw="5", self_points=1.5, self_points_raw="15"), 15.5, s)
    # A figure whose digits are not the set's ("7" for 10), a letter read for a digit, a score
    # within the figure read (a commune's own lower maximum), a score above the set's maximum too.
    assert not digit_lost(_row(max_points=7.0, max_points_raw="7", self_points=8.0, self_points_raw="8"), 10.0, s)
    assert not digit_lost(_row(max_points=5.0, max_points_raw="s", self_points=1.1, self_points_raw="11"), 11.0, s)
    assert not digit_lost(_row(max_points=1.0, max_points_raw="1", self_points=0.5, self_points_raw="0,5"), 11.0, s)
    assert not digit_lost(_row(max_points=1.0, max_points_raw="1", self_points=1.2, self_points_raw="12"), 11.0, s)


def test_a_maximum_read_with_letters_takes_the_sets_and_its_scores_their_printed_reading(tmp_path):
    # Fields 4 and 7 print 11 and 16; OCR read the cells "s" (a lookalike of 5) and "a8" (a speck
    # glued to a misread figure), and the scores under them with a decimal mark to fit.
    text = DUMP.replace("hanh chinh 1 10 10 Thong", "hanh chinh s 10 10 Thong").replace(
        "hanh chinh 1 16 15,75", "hanh chinh a8 16 15,75"
    )
    rows = _read_fields_4_and_7(tmp_path, text)
    four, seven = rows["4"], rows["7"]
    assert four.alternatives["max_points"] == [5.0] and seven.alternatives["max_points"] == [8.0]
    for row in (four, seven):
        assert "unsure_max_points:0.50" in row.flags  # the set's reading: doubted, queued
        assert not any(f.startswith("max_differs_from_criteria_set") for f in row.flags)
    assert (rows["3"].max_points, rows["3"].self_points, rows["3"].appraised_points) == (14.5, 14.5, 14.5)


def test_only_a_maximum_read_with_letters_whose_scores_lie_within_the_sets_is_read_again():
    s = MatchSettings()
    # a maximum printed as a figure other than the set's: the commune's own, read as printed
    assert not max_letters_read(_row(max_points=8.0, max_points_raw="8", self_points=8.0), 11.0, "set", s)
    # a score above the set's maximum: the set's maximum does not fit the row either
    assert not max_letters_read(_row(max_points=8.0, max_points_raw="B.", self_points=12.0), 11.0, "set", s)
    # the set's maximum read, letters and all: nothing to read again
    assert not max_letters_read(_row(max_points=11.0, max_points_raw="l1", self_points=10.0), 11.0, "set", s)
    lettered = _row(max_points=8.0, max_points_raw="B.", self_points=10.0, self_points_raw="10")
    assert max_letters_read(lettered, 11.0, "set", s)
    assert (lettered.max_points, lettered.self_points, lettered.alternatives) == (11.0, 10.0, {"max_points": [8.0]})
