"""Two kinds of finding kept apart: ``mismatch`` when the document's own numbers disagree,
``misread`` when a value we may have read wrong (an OCR digit confusion, a lost decimal mark, a
recorded alternative) explains the failure. Misread values go to review with their alternatives."""

from dataclasses import replace
from pathlib import Path

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.misread import digit_confusions, lost_doubles
from cchc_extract.reconcile.settings import ReconcileSettings
from schemas import schema_errors
from schemas.records import (
    Count,
    CountPart,
    ExtractionResult,
    ScoreRow,
    ScoreTable,
    SourceInfo,
    SourceRef,
    StatAnnex,
    StatRow,
    reasons_of,
    to_dict,
)


def row(code, max_points, self_points, self_raw=None, **kw):
    return ScoreRow(
        code=code,
        level=code.count(".") + 1,
        max_points=max_points,
        self_points=self_points,
        max_points_raw=str(max_points).replace(".", ","),
        self_points_raw=self_raw,
        source=SourceRef(page=2),
        **kw,
    )


def statuses(result, kind):
    return [c.status for c in result.checks if c.kind == kind]


def table(method):
    # 2.3's self "0,8" is an OCR'd "0,3": with 0,3 the section's 2,8 holds (1 + 1,5 + 0,3)
    rows = [row("2", 6, 2.8, "2,8"), row("2.1", 2, 1, "1"), row("2.2", 2, 1.5, "1,5"), row("2.3", 2, 0.8, "0,8")]
    return ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(title="Bảng điểm", rows=rows)])


def test_digit_confusions():
    assert digit_confusions("0,8", ReconcileSettings().ocr_digit_confusions) == [8.8, 9.8, 0.3, 0.6, 0.0]
    assert digit_confusions("7", (("1", "7"), ("7", "1"))) == [1.0]


def test_sum_broken_by_an_ocr_confusion_is_a_misread_on_a_scan():
    result = table("ocr")
    reconcile(result)
    assert statuses(result, "sum_self") == ["misread"]
    (item,) = [r for r in result.review if r.alternatives]
    assert (item.item, item.field, item.raw, item.alternatives) == (
        "/score_tables/0/rows/3",
        "self_points",
        "0,8",
        [0.3],
    )
    check = next(c for c in result.checks if c.kind == "sum_self")
    assert "2.3 self_points read as '0,8' may be 0,3" in check.message
    assert schema_errors(to_dict(result)) == []


def test_the_same_sum_typed_is_the_documents_fault():
    result = table("docx")
    reconcile(result)
    assert statuses(result, "sum_self") == ["mismatch"]
    assert not any(r.alternatives for r in result.review)


def test_a_fault_no_single_misreading_explains_stays_a_mismatch():
    result = table("ocr")
    result.score_tables[0].rows[2].self_points, result.score_tables[0].rows[2].self_points_raw = 1.25, "1,25"
    reconcile(result)  # 1 + 1,25 + 0,8 = 3,05 vs 2,8: no one-digit swap of one value makes it
    assert statuses(result, "sum_self") == ["mismatch"]


def test_lost_decimal_mark_among_several_readings_is_a_misread():
    """Self "25" over max 2,5 with two readings that both fit (2,5 and 0,25 when the parent is
    blank): not repaired (ambiguous), not the commune's fault either."""
    rows = [
        row("1", 5, None),
        row("1.1", 2.5, 25, "25", alternatives={"self_points": [2.5, 0.25]}),
        row("1.2", 2.5, 2, "2"),
    ]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(rows=rows)])
    reconcile(result)
    assert statuses(result, "self_le_max") == ["misread"]
    item = next(r for r in result.review if r.alternatives)
    assert item.alternatives == [2.5, 0.25]


def test_text_ratio_on_a_scan():
    explanation = "Giải quyết đúng hạn 393/402 hồ sơ (đạt 99%)"  # an OCR'd 398: 398/402 = 99,0%
    for method, status in (("ocr", "misread"), ("text", "mismatch")):
        result = ExtractionResult(
            source=SourceInfo(method=method),
            score_tables=[ScoreTable(rows=[row("3.3", 1, 1, "1", explanation=explanation)])],
        )
        reconcile(result)
        assert statuses(result, "text_ratio") == [status]


