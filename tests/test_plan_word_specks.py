"""Specks OCR read inside a scanned plan's task words (S25 of seed 11001, instance 2: P08's
filled-tab-stops layout printed and scanned at 300 dpi; page 2's words as Tesseract read them). The
first task reads "… định kỳ vềcải - cách hành chính": a speck between "cải" and "cách" read as a
dash standing alone. Before, the dash stayed (a dash between spaces is a plan's own, "Văn hóa - Xã
hội") and the wrong task went unqueued. The repair model's bigrams say "cải cách" is one compound
(``task_compound_dash``): the dash is taken out, the row noted.
Truth (the generator's): "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính"."""

from __future__ import annotations

import json
from pathlib import Path

from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_tables import task_rows
from normalize.vietnamese import DEFAULT_SETTINGS, load_model, repair_text_cell
from ocr_words import recorded_words
from schemas.records import TaskRow, TaskTable

DATA = Path(__file__).parent / "data" / "plan_word_specks"


def _rows():
    raw = json.loads((DATA / "s25_i2_page2_words.json").read_text(encoding="utf-8"))["words"]
    words = recorded_words(raw)
    ((table, _),) = [t for t in unruled_ocr_tables(words, 2, OcrSettings()) if t[0].n_rows > 5]
    grid = [[""] * table.n_cols for _ in range(table.n_rows)]
    for cell in table.cells:  # (the pipeline's repair stage reads each OCR'd cell)
        grid[cell.row][cell.col] = repair_text_cell(cell.text, DEFAULT_SETTINGS, "ocr").text if cell.text else ""
    n = len(grid[0])
    body = [JoinedRow(cells, [False] * n, 1, 0, 0, 0, confs=[0.9] * n) for cells in grid[1:]]
    rows = task_rows(JoinedTable([grid[0]], body, [1], n, "ocr", 0, 0, 0))
    return doubt_tasks([TaskTable(title="Phụ lục", rows=rows)], ocr=True, period="năm 2026")[0].rows


def test_a_dash_inside_a_compound_is_a_speck_taken_out():
    rows = _rows()
    assert rows[0].task == "Thực hiện chế độ báo cáo định kỳ về cải cách hành chính"
    # (the speck's ink is a dot, no dash's bar: it is paper dust on the page already, ``ocr.page_dust``,
    # so no dash reaches the task for ``task_compound_dash`` to take out; that mend is tested below)
    assert not any("-" in w for w in rows[0].task.split())
    # a plan's own dash between names stands
    assert rows[0].lead == "Phòng Văn hóa - Xã hội"


def test_a_dash_between_two_phrases_stands():
    from extract.segment.task_compound_dash import compound_dashes

    model = load_model()
    assert compound_dashes("Các tổ chức chính trị - xã hội", model, -2.0) == ("Các tổ chức chính trị - xã hội", [])
    assert compound_dashes("báo cáo về cải - cách", model, -2.0) == ("báo cáo về cải cách", ["cải cách"])


def test_an_abbreviation_read_with_a_one_among_its_strokes_is_put_right():
    # The task cell as the scans' grid reader gave it, the same on three scans (S25 of seed 11001,
    # instances 3 and 4; S30 of seed 12221, instance 4): the generator printed "TCVN ISO 9001:2015".
    read = "Vận hành hệ thống quản lý chất lượng theo TCVN I1SO 9001:2015"
    rows = [
        TaskRow(task=read, lead="Phòng Văn hóa - Xã hội", deadline="Trước ngày 05/08/2026"),
        TaskRow(task="Tổ chức 1 hội nghị của UBND xã", lead="Công an xã", deadline="Quý II/2026"),
    ]
    out = doubt_tasks([TaskTable(title="Phụ lục", rows=rows)], ocr=True, period="năm 2026")[0].rows
    assert out[0].task == "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"
    assert any(f.startswith("abbreviation_stroke_mended") for f in out[0].flags)
    assert out[1].task == "Tổ chức 1 hội nghị của UBND xã"  # a number standing apart is no stroke


def test_a_gazetteer_phrase_read_with_a_wrong_mark_is_put_in_its_marks():
    # A task's words as the held-out scans of seed 11001 gave them ("tố dân phố", silent there): the
    # units' gazetteer spells the phrase "tổ dân phố"; no other three syllables fold to it.
    read = "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn, tố dân phố"
    rows = [TaskRow(task=read, lead="Công an xã", deadline="Cả năm 2026")]
    out = doubt_tasks([TaskTable(title="Phụ lục", rows=rows)], ocr=True, period="năm 2026")[0].rows
    assert out[0].task == "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn, tổ dân phố"
    assert any(f.startswith("phrase_marks_put") for f in out[0].flags)
    # two syllables fold alike too often to be put: "tố chức" stays for the other checks
    from extract.segment.task_known_phrases import known_phrase_marks

    assert known_phrase_marks("Tổ chức hội nghị tại Bộ phận Một của") == (
        "Tổ chức hội nghị tại Bộ phận Một cửa",
        ["'Bộ phận Một của' → 'Bộ phận Một cửa'"],
    )


def test_a_bar_or_quote_speck_at_a_task_s_edge_is_taken_out():
    # Task cells as the scans of seed 12244 (S26, instances 1, 2 and 4) gave them, silent on main:
    # a ruling's end read "|" or "l" after the task's words, a dash and a speck read as a quote
    # held to its first word. Truth (the generator's) in the order below.
    read = [
        "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn l",
        "-'Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
        "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã |",
    ]
    rows = [TaskRow(task=t, lead="Công an xã", deadline="Cả năm 2026") for t in read]
    out = doubt_tasks([TaskTable(title="Phụ lục", rows=rows)], ocr=True, period="năm 2026")[0].rows
    assert [r.task for r in out] == [
        "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn",
        "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm",
        "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã",
    ]
