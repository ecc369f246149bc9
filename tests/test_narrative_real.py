"""The narrative readers on the wording of real reports (tests/data/narrative_real.jsonl): sentences in
the shapes of 29 published CCHC reports from 17 provinces, own words and changed numbers, labelled by
hand and split dev / held-out by source document before any reader ran on them
(``benchmarks/narrative_real.py`` prints the figures).

What a careful reader takes from each sentence is asserted; the sentences the readers still read short
are listed with why (strict xfail: a fix shows up as a pass to record). The floor holds everywhere:
no ``mismatch`` a sentence does not hold.
"""

import pytest

from benchmarks.narrative_real import (
    labelled_breakdowns,
    load,
    observe_counts,
    observe_scores,
    observe_targets,
    read_as_labelled,
)

ROWS = load()
COUNT_ROWS = [r for r in ROWS if r["reader"] == "counts"]

# Labelled breakdowns the count reader does not read whole (after development on the dev half);
# the label stays what the sentence states.
KNOWN_MISSES = {
    "D06-18": "a ratio whose unit is an upper-case abbreviation ('3.874/4.820 HS') is not read",
    "D09-21": "approximate figures in another unit: nothing is read (the sum is not checkable anyway)",
    # held-out rows added at stop 56 (measured, not developed on)
    "D34-67": "'còn lại là N …, M …' after a share: the rest, listed in two kinds, is not joined",
    "D38-78": "'Trong số N, đã chuyển X …, … trả lời Y': Y (a subset of X) is read as a second part (no mismatch)",
}


def _xfail(why):
    return pytest.mark.xfail(reason=why, strict=True) if why else ()


@pytest.mark.parametrize(
    "text,label",
    [pytest.param(t, c, id=i, marks=_xfail(why)) for i, t, c, why in labelled_breakdowns(COUNT_ROWS, KNOWN_MISSES)],
)
def test_labelled_breakdown_is_read_with_its_check(text, label):
    ok, seen = read_as_labelled(text, label)
    assert ok, seen


def test_no_false_mismatch_on_real_wording():
    """The floor, on both halves: a mismatch only where the sentence's own figures disagree."""
    false = []
    for row in COUNT_ROWS:
        faults = {c["total"] for c in row["counts"] if c["check"] == "mismatch"}
        false += [(row["id"], s) for s in observe_counts(row["text"]) if s[2] == "mismatch" and s[0] not in faults]
    assert false == []


def test_fractions_of_one_whole_under_two_conditions_are_not_added_up():
    """'4/9 … dưới 3% và cả 9/9 … dưới 10%': the same districts counted twice, not shares of nine."""
    seen = observe_counts(
        "Có đến 4/9 huyện, thành phố đạt tỷ lệ này dưới 3% và cả 9/9 huyện, thành phố đạt tỷ lệ dưới 10%."
    )
    assert seen == [(9, [4], "ok"), (9, [9], "ok")]


def test_fractions_with_the_remainder_are_still_shares():
    seen = observe_counts("Có 7/12 chỉ tiêu đạt kế hoạch (58,33%), còn 6/12 chỉ tiêu chưa đạt.")
    assert seen == [(12, [7, 6], "mismatch")]  # 7 + 6 is not 12: the commune's figures disagree


def test_parts_in_the_bracket_after_the_totals_rate():
    text = "Đã giải quyết 480 hồ sơ, đạt tỷ lệ 99,6% (số hồ sơ đúng hạn là 476 hồ sơ, trễ hạn là 2 hồ sơ)."
    assert observe_counts(text) == [(480, [476, 2], "mismatch")]
    # a change against another figure is no rate of the total: its bracket is not its breakdown
    other = "Đã giải quyết 480 hồ sơ, tăng 12% (năm trước 428 hồ sơ, năm 2022 395 hồ sơ)."
    assert all(status != "mismatch" for *_, status in observe_counts(other))


@pytest.mark.parametrize("row", [r for r in ROWS if r["reader"] == "scores"], ids=lambda r: r["id"])
def test_whole_index_totals_are_no_score_statements(row):
    assert observe_scores(row["text"]) == [(s["points"], s["max_points"]) for s in row["statements"]]


