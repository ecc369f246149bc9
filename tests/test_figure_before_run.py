"""An OCR'd row line whose points figures are preceded by another figure with a cell OCR could not
read between them ("6.1 - |.Thực hiện dự toán thu, chi ngẩn SIẾT xã 3 nnl 5 1 :", a vie dump of a
subtotalled table; truth 3 and 3): the line printed more cells than its columns, so which figures
are the row's is a guess. The run read keeps its values, each doubted (``LineCells.specked``): a
field sum they break is our misreading to review, never the commune's fault."""

from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_header import HeaderLayout

TWO = HeaderLayout(points=("max", "self"))


def _cells(text: str):
    return read_line(Line(text=text, raw=text, page=1, number=1), False, TWO)


def test_a_figure_before_the_run_past_a_garbled_cell_doubts_the_runs_cells():
    cells = _cells("6.1 - |.Thực hiện dự toán thu, chi ngẩn SIẾT xã 3 nnl 5 1 :")
    assert (cells.max_raw, cells.self_raw) == ("5", "1")
    assert set(cells.specked) == {"max", "self"}


def test_a_plain_run_is_not_doubted():
    cells = _cells("6.2 | Công khai tài chính, ngân sách theo quy định 2 2 Thông báo số 4/TB-")
    assert (cells.max_raw, cells.self_raw) == ("2", "2")
    assert cells.specked == ()
    # a figure of the name with words between is the name's: "Nghị định 30 năm 2020 3 3"
    cells = _cells("1.1 | Thực hiện Nghị định 30 của Chính phủ 3 2,5")
    assert cells.specked == ()
