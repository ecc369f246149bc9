"""The review queue asks about each place once (issue 14): a row queued whole holds its cells'
doubts, and a part told unread that names only cells the queue asks about is told on their
entries (``cchc_extract.reconcile.queue_once``). The parts are made by the stages that make them
on a real run (coverage's lost cells, the segmenter's rows without figures), so the reasons read
back are the ones those stages write."""

from cchc_extract.coverage import account_coverage
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.core import one_entry_per_cell
from cchc_extract.reconcile.queue_once import named_cells, one_look_each
from extract.segment.unread import unread_review_items
from extract.segment.unread_rows import points_part
from schemas.records import ExtractionResult, ReviewItem, ScoreRow, ScoreTable, SourceInfo, SourceRef, UnreadPart


def _row(code: str, line: int, mx: float | None, own: float | None, *flags: str) -> ScoreRow:
    return ScoreRow(
        code=code,
        code_raw=code,
        name=f"Tiêu chí {code}",
        name_raw=f"Tiêu chí {code}",
        level=code.count(".") + 1,
        max_points=mx,
        max_points_raw=None if mx is None else f"{mx:g}".replace(".", ","),
        self_points=own,
        self_points_raw=None if own is None else f"{own:g}".replace(".", ","),
        confidence=0.82,
        flags=list(flags),
        source=SourceRef(page=1, line_start=line, line_end=line),
    )


def _dump(rows: list[ScoreRow]) -> ExtractionResult:
    # An OCR text dump: characters OCR made, no word confidences.
    return ExtractionResult(source=SourceInfo(method="text", read_by_ocr=True), score_tables=[ScoreTable(rows=rows)])


def _queue(result: ExtractionResult) -> list[ReviewItem]:
    """The review queue as the pipeline assembles it after reconciliation and coverage."""
    reconcile(result)
    account_coverage(result)
    return one_entry_per_cell(unread_review_items(result) + result.review)


def test_a_lost_cell_is_asked_once_the_part_naming_it_told_on_its_entry():
    # 1.1's self score lost beside its maximum (its siblings print theirs): coverage tells it
    # unread, the queue doubts its blank. One entry, on the cell, giving both reasons.
    rows = [
        _row("1", 10, 10, 7.5),
        _row("1.1", 11, 5, None, "missing_self"),
        _row("1.2", 12, 5, 4.5),
    ]
    result = _dump(rows)
    queue = _queue(result)
    told = [r for r in queue if r.item.startswith("/unread/")]
    assert len(told) == 1 and "1.1 self points" in told[0].reason
    assert any((r.item, r.field) == ("/score_tables/0/rows/1", "self_points") for r in queue)
    once = one_look_each(queue, result)
    assert not [r for r in once if r.item.startswith("/unread/")]
    (cell,) = [r for r in once if r.item == "/score_tables/0/rows/1"]
    assert cell.field == "self_points" and told[0].reason in cell.reason
    assert len(once) == len(queue) - 1
    # the part stays told where coverage reads it
    assert any("1.1 self points" in p.reason for p in result.unread)


def test_a_part_naming_a_cell_the_queue_does_not_ask_about_keeps_its_entry():
    rows = [_row("1", 10, 10, 7.5), _row("1.1", 11, 5, None, "missing_self"), _row("1.2", 12, 5, 4.5)]
    result = _dump(rows)
    part = UnreadPart(
        page=1,
        kind="rows",
        reason="figures not read (the row's other figures were): 1.2 self points",
        line_start=12,
        line_end=12,
    )
    result.unread = [part]
    told = ReviewItem(item="/unread/0", reason="not read: " + part.reason, confidence=0.0)
    assert one_look_each([told], result) == [told]
    # rows the text lost, or a code no row carries: the part is no cells of rows found
    for reason in (
        "points of 1.1 not read (rows recovered by their names in the criteria set); rows 1.3 not found in the text",
        "figures not read (the row's other figures were): 4.2 self points",
    ):
        assert named_cells(UnreadPart(page=1, kind="rows", reason=reason, line_start=10, line_end=12), result) is None


