"""Lines a score table prints that are no row and no total claim nothing lost (issue 16: no unread
part on a document read whole). A column-wise OCR (psm 3) of a table printing each criterion's
scoring scale leaves the last row's scale lines after it, down to the signature block: they print
a figure where a totals row stands, and are no totals row.
(The wrap, "- Hoan thanh tv 80% dén duéi 100% ké", is still told as a row taken out: a rule
keeping such rows untold hid a criterion whose line OCR garbled, recovered by its name from the
told region.) The dump is written here, as English-trained Tesseract printed such a table (no diacritics)."""

from __future__ import annotations

from cchc_extract.pipeline import convert_file, result_to_json
from schemas.records import LOST_TOTAL_REASON

HEAD = """UBND XA MINH TAN
S6: 116/BC-UBND
CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phic

BAO CAO
Ket qua tu danh gia, cham diém Chi so cai cach hanh chinh
nam 2024 cia UBND xa Minh Tan

Minh Tan, ngay 19 thang 12 nam 2024

Thuc hién Ké hoach so 190/KH-UBND ngay 4/5/2024 cia UBND huyén Dinh Hoa vé viéc
trién khai cong tac cai cach hanh chinh nam 2024; UBND xa Minh Tan bao cao két qua tw
danh gia, cham diém nhvu sau:

Ma so Tiéu chi, tiéu chi thanh phan Diem | Diém tu NOi dung giai trinh
toi da cham
1. Cong tac chi dao, diéu hanh cai cach hanh 10 9
chinh
- Dat 100%: 10 diém
- Dat ty 90% dén dwodi 100%: 5 diém
- Du6i 90%: 0 diém
2. Xay dung va to chifc thuc hién van ban 10 8,5
quy pham phap Iuat tai tinh
- Dat 100%: 10 diém
- Dat ty 90% dén dwodi 100%: 5 diém
- Dw6i 90%: 0 diém
3. Cai cach thi tuc hanh chinh 14,5 14,5 Quyét dinh s6 163/QD-
- Ban hanh dung thoi gian quy dinh: 14,5 UBND ngay 12/7/2024
diém
- Ban hanh cham so véi quy dinh: 7,25
diém
- Khong ban hanh: 0 diém
4. Cai cach t6 chifc bo may hanh chinh 11 11 Dat yéu cau theo hudng
dan
5. Xay dung va nang cao chat luong doi ngit 16 15
cong chic, vién chic
- Hoan thanh 100% ké hoach: 16 diém
- Hoan thanh tv 80% dén duéi 100% ké
hoach: 8 diém
- Hoan thanh dui 80% ké hoach: 0 diém
6. Cai cach tai chinh cong 7 Ké hoach s6 286/KH-
- Hoan thanh 100% ké hoach: 7 diém UBND ngay 11/02/2024
- Hoan thanh tv 80% dén duéi 100% ké
hoach: 3,5 diém
"""
# The last scale item closes page 1 (a form feed: the dump's page break); the signature block
# opens page 2.
SCALE_END = "- Hoan thanh dui 80% ké hoach: 0 diém\fNoi nh@n: KT. CHU TICH\n"
SIGNATURE = """- UBND huyén Dinh Hoa (b/c); PHO CHU TICH
- Chui tich, céc PCT UBND xa; ,

- Luu: VT, VP.

Vuong Thi Nga
"""


def _convert(tmp_path, text: str) -> dict:
    path = tmp_path / "bao-cao.txt"
    path.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(path))


def test_the_last_rows_scale_lines_are_no_totals_row(tmp_path):
    out = _convert(tmp_path, HEAD + SCALE_END + SIGNATURE)
    rows = [(r["code"], r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]]
    assert rows == [
        ("1", 10, 9),
        ("2", 10, 8.5),
        ("3", 14.5, 14.5),
        ("4", 11, 11),
        ("5", 16, 15),
        ("6", 7, None),
    ]
    # The table prints no totals row: "- Hoan thanh dui 80% …: 0 diém" before the signature is row
    # 6's last scale item, not a totals row whose figures were lost.
    assert not [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]
    assert out["score_tables"][0]["stated_total_max"] is None


def test_a_garbled_totals_row_after_the_scale_lines_is_still_told(tmp_path):
    # A totals row OCR left as a figure among specks, where the table's totals stand.
    totals = "- Hoan thanh dui 80% ké hoach: 0 diém\fP| Ting sim | 74 | S|\nNoi nh@n: KT. CHU TICH\n"
    out = _convert(tmp_path, HEAD + totals + SIGNATURE)
    told = [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]
    assert [u["text_sample"] for u in told] == ["P| Ting sim | 74 | S|"]
