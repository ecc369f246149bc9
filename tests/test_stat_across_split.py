"""A table printed across whose grid lost the ruling line between two sub-columns of its two-level
header (extract/segment/stat_across_split.py; issue 11): OCR read the lower header's cell as both
labels with the ruling between them and the row's cell as both figures, one number (34219) under a
label of two. The cell is cut back into the columns its labels name. The table is the one Tesseract
read from a scan of the across-two-level layout (cells as the grid reader gave them)."""

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.stat_across import across_rows

TOP = ["Số hồ sơ mới tiếp nhận", "Số hồ sơ từ kỳ trước chuyển qua", "Đã giải quyết", "Đang giải quyết"]
BOXES = [(207.5, 1219.5, 598.5, 1270.5), (598.5, 1219.5, 989.5, 1270.5), (989.5, 1219.5, 1771.5, 1270.5)]


def _table(sub: str, joined: str) -> JoinedTable:
    row = JoinedRow(
        cells=["125", "455", joined, "405"],
        bold=[False] * 4,
        page=1,
        line_start=20,
        line_end=20,
        fragment=0,
        bboxes=[*BOXES, (1771.5, 1219.5, 2162.5, 1270.5)],
        confs=[0.93] * 4,
    )
    header = [TOP, ["", "", sub, ""]]
    return JoinedTable(header, [row], [1], 4, "ocr", 18, 20, 0, owners=[0, 1, 2, 3])


def _read(sub: str, joined: str) -> dict[str, tuple[str, float | None, str | None]]:
    rows = across_rows(_table(sub, joined), ocr=True) or []
    return {r.code or "": (r.indicator, r.value, r.parent) for r in rows}


def test_a_cell_of_two_labels_over_two_figures_is_two_sub_columns() -> None:
    for joined in ("342 | 9", "342 9"):
        rows = _read("Đúng hạn | Quá hạn", joined)
        assert rows["3"] == ("Đã giải quyết", None, None)
        assert rows["3.1"] == ("Đúng hạn", 342, "3") and rows["3.2"] == ("Quá hạn", 9, "3")
        assert rows["4"] == ("Đang giải quyết", 405, None)


def test_a_cell_is_cut_only_where_its_figures_are_as_many_as_its_labels() -> None:
    # Three numbers under two labels: which two are the figures is not known, the cell is left whole.
    rows = _read("Đúng hạn | Quá hạn", "342 1 9")
    assert "3.2" not in rows
    # One label over two numbers: no sub-columns to cut into.
    assert "3.2" not in _read("Đúng hạn", "342 9")
