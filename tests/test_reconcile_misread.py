"""Two kinds of finding kept apart: ``mismatch`` when the document's own numbers disagree,
``misread`` when a value we may have read wrong (an OCR digit confusion, a lost decimal mark, a
recorded alternative) explains the failure. Misread values go to review with their alternatives."""

from dataclasses import replace

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
    # the doubling is one explanation among the settings' knobs: switched off, with the wider
    # glyph lost anywhere (``count_lost_digit``, whose readings hold the doubles), the sum is a fault
    result = ExtractionResult(source=SourceInfo(method="ocr"), counts=[count])
    reconcile(result, ReconcileSettings(ocr_lost_doubles=False, count_lost_digit=False))
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


def test_a_stated_total_read_below_zero_is_a_sign_misread_on_ocr_text():
    # An OCR dump's totals line "Tổng số điểm -10 8,25 7,5": the bar before 10 read as a sign. The
    # rows' maxima add up to 10; the total's reading without the sign explains the failed sum, so the
    # check is our misreading, queued with 10 as its reading, not the commune's fault. Typed, a
    # total printed below zero stays the document's own figure, and its fault.
    for method, status in (("ocr", "misread"), ("text", "mismatch")):
        rows = [row("1", 10, 8.25, "8,25"), row("1.1", 5, 3.25, "3,25"), row("1.2", 5, 5, "5")]
        tbl = ScoreTable(title="Bảng điểm", rows=rows, stated_total_max=-10, stated_total_self=8.25)
        result = ExtractionResult(source=SourceInfo(method=method), score_tables=[tbl])
        reconcile(result)
        checks = [c for c in result.checks if c.kind == "stated_total" and c.field == "max_points"]
        assert [c.status for c in checks] == [status]
        if method == "ocr":
            (item,) = [r for r in result.review if r.item == "/score_tables/0" and r.field == "max_points"]
            assert item.alternatives == [10.0]
