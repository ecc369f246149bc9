"""Issues 11 and 14, numbers of OCR text dumps chosen by the table's arithmetic: a glued letter's
digit reading keeps its lost-comma readings, and a score OCR printed over its maximum takes the
one look-alike reading within it (``tests/data/dump_numbers``: a real Tesseract dump of the spent
seed 2901's D06 instance 5), while a commune's own over-score stays its fault."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.ocr_readings import within_max_confusions
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.segment.score_readings import points_readings, resolve_lost_commas
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef

DUMPS = Path(__file__).parent / "data" / "dump_numbers"


def _row(code, parent, max_points, self_points, self_raw=None):
    return ScoreRow(
        code=code,
        level=code.count(".") + 1,
        parent=parent,
        max_points=max_points,
        self_points=self_points,
        max_points_raw=str(max_points).replace(".", ","),
        self_points_raw=self_raw if self_raw is not None else str(self_points).replace(".", ","),
        source=SourceRef(page=1),
    )


def test_a_glued_letters_digit_reading_keeps_its_lost_comma_readings():
    # "7s": the "s" a speck (7), or a 5 (75) whose comma OCR lost beside it (7,5)
    assert points_readings("7s") == [7.0, 75.0, 7.5]
    assert points_readings("l25") == [25.0, 1.25, 12.5]
    # only readings in quarters, and no decimals of zeros: "l3" is no 1,3, "i0" no 1,0
    assert points_readings("l3") == [3.0, 13.0]
    assert points_readings("i0") == [0.0, 10.0]


def test_the_parent_sum_chooses_the_glued_cells_lost_comma_reading():
    rows = [
        _row("1", None, 10, 7.0, "7s"),
        _row("1.1", "1", 5, 3.0),
        _row("1.2", "1", 5, 4.5),
    ]
    resolve_lost_commas(rows)
    assert rows[0].self_points == 7.5
    assert 7.0 in rows[0].alternatives["self_points"] and "ambiguous_number" in rows[0].flags


def test_look_alike_readings_within_the_maximum_only():
    s = ReconcileSettings()
    assert within_max_confusions("7", 1.0, [], s) == [1.0]
    # the commune's over-score keeps its leading figures: no swap of "1,5" is within 1
    assert within_max_confusions("1,5", 1.0, [], s) == []
    # no zero: "8" under 2 may be a 2 garbled past the list as much as a 0
    assert within_max_confusions("8", 2.0, [], s) == []


def test_a_score_ocr_printed_over_its_maximum_takes_the_look_alike_reading():
    out = result_to_json(convert_file(DUMPS / "over-max-look-alike.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # printed "| 1 | 7 |": the maximum 1 and its self score 1, the 1 read for a 7
    assert (rows["1.1.2"]["max_points"], rows["1.1.2"]["self_points"]) == (1.0, 1.0)
    assert rows["1.1.2"]["self_points_raw"] == "7"
    repaired = [c for c in out["checks"] if c["code"] == "1.1.2" and c["field"] == "self_points"]
    assert [c["status"] for c in repaired] == ["repaired"]
    # the reading taken is a doubt: its cell is in the review queue
    assert any(r["code"] == "1.1.2" and r["field"] == "self_points" for r in out["review"])


def _over_scored(method: str) -> ExtractionResult:
    # 1.1.1 is over-scored by the commune (1,75 under 1,5: its sibling's points moved to it), and
    # the parent's sum holds with it; "1,15" (7 read for 1) would be within, and break that sum
    rows = [
        _row("1.1", None, 3, 2.5),
        _row("1.1.1", "1.1", 1.5, 1.75),
        _row("1.1.2", "1.1", 1.5, 0.75),
    ]
    return ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(title="B", rows=rows)])


def test_a_communes_own_over_score_stays_its_fault_on_ocr_text():
    for method in ("ocr", "docx"):
        result = _over_scored(method)
        reconcile(result)
        over = [c for c in result.checks if c.code == "1.1.1" and c.field == "self_points"]
        assert over and all(c.status != "repaired" for c in over)
        assert result.score_tables[0].rows[1].self_points == 1.75


def test_lost_maxima_of_rows_the_set_worded_take_its_maxima_and_stay_queued():
    # Spent seed 2801's D05 instance 1 (truth maxima 10, 10, 14,5, 11, 16, 7): the six fields were
    # found by the set's wording in order, their points smudged past reading ("10975 | 95"); no
    # row carries a flag naming the set, yet every name is the BNV set's field wording.
    out = result_to_json(convert_file(DUMPS / "rows-by-set-order-maxima-lost.txt"))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    maxima = [rows[c]["max_points"] for c in ("1", "2", "3", "4", "5", "6")]
    assert maxima == [10.0, 10.0, 14.5, 11.0, 16.0, 7.0]
    for code in ("1", "2", "3", "4", "5"):
        assert "derived_from_criteria_set:max_points" in rows[code]["flags"]
        assert rows[code]["max_points_raw"] is None
        # given by the set, not read: the row is in the queue
        assert any(r["code"] == code for r in out["review"])
    # the scores no sum gives stay blank, told unread
    assert all(rows[c]["self_points"] is None for c in ("1", "2", "3", "4", "5"))
    assert any("points of 1, 2, 3, 4, 5, 6 not read" in u["reason"] for u in out["unread"])


def test_a_set_is_worded_by_rows_only_when_enough_name_it():
    from cchc_extract.reconcile.named_set import set_worded_by_rows

    named = [
        ScoreRow(code="3", level=1, name="Cải cách thủ tục hành chính"),
        ScoreRow(code="4", level=1, name="Cải cách tổ chức bộ máy hành chính"),
    ]
    # two field names every set words alike: no set told apart
    assert set_worded_by_rows(named, 3) is None
    more = [*named, ScoreRow(code="5", level=1, name="Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức")]
    found = set_worded_by_rows(more, 3)
    assert found is not None and found.id == "bnv-tinh_2948"
