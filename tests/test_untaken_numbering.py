"""A score table printing a running number before the criterion's own code ("STT | Mã tiêu chí |
…", the N54 layout of the thirteenth batch, held-out seed 9001): the code column's figures ("1",
"2", "1.1") sit under every maximum, yet a column headed as a code or a running number is the rows'
numbering, never a points column no field took (``untaken_columns._names_numbering``). Before,
each field row's self points went to the review queue as "the self points may be read from the
wrong column": six right values queued on a typed DOCX read whole."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.api import convert
from extract.segment.untaken_columns import _names_numbering
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
    assert all(_names_numbering(h) for h in ("Mã tiêu chí", "Mã số", "STT", "Số TT", "Số thứ tự"))
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
