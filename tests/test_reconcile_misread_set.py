"""Misreadings explained by the criteria set's maxima: a maximum or score OCR misread that the set
explains is our doubt (status misread, queued), never the commune's fault; typed text keeps the
fault."""

from pathlib import Path

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile import reconcile
from schemas.records import (
    ExtractionResult,
    ScoreTable,
    SourceInfo,
    reasons_of,
)
from test_reconcile_misread import row, statuses

# --------------------------------------------------------------------------- the criteria set's maximum

DUMPS_MISREAD = Path(__file__).parent / "data" / "dumps_misread"
# bnv-tinh_2948's eight fields and their maxima (normalize/criteria): 10 + 10 + 14,5 + 11 + 16 = 61,5
SET_MAXIMA = (10, 10, 14.5, 11, 16)


def _fields_table(method, row4_max, row4_flags=()):
    rows = [row(str(k + 1), m, m) for k, m in enumerate(SET_MAXIMA)]
    rows[3].max_points, rows[3].max_points_raw = row4_max, str(row4_max)
    rows[3].flags.extend(row4_flags)
    return ExtractionResult(
        source=SourceInfo(method=method),
        score_tables=[ScoreTable(title="Bảng điểm", rows=rows, stated_total_max=61.5)],
    )


def test_a_maximum_the_ocr_misread_is_explained_by_the_criteria_set():
    # A real OCR dump (Tesseract, eng): field 4's line "4 Cai cach té chitc b6 may hanh chinh u 10
    # 10", its max "11" printed "u". Its "10 10" were once read as max and self (the appraised cell
    # lost), and the total 61,5 (the document's own, right) failed: misread, explained by the
    # set's 11. Since the appraised column is known (a table with it, dumprows15's rule), the two
    # figures are self and appraised and the max the cell OCR lost is the surely recognised set's:
    # the line as printed, and the total holds. Nothing is reported against the commune.
    path = DUMPS_MISREAD / "d05-i1-ruled-center-eng-150dpi.txt"
    result = convert_file(path, path.stem)
    assert not [c for c in result.checks if c.status == "mismatch"]
    four = result.score_tables[0].rows[3]
    assert (four.code, four.max_points, four.self_points, four.appraised_points) == ("4", 11, 10, 10)
    assert any(f.startswith("max_from_criteria_set") for f in four.flags)
    assert four.alternatives["max_points"] == [10]  # the reading before, kept
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    assert total.status == "ok"


def test_a_maximum_differing_from_the_set_in_typed_text_is_the_documents_fault():
    result = _fields_table("docx", 10)
    reconcile(result)
    assert statuses(result, "stated_total") == ["mismatch"]


def test_a_row_that_lost_a_cell_may_have_its_numbers_in_the_wrong_columns():
    # Typed or not, a row whose line lost one of its cells (the appraised one here) read its other
    # numbers unsurely: the set's maximum is a reading of its max cell.
    result = _fields_table("docx", 10, ["missing_appraised"])
    reconcile(result)
    assert statuses(result, "stated_total") == ["misread"]
    assert any(r.field == "max_points" and r.alternatives == [11] for r in result.review)


def test_a_row_whose_code_was_inferred_may_belong_a_level_up():
    # OCR lost the code of section 1's third criterion ("1.3"); placed by position after 1.2.2 it
    # was taken for 1.2.3. Section 1 then looks short of it: its level is ours to doubt, not the
    # commune's arithmetic.
    rows = [
        row("1", 10, 9.5, "9,5"),
        row("1.1", 5, 4.75, "4,75"),
        row("1.2", 2, 1.75, "1,75"),
        row("1.2.1", 1, 1, "1"),
        row("1.2.2", 1, 0.75, "0,75"),
        row("1.2.3", 3, 3, "3", flags=["code_inferred"], confidence=0.57),
    ]
    result = ExtractionResult(source=SourceInfo(method="text"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    section = [c for c in result.checks if c.id == "sum_self:/score_tables/0/rows/0:self_points"]
    assert [c.status for c in section] == ["misread"] and "1.2.3" in section[0].message
    assert ("/score_tables/0/rows/5", "self_points") in {(r.item, r.field) for r in result.review}


def test_a_score_above_its_parents_maximum_is_a_misread_on_a_scan():
    # An OCR dump's "1.2.2 ... 1 25.4" (printed "1 0,25"): no score is above its parent's maximum
    # of 2, so on OCR'd text the figure is ours; typed, it is the document's. A score above its own
    # maximum but within its parent's stays the commune's fault either way.
    def result(method, self_points, raw):
        rows = [row("1.2", 2, 1.25, "1,25"), row("1.2.1", 1, 1, "1"), row("1.2.2", 1, self_points, raw)]
        return ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(rows=rows)])

    for method, self_points, raw, status in (
        ("ocr", 25.4, "25.4", "misread"),
        ("text", 25.4, "25.4", "mismatch"),
        ("ocr", 1.5, "1,5", "mismatch"),
    ):
        r = result(method, self_points, raw)
        reconcile(r)
        assert statuses(r, "self_le_max") == [status], (method, raw)


