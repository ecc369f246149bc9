"""A table printed in two halves side by side (``extract/segment/side_halves.py``): a DOCX written
here, its score table's header "STT | Tiêu chí | Thang điểm | Tự chấm" printed twice in one row, a
field going on at the top of the right half under no heading, the total closing the right half."""

from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.shared import Cm

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.side_halves import halves_in_order

HALF = ["STT", "Tiêu chí đánh giá", "Thang điểm", "Điểm UBND xã tự chấm"]
# The table in print order: left half then right half (1.3 goes on at the top of the right half).
LEFT = [
    ["1.", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"],
    ["1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "2"],
    ["1.2", "Mức độ thực hiện kế hoạch cải cách hành chính", "2", "1"],
    ["1.3", "Kiểm tra công tác cải cách hành chính", "2", "2"],
]
RIGHT = [
    ["2.", "Cải cách thủ tục hành chính", "4", "3,5"],
    ["2.1", "Công khai thủ tục hành chính đầy đủ, đúng quy định", "2", "2"],
    ["2.2", "Giải quyết hồ sơ thủ tục hành chính đúng hạn", "2", "1,5"],
    ["", "Tổng số điểm", "10", "8,5"],
]


def _report(path: Path) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024")
    table = document.add_table(rows=1 + len(LEFT), cols=2 * len(HALF))
    for c, text in enumerate(HALF + HALF):
        table.cell(0, c).text = text
    for r in range(len(LEFT)):
        for c, text in enumerate(LEFT[r] + RIGHT[r]):
            table.cell(1 + r, c).text = text
    for text in ["Nơi nhận:", "- Lưu: VT."]:
        document.add_paragraph(text)
    document.save(path)
    return path


def test_the_right_half_is_read_after_the_left_one(tmp_path: Path):
    path = _report(tmp_path / "hai-nua.docx")
    out = result_to_json(convert_file(path, path.name))
    assert len(out["score_tables"]) == 1
    rows = [(r["code"], r["name"], r["max_points"], r["self_points"]) for r in out["score_tables"][0]["rows"]]
    want = [(c.rstrip("."), n, float(m), float(s.replace(",", "."))) for c, n, m, s in LEFT + RIGHT[:-1]]
    assert rows == want  # every criterion once, in print order, no right-half code taken for points
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (10.0, 8.5)  # the right half's last row
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]  # the sums hold read in order
    assert out["unread"] == []


def _table(header: list[list[str]], rows: list[list[str]]) -> JoinedTable:
    n = len(header[0])
    return JoinedTable(
        header=header,
        rows=[JoinedRow(cells=r, bold=[False] * n, page=1, line_start=0, line_end=0, fragment=0) for r in rows],
        pages=[1],
        n_cols=n,
        source="docx",
        line_start=0,
        line_end=0,
        block_index=0,
    )


def test_a_gutter_column_between_the_halves_is_left_out_and_padding_dropped():
    table = _table([HALF + [""] + HALF], [LEFT[0] + [""] + RIGHT[0], ["", "", "", "", "", *RIGHT[1]]])
    read = halves_in_order(table)
    assert read.n_cols == 4 and read.header == [HALF]
    assert [r.cells for r in read.rows] == [LEFT[0], RIGHT[0], RIGHT[1]]  # the blank left cells dropped


def test_repeated_sub_columns_under_different_heads_are_one_table():
    # Two periods, each "Số lượng | Tỷ lệ": the sub-labels repeat, the heads over them do not.
    header = [
        ["STT", "Nội dung", "Năm 2024", "Năm 2024", "Năm 2025", "Năm 2025"],
        ["STT", "Nội dung", "Số lượng", "Tỷ lệ", "Số lượng", "Tỷ lệ"],
    ]
    table = _table(header, [["1", "Hồ sơ tiếp nhận", "120", "95", "130", "97"]])
    assert halves_in_order(table) is table
    # and two repeated labels are too few for a half ("Số lượng | Tỷ lệ | Số lượng | Tỷ lệ")
    sub_columns = _table([["Số lượng", "Tỷ lệ"] * 2], [["1", "2", "3", "4"]])
    assert halves_in_order(sub_columns) is sub_columns


def test_a_half_whose_label_lost_its_last_word_still_repeats_the_other():
    # A scanned annex in two panels (generator's layout "two panels at middle"): OCR read the left
    # panel's unit label "Đơn vị tính" and the right one's "Đơn vị". Rows and values are the
    # generator's truth file's (1 → 0 Sáng kiến, 4.2 → 16 Hồ sơ); the header as the scan's OCR read it.
    header = [["TT", "Chỉ tiêu", "Đơn vị tính", "Kết quả", "TT", "Chỉ tiêu", "Đơn vị", "Kết quả"]]
    left = ["1", "Số sáng kiến, giải pháp CCHC được công nhận", "Sáng kiến", "0"]
    right = ["4.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "16"]
    read = halves_in_order(_table(header, [left + right]))
    assert read.n_cols == 4 and read.header == [header[0][:4]]
    assert [r.cells for r in read.rows] == [left, right]  # the right panel's row is a row, not a note
    # a label that shares only a first word with its twin names another column: one table
    other = [["TT", "Chỉ tiêu", "Số lượng", "Kết quả", "TT", "Chỉ tiêu", "Số lượt", "Kết quả"]]
    table = _table(other, [left + right])
    assert halves_in_order(table) is table
