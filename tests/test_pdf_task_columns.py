"""A plan's task table typed at tab stops, printed to PDF by LibreOffice (extract/pdf_task_columns.py):
no ruling, no gutter down the block (a task's text runs up to the lead's stop), so the columns come
from the header's labels and each printed line's pieces go into the column they start in. Each
file is a real DOCX typed with python-docx's tab stops and a hanging indent, converted by
``soffice``; the PDF's tasks are asserted against the DOCX's (its tab stops read by
``docx_tab_stops``) and against the rows as typed."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_TAB_ALIGNMENT

from cchc_extract.pipeline import convert_file
from tests.layout_docs import to_pdf, typed_at_stops

# The lead unit's and the deadline's stops (left-aligned) on a landscape page, as a plan's task
# appendix is printed; the task at the hanging indent (1,2 cm).
STOPS = ((11.0, WD_TAB_ALIGNMENT.LEFT), (17.0, WD_TAB_ALIGNMENT.LEFT))


def _typed(document, text: str, stops=STOPS, bold: bool = False, indent_cm: float = 1.2) -> None:
    """A paragraph typed at ``stops`` (``layout_docs.typed_at_stops``), 2 pt after it."""
    typed_at_stops(document, text, stops, bold, indent_cm, space_after_pt=2)


def _plan(tmp_path: Path, header: list[str], rows: list[str], name: str, stops=STOPS, header_stops=None) -> Path:
    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025")
    document.add_paragraph("Để triển khai thực hiện, UBND xã giao nhiệm vụ cụ thể như sau:")
    for line in header:
        _typed(document, line, header_stops or stops, bold=True)
    for row in rows:
        _typed(document, row, stops, bold=row.startswith(("I.", "II.")))
    document.add_paragraph("")
    document.add_paragraph("Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND xã An Bình.")
    path = tmp_path / name
    document.save(str(path))
    return path


HEADER = ["TT\tNội dung\tĐơn vị chủ trì\tThời hạn"]
# A deadline's label wrapped by hand over two lines, the lower one typed after two tabs.
WRAPPED_HEADER = ["TT\tNội dung\tĐơn vị chủ trì\tThời gian\n\t\thoàn thành"]
ROWS = [
    "I. CẢI CÁCH THỂ CHẾ",
    "1\tRà soát, hệ thống hóa văn bản quy phạm\tCông chức Tư pháp\tQuý II/2025\npháp luật do xã ban hành\t- Hộ tịch",
    "2\tTuyên truyền, phổ biến pháp luật\tCông chức Tư pháp\tThường xuyên",
    "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH",
    "3\tCông khai thủ tục hành chính tại Bộ phận\tVăn phòng HĐND\tThường xuyên\nmột cửa\tvà UBND",
    "4\tRà soát, đơn giản hóa thủ tục hành chính\t\tTháng 6/2025",  # (the lead typed blank)
]
TRUTH = [
    (
        "1",
        "I",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật do xã ban hành",
        "Công chức Tư pháp - Hộ tịch",
        "Quý II/2025",
    ),
    ("2", "I", "Tuyên truyền, phổ biến pháp luật", "Công chức Tư pháp", "Thường xuyên"),
    ("3", "II", "Công khai thủ tục hành chính tại Bộ phận một cửa", "Văn phòng HĐND và UBND", "Thường xuyên"),
    ("4", "II", "Rà soát, đơn giản hóa thủ tục hành chính", "", "Tháng 6/2025"),
]


def _tasks(result) -> list[tuple]:
    return [(r.code, r.section, r.criterion or r.task, r.lead, r.deadline) for t in result.task_tables for r in t.rows]


def _printed(source: Path) -> Path:
    pdf = to_pdf(source)
    if pdf is None:
        pytest.skip("LibreOffice could not print the DOCX")
    return pdf


def test_a_task_table_at_tab_stops_reads_from_the_pdf_as_from_the_docx(tmp_path):
    source = _plan(tmp_path, HEADER, ROWS, "plan.docx")
    pdf = _printed(source)
    typed, printed = convert_file(source), convert_file(pdf)
    assert _tasks(typed) == TRUTH
    assert _tasks(printed) == _tasks(typed)
    assert printed.task_tables[0].columns == typed.task_tables[0].columns
    # a section's title typed across the lead's column is the section's, not a lead
    assert printed.task_tables[0].rows[2].section_title == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH VÀ HIỆN ĐẠI HÓA NỀN HÀNH CHÍNH"
    # never a score table of tasks with no points, and nothing left over untold
    assert not printed.score_tables and not printed.unread
    # the blank lead is said, as from the DOCX
    assert any("lead" in flag for flag in printed.task_tables[0].rows[3].flags)
    # each task points at the printed lines it came from (a wrapped task: its two lines)
    assert printed.task_tables[0].rows[0].source.page == 1


def test_a_header_wrapped_over_two_printed_lines_is_joined_by_column(tmp_path):
    """The deadline's label printed as "Thời gian" over "hoàn thành": the lower line is the
    header's, joined to the column it stands under, not a line before the first task."""
    result = convert_file(_printed(_plan(tmp_path, WRAPPED_HEADER, ROWS, "wrapped.docx")))
    assert _tasks(result) == TRUTH
    assert result.task_tables[0].columns == ["TT", "Nội dung", "Đơn vị chủ trì", "Thời gian hoàn thành"]
    assert not result.unread and not result.score_tables


