"""A score row's one figure read beside its lost self score (cchc_extract/reconcile/lone_figure.py):
its column is a guess when the set disputes it or it is written in quarters, as scores are; and an
OCR dump's row whose line kept "0,75" alone, the maximum lost, is queued, not left silent."""

from __future__ import annotations

import cchc_extract
from cchc_extract.reconcile.lone_figure import lone_figure_unsure
from schemas.records import MISSING_FLAG, ScoreRow


def _row(max_points, flags=(MISSING_FLAG["self_points"],)) -> ScoreRow:
    return ScoreRow(code="1.1.1", name="Ban hành kế hoạch", max_points=max_points, flags=list(flags))


def test_a_lone_figure_in_quarters_is_unsure_as_a_maximum():
    assert lone_figure_unsure(_row(0.75), disputed=False)
    assert lone_figure_unsure(_row(2.25), disputed=False)


def test_a_whole_or_half_lone_figure_stays_unless_the_set_disputes_it():
    assert not lone_figure_unsure(_row(1.0), disputed=False)
    assert not lone_figure_unsure(_row(1.5), disputed=False)
    assert lone_figure_unsure(_row(1.0), disputed=True)


def test_a_row_with_both_figures_or_no_maximum_is_not_lone():
    assert not lone_figure_unsure(_row(0.75, flags=()), disputed=True)
    assert not lone_figure_unsure(_row(None), disputed=True)


# An OCR dump of a score table (Tesseract's words, as the D15 dumps hold them): 1.1.1's line kept
# its self score "0,75" only, its maximum 1 lost.
DUMP = """UY BAN NHAN DAN XA TIEN TRUNG
BANG TU DANH GIA, CHAM DIEM CHI SO CAI CACH HANH CHINH NAM 2024
STT | Tieu chi | Diem toi da | Diem tu cham | Tai lieu kiem chung
1 | Cong tac chi dao, dieu hanh cai cach hanh chinh 12 9,25
1.1 | Ke hoach cai cach hanh chinh nam 3 2,25
1.1.1 | Ban hanh ke hoach cai cach hanh chinh nam kip thoi 0,75 . | Quyet dinh so 106/QD-UBND
1.1.2 | Muc do hoan thanh ke hoach cai cach hanh chinh nam 2 1,5
1.2 | Thuc hien che do bao cao cai cach hanh chinh dinh ky 2 2
1.3 | Kiem tra cong tac cai cach hanh chinh 2,5 2,5
1.4 | Tuyen truyen cai cach hanh chinh 2 2
1.5 | Sang kien, giai phap moi trong cai cach hanh chinh 2,5 2,5
"""


def test_a_dumps_lone_quarter_figure_is_queued(tmp_path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    result = cchc_extract.convert(str(path))
    rows = [r for t in result.extraction.score_tables for r in t.rows if r.code == "1.1.1"]
    assert len(rows) == 1 and rows[0].max_points == 0.75 and rows[0].self_points is None
    ti, ri = next(
        (ti, ri)
        for ti, t in enumerate(result.extraction.score_tables)
        for ri, r in enumerate(t.rows)
        if r.code == "1.1.1"
    )
    queued = {(r.item, r.field) for r in result.review}
    assert (f"/score_tables/{ti}/rows/{ri}", "max_points") in queued
