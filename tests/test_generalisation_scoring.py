"""Scoring of benchmarks/generalisation: truth dicts as tools/make_corpus.py writes them (tools/CORPUS.md)
against pipeline outputs; the checks and review entries are the ones reconcile really writes."""

import copy
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from benchmarks.corpus_scoring import (
    SCORE,
    STATS,
    match_table,
    meta_value,
    score_document,
    score_metadata,
    score_rows,
)


def truth_row(code, parent, name, mx, sf, appraised=None):
    return {
        "code": code,
        "parent": parent,
        "name": name,
        "max_points": mx,
        "self_points": sf,
        "appraised_points": appraised,
        "scale": [],
    }


TRUTH_ROWS = [
    truth_row("I", None, "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CCHC", None, None),
    truth_row("1", "I", "Công tác chỉ đạo, điều hành CCHC", 6.0, 5.0),
    truth_row("1.1", "1", "Kế hoạch CCHC năm", 2.5, 2.0),
    truth_row("1.2", "1", "Báo cáo CCHC định kỳ", 3.5, 3.0),
    truth_row("2", "I", "Cải cách thể chế", 4.0, 4.0),
    truth_row("II", None, "TÁC ĐỘNG CỦA CCHC", None, None),
    truth_row("II.1", "II", "Mức độ hài lòng của người dân", 10.0, 8.0),
]


def truth_doc(rows=None, **extra):
    doc = {
        "family": "F00_test",
        "instance": "f00-i1",
        "format": "docx",
        "split": "dev",
        "document": {
            "number": "15/KH-UBND",
            "date": "2024-03-12",
            "commune": "Tân Lạc",
            "signer": "Nguyễn Văn An",
            "title": "Kế hoạch cải cách hành chính năm 2024",
        },
        "score_tables": [
            {
                "pages": [1],
                "stated_total_max": 20.0,
                "stated_total_self": 17.0,
                "rows": copy.deepcopy(rows if rows is not None else TRUTH_ROWS),
            }
        ],
        "statistics": [],
        "counts": [],
        "faults": [],
    }
    doc.update(extra)
    return doc


def out_row(code, name, mx, sf, appraised=None):
    return {
        "code": code,
        "name": name,
        "name_raw": name,
        "max_points": mx,
        "self_points": sf,
        "appraised_points": appraised,
    }


def output_from(rows, **extra):
    data = {
        "document": {
            "number": "15/KH-UBND",
            "date": "2024-03-12",
            "commune": "Tân Lạc",
            "signer": "Nguyễn Văn An",
            "title": "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024",
        },
        "score_tables": [{"rows": rows}],
        "statistics": [],
        "counts": [],
        "checks": [],
        "review": [],
        "errors": [],
    }
    data.update(extra)
    return data


def perfect_rows():
    return [out_row(r["code"], r["name"], r["max_points"], r["self_points"]) for r in TRUTH_ROWS]


# --------------------------------------------------------------------------- rows and numbers


def test_perfect_output_scores_everything_right():
    result = score_document(truth_doc(), output_from(perfect_rows()))
    c = result["tally"]
    assert (c["rows"], c["found"], c["code_ok"], c["invented"]) == (7, 7, 7, 0)
    # 7 rows x 2 columns (max, self; no appraised column in this table), blanks of the section rows included
    assert (c["numbers"], c["numbers_right"]) == (14, 14)
    assert c["name_errors"] == 0 and c["name_chars"] == sum(len(r["name"]) for r in TRUTH_ROWS)
    assert (c["meta_fields"], c["meta_right"]) == (5, 5)
    assert not result["missed_rows"] and not result["invented_rows"] and not result["wrong_numbers"]


def test_missed_row_costs_its_numbers_and_its_whole_name():
    rows = [r for r in perfect_rows() if r["code"] != "1.2"]
    c = score_document(truth_doc(), output_from(rows))["tally"]
    assert (c["found"], c["invented"]) == (6, 0)
    assert c["numbers_right"] == 12  # both cells of 1.2 wrong
    assert c["name_errors"] == len("Báo cáo CCHC định kỳ")


