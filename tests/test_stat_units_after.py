"""Annex lines printing the unit after the figure (extract/segment/stat_units_after.py): a key-value
table as Tesseract's text of a degraded page gives it (a D11 dump of an N08 report, seed 2321)."""

from __future__ import annotations

from pathlib import Path

from extract.model import Line
from extract.segment.stat_units_after import figure_then_unit, units_follow_figures
from tests.corpus_helpers import converted_with_truth

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_key_value53"
    / "s2321-d11-i3-n08-i3-key-value-header-eng-psm4-250dpi-degraded.txt"
)


def test_the_words_after_the_last_figure_are_the_unit():
    assert figure_then_unit("Số cán bộ, công chức cấp xã 19 người |".split(), 4) == (
        "Số cán bộ, công chức cấp xã",
        "người",
        "19",
    )
    # (a line ending with its figure, or a figure followed by more than words, is cut as usual)
    assert figure_then_unit("Tỷ lệ hoàn thành 100%".split(), 4) is None
    assert figure_then_unit("Số hồ sơ 12 Hồ sơ 120".split(), 4) is None


def _lines(texts: list[str]) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts)]


def test_only_a_table_whose_header_names_no_unit_reads_its_units_after_the_figures():
    rows = ["1. Số cuộc kiểm tra 5 cuộc", "2. Số hồ sơ 684 hồ sơ", "2.1. Trực tuyến 669 hồ sơ", "2.2. Tỷ lệ 97,81%"]
    assert units_follow_figures("Nội dung | Kết quả", _lines(rows), 4)
    assert not units_follow_figures("Nội dung | Đơn vị tính | Kết quả | Ghi chú", _lines(rows), 4)


def test_a_key_value_dump_reads_the_figures_its_text_prints():
    out, truth = converted_with_truth(DUMP)
    got = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    # the counts whose line printed "<figure> <unit>" (the unit before the figure found none of them)
    for code in ("1", "2", "2.2", "3", "4", "4.2", "5", "6"):
        assert got[code]["value"] == want[code], code
    assert got["5"]["unit"] == "người"
