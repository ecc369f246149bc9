"""A share printed under a label that names none of its counts ("Tỷ lệ (%)") beside a total and
two counts of it (issue 14): no pair of them makes it, but their sum over the total does, to the
share's printed decimals; that is the share's arithmetic, not a pair failed. Seed 16001's N84
(an annex of procedures per field: "Tổng số thủ tục hành chính", "Số TTHC cung cấp DVCTT toàn
trình", "… một phần", "Tỷ lệ (%)"), DOCX files written by the generator (tools/make_corpus.py);
the values asserted are the generator's truth. Instance 2 adds up (31 + 25 = 56 of 101 is 55,45%):
no mismatch; instance 4 carries a planted fault (56,64% printed, (27 + 18)/73 = 61,64%): flagged."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "faults71"


def _annex(name: str) -> tuple[list[dict], list[dict]]:
    out = result_to_json(convert_file(DATA / name))
    rows = out["statistics"][0]["rows"]
    return rows, [c for c in out["checks"] if c["kind"] == "ratio"]


def test_a_share_of_two_counts_summed_over_their_total_holds():
    rows, checks = _annex("n84_share_of_summed_counts.docx")
    assert [r["value"] for r in rows] == [101.0, 31.0, 25.0, 55.45]  # the truth's
    assert [c["status"] for c in checks] == ["ok"]
    assert "56/101" in checks[0]["message"]


def test_a_planted_fault_in_such_a_share_is_still_flagged():
    rows, checks = _annex("n84_share_of_summed_counts_faulty.docx")
    assert [r["value"] for r in rows] == [73.0, 27.0, 18.0, 56.64]  # the truth's (1.3 planted)
    assert [c["status"] for c in checks] == ["mismatch"]
