"""Statistics annexes numbered in ways the corpus's forms do not print, as real DOCX files: a
lettered item written as a bare letter in the code column ("a", "b"), a breakdown's rows opened by
a bullet ("-"), and a percentage row whose label names what none of the counts above it counts.
Written from a probe of layouts after stop 39 (the letters glued to the indicator, the bullets
parentless, the percentage checked against the wrong pair and told the commune's fault)."""

from pathlib import Path

import pytest

import cchc_extract
from layout_docs import CLOSE, decree30_head, plain_docx

HEAD = decree30_head(
    "XÃ AN BÌNH",
    "88/BC-UBND",
    "An Bình, ngày 20 tháng 6 năm 2025",
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2025",
) + ("Thực hiện Kế hoạch số 5/KH-UBND, UBND xã báo cáo như sau:", "BIỂU THỐNG KÊ SỐ LIỆU CẢI CÁCH HÀNH CHÍNH")


def _annex(path: Path, rows: list[tuple[str, str, str, str]]) -> Path:
    header = ("STT", "Nội dung", "Đơn vị tính", "Số liệu", "Ghi chú")
    return plain_docx(path, HEAD, [header] + [(*r, "") for r in rows], CLOSE + ("Phạm Văn Hùng",))


ROWS = [
    ("I", "Công tác chỉ đạo, điều hành", "", ""),
    ("a", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "12"),
    ("b", "Số cuộc kiểm tra CCHC", "Cuộc", "4"),
    ("II", "Thủ tục hành chính", "", ""),
    ("a", "Tổng số hồ sơ tiếp nhận", "Hồ sơ", "1245"),
    ("-", "Trực tuyến", "Hồ sơ", "856"),
    ("-", "Trực tiếp", "Hồ sơ", "389"),
    ("b", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", "99,8"),
]


def _rows(result) -> list[tuple]:
    return [(r["code"], r["indicator"], r["value"], r["parent"]) for a in result.data["statistics"] for r in a["rows"]]


def test_bare_letters_are_items_and_bullets_break_down_the_row_above(tmp_path):
    result = cchc_extract.convert(_annex(tmp_path / "letters.docx", ROWS))
    assert _rows(result) == [
        ("I", "Công tác chỉ đạo, điều hành", None, None),
        ("I.a", "Số văn bản chỉ đạo CCHC đã ban hành", 12.0, "I"),
        ("I.b", "Số cuộc kiểm tra CCHC", 4.0, "I"),
        ("II", "Thủ tục hành chính", None, None),
        ("II.a", "Tổng số hồ sơ tiếp nhận", 1245.0, "II"),
        (None, "Trực tuyến", 856.0, "II.a"),
        (None, "Trực tiếp", 389.0, "II.a"),
        ("II.b", "Tỷ lệ hồ sơ giải quyết đúng hạn", 99.8, "II"),
    ]
    sums = [c for c in result.data["checks"] if c["code"] == "II.a"]
    assert [c["status"] for c in sums] == ["ok"]  # 856 + 389 = 1245: the bullets are its parts


def test_a_bullet_part_that_breaks_the_sum_is_the_communes_fault(tmp_path):
    rows = [r if r[1] != "Trực tiếp" else ("-", "Trực tiếp", "Hồ sơ", "398") for r in ROWS]
    result = cchc_extract.convert(_annex(tmp_path / "fault.docx", rows))
    assert [c["status"] for c in result.data["checks"] if c["code"] == "II.a"] == ["mismatch"]


@pytest.mark.parametrize("numbering", ["letters", "flat"])
def test_a_share_of_counts_the_annex_does_not_print_is_no_fault(tmp_path, numbering):
    rows = ROWS if numbering == "letters" else [(str(k), *r[1:]) for k, r in enumerate(ROWS, 1)]
    result = cchc_extract.convert(_annex(tmp_path / f"{numbering}.docx", rows))
    ratio = [c for c in result.data["checks"] if c["kind"] == "ratio"]
    assert [c["status"] for c in ratio] == ["skipped"]
    assert "names what none of those counts counts" in ratio[0]["message"]
    assert not result.mismatches


def test_a_share_worded_as_its_count_is_still_checked(tmp_path):
    rows = [*ROWS[:7], ("-", "Giải quyết đúng hạn", "Hồ sơ", "1200"), ROWS[7]]
    result = cchc_extract.convert(_annex(tmp_path / "worded.docx", rows))
    ratio = [c for c in result.data["checks"] if c["kind"] == "ratio"]
    # 1200/1245 = 96,39%, printed 99,8%: the commune's figures disagree
    assert [c["status"] for c in ratio] == ["mismatch"]


def test_a_plan_against_actual_annex_keeps_its_other_figure_columns_in_the_note(tmp_path):
    """ "Thực hiện | Kế hoạch | Tỷ lệ": the figure is what was done; the plan's figure and the share
    no role takes are the commune's figures too, kept in the note (they were dropped silently)."""
    header = ("STT", "Chỉ tiêu", "Đơn vị", "Thực hiện", "Kế hoạch", "Tỷ lệ")
    rows = [
        ("1", "Số văn bản chỉ đạo CCHC đã ban hành", "Văn bản", "12", "10", "120%"),
        ("2", "Số cuộc kiểm tra CCHC", "Cuộc", "4", "4", "100%"),
        ("3", "Tổng số hồ sơ tiếp nhận", "Hồ sơ", "1245", "1100", ""),
    ]
    result = cchc_extract.convert(plain_docx(tmp_path / "plan_actual.docx", HEAD, [header, *rows], CLOSE))
    read = [(r["code"], r["value"], r["note"]) for a in result.data["statistics"] for r in a["rows"]]
    assert read == [
        ("1", 12.0, "Kế hoạch: 10; Tỷ lệ: 120%"),
        ("2", 4.0, "Kế hoạch: 4; Tỷ lệ: 100%"),
        ("3", 1245.0, "Kế hoạch: 1100"),
    ]
