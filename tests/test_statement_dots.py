"""A criterion statement's code OCR read without its dot is put back by its neighbours' codes."""

from __future__ import annotations

from extract.segment.statement_dots import restore_lost_dots
from schemas.records import ScoreStatement


def _crit(code: str, points: float, max_points: float, group: str = "1") -> ScoreStatement:
    return ScoreStatement(kind="criterion", code=code, points=points, max_points=max_points, group=group)


def test_lost_dot_put_back_between_its_neighbours() -> None:
    statements = [
        ScoreStatement(kind="group", code="1", points=2.75, max_points=4.0),
        _crit("1.4", 2.0, 2.0),
        _crit("15", 0.75, 1.0, group="15"),
        _crit("1.6", 0.0, 1.0),
    ]
    out = restore_lost_dots(statements)
    assert [s.code for s in out] == ["1", "1.4", "1.5", "1.6"]
    assert out[2].group == "1"


def test_last_criterion_put_back_by_the_one_above() -> None:
    out = restore_lost_dots([_crit("7.4", 0.25, 1.5, "7"), _crit("75", 0.75, 1.0, "75")])
    assert out[1].code == "7.5"


def test_neighbours_that_say_another_code_leave_it() -> None:
    # "15" between 1.4 and 1.7 is no lost dot of 1.5 that both neighbours vouch for
    out = restore_lost_dots([_crit("1.4", 1, 1), _crit("15", 1, 1), _crit("1.7", 1, 1)])
    assert out[1].code == "15"


def test_undotted_list_and_codes_taken_are_left() -> None:
    flat = [_crit("14", 1, 1), _crit("15", 1, 1), _crit("16", 1, 1)]
    assert [s.code for s in restore_lost_dots(flat)] == ["14", "15", "16"]
    taken = [_crit("1.4", 1, 1), _crit("15", 1, 1), _crit("1.5", 1, 1)]
    assert restore_lost_dots(taken)[1].code == "15"
