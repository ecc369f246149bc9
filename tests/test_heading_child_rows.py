"""A field's capitals heading in an OCR dump, its code lost and its cells garbled, over its first
child's coded line ("A CONG TAC CHI DAO, DIEU HANH. a ==" over "1.1 | Kéhoach CCHC nam 5 325)"):
two rows, not the heading taken for the first line of a name printed above its coded line
(``row_openings.named_under_heading``)."""

from cchc_extract.pipeline import convert_file

# Tesseract's eng output (diacritics lost) of a five-column table at 150 dpi, degraded: the corpus
# generator's print of a 2013 commune report (blank lines dropped).
DUMP = """\
_ UBND XA SON PHU
“Thy hién Ké hoach $6 27/KH-UBND n
trién khai c6ng tac cdi céch hanh chinh nam 2013; UBN
S6: 130/BC-UBND
CONG HOA XA HOI CHU NGHIA VIET NAM
‘Doc lap - Ty do - Hanh phiic
BAO CAO
Két qua ty danh gia, cham diém Chi sé cai cach hanh chinh
nam 2013 cia UBND xa Son Phi
danh gid, cham diém nhw sau:
Son Phi, ngay 4 thang 1 ném 2014
gay 22/02/2013 cia UBND huyén Bite Kim vé viéc
D xa Son Phii bdo cdo két qua tw
so 7B |
1T Tiéu chi, tiéu chi thanh phan | a Vue | Ghi cha
A CONG TAC CHI DAO, DIEU HANH. a ==
ci CCHC Z
1.1 | Kéhoach CCHC nam 5 325)
111 Ban hanh ké hoach CCHC nam 1 05 Ké hoach s6 196/KH-
Sa i : 2 UBND igay 14/7/2013
Xe dinh day di cac nhiém va CCHC trén cdc Cong van s6 311/CV-
1.1.2 | linh vuc theo ké hoach nam ctia UBND tinh 1- 0,5 VP ngay 28/9/2013
va b6 tri kinh phi thuc hién
Cac két qua phai dat dugc xac dinh ro rang, Ké hoach s6 229/KH-
1.1.3 | cu thé va dinh ré trach nhiém trién khai cia 1 0,25 UBND ngay 28/02/2013
: phong, ban, don vi true thuéc -
114 Mite d6 thuc hién ké hoach CCHC 2 2 Cong van s6 141/CV-
ae VP ngay 05/07/2013
1.2 _| Bao céo CCHG 2 Weel :
Tat ca bao cdo duoc giti dting théi gian quy Thyc hién day di, ding
1.2.1 | dinh (bdo cdo qui I, qui II, bao cdo 6 thang va 1 1 quy dinh
"_| bao cdo nam)
1.22 a e bao cdo c6 day di ndi dung theo huéng 1 0,75
13 Kiém tra cong tac CCHC 3 25 Ban hanh cham so véi
5 fe quy dinh
Noi nhén: TM. UY BAN NHAN DAN
- UBND huyén Difc Kim (b/c);
- TT. Dang ty, HDND xa (b/c);
- Luu: VT, VP.
CHU TICH
Luu Minh Oanh
"""


def test_the_heading_and_its_first_child_are_two_rows(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(DUMP, encoding="utf-8")
    rows = {r.code: r for t in convert_file(path).score_tables for r in t.rows}
    assert list(rows)[:3] == ["1", "1.1", "1.1.1"]
    assert rows["1"].name == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert rows["1.1"].name == "Kế hoạch CCHC năm"
    # 1.1's maximum is its own line's first figure ("5 325)"); the heading printed none legible.
    assert rows["1.1"].max_points == 5.0
    assert rows["1"].max_points is None
    assert (rows["1.1.1"].max_points, rows["1.1.1"].self_points) == (1.0, 0.5)
