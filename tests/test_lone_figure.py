"""A score row's one figure read beside its lost self score (cchc_extract/reconcile/lone_figure.py):
its column is a guess when the set disputes it, it is written in quarters, as scores are, or its
part's maxima fall short; and an OCR dump's row whose line kept "0,75" alone, the maximum lost, is
queued, not left silent, as is one whose line kept its self score "0" in a part falling short."""

from __future__ import annotations

from pathlib import Path

import cchc_extract
from benchmarks.corpus_scoring import score_document
from cchc_extract.reconcile.lone_figure import lone_figure_unsure, short_of_parent
from corpus_helpers import converted_with_truth
from schemas.records import MISSING_FLAG, Check, ScoreRow

DATA = Path(__file__).parent / "data" / "dump_lone_max_s7191"
LONE_MAX = DATA / "d15-i3-n28-i3-bonus-penalty-rows-eng-psm3-300dpi-degraded.txt"


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
    # (dumpnums76: 1.1's scores add up with "0,75" as 1.1.1's self score — 2,25 = 0,75 + 1,5 — and its
    # maxima do not with it as the maximum, so the sums place it in the self column, the maximum the
    # cell lost (``score_columns.place_lone_maxima``); before, it stayed the maximum, queued.)
    assert len(rows) == 1 and rows[0].self_points == 0.75 and rows[0].max_points is None
    ti, ri = next(
        (ti, ri)
        for ti, t in enumerate(result.extraction.score_tables)
        for ri, r in enumerate(t.rows)
        if r.code == "1.1.1"
    )
    queued = {(r.item, r.field) for r in result.review}
    assert (f"/score_tables/{ti}/rows/{ri}", "self_points") in queued


def _failed_sum(parent: str, expected: float, actual: float, status: str = "misread") -> Check:
    return Check(
        id=f"sum_children:{parent}:max_points",
        kind="sum_children",
        field="max_points",
        expected=expected,
        actual=actual,
        tolerance=0.011,
        status=status,
    )


def test_a_lone_figure_in_a_part_whose_maxima_fall_short_is_unsure():
    parent = "/score_tables/0/rows/3"
    # a self score read for the maximum leaves the part's sum short (13 of 20), never over
    assert short_of_parent([_failed_sum(parent, 13.0, 20.0)], parent)
    assert short_of_parent([_failed_sum(parent, 13.0, 20.0, "mismatch")], parent)
    assert lone_figure_unsure(_row(1.0), disputed=False, short=True)
    # over, holding, another part's or another column's sum: no sign
    assert not short_of_parent([_failed_sum(parent, 22.0, 20.0)], parent)
    assert not short_of_parent([_failed_sum(parent, 20.0, 20.0, "ok")], parent)
    assert not short_of_parent([_failed_sum("/score_tables/0/rows/4", 13.0, 20.0)], parent)
    assert not short_of_parent([_failed_sum(parent, 13.0, 20.0)], None)
    # a row with both its figures is no lone figure, whatever its part's sum
    assert not lone_figure_unsure(_row(1.0, flags=()), disputed=False, short=True)


def test_a_dumps_lone_figure_read_as_a_maximum_in_a_short_part_is_queued():
    # seed 7191 d15-i3: 8.2 printed 5 and 0, its line kept "0", read as the maximum (0.82, out of
    # the queue before); part 8's maxima add up to 13 of its 20.
    data, truth = converted_with_truth(LONE_MAX)
    scored = score_document(truth, data)
    wrong = {(v["pointer"], v["field"]) for v in scored["wrong_values"]}
    rows = data["score_tables"][0]["rows"]
    (i,) = [i for i, r in enumerate(rows) if r["code"] == "8.2"]
    # (dumpnums76: part 8's scores add up with "0" as 8.2's self score and its maxima do not with it
    # as the maximum: the sums place it in the self column, the truth's 0, the maximum 5 the cell lost
    # and queued; before, "0" stayed the maximum, queued.)
    assert (rows[i]["max_points"], rows[i]["self_points"]) == (None, 0.0)
    assert (f"/score_tables/0/rows/{i}", "max_points") in wrong
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    assert {(f"/score_tables/0/rows/{i}", "max_points"), (f"/score_tables/0/rows/{i}", "self_points")} <= queued
    assert scored["silent_errors"] == [], scored["silent_errors"]
