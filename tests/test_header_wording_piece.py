"""A criterion's name wrapped in lower case whose words a header shares ("lĩnh vực theo kế hoạch năm
của UBND tỉnh kiểm chứng": 1.1.2's middle line, the explanation's "kiểm chứng" beside it) is no
header repeated (``line_header.is_repeated_header``): a run of its words is a piece of a catalogued
criterion's wording, which a header's labels are not. Taken for a header, the line and the one
after it were skipped, the row's name and explanation cut.

The dump is the text Tesseract gave of the corpus generator's seed 662 d01-i4 (a development
seed; ``test_dump_name_first_line``'s); the explanation asserted is the generator's truth ("Chưa
đầy đủ tài liệu kiểm chứng")."""

from __future__ import annotations

from extract.model import Line
from extract.segment.line_header import holds_wording_piece, is_repeated_header
from score_dumps import read_score_dump
from test_dump_name_first_line import WRAP_TAKEN_FOR_HEADER_DUMP

DUMP = WRAP_TAKEN_FOR_HEADER_DUMP.splitlines()


def test_a_names_wrapped_line_with_header_words_is_read_into_its_row(tmp_path):
    out, _ = read_score_dump(tmp_path, "\n".join(DUMP) + "\n")
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    row = rows["1.1.2"]
    assert (row["source"]["line_start"], row["source"]["line_end"]) == (25, 27)
    assert row["explanation"].endswith("Chưa đầy đủ tài liệu kiểm chứng")
    assert row["name"] == (
        "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí"
        " thực hiện"
    )
    assert list(rows)[:6] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4"]


def test_a_header_is_still_a_header():
    for text in (
        "STT Lĩnh vực/Tiêu chí/Tiêu chí thành phần Điểm tối đa Điểm tự chấm Tài liệu kiểm chứng",
        "TT Nội dung đánh giá Điểm chuẩn Điểm xã tự chấm Ghi chú",
        "Tiéu chi, tiéu chi thanh phan Diém toi da Diém tu danh gia Giai trinh",
    ):
        assert not holds_wording_piece(text), text
        assert is_repeated_header(Line(text=text, page=1, number=1)), text
    for text in (
        DUMP[25],  # (the dump's own line: 1.1.2's middle)
        "linh vu theo ké hoach nam clia UBND tinh kiém ching",  # (the same, as English-trained OCR reads it)
    ):
        assert holds_wording_piece(text), text
        assert not is_repeated_header(Line(text=text, page=1, number=1)), text
