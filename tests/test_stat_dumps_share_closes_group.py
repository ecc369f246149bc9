"""A statistics annex of a degraded ``--psm 4`` dump whose last rows lost their codes: the share
closing group 4 ("Tỷ lệ cán bộ, công chức đạt chuẩn", its % read "oe Oo |.") and the count after
it ("Số cuộc tuyên truyền CCHC", its unit read on the line above, its figure lost). A form closes
a group with its share, so a row whose code OCR lost right under a share, with no unit and no
share's wording, opens the next group: 5, not 4.4 (issue 11: the row missed and one invented).
Main knew the share only by its % and figure; OCR garbled the %, and the share's wording says it
(``stat_headings.headings_after_a_share``). The dump is written by the test."""

from dataclasses import dataclass
from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD, read_annex_dump
from extract.segment.stat_headings import headings_after_a_share

# The report's head, then the annex as Tesseract's eng model read it. As printed: 1 = 22; heading
# 2; 2.1 = 139 = 113 + 22 + 4; 2.2 = 81.29 %; 3 = 25 = 24 + 1; 3.3 = 96 %; 4 = 20 = 19 + 1;
# 4.3 = 95 %; 5 = 7 (Lượt, its figure lost).
ANNEX = [
    "BIEU THONG KE SO LIEU CONG TAC CAI CACH HANH CHINH 6 THANG",
    "DAU NAM 2024",
    "(Kem theo Bao cdo sé 196/BC-UBND ngay 20/12/2024 ciia UBND xa Minh Phuc Pong)",
    "Noi dung 3 ; DVT |. Solieu | Ghicha",
    "STT",
    "1 S6 van ban chi dao, diéu hanh CCHC da ban hanh Van ban 2D",
    "2 | Céng khai thi tuc hanh chinh a",
    "2.1 | Tong s6 tha tuc hanh chinh thudc tham quyén oe ~ Thu tuc 139",
    "quyét cua UBND xa",
    "a) S6 TTHC cung cap dich vu c6ng truc tuyén toan trinh eGniuite 113",
    "b) SO TTHC cung cap dich vu cong tru'c tuyén mot phan Thu tuc 2",
    "Cc) S6 TTHC chi cung cap thong tin Thu tuc 4",
    "2.2 | Ty lé TTHC cung cap dich vu cong trurc tuyén toan 2% 81,29",
    "trinh ae",
    "3 So phan anh, kién nghi cia ca nhan, t6 chic tiép Phan anh 25",
    "nhan",
    "3.1 | S6 phan anh, kién nghi da xv ly Phan anh . 24",
    "3.2 | SO phan anh, kién nghi dang xv ly © Phan anh ede",
    "3.3. | Ty 1é phan anh, kién nghi duc xv ly Oy 96",
    "4 S6 can bé, cong chifc cap xa | — Nguoi 20 —",
    "4.1 | S6 can bd, cong chic dat chuaén. Se Nguoi | 19",
    "4.2 | SO can bé, cong chi?c chia dat chuan Negu¢i - ae",
    "Ty lé can bd, cong chic dat chuan oe Oo |. 95",
    "Luot",
    "S6 cudc tuyén truyén CCHC",
]


@dataclass(frozen=True)
class _Draft:
    indicator: str
    unit: str = ""
    value_raw: str = ""
    token: str | None = None
    ocr: bool = True


def test_the_row_after_a_share_whose_unit_ocr_garbled_opens_the_next_group(tmp_path: Path) -> None:
    text = "\n".join(ANNEX_DUMP_HEAD.splitlines()[:6]) + "\n\n" + "\n".join(ANNEX) + "\n"
    rows = read_annex_dump(tmp_path, text, "annex-eng-psm4.txt")
    assert rows["4.3"]["indicator"].startswith("Tỷ lệ cán bộ, công chức đạt")
    assert rows["4.3"]["value"] == 95
    assert rows["5"]["indicator"] == "Số cuộc tuyên truyền CCHC"
    assert "4.4" not in rows


def test_a_share_is_known_by_its_wording_and_a_share_after_it_stays_in_its_group() -> None:
    share = _Draft("Ty 1e can bo, cong chuc dat chuan", "Uu .", "95")
    count = _Draft("So cuoc tuyen truyen CCHC bot", "", "8")
    assert headings_after_a_share([share, count]) == [False, True]
    # A share under a share (the forms' 3.1, 3.2, 3.3 "Tỷ lệ hồ sơ …") is its sibling.
    assert headings_after_a_share([share, _Draft("Ty le ho so dung han", "", "80")]) == [False, False]
    # A row that prints its unit, or its code, is weighed as it reads.
    assert headings_after_a_share([share, _Draft("So cuoc tuyen truyen CCHC", "Luot", "8")]) == [False, False]
    assert headings_after_a_share([share, _Draft("So cuoc tuyen truyen CCHC", token="5")]) == [False, False]
    # A count is no share: the row under it is weighed as before.
    assert headings_after_a_share([_Draft("So can bo", "Nguoi", "20"), count]) == [False, False]
