"""Tables printed across (extract/segment/stat_across.py) whose body rows open with a row number
before their label: the months of a six-month annex as rows ("1 | T1 | …", "Cộng" last), and files
per procedure under bands across the table that name each field, numbered in roman in the STT cell
("II | Lĩnh vực Tư pháp - Hộ tịch"). Before, the short month label ("T1", one letter) and the roman
numeral (no word) made the body none of the shapes known, and the annex was lost whole.

Rows and figures are those of generated documents (tools/make_corpus.py --seed 20341, families
N99 and N101, instances 1 and 2: their DOCX tables as read); the expected values are their truth
files' (the six months' row, the commune's total row)."""

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_across import across_rows


def _table(header: list[list[str]], body: list[list[str]]) -> JoinedTable:
    rows = [
        JoinedRow(cells=list(c), bold=[False] * len(c), page=2, line_start=20 + i, line_end=20 + i, fragment=0)
        for i, c in enumerate(body)
    ]
    return JoinedTable(
        header=header,
        rows=rows,
        pages=[2],
        n_cols=len(header[0]),
        source="docx",
        line_start=18,
        line_end=20 + len(body),
        block_index=0,
    )


MONTHS_HEADER = [
    ["STT", "Tháng báo cáo", "Số hồ sơ theo lĩnh vực", "", "", "Tổng số", "Giải quyết đúng hạn", "Giải quyết quá hạn"]
    + ["Tỷ lệ đúng hạn (%)"],
    ["", "", "Đất đai", "Tài chính - Kế hoạch", "Xây dựng", "", "", "", ""],
]
MONTHS_BODY = [
    ["1", "T1", "9", "0", "8", "17", "16", "1", "94,12"],
    ["2", "T2", "0", "2", "6", "8", "6", "2", "75"],
    ["3", "T3", "21", "11", "16", "48", "48", "0", "100"],
    ["4", "T4", "26", "28", "20", "74", "73", "1", "98,65"],
    ["5", "T5", "17", "15", "15", "47", "46", "1", "97,87"],
    ["6", "T6", "28", "4", "16", "48", "47", "1", "97,92"],
    ["", "Cộng", "101", "60", "81", "242", "236", "6", "97,52"],
]


def test_months_as_rows_after_a_row_number_read_from_the_whole_periods_row():
    rows = across_rows(_table(MONTHS_HEADER, MONTHS_BODY))
    assert rows is not None
    # "Số hồ sơ theo lĩnh vực" spans the fields, prints no figure, and its fields add up to "Tổng số"
    # in every month: it names how the total is split, no row of its own (as the truth has it)
    assert [(r.code, r.indicator, r.value) for r in rows] == [
        ("1", "Đất đai", 101),
        ("2", "Tài chính - Kế hoạch", 60),
        ("3", "Xây dựng", 81),
        ("4", "Tổng số", 242),
        ("4.1", "Giải quyết đúng hạn", 236),
        ("4.2", "Giải quyết quá hạn", 6),
        ("4.3", "Tỷ lệ đúng hạn (%)", 97.52),
    ]
    by_name = {r.indicator: r for r in rows}
    assert by_name["Đất đai"].source.line_start == 20  # the months' lines are read too (into the notes)
    assert "T1: 9" in by_name["Đất đai"].note  # each month's figure kept in the note


