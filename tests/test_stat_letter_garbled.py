"""An item letter OCR garbled in a scanned annex's code column ("bì" for "a", the "b" under it
read clean): the row is item a of the count above, not a new sibling numbered by position (before,
2.1.a came out as 2.2, 2.1.b as 2.3 and the real 2.2 as 2.4, every check still holding: silent)."""

from __future__ import annotations

from dataclasses import dataclass

from extract.segment.stat_item_letters import garbled_letter_above


@dataclass
class _Draft:
    indicator: str
    token: str | None
    coded: bool = True


def test_a_garbled_a_above_a_clean_b_is_item_a():
    drafts = [_Draft("Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "2.1"), _Draft("bì Số hồ sơ tiếp nhận trực tuyến", None)]
    assert garbled_letter_above("b", drafts) == ("a)", "Số hồ sơ tiếp nhận trực tuyến")


def test_rows_that_do_not_run_as_items_are_left():
    count = _Draft("Tổng số hồ sơ", "2.1")
    # a digit in the cell: a code OCR garbled, for the column repair
    assert garbled_letter_above("b", [count, _Draft("2l Số hồ sơ trực tuyến", "2l")]) is None
    # the row above opens with a capital: words, no garbled letter
    assert garbled_letter_above("b", [count, _Draft("Số hồ sơ trực tuyến", None)]) is None
    # "c" needs the item lettered "a" above the garbled "b"
    assert garbled_letter_above("c", [count, _Draft("bì Số hồ sơ", None)]) is None
    assert garbled_letter_above("c", [_Draft("Số hồ sơ", "a)"), _Draft("lị Số hồ sơ", None)]) == ("b)", "Số hồ sơ")
    # "a" has no letter before it to restore
    assert garbled_letter_above("a", [count, _Draft("bì Số hồ sơ", None)]) is None
