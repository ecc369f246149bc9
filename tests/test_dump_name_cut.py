"""A row's name cut out of the text read on its own lines by its printed code's wording (issue 11):
OCR glues a name to the words before it (the row above's scale line, the parent's line) or reads
it into the explanation, and the whole string is too far from the wording for the set's snap. The
dumps are seeds 665's d06-i4 (scale before the maximum, vie psm 3), 666's d05-i3 (indented, eng,
degraded) and 661's d03-i3 (four columns, eng, degraded), written by the tests (665's is
test_dump_zero_maximum's)."""

from pathlib import Path

from normalize.criteria import CriterionDef
from normalize.criteria.name_cut import NameCutSettings, cut_to_wording, find_stretch, wording_tokens
from schemas.records import ScoreRow
from score_dumps import read_score_dump

# Row 1.2 ("Báo cáo CCHC") prints under row 1.1.4's last scale line, and the line parser reads
# "- Dưới 70% kế hoạch: 0" / "1.2 | Báo cáo CCHC : : jm. j..." as its name (seed 665's d06-i4).
from test_dump_zero_maximum import DUMP as SCALE_ABOVE_DUMP

# Row 1.3's line "[ 13 |__| Kiém tra cng tac CCHC oo ee ee" lies under the end of row 1.2.2's
# name ("ie Le dan."): the parser names 1.3 by that end and reads its own name as explanation.
NAME_IN_EXPLANATION_DUMP = "\n".join(
    (
        ": - UY BAN NHAN DAN XA VAN CONG HOA XA HOI CHU NGHIA VIET NAM ae",
        "GCUONGTAY = Doc lap - Tw do - Hanh phic ce",
        "a : S6: 253/BC-UBND Van Cudng Tay, ngay 14 thang 2 ném 2015 e",
        "a BAO CAO",
        "Tu danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2014 : :",
        "Thu hién Ké hoach s6,304/KH-UBND ngay 18/03/2014 ctia UBND huyén Ha Hung vé viéc trién kha"
        "i cong tac cai cdch hanh ehinh nam",
        "2014; UBND xa Van Cuong Tay bao cdo két.qua ty danh gid, cham diém nhu sau:",
        "oe ee ve pigm | Demty | Diem",
        ": STT Noi dung danh gia : : sh danh tham Tai liéu kiém chitng : Se : .",
        "toi da os 4",
        "ae gia_.| _dinh",
        "CONG TAC CHi DAO, DIEU HANH CCHC me ee",
        "_ (| ii | | | Ke hoach CCHE nam es se eee",
        "“Zit |__| Ban hanh ke hoach CCHC nm ou pe",
        "XAc dinh day di cdc nhiém vu CCHC trén cac Dat yéu cau theo huéng dan :",
        "11,2) linh vuc theo ké hoach nam cla UBND tinh va il a 0,75 .",
        ": : bé6 tri kinh phi thyc hién : ;",
        ": Cac két qua phai dat dugc xac dinh ro rang, cu Ty lé dat 81% :",
        "eels: thé va dinh ré trach nhiém trién khai cua phong, L 0,25 0,25;",
        "ban, don vi truc thudc i : ed",
        ": 114 Mic do thitc hién ké hoach CCHC 2 2 15 Bao céo so 223/BC-UBND ngay _~ :",
        ". ie : : ~~ | 20/06/2014 :",
        "Pi em a ee",
        ". Tat ca bao cdo duoc giti ding thdi gian quy dinh : Ké hoach s6 141/KH-UBND ngay",
        "121 - (bdo co qui I, qui III, bao cdo 6 thang va bao - a 0,75 0,75 26/11/2014",
        "cdo nam) : ’ ‘ : ek",
        "TAt ca bao cdo c6 day du ndi dung theo huéng Cong van.s6 207/CV-VP ngay",
        "ie Le dan. i O3 5 | 47/08/2014",
        "[ 13 |__| Kiém tra cng tac CCHC oo ee ee",
        "",
        "",
        "",
        "_ Noinhén: KT. CHU TICH",
        "- UBND huyén Ha Hung (b/c); ‘ PHO CHU TICH ee : =",
        "- Chi tich, céc PCT UBND xa; (Da ky) : ; ; ; oe :",
        "elirnVi VPe 2 - ; x :",
        ". Lé Loan :",
        "",
    )
)

