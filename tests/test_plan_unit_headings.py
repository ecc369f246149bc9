"""A plan whose task table has no lead column, its tasks grouped under a heading row per body that
leads them (N65's layout), printed to PDF (seed 12221, instance 2), rasterised at 300 dpi and read by
Tesseract (``vie``, psm 4) as a text dump: the headings come back "] Bộ phận Một cửa", "II | Công
anxã", "II | Phòng Văn hóa - Xã hội" (for III), "IV | Công chức Địa chính - Xây dựng". Before, the
line reader took a section only from a title in capitals or after a dotted numeral: every task came
out with no section and no lead (53 of 84 task fields right). A numeral and a title that is wholly a
unit's name, in a table with no lead column, is a heading naming the body that leads its tasks
(``task_line_rows._unit_heading``, ``task_sections.heading_lead``).
Truth (the generator's): I Bộ phận Một cửa ×4, II Công an xã ×3, III Phòng Văn hóa - Xã hội ×3,
IV Công chức Địa chính - Xây dựng ×2."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file

DUMP = Path(__file__).parent / "data" / "plan_unit_headings" / "n65-i2-psm4.txt"

TRUTH = (
    [("I", "Bộ phận Một cửa")] * 4
    + [("II", "Công an xã")] * 3
    + [("III", "Phòng Văn hóa - Xã hội")] * 3
    + [("IV", "Công chức Địa chính - Xây dựng")] * 2
)


def test_a_heading_naming_a_body_gives_its_tasks_their_section_and_lead():
    result = convert_file(DUMP)
    rows = [r for t in result.task_tables for r in t.rows]
    assert [(r.section, r.lead) for r in rows] == TRUTH
    assert rows[4].task == "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính"


def test_a_heading_whose_body_ocr_misread_a_letter_of_still_names_its_lead():
    # The last heading of an N65 plan scanned (S30 of seed 12237, instance 4) as the grid reader
    # gave its cell: "Công chức Điỉa chính - Xây đúng" (a letter added, a mark lost). Before, the
    # title was no unit as read and the section's four tasks came out with no lead, unqueued.
    # Truth (the generator's): lead "Công chức Địa chính - Xây dựng".
    from extract.segment.joined import JoinedRow, JoinedTable
    from extract.segment.task_tables import task_rows

    header = ["TT", "Tên nhiệm vụ", "Sản phẩm", "Lộ trình", "Cơ quan phối hợp"]
    grid = [
        ["I", "Phòng Văn hóa - Xã hội", "", "", ""],
        ["1", "Tổ chức phổ biến, giáo dục pháp luật cho nhân dân", "Kế hoạch", "Quý II/2026", "Các đoàn thể"],
        ["II", "Công chức Điỉa chính - Xây đúng", "", "", ""],
        ["1", "Rà soát, đề xuất đơn giản hóa thủ tục hành chính", "Quyết định", "Thường xuyên", "Các đoàn thể"],
    ]
    body = [JoinedRow(cells, [False] * 5, 1, 0, 0, 0, confs=[0.9] * 5) for cells in grid]
    rows = task_rows(JoinedTable([header], body, [1], 5, "ocr", 0, 0, 0))
    assert [(r.section, r.lead) for r in rows] == [
        ("I", "Phòng Văn hóa - Xã hội"),
        ("II", "Công chức Địa chính - Xây dựng"),
    ]
