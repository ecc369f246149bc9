"""Score tables: seed 003's OCR text dump read into rows, and a grid table read by its header."""

import json
from pathlib import Path

import pytest
from rapidfuzz import fuzz
from unidecode import unidecode

from cchc_extract.pipeline import convert_file
from extract.base import ingest
from extract.model import Cell, IngestedDocument, Page, Table
from extract.segment.score_lines import is_criterion_name
from extract.segment.score_tables import find_score_tables, map_columns

ROOT = Path(__file__).resolve().parents[1]
SEED_003 = ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt"


@pytest.fixture(scope="module")
def seed_003_rows():
    tables = find_score_tables(ingest(SEED_003))
    assert len(tables) == 1
    return tables[0], {row.code: row for row in tables[0].rows}


def test_seed_003_values(seed_003_rows):
    table, rows = seed_003_rows
    assert (rows["I"].max_points, rows["I"].self_points) == (74.0, 71.2)
    assert (rows["1.1"].max_points, rows["1.1"].self_points) == (2.5, 2.5)
    assert (rows["3.1.3"].max_points, rows["3.1.3"].self_points) == (1.0, 0.5)
    assert (rows["3.6.4"].max_points, rows["3.6.4"].self_points) == (0.5, 0.25)  # one cell per line
    assert (rows["II.2"].max_points, rows["II.2"].self_points) == (14.0, None)  # blank self stays null
    assert table.stated_total_max == 100.0


def test_seed_003_lost_decimal_read_by_the_bound_printed_one_kept(seed_003_rows):
    _, rows = seed_003_rows
    row = rows["3.3"]
    # "35" under a max of 3,5 (the golden reference: the point was lost, the children add to 3,5).
    assert row.max_points == 3.5 and row.self_points_raw == "35" and row.self_points == 3.5
    assert row.alternatives["self_points"] == [35.0]
    assert "ambiguous_number" in row.flags


def test_seed_003_codes_repaired(seed_003_rows):
    table, rows = seed_003_rows
    assert rows["5.4.2"].code_raw == "540" and (rows["5.4.2"].max_points, rows["5.4.2"].self_points) == (2.0, 2.0)
    assert rows["1.1.1"].code_raw == "LL1"
    assert rows["1.1.2"].code_raw == "L2"
    assert rows["3.1.2"].code_raw == "31n"
    assert rows["3.6"].code_raw == "16" and rows["1.6"].code_raw == "16"
    assert rows["1.6.2"].code_raw is None and "code_inferred" in rows["1.6.2"].flags
    assert rows["1.6.2"].confidence < rows["1.6"].confidence
    assert rows["II.3"].parent == "II" and rows["3.3.1"].parent == "3.3"
    codes = [r.code for r in table.rows]
    assert len(codes) == len(set(codes))  # part II's restart is prefixed, no duplicates
    assert len(table.rows) >= 103
    assert table.pages == list(range(1, 9))


def test_seed_003_row_joined_across_page_and_headers_dropped(seed_003_rows):
    table, rows = seed_003_rows
    assert rows["1.4.2"].source.page == 2 and rows["1.4.2"].max_points == 1.0
    assert not any("tieu chi" in r.name_raw.lower() for r in table.rows)


def _grid_table() -> IngestedDocument:
    rows = [
        ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Nội dung giải trình"],
        ["I", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH", "74", "71,2", ""],
        ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "15", "14", ""],
        ["1.1", "Kế hoạch CCHC năm", "2.5", "2.5", ""],
        ["1.1.1", "Ban hành kế hoạch CCHC năm", "0,5", "", "Kế hoạch số 52/KH-UBND"],
        ["", "Tổng", "100", "", ""],
    ]
    cells = [Cell(r, c, text) for r, row in enumerate(rows) for c, text in enumerate(row) if text]
    table = Table(page=1, cells=cells, n_rows=len(rows), n_cols=5, source="docx", line_start=1, line_end=1)
    return IngestedDocument(path="grid.docx", format="docx", pages=[Page(number=1, blocks=[table], method="docx")])


def test_grid_table_rows():
    (table,) = find_score_tables(_grid_table())
    assert [r.code for r in table.rows] == ["I", "1", "1.1", "1.1.1"]
    assert table.rows[0].self_points == 71.2
    last = table.rows[3]
    assert (last.max_points, last.self_points, last.parent) == (0.5, None, "1.1")
    assert last.explanation == "Kế hoạch số 52/KH-UBND"
    assert "missing_self" in last.flags
    assert table.stated_total_max == 100.0


def test_column_mapping_by_header():
    labels = ["TT", "Tiêu chí", "Điểm tối đa", "Tự chấm", "Tài liệu kiểm chứng"]
    assert map_columns(labels) == {"code": 0, "name": 1, "max": 2, "self": 3, "explanation": 4}
    assert map_columns(["TT", "Nhiệm vụ", "Sản phẩm", "Thời gian"]) is None


def _reference_rows(name: str) -> tuple[dict, list[dict]]:
    reference = json.loads(
        (ROOT / "golden" / "reference" / "renderings" / f"{name}.reference.json").read_text(encoding="utf-8")
    )
    (table,) = reference["score_tables"]
    return table, table["rows"]


def _fold(text: str) -> str:
    return " ".join(unidecode(text or "").lower().split())


