"""A heading row of an OCR dump whose one figure was read as its maximum (issue 11): when the
criteria set does not vouch for the heading's published maximum (a set read in part: a document
prints the sum of the rows it has), its children's maxima in the table, each the set's, add up to
the maximum it prints; a lone figure below that is its self score, the maximum the cell OCR lost.
The dump is written here: the text Tesseract gave of one of the corpus generator's scans (seed
651), read end to end."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA PHUOC HOA Doc lap - Tw do - Hanh phic
S6: 173/BC-UBND Phutéc Hoa, ngay 16 thang 12 nadm 2014
BAO CAO
Tw danh gia, cham diém xac dinh Chi s6 cai cach hanh chinh nam 2014
Thuc hién Ké hoach s6 201/KH-UBND ngay 28/09/2014 cia UBND huyén Gia Trung vé
viéc trién khai cong tac cai cach hanh chinh nam 2014; UBND x4 Phwéc Hoa bao cao két
qua tu danh gia, cham diém nhvw sau:
TT Linh vue, tiéu chi Thang | Diémty | Tai liéu kiém chitng
diém cham
CONG TAC CHi DAO, DIEU HANH {figures}
CCHC
Ké hoach CCHC nim Ps pas
1.1.1 | Ban hanh ké hoach CCHC nam 1 0,5 Chwa hoan thanh 2/5
nhiém vu theo ké hoach
1.1.2 | Xac dinh day dt cdc nhiém vu CCHC trén cac 1 1
linh vu theo ké hoach nam ctia UBND tinh
va b6 tri kinh phi thurc hién
1.1.3 | Cac két qua phai dat duw¢c xac dinh r6 rang, 1 1
cu thé va dinh r6 trach nhiém trién khai cia
phong, ban, don vi truc thu6c
1.1.4 | Mitc dé thuc hién ké hoach CCHC 2 1,5 Thuc hién day du, ding
quy dinh
Bio cio CCHC as
1.2.1 | Tat ca bao céo dugc giti dung thoi gian quy 1 0,25 Ké hoach s6 22/KH-
dinh (bao cao qui I, qui III, bao cao 6 thang va UBND ngay 18/03/2014
bao cao nam)
1.2.2 | Tat ca bao cdo cé day dt ndi dung theo hudng 1 1 Da ban hanh dung thoi
dan gian quy dinh
1.3 | Kiém tra céng tac CCHC 3 3 Quyét dinh s6 275/QD-
UBND ngay 13/05/2014
Noi nhan: KT. CHU TICH
- UBND huyén Gia Trung (b/c); PHO CHU TICH
"""


def _rows(tmp_path: Path, figures: str) -> dict[str, dict]:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP.format(figures=figures), encoding="utf-8")
    out = result_to_json(convert_file(path))
    return {row["code"]: row for table in out["score_tables"] for row in table["rows"]}


def test_a_headings_lone_figure_below_its_childrens_maxima_is_its_self_score(tmp_path):
    rows = _rows(tmp_path, "8,75")
    # Printed: maximum 10 (lost), self score 8,75. Read as a maximum of 8,75 before.
    heading = rows["1"]
    assert (heading["max_points"], heading["self_points"]) == (10.0, 8.75)
    assert heading["alternatives"]["max_points"] == [8.75]
    assert "unsure_self_points:0.50" in heading["flags"]  # the set's guess of the column: queued
    # its children's maxima, the set's, make up the 10
    assert sum(rows[c]["max_points"] for c in ("1.1", "1.2", "1.3")) == 10.0


def test_a_headings_figure_equal_to_its_childrens_maxima_stays_its_maximum(tmp_path):
    rows = _rows(tmp_path, "10")
    assert rows["1"]["max_points"] == 10.0 and rows["1"]["max_points_raw"] == "10"
    # No self score read: the one the sums give (1.1's 4 and 1.2's 1,25, each its children's added
    # up, and 1.3's 3: solved in chains) is derived, not read, its raw blank.
    assert rows["1"]["self_points"] == 8.25 and rows["1"]["self_points_raw"] is None
    assert "derived_from_sums:self_points" in rows["1"]["flags"]
