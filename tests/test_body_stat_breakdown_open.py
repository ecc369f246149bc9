"""A report's numbered statistics lines (``extract/segment/body_stat_lines.py``; issues 11, 16)
whose breakdown OCR bent, on a real Tesseract dump (eng, psm 4, 250 dpi, degraded) of dev seed
10171's N40 report with the generator's truth (tests/data/dumps_rows64): item 5's "(trong đó"
read "Gọn do" (its bracket lost) and its line ending "; tỷ lệ", item 6's breakdown wrapped after
the head's full stop ("…: 118 thủ tục." / "(trong đó: …")."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.body_stat_lines import _entries, _open

N40_DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_rows64"
    / ("s10171-d18-i3-n40-i3-stat-lines-inline-eng-psm4-250dpi-degraded.txt")
)


def test_the_heads_after_a_bent_breakdown_are_read():
    out, truth = converted_with_truth(N40_DUMP)
    rows = [(r["code"], r["value"]) for a in out["statistics"] for r in a["rows"]]
    want = [(r["code"], r["value"]) for a in truth["statistics"] for r in a["rows"]]
    # main 707ccdb3: items 6 and 7 (6 rows) neither read nor told, the run cut at item 5's last line
    for code, value in [("6", 118.0), (None, 57.0), (None, 58.0), (None, 3.0), (None, 38.31), ("7", 43.0)]:
        assert (code, value) in rows and (code, value) in want
    assert [r for r in rows if r[0] is not None] == [(c, v) for c, v in want if c is not None and c != "5"]
    # item 5, its parts garbled ("2 .6 phản ánh", "83, ;33%"), is told, not dropped
    assert any("36" in u["text_sample"] and u["kind"] == "rows" for u in out["unread"])


def test_a_breakdown_whose_bracket_was_lost_stays_open_until_it_closes():
    assert _open("Số phản ánh: 36 phản ánh Gọn do: số đã xử lý: 30 phản ánh; tỷ lệ")
    assert not _open("Số phản ánh: 36 phản ánh Gọn do: số đã xử lý: 30 phản ánh; tỷ lệ đạt 83,33%).")
    assert not _open("Số cuộc tuyên truyền CCHC: 43 lượt.")
    assert not _open("Số hồ sơ: 20 hồ sơ (trong đó: 12 trực tuyến; 8 trực tiếp). a oo")


def _line(n: int, text: str) -> Line:
    return Line(text=text, page=1, number=n)


def test_a_breakdown_wrapped_after_the_heads_full_stop_goes_with_it():
    lines = [
        _line(1, "1. Số văn bản: 5 văn bản."),
        _line(2, "2. Tổng số thủ tục: 118 thủ tục."),
        _line(3, "(trong đó: số TTHC trực tuyến: 57 thủ tục; tỷ lệ đạt 48,31%)."),
        _line(4, "3. Số cuộc tuyên truyền: 43 lượt."),
    ]
    (run,) = _entries(lines)
    assert [e.code for e in run] == ["1", "2", "3"]
    assert run[1].text == "Tổng số thủ tục: 118 thủ tục (trong đó: số TTHC trực tuyến: 57 thủ tục; tỷ lệ đạt 48,31%)."
