"""A coordinator's cell read with a gazetteer phrase's mark wrong: "Các thôn, tố dân phố" as
Tesseract read it on two held-out scanned plans (corpus seed 12001: S21's N37 and S28's N57,
read by the lead after the round; the truth prints "Các thôn, tổ dân phố"). The task words got
the gazetteer's marks (plans66), the lead and coordinator cells, the bodies themselves, did not:
two wrong fields left silent. A body's name keeps its dash ("Văn phòng - Thống kê")."""

from __future__ import annotations

from extract.segment.task_word_mends import mended_body


def test_a_coordinator_gets_the_gazetteer_marks():
    put, notes = mended_body("Các bộ phận chuyên môn, Các thôn, tố dân phố", "coordinator")
    assert put == "Các bộ phận chuyên môn, Các thôn, tổ dân phố"
    assert notes and notes[0].startswith("phrase_marks_put: coordinator")


def test_a_body_spelt_right_or_with_its_dash_is_left_as_printed():
    assert mended_body("Các thôn, tổ dân phố", "lead") == ("Các thôn, tổ dân phố", [])
    assert mended_body("Văn phòng - Thống kê", "lead") == ("Văn phòng - Thống kê", [])
