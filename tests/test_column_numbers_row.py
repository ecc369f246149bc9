"""The column-number row under a header that OCR garbled past its brackets ("@Q@)o Q | ® | 6
6)"), right above the line printing the tree's first code "1.": no criterion comes before the
first, so it is no row (``score_lines._above_first``). Taken for criterion 1, it pushed every row
read under a roman part (I.1 for the printed "1.")."""

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.score_lines import _above_first

# Tesseract's eng output (diacritics lost) of a table with an appraised column at 300 dpi: the
# corpus generator's print of a 2013 commune plan (blank lines dropped).
DUMP = "\n".join(
    (
        "UY BAN NHAN DAN XA DONG CONG HOA XA HOI CHU NGHIA VIET NAM",
        "TUONG Doc lap - Tu do - Hanh phiic",
        "S6: 308/KH-UBND Dong Tudng, ngay 20 thang 11 ndm 2013",
        "KE HOACH",
        "Nang cao Chi so cai cach hanh chinh nam 2014",
        "Can cw két qua tu danh gia, cham diém Chi so cai cach hanh chinh nam 2013, UBND xa Dong"
        " Tong ban hanh Ké hoach nang cao Chi s6",
        "cai cach hanh chinh nam 2014. Két qua tw danh gia, cham diém nam 2013 nhv sau:",
        "STT Linh vurc, tiéu chi Diém | Diémtu | Diém NOi dung giai trinh",
        "chuan cham Phong",
        "Noi vu",
        "tham",
        "dinh",
        "@Q@)o Q | ® | 6 6)",
        "1. CONG TAC CHI DAO, DIEU HANH CCHC 10 7,9 7,29",
        "1.1 | Ké hoach CCHC nam 5 3 2,75",
        "1.1.1 | Ban hanh ké hoach CCHC nam 1 1 1",
        "1.1.2 | Xac dinh day dt cac nhiém vu CCHC trén cac linh vuc 1 0 0",
        "theo ké hoach nam cia UBND tinh va b6 tri kinh phi",
        "thurc hién",
        "1.1.3 | Cac két qua phai dat dudc xac dinh r6 rang, cu thé va 1 1 0,75",
        "dinh r6 trach nhiém trién khai cia phong, ban, don vi",
        "truc thudc",
        "1.1.4 | Mitc d6 thurc hién ké hoach CCHC 2 1 1 Ty lé dat 93%",
        "1.2 Bao cao CCHC 2 1,5 1,5",
        "1.2.1 | Tat cd bao cao dec gui ding thdi gian quy dinh (bao 1 0,75 0,75 Bao cdo so 149/BC-UBND ngay",
        "cao qui I, qui III, bao cao 6 thang va bao cao nam) 22/04/2013",
        "1.2.2 | Tat cd bao cdo cé day du ndi dung theo hudng dan 1 0,75 0,75 Bao cdo s6 46/BC-UBND ngay",
        "17/10/2013",
        "1.3 _| Kiém tra c6ng tac CCHC 3 3 3 Dat yéu cau theo huéng dan",
        "STT Linh vurc, tiéu chi Diém | Diémtu | Diém NOi dung giai trinh",
        "chuan cham Phong",
        "Noi vu",
        "tham",
        "dinh",
        "() (2) (3) (4) (5) (6)",
        "Tong cong 10 7,5 7,25",
        "Noi nh@n: TM. UY BAN NHAN DAN",
        "- UBND huyén Tung Lgi (b/c); CHU TICH",
        "- TT Dang tty, HDND xa (b/c); (Da iy)",
        "- Luu: VT, VP.",
        "Dam Diéu Uyén",
    )
)


def _line(text: str, number: int) -> Line:
    return Line(text=text, page=1, number=number)


def test_the_garbled_column_numbers_over_the_first_code_are_no_row(tmp_path):
    path = tmp_path / "ke-hoach.txt"
    path.write_text(DUMP, encoding="utf-8")
    rows = [r for t in convert_file(path).score_tables for r in t.rows]
    assert [r.code for r in rows] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]
    assert rows[0].name == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    # The figures the dump prints on each row's line ("1.1 | Ké hoach CCHC nam 5 3 2,75").
    assert (rows[1].max_points, rows[1].self_points, rows[1].appraised_points) == (5.0, 3.0, 2.75)
    assert (rows[9].max_points, rows[9].self_points, rows[9].appraised_points) == (3.0, 3.0, 3.0)


def test_only_a_line_of_no_words_over_the_first_code_is_taken_for_the_column_numbers():
    first = _line("1. CONG TAC CHI DAO, DIEU HANH CCHC 10 7,9 7,29", 19)
    assert _above_first(_line("0) 2)_ @) _ 0ø 8 1 8", 18), first)
    assert _above_first(_line("ni li ca 1 0ø. 65 |", 18), first)
    # A line with a name's word is a row (its code lost), and only "1." is the tree's first code.
    assert not _above_first(_line("Kế hoạch CCHC năm 5 3", 18), first)
    assert not _above_first(_line("0) 2)_ @) _ 0ø 8 1 8", 18), _line("1.2 Báo cáo CCHC 2 1,5", 19))
