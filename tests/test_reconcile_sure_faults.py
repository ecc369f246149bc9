"""Issue 14, planted faults and false alarms on OCR'd documents: a sum a commune broke among cells
our OCR of the page read surely stays its fault (no lost quarter nor the criteria set's maximum
explains it away); a whole percentage OCR dropped a glyph of is a misreading of ours; a narrative
score statement its group's sums vouch for asks nothing of a person."""

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.misread import read_surely
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.segment.unread_lost_total import _garbled_label_among_specks
from normalize.text import fold
from schemas.records import (
    ExtractionResult,
    ScoreStatement,
    ScoreTable,
    SourceInfo,
    StatAnnex,
    StatRow,
    unsure_flag,
)
from test_reconcile_misread import row

# --------------------------------------------------------------------------- sure cells of a scan


def _section(source: SourceInfo, unsure: bool = False) -> ExtractionResult:
    # Spent seed 1701's s02-i2 (a 200-dpi scan): 1 states 3,75, its sub-criteria 1 + 0,75 + 0,25 +
    # 1,5 = 3,5 (the planted fault); 1.d's "1,5" read surely, so no lost "1,75" explains it.
    rows = [
        row("1", 5, 3.75, "3,75"),
        row("1.a", 1, 1, "1"),
        row("1.b", 1, 0.75, "0,75"),
        row("1.c", 1, 0.25, "0,25"),
        row("1.d", 2, 1.5, "1,5"),
    ]
    if unsure:
        rows[4].flags += ["number_unsure", unsure_flag("self_points", 0.4)]
    result = ExtractionResult(source=source, score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    return result


def _sum_status(result: ExtractionResult) -> str:
    (check,) = [c for c in result.checks if c.kind == "sum_self" and c.code == "1"]
    return check.status


def test_a_sum_a_sure_scan_cell_breaks_by_a_quarter_is_the_communes_fault():
    scan = _section(SourceInfo(method="ocr"))
    assert _sum_status(scan) == "mismatch"
    # one entry for one fault: the figure the relation states
    assert [(r.item, r.field) for r in scan.review] == [("/score_tables/0/rows/0", "self_points")]


def test_a_cell_ocr_read_unsurely_or_a_dump_may_have_lost_its_quarter():
    assert _sum_status(_section(SourceInfo(method="ocr"), unsure=True)) == "misread"
    assert _sum_status(_section(SourceInfo(method="text", read_by_ocr=True))) == "misread"


def test_a_sure_scan_cell_a_lost_quarter_makes_two_sums_hold_is_still_ours():
    # Seed 682's clean 300-dpi scan: 1.1's "3,75" read "3,5" broke its own sum and its parent's;
    # one slip of the pen breaks one, so the reading that makes both hold is a misreading.
    rows = [
        row("1", 10, 8.75, "8,75"),
        row("1.1", 4, 3.5, "3,5"),
        *(row(f"1.1.{k}", 1, v, str(v).replace(".", ",")) for k, v in ((1, 1), (2, 0.75), (3, 1), (4, 1))),
        row("1.2", 6, 5, "5"),
        row("1.2.1", 2, 2, "2"),
        row("1.2.2", 4, 3, "3"),
    ]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    found = {(c.kind, c.code): c.status for c in result.checks if c.status != "ok"}
    assert found == {("sum_self", "1"): "misread", ("sum_self", "1.1"): "misread"}


def test_read_surely_asks_the_cells_own_doubt():
    s = ReconcileSettings()
    sure = row("1.d", 2, 1.5, "1,5")
    assert read_surely(sure, "self_points", s)
    unsure = row("1.d", 2, 1.5, "1,5", flags=[unsure_flag("self_points", 0.4)])
    assert not read_surely(unsure, "self_points", s) and read_surely(unsure, "max_points", s)
    assert not read_surely(row("1.d", 2, 1.5, "l,5"), "self_points", s)  # a letter taken for a digit
    assert not read_surely(row("1.d", 2, 1.5, "1,5", confidence=0.5), "self_points", s)


# --------------------------------------------------------------------------- a whole percentage's lost glyph


def _stat(code: str, indicator: str, unit: str, raw: str) -> StatRow:
    return StatRow(code=code, indicator=indicator, unit=unit, value=float(raw), value_raw=raw)


def _share(source: SourceInfo) -> ExtractionResult:
    # Spent seed 1801's d07-i8: "2.4 | Tỷ lệ TTHC … toàn % 5]" for 75,91 (104 of 137).
    rows = [
        _stat("2", "Tổng số thủ tục hành chính thuộc thẩm quyền giải quyết", "Thủ tục", "137"),
        _stat("2.1", "Số TTHC cung cấp dịch vụ công trực tuyến toàn trình", "Thủ tục", "104"),
        _stat("2.2", "Số TTHC cung cấp dịch vụ công trực tuyến một phần", "Thủ tục", "30"),
        _stat("2.3", "Số TTHC chỉ cung cấp thông tin", "Thủ tục", "3"),
        _stat("2.4", "Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình", "%", "5"),
    ]
    result = ExtractionResult(source=source, statistics=[StatAnnex(rows=rows)])
    reconcile(result)
    return result


def test_a_whole_percentage_that_lost_a_digit_is_a_misreading_on_ocrd_text():
    dump = _share(SourceInfo(method="text", read_by_ocr=True))
    (ratio,) = [c for c in dump.checks if c.kind == "ratio"]
    assert ratio.status == "misread" and "may be 75" in ratio.message
    assert [(r.item, r.alternatives) for r in dump.review] == [("/statistics/0/rows/4", [75])]
    typed = _share(SourceInfo(method="docx"))
    assert [c.status for c in typed.checks if c.kind == "ratio"] == ["mismatch"]


# --------------------------------------------------------------------------- statements a sum vouches for


def _statements(points_41: float) -> ExtractionResult:
    # Spent seed 1601's s05-i3 (a scanned report): group 4 states 1 of 5, its criteria 0,5 + 0 + 0,5
    # of 2 + 1,5 + 1,5, each read at 0.69.
    def crit(code: str, points: float, max_points: float) -> ScoreStatement:
        return ScoreStatement(kind="criterion", code=code, points=points, max_points=max_points, confidence=0.69)

    statements = [
        ScoreStatement(kind="group", code="4", points=1, max_points=5, confidence=0.69),
        crit("4.1", points_41, 2),
        crit("4.2", 0, 1.5),
        crit("4.3", 0.5, 1.5),
    ]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_statements=statements)
    reconcile(result)
    return result


def test_statements_whose_group_sums_hold_are_not_queued_for_their_confidence():
    assert not _statements(0.5).review
    # a sum that fails vouches for nothing: each statement read unsurely is asked about
    failed = _statements(1.5)
    assert {"/score_statements/1", "/score_statements/2", "/score_statements/3"} <= {r.item for r in failed.review}


# --------------------------------------------------------------------------- a totals row OCR garbled


def test_a_totals_label_among_a_grids_rules_read_as_letters_is_a_lost_total():
    # Spent seed 1801's d02-i1: the totals row (max 102, a planted fault) OCR'd "Ty CTONG DIEM
    # ——SSCS~S Se PSS": its figures lost, the table goes to the queue to read the total by eye.
    assert _garbled_label_among_specks(fold("Ty CTONG DIEM ——SSCS~S Se PSS"))
    assert _garbled_label_among_specks(fold("eS eS rong cone es |S | Te |"))
    assert not _garbled_label_among_specks(fold("Trong công tác cải cách hành chính"))
    assert not _garbled_label_among_specks(fold("Tổng cộng kết quả"))
