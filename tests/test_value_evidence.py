"""The per-cell evidence of a value's confidence (``reconcile/confidence.py``), each both ways, on
rows as the pipeline read them from generated OCR dumps and scans (seed 215's corpus; the lines
are quoted)."""

from cchc_extract.reconcile import ReconcileSettings, reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceRef

SETTINGS = ReconcileSettings(review_below=0.8)


def row(code, max_points, self_points, appraised=None, **kw):
    return ScoreRow(
        code=code,
        level=code.count(".") + 1 if not code.startswith("I") else 0,
        max_points=max_points,
        self_points=self_points,
        appraised_points=appraised,
        source=SourceRef(page=1),
        **kw,
    )


def reconciled(rows, method):
    result = ExtractionResult(score_tables=[ScoreTable(title="Chỉ số CCHC", rows=rows)])
    result.source.method = method
    reconcile(result, SETTINGS)
    return result


def queued(result):
    return {(r.item, r.field) for r in result.review}


def test_a_value_beside_a_cell_ocr_garbled_is_doubted():
    # d03-i3 (an OCR dump), line "122 | Tat ca bao cao cé day di ni dung theo huéng dan Pt 0": the
    # max cell printed "Pt" (the set gave it its maximum 1) and the self cell "0", where the
    # document prints 0,75. OCR spoilt the line's figures; the "0" it gave is doubted with them.
    # (Its parent 1.2 was not read: no sum speaks for or against the "0".)
    def self_of(max_raw):
        rows = [
            row("1.1.4", 2, 2, confidence=0.92),
            row("1.2.2", 1, 0, confidence=0.82, max_points_raw=max_raw, self_points_raw="0"),
        ]
        result = reconciled(rows, "text")
        return result.score_tables[0].rows[1].value_confidence["self_points"], queued(result)

    confidence, review = self_of("Pt")
    assert confidence < 0.8 and ("/score_tables/0/rows/1", "self_points") in review
    confidence, review = self_of("1")  # the same line with its max read: nothing spoilt beside
    assert confidence >= 0.8 and ("/score_tables/0/rows/1", "self_points") not in review


def test_equal_self_and_appraised_points_vouch_for_each_other():
    # d02-i3 (an OCR dump), criterion 3 "14,5 14,5" in a row whose code was inferred from its
    # position (row confidence 0.57): two cells read apart that agree are not doubted; the same
    # row with the appraised points read differently keeps both in the queue.
    def scores(appraised):
        rows = [
            row("2", 10, 10, 9.5, confidence=0.92),
            row("3", 14.5, 14.5, appraised, confidence=0.57, flags=["code_inferred"]),
        ]
        result = reconciled(rows, "text")
        return result.score_tables[0].rows[1].value_confidence, queued(result)

    confidence, review = scores(14.5)
    assert min(confidence["self_points"], confidence["appraised_points"]) >= 0.8
    assert ("/score_tables/0/rows/1", "self_points") not in review
    confidence, review = scores(13.0)
    assert max(confidence["self_points"], confidence["appraised_points"]) < 0.8
    assert {("/score_tables/0/rows/1", "self_points"), ("/score_tables/0/rows/1", "appraised_points")} <= review


def test_a_scan_blank_with_its_whole_block_is_printed_blank():
    # s02-i2 (a 200 dpi scan of an unruled table): part II and its criterion II.1 print their
    # maximum 3 and no self score, both. On a scan the blank of a whole block is the document's;
    # a blank OCR read unsurely, or one in a block whose other rows print their scores, is a
    # lost cell; on text (a dump loses the figures of whole rows) it stays doubted.
    def blank_self(method, flags=()):
        rows = [
            row("I", 7, 6, confidence=0.92),
            row("1", 7, 6, confidence=0.92),
            row("II", 3, None, confidence=0.82, flags=["missing_self"]),
            row("II.1", 3, None, confidence=0.82, flags=["missing_self", *flags]),
        ]
        result = reconciled(rows, method)
        return result.score_tables[0].rows[3].value_confidence["self_points"], queued(result)

    confidence, review = blank_self("ocr")
    assert confidence >= 0.8 and ("/score_tables/0/rows/3", "self_points") not in review
    confidence, review = blank_self("ocr", ["unsure_self_points:0.30"])
    assert confidence < 0.8 and ("/score_tables/0/rows/3", "self_points") in review
    confidence, review = blank_self("text")
    assert confidence < 0.8 and ("/score_tables/0/rows/3", "self_points") in review


def test_a_scan_blank_beside_siblings_that_print_their_scores_is_a_lost_cell():
    rows = [
        row("1", 3, 2, confidence=0.92),
        row("1.1", 1, 1, confidence=0.92),
        row("1.2", 2, None, confidence=0.82, flags=["missing_self"]),
    ]
    result = reconciled(rows, "ocr")
    assert result.score_tables[0].rows[2].value_confidence["self_points"] < 0.8
    assert ("/score_tables/0/rows/2", "self_points") in queued(result)


