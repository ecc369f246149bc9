"""A table by unit printed across (``stat_across_units``) whose row of units a scan specked: the
units row is still told apart when a speck stands beside a unit's bracket."""

from __future__ import annotations

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_across import across_rows
from extract.segment.stat_across_units import unit_row_apart

# The header and body as Tesseract read them from a real scan (spent seed 10001, S27 instance 1:
# the scan of N50's annex "by hamlet", page 2, 264 dpi, askew): paper dust before the fourth unit
# made it "-(Ñhiêm vu)".
HEADER = [
    [
        "STT",
        "Đơn vị",
        "1. Số cuộc tuyên truyền CCHC",
        "2. Số nhiệm vụ trong Kế hoạch CCHC năm",
        "2.1. Số nhiệm vụ đã hoàn thành",
        "2.2. Số nhiệm vụ chưa hoàn thành",
        "2.3. Tỷ lệ hoàn thành Kế hoạch CCHC năm",
        "3. Tổng số hồ sơ TTHC tiếp nhận trong kỳ",
        "3.1. Số hồ sơ tiếp nhận trực tuyến",
        "3.2. Số hồ sơ tiếp nhận trực tiếp và qua bưu chính",
        "3.3. Tỷ lệ hồ sơ tiếp nhận trực tuyến",
        "4. Số sáng kiến, giải pháp CCHC được công nhân",
    ],
    [
        "",
        "Đơn vị tính",
        "(Lượt)",
        "(Nhiêm vụ)",
        "(Nhiêm vụ)",
        "-(Ñhiêm vu)",
        "(%)",
        "(Hồ sơ)",
        "(Hồ sơ)",
        "(Hồ sơ)",
        "(%)",
        "(Sáng kiến)",
    ],
]
BODY = [
    ["1", "Thôn 1", "29", "", "", "", "", "37", "37", "0", "100", "0"],
    ["2", "Thôn 2", "6", "", "", "", "", "28", "28", "0", "100", "0"],
    ["3", "Thôn 3", "8", "", "", "", "", "40", "37", "3", "92,5", "0"],
    ["4", "Thôn 4", "1", "", "", "", "", "28", "28", "0", "100", "2"],
    ["5", "Thôn 5", "1", "", "", "", "", "137", "137", "0", "100", "0"],
    ["", "Toàn xã", "45", "20", "17", "3", "85", "270", "267", "3", "98,89", "2"],
]


def _table() -> JoinedTable:
    rows = [
        JoinedRow(cells=list(c), bold=[False] * len(c), page=2, line_start=20 + i, line_end=20 + i, fragment=0)
        for i, c in enumerate(BODY)
    ]
    return JoinedTable(
        header=[list(h) for h in HEADER],
        rows=rows,
        pages=[2],
        n_cols=12,
        source="ocr",
        line_start=18,
        line_end=26,
        block_index=3,
    )


def test_a_specked_unit_still_makes_its_row_the_units():
    header, units = unit_row_apart(HEADER)
    assert header == HEADER[:1]
    assert units[5] == "Ñhiêm vu" and units[2] == "Lượt" and units[11] == "Sáng kiến"


def test_the_communes_row_is_read_under_the_specked_units_row():
    rows = across_rows(_table(), ocr=True)
    assert rows is not None
    # the truth (generator's): codes, values and units of the commune's row "Toàn xã"
    truth = [
        ("1", 45.0, "Lượt"),
        ("2", 20.0, "Nhiệm vụ"),
        ("2.1", 17.0, "Nhiệm vụ"),
        ("2.2", 3.0, "Nhiệm vụ"),
        ("2.3", 85.0, "%"),
        ("3", 270.0, "Hồ sơ"),
        ("3.1", 267.0, "Hồ sơ"),
        ("3.2", 3.0, "Hồ sơ"),
        ("3.3", 98.89, "%"),
        ("4", 2.0, "Sáng kiến"),
    ]
    assert [(r.code, r.value) for r in rows] == [(code, value) for code, value, _ in truth]
    assert [r.unit for r in rows if r.code not in ("2", "2.1", "2.2")] == [
        u for c, _, u in truth if c not in ("2", "2.1", "2.2")
    ]
