"""A plan's task table grouped by the body that leads the tasks, a heading row "III | Phòng Kinh
tế" over each group and the tasks numbered from 1 again under each (N65's by-lead layout),
scanned: an S30 scan (seed 15001, instance 4) read the third heading's numeral "11" on fc109027,
so its row was taken for no heading, and the three tasks under it were read as section II's with
section II's lead, wrong and not queued (truth, the generator's: section III, lead "Phòng Kinh
tế"). A run of ones beside a unit's name and nothing else is a lead's heading
(``task_sections.section_of``)."""

from __future__ import annotations

from extract.segment.joined import JoinedRow
from extract.segment.task_sections import heading_lead, section_of

_MAPPING = {"code": 0, "task": 1, "product": 2, "deadline": 3, "coordinator": 4}


def _row(cells: list[str]) -> JoinedRow:
    return JoinedRow(
        cells=cells, bold=[False] * len(cells), page=2, line_start=0, line_end=0, fragment=0, confs=[0.9] * len(cells)
    )


def test_a_heading_numeral_read_as_ones_beside_a_unit_opens_the_next_section():
    section, heading, title = section_of(_row(["11", "Phòng Kinh tế", "", "", ""]), _MAPPING, "II", number_below="1")
    assert (section, heading, title) == ("III", True, "Phòng Kinh tế")
    assert heading_lead(title) == "Phòng Kinh tế"


def test_a_task_numbered_eleven_stays_a_task():
    row = _row(["11", "Kiểm tra công tác cải cách hành chính", "Báo cáo", "Quý III/2025", "Các đoàn thể"])
    assert section_of(row, _MAPPING, "II")[1] is False
    assert section_of(_row(["11", "Tổ chức hội nghị sơ kết", "", "", ""]), _MAPPING, "II")[1] is False
