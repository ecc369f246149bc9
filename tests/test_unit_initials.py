"""A unit written whole in one row and abbreviated to its initials in the next ("Tổng số thủ tục
hành chính" over "Số TTHC …", "cán bộ, công chức" and "CBCC"): one unit, so the parts' sum and a
percentage of the whole are checked. Before, the units' keys differed and a percentage the counts
do not give ("84,82%" where 121/137 = 88,32%) went unchecked. Real DOCX files the test writes."""

from pathlib import Path

import cchc_extract
from layout_docs import CLOSE, decree30_head, plain_docx
from normalize.count_units import same_unit

HEAD = decree30_head(
    "XÃ ĐÔNG HƯNG",
    "41/BC-UBND",
    "Đông Hưng, ngày 15 tháng 12 năm 2025",
    "BÁO CÁO",
    "Kết quả công tác cải cách hành chính năm 2025",
) + ("UBND xã báo cáo kết quả như sau:", "BIỂU SỐ LIỆU CẢI CÁCH HÀNH CHÍNH")


def _annex(path: Path, share: str) -> Path:
    header = ("STT", "Nội dung", "Đơn vị tính", "Số liệu", "Ghi chú")
    rows = [
        ("1", "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết của UBND xã", "thủ tục hành chính", "137"),
        ("1.1", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "TTHC", "121"),
        ("1.2", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "TTHC", "16"),
        ("1.3", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "%", share),
        ("2", "Số cán bộ, công chức cấp xã", "cán bộ, công chức", "24"),
        ("2.1", "Số CBCC đạt chuẩn", "CBCC", "22"),
        ("2.2", "Số CBCC chưa đạt chuẩn", "CBCC", "2"),
    ]
    return plain_docx(path, HEAD, [header] + [(*r, "") for r in rows], CLOSE + ("Lê Thị Hoa",))


def _checks(result, code: str) -> list[tuple[str, str]]:
    return [(c["kind"], c["status"]) for c in result.data["checks"] if c["code"] == code]


def test_a_share_of_a_whole_written_in_full_over_parts_abbreviated_is_checked(tmp_path):
    wrong = cchc_extract.convert(_annex(tmp_path / "wrong.docx", "84,82"))
    assert ("ratio", "mismatch") in _checks(wrong, "1.3")  # 121/137 is 88,32%, not 84,82%
    right = cchc_extract.convert(_annex(tmp_path / "right.docx", "88,32"))
    assert ("ratio", "ok") in _checks(right, "1.3")
    # The parts in the abbreviated unit are the whole's: 121 + 16 = 137.
    assert [s for k, s in _checks(right, "1") if k == "total_parts"] == ["ok"]


def test_initials_are_one_unit_and_two_letters_or_other_words_are_not():
    assert same_unit("TTHC", "thủ tục hành chính") and same_unit("cán bộ, công chức", "CBCC")
    assert same_unit("Hồ sơ", "Hồsơ")  # the key as before: OCR joins a unit's words
    assert not same_unit("HS", "hồ sơ")  # two letters are many words' initials
    assert not same_unit("TTHC", "thủ tục")  # initials of other words
    assert not same_unit("tthc", "thủ tục hành chính")  # a word, not an abbreviation in capitals