@pytest.mark.parametrize("row", [r for r in ROWS if r["reader"] == "targets"], ids=lambda r: r["id"])
def test_targets_of_real_plans(row):
    seen = observe_targets(row["text"])
    for want in row["targets"]:
        assert any(all(s[k] == want[k] for k in want) for s in seen), seen


def test_the_split_is_by_source_document():
    halves = {}
    for row in ROWS:
        halves.setdefault(row["doc"], set()).add(row["split"])
        assert row["source"].startswith("http")
    assert all(len(s) == 1 for s in halves.values())
    held = sum(1 for s in halves.values() if s == {"heldout"})
    assert len(halves) >= 25 and 0.4 <= held / len(halves) <= 0.6


def test_the_done_of_a_ratio_is_the_total_a_breakdown_after_it_breaks_down():
    """'là 1.208/1.342, trong đó …': the parts are of the files settled (1.208), not of the whole."""
    seen = observe_counts("Số lượng hồ sơ được giải quyết là 480/512, trong đó đúng hạn 470 hồ sơ, trễ hạn 10 hồ sơ.")
    assert (480, [470, 10], "ok") in seen
    # parts that add up to the whole break the whole down
    text = "Đã giải quyết 480/512 hồ sơ, trong đó đúng hạn 470 hồ sơ, trễ hạn 10 hồ sơ, quá hạn 32 hồ sơ."
    seen = observe_counts(text)
    assert (512, [470, 10, 32], "ok") in seen
    # a date is no ratio
    seen = observe_counts("Tính từ ngày 01/12 hồ sơ tiếp nhận, trong đó đúng hạn 5 hồ sơ.")
    assert all(s[0] not in (1, 12) for s in seen), seen


def test_the_rest_of_a_whole_makes_its_fractions_shares():
    seen = observe_counts("Đã giải quyết 21/36 vụ việc khiếu nại, 15 vụ còn lại đang giải quyết.")
    assert seen == [(36, [21, 15], "ok")]
    seen = observe_counts("Có 30/47 đơn vị xếp hạng Tốt; 12/47 đơn vị xếp hạng Khá; còn 4 đơn vị xếp hạng Trung bình.")
    assert seen == [(47, [30, 12, 4], "mismatch")]  # 30 + 12 + 4 is not 47: the figures disagree
    # a rest counted in another noun is not this whole's
    assert observe_counts("Đã giải quyết 21/36 vụ việc, còn 15 hồ sơ đang xử lý.") == [(36, [21], "ok")]
    # fractions that already make the whole: "the rest" is of something else
    seen = observe_counts("Có 6/6 vùng đạt trên 80%; 2 vùng còn lại đạt 84,97%.")
    assert seen == [(6, [6], "ok")]
    # the rest in the next sentence is not joined
    assert observe_counts("Đã giải quyết 21/36 vụ việc. Còn 15 vụ đang xác minh.") == [(36, [21], "ok")]


def test_a_part_opening_with_con_ends_the_breakdown_unless_it_completes_a_partition():
    text = "Đã giải quyết 500 hồ sơ; trong đó, đúng hạn có 480 hồ sơ, đạt 96%, còn 20 hồ sơ quá hạn, tỷ lệ 4%."
    assert observe_counts(text) == [(500, [480, 20], "ok")]
    text = "Đã giải quyết 500 hồ sơ, trong đó đúng hạn 470 hồ sơ, còn 20 hồ sơ đang giải quyết."
    assert observe_counts(text) == [(500, [470], "ok")]  # a sibling of the total, not its share


def test_a_ratio_broken_down_into_ratios_by_kind():
    seen = observe_counts("Đã giải quyết 12/41 đơn; trong đó, đã giải quyết 7/31 khiếu nại, 3/3 tố cáo, 2/7 kiến nghị.")
    assert (12, [7, 3, 2], "ok") in seen or (12, [7, 3, 2], None) in seen
    assert all(status != "mismatch" for *_, status in seen)
