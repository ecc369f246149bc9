"""A sentence leading into a score table is no periods' header (extract/segment/period_lines.py):
its years ("… năm 2014. Kết quả tự đánh giá, chấm điểm năm 2013 như sau:") do not make the table's
appraised column a second period's points. A real Tesseract dump of the corpus, its truth the
generator's (tests/data/dumps_queue71/README.md)."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.period_lines import header_years

DUMP = Path(__file__).parent / "data" / "dumps_queue71" / "d05-i2-ruled-center-vie-150dpi.txt"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, raw=t, page=1, number=k + 1) for k, t in enumerate(texts)]


def test_a_sentence_s_years_are_no_header_s():
    lead_in = "Chỉ số cải cách hành chính năm 2014. Kết quả tự đánh giá, chấm điểm năm 2013 như sau:"
    assert header_years(_lines(lead_in)) == []
    # the periods' labels, and OCR's specks after a label, are still read as such
    assert header_years(_lines("Điểm tự đánh giá năm 2023 | Điểm tự đánh giá năm 2024")) == [2023, 2024]
    assert header_years(_lines("năm 2024 |. năm 2023 x. định")) == [2024, 2023]
    assert header_years(_lines("Điểm tự đánh giá năm 2023. Năm 2024")) == [2023, 2024]


def test_the_appraised_column_under_a_lead_in_naming_two_years_is_read():
    data, truth = converted_with_truth(DUMP)
    want = {r["code"]: r["appraised_points"] for t in truth["score_tables"] for r in t["rows"]}
    rows = data["score_tables"][0]["rows"]
    assert len(rows) == len(want) == 10
    for row in rows:
        # 140f05df: every appraised figure kept as "earlier_points:năm 2013", the cell blank (silent)
        assert row["appraised_points"] == want[row["code"]], row["code"]
        assert not any(f.startswith("earlier_points:") for f in row["flags"]), row["code"]
