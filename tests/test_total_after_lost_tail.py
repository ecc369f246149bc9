"""A score table whose last rows OCR garbled past reading (told as its lost tail, ``unread_tail``)
has no end read: a totals row printed after those rows went with them, so the rows' sum and a
total the commune got wrong cannot be checked. The table's total is ``skipped`` and the table is
queued, one entry standing for the tail too (issue 14: every planted fault flagged). The dump is
written here, in the shape Tesseract gave of the corpus generator's indented tables with an
appraised column (eng, 250 dpi): row 1 read, rows 2 and 3 and the totals line garbled."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = """UBND XA AN BINH CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phic
S6: 41 /BC-UBND An Binh, ngay 05 thang 01 ndm 2024
BANG TU DANH GIA, CHAM DIEM CHi SO CAI CACH HANH CHiNH
NAM 2023 CUA UBND XA AN BINH
Thuc hién Ké hoach s6 120/KH-UBND ngay 9/6/2023 cia UBND huyén vé viéc trién khai cong tac cai cach hanh chinh nam
2023; UBND xa An Binh bao cao két qua ty danh gia, cham diém nhv sau:
Diém
Diém Diém tu | Phong
TT Noi dung danh gia toi d danh Noi vu Tai liéu kiém chitng
ora gia tham
dinh
Cong tac chi dao, diéu hanh cai cach hanh chinh Ké hoach s6 16/KH-UBND ngay
1. 10 10 9,75 0/9/2023
"""
# Rows 2 (10 / 9 / 9) and 3 (14,5, not scored) and the totals row (36,5: the commune's slip, the
# rows make 34,5) as OCR garbled them: no code, no figure of the total left ("HPP").
GARBLED_TAIL = """> Xay dung va t6 chifc thu hién van ban quy pham 10 Chwa hoan thanh 6/9 nhiém vu theo
° phap 1uat tai tinh ké hoach
3 Cai cach tha tuc hanh chinh 145 Bao cao s6 91/BC-UBND ngay
. ? 26/7/2023
Po] Tings diem | HPP
"""
# The same rows and total read.
READ_TAIL = """2. Xay dung va t6 chifc thuc hién van ban quy pham phap luat tai tinh 10 9 9
3. Cai cach thu tuc hanh chinh 14,5 Bao cao s6 91/BC-UBND ngay 26/7/2023
Tong diem 36,5
"""
SIGNATURE = """Noi nh@n: TM. UY BAN NHAN DAN
- UBND huyén (b/c); CHU TICH
- Lwu: VT, VP. (Da ky)
Nguyen Van An
"""


def _convert(tmp_path: Path, tail: str) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(HEAD + tail + SIGNATURE, encoding="utf-8")
    return result_to_json(convert_file(path))


def test_a_total_after_the_rows_lost_at_a_tables_end_is_skipped_and_the_table_queued(tmp_path):
    out = _convert(tmp_path, GARBLED_TAIL)
    (table,) = out["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1"]
    assert table["stated_total_max"] is None
    (tail,) = [u for u in out["unread"] if "the last read of its table" in u["reason"]]
    assert (tail["line_start"], tail["line_end"]) == (15, 17)
    (total,) = [c for c in out["checks"] if c["kind"] == "stated_total"]
    assert total["status"] == "skipped" and total["id"] == "stated_total:/score_tables/0"
    assert tail["reason"] in total["message"]
    # One look: the table's entry, with the tail's lines; the tail is not asked about again.
    (entry,) = [e for e in out["review"] if e["item"] == "/score_tables/0"]
    assert entry["raw"] == tail["text_sample"] and entry["page"] == 1
    assert not [e for e in out["review"] if e["item"].startswith("/unread/")]


def test_a_total_read_after_the_rows_is_checked_against_them(tmp_path):
    out = _convert(tmp_path, READ_TAIL)
    (table,) = out["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1", "2", "3"]
    assert table["stated_total_max"] == 36.5
    assert not [u for u in out["unread"] if "the last read of its table" in u["reason"]]
    checks = [c for c in out["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points"]
    # (OCR'd text: a total the rows do not make is told a misreading or the commune's slip)
    assert [(c["status"], c["expected"], c["actual"]) for c in checks] == [("misread", 34.5, 36.5)]