BANDS_LABELS = ["STT", "Thủ tục hành chính", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Quá hạn"]
BANDS_HEADER = [BANDS_LABELS + ["Tỷ lệ đúng hạn (%)"]]
BANDS_BODY = [
    ["I", "Lĩnh vực Chứng thực", "", "", "", "", ""],
    ["1", "Chứng thực bản sao từ bản chính", "25", "25", "23", "2", "92"],
    ["2", "Chứng thực chữ ký", "20", "20", "20", "0", "100"],
    ["II", "Lĩnh vực Tư pháp - Hộ tịch", "", "", "", "", ""],
    ["3", "Đăng ký kết hôn", "21", "18", "17", "1", "94,44"],
    ["4", "Đăng ký khai tử", "16", "16", "16", "0", "100"],
    ["5", "Đăng ký khai sinh", "80", "78", "78", "0", "100"],
    ["III", "Lĩnh vực Lao động - Thương binh và Xã hội", "", "", "", "", ""],
    ["6", "Xác nhận hộ nghèo, hộ cận nghèo", "45", "42", "40", "2", "95,24"],
    ["7", "Trợ cấp xã hội hằng tháng", "29", "29", "29", "0", "100"],
    ["IV", "Lĩnh vực Văn hóa - Thông tin", "", "", "", "", ""],
    ["8", "Công nhận gia đình văn hóa", "43", "41", "41", "0", "100"],
    ["9", "Đăng ký hoạt động thư viện cộng đồng", "80", "80", "78", "2", "97,5"],
    ["", "Toàn xã", "359", "349", "342", "7", "97,99"],
]


def test_field_bands_numbered_in_roman_are_no_units_and_the_communes_row_is_read():
    rows = across_rows(_table(BANDS_HEADER, BANDS_BODY))
    assert rows is not None
    assert [(r.code, r.indicator, r.value) for r in rows] == [
        ("1", "Tiếp nhận", 359),
        ("2", "Đã giải quyết", 349),
        ("2.1", "Đúng hạn", 342),
        ("2.2", "Quá hạn", 7),
        ("2.3", "Tỷ lệ đúng hạn (%)", 97.99),
    ]


def test_field_bands_one_cell_across_do_not_stop_the_tree_by_sums():
    # the band as one merged cell reads as its text in every column (python-docx)
    body = [[c[1]] * 7 if c[0] in ("I", "II", "III", "IV") else c for c in BANDS_BODY]
    rows = across_rows(_table(BANDS_HEADER, body))
    assert rows is not None
    assert [(r.code, r.value) for r in rows] == [("1", 359), ("2", 349), ("2.1", 342), ("2.2", 7), ("2.3", 97.99)]


def test_band_numerals_a_scan_garbled_still_mark_bands():
    # the scan of the same layout (make_corpus --seed 20341, S39 instance 4: its rows as Tesseract read
    # them, "II" as "Hị", "III" as "1H"); expected values from its truth file ("Tỷ lệ" is its planted fault)
    header = [["ST", "Tên thủ tục hành chính", "Tiếp nhận", "Đã giải quyết", "Đúng hạn", "Quá hạn"] + ["Tỷ lệ (%)"]]
    body = [
        ["I", "Lĩnh vực Tư pháp - Hộ tịch", "", "", "", "", ""],
        ["1", "Đăng ký khai tử", "47", "46", "46", "0", "100"],
        ["2", "Đăng ký kết hôn", "12", "9", "9", "0", "100"],
        ["Hị", "Lĩnh vực Đất đai", "", "", "", "", ""],
        ["3", "Xác nhận nguồn gốc đất", "32", "30", "30", "0", "100"],
        ["4", "Hòa giải tranh chấp đất đai", "34", "31", "31", "0", "100"],
        ["1H", "Lĩnh vực Văn hóa - Thông tin", "", "", "", "", ""],
        ["5", "Công nhân gia đình văn hóa", "9", "8", "8", "0", "100"],
        ["6", "Đăng ký hoạt động thư viện công đồng", "69", "67", "66", "1", "98,51"],
        ["IV", "Lĩnh vực Chứng thực", "", "", "", "", ""],
        ["7", "Chứng thực chữ ký", "75", "73", "73", "0", "100"],
        ["8", "Chứng thực hợp đồng, giao dịch", "47", "45", "45", "0", "100"],
        ["", "Toàn xã", "325", "309", "308", "1", "92,43"],
    ]
    rows = across_rows(_table(header, body), ocr=True)
    assert rows is not None
    assert [(r.code, r.value) for r in rows] == [("1", 325), ("2", 309), ("2.1", 308), ("2.2", 1), ("2.3", 92.43)]
