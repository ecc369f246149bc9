"""A table continued on the next page under a running "(tiếp theo)" line, with no header there: the
scan's second part joins the first (S17 of N20: 9/26 rows read, the later page an unread table)."""

import pytest

from extract.model import Cell, IngestedDocument, Line, Page, Table
from extract.segment.running_lines import is_running_line
from extract.segment.table_join import join_tables


@pytest.mark.parametrize(
    "text",
    [
        "Phụ lục 1 (tiếp theo)",
        "(Tiếp theo Phụ lục 1)",
        "Phụ lục 1 - tiếp theo",
        "(tiếp theo)",
        "(Tiếp theo)",
        "Biểu tự đánh giá, chấm điểm (tiếp theo)",
        "Phụ lục II (tiếp)",
        "(Tiếp theo trang trước)",
        "(Tiép theo Phu luc 1)",  # a dump's, marks lost
    ],
)
def test_running_lines_are_recognised(text):
    assert is_running_line(text)


@pytest.mark.parametrize(
    "text",
    [
        "Phụ lục 1",
        "Tiếp theo kết quả năm 2023, UBND xã đã triển khai thực hiện các nhiệm vụ sau đây",
        "3. Tiếp tục đẩy mạnh cải cách thủ tục hành chính",
        "SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
    ],
)
def test_text_is_no_running_line(text):
    assert not is_running_line(text)


def _table(page: int, rows: list[list[str]], line: int) -> Table:
    cells = [Cell(row=r, col=c, text=t) for r, row in enumerate(rows) for c, t in enumerate(row)]
    return Table(
        page=page,
        cells=cells,
        n_rows=len(rows),
        n_cols=len(rows[0]),
        source="ocr-lines",
        line_start=line,
        line_end=line + len(rows) - 1,
    )


