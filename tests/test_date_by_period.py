"""The date of a place-date line OCR damaged (``extract.date_repair``): read past specks between its
words, its year cut short or misread by a digit taken as the one of the period's years (a report on a
year is signed in it or early the next, a plan for a year late the year before or in it) its digits
are nearest to. Each case is an OCR text dump the test writes, shaped as the dumps of the generated
corpus print the header, as a Latin-only OCR reads it (no marks); the damage is the one seen on the
corpus's scans and dumps. A typed document's date is as printed."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from extract.base import ingest
from extract.date_repair import DamagedDate, specked_date, year_near_period
from extract.metadata import MetadataSettings, extract_metadata
from normalize.vietnamese.syllable import fold

REPORT = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ NGHĨA PHÚ Độc lập - Tự do - Hạnh phúc
Số: 283/BC-UBND {place_date}
BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính
năm {year} của UBND xã Nghĩa Phú

Thực hiện Kế hoạch số 63/KH-UBND ngày 03/11/{year} của UBND huyện Hải Phú về việc
triển khai công tác cải cách hành chính năm {year}; UBND xã Nghĩa Phú báo cáo kết quả tự
đánh giá, chấm điểm như sau:

STT Tiêu chí Điểm tối đa Điểm tự chấm
1 Công tác chỉ đạo, điều hành cải cách hành chính 10 9
2 Cải cách thủ tục hành chính 12 11
TỔNG ĐIỂM 22 20

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- UBND huyện Hải Phú (b/c); CHỦ TỊCH
- Lưu: VT, VP.
Trương Ngọc Kiên
"""

PLAN = """ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
XÃ CƯỜNG THANH Độc lập - Tự do - Hạnh phúc
Số: 317/KH-UBND {place_date}
KẾ HOẠCH
Nâng cao Chỉ số cải cách hành chính năm {year}

Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {prior}, UBND xã
Cường Thanh ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm {year}.

Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Lưu: VT, VP. CHỦ TỊCH
Vũ Trọng Chiến
"""


def _unmarked(text: str) -> str:
    """The text as a Latin-only OCR prints it: letters without Vietnamese's marks, cases kept."""
    bare = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return bare.replace("đ", "d").replace("Đ", "D")


def _date(tmp_path: Path, text: str, settings: MetadataSettings = MetadataSettings(), latin: bool = True) -> str | None:
    """The date read from the text written as a Latin-only OCR's dump (``latin``) or typed."""
    path = tmp_path / "dump.txt"
    path.write_text(_unmarked(text) if latin else text, encoding="utf-8")
    return extract_metadata(ingest(path), settings).date


@pytest.mark.parametrize(
    ("place_date", "year", "date"),
    [
        # A year misread by one digit: a report on 2023 is not dated 2033.
        ("Nghĩa Phú, ngày 17 tháng 12 năm 2033", 2023, "2023-12-17"),
        # A report on 2024 signed in January 2025, "2025" read "2035".
        ("Nghĩa Phú, ngày 22 tháng 1 năm 2035", 2024, "2025-01-22"),
        # A speck glued between the day and the month word.
        ("Nghĩa Phú, ngày 05.tháng 03 năm 2014 `", 2013, "2014-03-05"),
        # The month word garbled and run into specks around the month.
        ("Nghia Phu, ngay 23 thdng-2:ném 2014", 2013, "2014-02-23"),
        # The month word misread as a speck and letters.
        ("Nghĩa Phú, ngày 13 -Hữ 12 năm 2024", 2024, "2024-12-13"),
    ],
)
def test_a_report_s_damaged_date_is_read_by_its_period(tmp_path: Path, place_date: str, year: int, date: str) -> None:
    assert _date(tmp_path, REPORT.format(place_date=place_date, year=year)) == date


@pytest.mark.parametrize(
    ("place_date", "year", "date"),
    [
        # "2015" read short: "25" holds only the plan's own year's digits in order.
        ("Cường Thanh, ngày 12 tháng 3 năm 25", 2015, "2015-03-12"),
        # "2024" read "4": of 2023, 2024 and 2025 only 2024 ends so.
        ("Cường Thanh, ngày 15 tháng 2 năm 4", 2024, "2024-02-15"),
    ],
)
def test_a_plan_s_year_read_short_is_its_period_s(tmp_path: Path, place_date: str, year: int, date: str) -> None:
    assert _date(tmp_path, PLAN.format(place_date=place_date, year=year, prior=year - 1)) == date


@pytest.mark.parametrize(
    "place_date",
    [
        "Nghĩa Phú, ngày 4 tháng 12 năm",  # the year lost: 2023 or 2024, which cannot be told
        "Nghĩa Phú, ngày 17 tháng 11 năm a",  # no digit of it read
        "Nghĩa Phú, ngày 2T tháng 12 năm 2023",  # a "T" in the day: 21 and 27 both days, no guess
        "Nghĩa Phú, ngày ay tháng 1 năm 2024",  # the day's digits lost to letters: no number
    ],
)
def test_a_date_past_reading_stays_empty(tmp_path: Path, place_date: str) -> None:
    assert _date(tmp_path, REPORT.format(place_date=place_date, year=2023)) is None


@pytest.mark.parametrize(
    ("place_date", "date"),
    [
        # A letter of a digit's shape in the month: "T1" is 11 (a "T" may be a 1 or a 7; no month 71).
        ("Nghĩa Phú, ngày 18 tháng T1 năm 2023", "2023-11-18"),
        # And in the day: "2B" is 28 (a capital B is an 8).
        ("Nghĩa Phú, ngày 2B tháng 1 năm 2024", "2024-01-28"),
    ],
)
def test_a_letter_read_for_a_digit_of_its_shape_is_that_digit_when_only_it_makes_a_date(
    tmp_path: Path, place_date: str, date: str
) -> None:
    assert _date(tmp_path, REPORT.format(place_date=place_date, year=2023)) == date


def test_a_year_the_period_does_not_decide_is_kept_as_printed(tmp_path: Path) -> None:
    # A report on 2021 printed as dated 2023: 2020, 2021 and 2022 are each a digit away, none nearest.
    text = REPORT.format(place_date="Nghĩa Phú, ngày 5 tháng 1 năm 2023", year=2021)
    assert _date(tmp_path, text) == "2023-01-05"


def test_off_or_typed_the_date_is_read_as_printed(tmp_path: Path) -> None:
    text = REPORT.format(place_date="Nghĩa Phú, ngày 17 tháng 12 năm 2033", year=2023)
    assert _date(tmp_path, text, MetadataSettings(date_by_period=False)) == "2033-12-17"
    assert _date(tmp_path, text, latin=False) == "2033-12-17"  # typed: what it prints is its date


def test_the_pieces() -> None:
    assert specked_date(fold("Khanh Quy, ngay 23 thdng-2:ném 2014")) == DamagedDate(23, 2, "2014")
    assert specked_date(fold("ngày 31 tháng 13 năm 2024")) is None  # no month 13
    assert year_near_period("2035", [2023, 2024, 2025]) == 2025
    assert year_near_period("25", [2014, 2015, 2016]) == 2015
    assert year_near_period("2", [2023, 2024, 2025]) is None  # each as near
    assert year_near_period("2014", []) == 2014  # no period: a whole year as printed
    assert year_near_period("14", []) is None
