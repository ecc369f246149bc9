"""A row's name found in the lines around its numbers' line by its code's wording, the set surely
recognised (normalize/criteria/name_runs.py): rows as a centred table's dump gave them to the
pipeline (seed 315's d01-i2 and d05-i1, generated dumps of Tesseract's real output), and the names
that must stay where they are."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.name_runs import FLAG_NAME_AROUND, find_run, split_run
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


# A centred five-column table as Tesseract dumps it: row 2's name printed on the lines above and
# under its numbers' line, the first beside its explanation's first words ("Ban hành chậm so
# với"), the row above's explanation read between them; the numbers' line holds specks.
CENTRED_DUMP = """\
ỦY BAN NHÂN DÂN XÃ TÂN HÒA CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 112 /KH-UBND Tân Hòa, ngày 5 tháng 12 năm 2023
KẾ HOẠCH

Nâng cao Chỉ số cải cách hành chính năm 2024

Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023, UBND xã
Tân Hòa ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm 2024. Kết
quả tự đánh giá, chấm điểm năm 2023 như sau:

Điểm
STT Lĩnh vực, tiêu chí Điểm | UBND Giải trình
ề chuẩn xã tự
chấm
1 Công tác chỉ đạo, điều hành cải cách hành 10 95 Công văn số 41/CV-
l chính 7 UBND ngày 14/02/2023
Xây dựng và tổ chức thực hiện văn bản Ban hành chậm so với
2. R k ko vẻ 10 0 -
quy phạm pháp luật tại tỉnh quy định
3, Cải cách thủ tục hành chính 145 145 Thông báo số 77/TB-
k 7 UBND ngày 21/11/2023
4. Cải cách tổ chức bộ máy hành chính 11 11 Công văn số 208/CV-
VP ngày 3/10/2023
Xây dựng và nâng cao chất lượng đội ngũ
5. R „ VÀ „ 16 0
công chức, viên chức
6. Cải cách tài chính công 7 7 Báo cáo số 60/BC-
UBND ngày 13/12/2023
7. Hiện đại hóa hành chính 16 16 Quyết định số 55/QĐ-
UBND ngày 18/6/2023
8 Tác động của CCHC đến người dân, tổ 15,5
l chức và phát triển kinh tế xã hội của tỉnh k
Nơi nhận: KT. CHỦ TỊCH
- UBND huyện Gia Sơn (b/c); PHÓ CHỦ TỊCH
- Lưu: VT, VP.

Trần Minh Linh
"""


def test_a_centred_name_cut_by_the_explanations_beside_it_comes_back(tmp_path: Path):
    path = tmp_path / "centred.txt"
    path.write_text(CENTRED_DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path, options=PipelineOptions()))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert rows["2"]["name"] == LEGAL and FLAG_NAME_AROUND in rows["2"]["flags"]
    assert rows["2"]["explanation"] == "Ban hành chậm so với quy định"
    assert (rows["2"]["max_points"], rows["2"]["self_points"]) == (10, 0)
    assert rows["1"]["name"] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert "Xây" not in rows["1"]["explanation"] and "Công văn số 41/CV-" in rows["1"]["explanation"]


def test_a_run_in_two_parts_opens_the_wording_above_and_ends_it_under():
    # fields: the row above's name, its explanation, this row's explanation (``_pieces``)
    name_above = "Công tác chỉ đạo UBND ngày 14/02/2023 Xây dựng và tổ chức thực hiện văn bản Ban hành chậm".split()
    explanation_above = "Công văn số 41/CV-".split()
    own = "quy phạm pháp luật tại tỉnh quy định".split()
    fields = [0] * len(name_above) + [1] * len(explanation_above) + [3] * len(own)
    tokens = name_above + explanation_above + own
    start = name_above.index("Xây")
    assert split_run(fields, tokens, LEGAL) == (start, start + 9, len(fields) - len(own), len(fields) - 2)
    # the rest of another wording under the numbers' line: no run
    other = "công chức, viên chức".split()
    assert split_run([0] * len(name_above) + [3] * len(other), name_above + other, LEGAL) is None
