"""A row's name found in the lines around its numbers' line by its code's wording, the set surely
recognised (normalize/criteria/name_runs.py): rows as a centred table's dump gave them to the
pipeline (seed 315's d01-i2 and d05-i1, generated dumps of Tesseract's real output), and the names
that must stay where they are."""

from __future__ import annotations

from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.name_runs import FLAG_NAME_AROUND, find_run
from schemas.records import ScoreRow, ScoreTable

LEGAL = "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh"  # bnv-tinh_2948's 2


def _row(code: str, name: str, most: float, explanation: str = "") -> ScoreRow:
    return ScoreRow(code=code, name=name, max_points=most, self_points=most, explanation=explanation, flags=[])


def _table(first: ScoreRow, second: ScoreRow) -> ScoreTable:
    rest = [
        _row("3", "Cải cách thủ tục hành chính", 14.5),
        _row("4", "Cải cách tổ chức bộ máy hành chính", 11),
        _row("5", "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", 16),
    ]
    return ScoreTable(title="", rows=[first, second, *rest])


def test_a_run_of_the_wording_is_found_across_specks_and_damage():
    tokens = "UBND ngày 12/5/2023 Xây dựng và tổ chức thực hiện văn bản | quy phạm pháp luật tại tỉnh".split()
    assert find_run(tokens, LEGAL) == (3, len(tokens))
    damaged = "Xay dung va t6 chifc thic hién van ban quy pham phap luat tai tinh".split()
    assert find_run(["Thông", "báo", *damaged], LEGAL) == (2, 2 + len(damaged))
    assert find_run("Cải cách tài chính công".split(), LEGAL) is None


def test_a_centred_name_given_to_the_row_above_and_the_explanation_comes_back():
    # "1 Công tác … 10 925 Kế hoạch số 94/KH-" / "Ỷ chính ; UBND ngày 12/5/2023" / "Xây dựng và tổ
    # chức thực hiện văn bản" / "2. , A* ko $ vẽ 10 10" / "quy phạm pháp luật tại tỉnh".
    first = _row(
        "1",
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        10,
        "Kế hoạch số 94/KH- UBND ngày 12/5/2023 Xây dựng và tổ chức thực hiện văn bản",
    )
    second = _row("2", "A* ko vẽ", 10, "quy phạm pháp luật tại tỉnh")
    match = apply_criteria_sets([_table(first, second)])
    assert match is not None and match.sure()
    assert second.name == LEGAL and second.name_raw == "A* ko vẽ" and FLAG_NAME_AROUND in second.flags
    assert second.explanation == ""
    assert first.explanation == "Kế hoạch số 94/KH- UBND ngày 12/5/2023"


def test_a_name_glued_to_the_row_above_with_its_explanation_comes_back():
    # "6. Cai cach tai chinh cong Khong phat sinh" / "Hién dai héa hanh chinh Céng van s6 165/CV-VP
    # ngay" / "7. 16 14,5 14,25 13/5/2024": row 7's name and explanation went to row 6's name.
    rows = [
        _row("4", "Cải cách tổ chức bộ máy hành chính", 11),
        _row("5", "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức", 16),
        _row("6", "Cải cách tài chính công Không phát sinh Hiện đại hóa hành chính Công văn số 165/CV-VP ngày", 7),
        _row("7", "", 16, "13/5/2024"),
    ]
    apply_criteria_sets([ScoreTable(title="", rows=rows)])
    six, seven = rows[2], rows[3]
    assert seven.name == "Hiện đại hóa hành chính" and seven.explanation == "Công văn số 165/CV-VP ngày 13/5/2024"
    assert six.name == "Cải cách tài chính công" and six.explanation == "Không phát sinh"


def test_names_that_are_their_rows_stay():
    # A row named as another criterion (its code misread) keeps its name; a run the row above
    # needs for its own name is not taken from it.
    first = _row("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 10, LEGAL)
    second = _row("2", "Cải cách tài chính công", 10)
    apply_criteria_sets([_table(first, second)])
    assert second.name == "Cải cách tài chính công" and FLAG_NAME_AROUND not in second.flags
    assert first.explanation == LEGAL
    first = _row("1", LEGAL, 10)
    second = _row("2", "A* ko vẽ", 10)
    apply_criteria_sets([_table(first, second)])
    assert first.name == LEGAL and second.name == "A* ko vẽ"