def test_a_text_ratio_across_two_cells_ocr_joined_is_not_checked():
    # OCR ran row 1.1.2's note ("8/10 nhiệm vụ") into row 1.1.3's name and note ("Hoàn thành 100%"):
    # on OCR'd text the pair is not a ratio for sure; typed, a sentence is what it says.
    explanation = "Chưa hoàn thành 8/10 nhiệm vụ theo kế hoạch thực hiện Các kết quả phải đạt, Hoàn thành 100%"
    for method, status in (("ocr", "skipped"), ("text", "mismatch")):
        result = ExtractionResult(
            source=SourceInfo(method=method),
            score_tables=[ScoreTable(rows=[row("1.1.2", 1, 0.75, "0,75", explanation=explanation)])],
        )
        reconcile(result)
        assert statuses(result, "text_ratio") == [status]


def test_a_fraction_followed_by_a_capitalised_word_is_no_ratio_on_any_text():
    # Row 1.1.2's note "Chưa hoàn thành 5/15 nhiệm vụ" wrapped, and the next row's "Hoàn thành
    # 100% kế hoạch" came between: no sentence goes on from a figure to a capitalised word.
    explanation = "Chưa hoàn thành 5/15 Hoàn thành 100% kế hoạch nhiệm vụ theo kế hoạch"
    for method in ("ocr", "text"):
        result = ExtractionResult(
            source=SourceInfo(method=method),
            score_tables=[ScoreTable(rows=[row("1.1.2", 1, 0.75, "0,75", explanation=explanation)])],
        )
        reconcile(result)
        assert statuses(result, "text_ratio") == ["skipped"], method
    # A fraction with its own words before the percent is checked.
    result = ExtractionResult(
        source=SourceInfo(method="text"),
        score_tables=[
            ScoreTable(rows=[row("1.1.2", 1, 0.75, "0,75", explanation="hoàn thành 5/15 nhiệm vụ, đạt 100%")])
        ],
    )
    reconcile(result)
    assert statuses(result, "text_ratio") == ["mismatch"]


def test_a_stated_total_that_lost_its_decimal_mark_is_a_misread_on_a_photo():
    # A phone photo's total row "Tổng điểm 68,5 52,5" read "68,5 525": the total's own figure is
    # OCR'd too. Typed, a total of 525 is the document's.
    rows = [row("1", 10, 9.25, "9,25"), row("2", 14.5, 0, "0"), row("3", 44, 43.25, "43,25")]
    for method, status in (("ocr", "misread"), ("text", "mismatch")):
        result = ExtractionResult(
            source=SourceInfo(method=method),
            score_tables=[ScoreTable(rows=rows, stated_total_max=68.5, stated_total_self=525)],
        )
        reconcile(result)
        (check,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "self_points"]
        assert check.status == status
    result = ExtractionResult(
        source=SourceInfo(method="ocr"),
        score_tables=[ScoreTable(rows=rows, stated_total_max=68.5, stated_total_self=525)],
    )
    reconcile(result)
    queued = [r for r in result.review if r.item == "/score_tables/0" and r.field == "self_points"]
    assert any(52.5 in r.alternatives for r in queued)


def test_a_total_of_maxima_the_set_confirms_row_by_row_queues_the_total_row():
    # A scan of the eight sections of a provincial set (maxima 10, 10, 14,5, 11, 16, 7, 16, 15,5:
    # 100) whose total row prints 99: each section's maximum is the set's, so the total's own
    # figure is what a person should look at, not eight rows the set confirms one by one.
    result, total = _scanned_sections(stated_total=99)
    assert total.status == "mismatch"
    queued = {(r.item, r.field) for r in result.review if r.field == "max_points"}
    assert queued == {("/score_tables/0", "max_points")}


def test_a_maximum_the_set_confirms_explains_no_sum_away():
    # The same sections under a total row printing 102: a "16" read as 18 would make it hold (a
    # digit OCR confuses), but both "16" are the set's maxima for their codes: the set vouches for
    # them, and the gap is the document's own fault (a planted total fault of the scan corpus).
    _, total = _scanned_sections(stated_total=102)
    assert total.status == "mismatch"


