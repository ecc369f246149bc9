"""A share after three counts none of which is worded as the whole ("Số TTHC thuộc thẩm quyền",
"DVC trực tuyến toàn trình", "DVC trực tuyến một phần", "Tỷ lệ (%)"; issue 14): the first count
printed, which the others add up within, is the whole, so a share no pair or sum makes is the
commune's fault, not skipped as of counts uncertain. Seed 17001's N84 instances 1 and 2 (DOCX
written by tools/make_corpus.py); the values asserted are the generator's truth files: instance 1
carries a planted ratio fault (39,21% printed, 41/96 = 42,71%), instance 2 adds up ((26 + 9)/59 =
59,32%). A chain of counts each within the last (received, settled, on time) names no whole."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.ratio_pairs import _pairs
from schemas.records import StatRow

DATA = Path(__file__).parent / "data" / "faults72"


def _annex(name: str) -> tuple[list[float], list[dict]]:
    out = result_to_json(convert_file(DATA / name))
    return [r["value"] for r in out["statistics"][0]["rows"]], [c for c in out["checks"] if c["kind"] == "ratio"]


def test_a_planted_share_fault_beside_an_unworded_whole_is_flagged():
    values, checks = _annex("n84_share_whole_unworded_faulty.docx")
    assert values == [96.0, 41.0, 13.0, 39.21]  # the truth's (1.3 planted)
    assert [c["status"] for c in checks] == ["mismatch"]
    assert "41/96" in checks[0]["message"]


def test_a_right_share_beside_an_unworded_whole_holds():
    values, checks = _annex("n84_share_whole_unworded.docx")
    assert values == [59.0, 26.0, 9.0, 59.32]  # the truth's
    assert [c["status"] for c in checks] == ["ok"]


def test_a_chain_of_counts_names_no_whole():
    rows = [
        StatRow("1", "Số hồ sơ tiếp nhận", "hồ sơ", 120.0),
        StatRow("2", "Số hồ sơ đã giải quyết", "hồ sơ", 100.0),
        StatRow("3", "Số hồ sơ giải quyết đúng hạn", "hồ sơ", 90.0),
        StatRow("4", "Tỷ lệ (%)", "%", 75.0),
    ]
    pairs, certain = _pairs(3, [0, 1, 2], rows, [None] * 4)
    assert not certain and len(pairs) == 3


def test_parts_within_the_first_count_make_it_the_whole():
    rows = [
        StatRow("1", "Số TTHC thuộc thẩm quyền", "thủ tục", 96.0),
        StatRow("2", "DVC trực tuyến toàn trình", "thủ tục", 41.0),
        StatRow("3", "DVC trực tuyến một phần", "thủ tục", 13.0),
        StatRow("4", "Tỷ lệ (%)", "%", 39.21),
    ]
    assert _pairs(3, [0, 1, 2], rows, [None] * 4) == ([(1, 0), (2, 0)], True)
