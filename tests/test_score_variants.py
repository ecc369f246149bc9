"""Score tables laid out the way other communes lay them out: generated DOCX (and PDF) files run
through the whole pipeline. One small consistent catalogue, many layouts: extra appraised column,
header wordings, one- and two-row headers, column-number rows, code and name in one cell, the
explanation before the numbers, number spellings, total rows, a table split across pages, text
without diacritics. Each layout must read to the same codes and values, reconcile clean, and a
planted fault must be found."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from unidecode import unidecode

from cchc_extract.pipeline import convert_file, result_to_json
from extract.external import convert_to_pdf
from schemas import schema_errors

# code, name, max, self, appraised, evidence — sums hold at every level.
CATALOGUE = [
    ("I", "ĐÁNH GIÁ KẾT QUẢ THỰC HIỆN CẢI CÁCH HÀNH CHÍNH", "10", "8,5", "8", ""),
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5", "4,75", ""),
    ("1.1", "Kế hoạch cải cách hành chính năm", "2,5", "2", "2", ""),
    ("1.1.1", "Ban hành kế hoạch cải cách hành chính kịp thời", "1", "1", "1", "Kế hoạch số 12/KH-UBND"),
    ("1.1.2", "Mức độ thực hiện kế hoạch", "1,5", "1", "1", "Báo cáo số 30/BC-UBND"),
    ("1.2", "Công tác kiểm tra cải cách hành chính", "3,5", "3", "2,75", ""),
    ("1.2.1", "Ban hành kế hoạch kiểm tra", "0,5", "0,5", "0,5", ""),
    ("1.2.2", "Tỷ lệ bộ phận được kiểm tra", "3", "2,5", "2,25", "Biên bản kiểm tra"),
    ("2", "Cải cách thủ tục hành chính", "4", "3,5", "3,25", ""),
    ("2.1", "Công khai thủ tục hành chính", "2", "2", "2", ""),
    ("2.2", "Giải quyết hồ sơ đúng hạn", "2", "1,5", "1,25", "Phần mềm một cửa"),
    ("II", "ĐIỂM ĐÁNH GIÁ TÁC ĐỘNG CỦA CẢI CÁCH HÀNH CHÍNH", "5", "4,5", "4", ""),
    ("1", "Mức độ hài lòng của người dân", "3", "3", "2,5", ""),
    ("2", "Tỷ lệ hồ sơ trực tuyến", "2", "1,5", "1,5", ""),
]
CODES = ["I", "1", "1.1", "1.1.1", "1.1.2", "1.2", "1.2.1", "1.2.2", "2", "2.1", "2.2", "II", "II.1", "II.2"]
PARENTS = [None, "I", "1", "1.1", "1.1", "1", "1.2", "1.2", "I", "2", "2", None, "II", "II"]
LEVELS = [0, 1, 2, 3, 3, 2, 3, 3, 1, 2, 2, 0, 1, 1]


def _value(text: str) -> float | None:
    return float(text.replace(",", ".")) if text else None


MAX = [_value(r[2]) for r in CATALOGUE]
SELF = [_value(r[3]) for r in CATALOGUE]
APPRAISED = [_value(r[4]) for r in CATALOGUE]


# ------------------------------------------------------------------------------- DOCX builder


def write_docx(
    path: Path, tables: list[dict], title: str = "BẢNG TỰ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2024", fold: bool = False
) -> Path:
    """One DOCX: a title, then each table ({"rows": [[cell text]], "merges": [((r0, c0), (r1, c1))]}),
    a page break between tables. ``fold`` strips every diacritic (text OCR'd without them)."""

    def text(t: str) -> str:
        return unidecode(t) if fold else t

    document = docx.Document()
    document.add_paragraph(text("ỦY BAN NHÂN DÂN XÃ AN PHÚ"))
    document.add_paragraph(text(title))
    for i, spec in enumerate(tables):
        if i:
            document.add_page_break()
        rows = spec["rows"]
        table = document.add_table(rows=len(rows), cols=len(rows[0]))
        table.style = "Table Grid"
        for r, row in enumerate(rows):
            for c, value in enumerate(row):
                if value:
                    table.cell(r, c).text = text(value)
        for (r0, c0), (r1, c1) in spec.get("merges", []):
            keep = table.cell(r0, c0).text
            table.cell(r0, c0).merge(table.cell(r1, c1)).text = keep
    document.add_paragraph(text("Người lập biểu"))
    document.save(str(path))
    return path


def to_pdf(source: Path) -> Path:
    """The DOCX printed to PDF by LibreOffice (ruled tables, as pdfplumber finds them)."""
    return convert_to_pdf(source, source.parent)


def body(columns: str, catalogue=CATALOGUE) -> list[list[str]]:
    """Catalogue rows laid out in ``columns`` (letters: c code, n name, m max, s self, a appraised,
    e evidence, k code and name in one cell)."""
    out = []
    for code, name, max_, self_, appraised, evidence in catalogue:
        cell = {"c": code, "n": name, "m": max_, "s": self_, "a": appraised, "e": evidence, "k": f"{code}. {name}"}
        out.append([cell[k] for k in columns])
    return out


def total_row(columns: str, label: str = "Tổng cộng", max_: str = "15", self_: str = "13", appraised: str = "12"):
    cell = {"c": "", "n": label, "k": label, "m": max_, "s": self_, "a": appraised, "e": ""}
    return [cell[k] for k in columns]


def convert(path: Path):
    result = convert_file(path)
    assert result.errors == [] and schema_errors(result_to_json(result)) == []
    assert len(result.score_tables) == 1, [t.rows[:2] for t in result.score_tables]
    return result, result.score_tables[0]


def mismatches(result) -> list[str]:
    return [f"{c.kind} {c.code} {c.field}" for c in result.checks if c.status == "mismatch"]


def assert_catalogue(table, appraised: bool = False, folded: bool = False):
    rows = table.rows
    assert [r.code for r in rows] == CODES
    assert [r.parent for r in rows] == PARENTS
    assert [r.level for r in rows] == LEVELS
    assert [r.max_points for r in rows] == MAX
    assert [r.self_points for r in rows] == SELF
    assert [r.appraised_points for r in rows] == (APPRAISED if appraised else [None] * len(rows))
    name = rows[3].name if not folded else unidecode(rows[3].name)
    assert name == (CATALOGUE[3][1] if not folded else unidecode(CATALOGUE[3][1]))


def faulty(rows: list[list[str]], column: int, row_index: int = 4, value: str = "1,75") -> list[list[str]]:
    """A copy with one child's max changed (1.1.2: 1,5 → 1,75): 1.1 no longer adds up."""
    out = [list(r) for r in rows]
    out[row_index][column] = value
    return out


# ------------------------------------------------------------------------------- cases

APPRAISED_HEADER = ["TT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Tài liệu kiểm chứng"]


def test_appraised_column_is_not_self_points(tmp_path):
    rows = [APPRAISED_HEADER] + body("cnmsae") + [total_row("cnmsae")]
    result, table = convert(write_docx(tmp_path / "appraised.docx", [{"rows": rows}]))
    assert_catalogue(table, appraised=True)
    row = table.rows[7]
    assert (row.appraised_points, row.appraised_points_raw) == (2.25, "2,25")
    assert row.explanation == "Biên bản kiểm tra"
    assert (table.stated_total_max, table.stated_total_self) == (15.0, 13.0)
    assert mismatches(result) == []
    data = result_to_json(result)
    assert data["score_tables"][0]["rows"][7]["appraised_points"] == 2.25

    bad = [APPRAISED_HEADER] + faulty(body("cnmsae"), 2) + [total_row("cnmsae")]
    result, _ = convert(write_docx(tmp_path / "appraised_bad.docx", [{"rows": bad}]))
    assert mismatches(result) == ["sum_children 1.1 max_points"]


@pytest.mark.parametrize(
    "max_label, self_label, evidence_label",
    [
        ("Điểm chuẩn", "Tự đánh giá", "Ghi chú"),
        ("Thang điểm", "Điểm tự đánh giá, chấm điểm", "Giải trình"),
        ("Điểm tối đa được chấm", "Điểm đạt", "Tài liệu kiểm chứng"),
        ("Điểm tối đa", "Điểm tự chấm", "Nội dung giải trình"),
    ],
)
def test_header_wordings(tmp_path, max_label, self_label, evidence_label):
    header = ["STT", "Lĩnh vực, tiêu chí", max_label, self_label, evidence_label]
    rows = [header] + body("cnmse") + [total_row("cnmse")]
    result, table = convert(write_docx(tmp_path / "wording.docx", [{"rows": rows}]))
    assert_catalogue(table)
    assert table.rows[3].explanation == "Kế hoạch số 12/KH-UBND"
    assert mismatches(result) == []


def test_two_row_header_with_column_numbers(tmp_path):
    # "Điểm" merged over "Tối đa | Tự chấm | Thẩm định"; TT, name and evidence merged down; then
    # a row of column numbers.
    header = [
        ["TT", "Nội dung tiêu chí", "Điểm", "", "", "Ghi chú"],
        ["", "", "Tối đa", "Tự chấm", "Thẩm định", ""],
        ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)"],
    ]
    merges = [((0, 2), (0, 4)), ((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 5), (1, 5))]
    rows = header + body("cnmsae") + [total_row("cnmsae")]
    result, table = convert(write_docx(tmp_path / "two_rows.docx", [{"rows": rows, "merges": merges}]))
    assert_catalogue(table, appraised=True)
    assert mismatches(result) == []

    bad = header + faulty(body("cnmsae"), 2) + [total_row("cnmsae")]
    result, _ = convert(write_docx(tmp_path / "two_rows_bad.docx", [{"rows": bad, "merges": merges}]))
    assert mismatches(result) == ["sum_children 1.1 max_points"]


