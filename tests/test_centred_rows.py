"""Which row a dump line belongs to in tables whose numbers are centred in their rows (issue 11):
Tesseract prints a row's name lines above and below its numbers' line, and OCR loses codes and
numbers' lines. Real Tesseract dumps of the generated corpus (seed 319), scored on their truth."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth

DEGRADED = Path(__file__).parent / "data" / "dumps_degraded"


def _read(name: str) -> tuple[dict[str, dict], dict]:
    path = DEGRADED / name
    output, truth = converted_with_truth(path, path.stem)
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    return rows, score_document(truth, output)["tally"]


def _words(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_a_line_opening_another_catalogued_name_under_a_coded_row_opens_the_next_row():
    # d05-i4: "11 | KếhoạchCCHC năm ni : _- 58 17275" (1.1, its points garbled), then "Ban hành kế
    # hoạch CCHC năm -___| Chưa hoàn thành 9/10 nhiệm vụ" above "1b Í : P : : 1 0,5 0": 1.1.1's
    # name line above its numbers' line, not 1.1's name going on. And 1.1.2's first name line "Xác
    # định … trên các" leaves room in its column, yet the name wraps on across its numbers' line
    # ("1.1.2 | lĩnh vực … UBNDtỉnhvà | theo kếhoạch - 1 0,75 0,75") and the line below.
    rows, tally = _read("s319-d05-i4-ruled-center-vie-250dpi-degraded.txt")
    assert (rows["1.1.1"]["max_points"], rows["1.1.1"]["self_points"]) == (1, 0.5)
    assert rows["1.1.1"]["name"] == "Ban hành kế hoạch CCHC năm"
    assert rows["1.1.2"]["name"].endswith("bố trí kinh phí thực hiện")
    assert rows["1.1.2"]["self_points"] == 0.75
    assert tally["found"] == tally["rows"] == 10 and tally["invented"] == 0


def test_a_name_waiting_for_lost_numbers_gives_way_to_the_next_names_first_line():
    # d01-i3: "ia Mức độ thu hiền kế hoạch CCHC 9 Công văn số 119/CV-" (1.1.4, its numbers' line
    # lost), then "Tất cả báo cáo được gtti đúng thời gian quy Tỷ lệ đạt 76%" over "1.2.1 | định
    # (báo cáo …) … 1 0,5": 1.2.1's first name line, its explanation beside it; 1.2.1 no longer
    # holds 1.1.4's name, and 1.1.4 is a row of its own (its points told lost).
    from extract.segment.line_split import opens_name_part

    assert opens_name_part(_words("Tất cả báo cáo được gtti đúng thời gian quy Tỷ lệ đạt 76%"))
    assert opens_name_part(_words("ia Mức độ thu hiền kế hoạch CCHC"))
    assert not opens_name_part(_words("định (báo cáo quí I, quí III, báo cáo 6 tháng và"))
    rows, tally = _read("s319-d01-i3-ruled-center-eng-300dpi-degraded.txt")
    assert rows["1.2.1"]["name"].startswith("Tất cả báo cáo được gửi")
    assert (rows["1.2.1"]["max_points"], rows["1.2.1"]["self_points"]) == (1, 0.5)
    assert rows["1.1.4"]["name"] == "Mức độ thực hiện kế hoạch CCHC"
    assert tally["found"] >= 8 and tally["invented"] <= 1  # 5 before


def test_a_wrapped_name_rest_placed_as_a_row_holds_no_code_against_a_named_row():
    # d02-i3: "pháp lưu tại tỉnh : 2 : :" (2's name going on, a speck read as 2) was placed 3, so
    # "Cải cách thủ tục hành chính 145 a …" (3, its max's comma lost) was placed 4 beside the
    # real 4: the rest completes 2's name as read into 2's wording, and frees 3.
    rows, tally = _read("s319-d02-i3-ruled-center-eng-150dpi-degraded.txt")
    assert rows["3"]["name"] == "Cải cách thủ tục hành chính"
    assert rows["4"]["name"] == "Cải cách tổ chức bộ máy hành chính"
    assert tally["found"] == tally["rows"] == 4 and tally["invented"] == 0
