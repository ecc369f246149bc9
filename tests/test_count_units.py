"""The one key a count's unit is compared by (normalize.count_units), in both its readings: an
OCR'd draft's unit cell (its letters) and a read row's unit (digits kept, spoilt figures dropped)."""

from __future__ import annotations

import pytest

from normalize.count_units import unit_debris, unit_key, unit_words


@pytest.mark.parametrize(
    ("unit", "letters"),
    [
        ("Hồ sơ", "ho so"),
        ("Phản ánh .", "phan anh"),  # OCR's specks around the unit
        (". Nhiệm vụ", "nhiem vu"),
        ("Người", "nguoi"),
        ("%", "%"),
        (" % ", "%"),
        ("", ""),
        ("-", ""),
        ("Thủ tục 6Ú", "thu tuc u"),  # a digit is a speck of the figure
        ("m2", "m"),
        ("Đơn vị", "don vi"),
    ],
)
def test_a_drafts_unit_is_its_letters(unit: str, letters: str) -> None:
    assert unit_key(unit) == letters


@pytest.mark.parametrize(
    ("unit", "key"),
    [
        ("Hồ sơ", "hoso"),
        ("Hồsơ", "hoso"),  # OCR joins a unit's words: no two units differ by a space alone
        ("**Hồ sơ**", "hoso"),  # markup is no part of the unit
        ("Thủ tục 6Ú", "thutuc"),  # the token OCR left of a figure it spoilt
        ("m2", "m2"),  # a digit of the unit stays: square metres are not metres
        ("Phản ánh .", "phananh"),
        ("%", "%"),
        ("", ""),
        ("Có = 1 Không = 0", "co=1khong=0"),  # a coded answer's legend is kept whole
        ("'Thủ tục", "thutuc"),  # a speck OCR read as a quote at the unit's edge
        ("Hồ sơ ,", "hoso"),
        ("“Người”", "nguoi"),
    ],
)
def test_a_read_rows_unit_keeps_its_figures(unit: str, key: str) -> None:
    assert unit_key(unit, keep_figures=True) == key


def test_two_counts_in_the_same_unit_share_a_key() -> None:
    assert unit_key("Hồ sơ") == unit_key("Ho so .") != unit_key("Người")
    assert unit_key("Thủ tục 6Ú", keep_figures=True) == unit_key("Thủ tục", keep_figures=True)
    assert unit_key("m2", keep_figures=True) != unit_key("m", keep_figures=True)


def test_a_spoilt_figure_beside_a_unit_is_debris() -> None:
    assert unit_debris("Thủ tục 6Ú")
    assert not unit_debris("m2")  # one word: the unit itself
    assert not unit_debris("Thủ tục")
    assert not unit_debris("Có = 1 Không 0A")  # a legend
    assert unit_words("Thủ tục 6Ú") == "thu tuc"
    assert unit_words("  Hồ sơ :") == "ho so"
