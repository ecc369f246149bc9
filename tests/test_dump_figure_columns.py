"""OCR dumps of score tables printing a figure column that holds no self points beside the points:
a count column ("Số lượng (văn bản, hồ sơ)", extract/segment/count_column.py) and last year's self
points ("Điểm tự chấm năm 2012 | Điểm tự chấm năm 2013 | Tăng/giảm", extract/segment/period_lines.py).
Real Tesseract dumps of the corpus, their truth the generator's (tests/data/dumps_layout72/README.md)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.count_column import count_column_at
from extract.segment.period_lines import years_apart

DATA = Path(__file__).parent / "data" / "dumps_layout72"
COUNTS = DATA / "s18132-d30-i2-n87-i2-counts-beside-points-before-max-vie-psm6-250dpi.txt"
PHONG = DATA / "s18132-d30-i1-n86-i1-self-last-year-before-change-eng-psm4-200dpi.txt"
APART = DATA / "s18134-d30-i1-n86-i1-self-last-year-before-change-eng-psm4-250dpi.txt"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, raw=t, page=1, number=k + 1) for k, t in enumerate(texts)]


def _rows(path: Path) -> tuple[dict[str, dict], dict[str, dict], dict]:
    data, truth = converted_with_truth(path)
    rows = {r["code"]: r for t in data["score_tables"] for r in t["rows"]}
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    return rows, want, data


def test_a_count_column_s_place_is_read_from_the_header_s_words():
    # the dumps' headers as Tesseract read them: the count first, its two words wrapped apart
    assert (
        count_column_at(_lines("STT Tiêu chí đánh giá Số Điểm | Điểm tự | Văn bản kiếm", "lượng tối đa chấm chứng"))
        == 0
    )
    assert (
        count_column_at(
            _lines(
                "TT Tiêu chí đánh giá Kết quả | Điểm | Điểm tự Tài liệu kiểm",
                "thực chuẩn chấm chứng",
                "hiện (số",
                "lượng)",
            )
        )
        == 0
    )


def test_the_count_is_no_maximum():
    rows, want, _ = _rows(COUNTS)
    # rows printing a count before their points ("1.1.1 | Ban hành … năm 41 1 1"): 46807f6f read
    # 41 as 4,1 for the maximum, 1 for the self points and the other 1 for an appraised column
    for code in ("1", "1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"):
        assert rows[code]["max_points"] == want[code]["max_points"], code
        assert rows[code]["self_points"] == want[code]["self_points"], code
        assert rows[code]["appraised_points"] is None, code


def test_a_commune_named_phong_in_the_lead_in_is_no_appraisal():
    # "UBND xã Xuân Phong báo cáo kết quả" above the header: 46807f6f took "Phong" for the
    # appraising office and kept 2012's points for the self points, 2013's as appraised (silent)
    rows, want, data = _rows(PHONG)
    assert len(rows) == len(want) == 10
    for code, row in rows.items():
        assert row["self_points"] == want[code]["self_points"], code
        assert row["appraised_points"] is None, code
    table = data["score_tables"][0]
    assert table["stated_total_self"] == 9.75  # the totals line's third figure, 2013's
    assert not data["unread"]


def test_two_years_wrapped_apart_and_the_change_say_this_year_s_column():
    header = _lines(
        "TT N6i dung tiéu chi Thang Diém | Diémtw | Tang/ | Tai li¢u kiém",
        "diém | datnam | cham giam ching",
        "2012 nam",
        "2013",
    )
    assert years_apart(header) == [2012, 2013]
    rows, want, _ = _rows(APART)
    assert len(rows) == len(want) == 10
    for code, row in rows.items():
        # 46807f6f: 2012's points for the self points of every row but 1.2.1 (9 silent)
        assert row["self_points"] == want[code]["self_points"], code
        assert row["max_points"] == want[code]["max_points"], code


RANGED = DATA / "s18131-d29-i2-n83-i2-range-in-name-tu-den-vie-psm3-200dpi-degraded.txt"


def test_a_scale_s_range_before_the_row_s_figure_is_its_maximum():
    # "3. | Cải cách thủ tục hành chính (từ 0 đến 14,5 điểm) 14,25 n.": 46807f6f read the range's
    # low end for the self points (0) and left rows 3 and 6 at 0 or blank (row 7's code, "JÁ", OCR
    # garbled: no row opens there to move its range onto)
    rows, want, _ = _rows(RANGED)
    for code in ("3", "6"):
        assert rows[code]["max_points"] == want[code]["max_points"], code
        assert rows[code]["self_points"] == want[code]["self_points"], code


ACROSS = DATA / "s18132-d30-i3-n88-i3-fields-across-two-rows-eng-psm3-200dpi-degraded.txt"


def test_a_summary_with_the_fields_across_is_read_by_its_points_lines():
    # "Noi dung | 1. Céng tac | - 2. Xay … 8. Su hai TONG" over "Thangdiém |. 12 pas 18 7 10 7 (ote
    # 0 100:" and "DPiém ty danh 9,25 E15 14,75 | 5,5 8,5" 5 16,25 195 86,5": 46807f6f read no row
    rows, want, data = _rows(ACROSS)
    assert sorted(rows) == sorted(want)
    for code in ("1", "3", "4", "5", "6"):
        assert rows[code]["max_points"] == want[code]["max_points"], code
        assert rows[code]["self_points"] == want[code]["self_points"], code
    # the maximum's line prints a word where fields 2 and 7 have their figures: left blank, not
    # the next field's figure moved along
    assert rows["2"]["max_points"] is None and rows["7"]["max_points"] is None
    table = data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (100.0, 86.5)
