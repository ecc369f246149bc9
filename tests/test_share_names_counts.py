"""A joined share ("trước hạn và đúng hạn") names which counts of its group it is of: when those are
all read, an unread sibling ("quá hạn") is no reason to skip its check."""

from cchc_extract.reconcile.stat_rows import counts_named
from schemas.records import StatRow


def _row(code: str, indicator: str, value: float | None) -> StatRow:
    return StatRow(code=code, indicator=indicator, unit="Hồ sơ", value=value)


def test_a_joined_share_names_the_counts_its_words_tell_apart():
    share = _row("3.4", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", 99.11)
    counts = [
        _row("3.1", "Giải quyết trước hạn", 230),
        _row("3.2", "Giải quyết đúng hạn", 210),
        _row("3.3", "Giải quyết quá hạn", None),
    ]
    assert counts_named(share, counts) == [True, True, False]


def test_as_ocr_leaves_it_without_marks_and_a_count_with_no_words_of_its_own():
    share = _row("4.4", "Ty le ho so giai quyet truoc han va dung han", 99.0)
    counts = [
        _row("4.1", "Giai quyet truoc han", 1),
        _row("4.2", "Giai quyet", 2),
        _row("4.3", "Giai quyet dung han", 3),
    ]
    assert counts_named(share, counts) == [True, False, True]