def test_code_and_name_in_one_cell(tmp_path):
    header = ["Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"]
    rows = [header] + body("kmse") + [total_row("kmse")]
    result, table = convert(write_docx(tmp_path / "merged_code.docx", [{"rows": rows}]))
    assert_catalogue(table)
    assert [r.code_raw for r in table.rows[:4]] == ["I.", "1.", "1.1.", "1.1.1."]
    assert mismatches(result) == []


def test_explanation_before_numbers(tmp_path):
    header = ["STT", "Tiêu chí", "Giải trình", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định"]
    rows = [header] + body("cnemsa") + [total_row("cnemsa", "Cộng (I+II)")]
    result, table = convert(write_docx(tmp_path / "evidence_first.docx", [{"rows": rows}]))
    assert_catalogue(table, appraised=True)
    assert table.rows[10].explanation == "Phần mềm một cửa"
    assert table.stated_total_max == 15.0
    assert mismatches(result) == []

    bad = [header] + faulty(body("cnemsa"), 3) + [total_row("cnemsa", "Cộng (I+II)")]
    result, _ = convert(write_docx(tmp_path / "evidence_first_bad.docx", [{"rows": bad}]))
    assert mismatches(result) == ["sum_children 1.1 max_points"]


def test_number_spellings_blank_and_none_marks(tmp_path):
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header] + body("cnmse")
    rows[3][2], rows[3][3] = "2.5", "2.0"  # 1.1 with points, not commas
    rows[7][3] = ""  # 1.2.1 self left blank
    rows[8][3] = "-"  # 1.2.2 "-": not scored
    rows[10][3] = "x"  # 2.1 "x": not scored
    rows.append(total_row("cnmse"))
    result, table = convert(write_docx(tmp_path / "numbers.docx", [{"rows": rows}]))
    by_code = {r.code: r for r in table.rows}
    assert [r.code for r in table.rows] == CODES
    assert (by_code["1.1"].max_points, by_code["1.1"].self_points) == (2.5, 2.0)
    assert by_code["1.2.1"].max_points == 0.5
    assert by_code["1.2.1"].self_points is None and "missing_self" in by_code["1.2.1"].flags
    for code, mark in (("1.2.2", "-"), ("2.1", "x")):
        row = by_code[code]
        assert row.self_points is None and row.self_points_raw == mark  # never 0
        assert "self_marked_none" in row.flags and "missing_self" not in row.flags
    assert all(r.max_points is not None for r in table.rows)
    assert mismatches(result) == []  # unknown parts are not mismatches


