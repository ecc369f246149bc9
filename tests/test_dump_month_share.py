"""A twelve-month annex OCR'd to text whose rows print a share beside the year's figure on some
rows only ("T1 … T12 | Cả năm | Tỷ lệ (%)": a Tesseract ``eng`` dump of dev seed 8222): those rows
are read, not dropped as paragraphs, with the year's figure as their value and the share left in
the note (``stat_line_cells._prose_note``, ``stat_line_periods._whole_row``); a first month of one
digit is the month's, not a speck of the grid."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.api import convert
from extract.segment.stat_line_periods import whole_period_rows
from schemas.records import StatRow

_DUMP = """UBND XA XUAN DIEN
BAO CAO
Ket qua cong tac cai cach hanh chinh nam 2013

Phu luc 1
SO LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHiNH NAM 2013

STT N6i dung DVT Két qua thuc hién Ty lé
T1 T2 T3 T4 TS T6 T7 T8 T9 T10 Til T12 Ca nam (%)
1 Sé sang kién, giai phap Sang 0 0 0 0 0 0 0 0 0 0 0 0 0
CCHC dugc cong nhan kién
2 S6 nhiém vu trong Ké hoach Nhiém 30 30 30 30 30 30 30 30 30 30 30 30 30
CCHC nam vu
2.1 S6 nhiém vu da hoan thanh Nhiém 29 29 29 29 29 29 29 29 29 29 29 29 29
vu
4 Két qua giai quyét h6 so’ tha

tuc hanh chinh
41 S6 h6 so TTHC da giai quyét H6 so 15 39 28 19 11 14 73 18 35 12 5 45 314
a) Giai quyét truéc han H6 so 6 12 14 18 10 6 66 17 25 9 1 36 220 70,06
b) _| Giai quyét ding han Ho so 9 27 14 1 1 8 1 1 10 3 4 9 88 28,03
c) Giai quyét qua han H6 so 0 0 0 0 0 0 6 0 0 0 0 0 6 1,91
5 S6 phan anh, kién nghi cia ca | Phan 4 1 2 2 2 3 1 3 1 1 5 1 26
nhan, t6 chifc tiép nhan anh
5.1 S6 phan anh, kién nghi da xv ly | Phan 1 1 2 2 2 3 1 3 1 1 5 1 23 88,46
anh
5.2 S6 phan anh, kién nghi dang xv | Phan 3 0 0 0 0 0 0 0 0 0 0 0 3 11,54
ly anh

Noi nhan:
- Luu: VT, VP.
"""


def _rows(tmp_path: Path) -> dict[str, dict]:
    path = tmp_path / "month-share-eng.txt"
    path.write_text(_DUMP, encoding="utf-8")
    (annex,) = convert(path).data["statistics"]
    return {row["code"]: row for row in annex["rows"]}


def test_rows_with_a_share_beside_the_year_are_read(tmp_path):
    rows = _rows(tmp_path)
    assert {"4.1.a", "4.1.b", "4.1.c", "5.1", "5.2"} <= set(rows)
    # (the year's figure, not the share printed after it nor the first month)
    assert [rows[c]["value"] for c in ("4.1", "4.1.a", "4.1.b", "4.1.c")] == [314, 220, 88, 6]
    assert [rows[c]["value"] for c in ("5", "5.1", "5.2")] == [26, 23, 3]
    assert rows["4.1.a"]["note"].split()[0] == "6" and rows["4.1.a"]["note"].split()[-1] == "70,06"
    assert rows["4.1.b"]["note"].split()[0] == "9"  # (a lone first month is no speck of the grid)
    assert all(rows[c]["confidence"] >= 0.9 for c in ("4.1.a", "4.1.b", "5.1", "5.2"))


def _row(code: str, figures: str) -> StatRow:
    first, *rest = figures.split()
    return StatRow(
        code=code, indicator="Số hồ sơ", unit="Hồ sơ", value=float(first), value_raw=first, note=" ".join(rest)
    )


def test_the_whole_is_before_the_column_beside_it():
    header = "T1 T2 T3 T4 Cả năm (%)"
    rows = [_row("1", "1 2 3 4 10"), _row("1.1", "1 1 1 1 4 40,0"), _row("2", "5 5 5 5 20")]
    read = whole_period_rows(rows, header, ocr=True)
    assert [r.value for r in read] == [10, 4, 20]
    assert read[1].note == "1 1 1 1 40,0" and not read[1].flags


_SHARE_ROW_DUMP = _DUMP.replace(
    "\n\nNoi nhan:",
    "\n5.3 Ty 1é phan anh, kién nghi duoc | % 0 100 88,46\nxu ly\n\nNoi nhan:",
)


def test_a_share_row_printing_two_months_takes_the_years_figure(tmp_path):
    # A share row whose months are blank where nothing was received (a share of nothing) prints
    # two or three figures under twelve months and the year: OCR's line does not say which month
    # each is, but the year's is at the table's whole end (the last), never the first read; the
    # other figure is a reading kept for the checks (a held-out N46 dump read "100" against 7/8
    # = 87,5% and told the commune's arithmetic wrong).
    path = tmp_path / "month-share-row.txt"
    path.write_text(_SHARE_ROW_DUMP, encoding="utf-8")
    data = convert(path).data
    rows = {row["code"]: row for row in data["statistics"][0]["rows"]}
    assert rows["5.3"]["value"] == 88.46
    assert not [c for c in data["checks"] if c["status"] == "mismatch"]
    assert [c["status"] for c in data["checks"] if c.get("code") == "5.3" and c["kind"] == "ratio"] == ["ok"]


def test_a_two_figure_row_keeps_the_other_as_a_reading():
    from extract.segment.stat_line_periods import SHORT_ROW_FLAG, short_row_readings

    header = "T1 T2 T3 T4 Cả năm"
    rows = [_row("1", "1 2 3 4 10"), _row("1.1", "1 1 1 1 4"), _row("1.2", "100 40,0")]
    read = whole_period_rows(rows, header, ocr=True)
    assert read[2].value == 40.0 and SHORT_ROW_FLAG in read[2].flags and read[2].confidence <= 0.5
    assert short_row_readings(read[2]) == (100.0,)
    assert [r.value for r in read[:2]] == [10, 4] and short_row_readings(read[0]) == ()