_FIRST = [
    ["STT", "Nội dung", "ĐVT", "Số liệu", "Ghi chú"],
    ["3", "Kết quả giải quyết hồ sơ thủ tục hành chính", "", "", ""],
    ["3.1", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", "431", ""],
]
# The next page opens on the lettered items, the first letter lost to OCR: no code to carry on.
_SECOND = [
    [")", "Giải quyết trước hạn", "Hồ sơ", "352", ""],
    ["b)", "Giải quyết đúng hạn", "Hồ sơ", "62", ""],
    ["C)", "Giải quyết quá hạn", "Hồ sơ", "17", ""],
    ["3.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", "%", "96,06", ""],
]


def _doc(between: str, second: list[list[str]] = _SECOND) -> IngestedDocument:
    return IngestedDocument(
        path="scan.pdf",
        format="pdf",
        pages=[
            Page(number=2, blocks=[Line(text="Phụ lục 1", page=2, number=1), _table(2, _FIRST, 2)], method="ocr"),
            Page(number=3, blocks=[Line(text=between, page=3, number=5), _table(3, second, 6)], method="ocr"),
        ],
    )


def test_a_headerless_part_under_a_running_line_goes_on_the_table_above():
    tables = join_tables(_doc("(Tiếp theo Phụ lục 1)"))
    assert len(tables) == 1
    assert [r.cells[0] for r in tables[0].rows] == ["3", "3.1", ")", "b)", "C)", "3.2"]
    assert tables[0].pages == [2, 3]


def test_a_table_under_real_text_stays_a_table_of_its_own():
    # A sentence between them: another table, however alike its shape.
    tables = join_tables(_doc("Kết quả giải quyết hồ sơ của Bộ phận một cửa trong năm như sau"))
    assert len(tables) == 2


def test_a_part_with_another_count_of_columns_stays_apart():
    narrow = [row[:4] for row in _SECOND]
    assert len(join_tables(_doc("(Tiếp theo Phụ lục 1)", narrow))) == 2


def test_a_part_under_its_own_other_header_stays_apart():
    # A new annex's header under the running line is a table of its own, not this one's rows.
    other = [["TT", "Nhiệm vụ", "Thời gian", "Kết quả", "Đơn vị"], *_SECOND]
    assert len(join_tables(_doc("(tiếp theo)", other))) == 2


def test_a_part_opening_on_the_rest_of_a_cut_row_goes_on_the_table_above():
    # The break cut row 3.1's name: the next page opens on its rest, no code, no figure.
    rest = [["", "trong năm", "", "", ""], *_SECOND]
    tables = join_tables(_doc("Phụ lục 1 (tiếp theo)", rest))
    assert len(tables) == 1
    assert tables[0].rows[1].cells[1] == "Số hồ sơ TTHC đã giải quyết trong năm"


def test_an_annex_whose_rows_go_on_under_a_running_line_is_told_unread_when_none_is_read():
    # A dump (S17/D13 of N20, seed 2451): the title OCR garbled ("$0 LIEU …"), two legible coded
    # lines on the label's page and two more on the next, under "Phu luc 1 (tiép theo)": no row
    # read, and the annex was lost untold because each page alone held too few rows to be one.
    from extract.segment.stat_unread import unread_annexes

    def page(number: int, texts: list[str]) -> Page:
        return Page(
            number=number, blocks=[Line(text=t, page=number, number=number * 100 + k) for k, t in enumerate(texts)]
        )

    doc = IngestedDocument(
        path="dump.txt",
        format="txt",
        pages=[
            page(
                2,
                [
                    ". Phu luc 1",
                    "$0 LIEU KET QUA THUC HIEN CONG TAC",
                    "[2 [Tong séhé so TTHC | _-Hoso | 172 |",
                    "32 [Séphin nh, kiénnghi dang xrly | Phandnh | 0 |",
                ],
            ),
            page(
                3,
                [
                    ". Phu luc 1 (tiép theo) eee",
                    "51 | Sénbigm vy @ihoanthanh | Nem | 33",
                    "[52 | Sénbigm vu cha hoanthinh | Nhimww | 2)",
                ],
            ),
        ],
    )
    parts = unread_annexes(doc, [], [])
    assert [(p.page, p.kind) for p in parts] == [(2, "table")]
    # The label's page alone is told by the form's title it prints ("$0 LIEU …": "§"/"$" read for
    # an "S", ``stat_unread``), but two coded lines under a bare label are no annex's rows: a
    # report's prose is as often.
    doc.pages.pop()
    assert [(p.page, p.kind) for p in unread_annexes(doc, [], [])] == [(2, "table")]
    doc.pages[0].blocks.pop(1)
    assert unread_annexes(doc, [], []) == []


def test_a_dumps_annex_goes_on_past_the_running_line_on_its_next_page():
    # A real OCR dump (D13 of N20, seed 2452): the page break (a form feed) falls after row 4, the
    # next page opens on "Phu luc 1 - tiép theo" then rows 4.1-7. The line reader took the running
    # line for the next annex's label and stopped there: 12/24 rows, the rest lost untold.
    from pathlib import Path

    from tests.corpus_helpers import converted_with_truth

    path = Path(__file__).parent / "data" / "dumps_continued" / "d13-s2452-i5-n20-annex-continued.txt"
    out, truth = converted_with_truth(path)
    assert len(out["statistics"]) == 1
    read = {r["code"]: r["value"] for r in out["statistics"][0]["rows"]}
    expected = {r["code"]: r["value"] for r in truth["statistics"][0]["rows"]}
    assert read.keys() == expected.keys()
    # every figure the text prints is read as printed; the two it lost (2.1.c "Z", 3.2 "a") are
    # filled by their groups' sums (``stat_derived``: flagged, their raw text blank) and still told,
    # and 5.1 prints "239" for 339 (OCR's misreading: its group's sum says so)
    assert {c for c in expected if read[c] != expected[c]} == {"5.1"}
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    for code in ("2.1.c", "3.2"):
        assert "derived_from_sums:value" in rows[code]["flags"] and not rows[code]["value_raw"]
    assert {c for p in out["unread"] for c in ("2.1.c", "3.2") if c in p["reason"]} == {"2.1.c", "3.2"}