def test_count_parts_and_annex_total_on_a_scan():
    count = Count(
        text="tiếp nhận 120 hồ sơ (trực tuyến 100 hồ sơ, trực tiếp 28 hồ sơ)",
        label="hồ sơ",
        total=120,
        unit="hồ sơ",
        parts=[CountPart("trực tuyến", 100), CountPart("trực tiếp", 28)],
        complete=True,
    )
    annex = StatAnnex(
        annex="Phụ lục",
        rows=[
            StatRow(code="1", indicator="Tổng số TTHC", unit="Thủ tục", value=137, value_raw="137"),
            StatRow(code="1.1", indicator="Cấp xã", unit="Thủ tục", value=187, value_raw="187", level=2),
        ],
    )
    for method, status in (("ocr", "misread"), ("docx", "mismatch")):
        result = ExtractionResult(source=SourceInfo(method=method), counts=[count], statistics=[annex])
        reconcile(result)
        assert statuses(result, "count_parts") == [status]
        assert statuses(result, "total_parts") == [status]


def test_a_doubled_digit_ocr_merged_is_a_misread_on_a_scan():
    # "22" printed, OCR merged the like glyphs into "2": 20 + 2 + 6 is not 48, 20 + 22 + 6 is.
    assert lost_doubles("2") == [22.0]
    assert lost_doubles("1.234") == [11234.0]  # a count is whole: "1.2234" is no count
    count = Count(
        text="tuyên truyền 48 lượt (qua loa truyền thanh 20 lượt; qua hội nghị 2 lượt; qua mạng xã hội 6 lượt)",
        label="tuyên truyền",
        total=48,
        unit="lượt",
        parts=[CountPart("qua loa truyền thanh", 20), CountPart("qua hội nghị", 2), CountPart("qua mạng xã hội", 6)],
        complete=True,
    )
    for method, status in (("ocr", "misread"), ("docx", "mismatch")):
        result = ExtractionResult(source=SourceInfo(method=method), counts=[count])
        reconcile(result)
        assert statuses(result, "count_parts") == [status]
    # the doubling is one explanation among the settings' knobs: switched off, the sum is a fault
    result = ExtractionResult(source=SourceInfo(method="ocr"), counts=[count])
    reconcile(result, ReconcileSettings(ocr_lost_doubles=False))
    assert statuses(result, "count_parts") == ["mismatch"]


def test_a_single_part_over_its_total_is_our_doubt_on_ocr_text_and_the_communes_fault_when_typed():
    # OCR ran a table's two cells together ("6 quy định" then "7"): a part 67 of a total 6, which
    # no digit confusion explains; read by OCR it goes to review as ours, typed it is a fault.
    count = Count(
        text="đã ban hành 6 quy định (trong đó 67 quy định về thủ tục hành chính)",
        label="quy định",
        total=6,
        unit="quy định",
        parts=[CountPart("về thủ tục hành chính", 67)],
    )
    for method, status in (("ocr", "misread"), ("docx", "mismatch")):
        result = ExtractionResult(source=SourceInfo(method=method), counts=[count])
        reconcile(result)
        assert statuses(result, "count_parts") == [status]
        assert any(item.item == "/counts/0" for item in result.review)
    # a part within its total stays ok either way
    within = replace(count, parts=[CountPart("về thủ tục hành chính", 5)])
    result = ExtractionResult(source=SourceInfo(method="ocr"), counts=[within])
    reconcile(result)
    assert statuses(result, "count_parts") == ["ok"]


def test_narrative_count_against_its_annex_row_on_a_scan():
    count = Count(
        text="Tổng số hồ sơ đã giải quyết là 276 hồ sơ",
        label="hồ sơ đã giải quyết",
        total=216,
        unit="hồ sơ",
        parts=[CountPart("trước hạn", 216)],
    )
    annex = StatAnnex(
        annex="Phụ lục 4",
        rows=[
            StatRow(
                code="3.3.1", indicator="Tổng số hồ sơ TTHC đã giải quyết", unit="Hồ sơ", value=276, value_raw="276"
            )
        ],
    )
    for method, status in (("ocr", "misread"), ("docx", "mismatch")):  # "216": a 7 read as 1
        result = ExtractionResult(source=SourceInfo(method=method), counts=[count], statistics=[annex])
        reconcile(result)
        assert statuses(result, "narrative_annex") == [status]