def _scanned_sections(stated_total: float):
    """A scan of the provincial set's eight sections, each printing the set's maximum, under a
    total row printing ``stated_total``: the result reconciled and its total-of-maxima check."""
    maxima = [10, 10, 14.5, 11, 16, 7, 16, 15.5]
    rows = [row(str(k + 1), m, m, format(m, "g").replace(".", ",")) for k, m in enumerate(maxima)]
    result = ExtractionResult(
        source=SourceInfo(method="ocr"), score_tables=[ScoreTable(rows=rows, stated_total_max=stated_total)]
    )
    reconcile(result)
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    return result, total


def test_a_clean_vietnamese_dump_excuses_a_sum_a_misread_figure_breaks(tmp_path):
    # Real Tesseract ``vie`` output whose words came out clean (the repair takes it for typed
    # text); only its printed page's lines say OCR. One figure altered as OCR alters it ("9,75"
    # read "9,15": 7 and 1 alike): the part's sum fails, a misreading explains it, so it is no
    # fault of the commune's. Altered beyond any misreading ("9,25"), it stays the commune's.
    source = (DUMPS_MISREAD / "s278-d06-i2-f10-i2-unruled-total-last-vie-psm4-200dpi.txt").read_text(encoding="utf-8")
    printed = "cải cách hành 10 9,75 Ban"
    assert printed in source
    for figure, status in (("9,15", "misread"), ("9,25", "mismatch")):
        path = tmp_path / f"bao-cao-{figure}.txt"
        path.write_text(source.replace(printed, printed.replace("9,75", figure)), encoding="utf-8")
        result = convert_file(path, path.stem)
        assert result.source.read_by_ocr is True and result.source.text_damage == ""
        (part,) = [c for c in result.checks if c.status != "ok"]
        assert part.status == status and part.field == "self_points", part.message


def test_a_lost_decimal_mark_beside_letters_is_a_reading_not_a_guess():
    """An OCR dump's line "2. … jD 85": the maximum printed as letters, the self score "85"
    beside it. 8,5 is what its own characters say with the decimal mark put back (not a guess of
    the letters), and it makes the table's total hold exactly: the misreading is found, and the
    other top rows, which the total no longer doubts, stay out of the queue."""
    rows = [row("1", 10, 8.5, "8,5"), row("2", 10, 85.0, "85"), row("3", 14.5, 13.75, "13,75")]
    rows[1].max_points, rows[1].max_points_raw, rows[1].flags = None, "jD", ["missing_max"]
    table_ = ScoreTable(title="B", rows=rows, stated_total_self=30.75)
    result = ExtractionResult(source=SourceInfo(method="text", read_by_ocr=True), score_tables=[table_])
    reconcile(result)
    assert statuses(result, "stated_total") == ["misread"]
    reason = next(c.message for c in result.checks if c.kind == "stated_total")
    queued = {(r.item, r.field, tuple(r.alternatives)) for r in result.review if reason in reasons_of(r)}
    assert queued == {("/score_tables/0/rows/1", "self_points", (8.5,))}


def test_two_maxima_ocr_misread_are_explained_by_the_set_together():
    # Seed 321's d06-i4 (an OCR dump of a typed table, criteria set ca-mau_2013): 1.1.1's max "1"
    # printed "4" and 1.1.2's "1" printed "5" (its cell took a scale line's figure). No one
    # reading restores 1.1's 5; the set's 1 and 1 together do: a misreading of ours, both cells
    # and the parent queued. Typed, the same figures are the document's fault; so they are on a
    # scan whose OCR read both cells surely (``misread.read_surely``).
    def checked(method, read_by_ocr=None):
        rows = [
            row("1", 10, 7, "7"),
            row("1.1", 5, 3.25, "3,25"),
            row("1.1.1", 4, 0.25, "0,25"),
            row("1.1.2", 5, 1, "1"),
            row("1.1.3", 1, 1, "1"),
            row("1.1.4", 2, 1, "1"),
            row("1.2", 2, 1.5, "1,5"),
            row("1.3", 3, 2.25, "2,25"),
        ]
        source = SourceInfo(method=method, read_by_ocr=read_by_ocr)
        result = ExtractionResult(source=source, score_tables=[ScoreTable(title="B", rows=rows)])
        reconcile(result)
        return result

    dump = checked("text", read_by_ocr=True)
    (check,) = [c for c in dump.checks if c.kind == "sum_children" and c.code == "1.1"]
    assert check.status == "misread"
    queued = {(r.item, tuple(r.alternatives)) for r in dump.review if r.field == "max_points"}
    assert {("/score_tables/0/rows/2", (1,)), ("/score_tables/0/rows/3", (1,))} <= queued
    assert ("/score_tables/0/rows/1", ()) in queued  # the stated figure beside them
    for sure in (checked("docx"), checked("ocr")):
        assert [c.status for c in sure.checks if c.kind == "sum_children" and c.code == "1.1"] == ["mismatch"]


