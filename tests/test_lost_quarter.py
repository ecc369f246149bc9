"""A score OCR printed with one decimal digit may have lost the other: points are given in
quarters, so "3,5" may be 3,75 or 3,25 ("3,2" 3,25, "3,7" 3,75). Seen on a clean 300-dpi scan of
our regression seed 682 (S01): "3,75" read "3,5" broke its own sum and its parent's, and both were
told as the commune's `mismatch`; the one reading that makes both hold makes them `misread`, the
cell queued with it. The dump here prints the same table (a Latin-only OCR's text)."""

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.misread import lost_quarter_readings

DUMP = """\
UY BAN NHAN DAN XA HOA BINH        CONG HOA XA HOI CHU NGHIA VIET NAM
So: 15/BC-UBND                     Doc lap - Tu do - Hanh phuc
                                   Hoa Binh, ngay 10 thang 12 nam 2024
BANG TU DANH GIA, CHAM DIEM CHI SO CAI CACH HANH CHINH NAM 2024
STT | Linh vuc, tieu chi | Diem toi da | Diem tu cham
1 | Cong tac chi dao, dieu hanh cai cach hanh chinh | 10 | 8,75
1.1 | Ke hoach cai cach hanh chinh nam | 4 | 3,5
1.1.1 | Ban hanh ke hoach kip thoi | 1 | 1
1.1.2 | Xac dinh day du nhiem vu | 1 | 0,75
1.1.3 | Bo tri kinh phi thuc hien | 1 | 1
1.1.4 | Hoan thanh ke hoach | 1 | 1
1.2 | Kiem tra cong tac cai cach hanh chinh | 6 | 5
1.2.1 | Ban hanh ke hoach kiem tra | 2 | 2
1.2.2 | Kiem tra du so thon | 4 | 3
Tong cong | | 10 | 8,75
TM. UY BAN NHAN DAN
CHU TICH
Nguyen Van An
"""


def test_the_quarter_readings_one_digit_away():
    assert lost_quarter_readings("3,5", upper=4) == [3.25, 3.75]
    assert lost_quarter_readings("3,2") == [3.25] and lost_quarter_readings("3,7") == [3.75]
    assert lost_quarter_readings("3,5", upper=3.5) == [3.25]  # never above the row's maximum
    assert lost_quarter_readings("3,75") == [] and lost_quarter_readings("3") == []


def test_a_lost_quarter_digit_is_our_misreading_not_the_communes_fault(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    result = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in result["score_tables"] for r in t["rows"]}
    assert (rows["1.1"]["self_points"], rows["1"]["self_points"]) == (3.5, 8.75)
    found = {(c["kind"], c["code"]): c["status"] for c in result["checks"] if c["status"] != "ok"}
    assert found == {("sum_self", "1"): "misread", ("sum_self", "1.1"): "misread"}
    assert ("1.1", "self_points") in {(r["code"], r["field"]) for r in result["review"]}
