"""Nothing lost silently (issue 16): a statistics form none of whose rows were read is told, and a
totals row read whole is no lost total. Both dumps are real Tesseract output of the corpus
generator (spent seed 19001), stored with the generator's truth beside them; expected values are
the truth's."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_unread import is_form_title
from extract.segment.table_end import is_total_label
from normalize.text import fold

DATA = Path(__file__).parent / "data" / "queue76b"
# A form printed periods as rows and indicators as columns; its title's "SỐ" OCR read "86".
TRANSPOSED = DATA / "s19001-d24-i3-n64-i3-periods-as-rows-whole-last-eng-psm4-250dpi-degraded.txt"
# A plan printing last year's points and the change beside this year's; "Tổng số" OCR read "Téng sé".
CHANGE_COLUMN = DATA / "s19001-d30-i1-n86-i1-self-last-year-before-change-eng-psm4-200dpi.txt"


def test_a_form_whose_so_ocr_read_as_two_digits_and_no_row_read_is_told():
    out, truth = converted_with_truth(TRANSPOSED)
    assert len(truth["statistics"][0]["rows"]) == 12
    assert not [r for a in out["statistics"] for r in a["rows"]]
    told = [u for u in out["unread"] if "statistics form" in u["reason"]]
    assert len(told) == 1
    assert "LIỆU KẾT QUẢ THỰC HIỆN" in told[0]["text_sample"]


def test_the_title_reads_as_a_form_title_but_a_count_before_lieu_is_none():
    assert is_form_title("86 LIEU KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH")
    assert not is_form_title("TONG 86 TAI LIEU DA BAN HANH")


def test_a_totals_row_with_so_misread_after_a_misread_tong_is_read_not_told_lost():
    assert is_total_label(fold("Téng sé diém 67,5 58,5 65,5 +7"))
    assert not is_total_label(fold("Teng sau khi kiem tra 12"))
    out, truth = converted_with_truth(CHANGE_COLUMN)
    stated = truth["score_tables"][0]
    table = out["score_tables"][0]
    assert (
        (table["stated_total_max"], table["stated_total_self"])
        == (
            stated["stated_total_max"],
            stated["stated_total_self"],
        )
        == (67.5, 65.5)
    )
    assert out["unread"] == []
    # The commune's total max is wrong (truth's fault: the top rows add to 68.5): now checked.
    assert truth["faults"][0]["kind"] == "total_sum"
    assert [c["status"] for c in out["checks"] if c["kind"] == "stated_total"] == ["mismatch", "ok"]
