"""A score grid's totals row printed apart from it (issue 14 and 16): a one-row table of its own
under the grid, or a line under it. Before, the grid ended at its last criterion: the stated total
was read nowhere, a wrong total checked by nothing and not told (faults63's seed 8001 scan, its
totals row alone atop page 3). DOCX files made here, read by the whole pipeline."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from schemas.records import LOST_TOTAL_REASON

_ROWS = [
    ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"),
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "8", ""),
    ("1.1", "Kế hoạch cải cách hành chính năm", "6", "5", ""),
    ("1.2", "Thực hiện chế độ báo cáo", "4", "3", ""),
    ("2", "Cải cách thủ tục hành chính", "5", "4", ""),
    ("2.1", "Công khai thủ tục hành chính", "3", "2,5", ""),
    ("2.2", "Kết quả giải quyết hồ sơ", "2", "1,5", ""),
]


def _report(tmp_path: Path, under) -> dict:
    """A report whose score grid's rows add up to 15 and 12, with ``under(document)`` right after
    it, then the signature block; converted."""
    doc = Document()
    for text in ("ỦY BAN NHÂN DÂN XÃ AN BÌNH", "BÁO CÁO", "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính"):
        doc.add_paragraph(text)
    grid = doc.add_table(rows=0, cols=5)
    grid.style = "Table Grid"
    for row in _ROWS:
        for cell, text in zip(grid.add_row().cells, row):
            cell.text = text
    under(doc)
    for text in ("Nơi nhận:", "CHỦ TỊCH", "Nguyễn Văn An"):
        doc.add_paragraph(text)
    path = tmp_path / "bao-cao.docx"
    doc.save(path)
    from cchc_extract.pipeline import convert_file, result_to_json

    return result_to_json(convert_file(path))


def _row_apart(*cells: str):
    def under(doc) -> None:
        doc.add_paragraph("")
        table = doc.add_table(rows=1, cols=len(cells))
        table.style = "Table Grid"
        for cell, text in zip(table.rows[0].cells, cells):
            cell.text = text

    return under


def _line(text: str):
    return lambda doc: doc.add_paragraph(text)


def _totals(out: dict, status: str) -> list[dict]:
    return [c for c in out["checks"] if c["kind"] == "stated_total" and c["status"] == status]


def test_a_totals_row_in_a_table_of_its_own_is_the_grids_total(tmp_path):
    # 17 stated, its rows' maxima add up to 15: the commune's fault, found
    out = _report(tmp_path, _row_apart("Tổng số điểm", "17", "12"))
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (17, 12)
    [wrong] = _totals(out, "mismatch")
    assert wrong["field"] == "max_points" and wrong["expected"] == 15
    assert [c["field"] for c in _totals(out, "ok")] == ["self_points"]
    assert not [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]


def test_a_totals_line_under_the_grid_is_its_total(tmp_path):
    out = _report(tmp_path, _line("Tổng số điểm: 17 12"))
    assert (out["score_tables"][0]["stated_total_max"], out["score_tables"][0]["stated_total_self"]) == (17, 12)
    assert [c["field"] for c in _totals(out, "mismatch")] == ["max_points"]


def test_a_totals_row_apart_whose_figures_are_not_read_is_told(tmp_path):
    # one figure for two points columns: which is which is not known, the row is told unread and
    # the table queued, its total unchecked
    out = _report(tmp_path, _row_apart("Tổng số điểm", "", "12"))
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (None, None)
    [told] = [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]
    assert "Tổng số điểm" in told["text_sample"]
    [skipped] = _totals(out, "skipped")
    assert any(i["item"] == "/score_tables/0" for i in out["review"]), skipped


def test_a_sentence_stating_one_total_is_no_row_lost(tmp_path):
    # the report's own sentence under the grid, one figure: neither read as the row nor told
    out = _report(tmp_path, _line("Tổng số điểm: 12"))
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (None, None)
    assert not [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]


def test_a_table_of_its_own_beyond_the_grid_is_not_its_totals_row(tmp_path):
    # a second table (three rows) under the grid whose first row opens "Tổng số": another table
    def under(doc) -> None:
        table = doc.add_table(rows=3, cols=3)
        table.style = "Table Grid"
        for r, row in enumerate((("Tổng số hồ sơ", "20", "18"), ("Trực tuyến", "12", "11"), ("Trực tiếp", "8", "7"))):
            for cell, text in zip(table.rows[r].cells, row):
                cell.text = text

    out = _report(tmp_path, under)
    table = out["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (None, None)
    assert not [u for u in out["unread"] if u["reason"] == LOST_TOTAL_REASON]
