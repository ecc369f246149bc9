"""An annex of months read from a dump's lines whose header OCR garbled past naming its parts ("SIT
Noi dung DVT" / "thang"): the rows' arithmetic says the whole is the last figure
(``extract/segment/stat_line_periods.py``, ``votes_without_header``), and a stock's whole OCR
garbled keeps the parts' figure, doubted. A real Tesseract dump (eng, psm 6, 200 dpi) of dev seed
9251's N42 report, with the generator's truth (tests/data/dumps_rows63)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_line_periods import PARTS_DISAGREE_FLAG, whole_period_rows
from schemas.records import StatRow

N42_DUMP = Path(__file__).parent / "data" / "dumps_rows63" / "s9251-d19-i1-n42-i1-months-total-last-eng-psm6-200dpi.txt"


def _row(code: str, unit: str, figures: str) -> StatRow:
    first, _, rest = figures.partition(" ")
    value = float(first.replace(",", "."))
    return StatRow(code=code, indicator="Số …", unit=unit, value=value, value_raw=first, note=rest)


def test_a_period_word_and_a_row_adding_up_at_its_end_give_the_whole():
    rows = [
        _row("3.1", "Hồ sơ", "64 277 64 68 118 16 607"),  # (six months and their sum)
        _row("4", "Người", "20 20 20 20 20 20 2"),  # (a stock whose whole lost a digit)
        _row("5", "Hồ sơ", "5 5 5 5 20"),  # (a flow of equal parts adding up)
        _row("2.2", "%", "79,31 79,31 79,31"),  # (a share says nothing)
    ]
    out = whole_period_rows(rows, "SIT Noi dung DVT thang", ocr=True)
    assert [r.value for r in out] == [607, 20, 20, 79.31]
    assert out[0].note == "64 277 64 68 118 16" and out[0].confidence == 1.0
    assert PARTS_DISAGREE_FLAG in out[1].flags and out[1].confidence <= 0.5
    # a whole printing other digits than its parts is the commune's, as printed (a planted 90,83 for
    # 95,83 is checked, not mended)
    other = whole_period_rows([rows[0], _row("5.1", "Nhiệm vụ", "23 23 23 23 24")], "SIT Noi dung DVT thang", ocr=True)
    assert other[1].value == 24 and other[1].value_raw == "24"
    # no word of a period's parts: the other figures are no parts ("Ghi chú"), the rows as read
    assert whole_period_rows(rows, "STT Nội dung ĐVT Số liệu Ghi chú", ocr=True) == rows
    # a row of three figures is too short to say it alone
    short = [_row("1", "Hồ sơ", "2 3 5")]
    assert whole_period_rows(short, "SIT Noi dung DVT thang", ocr=True) == short


def test_the_months_dump_reads_the_whole_of_its_rows():
    out, truth = converted_with_truth(N42_DUMP)
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    rows = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    # main 4229d8bf: 3.1 read 64 (its first month), 4 read 20
    assert rows["3.1"]["value"] == want["3.1"] == 607
    assert rows["4"]["value"] == want["4"] == 20
