"""An annex header whose labels wrap over more lines than ``header_lines`` (issue 11): a form of many
narrow columns (code, indicator, unit, plan, result, share, note) prints each label over four
lines and more, so the result's label ("Thực" / "hiện") and the note's ("Ghi" / "chú") are named
only once its short lines are joined, and the whole annex was lost (rows 0/22). The real Tesseract
5 dump of seed 21001's D27 (N74, plan first, ``eng``, ``--psm 4``)::

    ST Noi dung chi tiéu DVT | Ké hoach Thuc Ty lé % so Ghi
    T nam 2024 | hien6 voi ké cha
    thang hoach
    dau nam
    2024

The values asserted are the generator's truth beside the dump (the result's column: the plan is
printed first)."""

from __future__ import annotations

from pathlib import Path

from annex69_data import truth_values
from annex70_data import converted_annex
from extract.model import Line
from extract.segment.stat_line_header import _header_span
from extract.segment.stat_lines import StatLineSettings

DUMP = Path(__file__).parent / "data" / "dumps80" / "d21001-n74-ratio-to-plan-plan-first-eng-psm4.txt"

HEADER = [
    "ST Nội dung chỉ tiêu DVT | Kế hoạch Thực Tỷ lệ % sở Ghi",
    "T năm 2024 | hien6 với kế chủ",
    "tháng hoạch",
    "đầu năm",
    "2024",
    "1 | Số sáng kiến, giải pháp CCHC được Sáng 2 1 50",
]


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts)]


def test_a_header_takes_its_labels_short_wrapped_lines_not_a_sentence():
    assert _header_span(_lines(HEADER), 0, StatLineSettings()) == (0, 4)
    # (a sentence below a header-like line is no label's wrapped words)
    prose = [HEADER[0], "UBND xã triển khai các nhiệm vụ cải cách hành chính theo kế hoạch năm 2024 của huyện"]
    assert _header_span(_lines(prose), 0, StatLineSettings()) is None


def test_the_annex_under_a_header_wrapped_over_five_lines_is_read():
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    assert set(rows) == set(values)
    for code, value in values.items():
        assert rows[code]["value"] == value, code
