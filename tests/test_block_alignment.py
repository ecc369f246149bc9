"""Placing a points block's number lines on criteria when OCR lost some (``block_alignment``):
the table's sums choose which criteria the lines skip, and a line two placings disagree on is
not placed."""

from extract.segment.block_alignment import NOT_PLACED, Criterion, align, parents


def _criteria(*codes: str | None) -> list[Criterion]:
    return [Criterion(c, False, False) for c in codes]


def test_levels_from_codes_letters_are_siblings():
    crits = [Criterion(None, True, False), *_criteria("1", "1.1", "a)", "b)", "1.2", "2")]
    assert parents(crits) == [None, 0, 1, 2, 2, 1, 0]


def test_lost_line_placed_where_the_sum_holds():
    # 1 (10) = 1.1 (4) + 1.2 (6); 2's line lost: 10 / 4 / 6 go to 1, 1.1, 1.2, not 2.
    crits = _criteria("1", "1.1", "1.2", "2")
    assert align(crits, [["10"], ["4"], ["6"]], ["max"]).placed == {0: 0, 1: 1, 2: 2}


def test_no_sum_no_placing():
    # Three criteria, two lines, nothing adds up: no line is placed (told, not guessed).
    assert align(_criteria("1", "2", "3"), [["5"], ["3"]], ["max"]) == NOT_PLACED


def test_a_line_two_placings_share_is_not_placed():
    # Scores under placed maxima: 6 is the parent's either way; 2 could be 1.1's or 1.2's.
    crits = _criteria("1", "1.1", "1.2")
    placing = align(crits, [["6"], ["2"]], ["self"], maxima={0: 10, 1: 5, 2: 5})
    assert placing.placed == {0: 0}
    assert placing.doubtful == {1: (1, 2)}  # the alternatives, told
