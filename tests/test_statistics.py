"""Statistics annexes of the seed report (Phụ lục 2–8 of 002)."""

from functools import lru_cache
from pathlib import Path

from extract.base import ingest
from extract.segment.statistics import allowed_values, find_statistics, parse_stat_value

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@lru_cache(maxsize=None)
def _annexes(name: str):
    return find_statistics(ingest(SAMPLES / name))


def _annex(label: str):
    return next(a for a in _annexes("002_huong-son_2024_bao-cao-6-thang.txt") if a.annex == label)


def _row(annex, code):
    return next(r for r in annex.rows if r.code == code)


def test_002_has_annexes_2_to_8_with_titles():
    annexes = _annexes("002_huong-son_2024_bao-cao-6-thang.txt")
    assert [a.annex for a in annexes] == [f"Phụ lục {k}" for k in range(2, 9)]
    assert annexes[0].title == "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    # golden/reference lists 150: it misses 6.5.2, the file's last line (no trailing newline)
    assert sum(len(a.rows) for a in annexes) == 151


def test_phu_luc_2_percent_counts_and_allowed_values():
    annex = _annex("Phụ lục 2")
    rate = _row(annex, "2")
    assert (rate.unit, rate.value, rate.value_raw, rate.level) == ("%", 78.94, "78,94%", 1)
    assert _row(annex, "2.1").value == 19 and _row(annex, "2.2").value == 15
    assert _row(annex, "2.2").parent == "2" and _row(annex, "2.2").level == 2
    survey = _row(annex, "7.2")
    assert survey.allowed_values == {"Trực tuyến": 0, "Phát phiếu": 1, "Kết hợp": 2} and survey.value == 2
    assert _row(annex, "7").allowed_values == {"Có": 1, "Không": 0}
    assert _row(annex, "3.1").value is None and _row(annex, "3.1").value_raw == ""
    assert _row(annex, "5").note.startswith("do UBND huyện chuyển xử lý")


def test_phu_luc_8_value_outside_its_codes_is_flagged():
    row = _row(_annex("Phụ lục 8"), "2")
    assert row.value == 3 and row.allowed_values == {"Chưa có": 0, "2 cấp": 1, "3 cấp": 2}
    assert "value_not_allowed" in row.flags and row.confidence < 1
    assert _row(_annex("Phụ lục 8"), "6.4").value == 70.1
    assert _row(_annex("Phụ lục 8"), "5.2.1").parent == "5.2"


def test_phu_luc_7_money_in_millions_is_ambiguous():
    row = _row(_annex("Phụ lục 7"), "1.1")
    assert row.unit == "Triệu đồng" and row.value == 3887 and "ambiguous_separator" in row.flags


def test_no_annex_in_plans():
    assert _annexes("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt") == []
    assert _annexes("000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt") == []


def test_value_parsing_by_unit():
    assert parse_stat_value("01", "Thủ tục")[0] == 1
    assert parse_stat_value("70,1", "%")[0] == 70.1
    assert parse_stat_value("14,8", "Tỷ đồng")[0] == 14.8
    assert parse_stat_value("abc", "Người")[1] == ["value_unparsed"]
    assert allowed_values("Không = 0 Có = 1") == {"Không": 0, "Có": 1}
    assert allowed_values("Văn bản") is None
