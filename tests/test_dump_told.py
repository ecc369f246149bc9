"""What an OCR dump's score table lost is told (issue 16): the siblings numbered before the first
one read. Each dump is a text the test writes as Tesseract prints a degraded scan, converted by
the whole pipeline; its criteria are no official set's, so only the numbering can tell."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA DONG PHU Doc lap - Ty do - Hanh phiic
S6: 87/BC-UBND Dong Phu, ngay 9 thang 12 nam 2014
BANG TU DANH GIA, CHAM DIEM CHi SO CAI CACH HANH CHiNH
NAM 2014 CUA UBND XA DONG PHU
Thuc hién Ké hoach s6 205/KH-UBND ngay 11/6/2014 cia UBND huyén Kim Son vé
viéc trién khai c6ng tac cai cach hanh chinh nam 2014; UBND xa Dong Phu bao cao két qua
ty danh gia, cham diém nhu sau:
TT Noi dung danh gia Diém | Diém tu
toi da cham
E ae ee | ~~ |
"""
FOOT = """Noi nhgn: TM. UY BAN NHAN DAN
- UBND huyén Kim Son (b/c); CHU TICH
coe Ngé Ditc Thang
"""

# Fields 1 and 2 lost under the header (OCR left only a rule's specks of them): 3, 4, 5 read.
FIELDS_FROM_THREE = """3 Cong tac tiép dan va giai quyét khiéu nai 12 11
4 Van hoa cong so tai tru sé UBND xa 8 7,5
5 Phong trao thi dua khen thuéng cia xa 6 6
"""

# Field 1 read, its first sub-criterion lost: 1.2 and 1.3 under it; field 2 read whole.
FIRST_CHILD_LOST = """1 Cong tac tiép dan va giai quyét khiéu nai 12 11
1.2 Tiép céng dan dinh ky theo quy dinh 6 5
1.3 Giai quyét khiéu nai dung thoi han 6 6
2 Van hoa cong so tai tru sé UBND xa 8 7,5
"""


def _converted(tmp_path: Path, table: str, head: str = HEAD) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(head + table + FOOT, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def _reasons(out: dict) -> list[str]:
    return [u["reason"] for u in out["unread"]]


def test_fields_lost_before_the_first_read_are_told(tmp_path):
    out = _converted(tmp_path, FIELDS_FROM_THREE)
    assert [r["code"] for r in out["score_tables"][0]["rows"]] == ["3", "4", "5"]
    assert _reasons(out) == ["numbering starts at 3: 1, 2 before it not read"]
    assert any(e["item"].startswith("/unread/") for e in out["review"])


def test_a_first_sub_criterion_lost_is_told_and_a_table_numbered_from_one_owes_nothing_more(tmp_path):
    out = _converted(tmp_path, FIRST_CHILD_LOST)
    assert [r["code"] for r in out["score_tables"][0]["rows"]] == ["1", "1.2", "1.3", "2"]
    assert _reasons(out) == ["numbering starts at 1.2: 1.1 before it not read"]


def test_a_table_printed_as_an_excerpt_may_start_at_any_field(tmp_path):
    # "(TRICH)" over the table: the commune printed fields 3 to 5 of its criteria, nothing lost.
    head = HEAD.replace("TT Noi dung", "CHi SO CAI CACH HANH CHiNH CAP XA (TRICH)\nTT Noi dung")
    out = _converted(tmp_path, FIELDS_FROM_THREE, head)
    assert [r["code"] for r in out["score_tables"][0]["rows"]] == ["3", "4", "5"]
    assert _reasons(out) == []
