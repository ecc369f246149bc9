"""review.xlsx as cchc_extract/review/xlsx.py writes it, read back by openpyxl: every value and
type, font, fill, alignment, link, row height, column width, filter, validation and print
setting the review sheet asks for; text that looks like a formula stays text; characters XML
cannot hold are dropped rather than breaking the file."""

import openpyxl

from cchc_extract.review.xlsx import Cell, SheetSetup, Style, column_letter, write_sheet


def test_a_sheet_reads_back_as_written(tmp_path):
    path = tmp_path / "review.xlsx"
    setup = SheetSetup(
        name="review", widths=[12, 22, 6, 40], n_rows=3, validation=(3, ["chưa xem", "sửa"]), print_columns=3
    )
    bold = Style(bold=True, wrap=True)
    rows = [
        (30.0, [Cell("Xã", bold), Cell("Tài liệu", bold), Cell("Trạng thái", bold), Cell("key", bold)]),
        (
            45.0,
            [
                Cell("Ngọc Kỳ", Style()),
                Cell('=HYPERLINK("x")', Style(wrap=True)),
                Cell("chưa xem", Style(fill="FFF2CC")),
                Cell("xem", Style(color="0563C1", underline=True), link="review/crops/a b.pdf/p1.png"),
            ],
        ),
        (
            15.0,
            [
                Cell(9, Style()),
                Cell(1.5, Style(fill="F8CBAD")),
                Cell(None, Style()),
                Cell("k\x07ey  ", Style(color="808080", size=8)),
            ],
        ),
        (
            15.0,
            [
                Cell("", Style()),
                Cell("a & <b>", Style()),
                Cell("dòng 1\ndòng 2", Style(wrap=True)),
                Cell(-0.25, Style()),
            ],
        ),
    ]
    write_sheet(path, setup, rows)
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet.title == "review" and sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:D4"
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values == [
        ["Xã", "Tài liệu", "Trạng thái", "key"],
        ["Ngọc Kỳ", '=HYPERLINK("x")', "chưa xem", "xem"],
        [9, 1.5, None, "key  "],
        [None, "a & <b>", "dòng 1\ndòng 2", -0.25],
    ]
    assert sheet["B2"].data_type == "s"  # a formula's text, not a formula
    assert sheet["A1"].font.b and sheet["A1"].alignment.wrap_text and sheet["A1"].alignment.vertical == "top"
    assert sheet["C2"].fill.fill_type == "solid" and sheet["C2"].fill.fgColor.rgb == "00FFF2CC"
    assert sheet["D2"].hyperlink.target == "review/crops/a b.pdf/p1.png"
    assert sheet["D2"].font.u == "single" and sheet["D2"].font.color.rgb == "000563C1"
    assert sheet["D3"].font.sz == 8 and sheet["D3"].font.color.rgb == "00808080"
    assert not sheet["A2"].alignment.wrap_text and sheet["A2"].alignment.vertical == "top"
    assert [sheet.row_dimensions[r].height for r in (1, 2, 3)] == [30, 45, 15]
    assert [sheet.column_dimensions[column_letter(i)].width for i in range(1, 5)] == [12, 22, 6, 40]
    (validation,) = sheet.data_validations.dataValidation
    assert validation.type == "list" and validation.formula1 == '"chưa xem,sửa"' and str(validation.sqref) == "C2:C4"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.page_setup.fitToHeight == 0 and sheet.sheet_properties.pageSetUpPr.fitToPage
    assert str(sheet.page_setup.paperSize) == "9"  # A4
    assert sheet.print_title_rows == "$1:$1" and sheet.print_area == "'review'!$A$1:$C$4"
    assert (sheet.page_margins.left, sheet.page_margins.right) == (0.4, 0.4)


def test_column_letters():
    assert [column_letter(i) for i in (1, 15, 26, 27, 52, 703)] == ["A", "O", "Z", "AA", "AZ", "AAA"]
