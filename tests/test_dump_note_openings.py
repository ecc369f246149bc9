"""A lone points figure on a coded row's line of an OCR dump, before the row's note opening with
a verdict ("Đã ban hành …", "Đạt yêu cầu …", "Tỷ lệ đạt 77%"), is the row's maximum
(``note_openings``): the note is no part of the name, so the figure ends the name. A short token no
number reads between the figure and the note ("3 ea Đã ban hành", "3 Bus Đạt yêu cầu") is the self
score OCR garbled: kept in its place, so the row is queued for it, and the figure stays the max.

Real Tesseract dumps copied from generated corpora: seed 16001's D14 d14-i5 (N25 fields then
details, eng, psm 4, 200 dpi, degraded) and seed 15001's D20 d20-i3 (N48 levels points, eng, psm 4,
250 dpi, degraded). The values asserted are the generator's truth files'."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.line_common import line_tokens
from extract.segment.note_openings import lost_cell_before_note, opens_note

DATA = Path(__file__).parent / "data" / "dump_notes71"


def _rows(name: str) -> dict:
    (table,) = [t for t in convert_file(DATA / name).score_tables if t.rows]
    return {str(r.code): r for r in table.rows}


@pytest.fixture(scope="module")
def fields_rows():
    return _rows("fields-then-details-eng.txt")


def test_lone_max_before_a_rate_note(fields_rows):
    # "8.3 | Sw hai long vé cong chitc truc tiép giai 5 Ty 1é dat 77%": truth max 5, no self score
    assert fields_rows["8.3"].max_points == 5.0


def test_lone_max_then_a_garbled_self_before_a_verdict_note(fields_rows):
    # "3.3 | … kién nghi cia 3 ea Da ban hanh ding thdi": truth max 3, self 3 (garbled "ea")
    row = fields_rows["3.3"]
    assert row.max_points == 3.0
    assert row.self_points is None and "missing_self" in row.flags  # lost, told, queued


def test_lone_max_then_a_garbled_self_before_a_met_note():
    # "7.1.1 | Ty lé van ban dién tv ae nhan trén 3 Bus Dat yéu cau theo": truth max 3, self 3
    row = _rows("levels-points-eng.txt")["7.1.1"]
    assert row.max_points == 3.0
    assert row.self_points is None and "missing_self" in row.flags


def _tokens(text: str) -> list[tuple[str, str]]:
    return line_tokens(Line(text, 1, 1))


def test_verdict_openings_and_the_names_they_are_not():
    assert opens_note(_tokens("Da ban hanh ding thdi"))
    assert opens_note(_tokens("Đạt yêu cầu theo hướng dẫn"))
    assert opens_note(_tokens("Ban hanh cham so voi"))
    assert opens_note(_tokens("Chưa hoàn thành 2/17 nhiệm vụ"))
    assert opens_note(_tokens("Quyết định số 38/QĐ-UBND"))  # a document cited, as before
    # a criterion's name says what is scored, not that it was done or at what rate
    assert not opens_note(_tokens("Ban hành kế hoạch cải cách hành chính"))
    assert not opens_note(_tokens("Tỷ lệ hồ sơ giải quyết trước hạn"))
    assert not opens_note(_tokens("Hoàn thành kế hoạch"))
    assert not opens_note(_tokens("da ban hanh"))  # a note's opening is capitalised


def test_a_short_token_is_a_lost_cell_only_before_a_note():
    tokens = _tokens("Thực hiện dự toán thu, chi ngân sách 3 AS Ban hanh cham so voi")
    assert lost_cell_before_note(tokens, 9) == 10
    # a word of the name after a count is no cell: no note follows it
    assert lost_cell_before_note(_tokens("mức độ 3 và 4 của dịch vụ công"), 3) is None
