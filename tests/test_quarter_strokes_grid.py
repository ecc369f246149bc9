"""A scanned task grid's deadline "Quý II/2025" that Tesseract read unsure (its serifs joined) but
with as many strokes as the page's ink shows stems (``Word.strokes_agree`` → ``Cell.strokes_agree``
→ the joined row's ``counted`` columns): the count was read twice, so the row is flagged
``quarter_strokes_counted``, not doubted for its strokes, and its deadline no longer holds its
confidence down (issue 14: on seed 2801's scanned and signed plans every such quarter was right
and queued for that alone). A row whose cells the grid moved keeps no count."""

from extract.model import Cell, IngestedDocument, Page, Table
from extract.segment.table_join import join_tables
from extract.segment.task_doubt_settings import STROKES_COUNTED
from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_evidence import weigh_cells
from extract.segment.task_tables import task_rows
from schemas.records import TaskTable

HEADER = ["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Thời gian hoàn thành", "Sản phẩm"]
ROWS = [
    ["1", "Rà soát thủ tục hành chính của xã", "Công an xã", "Quý II/2025", "Báo cáo"],
    ["2", "Kiểm tra công vụ tại các bộ phận", "Công an xã", "Quý II/2025", "Báo cáo"],
    ["3", "Công khai dự toán ngân sách xã", "Công an xã", "Quý I/2025", "Báo cáo"],
]
# Tesseract's mean confidence of each cell's words: the deadlines' numerals read unsure
CONFS = [[0.95, 0.94, 0.95, 0.52, 0.93], [0.95, 0.94, 0.95, 0.55, 0.93], [0.95, 0.94, 0.95, 0.96, 0.93]]


def _scanned_plan(counted_rows: set[int]) -> IngestedDocument:
    cells = [Cell(row=0, col=c, text=t, conf=0.95) for c, t in enumerate(HEADER)]
    for r, (texts, confs) in enumerate(zip(ROWS, CONFS), start=1):
        cells += [
            Cell(row=r, col=c, text=t, conf=x, strokes_agree=r - 1 in counted_rows and c == 3)
            for c, (t, x) in enumerate(zip(texts, confs))
        ]
    table = Table(page=1, cells=cells, n_rows=len(ROWS) + 1, n_cols=len(HEADER), source="ocr-lines")
    return IngestedDocument(path="plan.pdf", format="pdf", pages=[Page(number=1, blocks=[table], method="ocr")])


def test_a_grids_quarter_read_twice_is_confirmed_and_not_doubted():
    (joined,) = join_tables(_scanned_plan({0}))
    assert [row.counted for row in joined.rows] == [frozenset({3}), frozenset(), frozenset()]
    rows = task_rows(joined)
    assert STROKES_COUNTED in rows[0].flags and STROKES_COUNTED not in rows[1].flags
    tables = doubt_tasks(weigh_cells([TaskTable(rows=rows)], stated=set(), period="2025"), ocr=True, period="2025")
    counted, alone, sure = tables[0].rows
    assert counted.confidence >= 0.8 and alone.confidence < 0.8  # the rows' review threshold
    assert not any("run of strokes" in f for f in counted.flags)
    assert any("quarter numeral 'II' is a run of strokes" in f for f in alone.flags)
    # a numeral Tesseract was sure of needs no second reading
    assert sure.confidence >= 0.9 and STROKES_COUNTED not in sure.flags
