"""Statistics annexes of OCR dumps whose rows or figures the line reader lost to the grid's specks
(issue 11): a lettered item behind the grid's edge read as a capital, a speck beside a ratio's "%"
or before a figure read as a digit, and a sparse-text header whose last labels OCR ran together
after the first row's code. The dumps are small hand-made ones (tests/data/dumps_stats_rows24)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_cells import CellRow
from extract.segment.stat_heading_cells import heading_cells_returned
from extract.segment.stat_line_cells import _cells
from extract.segment.stat_lines import StatLineSettings

DUMPS = Path(__file__).parent / "data" / "dumps_stats_rows24"


def _rows(name: str) -> dict[str, dict]:
    out = result_to_json(convert_file(DUMPS / name))
    assert len(out["statistics"]) == 1
    return {r["code"]: r for r in out["statistics"][0]["rows"]}


def test_lettered_items_behind_the_grids_edge_and_specks_read_as_digits():
    rows = _rows("annex-psm6-edge-items.txt")
    assert list(rows) == ["1", "2", "2.1", "2.1.a", "2.1.b", "2.1.c", "2.2", "3", "3.1", "3.2", "3.3", "4"]
    # "Fa) | Số TTHC …": the capital is the grid's left edge; the item's letter is read as printed
    # (it was inferred from the order, the capital left in the indicator).
    assert rows["2.1.a"]["indicator"].startswith("Số TTHC") and "code_inferred" not in rows["2.1.a"]["flags"]
    # "Fb) _| Số TTHC …": the code cell's speck before its bar is no cell (it was the indicator,
    # and the indicator the unit).
    assert rows["2.1.b"]["indicator"].startswith("Số TTHC cung cấp") and rows["2.1.b"]["value"] == 31
    # "[| 1% | 73,33 |": the "%" unit cell with a speck, then the figure (it read 1).
    assert rows["2.2"]["unit"] == "%" and rows["2.2"]["value"] == 73.33
    # "Hồ sơ 1 —. 359 h": the ruling line read as 1 before the figure (it read 1).
    assert rows["3"]["value"] == 359 and rows["3.1"]["value"] + rows["3.2"]["value"] == 359


def test_a_sparse_text_header_whose_last_labels_ran_together_after_the_first_code():
    # "[ sTT" / "1" / "Số liệu lệ Ghi chú" / "3" / "Số sáng kiến …": the first row's code stands
    # among the labels; the run-together labels were read as row 1 and the first row as 1.1 with
    # its figure lost.
    rows = _rows("annex-psm11-labels-merged.txt")
    assert list(rows)[:3] == ["1", "2", "2.1"]
    assert rows["1"]["indicator"].startswith("Số sáng kiến") and rows["1"]["value"] == 3
    assert [rows[c]["value"] for c in ("2.1", "2.2", "2.3", "3.3", "4")] == [19, 1, 95, 91.18, 3]


def test_cells_of_barred_lines_with_the_grids_specks():
    s = StatLineSettings()
    assert _cells("a) _| SO TTHC cung cap thong tin | 1167 |", set(), s) == (
        "a)",
        "SO TTHC cung cap thong tin",
        "",
        "1167",
        "",
    )
    assert _cells("4.3 | Ty le TTHC [| 1% | 89,23 |", set(), s)[2:4] == ("%", "89,23")
    # A lone "1" with a figure after it is a bar read as a digit; a real 1 with no figure after
    # it, or a note's second 1, stays.
    assert _cells("3.3 | Ty le ho so - R 15... 1 87,19 1 :", set(), s)[3] == "87,19"
    assert _cells("3.1 | So ho so | Ho so | 1 |", set(), s)[3] == "1"


def test_two_digits_ending_in_zero_under_a_heading_are_a_figure_not_a_code():
    # A row worded as no count ("6 cán bộ …": its "Số" read apart) holding "20", over a count with
    # its own unit and figure: "20" is its figure (no code numbers a row 0), not the count's 2.0.
    heading = CellRow(page=1, first=1, last=2, indicator=["6 can bo, cong chuc cap xa"], value="20")
    count = CellRow(page=1, first=3, last=5, indicator=["So can bo, cong chuc dat chuan"], unit="Nguoi", value="19")
    heading_cells_returned([heading, count])
    assert heading.value == "20" and count.code == ""
    heading = CellRow(page=1, first=1, last=2, indicator=["Ket qua giai quyet"], value="21")
    count = CellRow(page=1, first=3, last=5, indicator=["So ho so da giai quyet"], unit="Ho so", value="219")
    heading_cells_returned([heading, count])
    assert count.code == "2.1" and heading.value == ""
