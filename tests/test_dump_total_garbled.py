"""A totals line whose first figure OCR garbled past reading ("TONG DIEM [a0 [ 8", "10" read
"a0") prints one legible figure: the self total's. The maximum's total is then unread, and no
stated-total check reports the commune's sum wrong on our misreading (issue 14: zero false
mismatch). The dump below is written for this test (a fictional commune, its figures ours), in
the shape an `eng` dump of a ruled four-column table takes."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.total_garbled import first_total_unread, garbled_figure

DUMP = """UY BAN NHAN DAN XA BINH LOC CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phuc
So: 12/KH-UBND Binh Loc, ngay 15 thang 12 nam 2024
KE HOACH
Nang cao Chi so cai cach hanh chinh nam 2025
Ket qua tu danh gia, cham diem nam 2024 nhu sau:
STT Linh vuc, tieu chi Diem | Diem tu
chuan danh
gia
[| 1. | CONG TAC CHI DAO, DIEU HANH CCHC [| 10 | 8 |
1.1 | Ke hoach CCHC nam 4 3
1.2 | Bao cao CCHC 3 3
1.3 | Kiem tra cong tac CCHC 3 2
—_ TONG DIEM [a0 [ 8
Noi nhan: KT. CHU TICH
- UBND huyen (b/c); PHO CHU TICH
- Luu: VT, VP.
Tran Van Binh
"""


def test_a_garbled_first_total_leaves_the_maximum_unread_and_raises_no_mismatch(tmp_path: Path) -> None:
    path = tmp_path / "ke-hoach-binh-loc.txt"
    path.write_text(DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path))
    table = out["score_tables"][0]
    assert table["stated_total_max"] is None
    assert table["stated_total_self"] == 8.0
    assert not [c for c in out["checks"] if c["kind"] == "stated_total" and c["status"] == "mismatch"]


def test_a_garbled_figure_is_short_mixed_and_no_number() -> None:
    assert garbled_figure("[a0") and garbled_figure("1O")
    assert not garbled_figure("10") and not garbled_figure("DIEM") and not garbled_figure("8,5")
    # the legible figure first, or two figures read: the columns are as read
    assert not first_total_unread(["TONG", "8", "a0"], ["8"])
    assert not first_total_unread(["TONG", "10", "8"], ["10", "8"])
    assert first_total_unread(["TONG", "DIEM", "[a0", "[", "8"], ["8"])


def test_a_label_word_read_with_a_digit_is_no_garbled_figure() -> None:
    # "Tổng số điểm 100": "số" read "s6", the maximum's total legible (the self total not printed)
    assert not garbled_figure("s6")
    assert not first_total_unread(["Tong", "s6", "diém", "hs", "100"], ["100"])
    assert not first_total_unread(["Tong", "s6", "100"], ["100"])
