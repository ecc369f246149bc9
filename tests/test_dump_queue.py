"""The review queue of OCR'd documents (issue 14): evidence that trusts a value (full marks, the
set's maximum for a printed code), evidence that doubts one (a letter read as a digit, a scale's
figure taken for a cell), and findings that are ours, not the commune's (a total whose top rows OCR
lost, a count whose unit OCR garbled). The dump is a real Tesseract dump of the corpus generator
(seed 347, tests/data/dumps_queue, with its truth)."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.lost_totals import making_up
from cchc_extract.reconcile.stat_rows import _unit_key
from corpus_helpers import converted_with_truth
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, StatAnnex, StatRow

DUMPS = Path(__file__).parent / "data" / "dumps_queue"


def _result(method: str, rows: list[ScoreRow], **table) -> ExtractionResult:
    return ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(rows=rows, **table)])


def test_full_marks_printed_as_digits_are_trusted_a_letter_is_not():
    # A row of an OCR'd table that lost its appraised cell: its self score equal to its maximum
    # (both printed as digits) leaves the queue; "l" read 1 beside a maximum of 1 does not.
    def row(code: str, raw: str, value: float, mx: float = 10) -> ScoreRow:
        return ScoreRow(
            code=code,
            level=1,
            max_points=mx,
            max_points_raw=str(int(mx)),
            self_points=value,
            self_points_raw=raw,
            confidence=0.82,
            flags=["missing_appraised"],
        )

    rows = [row("1", "10", 10), row("2", "9,5", 9.5), row("3", "l", 1, mx=1)]
    reconcile(_result("ocr", rows))
    assert rows[0].value_confidence["self_points"] >= 0.8
    assert rows[1].value_confidence["self_points"] < 0.8
    assert rows[2].value_confidence["self_points"] < 0.8


def test_a_total_whose_top_rows_ocr_lost_is_incomplete_and_queued_not_a_fault():
    # The criteria set (8 top-level criteria, 100 points) names five top rows no row read: the
    # stated 100 against the 34,5 read is OCR's loss, not the commune's slip; the total is queued.
    maxima = (("1", 10.0), ("2", 10.0), ("3", 14.5))
    for method, status in (("ocr", "incomplete"), ("text", "mismatch")):
        rows = [ScoreRow(code=c, level=1, max_points=m, max_points_raw=str(m)) for c, m in maxima]
        rows += [ScoreRow(code=f"{c}.1", level=2, max_points=m, max_points_raw=str(m)) for c, m in maxima]
        result = _result(method, rows, stated_total_max=100.0)
        reconcile(result)
        (check,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
        assert check.status == status, check.message
        assert any(r.item == "/score_tables/0" and r.field == "max_points" for r in result.review)
    # Beyond what the lost rows' maxima can make up, the total stays the commune's fault.
    rows = [ScoreRow(code=c, level=1, max_points=m, max_points_raw=str(m)) for c, m in maxima]
    rows += [ScoreRow(code=f"{c}.1", level=2, max_points=m, max_points_raw=str(m)) for c, m in maxima]
    result = _result("ocr", rows, stated_total_max=120.0)
    reconcile(result)
    assert [c.status for c in result.checks if c.kind == "stated_total"] == ["mismatch"]
    # Lost rows and a slip at once (54,5: 20 short, which no set of the lost maxima 11, 16, 7, 16,
    # 15,5 makes): the rows read cannot tell them apart: incomplete, queued, the doubt said. One
    # point short (35,5), less than any lost row's maximum, is the commune's slip still.
    for stated, status in ((54.5, "incomplete"), (35.5, "mismatch")):
        rows = [ScoreRow(code=c, level=1, max_points=m, max_points_raw=str(m)) for c, m in maxima]
        rows += [ScoreRow(code=f"{c}.1", level=2, max_points=m, max_points_raw=str(m)) for c, m in maxima]
        result = _result("ocr", rows, stated_total_max=stated)
        reconcile(result)
        (check,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
        assert check.status == status, check.message
        assert any(r.item == "/score_tables/0" and r.field == "max_points" for r in result.review)
        assert ("the total may be wrong too" in (check.message or "")) == (status == "incomplete")


def test_a_units_spoilt_figure_is_no_word_of_the_unit():
    assert _unit_key(StatRow(code="3.2", indicator="x", unit="Thủ tục 6Ú")) == _unit_key(
        StatRow(code="3.1", indicator="x", unit="Thủ tục")
    )
    assert _unit_key(StatRow(code="1", indicator="x", unit="m2")) == "m2"


def test_a_ratio_whose_count_lost_its_unit_to_ocr_holds():
    # "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn 97,14" = (325 + 117) / 455, the first count's
    # unit read "lš: HD sơ": a misreading of ours, no false alarm; typed, the units are the page's.
    def annex(method: str) -> ExtractionResult:
        rows = [
            StatRow(code="2", indicator="Số hồ sơ TTHC đã giải quyết", unit="Hồ sơ", value=455, value_raw="455"),
            StatRow(code="2.1", indicator="Giải quyết trước hạn", unit="lš: HD sơ", value=325, value_raw="325"),
            StatRow(code="2.2", indicator="Giải quyết đúng hạn", unit="Hồ sơ", value=117, value_raw="117"),
            StatRow(code="2.3", indicator="Giải quyết quá hạn", unit="Hồ sơ", value=13, value_raw="13"),
            StatRow(
                code="2.4",
                indicator="Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn",
                unit="%",
                value=97.14,
                value_raw="97,14",
            ),
        ]
        result = ExtractionResult(source=SourceInfo(method=method), statistics=[StatAnnex(rows=rows)])
        reconcile(result)
        return result

    (ratio,) = [c for c in annex("ocr").checks if c.kind == "ratio"]
    assert ratio.status == "ok", ratio.message
    (ratio,) = [c for c in annex("text").checks if c.kind == "ratio"]
    assert ratio.status == "mismatch"


def test_a_totals_line_the_last_row_took_is_told_and_its_table_queued():
    # d01-i1: 1.3 "Kiem ta cong tae CCHC 3 as |" took the next line "[Tongs dim SSSC~dYSCiS) is |"
    # (the total of maxima, 9 against the rows' 10: a planted fault the text no longer prints).
    (path,) = DUMPS.glob("s347-d01-i1-*.txt")
    data, truth = converted_with_truth(path, path.stem)
    (part,) = [p for p in data["unread"] if p["reason"].startswith("the table's total row was printed")]
    assert part["text_sample"].startswith("[Tongs")
    assert [c["status"] for c in data["checks"] if c["kind"] == "stated_total"] == ["skipped"]
    assert any(e["item"] == "/score_tables/0" for e in data["review"])
    scored = score_document(truth, data)
    assert scored["tally"]["faults_flagged"] == scored["tally"]["faults"] == 3, scored["faults"]
    assert scored["tally"]["wrong_values"] == scored["tally"]["wrong_queued"]


def test_the_top_rows_named_lost_are_the_one_group_making_up_the_shortfall():
    # The set's top criteria no row read; the table's maxima fall 14,5 short: criterion 3 alone.
    lost = {"3": 14.5, "6": 7.0, "7": 16.0, "8": 15.5}
    assert making_up(14.5, lost, 0.01) == ["3"]
    assert making_up(23.0, lost, 0.01) == ["6", "7"]
    # Two groups make 7 (6, or 9): the rows read cannot say which; nor a shortfall no group makes.
    assert making_up(7.0, {"6": 7.0, "9": 7.0}, 0.01) is None
    assert making_up(5.0, lost, 0.01) is None and making_up(None, lost, 0.01) is None