def test_negative_maximum_is_a_sign_misread_not_the_documents_fault():
    # An OCR dump's line "7: Hiện đại hóa hành chính -16 15,25 15,25": the dash before 16 taken
    # for a sign. Self 15,25 "exceeds" -16 only as read; points are never negative, typed or not.
    for method in ("ocr", "text"):
        rows = [row("7", -16, 15.25, "15,25")]
        rows[0].max_points_raw = "-16"
        result = ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(title="B", rows=rows)])
        reconcile(result)
        assert statuses(result, "self_le_max") == ["misread"]
        (item,) = [r for r in result.review if r.alternatives]
        assert (item.field, item.alternatives) == ("max_points", [16.0])


def test_a_cell_printed_as_letters_is_a_misread_with_its_row():
    """An OCR dump's line "122 dẫn l ° l 1 0,75 0,75": max and self taken from the letter "l",
    the appraised column from the next figure. The value read from letters was guessed, and the
    row's other cells came from the same line: when 1.2's sums fail only there, and 0,75 in
    that row makes them hold, it is our misreading, even though the text looked typed."""
    rows = [row("1.2", 2, 1.5, "1,5"), row("1.2.1", 1, 0.75, "0,75"), row("1.2.2", 1, 1.0, "l")]
    rows[0].appraised_points, rows[0].appraised_points_raw = 1.5, "1,5"
    rows[1].appraised_points, rows[1].appraised_points_raw = 0.75, "0,75"
    rows[2].appraised_points, rows[2].appraised_points_raw = 1.0, "1"
    result = ExtractionResult(source=SourceInfo(method="text"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    assert statuses(result, "sum_self") == ["misread"]
    assert statuses(result, "sum_appraised") == ["misread"]
    found = {(r.field, tuple(r.alternatives)) for r in result.review if r.alternatives}
    assert found == {("self_points", (0.75,)), ("appraised_points", (0.75,))}


def test_a_fault_beside_clean_digits_stays_a_mismatch_in_the_same_text():
    # The same rows printed as digits: the commune's own arithmetic, reported as its fault.
    rows = [row("1.2", 2, 1.5, "1,5"), row("1.2.1", 1, 0.75, "0,75"), row("1.2.2", 1, 1.0, "1")]
    result = ExtractionResult(source=SourceInfo(method="text"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    assert statuses(result, "sum_self") == ["mismatch"]


def test_printed_text_that_gave_no_number_is_doubted():
    # "1.1.4 … 2,5 x": the self cell printed something OCR made no number of: to review.
    # (0,87: the reading confidence of a dump's row; a typed row's 1,0 weighs more than one cell)
    rows = [row("1.1", 5, None), row("1.1.4", 2.5, None, "x", confidence=0.87)]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    assert ("/score_tables/0/rows/1", "self_points") in {(r.item, r.field) for r in result.review}
    assert result.score_tables[0].rows[1].value_confidence["self_points"] < ReconcileSettings().review_below


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
    # and the parent queued. Typed, the same figures are the document's fault.
    def checked(method):
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
        result = ExtractionResult(source=SourceInfo(method=method), score_tables=[ScoreTable(title="B", rows=rows)])
        reconcile(result)
        return result

    scan = checked("ocr")
    (check,) = [c for c in scan.checks if c.kind == "sum_children" and c.code == "1.1"]
    assert check.status == "misread"
    queued = {(r.item, tuple(r.alternatives)) for r in scan.review if r.field == "max_points"}
    assert {("/score_tables/0/rows/2", (1,)), ("/score_tables/0/rows/3", (1,))} <= queued
    assert ("/score_tables/0/rows/1", ()) in queued  # the stated figure beside them
    assert [c.status for c in checked("docx").checks if c.kind == "sum_children" and c.code == "1.1"] == ["mismatch"]


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
