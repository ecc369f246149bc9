"""Tables typed at a DOCX's own tab stops (extract/docx_tab_stops.py, extract/segment/tab_headers.py,
extract/segment/tab_tables.py), from real DOCX files made with python-docx's tab stops and a
hanging indent, as the corpus's tab-aligned layouts are typed: each piece stands at the stop its
tab reaches, so a cell typed blank (two tabs) leaves its column blank; a header wrapped over two
typed lines is joined column by column; a task framework typed at tab stops is read as a grid, its
sections and its cells' next lines kept, a blank unit said."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.enum.text import WD_TAB_ALIGNMENT

from cchc_extract.pipeline import convert_file
from extract.base import ingest
from extract.model import Line
from extract.segment.tab_tables import TYPED_COLUMNS
from tests.layout_docs import typed_at_stops as _typed

# A score table's stops: the name at the hanging indent (1,2 cm), the figures centred.
SCORE_STOPS = ((12.8, WD_TAB_ALIGNMENT.CENTER), (15.6, WD_TAB_ALIGNMENT.CENTER))
# A task framework's: the name at the hanging indent, the lead unit and the deadline left-aligned.
TASK_STOPS = ((9.5, WD_TAB_ALIGNMENT.LEFT), (14.0, WD_TAB_ALIGNMENT.LEFT))


def _document(tmp_path: Path, header: list[str], rows: list[str], stops, name: str) -> Path:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Cải cách hành chính năm 2025")
    for line in header:
        _typed(document, line, stops, bold=True)
    for row in rows:
        _typed(document, row, stops, bold=row[:1].isupper() and row[:2] != "1.")
    document.add_paragraph("Trên đây là Kế hoạch cải cách hành chính năm 2025 của UBND xã An Bình.")
    document.add_paragraph("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
    path = tmp_path / name
    document.save(str(path))
    return path


SCORE_ROWS = [
    "1.\tCông tác chỉ đạo, điều hành cải cách hành\nchính\t7\t5",
    "1.1\tKế hoạch cải cách hành chính năm\t3\t1,5",
    "1.2\tThực hiện chế độ báo cáo cải cách hành\nchính định kỳ\t\t1,5",  # (the maximum typed blank)
    "1.3\tCông tác tuyên truyền cải cách hành chính\t2\t2",
    "Tổng cộng\t7\t5",
]


def _rows(result) -> list[tuple]:
    return [(r.code, r.name, r.max_points, r.self_points) for t in result.score_tables for r in t.rows]


def test_each_piece_stands_at_the_stop_its_tab_reaches(tmp_path):
    path = _document(tmp_path, ["TT\tNội dung\tĐiểm tối đa\tĐiểm tự chấm"], SCORE_ROWS, SCORE_STOPS, "stops.docx")
    lines = {b.text: b for b in ingest(path).blocks() if isinstance(b, Line)}
    name, top, own = 34.0, 362.85, 442.2  # (1,2 cm; 12,8 cm; 15,6 cm in points)
    assert lines["TT Nội dung Điểm tối đa Điểm tự chấm"].column_stops == [0.0, name, top, own]
    # a line broken by hand starts at the indent, under the name
    assert lines["chính 7 5"].column_stops == [name, top, own]
    # two tabs: the maximum's stop passed by, the points under their own column
    assert lines["chính định kỳ 1,5"].column_stops == [name, own]
    # a total's label typed at the margin runs past the name's stop: its first tab reaches the maximum's
    assert lines["Tổng cộng 7 5"].column_stops == [0.0, top, own]
    # a paragraph with no stops of its own places nothing (default stops say nothing of columns)
    assert lines["Nơi nhận: TM. ỦY BAN NHÂN DÂN"].column_stops == []


def test_a_cell_typed_blank_leaves_its_column_blank(tmp_path):
    path = _document(tmp_path, ["TT\tNội dung\tĐiểm tối đa\tĐiểm tự chấm"], SCORE_ROWS, SCORE_STOPS, "blank.docx")
    result = convert_file(path)
    assert _rows(result) == [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 7.0, 5.0),
        ("1.1", "Kế hoạch cải cách hành chính năm", 3.0, 1.5),
        # (by the pieces alone the 1,5 would be taken for the maximum: the blank is the last column)
        ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", None, 1.5),
        ("1.3", "Công tác tuyên truyền cải cách hành chính", 2.0, 2.0),
    ]
    assert result.score_tables[0].read_from == TYPED_COLUMNS
    assert (result.score_tables[0].stated_total_max, result.score_tables[0].stated_total_self) == (7.0, 5.0)


def test_a_header_wrapped_over_two_typed_lines_is_joined_by_column(tmp_path):
    rows = [row.replace("\t\t1,5", "\t2\t1,5") for row in SCORE_ROWS]
    header = ["TT\tNội dung\tĐiểm\tĐiểm", "\t\ttối đa\ttự chấm"]
    path = _document(tmp_path, header, rows, SCORE_STOPS, "wrapped.docx")
    result = convert_file(path)
    assert [r[2:] for r in _rows(result)] == [(7.0, 5.0), (3.0, 1.5), (2.0, 1.5), (2.0, 2.0)]
    assert result.score_tables[0].read_from == TYPED_COLUMNS
    assert result.score_tables[0].rows[2].name == "Thực hiện chế độ báo cáo cải cách hành chính định kỳ"
    assert not result.unread


def test_a_header_wrapped_with_no_stops_is_joined_from_the_right(tmp_path):
    # (a paragraph with no stops of its own: the lower line typed after two tabs, collapsed to one
    # gap, fills the last columns; each name broken by hand with its figures after its last line)
    document = docx.Document()
    document.add_paragraph("KẾ HOẠCH")
    for line in ("STT\tTiêu chí\tĐiểm\tĐiểm", "\t\tchuẩn\tđạt"):
        document.add_paragraph(line).runs[0].bold = True
    for row in (
        "1.\tCông tác chỉ đạo, điều hành cải cách hành\nchính\t7\t5",
        *SCORE_ROWS[1:2],
        "1.2\tThực hiện chế độ báo cáo cải cách hành\nchính định kỳ\t2\t1,5",
    ):
        para = document.add_paragraph()
        for k, part in enumerate(row.split("\n")):
            run = para.add_run(part)
            if k < row.count("\n"):
                run.add_break()
    document.add_paragraph("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
    path = tmp_path / "nostops.docx"
    document.save(str(path))
    result = convert_file(path)
    assert _rows(result) == [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 7.0, 5.0),
        ("1.1", "Kế hoạch cải cách hành chính năm", 3.0, 1.5),
        ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", 2.0, 1.5),
    ]
    assert result.score_tables[0].read_from == TYPED_COLUMNS


TASK_ROWS = [
    "I. CẢI CÁCH THỂ CHẾ",
    "1\tRà soát, hệ thống hóa văn bản quy phạm\tCông chức Tư pháp -\tQuý II/2025\npháp luật do xã ban hành\tHộ tịch",
    "2\tTuyên truyền, phổ biến pháp luật\tCông chức Tư pháp\tThường xuyên",
    "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "3\tCông khai thủ tục hành chính tại\tVăn phòng\tThường xuyên\nBộ phận một cửa\tHĐND và UBND",
    "4\tRà soát, đơn giản hóa thủ tục hành chính\t\tTháng 6/2025",  # (the lead typed blank)
]


def test_a_task_framework_typed_at_tab_stops_is_read_as_a_grid(tmp_path):
    header = ["TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành"]
    result = convert_file(_document(tmp_path, header, TASK_ROWS, TASK_STOPS, "tasks.docx"))
    rows = [(r.code, r.section, r.criterion or r.task, r.lead, r.deadline) for t in result.task_tables for r in t.rows]
    assert rows == [
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
    # the blank lead is said, not taken for the deadline
    assert any("lead" in flag for flag in result.task_tables[0].rows[3].flags)
    # each task points at the lines it was typed on (its next line under it)
    assert result.task_tables[0].rows[0].source.line_end == result.task_tables[0].rows[0].source.line_start + 1
    assert not result.unread


def test_the_last_tasks_name_going_on_after_a_preposition_is_kept_whatever_its_case(tmp_path):
    """The table's last task broken by hand after "theo" onto a line opening in capitals (a
    standard's code, "TCVN ISO 9001:2015"): a name ending on a word that opens a complement goes on
    (P07, seed 9281: the line was left to the score readers and the task cut short)."""
    rows = [
        "I. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
        "1\tCông khai thủ tục hành chính tại\tVăn phòng\tThường xuyên\nBộ phận một cửa\tHĐND và UBND",
        "2\tVận hành hệ thống quản lý chất lượng theo\tBộ phận Một cửa\t03/01/2025\nTCVN ISO 9001:2015",
    ]
    header = ["TT\tNội dung\tCơ quan chủ trì\tThời gian hoàn thành"]
    result = convert_file(_document(tmp_path, header, rows, TASK_STOPS, "iso.docx"))
    tasks = [(r.code, r.criterion or r.task, r.lead, r.deadline) for t in result.task_tables for r in t.rows]
    assert tasks[-1] == (
        "2",
        "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015",
        "Bộ phận Một cửa",
        "03/01/2025",
    )
    assert not result.unread and not result.score_tables
