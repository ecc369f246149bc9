"""A statistics annex of a degraded ``--psm 11`` dump, printed one cell per line, where OCR left
specks of a smeared cell as lines of their own ("cal", "al", "D2"): too few letters of annex-form
wording to be an indicator (``stat_line_cells._specks_for_indicator``, ``stray_letters``). Taken
as text, a speck opened a row of its own, took the unit and figure read before the real
indicator, and the column repair gave it a code, so the rows after it were numbered one place
on (issue 11: rows missed, rows invented). The dump is written by the test."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = """UY BAN NHAN DAN XA GIA LOC

CONG HOA XA HOI CHU NGHIA VIET NAM

BAO CAO

Tinh hinh, ket qua thuc hien cong tac cai cach hanh chinh nam 2014

Phu luc 1

BIEU THONG KE SO LIEU CONG TAC CAI CACH HANH CHINH NAM 2014

(Kem theo Bao cao so 216/BC-UBND ngay 23/12/2014 cua UBND xa Gia Loc)

STT

Noi dung

DVT

So lieu

Ghi chu

1

So cuoc kiem tra CCHC da thuc hien

Cuoc

5

2

Tong so ho so TTHC tiep nhan trong ky

Ho so

330

Ho so

321
"""
SPECK = "\ncal\n"
TAIL = """
2.1

So ho so tiep nhan truc tuyen

2.2

So ho so tiep nhan truc tiep va qua buu chinh

Ho so

9

2.3

Ty le ho so tiep nhan truc tuyen

%

97,27

3

So phan anh, kien nghi cua ca nhan, to chuc tiep nhan

Phan anh

8

3.1

So phan anh, kien nghi da xu ly

Phan anh

7
"""


def _rows(tmp_path: Path, text: str) -> list[dict]:
    dump = tmp_path / "annex-eng-psm11-degraded.txt"
    dump.write_text(text, encoding="utf-8")
    (annex,) = result_to_json(convert_file(dump))["statistics"]
    return annex["rows"]


def test_a_speck_cell_opens_no_row_and_moves_no_code(tmp_path):
    rows = _rows(tmp_path, HEAD + SPECK + TAIL)
    assert [r["code"] for r in rows] == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1"]
    assert [r["value"] for r in rows] == [5, 330, 321, 9, 97.27, 8, 7]
    assert not any(r["indicator"].lower() in ("cal", "cải") for r in rows)


def test_a_short_wrapped_word_of_the_forms_still_joins_its_indicator(tmp_path):
    # "nhan" is as short as a speck, but a word the forms print: the wrapped end of row 3's name.
    wrapped = TAIL.replace("to chuc tiep nhan\n", "to chuc tiep\n\nnhan\n")
    rows = {r["code"]: r for r in _rows(tmp_path, HEAD + SPECK + wrapped)}
    assert rows["3"]["indicator"] == "Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhận"
    assert rows["3"]["value"] == 8 and rows["3.1"]["value"] == 7
