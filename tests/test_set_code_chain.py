"""Codes an OCR'd score table's place gave, moved together by the criteria set's names
(``code_names.shift_by_names``): a row whose place was counted from the row above moves with it,
and a code a row keeps is never given to another row of the table."""

from __future__ import annotations

from normalize.criteria.match import FLAG_CODE_BY_NAME, apply_criteria_sets
from schemas.records import ScoreRow, ScoreTable


def _printed(code: str, name: str, most: float, own: float) -> ScoreRow:
    return ScoreRow(code=code, code_raw=code, level=1, name=name, max_points=most, self_points=own, flags=[])


def _placed(code: str, name: str, most: float, own: float | None) -> ScoreRow:
    """A row whose printed code OCR lost: its code counted from the row above's."""
    return ScoreRow(code=code, level=1, name=name, max_points=most, self_points=own, flags=["code_inferred"])


def _head() -> list[ScoreRow]:
    # The set's 1-4 read with their printed codes; its 5 ("Xây dựng và nâng cao chất lượng đội ngũ
    # …") lost, so the rows below it were placed one code short.
    return [
        _printed("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 10.0, 9.0),
        _printed("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh", 10.0, 8.5),
        _printed("3", "Cải cách thủ tục hành chính", 14.5, 13.0),
        _printed("4", "Cải cách tổ chức bộ máy hành chính", 11.0, 10.5),
    ]


def test_a_row_placed_below_a_row_moved_by_its_name_moves_with_it():
    # The last row's first name line went to the explanation: what is left ("… triển kinh tế xã
    # hội của tỉnh") is no criterion's whole wording, but its place was counted from the row above.
    rows = [
        *_head(),
        _placed("5", "Cải cách tài chính công", 7.0, 6.5),
        _placed("6", "Hiện đại hóa hành chính", 16.0, 15.25),
        _placed("7", "Đã éc triển kinh tế xã hội của tỉnh", 15.5, None),
    ]
    table = ScoreTable(title="", rows=rows, read_from="lines")
    apply_criteria_sets([table])
    assert [r.code for r in table.rows] == ["1", "2", "3", "4", "6", "7", "8"]
    assert [r.max_points for r in table.rows[4:]] == [7.0, 16.0, 15.5]
    assert all(any(f.startswith(FLAG_CODE_BY_NAME) for f in r.flags) for r in table.rows[4:])


def test_a_code_kept_by_a_row_that_cannot_move_is_given_to_no_other_row():
    # "Hiện đại hóa …" would move to 7, but a row prints 7 plainly: it stays 6, and "Cải cách tài
    # chính công" (placed 5) is not given that 6 beside it.
    rows = [
        *_head(),
        _placed("5", "Cải cách tài chính công", 7.0, 6.5),
        _placed("6", "Hiện đại hóa hành chính", 16.0, 15.25),
        _printed("7", "Ket qua khac", 15.5, 14.0),
    ]
    table = ScoreTable(title="", rows=rows, read_from="lines")
    apply_criteria_sets([table])
    codes = [r.code for r in table.rows]
    assert len(codes) == len(set(codes))
    assert codes[4:6] == ["5", "6"]