def test_a_reading_its_sum_settles_is_not_doubted():
    # d06-i3 of seed 266 (an OCR dump of a typed table), line "Il. CAC NHIEM VU CON LAI 545 53,5":
    # the part's max printed "545" without its comma, read 54,5 among 545 and 5,45. Its four
    # criteria, all read, add up to 54,5: the sum settles the reading. With one of their maxima
    # not read the sum cannot speak, and the reading stays doubted.
    def max_of(fourth):
        rows = [
            row(
                "II",
                54.5,
                53.5,
                confidence=0.62,
                max_points_raw="545",
                self_points_raw="53,5",
                flags=["missing_max", "ambiguous_number"],
                alternatives={"max_points": [545.0, 5.45]},
            ),
            row("II.1", 16, 15.5, confidence=0.92, max_points_raw="16"),
            row("II.2", 7, 6.25, confidence=0.92, max_points_raw="7"),
            row("II.3", 16, 15.75, confidence=0.92, max_points_raw="16"),
            row("II.4", fourth, 15.5, confidence=0.92, max_points_raw="15,5" if fourth else None),
        ]
        for r in rows[1:]:
            r.parent = "II"
        if fourth is None:
            rows[4].flags.append("missing_max")
        result = reconciled(rows, "text")
        return result.score_tables[0].rows[0].value_confidence["max_points"], queued(result)

    confidence, review = max_of(15.5)
    assert confidence >= 0.8 and ("/score_tables/0/rows/0", "max_points") not in review
    confidence, review = max_of(None)
    assert confidence < 0.8 and ("/score_tables/0/rows/0", "max_points") in review


def test_a_score_beside_a_lost_cell_is_in_a_guessed_column():
    # d06-i5 of seed 266 (an OCR dump), "3. | Cai cach thi tuc hanh chinh 145 | 13,5 | Bao cdosd":
    # the max went into the name, and the line's one figure was taken for the self points. Which
    # cell a lone figure was is a guess (here right; a maximum read into the self cell would read
    # the same), so the score is doubted as a half-read cell; the row reading both its cells is
    # not. The criteria set filling the lost maximum (``max_from_criteria_set``) leaves the guess.
    def self_of(max_points, flags):
        rows = [
            row("1", 10, 10, confidence=0.92, max_points_raw="10"),
            row("3", max_points, 13.5, confidence=0.82, self_points_raw="13,5", flags=flags),
        ]
        result = reconciled(rows, "text")
        return result.score_tables[0].rows[1].value_confidence["self_points"], queued(result)

    for max_points, flags in ((None, ["missing_max"]), (14.5, ["max_from_criteria_set:bnv-tinh_2948"])):
        confidence, review = self_of(max_points, flags)
        assert confidence < 0.8 and ("/score_tables/0/rows/1", "self_points") in review
    confidence, review = self_of(14.5, [])
    assert confidence >= 0.8 and ("/score_tables/0/rows/1", "self_points") not in review


def test_a_score_read_by_inserting_its_lost_decimal_mark_is_doubted():
    # A 150-dpi scan (held-out seed 251, S03): criterion 1.1.3 printed "0,75"; OCR gave "05", whose
    # one reading under the maximum 1 is 0,5. Its parent's sum failed (4,25 for 4,5) and blamed
    # the sibling that crosses two relations, so the 0,5 passed at 0.92. A figure whose decimal
    # mark we put back is our reading of a damaged cell: doubted, unless a sum settles it. The
    # same cell printed "0,5" is not doubted.
    def self_of(raw, value, parent_self):
        rows = [
            row("1.1", 3, parent_self, confidence=0.92, max_points_raw="3", self_points_raw="x"),
            row("1.1.1", 1, 1, confidence=0.92, max_points_raw="1", self_points_raw="1", parent="1.1"),
            row("1.1.2", 1, 1.5, confidence=0.92, max_points_raw="1", self_points_raw="1,5", parent="1.1"),
            row("1.1.3", 1, value, confidence=0.92, max_points_raw="1", self_points_raw=raw, parent="1.1"),
        ]
        result = reconciled(rows, "ocr")
        return result.score_tables[0].rows[3].value_confidence["self_points"], queued(result)

    confidence, review = self_of("05", 0.5, 3.25)  # the sum fails: 1 + 1,5 + 0,5 = 3 for 3,25
    assert confidence < 0.8 and ("/score_tables/0/rows/3", "self_points") in review
    confidence, review = self_of("0,5", 0.5, 3.25)
    assert confidence >= 0.8 and ("/score_tables/0/rows/3", "self_points") not in review
    confidence, review = self_of("05", 0.5, 3)  # the sum settles the reading
    assert confidence >= 0.8
