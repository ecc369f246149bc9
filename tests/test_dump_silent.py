"""Silent errors on score-table dumps (issue 14): wrong values that evidence we weighed wrongly
kept out of the review queue. Real Tesseract dumps of the corpus generator (seed 395,
tests/data/dumps_silent_s395, each with its truth)."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth

DUMPS = Path(__file__).parent / "data" / "dumps_silent_s395"


def _queued(data: dict) -> set[tuple[str, str | None]]:
    return {(e["item"], e.get("field")) for e in data["review"]}


def _row(data: dict, code: str) -> tuple[str, dict]:
    rows = data["score_tables"][0]["rows"]
    (i,) = [i for i, r in enumerate(rows) if r["code"] == code]
    return f"/score_tables/0/rows/{i}", rows[i]


def test_a_sum_holding_with_a_lost_cell_counted_as_zero_vouches_for_nothing():
    # d02-i2: "Báo cáo CCHC — —— ——kz |1 [1|" read 1.2's self 1 (printed 1,25); its children
    # 1.2.1 self 1 and 1.2.2, whose self cell OCR lost (``missing_self``), "add up" to 1 only with
    # the lost cell as zero. d05-i4: 1.2's appraised "1" (printed 1,25) beside 1.2.1's lost cells.
    for name, code, field in (("d02-i2", "1.2", "self_points"), ("d05-i4", "1.2", "appraised_points")):
        (path,) = DUMPS.glob(f"s395-{name}-*.txt")
        data, truth = converted_with_truth(path, path.stem)
        pointer, row = _row(data, code)
        assert (pointer, field) in _queued(data), row["value_confidence"]
        scored = score_document(truth, data)
        assert scored["silent_errors"] == [], scored["silent_errors"]


def test_maxima_misread_by_the_half_are_weighed_against_the_set_the_wordings_name():
    # d06-i4 (a scale printed before the maximum): 5 of 9 maxima misread, so no set is adopted
    # from the maxima; the rows' wordings still name the set. 1.3 "Đạt 100%: 3 điểm... 5) 5" read
    # max 5 and full marks 5 (printed 3 and 3); 1.1.3's max read 7 (printed 1).
    (path,) = DUMPS.glob("s395-d06-i4-*.txt")
    data, truth = converted_with_truth(path, path.stem)
    queued = _queued(data)
    for code, fields in (("1.3", ("max_points", "self_points")), ("1.1.3", ("max_points",))):
        pointer, row = _row(data, code)
        for field in fields:
            assert (pointer, field) in queued, (code, field, row["value_confidence"])
    scored = score_document(truth, data)
    assert scored["silent_errors"] == [], scored["silent_errors"]


def test_two_pieces_of_the_appraised_label_name_the_column():
    # s319 d02-i3 (tests/data/dumps_degraded): the header's "Phòng Nội vụ thẩm định" left ": : 5
    # ear _ Phong :" and ": i dinh" on separate lines and no row's third figure was read; the
    # table has the column all the same, so each row's appraised cell is a cell lost, queued.
    (path,) = (DUMPS.parent / "dumps_degraded").glob("s319-d02-i3-*.txt")
    data, truth = converted_with_truth(path, path.stem)
    rows = data["score_tables"][0]["rows"]
    assert all("missing_appraised" in r["flags"] for r in rows if r["max_points"] is not None)
    scored = score_document(truth, data)
    assert scored["silent_errors"] == [], scored["silent_errors"]
