"""Criteria pasted from a spreadsheet several to a row, one a line in each cell (``pasted_rows``):
split into their rows in DOCX (made here with python-docx) and in a text PDF (made by the corpus
generator through LibreOffice), and told, never glued, where the cells' lines do not match."""

from __future__ import annotations

from pathlib import Path

from docx import Document

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.joined import JoinedRow
from extract.segment.pasted_rows import (
    UNSPLIT_REASON,
    PastedRowSettings,
    name_parts,
    note_parts,
    pasted_count,
    split_row,
)
from tests.corpus_helpers import documents_of, make_corpus, read_truth

HEADER = ("TT", "Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú")


def _report(path: Path, rows: list[tuple[str, ...]], header: tuple[str, ...] = HEADER) -> Path:
    """A commune's self-assessment report whose score table holds ``rows`` (a cell's lines joined
    by line breaks, as a sheet's cell pasted into Word keeps them)."""
    doc = Document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN LẠC")
    doc.add_paragraph("Số: 15/BC-UBND")
    doc.add_paragraph("BÁO CÁO")
    doc.add_paragraph("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024")
    table = doc.add_table(rows=1 + len(rows), cols=len(header))
    table.style = "Table Grid"
    for c, label in enumerate(header):
        table.rows[0].cells[c].text = label
    for r, row in enumerate(rows, start=1):
        for c, text in enumerate(row):
            table.rows[r].cells[c].text = text
    doc.add_paragraph("Nơi nhận: - UBND huyện; - Lưu: VT.")
    doc.save(path)
    return path


def _rows(out: dict) -> dict[str, tuple]:
    return {r["code"]: (r["name"], r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]}


FIELD = ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "4", "3,5", "")
PASTED = (
    "1.1\n1.2\n1.3",
    "Ban hành kế hoạch cải cách hành chính năm\nBáo cáo định kỳ đúng thời gian\nKiểm tra công tác cải cách hành chính",
    "1\n1\n2",
    "1\n0,5\n2",
    "Kế hoạch số 12/KH-UBND\nBáo cáo chậm một kỳ\nĐã kiểm tra 3 đơn vị",
)
SECOND = ("2", "Cải cách thủ tục hành chính", "3", "3", "")
SECOND_PASTED = ("2.1\n2.2", "Rà soát thủ tục hành chính\nCông khai thủ tục hành chính", "1,5\n1,5", "1,5\n1,5", "")


def test_a_code_column_row_of_three_criteria_is_three_rows(tmp_path):
    out = result_to_json(convert_file(_report(tmp_path / "r.docx", [FIELD, PASTED, SECOND, SECOND_PASTED])))
    rows = _rows(out)
    assert rows["1.1"] == ("Ban hành kế hoạch cải cách hành chính năm", 1.0, 1.0)
    assert rows["1.2"] == ("Báo cáo định kỳ đúng thời gian", 1.0, 0.5)
    assert rows["1.3"] == ("Kiểm tra công tác cải cách hành chính", 2.0, 2.0)
    assert rows["2.2"] == ("Công khai thủ tục hành chính", 1.5, 1.5)
    notes = {r["code"]: r["explanation"] for t in out["score_tables"] for r in t["rows"]}
    assert notes["1.2"] == "Báo cáo chậm một kỳ"
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]  # the parent's sum holds: no false alarm
    assert not out["unread"]


def test_codes_opening_the_names_with_no_code_column(tmp_path):
    header = HEADER[1:]
    rows = [
        (f"{FIELD[0]}. {FIELD[1]}", *FIELD[2:]),
        ("\n".join(f"{c}. {n}" for c, n in zip(PASTED[0].split("\n"), PASTED[1].split("\n"))), *PASTED[2:]),
        (f"{SECOND[0]}. {SECOND[1]}", *SECOND[2:]),
    ]
    out = result_to_json(convert_file(_report(tmp_path / "n.docx", rows, header)))
    got = _rows(out)
    assert got["1.2"] == ("Báo cáo định kỳ đúng thời gian", 1.0, 0.5)
    assert got["1.3"][1:] == (2.0, 2.0)
    assert "1.1" in got and "2" in got