def test_a_row_read_unsurely_over_its_maximum_is_doubted_not_the_communes_fault():
    # Seed 321's d07-i5: a statistics annex OCR'd and taken for a score table; a row whose code
    # was inferred took "2" and "4" (a unit's and another row's figures) as max and self.
    rows = [row("1", 10, 9, "9"), row("2", 2, 4, "4", flags=["code_inferred"], confidence=0.57)]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    assert statuses(result, "self_le_max") == ["misread"]
    assert ("/score_tables/0/rows/1", "self_points") in {(r.item, r.field) for r in result.review}
    sure = [row("1", 10, 9, "9"), row("2", 2, 4, "4")]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=sure)])
    reconcile(result)
    assert statuses(result, "self_le_max") == ["mismatch"]


def test_a_score_ocr_read_with_two_like_digits_merged_is_a_misread():
    # Seed 321's extreme photo s04-i3: field 4's self "11" read "1" (the glyphs merged), the total
    # 57,5 (right) then fails. Under the row's maximum 11, "1" may be 11: ours, the row queued.
    def result(method):
        rows = [row("1", 10, 9, "9"), row("3", 14.5, 14.5, "14,5"), row("4", 11, 1, "1"), row("5", 16, 16, "16")]
        table = ScoreTable(title="B", rows=rows, stated_total_max=51.5, stated_total_self=50.5)
        out = ExtractionResult(source=SourceInfo(method=method), score_tables=[table])
        reconcile(out)
        return out

    photo = result("ocr")
    assert [c.status for c in photo.checks if c.kind == "stated_total" and c.field == "self_points"] == ["misread"]
    assert any(r.item == "/score_tables/0/rows/2" and r.alternatives == [11] for r in photo.review)
    typed = result("docx")
    assert [c.status for c in typed.checks if c.kind == "stated_total" and c.field == "self_points"] == ["mismatch"]


def test_a_total_ocr_read_with_a_zero_closed_into_a_nine_is_a_misread():
    # Seed 321's extreme 150-dpi scan s03-i3: "Tổng số điểm 10 7,5" OCR'd "19 7,5" at word
    # confidence 0.86; read back as 10 the total holds.
    rows = [row("1", 10, 7.5, "7,5"), row("1.1", 5, 3.5, "3,5"), row("1.2", 5, 4, "4")]
    table = ScoreTable(title="B", rows=rows, stated_total_max=19, stated_total_self=7.5)
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[table])
    reconcile(result)
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    assert total.status == "misread" and "may be 10" in total.message


def _section_one(max_11: float, flags_11: list[str]) -> ExtractionResult:
    """A scan of criterion 1 of the provincial set (ca-mau_2013): 1 (10) = 1.1 (5) + 1.2 (2) +
    1.3 (3), 1.1 = 1.1.1–1.1.4 (1 + 1 + 1 + 2), 1.2 = 1.2.1 + 1.2.2; 1.1's maximum printed as
    ``max_11``; the total row states 10. Seed 525's s01-i4 (a 300-dpi scan) read 1.1's 5 as 2."""
    rows = [
        row("1", 10, 9.75, "9,75"),
        row("1.1", max_11, 5, "5", flags=list(flags_11)),
        row("1.1.1", 1, 1, "1"),
        row("1.1.2", 1, 1, "1"),
        row("1.1.3", 1, 1, "1"),
        row("1.1.4", 2, 2, "2"),
        row("1.2", 2, 1.75, "1,75"),
        row("1.2.1", 1, 0.75, "0,75"),
        row("1.2.2", 1, 1, "1"),
        row("1.3", 3, 3, "3"),
    ]
    result = ExtractionResult(
        source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows, stated_total_max=10)]
    )
    reconcile(result)
    return result


def test_a_misreading_two_sums_agree_on_is_one_entry_not_one_per_relation():
    # 1.1's "5" read 2 at a low word confidence: its parent's sum (7 for 10) and its own children's
    # (5 for 2) both hold with the set's 5, and so does self <= max. The one doubtful value is 1.1's
    # maximum: one entry, naming the three relations; the parent's 10 (which the total confirms) and
    # 1.1's self points (its children's sum confirms) are not queued beside it.
    result = _section_one(2, ["number_unsure", "unsure_max_points:0.40"])
    queued = {(r.item, r.field): r for r in result.review}
    assert list(queued) == [("/score_tables/0/rows/1", "max_points")]
    (entry,) = queued.values()
    assert entry.alternatives == [5]
    assert len(reasons_of(entry)) >= 2  # the parent's sum and its own, in one entry
    assert not [c for c in result.checks if c.status == "mismatch"]