# Typed renderings must be read exactly; OCR'd ones to the accuracy bar (rows with the right
# code and content, printed numbers read right).
@pytest.mark.parametrize(
    "name, row_share, cell_share",
    [
        ("score_table.docx", 1.0, 1.0),
        ("score_table.pdf", 1.0, 1.0),
        ("score_table_scan.pdf", 0.98, 0.99),
        ("score_table_scan.png", 0.98, 0.99),
    ],
)
def test_renderings(name, row_share, cell_share):
    path = ROOT / "samples" / "renderings" / name
    reference, expected = _reference_rows(name)
    (table,) = convert_file(path).score_tables  # the whole pipeline: reconcile settles lost decimals
    rows = {r.code: r for r in table.rows}
    found = cells = right = 0
    for ref in expected:
        row = rows.get(ref["code"])
        if row is not None and fuzz.ratio(_fold(row.name), _fold(ref["name"])) >= 60:
            found += 1
        for field, printed in (("max_points", "max_in_text"), ("self_points", "self_in_text")):
            if ref[printed] and ref[field] is not None:
                cells += 1
                right += row is not None and getattr(row, field) == pytest.approx(ref[field])
    assert found >= row_share * len(expected) and right >= cell_share * cells
    assert len(table.rows) == len(expected)  # nothing invented
    assert table.stated_total_max == reference["stated_total_max"]
    first = expected[0]
    assert (rows[first["code"]].max_points, rows[first["code"]].self_points) == (
        first["max_points"],
        first["self_points"],
    )  # 74 / 71.2 for the whole table, 11.5 for the photo


def test_seed_003_row_with_lost_code_and_numbers(seed_003_rows):
    # One cell per line: "Thực hiện quy chế dân chủ…" (4.2) has no code and no numbers; it
    # reads as a criterion name, so it is a row, not the explanation of 4.1.3.
    _, rows = seed_003_rows
    assert rows["4.1.3"].name.startswith("Két qua thuc hién Quy ché") and rows["4.1.3"].explanation == ""
    assert rows["4.1.3"].max_points == 0.5
    assert rows["4.2"].name.startswith("Thyce hién quy ché dan chu") and "code_inferred" in rows["4.2"].flags
    assert rows["4.3"].code_raw == "43" and rows["4.3"].name.startswith("Thyc hién quy dinh vé sb lugng")


def test_criterion_name_against_explanations():
    def tokens(text):
        return [(t, t) for t in text.split()]

    assert is_criterion_name(tokens("Thyce hién quy ché dan chu va dan van chinh quyén & don vi"))
    assert not is_criterion_name(tokens("Ké hoach s6 52/KH-UBND ngay 30/12/2022 ciia UBND xi"))
    assert not is_criterion_name(tokens("Chua thuc hién"))  # an explanation phrase of the catalogue
    assert not is_criterion_name(tokens("thực hiện quy chế dân chủ và dân vận chính quyền ở đơn vị"))  # no capital


def test_seed_003_names_keep_explanation_out():
    """Interleaved OCR lines (name words, numbers, explanation words on one printed line) are split
    into name and explanation: the pipeline's names against the reference's, by code."""
    from rapidfuzz.distance import Levenshtein

    from cchc_extract.pipeline import result_to_json

    reference = json.loads(
        (ROOT / "golden" / "reference" / (SEED_003.name + ".reference.json")).read_text(encoding="utf-8")
    )
    expected = {row["code"]: row["name"] for row in reference["score_tables"][0]["rows"]}
    output = result_to_json(convert_file(SEED_003))
    names = {row["code"]: row["name"] for table in output["score_tables"] for row in table["rows"]}
    errors = sum(Levenshtein.distance(names.get(code) or "", name) for code, name in expected.items())
    assert (
        errors / sum(len(name) for name in expected.values()) < 0.07
    )  # 0.40 when split by width alone, 0.125 line by line; 0.088 with the repair model of af7bd70,
    # 0.095 with repair v2 (the name/explanation split reads the model's probabilities: rows 1.2,
    # 3.2.1, 3.3.3, 2.3.1 take or lose explanation words), 0.074 with the catalogue's names weighing
    # the split, 0.063 with headings in capitals wrapping into their name (1.3.1, 1.2, 1.1.2 still
    # take or lose words) - issue 11's target is 0.02
    # a name that ran into its explanation column ("... năm 2023. Kế hoạch số 53/KH-UBND ...")
    assert names["1.1.1"] == "Ban hành kế hoạch CCHC năm (trong Quý IV của năm trước liền kề năm đánh giá)"
    # Known regression of repair v2's split (one explanation word kept: "... văn bản QPPL QPPL").
    assert names["2.3.1"].startswith("Tự kiểm tra, rà soát văn bản QPPL")


def test_a_total_row_whose_capitals_ocr_doubled_is_the_total_row():
    """A scan reads "TỔNG ĐIỂM" as "TOÒNG ĐIỂM" or "TỔNG ĐIỀÊM" (a capital's mark read as a second
    vowel): still the total row, while a criterion opening with "Tổng số" is not one."""
    from extract.segment.score_grid_drafts import TOTAL_ROW, total_label
    from normalize.text import fold

    for label in ("TOÒNG ĐIỂM", "TỔNG ĐIỀÊM", "` Tổng cộng", "Tổng điểm (I+II)"):
        assert TOTAL_ROW.match(total_label(fold(label))), label
    assert not TOTAL_ROW.match(total_label(fold("Tổng số cán bộ được đào tạo")))