def test_blank_cell_is_right_only_when_left_blank():
    rows = perfect_rows()
    rows[0]["max_points"] = 74.0  # section I printed blank, the output invents a number
    rows[4]["self_points"] = None  # 2 self 4 read as blank
    result = score_document(truth_doc(), output_from(rows))
    assert result["tally"]["numbers_right"] == 12
    assert {(w["code"], w["field"]) for w in result["wrong_numbers"]} == {("I", "max_points"), ("2", "self_points")}


def test_a_printed_cell_come_out_blank_is_a_document_not_read_whole():
    """Every row found but 2's self score blank: not read whole (told only when the output says
    so); a cell read wrong is a misreading, the document still read whole."""
    rows = perfect_rows()
    rows[4]["self_points"] = None
    c = score_document(truth_doc(), output_from(rows))["tally"]
    assert (c["partial_docs"], c["partial_told"], c["whole_unread"]) == (1, 0, 0)
    told = output_from(rows) | {"unread": [{"page": 1, "kind": "rows", "reason": "figures not read"}]}
    assert score_document(truth_doc(), told)["tally"]["partial_told"] == 1
    rows[4]["self_points"] = 3.0
    c = score_document(truth_doc(), output_from(rows))["tally"]
    assert (c["partial_docs"], c["whole_docs"]) == (0, 1)


def test_appraised_column_counts_only_where_the_table_has_it():
    rows = [dict(r) for r in TRUTH_ROWS]
    rows[2]["appraised_points"] = 2.0
    out = perfect_rows()
    c = score_document(truth_doc(rows), output_from(out))["tally"]
    assert c["numbers"] == 21  # the column exists: 7 more cells, blanks included
    assert c["numbers_right"] == 20  # 1.1's appraised 2 was not read; the six blanks are right


def test_right_code_on_the_wrong_row_is_missed_and_invented():
    rows = perfect_rows()
    rows[3] = out_row("1.2", "Tuyên truyền phổ biến pháp luật", 1.0, 1.0)
    result = score_document(truth_doc(), output_from(rows))
    assert result["tally"]["found"] == 6 and result["tally"]["invented"] == 1
    assert [m["code"] for m in result["missed_rows"]] == ["1.2"]


def test_row_under_another_code_is_found_with_a_code_error():
    rows = perfect_rows()
    rows[6]["code"] = "1"  # restart numbering under II written without the roman prefix
    rows[3]["code"] = "1.3"  # a misread code, same row
    result = score_document(truth_doc(), output_from(rows))
    c = result["tally"]
    assert (c["found"], c["code_ok"], c["invented"]) == (7, 5, 0)
    assert {(e["code"], e["output_code"]) for e in result["code_errors"]} == {("II.1", "1"), ("1.2", "1.3")}


def test_row_under_another_code_out_of_place_is_not_the_row():
    # The same name and numbers, but before 1.1 instead of after it: not "the same position".
    rows = perfect_rows()
    moved = rows.pop(3)
    moved["code"] = "9"
    rows.insert(1, moved)
    c = score_document(truth_doc(), output_from(rows))["tally"]
    assert (c["found"], c["invented"]) == (6, 1)


def test_invented_rows_and_unmatched_tables():
    rows = perfect_rows() + [out_row("3", "- Hoàn thành 100%: 1,5 điểm", None, None)]
    stray = {"rows": [out_row("1", "Một bảng khác hẳn", 1.0, 1.0), out_row("2", "Không liên quan", 2.0, 2.0)]}
    data = output_from(rows)
    data["score_tables"].append(stray)
    result = score_document(truth_doc(), data)
    assert result["tally"]["found"] == 7 and result["tally"]["invented"] == 3


def test_table_split_by_the_pipeline_still_finds_its_rows():
    rows = perfect_rows()
    data = output_from(rows[:3])
    data["score_tables"].append({"rows": rows[3:]})
    c = score_document(truth_doc(), data)["tally"]
    assert (c["found"], c["invented"], c["numbers_right"]) == (7, 0, 14)


