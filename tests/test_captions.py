"""A table's title read from the lines printed over it (extract/segment/captions.py)."""

from extract.model import Line
from extract.segment.captions import printed_title


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts, start=1)]


def test_upper_case_lines_over_the_table_past_its_attachment_and_up_to_the_letterhead():
    above = _lines(
        "ỦY BAN NHÂN DÂN XÃ",
        "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ",
        "NĂM 2023",
        "(Kèm theo Báo cáo tự đánh giá của Ủy ban nhân dân xã)",
    )
    assert printed_title(above) == "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2023"
    # a scan's speck before the title, a bracketed note under it
    scanned = _lines("ỦY BAN NHÂN DÂN XÃ", "_ BẢNG TỰ CHẤM ĐIỂM CCHC", "(TRÍCH)")
    assert printed_title(scanned) == "BẢNG TỰ CHẤM ĐIỂM CCHC (TRÍCH)"


def test_a_sentence_or_a_letterhead_over_the_table_is_no_title():
    assert printed_title(_lines("Kết quả tự chấm điểm các tiêu chí như sau:")) == ""
    assert printed_title(_lines("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")) == ""
    assert printed_title([]) == ""
