"""The share of a line's words that are a score table's header words (OCR slips allowed), counted
with rapidfuzz's extractOne and its cutoff: the same share as a ratio against every header word."""

from rapidfuzz import fuzz

from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import _HEADER_WORDS, header_share


def by_every_ratio(text: str, similarity: float) -> float:
    from extract.segment.line_header import WORD_RUN, fold

    words = [w for w in WORD_RUN.findall(fold(text)) if len(w) >= 2 or w in ("da",)]
    hits = sum(1 for w in words if max(fuzz.ratio(w, h) for h in _HEADER_WORDS) >= similarity)
    return hits / len(words) if words else 0.0


def test_a_header_line_and_a_sentence() -> None:
    assert header_share("STT | Lĩnh vực/Tiêu chí | Điểm tối đa | Điểm tự đánh giá") == 1.0
    # OCR's slips: "Tiéu chi", "Thâm định" still header words; "Xã", "Quảng" not.
    assert header_share("Tiéu chi Thâm dinh") == 1.0
    # six words ("5" alone is too short): "thanh" and "diem" are header words, "dat" near "da" (80)
    assert header_share("Xã Quảng Thành đạt 85,5 điểm") == 3 / 6
    assert header_share("") == 0.0


def test_the_same_share_as_a_ratio_per_header_word() -> None:
    lines = [
        "STT Nội dung đánh giá Điểm chuẩn Ghi chú",
        "Tai lieu kiém chitng",
        "Kế hoạch cải cách hành chính năm 2023",
        "Thang điểm Tự chấm Thẩm định",
        "vinh hoa",
    ]
    for similarity in (70.0, 85.0, 40.0):
        settings = LineTableSettings(header_word_similarity=similarity)
        for line in lines:
            assert header_share(line, settings) == by_every_ratio(line, similarity), (line, similarity)