def test_section_row_without_numbers_and_subtotals(tmp_path):
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header, ["", "PHẦN A. CÁC TIÊU CHÍ CHẤM ĐIỂM", "", "", ""]] + body("cnmse")
    rows.insert(13, total_row("cnmse", "Cộng I", "10", "8,5"))
    rows.append(total_row("cnmse", "Cộng II", "5", "4,5"))
    rows.append(total_row("cnmse", "Tổng cộng (I+II)", "15", "13"))
    result, table = convert(write_docx(tmp_path / "sections.docx", [{"rows": rows}]))
    assert [r.code for r in table.rows] == CODES  # no row for the heading nor the subtotals
    assert [r.max_points for r in table.rows] == MAX
    assert (table.stated_total_max, table.stated_total_self) == (15.0, 13.0)
    assert mismatches(result) == []


def test_table_split_across_pages_with_repeated_header(tmp_path):
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú"]
    rows = body("cnmsae")
    first = {"rows": [header] + rows[:6]}
    second = {"rows": [header] + rows[6:] + [total_row("cnmsae")]}
    result, table = convert(write_docx(tmp_path / "split.docx", [first, second]))
    assert_catalogue(table, appraised=True)
    assert table.pages == [1, 2]
    assert table.rows[6].source.page == 2
    assert mismatches(result) == []