def test_a_row_without_figures_is_one_entry_its_cells_and_its_part_on_it():
    # Row 2 printed its name, not its numbers: the segmenter tells it, the queue asks about the
    # row whole; a cell entry of it (a failed relation's member) joins that entry.
    rows = [_row("1", 10, 10, 7.5), _row("1.1", 11, 5, 3.5), _row("1.2", 12, 5, 4.0), _row("2", 13, None, None)]
    result = _dump(rows)
    result.unread = [points_part([rows[3]])]
    assert named_cells(result.unread[0], result) == [("/score_tables/0/rows/3", None)]
    queue = [
        ReviewItem(item="/unread/0", reason="not read: " + result.unread[0].reason, confidence=0.0),
        ReviewItem(item="/score_tables/0/rows/3", field=None, reason="confidence 0.06 below 0.80", confidence=0.06),
        ReviewItem(item="/score_tables/0/rows/3", field="max_points", reason="2: a sum fails", confidence=0.5),
        ReviewItem(item="/score_tables/0/rows/2", field="self_points", reason="1: a sum fails", confidence=0.4),
    ]
    once = one_look_each(queue, result)
    assert [(r.item, r.field) for r in once] == [
        ("/score_tables/0/rows/3", None),
        ("/score_tables/0/rows/2", "self_points"),
    ]
    whole = once[0]
    assert "2: a sum fails" in whole.reason and "not read: points of 2" in whole.reason
    assert whole.confidence == 0.06


def test_a_maximum_misread_beside_a_lost_sibling_is_a_misreading_not_the_communes_fault():
    # The set (ca-mau_2013) gives 1.2 two sub-criteria of 1 point; OCR lost 1.2.2's line and read
    # 1.2.1's maximum 4. With the lost sibling at the set's maximum, 1.2.1 read as the set's 1
    # makes 1.2's 2: a misreading of ours (queued with that reading), not a mismatch. Typed text
    # prints what it prints: there the sum stays the document's fault.
    def rows() -> list[ScoreRow]:
        return [
            _row("1.1", 10, 5, 5),
            _row("1.1.1", 11, 1, 1),
            _row("1.1.2", 12, 1, 1),
            _row("1.1.3", 13, 1, 1),
            _row("1.1.4", 14, 2, 2),
            _row("1.2", 15, 2, 1.5),
            _row("1.2.1", 16, 4, 0.5),
        ]

    result = _dump(rows())
    reconcile(result)
    (check,) = [c for c in result.checks if c.id == "sum_children:/score_tables/0/rows/5:max_points"]
    assert check.status == "misread", check.message
    (cell,) = [r for r in result.review if (r.item, r.field) == ("/score_tables/0/rows/6", "max_points")]
    assert 1 in cell.alternatives
    typed = ExtractionResult(source=SourceInfo(method="docx"), score_tables=[ScoreTable(rows=rows())])
    reconcile(typed)
    assert [c.status for c in typed.checks if c.id == "sum_children:/score_tables/0/rows/5:max_points"] == ["mismatch"]


def test_a_row_whose_line_gave_no_figure_is_one_entry_its_set_filled_maximum_with_it():
    # 1.1.4's line lost its figures: the set (ca-mau_2013) filled its maximum, its two scores
    # are blank. One entry for the row: a person reading its line reads the maximum too (the
    # commune may have printed its own), not two cell entries and the maximum out of the queue.
    def row(code: str, line: int, mx: float, own: float | None, *flags: str) -> ScoreRow:
        r = _row(code, line, mx, own, *flags)
        r.appraised_points, r.appraised_points_raw = (own, r.self_points_raw) if own is not None else (None, None)
        return r

    rows = [
        row("1.1", 10, 5, 5),
        row("1.1.1", 11, 1, 1),
        row("1.1.2", 12, 1, 1),
        row("1.1.3", 13, 1, 1),
        row("1.1.4", 14, 2, None, "missing_self", "missing_appraised", "max_from_criteria_set:ca-mau_2013"),
    ]
    rows[4].max_points_raw = None
    result = _dump(rows)
    reconcile(result)
    asked = [(r.item, r.field) for r in result.review if r.item == "/score_tables/0/rows/4"]
    assert asked == [("/score_tables/0/rows/4", None)], asked
