"""A figure printed in quarters with its decimal comma ("8,25") is a score, never a row's code
(extract/segment/line_common.py ``quarter_figure``, asked by ``line_rows``): a `--psm 3` dump that
printed the total's self points above the table's first row no longer opens a row "8,25" whose
numbering ("9", "10", "11" …) re-codes every printed code after it. A real Tesseract dump of dev
seed 5283 (tests/data/dumps_place59, with the generator's truth) read end to end."""

from pathlib import Path

from corpus_helpers import score_rows_with_truth
from extract.segment.line_common import quarter_figure
from normalize.codes import read_code_token

DUMPS = Path(__file__).parent / "data" / "dumps_place59"


def test_a_quarter_with_its_comma_is_no_code_but_a_dot_read_as_a_comma_is():
    assert quarter_figure("8,25") and quarter_figure("6,75") and quarter_figure("14,75")
    # A code whose dot OCR read as a comma stays a code; so does a plain number.
    assert not quarter_figure("1,2") and not quarter_figure("1,5") and not quarter_figure("12")
    assert read_code_token("1,2") is not None


def test_a_total_above_the_first_row_does_not_recode_the_table():
    # Seed 5283 d06-i5 (F05 portrait, eng, psm 3): "cham" / "8,25" / "Thang" above "1. | CONG TAC
    # CHI soe DIEUHANH | 10". Main opened a row "8,25" (coded 9 by the numbering) and read the
    # printed 1., 1.1, 1.2, 1.2.1, 1.2.2 as 10, 11, 12, 12.1, 12.2: five rows paired wrong.
    rows, want, out = score_rows_with_truth(next(DUMPS.glob("s5283-d06-i5-*.txt")))
    assert list(rows) == list(want)  # every row under its own code, in the printed order
    assert not any(r["code_raw"] == "8,25" for t in out["score_tables"] for r in t["rows"])
    assert rows["1"]["code_raw"] == "1." and rows["1.1"]["code_raw"] == "1.1"
    assert (rows["1.1"]["max_points"], rows["1.1"]["self_points"]) == (5.0, 3.25)
    assert rows["1.2.2"]["code_raw"] == "1.2.2"
