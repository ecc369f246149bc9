"""A score table's totals row whose "số" OCR read as "sé" (a syllable of its own once folded), with
a figure inside its label ("Tong sé 5 diém 69,5"), on an OCR text dump the test writes: it is the
totals row, and its cells are the figures after its label. Read, its stated total is checked; left
unread, the document was told to have lost a part it had read whole."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.table_end import is_total_label, label_figures
from normalize.text import fold

# A D02-shaped dump (maximum, self score and appraised score): six fields, the sixth printing its
# maximum alone (the commune did not score it). The commune's total of maxima, 69,5, is not what
# its fields' maxima add up to (68,5).
DUMP = """UY BAN NHAN DAN --

XA VINH CUONG

S6: 278 /KH-UBND

CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phic -

Vinh Cuong, ngay 23 thang 3 Ati 2024

KE HOACH
. Nang cao Chi sé cai cach hanh chinh nam 2024

Can ctf két qua ty danh gid, cham diém Chi sé cai c4ch hanh chinh nam 2023, UBND xa Vinh Cudng ban hanh Ké hoach nang cao Chi sé.

cai cach hanh chinh nam 2024. Két qua tu danh gid, cham diém nam 2023 nhv sau:

Diém
: Thang Diém ty | Phong
STT Tiéu chi, tiéu chi thanh phan digm | danh Noi vu Ghi cha
: ; gia tham
dinh
1 Cong tac chi dao, diéu hanh cai each) hanh chinh 10 10 10 Thong bao sé 46/TB-UBND ngay.
‘ : 01/04/2023
2 Xay dung va té chifc thic hién van ban quy pham 10 9 9 Chua day di tai ligu kiém chitng
“| phap luat tai tinh : ; ee
3. Cai cach thi tuc hanh chinh 14,5 14,5 14,5 Dat yéu cau theo huéng dan ||
4, Cai cach té chitc b6 may hanh chinh 11 10 10 Ty lé dat 69% :
5 Xay dung va nang cao chat lugng doi nga cine 16 16 16 (| Kh6ng phat sinh |
chifc, vién chitc
6. Cai cach tai chinh cong 7
{total}



Noi nhan:

- UBND huyén My Lac Dong (b/c);
- Chui tich, cdc PCT UBND xa;

- Luu: VT, VP.

TM. UY BAN NHAN DAN
CHU TICH

Luu Hung
"""  # noqa: E501 (the dump as OCR wrote it)


def _converted(tmp_path: Path, total_line: str) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(DUMP.replace("{total}", total_line), encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_a_total_whose_so_reads_se_with_a_figure_in_its_label_states_its_maximum(tmp_path):
    out = _converted(tmp_path, "Tong sé 5 diém 69,5 |")
    (table,) = out["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1", "2", "3", "4", "5", "6"]
    # The total of maxima is 69,5; no total of scores is printed (the "5" is a letter of the label).
    assert (table["stated_total_max"], table["stated_total_self"]) == (69.5, None)
    total = next(c for c in out["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points")
    assert (total["expected"], total["actual"]) == (68.5, 69.5) and total["status"] != "ok"
    # Every row and printed cell was read, and the total too: nothing is told unread.
    assert out["unread"] == []


def test_a_total_whose_so_reads_se_before_two_figures_states_both(tmp_path):
    out = _converted(tmp_path, "Tong sé diém 68,5 59,5 59,5 ees my")
    (table,) = out["score_tables"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (68.5, 59.5)
    assert out["unread"] == []


def test_a_figure_before_the_label_is_no_cell_and_the_line_no_row(tmp_path):
    # A speck of the rule (or the blank numbering cell) read as a digit before the label: the line
    # is the totals row (not a row "3.1" of 68,5 points), its cells the figures after the label.
    out = _converted(tmp_path, "3 Tong sé diém 68,5, 59,5 59,5")
    (table,) = out["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1", "2", "3", "4", "5", "6"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (68.5, 59.5)
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


def test_so_misread_is_a_label_word_only_right_after_tong():
    assert is_total_label(fold("Tong sé 5 diém 69,5 |"))
    assert is_total_label(fold("Tong sé diém 10 7,5 ees my"))
    # A person named Tống has words of a name after the short word.
    assert not is_total_label(fold("Tống Sẽ Vinh Quang 10"))


def test_only_a_figure_before_the_labels_last_word_is_the_labels():
    assert label_figures("Tong sé 5 diém 69,5 |".split()) == [2]
    assert label_figures("Tong cong 10 9 8,5".split()) == []
    assert label_figures("3 Tong sé diém 34,5, 33,25".split()) == [0]
    # A figure after the label's last word is a cell, whatever garbled token follows it.
    assert label_figures("TONG DIEM 10 7 cong".split()) == []