def test_a_blank_figure_line_keeps_its_place_by_the_code_cells_lines(tmp_path):
    """Self points "1", "", "2" pasted: the blank line holds no text, but the cell keeps where its
    lines stand (Cell.line_places), so "2" faces the third code, not the second: 1.2's self points
    blank, no figure moved up."""
    blank = (*PASTED[:3], "1\n\n2", PASTED[4])
    out = result_to_json(convert_file(_report(tmp_path / "b.docx", [FIELD, blank, SECOND, SECOND_PASTED])))
    rows = _rows(out)
    assert rows["1.1"] == ("Ban hành kế hoạch cải cách hành chính năm", 1.0, 1.0)
    assert rows["1.2"] == ("Báo cáo định kỳ đúng thời gian", 1.0, None)
    assert rows["1.3"] == ("Kiểm tra công tác cải cách hành chính", 2.0, 2.0)
    assert not [u for u in out["unread"] if u["reason"] == UNSPLIT_REASON]


def test_blank_figures_no_cell_places_are_told(tmp_path):
    """Codes opening the names, no code column, and a blank in each figure cell at different
    criteria: no cell holds one line a criterion to place the others' lines by, so the row is
    told as unread rows with its text, never read with misplaced figures."""
    header = ("Tên tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú")
    field = ("1. Công tác chỉ đạo, điều hành cải cách hành chính", "4", "3,5", "")
    names = "1.1. Ban hành kế hoạch năm\n1.2. Báo cáo định kỳ đúng thời gian\n1.3. Kiểm tra công tác"
    pasted = (names, "1\n\n2", "\n0,5\n2", "")
    second = ("2. Cải cách thủ tục hành chính", "3", "3", "")
    second_pasted = ("2.1. Rà soát thủ tục hành chính\n2.2. Công khai thủ tục hành chính", "1,5\n1,5", "1,5\n1,5", "")
    path = _report(tmp_path / "t.docx", [field, pasted, second, second_pasted], header)
    out = result_to_json(convert_file(path))
    rows = _rows(out)
    assert not {"1.1", "1.2", "1.3"} & set(rows)
    assert rows["2.1"] == ("Rà soát thủ tục hành chính", 1.5, 1.5)
    told = [u for u in out["unread"] if u["reason"] == UNSPLIT_REASON]
    assert len(told) == 1 and told[0]["kind"] == "rows" and "1.1" in told[0]["text_sample"]
    assert any(UNSPLIT_REASON in (r.get("reason") or "") for r in out["review"])


def test_a_wrapped_name_runs_on_in_lower_case():
    lines = ["Xác định đầy đủ các nhiệm vụ trên các", "lĩnh vực của", "UBND tỉnh", "Mức độ thực hiện kế hoạch"]
    assert name_parts(lines, 2, coded=False) == [
        "Xác định đầy đủ các nhiệm vụ trên các lĩnh vực của UBND tỉnh",
        "Mức độ thực hiện kế hoạch",
    ]
    assert name_parts(lines[:2] + ["Còn một dòng", lines[3]], 2, coded=False) is None  # three openings, two codes
    # A note wrapped in its narrow column: gathered by its openings; unmatched, kept on the first.
    assert note_parts(["Báo cáo số 245/BC-", "UBND ngày 21/3", "Đã kiểm tra"], 2) == [
        "Báo cáo số 245/BC- UBND ngày 21/3",
        "Đã kiểm tra",
    ]
    assert note_parts(["Đã ban hành đúng", "thời gian"], 3) == ["Đã ban hành đúng thời gian", "", ""]


