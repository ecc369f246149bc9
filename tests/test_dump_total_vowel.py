"""A score table's totals row whose "Tổng" OCR read with its vowel an "é" ("Téng so diém"), on an
OCR text dump the test writes: it is the totals row, its figures are the stated totals (a speck
glued to one, "19°.", is the grid's as on a row)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.table_end import is_total_label
from normalize.text import fold
from score_dumps import THREE_POINTS_TABLE

HEAD = (
    """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM

xA CUONG TUONG NAM Doc lap - Ty do - Hanh phic
S6: 228/BC-UBND Cuong Tuding Nam, ngay 01 thang 03 nam 2025
BAO CAO

Tu danh gia, cham n dig xac dinh Chi sé cai cach hanh chinh nam 2024

Thurc hién Ké hoach so 272/KH- UBND ngay 13/08/2024 cua UBND huyén Vinh Loc vé viéc trién Khai cong tac
cai céch hanh chinh nam
2024; UBND xa Cudng Tung Nam bao cao két qua ty’ danh Bia, cham diém nhu sau:

"""
    + THREE_POINTS_TABLE
)
FOOT = """Noi nhgnt ; KT. CHU TICH
.- UBND huyén Vinh L6c (b/c); De PHO CHU TICH >
- Chi tich, cac PCT UBND xa; - : : : (D a ky)

os : VP; A
ee Ong Hong Ha
"""


def _converted(tmp_path: Path, total_line: str) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(HEAD + total_line + "\n" + FOOT, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_a_total_whose_tong_reads_teng_states_its_figures(tmp_path):
    # The commune's total of maxima is 19 where its two fields' maxima add up to 20.
    out = _converted(tmp_path, "-  Téng so diém ae 19°. 18,5 18,5")
    table = out["score_tables"][0]
    assert [r["code"] for r in table["rows"]] == ["1", "2"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (19, 18.5)
    total = next(c for c in out["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points")
    assert (total["expected"], total["actual"]) == (20, 19) and total["status"] != "ok"
    assert ("/score_tables/0", "max_points") in {(e["item"], e.get("field")) for e in out["review"]}


def test_teng_before_a_label_word_is_the_totals_label_and_alone_it_is_not():
    assert is_total_label(fold("- Téng cong oS = a OLS E"))  # its figures garbled: a total lost
    assert is_total_label(fold("-  Téng so diém ae 19°. 18,5 18,5"))
    assert not is_total_label(fold("Téng hợp kết quả 10 9"))  # no label word after it


def test_tong_whose_vowel_reads_as_a_digit_is_the_label_and_tang_is_not():
    # OCR takes the "ổ" for the digit it resembles as often as for an "é".
    assert is_total_label(fold("T6ng cong 100 92,5 92"))
    assert is_total_label(fold("| T0ng so diem | 100 | 92"))
    # "tăng" is a word: an explanation opening "Tăng số hồ sơ …" is no totals row.
    assert not is_total_label(fold("Tăng số hồ sơ trực tuyến 12"))
