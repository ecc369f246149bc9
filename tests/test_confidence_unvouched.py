"""Values of an OCR dump that nothing vouches for are queued (cchc_extract/reconcile/confidence.py):
a score row's one figure beside a lost self score with no sum holding and no criteria set's
maximum behind it, and an annex row whose period parts, as read, do not add up to its whole, which
a sum of the annex holding does not settle (a sum holds in any one period's column). Real
Tesseract dumps of the corpus, their truth the generator's (tests/data/dumps_queue70/README.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

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


def _annex_values_queued(path: Path, read: dict[str, tuple[float, float]]) -> dict:
    """Convert a stored dump; each code of ``read`` (truth's value, value read) is the truth's, was
    read wrong as said, and is queued. The output, for more checks."""
    data, truth = converted_with_truth(path)
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    rows = data["statistics"][0]["rows"]
    wrong = {(v["pointer"], v["field"]) for v in score_document(truth, data)["wrong_values"]}
    for code, (right, value) in read.items():
        assert truth_values[code] == right, code
        i = _row(code, rows)
        item = (f"/statistics/0/rows/{i}", "value")
        assert rows[i]["value"] == value and item in wrong, code
        assert item in _queued(data), code
    return {"data": data, "truth": truth}


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
    out = _annex_values_queued(PERIODS, {"3": (18.0, 15.0), "3.1": (16.0, 14.0), "3.2": (2.0, 1.0)})
    scored = score_document(out["truth"], out["data"])
    assert not [v for v in scored["silent_errors"] if v["pointer"].startswith("/statistics/")]


BASE = DATA / "d27-i1-n74-i1-ratio-to-plan-plan-first-eng-psm4-250dpi.txt"


# (code, unit, value read, note, whether the value is its share's base)
AS_BASE = [
    ("5", "Văn bản", 19.0, "16 84,21", True),  # the plan 19 read, the count done 16 and its share in the note
    ("5", "Văn bản", 16.0, "19 84,21", False),  # the count done read: the share is its own over the plan
    ("5.2", "Hồ sơ", 5.0, "5 100", False),  # a share of 100 is either way round
    ("2.3", "%", 91.67, "24 22", False),  # a share row has no base
    ("5", "Văn bản", 19.0, "16 17", False),  # no share stated
    ("3.1", "Hồ sơ", 14.0, "16 14 114,29", True),  # last year's 16, a quarter's 14 and this year's share
    # a row's months: 5 of 129 is 3,9 %, near enough a month's 4, by chance
    ("4.1.b", "Hồ sơ", 129.0, "5 13 5 4 6 35 6 12 15 8 4 16 21,9", False),
    ("3", "Hồ sơ", 184.0, "38 30 75 26 10 5", False),
]
# (code, unit, value read, note, whether the value is a part of the whole the note prints last)
AS_PART = [
    ("6", "Hồ sơ", 34.0, "195 229", True),  # a channel's 34 read, another's 195 and the whole 229
    ("6.2", "Hồ sơ", 23.0, "42 _65", True),
    ("6", "Hồ sơ", 229.0, "34 195", False),  # the whole read, its channels after it
    ("6", "Hồ sơ", 229.0, "210 +19", False),  # another period's figure and the change
    ("6.4", "%", 20.0, "30 50", False),  # a share
    ("6", "Hồ sơ", 34.0, "229", False),  # no part beside it
]


@pytest.mark.parametrize(("test", "cases"), [(read_as_base, AS_BASE), (read_as_part, AS_PART)])
def test_a_value_its_own_rows_figures_show_to_be_another_columns(test, cases):
    for code, unit, value, note, expected in cases:
        assert test(StatRow(code=code, unit=unit, value=value, note=note)) is expected, (code, value, note)


def test_a_dumps_value_read_as_its_shares_base_is_queued():
    _annex_values_queued(BASE, {"5": (16.0, 19.0)})


PART = DATA / "d22-i2-n55-i2-channels-total-last-vie-psm3-200dpi-degraded.txt"


def test_a_dumps_values_read_as_a_part_of_their_rows_whole_are_queued():
    # Since stats70 (channel labels split over the header's lines still name the channels,
    # ``stat_channel_parts``) the dump's rows take their totals, the truth's 229 and 162: read
    # right, nothing to queue. Each value is the truth's, or, read as a part, queued.
    data, truth = converted_with_truth(PART)
    truth_values = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    rows = data["statistics"][0]["rows"]
    for code, right in {"6": 229.0, "6.1": 162.0}.items():
        assert truth_values[code] == right, code
        i = _row(code, rows)
        assert rows[i]["value"] == right or (f"/statistics/0/rows/{i}", "value") in _queued(data), code