def test_a_raised_leaf_maximum_keeps_the_stated_figure_beside_it():
    # A leaf's maximum read 2 where the set has 1 (a commune's raised maximum, or our misreading):
    # the set's 1 explains its parent's sum alone, so either figure may be the slip: both queued.
    rows = [row("1", 10, 9, "9"), row("1.1", 5, 5, "5"), row("1.2", 3, 2, "2", flags=["unsure_max_points:0.40"])]
    rows += [row("1.2.1", 1, 1, "1"), row("1.2.2", 1, 1, "1"), row("1.3", 3, 3, "3")]
    rows[2].max_points, rows[2].max_points_raw = 2, "2"
    rows[4].max_points, rows[4].max_points_raw = 2, "2"
    rows[4].flags.append("unsure_max_points:0.40")
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    queued = {(r.item, r.field) for r in result.review}
    (check,) = [c for c in result.checks if c.kind == "sum_children" and c.code == "1.2"]
    assert check.status == "misread"
    assert ("/score_tables/0/rows/4", "max_points") in queued
    assert ("/score_tables/0/rows/2", "max_points") in queued


def test_a_top_row_read_unsurely_whose_children_confirm_it_leaves_the_total_the_communes_fault():
    # Seed 525's s02-i2 (a 200-dpi scan): section II's code repaired (row confidence 0.77), its
    # maximum 3 what its one sub-criterion II.1 prints too; the total row states 9 for 7 + 3. The
    # doubt on II's line is not on that figure: the total is the commune's slip (a mismatch on the
    # table, one entry), not a reading of ours queued on II beside it.
    rows = [row("I", 7, 5, "5"), row("1", 5, 4, "4"), row("2", 2, 1, "1")]
    rows += [row("II", 3, 3, "3", flags=["code_repaired"], confidence=0.77), row("II.1", 3, 3, "3")]
    result = ExtractionResult(
        source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows, stated_total_max=9)]
    )
    reconcile(result)
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    assert total.status == "mismatch"
    assert ("/score_tables/0/rows/3", "max_points") not in {(r.item, r.field) for r in result.review}
    # II's figure its children do not confirm (II.1 prints 2): II stays a doubted member
    rows[4].max_points, rows[4].max_points_raw = 2, "2"
    result = ExtractionResult(
        source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows, stated_total_max=9)]
    )
    reconcile(result)
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
    assert total.status == "misread"


def test_a_sum_failed_by_a_points_cell_printed_as_letters_is_a_misread_on_an_ocr_dump():
    # "1.2 | Báo cáo CCHC .. D. 1,5": OCR printed the maximum as "D.", taken for 0; its parts'
    # 0,75 + 1 are no sum of that guess. Typed text prints no letters there: a fault, as before.
    def result(read_by_ocr):
        rows = [
            row("1.2", 0, 1.5, "1,5"),
            row("1.2.1", 0.75, 0.75, "0,75"),
            row("1.2.2", 1, 0.75, "0,75"),
        ]
        rows[0].max_points_raw = "D."
        doc = ExtractionResult(
            source=SourceInfo(method="text", read_by_ocr=read_by_ocr),
            score_tables=[ScoreTable(title="Bảng điểm", rows=rows)],
        )
        reconcile(doc)
        return doc

    ocr = result(True)
    assert statuses(ocr, "sum_children") == ["misread"]
    assert any(r.item == "/score_tables/0/rows/0" and r.field == "max_points" for r in ocr.review)
    assert statuses(result(False), "sum_children") == ["mismatch"]


def test_a_sum_stated_by_a_row_whose_other_cell_printed_letters_is_a_misread_on_an_ocr_dump():
    # "1. ae 1": the maximum printed as letters, the self score "1" (a "10" lost a digit) split
    # from the same damaged line: its parts' 1 + 1 are no sum of that reading
    rows = [row("1", None, 1, "1"), row("1.1", 2, 1, "1"), row("1.2", 2, 1, "1")]
    rows[0].max_points_raw = "ae"
    doc = ExtractionResult(
        source=SourceInfo(method="text", read_by_ocr=True), score_tables=[ScoreTable(title="Bảng điểm", rows=rows)]
    )
    reconcile(doc)
    assert statuses(doc, "sum_self") == ["misread"]