def test_text_without_diacritics(tmp_path):
    # Headers and names as OCR without a Vietnamese model leaves them: "Diem tu cham".
    rows = [APPRAISED_HEADER] + body("cnmsae") + [total_row("cnmsae")]
    result, table = convert(write_docx(tmp_path / "folded.docx", [{"rows": rows}], fold=True))
    assert [r.code for r in table.rows] == CODES
    assert [r.max_points for r in table.rows] == MAX
    assert [r.self_points for r in table.rows] == SELF
    assert [r.appraised_points for r in table.rows] == APPRAISED
    assert table.stated_total_max == 15.0
    assert mismatches(result) == []

    bad = [APPRAISED_HEADER] + faulty(body("cnmsae"), 2) + [total_row("cnmsae")]
    result, _ = convert(write_docx(tmp_path / "folded_bad.docx", [{"rows": bad}], fold=True))
    assert mismatches(result) == ["sum_children 1.1 max_points"]


@pytest.mark.needs_libreoffice
def test_pdf_from_libreoffice(tmp_path):
    header = [["TT", "Nội dung tiêu chí", "Điểm", "", "", "Ghi chú"], ["", "", "Tối đa", "Tự chấm", "Thẩm định", ""]]
    merges = [((0, 2), (0, 4)), ((0, 0), (1, 0)), ((0, 1), (1, 1)), ((0, 5), (1, 5))]
    rows = header + body("cnmsae") + [total_row("cnmsae")]
    source = write_docx(tmp_path / "table.docx", [{"rows": rows, "merges": merges}])
    result, table = convert(to_pdf(source))
    assert_catalogue(table, appraised=True)
    assert mismatches(result) == []


