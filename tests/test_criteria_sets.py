"""The transcribed official criteria sets (normalize/criteria/data) load and are arithmetically
consistent as published; what the data does not yet cover is stated by strict xfails."""

import datetime
import re

import pytest

from normalize.criteria import (
    SUM_TOLERANCE,
    CriteriaSet,
    criteria_set,
    load_criteria_sets,
    sum_mismatches,
)

SETS = load_criteria_sets()
IDS = [s.id for s in SETS]
# The 2025 merger: from 1 July 2025 communes sit directly under the province.
MERGER = datetime.date(2025, 7, 1)


def test_sets_load():
    assert SETS, "no criteria set found in normalize/criteria/data"
    for s in SETS:
        assert isinstance(s, CriteriaSet)
        assert s.rows, s.id
        assert criteria_set(s.id) is s


def test_unknown_set_raises():
    with pytest.raises(KeyError):
        criteria_set("no-such-set_1900")


@pytest.mark.parametrize("set_id", IDS)
def test_codes_unique_and_parents_exist(set_id):
    s = criteria_set(set_id)
    codes = [r.code for r in s.rows]
    assert len(codes) == len(set(codes)), "duplicate codes"
    by_code = s.by_code()
    for r in s.rows:
        assert r.name and r.name == " ".join(r.name.split()), r.code
        if r.parent:
            assert r.parent in by_code, f"{r.code}: parent {r.parent} missing"
            # A parent precedes its children in the published order.
            assert codes.index(r.parent) < codes.index(r.code)
            assert r.code.startswith(r.parent + "."), r.code


# A scoring-scale line ("Ban hành kịp thời: 1", "Hoàn thành 100%: 1,5 điểm") ends in its points.
_SCALE_LINE = re.compile(r":\s*\d+(?:[.,]\d+)?\s*(?:điểm)?\s*$")


@pytest.mark.parametrize("set_id", IDS)
def test_scale_lines_are_not_rows(set_id):
    for r in criteria_set(set_id).rows:
        assert not _SCALE_LINE.search(r.name), r
        for line in filter(None, r.scale.split(" | ")):
            assert _SCALE_LINE.search(line), (r.code, line)


@pytest.mark.parametrize("set_id", IDS)
def test_children_sum_to_parent(set_id):
    assert sum_mismatches(criteria_set(set_id)) == ()


@pytest.mark.parametrize("set_id", IDS)
def test_listed_exceptions_are_real(set_id):
    """Every parent listed as a published sum exception does differ, and exists."""
    s = criteria_set(set_id)
    by_code = s.by_code()
    for e in s.sum_exceptions + s.unverified_parents:
        assert e.code in by_code and e.reason
    for e in s.sum_exceptions:
        kids = s.children(e.code)
        total = sum(k.max_points or 0 for k in kids)
        assert abs(total - by_code[e.code].max_points) > SUM_TOLERANCE


@pytest.mark.parametrize("set_id", IDS)
def test_total_matches_decision(set_id):
    s = criteria_set(set_id)
    if not s.complete:
        assert s.unverified_parents, "a partial set must say which sums it cannot check"
        return
    assert s.total is not None
    assert abs(s.total_max - s.total) <= SUM_TOLERANCE


@pytest.mark.parametrize("set_id", IDS)
def test_field_level_total(set_id):
    """A field-level summary that prints every field's maximum adds up to the total it states;
    one that prints none has no rows to score (its sum is not checkable)."""
    s = criteria_set(set_id)
    if not s.field_level:
        return
    assert all(not r.parent for r in s.rows), "a field-level set has no sub-criteria"
    maxima = [r.max_points for r in s.rows]
    if all(m is not None for m in maxima):
        assert s.total is not None and abs(s.total_max - s.total) <= SUM_TOLERANCE
    else:
        assert all(m is None for m in maxima), "a field summary gives all maxima or none"


def test_partial_sets_are_marked():
    for s in SETS:
        assert s.source_url.startswith("http"), s.id
        assert s.complete or s.unverified_parents, s.id


@pytest.mark.xfail(
    strict=True,
    reason=(
        "issue 9 part 1 asks for >= 6 complete commune sets from >= 5 provinces on both sides of "
        "1 July 2025; the search tool shows only the first ~2 KB of each stored page, so no "
        "decision annex could be read in full (see normalize/criteria/data/README.md)"
    ),
)
def test_coverage_goal():
    commune = [s for s in SETS if s.complete and s.level == "xã"]
    assert len(commune) >= 6
    assert len({s.province for s in commune}) >= 5
    assert any(s.year < MERGER.year for s in commune)
    assert any(s.year >= MERGER.year for s in commune)
