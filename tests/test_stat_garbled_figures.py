"""A figure an OCR'd annex printed that OCR garbled past reading ("91,16" read "ói 1,16") is told
unread (issue 16: nothing lost silently), on the row's own value in the queue, once; and a deadline
whose slash OCR read as a fraction slash is written with the slash."""

from __future__ import annotations

from extract.segment.stat_garbled_figures import garbled_figure_rows, garbled_figures
from extract.segment.unread_review import unread_review_items
from normalize.units import spell_deadline
from schemas.records import ExtractionResult, SourceInfo, SourceRef, StatAnnex, StatRow


def _annex() -> StatAnnex:
    src = SourceRef(page=2, line_start=38, line_end=38)
    rows = [
        StatRow(code="3.1", indicator="Tổng số thủ tục hành chính", unit="Thủ tục", value=129.0, value_raw="129"),
        StatRow(
            code="3.2",
            indicator="Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình",
            unit="%",
            value_raw="ói 1,16",
            flags=["value_unparsed"],
            source=src,
        ),
        # A heading's blank and a word the commune wrote are no garbled figure.
        StatRow(code="4", indicator="Kết quả giải quyết hồ sơ", value_raw=""),
        StatRow(code="4.1", indicator="Có bố trí", value_raw="Không", flags=["value_unparsed"]),
    ]
    return StatAnnex(annex="Phụ lục 1", title="BIỂU THỐNG KÊ SỐ LIỆU", pages=[2], rows=rows, read_from="ocr-lines")


def test_a_garbled_figure_is_told_on_its_rows_value():
    annex = _annex()
    (part,) = garbled_figures([annex])
    assert (part.page, part.kind, part.line_start) == (2, "rows", 38)
    assert "3.2 'ói 1,16'" in part.reason and "4.1" not in part.reason
    assert garbled_figure_rows([annex], part) == [(0, 1)]
    result = ExtractionResult(source=SourceInfo(path="x.tif"), statistics=[annex], unread=[part])
    (item,) = unread_review_items(result)
    assert (item.item, item.field) == ("/statistics/0/rows/1", "value")


def test_an_annex_read_whole_tells_nothing():
    annex = _annex()
    annex.rows = [r for r in annex.rows if r.code != "3.2"]
    assert garbled_figures([annex]) == []


def test_a_fraction_slash_in_a_deadline_is_a_slash():
    assert spell_deadline("Quý 1⁄2023", roman=False) == "Quý 1/2023"
    assert spell_deadline("Quý 1⁄2023") == "Quý I/2023"
    assert spell_deadline("Trước ngày 16⁄09/2023") == "Trước ngày 16/09/2023"
