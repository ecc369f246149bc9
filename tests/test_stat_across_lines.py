"""A statistics annex turned over (a row per hamlet, a column per indicator, the commune's total
row) read from an OCR dump's lines (``extract/segment/stat_across_lines.py``, issues 11, 16): a real
Tesseract dump (eng, psm 4, 300 dpi) of last round's spent held-out seed 8001's N50 report, with the
generator's truth (tests/data/dumps_rows63)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_across_lines import AcrossLinesSettings, _coded_labels, _total_figures
from normalize.text import fold

DUMPS = Path(__file__).parent / "data" / "dumps_rows63"
N50_DUMP = DUMPS / "s8001-d21-i1-n50-i1-units-across-total-last-eng-psm4-300dpi.txt"


def test_the_commune_total_row_gives_each_coded_indicator_its_figure():
    out, truth = converted_with_truth(N50_DUMP)
    want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
    rows = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
    # main 4229d8bf: 0 of 6 rows; the hamlets' lines read as rows "Thôn 1" … "Thôn 5"
    assert set(rows) == set(want)
    for code, row in want.items():
        assert rows[code]["value"] == row["value"], code
        assert fold(rows[code]["unit"]) == fold(row["unit"]), code  # (an eng dump prints "Văn ban")
        assert "units_rows_unread" in rows[code]["flags"]
        assert rows[code]["confidence"] <= AcrossLinesSettings().confidence
    assert rows["2.1"]["parent"] == "2" and rows["2"]["parent"] is None
    assert not any("Thôn" in r["indicator"] for a in out["statistics"] for r in a["rows"])
    # the table is read: the tell of an across table whose figures no reader took is withdrawn
    assert not any("printed across" in u["reason"] for u in out["unread"])


def test_a_header_line_needs_three_codes_in_the_hierarchy_order():
    settings = AcrossLinesSettings()
    line = "STT Tên thôn 1. Số sáng kiến 2. Số nhiệm vụ 2.1. Số nhiệm vụ đã hoàn 3. Số văn bản"
    stub, labels = _coded_labels(line, settings) or ("", [])
    assert stub == "STT Tên thôn" and labels[2] == "2.1. Số nhiệm vụ đã hoàn"
    # codes out of order (a list of dates, a sentence's numbering) and two codes alone are no header
    assert _coded_labels("1. Số a 3. Số b 2. Số c", settings) is None
    assert _coded_labels("1. Số sáng kiến 2. Số nhiệm vụ", settings) is None


def test_a_total_row_is_its_label_and_figures_alone():
    settings = AcrossLinesSettings()
    assert _total_figures("Tổng số 2 16 13 3 81,25 30", settings) == ("Tổng số", ["2", "16", "13", "3", "81,25", "30"])
    assert _total_figures("Toàn xã: 4 5", settings) == ("Toàn xã:", ["4", "5"])
    assert _total_figures("Tổng số hồ sơ tiếp nhận 125", settings) is None