def test_a_line_between_tasks_that_fits_no_column_is_told(tmp_path):
    """A note typed at the margin among the tasks (no code in the code column) is placed in no
    column: the tasks round it are read, the note is an unread part of kind "rows"."""
    rows = [*ROWS[:3], "Ghi chú: nhiệm vụ chuyển tiếp từ năm 2024 sang", *ROWS[3:]]
    result = convert_file(_printed(_plan(tmp_path, HEADER, rows, "noted.docx")))
    assert _tasks(result) == TRUTH
    told = [u for u in result.unread if u.kind == "rows"]
    assert len(told) == 1 and "Ghi chú" in told[0].text_sample


def test_a_score_table_at_tab_stops_is_not_taken_for_tasks(tmp_path):
    """A header naming points is no task header: the block is left to the borderless score reader."""
    stops = ((12.8, WD_TAB_ALIGNMENT.CENTER), (16.4, WD_TAB_ALIGNMENT.CENTER))
    rows = [
        "1.\tCông tác chỉ đạo, điều hành\t7\t5",
        "1.1\tKế hoạch cải cách hành chính năm\t3\t2",
        "1.2\tBáo cáo định kỳ\t4\t3",
    ]
    source = _plan(tmp_path, ["TT\tNội dung\tĐiểm tối đa\tĐiểm tự chấm"], rows, "score.docx", stops)
    result = convert_file(_printed(source))
    assert not result.task_tables
    assert [(r.code, r.max_points, r.self_points) for t in result.score_tables for r in t.rows] == [
        ("1", 7.0, 5.0),
        ("1.1", 3.0, 2.0),
        ("1.2", 4.0, 3.0),
    ]


def test_labels_centred_over_their_columns_still_place_the_cells(tmp_path):
    """The header typed at centred stops of its own, the tasks at left stops: a label starts right
    of its column's cells, which say where the column starts."""
    centred = ((13.5, WD_TAB_ALIGNMENT.CENTER), (19.2, WD_TAB_ALIGNMENT.CENTER))
    header = ["TT\tNội dung\tĐơn vị chủ trì\tThời hạn"]
    result = convert_file(_printed(_plan(tmp_path, header, ROWS, "centred.docx", header_stops=centred)))
    assert _tasks(result) == TRUTH
    assert not result.unread and not result.score_tables


def test_a_wrapped_task_line_parted_at_a_wide_space_stays_the_tasks(tmp_path):
    """A task's wrapped line whose words stand apart by a wide space (as OCR parts a scanned line
    at a wide word space): the piece after the space starts between the task's label and the
    lead's, but no other line starts there, so it is no column's start and stays the task's."""
    rows = [
        "I. CẢI CÁCH THỂ CHẾ",
        "1\tRà soát, kiểm tra văn bản quy phạm\tPhòng Kinh tế\tQuý IV/2025\n"
        "pháp luật do HĐND,          UBND xã ban hành",
        "2\tTuyên truyền, phổ biến pháp luật\tCông chức Tư pháp\tThường xuyên",
    ]
    result = convert_file(_printed(_plan(tmp_path, HEADER, rows, "spaced.docx")))
    assert _tasks(result) == [
        (
            "1",
            "I",
            "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành",
            "Phòng Kinh tế",
            "Quý IV/2025",
        ),
        ("2", "I", "Tuyên truyền, phổ biến pháp luật", "Công chức Tư pháp", "Thường xuyên"),
    ]
