"""An annex in two panels side by side, read from an OCR dump (issues 11, 14, 16).

Seed 12001's D25 i2 (an N67 report: vie, psm 3, 200 dpi, degraded; tests/data/dumps_panels67 with the
generator's truth): the header names its labels twice ("Jhl E Chỉ tiêu Đơn vị Số liệu TT Chỉ tiêu
Đơn vị Số liệu") and each line holds a row of each panel ("2.1 | Số cán bộ, công chức đạt chuẩn
Người 19 4.2 | Số phản ánh, kiến nghị đang xử lý ˆ Phản ánh 0"). Before, the header (twice one
panel's words) was taken for a sentence and every row was lost (0 of 19, told unread). Now the
header of two panels is one, each line is cut where the right panel's row opens, and the right
panel's rows are read after the left one's."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.stat_line_header import panels_named
from extract.segment.stat_two_panels import panel_cut, panels_unfolded

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_panels67"
    / "s12001-d25-i2-n67-i2-two-panels-at-middle-vie-psm3-200dpi-degraded.txt"
)


def test_both_panels_are_read():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert len(printed) == 19 and (printed["2.1"], printed["4.2"], printed["5.3"]) == (19, 0, 92.55)
    text = DUMP.read_text(encoding="utf-8")
    assert "Jhl E Chỉ tiêu Đơn vị Số liệu TT Chỉ tiêu Đơn vị Số liệu" in text
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    right = [c for c in printed if c in rows and rows[c]["value"] == printed[c]]
    assert len(right) >= 18  # before: none (6, its code and words garbled into 3.3's line, is lost)
    # the left panel's rows keep their codes: none is read after the right panel's
    assert [c for c in rows][:10] == ["1", "2", "2.1", "2.2", "2.3", "3", "3.1", "3.2", "3.3", "3.4"]
    assert all(rows[c]["value"] == printed[c] for c in ("3.3", "3.4", "4", "4.3", "5", "5.2"))


def test_where_the_right_panel_opens():
    line = "2.1 | Số cán bộ, công chức đạt chuẩn Người 19 4.2 | Số phản ánh, kiến nghị đang xử lý Phản ánh 0"
    assert line.split()[panel_cut(line)] == "4.2"
    # the right row's code garbled, the left figure read ("647. | 53 'G7øấi quyết …")
    line = "S6) Í Tổng số hồ sơ TTHC tiếp nhận trong kỳ. Hồsơ | 647. | 53 'G7øấi quyết đúng hạn Hồ sơ . 68"
    assert line.split()[panel_cut(line)] == "53"
    # a whole number right after the left row's unit is its figure: no cut before a word that
    # opens no indicator ("18 JET®HNSI cuộc …")
    assert panel_cut("3.3 Giải quyết quá hạn Hồ sơ | 18 JET®HNSI cuộc tuyên truyền CCHC Lượt 28") is None
    # one row to a line: nothing to cut
    assert panel_cut("2.1 | Số cán bộ, công chức đạt chuẩn Người 19") is None
    assert panel_cut("3.1 Số hồ sơ TTHC đã giải quyết trong kỳ Hồ sơ 401 Tăng so với cùng kỳ") is None


def test_a_header_naming_its_labels_twice_has_two_panels():
    assert panels_named("Jhl E Chỉ tiêu Đơn vị Số liệu TT Chỉ tiêu Đơn vị Số liệu") == 2
    assert panels_named("STT Nội dung chỉ tiêu ĐVT Số liệu Ghi chú") == 1


def test_the_figures_label_is_any_the_annex_header_knows():
    """ "Số lượng" names the figure as "Số liệu" does: a two-panel header printing it is one too."""
    texts = [
        "TT |... Chỉ tiêu : _ Đơn vị Sốlượng |. TT Chỉ tiêu ị Đơnv) | Số lượng",
        "1 Số văn bản chỉ đạo, điều hành CCHC đã ban hành Văn bản 5 4.2 | Số phản ánh, kiến nghị đã xử lý Phản ánh 9",
    ]
    lines = [Line(text=t, page=1, number=n) for n, t in enumerate(texts, 1)]
    unfolded = [ln.text for ln in panels_unfolded(lines)]
    assert unfolded[1:] == [
        "1 Số văn bản chỉ đạo, điều hành CCHC đã ban hành Văn bản 5",
        "4.2 | Số phản ánh, kiến nghị đã xử lý Phản ánh 9",
    ]
