"""An OCR'd annex under a header OCR garbled ("Tiền Chỉ tiêu Ï Đưngị | Kếtquà | Ghichú": the code's
and unit's labels lost, the figure's glued) whose figures a degraded page smeared all but two
(issues 11, 16). Its rows and code column still print: they are read in part, their lost figures
told, rather than the whole form set aside as a score table nobody read. A real Tesseract dump of
dev seed 7131 D07 (tests/data/dumps_annex61, with the generator's truth)."""

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_line_header import is_statistics_header

DUMPS = Path(__file__).parent / "data" / "dumps_annex61"


def test_a_garbled_header_with_its_figure_label_glued_names_the_form():
    # "Kếtquà" is "Kết quả" glued whole: the figure's label, beside the indicator's and the note's.
    assert is_statistics_header("Tiền Chỉ tiêu Ï Đưngị | Kếtquà | Ghichú |", garbled=True)
    # ... but a glued label inside a longer word names nothing ("Giải trình" holds "gia tri").
    assert not is_statistics_header("Tiền Chỉ tiêu | Giaitrinh | Ghichú |", garbled=True)


def test_rows_of_a_smeared_annex_under_a_garbled_header_are_read_and_their_figures_told():
    out, truth = converted_with_truth(DUMPS / "d07-i8-garbled-header.txt")
    want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
    (annex,) = out["statistics"]
    got = {r["code"]: r for r in annex["rows"]}
    # The rows printing their code in the column's order ("2.1 | Số TTHC …", "| 3.2 | …", "4.2_ | …")
    # are read under their codes; "| 24 Tỷ lệ …" is 2.4 with its dot lost.
    for code in ("2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3", "4.2"):
        assert code in got and code in want, code
    # Figures the text does not print are told lost, never made up.
    for code in ("2.1", "2.3", "3.1", "3.2", "4.2"):
        assert got[code]["value"] is None and "missing_value" in got[code]["flags"], code
    lost = [u for u in out["unread"] if u["kind"] == "rows" and "OCR lost it" in u["reason"]]
    assert lost and all(c in lost[0]["reason"] for c in ("2.1", "3.1", "4.2"))
    # What it read from the smear is weighed, not trusted: "17" for 2.2's 11, "1" for 3.3's 82.35.
    queued = {e["code"] for e in out["review"] if e["field"] == "value"}
    assert {"2.2", "3.3"} <= queued
    # No score table was read from it, and it is no longer told as one.
    assert not out["score_tables"]
    assert not any("points columns" in u["reason"] for u in out["unread"])
