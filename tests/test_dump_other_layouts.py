"""OCR dumps of typed layouts no dump rule was written against (issue 11, the probe family D08):
real Tesseract dumps of dev seeds 1961-1963 (tests/data/dumps_probe51, with the generator's truth),
read end to end, and the pieces of the line readers each layout needed."""

from pathlib import Path

from corpus_helpers import converted_with_truth, scored_rows_with_truth
from extract.model import Line
from extract.segment.line_code_words import without_code_word
from extract.segment.line_fractions import fraction_at, prints_fractions
from extract.segment.line_header import header_concepts, header_key
from extract.segment.stat_bracketed_unit import bracketed_unit
from extract.segment.stat_plan_column import plan_first, result_after_plan

DUMPS = Path(__file__).parent / "data" / "dumps_probe51"


def _dump(stem: str) -> Path:
    return next(DUMPS.glob(f"{stem}*.txt"))


def _pairs(text: str) -> list[tuple[str, str]]:
    return [(t, t) for t in text.split()]


def test_a_fraction_is_a_lines_points_unless_figures_stand_before_it():
    assert fraction_at(_pairs("Mức độ thực hiện kế hoạch CCHC 1.25/2 Chưa đầy đủ")) == (7, "1.25", "2")
    assert fraction_at(_pairs("báo cáo 6 tháng và năm) 1/1 Quyết định")) == (6, "1", "1")
    # (a decimal comma read as a slash after the maximum: the run of figures is the points)
    assert fraction_at(_pairs("Ban hành kế hoạch 1 0/5 | Thông báo")) is None
    # (an explanation printed before the points: "5/15" tasks, the row's figures after it)
    assert fraction_at(_pairs("Chưa hoàn thành 5/15 nhiệm vụ 14,5 13/75 13.75")) is None
    # (dates and document numbers are no fractions)
    assert fraction_at(_pairs("UBND ngày 23/01/2014 số 302/BC-UBND")) is None


def test_a_table_prints_fractions_only_where_its_lines_first_figure_is_one():
    lines = [Line(text=t, page=1, number=k) for k, t in enumerate(["1.1 Kế hoạch 0/1 Báo cáo", "1.2 Báo cáo 1/2"])]
    assert prints_fractions(lines)
    # "Chưa hoàn thành 1/14": the explanation's, after the row's figures
    told = [Line(text=t, page=1, number=k) for k, t in enumerate(["1. Công tác 10 8,5 Chưa hoàn thành 1/14"] * 3)]
    assert not prints_fractions(told)


def test_a_fraction_layout_dump_reads_self_over_max():
    rows, want, tally = scored_rows_with_truth(_dump("s1961-d08-i5-f20"))
    for code in ("1.1.1", "1.1.2", "1.1.3", "1.1.4"):
        assert (rows[code]["max_points"], rows[code]["self_points"]) == (
            want[code]["max_points"],
            want[code]["self_points"],
        ), code
    assert tally["numbers_right"] >= 12  # 0 before: no number of the table was read


def test_the_month_is_no_scale_label():
    assert header_key("Thang") == "max"  # "Thang điểm"
    assert header_key("tháng") is None  # "Thực hiện 6 tháng"
    assert "max" in header_concepts("Thang điểm")
    assert "max" not in header_concepts("tháng")


def test_a_plan_first_header_takes_the_second_figure():
    assert plan_first("STT Nội dung chỉ tiêu ĐVT |Kếhoạch| Thực Ghi chú")
    assert plan_first('ST1? "Nội dung chỉ tiêu ĐVT Ỷ hoạch | Thực Ghi chú')
    assert not plan_first("STT Nội dung ĐVT Kết quả thực hiện kế hoạch Ghi chú")
    assert result_after_plan("21", "19 .") == ("19", "21 .")
    assert result_after_plan("49", "4") == ("49", "4")  # (a speck, not a result of a plan of 49)
    assert result_after_plan("100", "B888 -") == ("", "100 B888 -")  # the result garbled: lost, not the plan
    assert result_after_plan("18", "") == ("18", "")  # a part's row: no plan printed


def test_a_plan_actual_annex_under_a_wrapped_header_reads_the_results():
    out, truth = converted_with_truth(_dump("s1962-d08-i6-f22"))
    assert not out["score_tables"]  # ("tháng" made its header a score table's: 17 rows invented)
    read = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    right = [c for c in want if read.get(c) == want[c]]
    assert len(right) >= 12, right
    assert read["2"] == 19.0 and read["3"] == 18.0 and read["4"] == 634.0  # the results, not the plans