# Row 1.1.1's line "7 1.1. | Ban hanh ké hoach CCHC nam 2 Sik ie" is read after its parent's
# "Kéhoach CCHC nim" and the parent's code: the name holds both.
PARENT_BEFORE_DUMP = "\n".join(
    (
        "UY BAN NHAN DAN | CONG HOA XA HOI CHU NGHIA VIET NAM",
        "",
        "XAMINHTAN Doc lap - Ty do - Hanh phic",
        "S6: 174/BC-UBND Minh Tan, ngay 26 thang 11 nam 2013",
        "",
        "BANG TU DANH GIA, CHAM DIEM CHi SO CAI CACH HANH CHINH",
        "NAM 2013 CUA UBND XA MINH TAN",
        "",
        "‘Thue hién Ké hoach sé 233/KH. UBND ngay 28/02/2013 cia UBND huyén Long Tam vé",
        "viéc trién khai céng tac cai cdch hanh chinh nam 2013; UBND xa Minh T4n bdo cdo két qua",
        "tu danh gia, cham diém nhu sau:",
        "",
        "STT Linh vu, tiéu chi oy Diém | Diém ty |",
        ": | téida danh",
        "gia.",
        "",
        "=",
        "",
        "il CONG TAC CHi DAO, DIEU HANH CCHC 0 8,75",
        "",
        "1.1 | Kéhoach CCHC nim 5:",
        "",
        ": : 5",
        "7 1.1. | Ban hanh ké hoach CCHC nam 2 Sik ie",
        "1.1.2 | Xac dinh day dt cdc nhiém vu CCHC trén cac linh vurc es ké 1",
        "hoach nam cia UBND tinh va bé tri kinh: phi thuc hién",
        "",
        "1.1.3 | Cac két qua phai dat duc xac dinh ro.rang, cu thé va dinh r6 trach 1 ik",
        "nhiém trién khai cua phong, ban, don vi trvc thuéc",
        "1.1.4 | Mitc.d6 thuc hién ké hoach CCHC : 2 neo.",
        "1.2 | Bao cdo CCHC © 2 1,25",
        "1.2.1 | Tat ca bao cdo dugc giti ding thdi gian quy dinh (bao cao qui I, qui i 0,5",
        "III, bao céo 6 thang va bdo céo nam)",
        ".1.2.2_| Tat ca bdo cdo cé day di néi dung theo —_ dan Led 0,75",
        "1.3 | Kiém tra céng tac CCHC (23 2,5",
        "Noi nhén: KT. CHU TICH",
        "- UBND huyén Long Tam (b/c); PHO CHU TICH",
        "- Chu tich, céc PCT UBND xa; (Da ky) :",
        "- Luu: VF, VP.",
        "",
        "Ung Nam",
        "",
    )
)


def test_a_name_after_the_row_above_s_scale_line_is_cut_out_of_it(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, SCALE_ABOVE_DUMP)
    _, row = rows["1.2"]
    assert row["name"] == "Báo cáo CCHC"
    # The line printing the code and the whole name is a row of its own (``named_drafts``): the scale
    # line above it ("l - Dưới 70% kế hoạch: 0") is no part of its name, nothing to cut; the text read is kept.
    assert row["name_raw"].startswith("Báo cáo CCHC") and "Dưới" not in row["name_raw"]


def test_a_name_read_into_the_explanation_is_the_row_s_name(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, NAME_IN_EXPLANATION_DUMP)
    _, row = rows["1.3"]
    assert row["name"] == "Kiểm tra công tác CCHC"
    assert row["name_raw"] == "ie Le dan."
    assert row["explanation"].startswith("47/08/2014")  # the explanation's words before it stay
    assert "Kiểm tra" not in row["explanation"]


def test_a_name_after_its_parent_s_line_is_cut_to_its_own_wording(tmp_path: Path):
    _, rows = read_score_dump(tmp_path, PARENT_BEFORE_DUMP)
    _, row = rows["1.1.1"]
    assert row["name"] == "Ban hành kế hoạch CCHC năm"
    assert row["explanation"] == "2 Sik lệ"  # the garbage after it is no part of the name


ROWS = (
    CriterionDef("1.1", "1", "Kế hoạch CCHC năm", 5.0),
    CriterionDef("1.1.1", "1.1", "Ban hành kế hoạch CCHC năm", 1.0),
    CriterionDef("1.2", "1", "Báo cáo CCHC", 2.0),
    CriterionDef("1.3", "1", "Kiểm tra công tác CCHC", 3.0),
)


def test_the_wording_is_found_anywhere_in_the_letters_read_with_few_edits():
    assert find_stretch("mucdothuchienkehoachcchcbaocaoocnct851", "baocaocchc").edits == 2  # "Báocáoocnc"
    s = NameCutSettings()
    report = ROWS[2]
    tokens = "Mức độ thực hiện kế hoạch CCHC Báocáoocnc T851...".split()
    assert wording_tokens(tokens, report, ROWS, s) == (7, 8)  # "Báocáoocnc" alone
    # 5 of 10 letters edited is no evidence ("moaäocHnO")
    assert wording_tokens("Dưới 70% moaäocHnO TT".split(), report, ROWS, s) is None


def test_a_wording_read_within_a_longer_one_is_not_cut_out_of_it():
    # "Kế hoạch CCHC năm" (1.1) lies whole in 1.1.1's "Ban hành kế hoạch CCHC năm": a row coded
    # 1.1 that prints 1.1.1's name is not cut to 1.1's words.
    tokens = "Ban hanh ké hoach CCHC nam 2 Sik ie".split()
    assert wording_tokens(tokens, ROWS[0], ROWS) is None
    assert wording_tokens(tokens, ROWS[1], ROWS) == (0, 6)


def test_the_commune_s_own_wording_and_another_criterion_s_name_are_kept():
    # a name read clean holding the wording with other words is the commune's own
    own = ScoreRow(code="1.2", name="Báo cáo CCHC định kỳ hằng quý", explanation="Đủ số lượng")
    assert not cut_to_wording(own, ROWS[2], ROWS)
    assert own.name == "Báo cáo CCHC định kỳ hằng quý"
    # a name that is another criterion's keeps it, the wording found in the explanation or not
    named = ScoreRow(code="1.3", name="Ban hành kế hoạch CCHC năm", explanation="Kiểm tra công tác CCHC quý I")
    assert not cut_to_wording(named, ROWS[3], ROWS)
    # ... while OCR's glue is cut, the words after the wording going to the explanation
    glued = ScoreRow(code="1.2", name="Dưới 70% kế hoạch: Báo cáo CCHC jm. j...")
    assert cut_to_wording(glued, ROWS[2], ROWS)
    assert (glued.name, glued.name_raw, glued.explanation) == (
        "Báo cáo CCHC",
        "Dưới 70% kế hoạch: Báo cáo CCHC jm. j...",
        "jm. j...",
    )
