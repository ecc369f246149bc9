"""Statistics annexes of OCR dumps whose rows or figures the line reader lost to the grid's specks
(issue 11): a lettered item behind the grid's edge read as a capital, a speck beside a ratio's "%"
or before a figure read as a digit, and a sparse-text header whose last labels OCR ran together
after the first row's code. The dumps are small hand-made ones (tests/data/dumps_stats_rows24)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile import reconcile
from extract.segment.stat_cells import CellRow
from extract.segment.stat_heading_cells import heading_cells_returned
from extract.segment.stat_line_cells import _cells
from extract.segment.stat_lines import StatLineSettings
from extract.segment.stat_unread import MISSING_VALUE, lost_figure
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow

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


def _ocr_annex(rows: list[StatRow]) -> ExtractionResult:
    result = ExtractionResult(source=SourceInfo(method="ocr"), statistics=[StatAnnex(annex="Phụ lục 1", rows=rows)])
    reconcile(result)
    return result


def test_a_share_broken_by_a_ruling_line_read_as_one_more_digit_names_that_count():
    # "a) | Số TTHC … toàn trình Thủ tục . | 1167 |": the cell's right ruling line read as a 7 after
    # 116; with c)'s figure lost the parts' sum cannot say so, the share 116/130 = 89,23% does:
    # the count is queued with 116 as its reading.
    result = _ocr_annex(
        [
            StatRow(code="4", indicator="Công khai thủ tục hành chính", level=1),
            StatRow(code="4.1", indicator="Tổng số thủ tục hành chính", unit="Thủ tục", value=130, value_raw="130"),
            StatRow(code="4.1.a", indicator="Số TTHC toàn trình", unit="Thủ tục", value=1167, value_raw="1167"),
            StatRow(code="4.1.b", indicator="Số TTHC một phần", unit="Thủ tục", value=13, value_raw="13"),
            StatRow(code="4.1.c", indicator="Số TTHC chỉ cung cấp thông tin", unit="Thủ tục"),  # lost
            StatRow(code="4.2", indicator="Tỷ lệ TTHC toàn trình", unit="%", value=89.23, value_raw="89,23"),
        ]
    )
    assert [c.status for c in result.checks if c.kind == "ratio"] == ["misread"]
    queued = {r.code: r for r in result.review}
    assert 116 in queued["4.1.a"].alternatives


def test_a_count_worded_row_heading_rows_with_no_figure_lost_its_figure():
    # "5__| S6 cán bộ, công chức cấp xã Nevoi | |": its unit garbled into its words, its figure
    # lost; it heads 5.1 … but is worded as a count, not a heading: its blank is doubted and told.
    row = StatRow(code="5", indicator="S6 cán bộ, công chức cấp xã Nevoi", level=1)
    lost = lost_figure(row, heads_rows=True, confidence=0.7)
    assert MISSING_VALUE in lost.flags and lost.confidence == 0.7
    heading = StatRow(code="4", indicator="Công khai thủ tục hành chính", level=1)
    assert lost_figure(heading, heads_rows=True, confidence=0.7) == heading