def test_a_code_word_before_the_code_is_dropped_even_garbled():
    assert without_code_word(_pairs("Linh vuc 3_| Cai cach"))[0][1] == "3_|"
    assert without_code_word(_pairs("Linh vc 2 | Xây dựng"))[0][1] == "2"
    assert without_code_word(_pairs("Linh vuwc5 | Xây dựng"))[0][1] == "5"
    assert without_code_word(_pairs("Lĩnh vực theo kế hoạch"))[0][1] == "Lĩnh"


def test_a_code_words_layout_dump_reads_every_row():
    rows, want, tally = scored_rows_with_truth(_dump("s1962-d08-i7-f24"))
    assert set(want) <= set(rows)
    assert tally["invented"] == 0


def test_a_bracketed_unit_stands_for_the_unit_cell():
    assert bracketed_unit(["Số", "cán", "bộ", "(người)"], 3) == 3
    assert bracketed_unit(["Số", "hồ", "sơ", "(hồ", "sơ):"], 3) == 3
    assert bracketed_unit(["(người)"], 3) is None  # no indicator before it
    assert bracketed_unit(["theo", "Điều", "5"], 3) is None


def test_a_no_unit_annex_reads_figures_past_specks():
    out, truth = converted_with_truth(_dump("s1963-d08-i9-f28"))
    read = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
    assert read["2.1"] == 25.0  # "(ngwéi) 25:"
    assert read["3.3"] == 92.46  # "(%) oe 92,46 :"


def test_a_garbled_annex_under_a_figures_title_is_told():
    out, _ = converted_with_truth(_dump("s1962-d08-i9-f28"))
    assert any("SỐ LIỆU KẾT QUẢ" in p["reason"] for p in out["unread"] if p["kind"] == "table")


def test_a_count_wrapped_before_its_figure_is_read_whole():
    # "… trong đó đã xử lý 19 phản ánh, đang xử lý" / "05 phản ánh (đạt 79,17%).": the second part
    # on the next line, which opens with its figure, not in lower case.
    out, _ = converted_with_truth(_dump("s1961-d08-i2-f13"))
    counts = {c["total"]: [p["value"] for p in c["parts"]] for c in out["counts"]}
    assert counts[24.0] == [19.0, 5.0]


def test_a_header_with_no_unit_column_names_an_annex():
    from extract.segment.stat_line_header import is_statistics_header

    assert is_statistics_header("S6 lieu SIT Noi dung Ghi cha", garbled=True)  # OCR's "S6" for "Số", "cha" for "chú"
    assert is_statistics_header("STT Nội dung Số liệu Ghi chú")
    assert not is_statistics_header("STT Nội dung Ghi chú")  # no figure named
    # A header OCR garbled further (its indicator's label lost) is taken only where no header
    # naming the form whole is found, and never one naming points (a score table's).
    assert not is_statistics_header("[Str Nieduae S6 liéu Ghi cha")
    assert is_statistics_header("[Str Nieduae S6 liéu Ghi cha", garbled=True)
    assert not is_statistics_header("két qua ty danh gia STT N6i dung danh gia Diém | Diém tw", garbled=True)


def test_a_no_unit_annex_under_a_garbled_header_is_read():
    out, truth = converted_with_truth(_dump("s1701-d08-i9-f28"))
    read = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert len([c for c in want if read.get(c) == want[c]]) >= 15  # 0 before: no header found


def test_an_annex_under_a_header_ocr_garbled_past_its_indicator_is_read_and_its_slips_doubted():
    out, truth = converted_with_truth(_dump("s1801-d08-i9-f28"))
    read = {r["code"]: r["value"] for a in out["statistics"] for r in a["rows"]}
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    assert len([c for c in want if read.get(c) == want[c]]) >= 18  # 0 before: no header found
    # "798,78" (a speck read as a 7) for 98,78%: its label garbled, no pair of counts weighs it,
    # and it is doubted all the same (no share is over its whole), not left at 0.96 silently.
    assert read["4.3"] == 798.78
    assert any(r["code"] == "4.3" and "over 100" in r["reason"] for r in out["review"])