def test_points_with_units_and_roman_with_dash(tmp_path):
    # "2,5 điểm" / "0,5đ" in the cells, "I - ĐÁNH GIÁ" with the code in the name cell, and the
    # appraised column named after the office that appraises.
    header = ["Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm Phòng Nội vụ chấm", "Ghi chú"]
    rows = body("kmsae")
    rows[0][0] = "I - " + CATALOGUE[0][1]
    rows[2][1], rows[6][1] = "2,5 điểm", "0,5đ"
    rows = [header] + rows + [total_row("kmsae")]
    result, table = convert(write_docx(tmp_path / "units.docx", [{"rows": rows}]))
    assert_catalogue(table, appraised=True)
    assert table.rows[2].max_points_raw == "2,5 điểm"
    assert mismatches(result) == []


@pytest.mark.needs_libreoffice
def test_pdf_split_across_pages(tmp_path):
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Ghi chú"]
    rows = body("cnmsae")
    tables = [{"rows": [header] + rows[:6]}, {"rows": [header] + rows[6:] + [total_row("cnmsae")]}]
    source = write_docx(tmp_path / "split.docx", tables)
    result, table = convert(to_pdf(source))
    assert_catalogue(table, appraised=True)
    assert table.pages == [1, 2]
    assert mismatches(result) == []


def test_section_row_without_numbers_against_the_total(tmp_path):
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = body("cnmse")
    rows[0][2] = rows[0][3] = ""  # section I prints no points of its own
    result, table = convert(write_docx(tmp_path / "section.docx", [{"rows": [header] + rows + [total_row("cnmse")]}]))
    assert table.rows[0].code == "I" and table.rows[0].max_points is None and table.rows[1].parent == "I"
    assert mismatches(result) == []


def test_a_speck_before_the_total_label_leaves_it_a_total(tmp_path):
    # A scan's dust read as a mark ahead of the label ("` Tổng cộng"): still the total, not a row.
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header] + body("cnmse") + [total_row("cnmse", "` Tổng cộng", "15", "13")]
    result, table = convert(write_docx(tmp_path / "speck.docx", [{"rows": rows}]))
    assert [r.code for r in table.rows] == CODES
    assert (table.stated_total_max, table.stated_total_self) == (15.0, 13.0)
    assert mismatches(result) == []


def test_a_criterion_left_blank_in_a_typed_table_adds_nothing_to_its_parent(tmp_path):
    """A DOCX prints every cell: II.2's self score printed blank (a criterion the commune did not
    score, often one assessed by survey) adds 0. II stating 4,5 while its sub-criteria print 3 is the
    document's own inconsistency; the same table with II stating 3 (and the total 11,5) holds."""
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header] + body("cnmse")
    rows[14][3] = ""  # II.2 self printed blank
    result, table = convert(write_docx(tmp_path / "blank.docx", [{"rows": rows + [total_row("cnmse")]}]))
    assert table.rows[13].self_points is None and "missing_self" in table.rows[13].flags
    (check,) = [c for c in result.checks if c.kind == "sum_self" and c.code == "II"]
    assert (check.status, check.expected, check.actual) == ("mismatch", 3, 4.5)
    assert "1 printed blank, counted as 0" in check.message
    assert mismatches(result) == ["sum_self II self_points"]

    rows[12][3] = "3"
    result, _ = convert(write_docx(tmp_path / "held.docx", [{"rows": rows + [total_row("cnmse", self_="11,5")]}]))
    assert mismatches(result) == []


def test_a_scale_printed_under_the_name_whose_last_line_ends_in_0_stays_the_scale(tmp_path):
    """A criterion's scale printed in its name cell, the last line giving 0 points ("Không ban
    hành: 0"): the scale comes apart from the name whole (a typed cell's last "0" is no speck)."""
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header] + body("cnmse")
    rows[4][1] = "Ban hành kế hoạch cải cách hành chính kịp thời\n- Ban hành kịp thời: 1\n- Không ban hành: 0"
    result, table = convert(write_docx(tmp_path / "scale.docx", [{"rows": rows + [total_row("cnmse")]}]))
    row = table.rows[3]
    assert row.name == CATALOGUE[3][1]
    assert row.scale == ["Ban hành kịp thời: 1", "Không ban hành: 0"]
