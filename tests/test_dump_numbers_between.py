"""A token of a few letters between a row's first figure and the figures that end its run, in an
OCR dump (issue 11): the figures after it are counted together with the columns left. When they
fill every column left, the token is a ruling line's speck ("10 a 10 10": max, self and appraised
all 10); one figure short of them, it is the cell OCR could not read, standing in its column ("5 a
4,75": the maximum 5, the self score lost, the appraised 4,75), not a speck that pushes the
appraised score into the self score's column. The dumps are written here: the lines of Tesseract's
text of two of the corpus generator's scans (seeds 662 and 663), read end to end."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.line_points import _number_run
from score_dumps import THREE_POINTS_TABLE

HEAD = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM

XA CUONG TUONG NAM Doc lap - Ty do - Hanh phic
S6: 228/BC-UBND Cuong Tuong Nam, ngay 01 thang 03 nam 2025
BAO CAO

Tu danh gia, cham diem xac dinh Chi so cai cach hanh chinh nam 2024

"""

# Seed 663's three-points dump: row 1 prints 10, 10 and 10 with a speck "a" after the maximum.
SPECK = (
    HEAD
    + THREE_POINTS_TABLE
    + """-  Téng so diém ae 19°. 18,5 18,5
Noi nhgnt ; KT. CHU TICH
"""
)

# Seed 662's seven-columns dump: 1.1 prints 5, a lost self score ("a") and 4,75; 1.1.2 prints 1,
# a lost self score ("les") and 0,75.
LOST = (
    HEAD
    + """: : Diém Diémty | Diém
STT Linh vue, tiéu chi ! Giai trinh a danh tham
; j chuan oe :
: : gia dinh
. 1. | CONG TAC CHi DAO, DIEU HANH CCHC : 10 9,25 9
ik . | Kéhoach CCHC nam : 5 a 4,75
111 Ban hanh ké hoach.CCHC nam Cong van s6 276/CV-UBND ngay | 1 1 a
oie 15/12/2013
Xac dinh day da cdc nhiém vu CCHC trén cac Thue hién day du, ding quy dink
112 linh vurc theo ké hoach nam cua UBND tinh va : 1 les 0,75
b6 tri kinh phi thic hién ; : :
: Cac két qua phai dat duc xac dinh r6 rang, cu
west) thé va dinh r6 trach nhiém trién khai ctia phong, ‘ 1 il 1
ban, don vi truc thuéc : :
114 Mire d6.thurc hién ké hoach CCHC -| Hoan thanh 100% ké hoach 2 Qo 2
12 Bao céo CCHC : Te 1,25 1,25
Tat ca bao cdo duc giti ding thdi gian quy dinh :
sleet (bao cao qui I, qui III, bao cao 6 thang va bao : 1 0,75 0,75
céo nam) :
L 22 Tat ca bao cao cé day du ndi dung theo huéng Thong bdo sé 176/TB-UBND ngay_ 1 05 05
ig: dan. : : ._ | 06/06/2013 : e =
13 Kiém tra céng tac CCHC ; ‘ Khong phat sinh i 3 3 3

Tong cong |
Noi nha@n: . KT.CHU TICH
"""
)


def _rows(tmp_path: Path, text: str) -> dict[str, dict]:
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    out = result_to_json(convert_file(path))
    return {row["code"]: row for table in out["score_tables"] for row in table["rows"]}


def _cells(row: dict) -> tuple:
    return row["max_points"], row["self_points"], row["appraised_points"]


def test_a_speck_before_figures_that_fill_the_columns_left(tmp_path):
    rows = _rows(tmp_path, SPECK)
    # "10 a 10 10": the appraised 10 was lost before (max 10, self 10, the last 10 the explanation's).
    assert _cells(rows["1"]) == (10.0, 10.0, 10.0)
    assert _cells(rows["2"]) == (10.0, 8.5, 8.5)


def test_a_token_one_figure_short_is_the_lost_self_score(tmp_path):
    rows = _rows(tmp_path, LOST)
    # "5 a 4,75": 4,75 was read as the self score before; the printed self score 5 is lost.
    assert _cells(rows["1.1"]) == (5.0, None, 4.75)
    assert rows["1.1"]["self_points_raw"] == "a"
    # "1 les 0,75": read as a maximum of 0,75 before (1 and "les" the name's).
    assert _cells(rows["1.1.2"]) == (1.0, None, 0.75)
    assert "missing_self" in rows["1.1"]["flags"] and "missing_self" in rows["1.1.2"]["flags"]


@pytest.mark.parametrize(
    "line, cells",
    [
        ("hanh chinh 16 ie 15 15 Céng van s6 2/CV-VP ngay", ["16", "15", "15"]),
        ("chat lugng doi ngit cong 16 q 15.75 i 15.75 C6ng van s6 310/CV-UBND", ["16", "15.75", "15.75"]),
        ("Kéhoach CCHC nam : 5 a 4,75", ["5", "a", "4,75"]),
        # Not when the figure after the token cannot be a score of the first ...
        ("Kéhoach CCHC nam : 1 a 4,75", ["4,75"]),
        # ... nor when text in small letters goes on after the figures (a count in the text) ...
        ("trong 6 thang va 12 thang", None),
        # ... nor when the figure after it carries specks (damaged too: "11 Hi 1ˆ" for 11 11 11).
        ("bo may hanh chinh 11 Hi 1ˆ Thong bao so 279/TB-UBND", None),
    ],
)
def test_the_run_counts_the_figures_after_the_token(line, cells):
    run = _number_run([(t, t) for t in line.split()], 3)
    assert (run[2] if run else None) == cells
