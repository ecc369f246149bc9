"""Statistics annexes of OCR dumps whose rows the line reader lost whole or in part (issues 11, 14):
a header-less annex whose figures OCR smeared but whose bars still cut the cells, a header whose
labels OCR glued or whose unit label it garbled, figures with the grid's specks beside them, and a
lettered item whose figure OCR lost. The dumps are small hand-made ones
(tests/data/dumps_stats_annexrows/README.md)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_cells import CODE, FIGURE, TEXT, UNIT, Cell, rejoin
from extract.segment.stat_line_cells import _cells
from extract.segment.stat_line_header import is_statistics_header
from extract.segment.stat_lines import StatLineSettings
from extract.segment.stat_unread import is_form_title

DUMPS = Path(__file__).parent / "data" / "dumps_stats_annexrows"


def _annex(name: str) -> tuple[dict, dict]:
    out = result_to_json(convert_file(DUMPS / name))
    (annex,) = out["statistics"]
    return out, annex


def _queued(out: dict) -> set[str]:
    return {e["item"] for e in out["review"]}


def test_barred_row_whose_figure_ocr_smeared_keeps_its_indicator_and_unit():
    s = StatLineSettings()
    cells = _cells("—3.2_ | Số hồ sơ tiếp nhận trực tiếp và qua bưu chính . | Hồsơ | ma J", set(), s)
    assert cells == ("3.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính .", "Hồsơ", "", "")
    # a digit after the indicator is the figure glued to a speck, read from the line's tokens
    assert _cells("4 | Số văn bản chỉ đạo | Văn bản [12 |_|", set(), s)[3] == "12"


def test_speck_cell_before_a_code_and_figures_with_the_cells_edge():
    s = StatLineSettings()
    assert _cells("- — | 34 |SốhồsơtiếpnhậntrựctuyếnHồ [† Hø | 5 | 4", set(), s)[:4] == (
        "34",
        "SốhồsơtiếpnhậntrựctuyếnHồ [† Hø",
        "",
        "5",
    )
    assert _cells("2.2 | Sphan ảnh, kiến nghị dangxily =| ~Phananh | 2 S|", set(), s)[2:4] == ("~Phananh", "2")
    # "@" inside a word is a letter OCR misread: the indicator goes on after it
    assert _cells("4 |SonhigmvutrongK@hogchCCHCnam | -Nhiémva | 29 «|", set(), s)[1:4] == (
        "SonhigmvutrongK@hogchCCHCnam",
        "-Nhiémva",
        "29",
    )


def test_headerless_annex_whose_figures_ocr_smeared_is_read_by_its_code_column():
    # Most figures smeared, so the rows giving one are too few; but the codes, as printed on the
    # rows that print words, run in order: the rows are read, every figure weighed, the lines of
    # specks told (they used to make the annex "not sound": told unread, every row lost).
    out, annex = _annex("annex-psm6-smeared-bars.txt")
    assert annex["annex"] == "Phụ lục" and annex["title"].startswith("BIỂU THỐNG KÊ SỐ LIỆU")
    assert annex["title"].endswith("ĐẦU NĂM 2024")
    rows = {r["code"]: r for r in annex["rows"]}
    assert list(rows) == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "4", "4.1", "4.2", "4.3"]
    assert rows["1"]["value"] == 4 and "kiểm tra CCHC" in rows["1"]["indicator"]
    assert rows["3.2"]["unit"] == "Hồsơ" and rows["3.2"]["value"] is None
    assert rows["3.2"]["indicator"] == "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính ."
    assert all(r["confidence"] <= 0.7 for r in annex["rows"])
    queued = _queued(out)
    assert all(f"/statistics/0/rows/{k}" in queued for k, r in enumerate(annex["rows"]) if r["value"] is not None)
    told = [u for u in out["unread"] if "could not be read as rows" in u["reason"]]
    assert len(told) == 1 and told[0]["text_sample"].startswith("BEFERRE7") and "yadlãbf" in told[0]["text_sample"]


def test_glued_header_labels_and_specks_between_unit_and_figure():
    assert is_statistics_header("TT Chỉ tiêu Đơnvị | Kếtquả | Ghichú")
    assert is_form_title("_BIỂU THỐNG: KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024 ˆ")
    assert not is_statistics_header("TT Chỉ tiêu Kếtquả")  # no unit, no note label: no header
    out, annex = _annex("annex-psm3-glued-header.txt")
    rows = {r["code"]: r for r in annex["rows"]}
    assert len(rows) == 15 and annex["annex"] == "Phụ lục 1"
    assert rows["3.1"]["value"] == 24 and rows["3.2"]["value"] == 3 and rows["4.4"]["value"] == 97.05
    assert not out["unread"]


def test_header_whose_unit_label_ocr_garbled_weighs_its_figures():
    # "STT | Nội dung [DVI |. Solieu | Ghi chú": the form's code and note labels stand either side,
    # so it is the header; with no unit column named, where the unit ends and the figure starts is
    # inferred from the rows, so every figure is weighed (columns inferred).
    assert is_statistics_header("STT | Nội dung [DVI |. Solieu | Ghi chú,")
    out, annex = _annex("annex-psm6-unit-label-lost.txt")
    rows = {r["code"]: r for r in annex["rows"]}
    assert [rows[c]["value"] for c in ("1", "2", "2.1", "2.2", "2.3")] == [24, 29, 28, 1, 96.55]
    assert all("columns_inferred" in r["flags"] for r in annex["rows"])
    assert rows["4"]["indicator"] == "SonhigmvutrongK@hogchCCHCnam"
    # "b)" whose figure OCR lost is an item, no heading: "9" under it is the next item, c)
    assert "3.1.b" in rows and "3.1.c" in rows and rows["3.1.b"]["value"] is None
    assert "/statistics/0/rows/9" in _queued(out)  # 3.1.c: its code inferred, its figure not read


def test_share_words_after_a_counts_unit_and_figure_open_the_next_row():
    # "c)" / "Thủ tục" / "22" (the item's words lost) / "Tỷ lệ TTHC …" / "%": a share is counted in
    # %, so its words open the next row, not the item's indicator.
    cells = [
        Cell(kind, text, 1, n)
        for n, (kind, text) in enumerate(
            [
                (CODE, "c)"),
                (UNIT, "Thủ tục"),
                (FIGURE, "22"),
                (TEXT, "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình"),
                (UNIT, "%"),
                (FIGURE, "77,27"),
            ],
            1,
        )
    ]
    rows = rejoin(cells)
    assert [(r.code, " ".join(r.indicator), r.unit, r.value) for r in rows] == [
        ("c)", "", "Thủ tục", "22"),
        ("", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "%", "77,27"),
    ]
