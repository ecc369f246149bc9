"""Values of an OCR dump that nothing vouches for are queued (cchc_extract/reconcile/confidence.py):
a score row's one figure beside a lost self score with no sum holding and no criteria set's
maximum behind it, and an annex row whose period parts, as read, do not add up to its whole, which
a sum of the annex holding does not settle (a sum holds in any one period's column). Real
Tesseract dumps of the corpus, their truth the generator's (tests/data/dumps_queue70/README.md)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from cchc_extract.reconcile.confidence import _lone_unvouched
from cchc_extract.reconcile.confidence_base import read_as_base, read_as_part
from corpus_helpers import converted_with_truth
from schemas.records import MISSING_FLAG, ScoreRow, StatRow

DATA = Path(__file__).parent / "data" / "dumps_queue70"
LONE = DATA / "d14-i4-n24-i4-tab-aligned-dots-vie-psm3-300dpi-degraded.txt"
PERIODS = DATA / "d23-i3-n60-i3-last-year-quarters-first-eng-psm6-200dpi-degraded.txt"


def _queued(data: dict) -> set[tuple[str, str | None]]:
    return {(e["item"], e.get("field")) for e in data["review"]}


def _row(code: str, rows: list[dict]) -> int:
    (i,) = [i for i, r in enumerate(rows) if r["code"] == code]
    return i


def test_a_lone_figure_is_unvouched_without_a_sum_or_the_set():
    lone = ScoreRow(code="3.3", name="Tiếp nhận", max_points=5.0, flags=[MISSING_FLAG["self_points"]])
    assert _lone_unvouched(lone, {"held": 0.0}, 0.0)
    assert _lone_unvouched(lone, {"held": 0.0}, -1.0)
    # a sum that holds or the set's own maximum vouches for it
    assert not _lone_unvouched(lone, {"held": 1.0}, 0.0)
    assert not _lone_unvouched(lone, {"held": 0.0}, 1.0)
    # a row that printed both figures, or no maximum, is no lone figure
    both = ScoreRow(code="3.3", name="Tiếp nhận", max_points=5.0, self_points=3.0)
    assert not _lone_unvouched(both, {"held": 0.0}, 0.0)
    bare = ScoreRow(code="3.3", name="Tiếp nhận", flags=[MISSING_FLAG["self_points"]])
    assert not _lone_unvouched(bare, {"held": 0.0}, 0.0)


def test_a_dumps_lone_figure_nothing_vouches_for_is_queued():
    # 3.3's line kept one figure, "5" (the truth's maximum is 3), read as the maximum at 0.82
    # beside its lost self score: silent before.
    data, truth = converted_with_truth(LONE)
    truth_rows = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert truth_rows["3.3"]["max_points"] == 3.0 and truth_rows["3.4"]["max_points"] == 4.0
    rows = data["score_tables"][0]["rows"]
    i = _row("3.3", rows)
    assert (rows[i]["max_points"], rows[i]["self_points"]) == (5.0, None)
    item = (f"/score_tables/0/rows/{i}", "max_points")
    scored = score_document(truth, data)
    assert item in {(v["pointer"], v["field"]) for v in scored["wrong_values"]}
    assert item in _queued(data)
    assert item not in {(v["pointer"], v["field"]) for v in scored["silent_errors"]}


def test_a_dumps_rows_whose_period_parts_disagree_are_queued_though_a_sum_holds():
    # 3, 3.1, 3.2 read 15, 14, 1 (the truth's 18, 16, 2): 3 = 3.1 + 3.2 holds as read, in the
    # wrong column; each row's own figures do not add up. Silent at 0.915 before.
    data, truth = converted_with_truth(PERIODS)
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert (truth_values["3"], truth_values["3.1"], truth_values["3.2"]) == (18.0, 16.0, 2.0)
    rows = data["statistics"][0]["rows"]
    scored = score_document(truth, data)
    wrong = {(v["pointer"], v["field"]) for v in scored["wrong_values"]}
    for code, read in (("3", 15.0), ("3.1", 14.0), ("3.2", 1.0)):
        i = _row(code, rows)
        item = (f"/statistics/0/rows/{i}", "value")
        assert rows[i]["value"] == read and item in wrong
        assert item in _queued(data), code
    assert not [v for v in scored["silent_errors"] if v["pointer"].startswith("/statistics/")]


BASE = DATA / "d27-i1-n74-i1-ratio-to-plan-plan-first-eng-psm4-250dpi.txt"


def test_a_value_that_is_the_base_of_its_notes_share_is_read_as_base():
    # the plan 19 read for the value, the count done 16 and its share 84,21 % in the note
    assert read_as_base(StatRow(code="5", unit="Văn bản", value=19.0, note="16 84,21"))
    # the count done read: the share is its own over the plan
    assert not read_as_base(StatRow(code="5", unit="Văn bản", value=16.0, note="19 84,21"))
    # a share of 100 is either way round; a share row has no base; no share stated
    assert not read_as_base(StatRow(code="5.2", unit="Hồ sơ", value=5.0, note="5 100"))
    assert not read_as_base(StatRow(code="2.3", unit="%", value=91.67, note="24 22"))
    assert not read_as_base(StatRow(code="5", unit="Văn bản", value=19.0, note="16 17"))


def test_a_dumps_value_read_as_its_shares_base_is_queued():
    data, truth = converted_with_truth(BASE)
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert truth_values["5"] == 16.0
    rows = data["statistics"][0]["rows"]
    i = _row("5", rows)
    item = (f"/statistics/0/rows/{i}", "value")
    assert rows[i]["value"] == 19.0
    assert item in {(v["pointer"], v["field"]) for v in score_document(truth, data)["wrong_values"]}
    assert item in _queued(data)


PART = DATA / "d22-i2-n55-i2-channels-total-last-vie-psm3-200dpi-degraded.txt"


def test_a_value_that_adds_up_with_its_note_to_the_notes_last_figure_is_read_as_part():
    # a channel's 34 read for the value, another channel's 195 and the whole 229 in the note
    assert read_as_part(StatRow(code="6", unit="Hồ sơ", value=34.0, note="195 229"))
    assert read_as_part(StatRow(code="6.2", unit="Hồ sơ", value=23.0, note="42 _65"))
    # the whole read, its channels before it; a change or another period's figure; a share
    assert not read_as_part(StatRow(code="6", unit="Hồ sơ", value=229.0, note="34 195"))
    assert not read_as_part(StatRow(code="6", unit="Hồ sơ", value=229.0, note="210 +19"))
    assert not read_as_part(StatRow(code="6.4", unit="%", value=20.0, note="30 50"))
    assert not read_as_part(StatRow(code="6", unit="Hồ sơ", value=34.0, note="229"))


def test_a_dumps_values_read_as_a_part_of_their_rows_whole_are_queued():
    data, truth = converted_with_truth(PART)
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert (truth_values["6"], truth_values["6.1"]) == (229.0, 162.0)
    rows = data["statistics"][0]["rows"]
    wrong = {(v["pointer"], v["field"]) for v in score_document(truth, data)["wrong_values"]}
    for code, read in (("6", 34.0), ("6.1", 10.0)):
        i = _row(code, rows)
        item = (f"/statistics/0/rows/{i}", "value")
        assert rows[i]["value"] == read and item in wrong
        assert item in _queued(data), code
