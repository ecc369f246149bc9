"""Statistics annexes read from lines (``extract/segment/stat_lines.py``): real Tesseract dumps of
generated report annexes (tests/data/dumps_stats/README.md), scored against the generator's truth,
and the line cutting on its own."""

from pathlib import Path

import pytest

from benchmarks.corpus_scoring import score_document
from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.stat_line_cells import _cells, _repeated_units
from extract.segment.stat_line_header import is_statistics_header
from extract.segment.stat_line_rows import _without_edge_speck
from extract.segment.stat_lines import StatLineSettings

DUMPS = Path(__file__).parent / "data" / "dumps_stats"
FILES = sorted(DUMPS.glob("*.txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_annex_of_a_dump_read_whole(path):
    out, truth = converted_with_truth(path, path.stem)
    tally = score_document(truth, out)["tally"]
    assert tally["stat_rows"] > 10
    assert tally["stat_found"] == tally["stat_rows"] and tally["stat_invented"] == 0
    assert tally["numbers_right"] == tally["numbers"]
    # Every row's unit and figure as printed (the truth is the generator's).
    read = {(r["indicator"], r["unit"], r["value"]) for a in out["statistics"] for r in a["rows"]}
    for row in truth["statistics"][0]["rows"]:
        assert (row["indicator"], row["unit"], row["value"]) in read
    assert out["statistics"][0]["annex"] == "Phụ lục 1"
    assert out["statistics"][0]["title"].startswith("BIỂU THỐNG KÊ SỐ LIỆU")
    # The planted ratio fault is the commune's, found; nothing else is.
    mismatches = [c for c in out["checks"] if c["status"] == "mismatch"]
    assert len(mismatches) == len(truth["faults"])
    assert tally["faults_flagged"] == tally["faults"]
    assert out["unread"] == []


def test_codes_misread_by_ocr_are_repaired_as_a_column():
    out = result_to_json(convert_file(FILES[0], FILES[0].stem))
    rows = {r["indicator"]: r for r in out["statistics"][0]["rows"]}
    # Printed "5.1", "5.2" under "5", read "9.1 |" and "9.2_ |": the bars and specks are OCR's.
    assert rows["Số cán bộ, công chức đạt chuẩn"]["code"] == "5.1"
    assert rows["Số cán bộ, công chức chưa đạt chuẩn"]["code"] == "5.2"
    assert "code_repaired" in rows["Số cán bộ, công chức chưa đạt chuẩn"]["flags"]


def _line(text: str, n: int = 1) -> Line:
    return Line(text=text, page=1, number=n)


def test_header_names_indicator_unit_and_figure():
    assert is_statistics_header("STT Nội dung ĐVT Số liệu Ghi chú")
    assert is_statistics_header("TT Chỉ tiêu Đơn vị Kết quả Ghi chú tính")
    assert not is_statistics_header("STT Nội dung đánh giá Điểm tối đa Điểm tự đánh giá")
    assert not is_statistics_header("STT Nội dung nhiệm vụ Đơn vị chủ trì Thời gian hoàn thành Kết quả")


def test_unit_told_from_indicator_by_case_bars_and_repetition():
    s = StatLineSettings()
    # A capitalised unit after lower-case indicator words.
    assert _cells("2.1 Giải quyết trước hạn Hồ sơ 201", set(), s) == ("2.1", "Giải quyết trước hạn", "Hồ sơ", "201", "")
    # Percent, and a note after the figure.
    assert _cells("3.3 Tỷ lệ hồ sơ trực tuyến % 93,7 tăng 5%", set(), s) == (
        "3.3",
        "Tỷ lệ hồ sơ trực tuyến",
        "%",
        "93,7",
        "tăng 5%",
    )
    # Ruling lines read as bars cut the cells.
    assert _cells("4 | Số nhiệm vụ trong kế hoạch | Nhiệm vụ | 25 |", set(), s) == (
        "4",
        "Số nhiệm vụ trong kế hoạch",
        "Nhiệm vụ",
        "25",
        "",
    )
    # A lower-case unit the table's other rows end with, after different words.
    lines = [_line("1 Số văn bản đã ban hành văn bản 27"), _line("2 Số văn bản đã sửa đổi văn bản 3")]
    units = _repeated_units(lines)
    assert "van ban" in units
    assert _cells("2 Số văn bản đã sửa đổi văn bản 3", units, s) == ("2", "Số văn bản đã sửa đổi", "văn bản", "3", "")
    # A heading row with no figure keeps its code; a year ending an indicator is no figure.
    assert _cells("6 Công khai thủ tục hành chính", set(), s) == ("6", "Công khai thủ tục hành chính", "", "", "")
    assert _cells("Kế hoạch năm 2024", set(), s) is None


def test_a_form_whose_rows_were_lost_is_said(tmp_path):
    # The annex of the first dump with its header line and row lines garbled past reading, as
    # Tesseract's --psm 6 left a ruled annex: the form's title stays, so the loss is an unread part.
    text = FILES[0].read_text(encoding="utf-8")
    head, _, _ = text.partition("STT Nội dung")
    garbled = head + "tính\n1 |Sốcuộckiểmtra ——— ] lượ | 1 } — |\nEBI:-Sniibainisiiuiuiiiiisi ROBIRE\n"
    path = tmp_path / "annex-lost.txt"
    path.write_text(garbled, encoding="utf-8")
    out = result_to_json(convert_file(path, path.stem))
    assert out["statistics"] == []
    parts = [p for p in out["unread"] if "BIỂU THỐNG KÊ SỐ LIỆU" in p["reason"]]
    assert len(parts) == 1 and parts[0]["kind"] == "table"


def test_an_annex_goes_on_over_a_page_break(tmp_path):
    # The first dump's annex broken before row 4 by a form feed, no header repeated.
    text = FILES[0].read_text(encoding="utf-8")
    cut = text.index("\n4 Số nhiệm vụ")
    path = tmp_path / "annex-two-pages.txt"
    path.write_text(text[:cut] + "\n\f" + text[cut + 1 :], encoding="utf-8")
    out = result_to_json(convert_file(path, path.stem))
    whole = result_to_json(convert_file(FILES[0], FILES[0].stem))
    assert len(out["statistics"]) == 1
    assert [(r["code"], r["value"]) for r in out["statistics"][0]["rows"]] == [
        (r["code"], r["value"]) for r in whole["statistics"][0]["rows"]
    ]
    assert out["statistics"][0]["pages"] == [2, 3]


def test_specks_beside_a_code_and_a_figure_are_ocr_s():
    s = StatLineSettings()
    # The grid's left edge read as a capital before a code standing alone in its cell.
    assert _cells(_without_edge_speck("P21 | Số phản ánh đã xử lý | Phản ánh | 29"), set(), s) == (
        "21",
        "Số phản ánh đã xử lý",
        "Phản ánh",
        "29",
        "",
    )
    assert _without_edge_speck("F 1 | Số cuộc tuyên truyền") == "1 | Số cuộc tuyên truyền"
    assert _without_edge_speck("Kế hoạch 2 | x") == "Kế hoạch 2 | x"  # words, not a speck
    # The code cell's right edge read as a bracket glued to the code and the indicator.
    assert _cells(_without_edge_speck("53_[Tỷ lệ hoàn thành Kế hoạch | % | 96,55"), set(), s)[:2] == (
        "53",
        "Tỷ lệ hoàn thành Kế hoạch",
    )
    assert _cells(_without_edge_speck("~7_[Số sáng kiến được công nhận | Sáng kiến | 2 |"), set(), s)[0] == "7"
    assert _without_edge_speck("2024[x] ghi") == "2024[x] ghi"  # a year, no code
    # An item whose ")" OCR read as the cell's bracket: a row, not the row above's wrapped words.
    assert _cells("—o [Số TTHC chỉ cung cấp thông tin | Thủ tục | 0", set(), s)[:2] == (
        "o)",
        "Số TTHC chỉ cung cấp thông tin",
    )
    assert _cells("y tế cơ sở", set(), s) is None  # a one-letter word opening wrapped text
    # The grid's left edge read as a speck cell before the code, over an indicator's wording;
    # before a lone number and specks it is no code's (a garbled row's figure stays one).
    assert _cells("` | 2 |Số nhiệm vụ trong Kế hoạch CCHC năm | Nhiệm vụ | 30 |", set(), s)[:4] == (
        "2",
        "Số nhiệm vụ trong Kế hoạch CCHC năm",
        "Nhiệm vụ",
        "30",
    )
    assert _cells("— | 2 | ~~ ¬ | 17 |", set(), s)[:4] == ("", "", "", "2")
    # A ruling run ends the indicator; a bracket stuck to the figure's cell is the grid's.
    assert _cells("3 | Tổng số hồ sơ ———« | Hồ sơ | 360]", set(), s) == ("3", "Tổng số hồ sơ", "Hồ sơ", "360", "")
    # The last number after the unit, without the marks beside it; none without a unit.
    assert _cells("3 Tổng số thủ tục Thủ tục 129.", set(), s) == ("3", "Tổng số thủ tục", "Thủ tục", "129", "")
    assert _cells("6.2 Số nhiệm vụ chưa hoàn thành Nhiệm vụ 2)", set(), s)[3] == "2"
    assert _cells("5.1 Số cán bộ đạt chuẩn Người - -18", set(), s)[3] == "18"
    assert _cells("4 Thực hiện theo Điều 5.", set(), s) == ("4", "Thực hiện theo Điều 5.", "", "", "")
    # A unit before a figure OCR garbled into a speck is read; the figure is lost, not guessed.
    assert _cells("3.3 Số TTHC chỉ cung cấp thông tin Thủ tục b", set(), s) == (
        "3.3",
        "Số TTHC chỉ cung cấp thông tin",
        "Thủ tục",
        "",
        "",
    )
    assert _cells("6 Kết quả giải quyết hồ sơ", set(), s) == ("6", "Kết quả giải quyết hồ sơ", "", "", "")
    # ... and a row that lost its code as well, opening in capitals.
    assert _cells("Số sáng kiến, giải pháp CCHC được công nhận E Sáng kiến", set(), s) == (
        "",
        "Số sáng kiến, giải pháp CCHC được công nhận E",
        "Sáng kiến",
        "",
        "",
    )
    assert _cells("quyết của UBND xã", set(), s) is None  # wrapped words
    # Specks between a unit and its figure are the grid's; a number inside the wording is not one.
    assert _cells("3.3. | Tỷ lệ hoàn thành Kế hoạch CCHC năm % ại 100 J", set(), s)[2:4] == ("%", "100")
    assert _cells("2 Số cuộc họp ở 2 xã Cuộc 5", set(), s) == ("2", "Số cuộc họp ở 2 xã", "Cuộc", "5", "")
