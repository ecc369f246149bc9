"""Coverage: a shortfall that unread parts can explain is ours (``incomplete``), one they cannot
explain stays the commune's (``mismatch``).

Records as an OCR dump of one section gives them (seed-like figures: section 1 of the Decree 30
set, 10 points, its total row printing 11): the points of two sub-criteria were lost (an unread
part on their lines), the section's own row was read."""

from __future__ import annotations

from cchc_extract.coverage import account_coverage
from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef, UnreadPart

ROWS = [  # code, max, self, first line
    ("1", 10.0, 8.0, 16),
    ("1.1", 5.0, 3.5, 17),
    ("1.1.1", 1.0, 0.25, 18),
    ("1.1.2", 2.0, 1.25, 19),
    ("1.1.3", None, None, 21),  # its points not read
    ("1.1.4", 2.0, 1.25, 23),
    ("1.2", None, None, 24),  # its points not read
    ("1.2.1", 1.0, 1.0, 25),
    ("1.2.2", 1.0, 1.0, 27),
]


def _result(stated_max: float, unread_lines: tuple[int, int], extra_top: bool = False) -> ExtractionResult:
    rows = [
        ScoreRow(
            code=code,
            level=code.count(".") + 1,
            max_points=mx,
            self_points=sp,
            confidence=0.92,
            flags=[] if mx is not None else ["missing_max", "missing_self"],
            source=SourceRef(page=1, line_start=line, line_end=line),
        )
        for code, mx, sp, line in ROWS
    ]
    if extra_top:
        rows.insert(
            0, ScoreRow(code="2", level=1, max_points=1.0, self_points=1.0, source=SourceRef(page=1, line_start=15))
        )
    part = UnreadPart(
        page=1,
        kind="rows",
        reason="points of 1.1.3, 1.2 not read",
        line_start=unread_lines[0],
        line_end=unread_lines[1],
    )
    return ExtractionResult(
        source=SourceInfo(path="x.txt", format="txt", method="text"),
        score_tables=[ScoreTable(title="Bảng điểm", rows=rows, pages=[1], stated_total_max=stated_max)],
        unread=[part],
    )


def _total(result: ExtractionResult) -> str:
    reconcile(result)
    account_coverage(result)
    return next(c.status for c in result.checks if c.kind == "stated_total" and c.field == "max_points")


def test_parts_inside_a_read_section_do_not_excuse_its_total():
    # Top rows numbered 1..n, the unread lines between rows read: the total's shortfall is real.
    assert _total(_result(11.0, (21, 22))) == "mismatch"


def test_parts_after_the_rows_read_may_hold_missing_top_rows():
    assert _total(_result(11.0, (30, 34))) == "incomplete"


def test_a_gap_in_the_top_numbering_leaves_the_parts_as_explanation():
    # "2" before "1": the top numbering is no sequence 1..n, so no place is ruled out.
    assert _total(_result(12.0, (21, 22), extra_top=True)) == "incomplete"


def test_task_rows_without_their_task_are_unread():
    """A scanned plan whose columns came out shifted: every row's words in "lead", no task text."""
    from extract.model import IngestedDocument
    from extract.segment.unread import find_unread
    from schemas.records import TaskRow, TaskTable

    def task_row(k: int, task: str) -> TaskRow:
        return TaskRow(code=str(k), task=task, lead="Cả năm 2023", source=SourceRef(page=2, line_start=26 + 2 * k))

    shifted = [task_row(k, "") for k in range(1, 7)]
    # The header as a scan gave it: every name run into the first column.
    columns = ["Số TT Nội dung nhiệm vụ Sản phẩm đầu ra Lộ trình Bộ phận chủ trì", "", "", ""]
    read = [task_row(k, "Xây dựng Kế hoạch cải cách hành chính năm 2023") for k in range(1, 7)]
    doc = IngestedDocument(path="plan.pdf", format="pdf")
    parts = find_unread(
        doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=shifted)])
    )
    assert [(p.kind, p.page, p.line_start, p.line_end) for p in parts] == [("rows", 2, 28, 38)]
    assert "6 of the 6 rows" in parts[0].reason
    assert (
        find_unread(doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=read)]))
        == []
    )
    # One heading row without text among tasks read is no table left unread.
    mixed = [task_row(1, ""), *read[1:]]
    assert (
        find_unread(doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=mixed)]))
        == []
    )
    # A list keyed by criterion code prints no task column: nothing of it is missing.
    keyed = TaskTable(
        title="Kế hoạch CCHC", columns=["TT", "TC", "Thời gian hoàn thành", "Bộ phận chủ trì"], rows=shifted
    )
    assert find_unread(doc, ExtractionResult(task_tables=[keyed])) == []