def test_the_pdf_text_layer_with_wrapped_names_reads_every_row(tmp_path):
    """The generator's N31 through LibreOffice: a name longer than its column wraps, so the lines
    beside it no longer face it; every row of a table whose figures are one a line is read right,
    and a document that reads fewer says so."""
    corpus = make_corpus(tmp_path, "N31", "pdf", True, 3321)
    documents = documents_of(corpus, "pdf", "N31")
    assert documents
    for doc in documents:
        truth = read_truth(corpus, doc)
        out = result_to_json(convert_file(corpus / doc["path"]))
        got = _rows(out)
        want = {r["code"]: (r["max_points"], r["self_points"]) for t in truth["score_tables"] for r in t["rows"]}
        read = {c: v[1:] for c, v in got.items()}
        assert all(read[c] == want[c] for c in read), doc["path"]  # nothing read wrong
        assert not set(read) - set(want)  # nothing invented
        if set(read) != set(want):
            assert any(u["kind"] == "rows" for u in out["unread"]), doc["path"]
        assert not [c for c in out["checks"] if c["status"] == "mismatch" and c.get("code") not in want]


def test_a_code_whose_dot_ocr_read_as_a_comma_opens_its_criterion():
    # An S20 scan of N31 (dev seed 4281), the cells' lines as the OCR grid gave them: "5." read
    # "5,". Main found the codes 1, 2, 3, 4, 6, 7, 8 out of order and read one row, every figure
    # glued ("10 10 14,5 …" as the maximum).

    names = [
        "1. Công tác chỉ đạo, điều hành cải cách hành",
        "chính",
        "2. Xây dựng và tổ chức thực hiện văn bản quy",
        "phạm pháp luật tại tỉnh",
        "3. Cải cách thủ tục hành chính",
        "4. Cải cách tổ chức bộ máy hành chính",
        "5, Xây dựng và nâng cao chất lượng đội ngũ công",
        "chức, viên chức",
    ]
    maxima, selves = ["10", "10", "14,5", "11", "16"], ["8,5", "0", "13,5", "11", "16"]
    lines = [names, maxima, selves]
    row = JoinedRow(cells=[" ".join(c) for c in lines], bold=[False] * 3, page=1, line_start=1, line_end=1, fragment=0)
    row.lines = lines
    columns = {"name": 0, "max": 1, "self": 2}
    assert pasted_count(row, columns, PastedRowSettings()) == 5
    pieces = split_row(row, columns, 5)
    assert pieces is not None
    assert [p.cells for p in pieces][4] == [
        "5, Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
        "16",
        "16",
    ]
    assert [p.cells[1:] for p in pieces] == [list(f) for f in zip(maxima, selves)]


def test_each_piece_keeps_its_own_lines_ocr_confidence():
    # A scanned row of three criteria whose self cell's third figure was read a second time, alone
    # (``ocr_stacked``, its confidence capped): that piece alone is doubted; the others keep their
    # own lines' confidence, the two-line name its lines' mean, and a blank figure the cell's.
    lines = [["1.1", "1.2", "1.3"], ["Ban hành kế hoạch", "Báo cáo", "đúng hạn", "Tuyên truyền"], ["1", "1", "2"]]
    line_confs = [[0.9, 0.92, 0.94], [0.8, 0.9, 0.7, 0.86], [0.95, 0.93, 0.65]]
    row = JoinedRow(cells=[" ".join(c) for c in lines], bold=[False] * 3, page=1, line_start=1, line_end=1, fragment=0)
    row.lines, row.line_confs, row.confs = lines, line_confs, [0.92, 0.82, 0.84]
    pieces = split_row(row, {"code": 0, "name": 1, "self": 2}, 3)
    assert pieces is not None
    assert [p.cells for p in pieces] == [
        ["1.1", "Ban hành kế hoạch", "1"],
        ["1.2", "Báo cáo đúng hạn", "1"],
        ["1.3", "Tuyên truyền", "2"],
    ]
    assert [p.confs for p in pieces] == [[0.9, 0.8, 0.95], [0.92, 0.8, 0.93], [0.94, 0.86, 0.65]]
    # Lines the cell gave no confidences for (typed text): every piece keeps the cell's.
    row.line_confs = []
    assert [p.confs for p in split_row(row, {"code": 0, "name": 1, "self": 2}, 3) or []] == [[0.92, 0.82, 0.84]] * 3
