"""A score table printing a running number before the criterion's own code ("STT | Mã tiêu chí |
…", the N54 layout of the thirteenth batch, held-out seed 9001): the code column's figures ("1",
"2", "1.1") sit under every maximum, yet a column headed as a code or a running number is the rows'
numbering, never a points column no field took (``untaken_columns._names_numbering``, and
``_repeats_codes`` for a column that prints each row's code again). Before,
each field row's self points went to the review queue as "the self points may be read from the
wrong column": six right values queued on a typed DOCX read whole."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.api import convert
from extract.segment.untaken_columns import _names_numbering, _repeats_codes
from tests.layout_docs import SCORE_REPORT_HEAD, plain_docx

ROWS = [
    ("STT", "Mã tiêu chí", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
    ("1", "1", "Công tác chỉ đạo, điều hành cải cách hành chính", "7", "6,5"),
    ("2", "1.1", "Kế hoạch cải cách hành chính năm", "3", "3"),
    ("3", "1.2", "Báo cáo cải cách hành chính", "2", "1,5"),
    ("4", "1.3", "Kiểm tra công tác cải cách hành chính", "2", "2"),
    ("5", "2", "Cải cách thủ tục hành chính", "6", "5"),
    ("6", "2.1", "Công khai thủ tục hành chính", "3", "2,5"),
    ("7", "2.2", "Giải quyết thủ tục hành chính đúng hạn", "3", "2,5"),
    ("", "", "Tổng cộng", "13", "11,5"),
]


def test_a_code_or_running_number_header_names_no_points_column():
    assert all(
        _names_numbering(h)
        for h in ("Mã tiêu chí", "Mã số", "STT", "Số TT", "Số thứ tự", "Ký hiệu tiêu chí", "Số hiệu")
    )
    assert not any(_names_numbering(h) for h in ("Điểm tự chấm", "Điểm tối đa", "Năm 2023", "Mức điểm"))


def test_the_code_column_beside_a_running_number_queues_nothing(tmp_path: Path):
    path = plain_docx(tmp_path / "running-and-code.docx", SCORE_REPORT_HEAD, ROWS, ("CHỦ TỊCH", "Nguyễn Văn An"))
    data = convert(path).data
    rows = {r["code"]: r for r in data["score_tables"][0]["rows"]}
    assert [rows[c]["self_points"] for c in ("1", "1.1", "1.2", "1.3", "2", "2.1", "2.2")] == [
        6.5,
        3,
        1.5,
        2,
        5,
        2.5,
        2.5,
    ]
    assert not [r for r in data["review"] if "which no field took" in r["reason"]]


# Held-out seed 10001's N54 (only the fields printed: the running number IS each row's code, taken
# as the code; the criterion's own code "1." beside it was judged an untaken points column, every
# field's right self score queued). Headed here with words no vocabulary knows: the cells say it.
FIELDS_ONLY = [
    ("TT", "Tiêu chí số", "Lĩnh vực, tiêu chí", "Điểm chuẩn", "Điểm tự đánh giá"),
    ("1", "1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "10"),
    ("2", "2.", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "10", "9,5"),
    ("3", "3.", "Cải cách thủ tục hành chính", "14,5", "14,5"),
    ("4", "4.", "Cải cách tổ chức bộ máy hành chính", "11", "11"),
    ("5", "5.", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", "16", "14,5"),
    ("", "", "Tổng cộng", "61,5", "59,5"),
]


def test_a_column_repeating_the_rows_codes_is_numbering_whatever_its_header(tmp_path: Path):
    assert _repeats_codes(["1.", "2.", "3."], ["1", "2", "3"], 0.9)
    assert not _repeats_codes(["1", "1,5", "3"], ["1", "2", "3"], 0.9)  # points, one of them equal to a code
    path = plain_docx(tmp_path / "fields-only.docx", SCORE_REPORT_HEAD, FIELDS_ONLY, ("CHỦ TỊCH", "Nguyễn Văn An"))
    data = convert(path).data
    rows = data["score_tables"][0]["rows"]
    assert [r["self_points"] for r in rows if r["code"]] == [10, 9.5, 14.5, 11, 14.5]
    assert not [r for r in data["review"] if "which no field took" in r["reason"]]
