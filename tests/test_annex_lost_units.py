"""An OCR'd annex group whose unit cells OCR lost or garbled (issue 14, review load of dumps): its
parts, every one read, that make its figure exactly confirm each of them, as a group of one read
unit is confirmed; a sum that fails tells no doubt the units cannot back; a share whose label
OCR prefixed with a bullet's or a code's debris is no part of its group. Rows modelled on the
annex dumps of seed 2301 (d07-i7, i8, i1), figures changed."""

from cchc_extract.reconcile.stat_rows import is_percent
from schemas.records import StatRow
from test_annex_lost_parts import codes_queued, reconciled, row as lost_parts_row


def row(code: str, indicator: str, unit: str, raw: str) -> StatRow:
    # a dump's row whose columns the segmenter inferred: 0.7, every value under the threshold
    return lost_parts_row(code, indicator, unit, raw, 0.7, ["columns_inferred"] + ([] if raw else ["missing_value"]))


def test_a_group_whose_units_were_glued_into_its_labels_is_confirmed_by_its_exact_sum():
    # "2.1 | Số hồ sơ TTHC đã giải quyết ; Hoso | 314" over "a) … : Hoso | 251", "b) | 63", "c) | 0"
    result = reconciled(
        row("2.1", "Số hồ sơ TTHC đã giải quyết ; Hoso", "", "318"),
        row("2.1.a", "Gidiquyéttrvéchan", "E H6 số", "245"),
        row("2.1.b", "Giải quyết đúng hạn : Hoso", "", "73"),
        row("2.1.c", "Giải quyết quá hạn Sẽ êê Ọe,", "", "0"),
        row("3", "Số văn bản chỉ đạo, điều hành CCHC đã ban hành", "Văn bản", "26"),
    )
    assert codes_queued(result) == {"3"}  # the one figure no arithmetic vouches for
    rows = result.statistics[0].rows
    assert all(r.value_confidence["value"] >= 0.8 for r in rows[:4])


def test_a_group_of_garbled_units_is_confirmed_too():
    # "Nhiémvu" over "(NRQmvy" and "“Nhiemvu": no count unit left to read, 25 = 25 + 0 still holds
    result = reconciled(
        row("3", "Sénhigm vụ trongKéhoach CCHCnam", "Nhiémvu", "25"),
        row("3.1", "Sonhiem và dihoanthanh", "(NRQmvy", "25"),
        row("3.2", "Sonhigmvuchvahoanthinh", "“Nhiemvu", "0"),
    )
    assert codes_queued(result) == set()


def test_a_group_whose_units_were_lost_tells_no_doubt_when_its_sum_fails():
    # without units its parts may count something else: the figures keep their own doubts only
    result = reconciled(
        row("2.1", "Số hồ sơ TTHC đã giải quyết ; Hoso", "", "318"),
        row("2.1.a", "Giải quyết trước hạn", "", "245"),
        row("2.1.b", "Giải quyết đúng hạn : Hoso", "", "70"),
    )
    assert not [r for r in result.review if "add up to" in (r.reason or "")]
    assert codes_queued(result) == {"2.1", "2.1.a", "2.1.b"}  # as unsure as they were read
    assert all(r.value_confidence["value"] < 0.8 for r in result.statistics[0].rows)


def test_a_lost_unit_with_fractional_figures_confirms_nothing():
    # shares without their "%" are no counts: 50,5 + 49,5 = 100 says nothing of the readings
    result = reconciled(
        row("4", "Kết quả xử lý", "", "100"),
        row("4.1", "Đúng hạn", "", "50,5"),
        row("4.2", "Quá hạn", "", "49,5"),
    )
    assert codes_queued(result) == {"4", "4.1", "4.2"}


def test_a_share_label_behind_ocr_debris_is_a_share():
    for label in ("-Tỷ lệ hồ sơ giải quyết trước hạn", ".Tỷ lệ TTHC cung cấp", "4.3°_ Tỷ lệ phản Ánh", "Tylệ hồ sơ"):
        assert is_percent(row("x", label, "Sóc", "99,54"))
    for label in ("Số hồ sơ", "12 Số tỷ lệ", "Tỷ đồng", "a) Giải quyết"):
        assert not is_percent(row("x", label, "Hồ sơ", "12"))


def test_a_share_behind_debris_is_no_part_of_its_group_sum():
    # "-Tỷ lệ … 99,54" with its unit garbled ("Sóc") was added to 436 = 234 + 200 + 2
    result = reconciled(
        row("3", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "436"),
        row("3.1", "Giải quyết trước hạn", "Hồ sơ", "234"),
        row("3.2", "Giải quyết đúng hạn", "Hồ sơ", "200"),
        row("3.3", "Giải quyết quá hạn", "Hồ sơ", "2"),
        row("3.4", "-Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "Sóc", "99,54"),
    )
    assert not [r for r in result.review if "add up to" in (r.reason or "")]
    assert not codes_queued(result) & {"3", "3.1", "3.2", "3.3"}