def test_two_truth_tables_keep_their_codes_apart():
    first = [truth_row("1", None, "Công tác chỉ đạo", 2.0, 2.0), truth_row("2", None, "Cải cách thể chế", 3.0, 3.0)]
    second = [truth_row("1", None, "Chỉ số hài lòng", 5.0, 4.0), truth_row("2", None, "Dịch vụ công", 5.0, 5.0)]
    tables = [{"rows": first}, {"rows": second}]
    out = [
        {"rows": [out_row(r["code"], r["name"], r["max_points"], r["self_points"]) for r in second]},
        {"rows": [out_row(r["code"], r["name"], r["max_points"], r["self_points"]) for r in first]},
    ]
    score = score_rows(SCORE, tables, out)
    assert score.counts["found"] == 4 and score.counts["numbers_right"] == 8 and not score.invented
    assert score.row_map["/score_tables/0/rows/0"] == ("score_tables", 1, 0)


def test_name_confirmed_by_numbers_when_the_name_is_garbled():
    truth = [truth_row("1.1", None, "Kế hoạch CCHC năm", 2.5, 2.0)]
    m = match_table(SCORE, truth, [out_row("1.1", "xyz qrs", 2.5, 2.0)], ["max_points", "self_points"])
    assert m.pairs == {0: 0}
    m = match_table(SCORE, truth, [out_row("1.1", "xyz qrs", 2.0, 2.0)], ["max_points", "self_points"])
    assert m.pairs == {}


def test_name_cer_compares_after_nfc_and_whitespace_collapse():
    rows = perfect_rows()
    rows[2]["name"] = unicodedata.normalize("NFD", "Kế  hoạch CCHC   năm")
    rows[3]["name"] = "Báo cáo CCHC định kỳ - Hoàn thành 100%"  # a scale line leaked in: 17 characters
    c = score_document(truth_doc(), output_from(rows))["tally"]
    assert c["name_errors"] == len(" - Hoàn thành 100%")


def test_statistics_rows_with_blank_values():
    truth = [
        {
            "annex": "1",
            "title": "Phụ lục 1",
            "rows": [
                {"code": "1", "indicator": "Tổng số thủ tục hành chính", "unit": "Thủ tục", "value": 104.0},
                {"code": "1.1", "indicator": "Số thủ tục toàn trình", "unit": "Thủ tục", "value": None},
                {"code": "2", "indicator": "Tỷ lệ hồ sơ đúng hạn", "unit": "%", "value": 97.5},
            ],
        }
    ]
    out = [
        {
            "annex": "Phụ lục 1",
            "rows": [
                {"code": "1", "indicator": "Tổng số thủ tục hành chính", "unit": "Thủ tục", "value": 104.0},
                {"code": "1.1", "indicator": "Số thủ tục toàn trình", "unit": "Thủ tục", "value": 0.0},
                {"code": "2", "indicator": "Tỷ lệ hồ sơ đúng hạn", "unit": "%", "value": 975.0},
            ],
        }
    ]
    score = score_rows(STATS, truth, out)
    assert (score.counts["found"], score.counts["numbers"], score.counts["numbers_right"]) == (3, 3, 1)
    assert score.counts["name_chars"] == 0  # indicators are not criterion names


# --------------------------------------------------------------------------- metadata


def test_metadata_comparison():
    truth = {
        "number": "15/KH-UBND",
        "date": "2024-03-12",
        "commune": "Tân Lạc",
        "signer": "Nguyễn Văn An",
        "title": "Kế hoạch cải cách hành chính năm 2024",
    }
    out = {
        "number": " 15/KH-UBND",
        "date": "2024-03-12",
        "commune": "xã Tân Lạc",
        "signer": unicodedata.normalize("NFD", "Nguyễn  Văn An"),
        "title": "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    }
    assert all(v["right"] for v in score_metadata(truth, out).values())
    wrong = score_metadata(truth, {**out, "commune": "Hội Chủ Nghĩa Việt", "date": None, "signer": "NGUYỄN VĂN AN"})
    assert {k for k, v in wrong.items() if not v["right"]} == {"commune", "date", "signer"}
    # a field the document does not carry: right only when the output leaves it null
    assert score_metadata({**truth, "number": None}, out)["number"]["right"] is False
    assert score_metadata({**truth, "number": None}, {**out, "number": None})["number"]["right"] is True
    assert meta_value("commune", "Phường Hà Cầu") == "Hà Cầu" and meta_value("commune", "Thị trấn Tây Sơn") == "Tây Sơn"
