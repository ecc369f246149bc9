"""A figure an OCR dump's annex row read beside no unit, in an annex that prints its units: the
line's cells were not told apart (the unit glued into the indicator, "… công nhận [Sáng kiến 1"),
so the figure read is as unsure as a cell OCR half read and goes to the queue (issue 14: silent
errors; on the development dumps 4 of 23 such figures were wrong at full confidence). The same row
with its unit read, or an annex that prints no unit column, leaves the figure as sure as its line.
The dumps are written by the tests."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.review_threshold import REVIEW_BELOW

ROWS = """1 | So cuoc kiem tra CCHC da thuc hien | {cuoc} | 5
2 | So nhiem vu trong Ke hoach CCHC nam | {nhiem_vu} | 40
3 | So van ban chi dao, dieu hanh CCHC da ban hanh | {van_ban} | 23
4 | So sang kien, giai phap CCHC duoc cong nhan {sang_kien} 1
5 | So cuoc tuyen truyen CCHC | {luot} | 12
"""
UNITS = {"cuoc": "Cuoc", "nhiem_vu": "Nhiem vu", "van_ban": "Van ban", "sang_kien": "| Sang kien |", "luot": "Luot"}


def _read(tmp_path: Path, **units: str) -> dict:
    dump = tmp_path / "annex-eng-psm4.txt"
    dump.write_text(ANNEX_DUMP_HEAD + ROWS.format(**(UNITS | units)), encoding="utf-8")
    return result_to_json(convert_file(dump))


def test_a_figure_read_beside_no_unit_where_the_annex_prints_units_is_queued(tmp_path):
    out = _read(tmp_path, sang_kien="[Sang kien")
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert (rows["4"]["value"], rows["4"]["unit"]) == (1.0, "")
    assert rows["4"]["value_confidence"]["value"] < REVIEW_BELOW
    assert [(e["item"], e["field"]) for e in out["review"]] == [("/statistics/0/rows/3", "value")]
    assert all(rows[c]["value_confidence"]["value"] >= REVIEW_BELOW for c in ("1", "2", "3", "5"))


def test_with_its_unit_read_or_no_unit_column_the_figure_stays_sure(tmp_path):
    out = _read(tmp_path)
    assert out["statistics"][0]["rows"][3]["unit"] == "Sáng kiến"
    assert not out["review"]
    # An annex printing no unit column: a blank unit is what every row prints.
    bare = {k: "" for k in UNITS} | {"sang_kien": "|"}
    out = _read(tmp_path, **bare)
    rows = out["statistics"][0]["rows"]
    assert [r["value"] for r in rows] == [5.0, 40.0, 23.0, 1.0, 12.0]
    assert all(not r["unit"] for r in rows)
    assert all(r["value_confidence"]["value"] >= REVIEW_BELOW for r in rows)
