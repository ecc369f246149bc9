"""Score tables in layouts our samples do not have, as real files (see tests/layout_docs.py): a name
header spanning two grid columns (an indent column before sub-criteria), a long table continued
over pages and a landscape section without a repeated header, rows cut by a page break, web-portal
text exports with hard-wrapped rows, scoring-scale lines inside the name cell. Expected rows come
from the generator's catalogue (fictional communes and criteria), never from the program."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.outdir import record_outputs
from cchc_extract.pipeline import convert_file, result_to_json, write_json
from cchc_extract.tables import build_tables
from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.segment.piece_columns import column_map
from extract.segment.scale_lines import split_scale
from extract.segment.table_join import JoinSettings, join_tables
from extract.text_reader import parse_text
from layout_docs import catalogue, points, portal_export, to_pdf, write_indent_docx, write_split_docx
from schemas import schema_errors
from schemas.records import to_dict


def convert(path: Path):
    result = convert_file(path)
    assert result.errors == [] and schema_errors(result_to_json(result)) == []
    assert len(result.score_tables) == 1, [(t.pages, len(t.rows)) for t in result.score_tables]
    return result, result.score_tables[0]


def mismatches(result) -> list[str]:
    return [f"{c.kind} {c.code} {c.field}" for c in result.checks if c.status == "mismatch"]


def assert_rows(table, expected, scale: bool = True) -> None:
    rows = table.rows
    assert [r.code for r in rows] == [c.code for c in expected]
    assert [r.parent for r in rows] == [c.code.rsplit(".", 1)[0] if "." in c.code else None for c in expected]
    assert [r.name for r in rows] == [c.name for c in expected]
    assert [r.max_points for r in rows] == [c.max_points for c in expected]
    assert [r.self_points for r in rows] == [c.self_points for c in expected]
    if scale:
        assert [r.scale for r in rows] == [c.scale for c in expected]


def pdf_or_skip(docx_path: Path) -> Path:
    pdf = to_pdf(docx_path)
    if pdf is None:
        pytest.skip("LibreOffice did not convert the DOCX (not installed or failed)")
    return pdf


# --------------------------------------------------------------------- name over two grid columns


def test_name_header_spanning_an_indent_column_docx(tmp_path):
    expected = catalogue(5, 5)
    result, table = convert(write_indent_docx(tmp_path / "indent.docx", expected))
    assert_rows(table, expected)
    assert table.rows[1].name == "Ban hành kế hoạch thực hiện nhiệm vụ năm (1.1)"
    assert table.rows[1].scale == [
        "Hoàn thành 100%: 1 điểm",
        "Hoàn thành từ 50% đến dưới 100%: 0,5 điểm",
        "Dưới 50%: 0 điểm",
    ]
    top = [c for c in expected if c.level == 1]
    assert table.stated_total_max == sum(c.max_points for c in top)
    assert mismatches(result) == []


def test_name_header_spanning_an_indent_column_landscape_pdf(tmp_path):
    expected = catalogue(7, 6, seed=3)
    result, table = convert(
        pdf_or_skip(write_indent_docx(tmp_path / "indent.docx", expected, landscape=True, commune="Xã Yên Hà"))
    )
    assert len(table.pages) >= 3  # the header is printed on page 1 only
    assert_rows(table, expected)
    assert mismatches(result) == []


# --------------------------------------------------------------------- continued without a header


def test_long_table_without_repeated_header_and_landscape_section_pdf(tmp_path):
    expected = catalogue(8, 6)
    result, table = convert(pdf_or_skip(write_split_docx(tmp_path / "long.docx", expected)))
    assert len(table.pages) >= 5  # portrait pages, then landscape ones, a running header on each
    assert_rows(table, expected)
    cut = [r for r in table.rows if "joined_across_page" in r.flags]
    assert cut  # rows the page break cut are put back together, their names whole (asserted above)
    assert mismatches(result) == []


def test_long_table_without_repeated_header_docx(tmp_path):
    expected = catalogue(6, 4, seed=5)
    result, table = convert(write_split_docx(tmp_path / "long.docx", expected))
    assert table.pages == [1, 2]
    assert_rows(table, expected)
    assert mismatches(result) == []


def _table(page: int, rows: list[list[str]], edges: list[float]) -> Table:
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(page=page, cells=cells, n_rows=len(rows), n_cols=len(rows[0]), source="pdf-lines", col_edges=edges)


def test_fragment_missing_the_indent_boundary_keeps_its_columns():
    # Page 2 holds only rows whose name spans the indent column: its grid lacks that boundary.
    first = _table(
        1,
        [
            ["TT", "Tiêu chí", "", "Tối đa", "Tự chấm"],
            ["1", "Chỉ đạo điều hành", "", "2", "2"],
            ["1.1", "", "Ban hành kế hoạch", "2", "2"],
        ],
        [50, 80, 95, 400, 450, 500],
    )
    first.cells[1].col_span = 2
    first.cells.remove(first.cells[2])  # the header cell covers the indent column
    running = Line(text="Xã Hòa Sơn - Bảng tự chấm điểm cải cách hành chính năm 2025", page=2, number=9)
    second = _table(2, [["2", "Cải cách thủ tục hành chính", "3", "2,5"]], [60, 90, 410, 460, 510])
    doc = IngestedDocument(path="x", format="pdf", pages=[Page(1, [first]), Page(2, [running, second])])
    (joined,) = join_tables(doc)
    assert joined.rows[-1].cells == ["2", "Cải cách thủ tục hành chính", "", "3", "2,5"]
    assert joined.cell_text(joined.rows[1], 1) == "Ban hành kế hoạch"


def test_column_map_needs_the_same_shape():
    tolerance = JoinSettings().edge_tolerance
    assert column_map([0, 10, 50, 60], [0, 20, 100, 120], tolerance) == [0, 1, 2]  # wider page, same shares
    assert column_map([0, 10, 50, 60], [0, 30, 100, 120], tolerance) is None
    assert column_map([0, 10, 50, 60], [], tolerance) is None


def test_headerless_table_after_body_text_is_not_joined():
    first = _table(
        1, [["TT", "Tiêu chí", "Tối đa", "Tự chấm"], ["1", "Chỉ đạo điều hành", "2", "2"]], [50, 80, 400, 450, 500]
    )
    text = [
        Line(
            text="Ngoài ra, Ủy ban nhân dân xã đã tổ chức nhiều hội nghị đối thoại với người dân.", page=1, number=5 + k
        )
        for k in range(8)
    ]
    second = _table(1, [["2", "Cải cách thủ tục hành chính", "3", "2,5"]], [50, 80, 400, 450, 500])
    doc = IngestedDocument(path="x", format="pdf", pages=[Page(1, [first] + text + [second])])
    assert len(join_tables(doc)) == 2


# --------------------------------------------------------------------- web-portal text exports


def test_portal_export_rows_wrapped_across_lines(tmp_path):
    expected = catalogue(3, 5, seed=2)
    path = tmp_path / "portal.txt"
    path.write_text(portal_export(expected, width=64), encoding="utf-8")
    result, table = convert(path)
    assert_rows(table, expected)
    top = [c for c in expected if c.level == 1]
    assert (table.stated_total_max, table.stated_total_self) == (
        sum(c.max_points for c in top),
        sum(c.self_points for c in top),
    )
    assert mismatches(result) == []


def test_portal_export_wrapped_cell_by_cell():
    # Exports that wrap inside each cell print a row's rest with all its bars and no code.
    text = (
        "STT|Nội dung tiêu chí|Điểm tối đa|Điểm tự chấm|Tài liệu kiểm chứng|\n"
        "1|Công tác chỉ đạo, điều hành|3|2,5||\n"
        "1.1|Ban hành kế hoạch cải cách hành chính|1|1|Kế hoạch số|\n"
        "|năm đúng thời hạn||| 15/KH-UBND|\n"
        "1.2|Kiểm tra việc thực hiện|2|1,5||\n"
    )
    (page,) = parse_text(text)
    (table,) = page.tables
    assert table.source == "portal" and table.n_cols == 5
    assert table.text_rows()[2] == [
        "1.1",
        "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn",
        "1",
        "1",
        "Kế hoạch số 15/KH-UBND",
    ]
    assert len(table.text_rows()) == 4


def test_portal_row_without_trailing_empty_cells_is_not_glued_to_the_next():
    text = (
        "STT|Tiêu chí|Điểm tối đa|Điểm tự chấm|Ghi chú|\n"
        "1|Công tác chỉ đạo|3|2,5|\n"
        "1.1|Ban hành kế hoạch|1|1|Kế hoạch số 15|\n"
    )
    (table,) = parse_text(text)[0].tables
    assert table.text_rows()[1] == ["1", "Công tác chỉ đạo", "3", "2,5", ""]
    assert table.text_rows()[2][0] == "1.1"


def test_text_with_a_few_bars_is_not_a_table():
    (page,) = parse_text("Số: 12/BC-UBND | Hòa Sơn, ngày 3 tháng 4 năm 2025\nNơi nhận: | - UBND huyện |\n")
    assert page.tables == []


# --------------------------------------------------------------------- scale lines


@pytest.mark.parametrize(
    "text, name, scale",
    [
        (
            "Ban hành kế hoạch - Hoàn thành 100%: 1,5 điểm + Dưới 50%: 0 điểm",
            "Ban hành kế hoạch",
            ["Hoàn thành 100%: 1,5 điểm", "Dưới 50%: 0 điểm"],
        ),
        # A dash inside a scale line stays in it; a dash inside the name stays in the name.
        (
            "Công tác chỉ đạo - điều hành – Từ 50% - dưới 100%: 0,5đ; – Dưới 50%: 0 điểm.",
            "Công tác chỉ đạo - điều hành",
            # (the list's closing full stop is no part of its last item, as the ";" of the first)
            ["Từ 50% - dưới 100%: 0,5đ", "Dưới 50%: 0 điểm"],
        ),
        ("Công tác chỉ đạo - điều hành", "Công tác chỉ đạo - điều hành", []),
        ("Kế hoạch kiểm tra (tối đa 2 điểm)", "Kế hoạch kiểm tra (tối đa 2 điểm)", []),
        # Points without their unit, after a colon, as the provincial decisions print them.
        (
            "Mức độ thực hiện kế hoạch - Trên 90%: 2 - Từ 70% - 90%: 1 - Dưới 70%: 0",
            "Mức độ thực hiện kế hoạch",
            ["Trên 90%: 2", "Từ 70% - 90%: 1", "Dưới 70%: 0"],
        ),
        ("Tổ chức hội nghị - Quý 2", "Tổ chức hội nghị - Quý 2", []),
        ("- Hoàn thành: 1 điểm", "- Hoàn thành: 1 điểm", []),  # nothing but a scale: the name is kept
    ],
)
def test_split_scale(text, name, scale):
    assert split_scale(text) == (name, scale)


def test_scale_column_in_score_rows_table(tmp_path):
    expected = catalogue(2, 2)
    result = convert_file(write_indent_docx(tmp_path / "indent.docx", expected))
    write_json(to_dict(result), tmp_path / "out" / "indent.docx.json")
    record_outputs(tmp_path / "out", [tmp_path / "out" / "indent.docx.json"])  # ours, as a batch records it
    rows = build_tables(tmp_path / "out")["score_rows"]
    assert rows.scale.tolist()[1] == " | ".join(expected[1].scale)
    assert rows.scale.isna().tolist()[0]
    assert points(1.5) == "1,5"


def test_portal_export_cell_then_bar_lines():
    # Each cell's text (wrapped over lines), then "|" on a line of its own; a row closed by one
    # more "|". An empty cell is a "|" after a "|" too: the column count tells them apart.
    cells = [
        ["STT", "Tiêu chí", "Điểm", "", "Ghi chú"],
        ["", "", "Tối đa", "Tự chấm", ""],
        ["1.", "Công tác chỉ đạo, điều hành", "3", "2,5", ""],
        ["1.1", "Ban hành kế hoạch cải cách hành chính\nnăm đúng thời hạn", "1", "1", "Kế hoạch số 15/KH-UBND"],
        ["1.2", "Kiểm tra việc thực hiện", "2", "1,5", ""],
    ]
    lines = ["ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "|", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "|", "|", ""]
    for row in cells:
        for text in row:
            lines += (text.split("\n") if text else []) + ["|"]
        lines.append("|")
    lines += ["", "Nơi nhận:"]
    (page,) = parse_text("\n".join(lines) + "\n")
    (table,) = page.tables
    assert table.n_cols == 5
    assert table.text_rows()[3] == [
        "1.1",
        "Ban hành kế hoạch cải cách hành chính năm đúng thời hạn",
        "1",
        "1",
        "Kế hoạch số 15/KH-UBND",
    ]
    assert page.lines[-1].text == "Nơi nhận:"


def test_portal_export_wrapped_in_fixed_columns():
    # Every physical line repeats each column's bar at the same place; the rest of a cell sits
    # under it with the code cell blank, whatever its case. A total row keeps its numbers.
    text = (
        "Mã số | Tiêu chí                   | Điểm  | Điểm  | Ghi chú |\n"
        "      |                            | tối   | tự    | |\n"
        "      |                            | đa    | chấm  | |\n"
        "1.    | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH| 10    | 8,75  | |\n"
        "      | CCHC                       |       |       | |\n"
        "1.1   | Kế hoạch năm               | 10    | 8,75  | Công văn số |\n"
        "      |                            |       |       | 169/CV-UBND |\n"
        "      | Tổng                       | 10    | 8,75  | |\n"
    )
    (table,) = parse_text(text)[0].tables
    assert table.text_rows() == [
        ["Mã số", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"],
        ["1.", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", "10", "8,75", ""],
        ["1.1", "Kế hoạch năm", "10", "8,75", "Công văn số 169/CV-UBND"],
        ["", "Tổng", "10", "8,75", ""],
    ]


def test_sub_codes_in_the_indent_column(tmp_path):
    # The indent column under the name header holds the sub-criteria's codes; the TT column only
    # the fields' codes.
    expected = catalogue(3, 3, with_scale=False)
    path = write_indent_docx(tmp_path / "indent_codes.docx", expected, codes_in_indent=True)
    result, table = convert(path)
    assert_rows(table, expected)
    assert mismatches(result) == []


def test_scale_items_of_a_scale_column():
    from extract.segment.scale_lines import scale_items

    assert scale_items("- Ban hành kịp thời: 1 - Ban hành chậm: 0,5 - Không ban hành: 0") == [
        "Ban hành kịp thời: 1",
        "Ban hành chậm: 0,5",
        "Không ban hành: 0",
    ]
    assert scale_items("Đạt 100%: 3 điểm Đạt từ 90% đến dưới 100%: 1,5 điểm Dưới 90%: 0 điểm") == [
        "Đạt 100%: 3 điểm",
        "Đạt từ 90% đến dưới 100%: 1,5 điểm",
        "Dưới 90%: 0 điểm",
    ]
    assert scale_items("") == []


def test_scale_column_beside_the_points(tmp_path):
    import docx as python_docx

    document = python_docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ MINH KHAI")
    rows = [
        ["TT", "Tiêu chí", "Cách tính điểm", "Điểm tối đa", "Điểm tự chấm"],
        ["1", "Công tác chỉ đạo", "", "3", "2"],
        ["1.1", "Ban hành kế hoạch", "+ Ban hành đúng hạn: 1\n+ Ban hành chậm: 0,5", "1", "1"],
        ["1.2", "Kiểm tra thực hiện", "Đạt 100%: 2 điểm\nDưới 100%: 1 điểm", "2", "1"],
    ]
    table = document.add_table(rows=len(rows), cols=5)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            lines = text.split("\n")
            table.cell(r, c).text = lines[0]
            for extra in lines[1:]:
                table.cell(r, c).add_paragraph(extra)
    document.save(str(tmp_path / "scale.docx"))
    result, score = convert(tmp_path / "scale.docx")
    assert [r.max_points for r in score.rows] == [3.0, 1.0, 2.0]
    assert [r.scale for r in score.rows] == [
        [],
        ["Ban hành đúng hạn: 1", "Ban hành chậm: 0,5"],
        ["Đạt 100%: 2 điểm", "Dưới 100%: 1 điểm"],
    ]
    assert score.rows[1].name == "Ban hành kế hoạch"
    assert mismatches(result) == []


def test_row_cut_with_its_code_and_numbers_on_the_next_page():
    # Cells centred vertically: the cut row's top holds only text; its code and points are
    # printed on the next page beside the rest of the text.
    first = _table(
        1,
        [
            ["TT", "Tiêu chí", "Tối đa", "Tự chấm"],
            ["1", "Chỉ đạo điều hành", "2", "2"],
            ["", "Ban hành kế hoạch cải cách", "", ""],
        ],
        [50, 80, 400, 450, 500],
    )
    second = _table(
        2, [["1.1", "hành chính năm", "2", "2"], ["2", "Cải cách thủ tục", "3", "3"]], [50, 80, 400, 450, 500]
    )
    footer = Line(text="Trang 1", page=1, number=4)
    doc = IngestedDocument(path="x", format="pdf", pages=[Page(1, [first, footer]), Page(2, [second])])
    (joined,) = join_tables(doc)
    assert [r.cells for r in joined.rows] == [
        ["1", "Chỉ đạo điều hành", "2", "2"],
        ["1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "2"],
        ["2", "Cải cách thủ tục", "3", "3"],
    ]
    assert joined.rows[1].page == 1 and joined.rows[1].joined_across_break
