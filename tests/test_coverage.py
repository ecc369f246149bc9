"""Coverage: a shortfall that unread parts can explain is ours (``incomplete``), one they cannot
explain stays the commune's (``mismatch``).

Records as an OCR dump of one section gives them (seed-like figures: section 1 of the Decree 30
set, 10 points, its total row printing 11): the points of two sub-criteria were lost (an unread
part on their lines), the section's own row was read."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.coverage import account_coverage, lost_tail_rows
from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef, UnreadPart

ROWS = [  # code, max, self, first line
    ("1", 10.0, 8.0, 16),
    ("1.1", 5.0, 3.5, 17),
    ("1.1.1", 1.0, 0.25, 18),
    ("1.1.2", 2.0, 1.25, 19),
    ("1.1.3", None, None, 21),  # its points not read
    ("1.1.4", 2.0, 1.25, 23),
    ("1.2", None, None, 24),  # its points not read
    ("1.2.1", 1.0, 1.0, 25),
    ("1.2.2", 1.0, 1.0, 27),
]


def _result(stated_max: float, unread_lines: tuple[int, int], extra_top: bool = False) -> ExtractionResult:
    rows = [
        ScoreRow(
            code=code,
            level=code.count(".") + 1,
            max_points=mx,
            self_points=sp,
            confidence=0.92,
            flags=[] if mx is not None else ["missing_max", "missing_self"],
            source=SourceRef(page=1, line_start=line, line_end=line),
        )
        for code, mx, sp, line in ROWS
    ]
    if extra_top:
        rows.insert(
            0, ScoreRow(code="2", level=1, max_points=1.0, self_points=1.0, source=SourceRef(page=1, line_start=15))
        )
    part = UnreadPart(
        page=1,
        kind="rows",
        reason="points of 1.1.3, 1.2 not read",
        line_start=unread_lines[0],
        line_end=unread_lines[1],
    )
    return ExtractionResult(
        source=SourceInfo(path="x.txt", format="txt", method="text"),
        score_tables=[ScoreTable(title="Bảng điểm", rows=rows, pages=[1], stated_total_max=stated_max)],
        unread=[part],
    )


def _total(result: ExtractionResult) -> str:
    reconcile(result)
    account_coverage(result)
    return next(c.status for c in result.checks if c.kind == "stated_total" and c.field == "max_points")


def test_parts_inside_a_read_section_do_not_excuse_its_total():
    # Top rows numbered 1..n, the unread lines between rows read: the total's shortfall is real.
    assert _total(_result(11.0, (21, 22))) == "mismatch"


def test_parts_after_the_rows_read_may_hold_missing_top_rows():
    assert _total(_result(11.0, (30, 34))) == "incomplete"


def test_a_gap_in_the_top_numbering_leaves_the_parts_as_explanation():
    # "2" before "1": the top numbering is no sequence 1..n, so no place is ruled out.
    assert _total(_result(12.0, (21, 22), extra_top=True)) == "incomplete"


def test_task_rows_without_their_task_are_unread():
    """A scanned plan whose columns came out shifted: every row's words in "lead", no task text."""
    from extract.model import IngestedDocument
    from extract.segment.unread import find_unread
    from schemas.records import TaskRow, TaskTable

    def task_row(k: int, task: str) -> TaskRow:
        return TaskRow(code=str(k), task=task, lead="Cả năm 2023", source=SourceRef(page=2, line_start=26 + 2 * k))

    shifted = [task_row(k, "") for k in range(1, 7)]
    # The header as a scan gave it: every name run into the first column.
    columns = ["Số TT Nội dung nhiệm vụ Sản phẩm đầu ra Lộ trình Bộ phận chủ trì", "", "", ""]
    read = [task_row(k, "Xây dựng Kế hoạch cải cách hành chính năm 2023") for k in range(1, 7)]
    doc = IngestedDocument(path="plan.pdf", format="pdf")
    parts = find_unread(
        doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=shifted)])
    )
    assert [(p.kind, p.page, p.line_start, p.line_end) for p in parts] == [("rows", 2, 28, 38)]
    assert "6 of the 6 rows" in parts[0].reason
    assert (
        find_unread(doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=read)]))
        == []
    )
    # One heading row without text among tasks read is no table left unread.
    mixed = [task_row(1, ""), *read[1:]]
    assert (
        find_unread(doc, ExtractionResult(task_tables=[TaskTable(title="Kế hoạch CCHC", columns=columns, rows=mixed)]))
        == []
    )
    # A list keyed by criterion code prints no task column: nothing of it is missing.
    keyed = TaskTable(
        title="Kế hoạch CCHC", columns=["TT", "TC", "Thời gian hoàn thành", "Bộ phận chủ trì"], rows=shifted
    )
    assert find_unread(doc, ExtractionResult(task_tables=[keyed])) == []


DUMP = Path(__file__).parent / "data" / "dumps" / "d01-i1-ruled-top-eng-150dpi.txt"


def _dump(tmp_path, drop: tuple[str, str] | None = None, change: tuple[str, str] | None = None) -> dict:
    """A real dev OCR dump (Tesseract eng of a ca-mau 2013 section) with the lines from the one
    starting ``drop[0]`` to the one starting ``drop[1]`` dropped, as OCR drops faint lines, or one
    line's text changed (a planted fault)."""
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    if drop:
        start = next(k for k, t in enumerate(lines) if t.startswith(drop[0]))
        end = next(k for k, t in enumerate(lines) if k >= start and t.startswith(drop[1]))
        lines = lines[:start] + lines[end + 1 :]
    if change:
        lines = [change[1] if t.startswith(change[0]) else t for t in lines]
    path = tmp_path / DUMP.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return result_to_json(convert_file(path, path.stem))


def test_last_rows_lost_from_a_dump_are_unread_after_the_rows_read(tmp_path):
    # 1.3 (max 3) lost: section 1 states 10 where 1.1 and 1.2 add up to 7, and the criteria set
    # goes on under 1 with 1.3 (3). Nothing between the rows read says so; the two together do.
    out = _dump(tmp_path, drop=("1.3 |", "UBND ngay 6/10"))
    lost = [p for p in out["unread"] if "goes on with" in p["reason"]]
    assert len(lost) == 1 and lost[0]["kind"] == "rows"
    assert "1.3 (3)" in lost[0]["reason"] and "row 1 states 10" in lost[0]["reason"]
    assert any(r["item"].startswith("/unread/") and "1.3 (3)" in r["reason"] for r in out["review"])
    # The section's sum falls short because of it: ours (incomplete), not the commune's.
    sums = [c for c in out["checks"] if c["kind"] == "sum_children" and c["code"] == "1"]
    assert [c["status"] for c in sums] == ["incomplete"]
    # 1.1.4 lost, the last of 1.1's, between 1.1.3 and 1.2 read: the set's order says it was
    # printed there, so it is restored (its cells not read) and told as the rows a jump skips
    # (``restored_order``), not as rows after 1.1.3.
    out = _dump(tmp_path, drop=("1.1.4 |", "UBND ngay 20/8"))
    assert "numbering jumps from 1.1.3 to 1.2: 1.1.4 not read" in [p["reason"] for p in out["unread"]]
    assert [r["code"] for r in out["score_tables"][0]["rows"]].count("1.1.4") == 1


def test_whole_dump_and_a_total_off_by_a_point_claim_no_lost_rows(tmp_path):
    # Every row is read; one cell is not: 1.2's self points (2 in the truth file) OCR lost beside
    # its maximum, which its siblings print. Two relations give it back (its children's 1 + 1, and
    # 1's 8 less 1.1's 4 and 1.3's 2), from cells read surely: it is recovered, flagged as derived,
    # no part left unread (``reconcile/recovered.py``); and no row is claimed lost.
    result = convert_file(DUMP, DUMP.stem)
    out = result_to_json(result)
    unread = out["unread"]
    row = out["score_tables"][0]["rows"][6]
    assert (row["code"], row["self_points"], row["self_points_raw"]) == ("1.2", 2.0, None)
    assert "derived_from_sums:self_points" in row["flags"] and unread == []
    account_coverage(result)  # as validate and a review applied do again: the cell is given
    assert result.unread == []
    # The total row printing 11 over a section of 10: the set goes on with section 2, but no
    # criterion of it is as small as the shortfall: the commune's fault, flagged, no rows claimed.
    out = _dump(tmp_path, change=("Tong cong", "Tong cong 11 8"))
    assert [p["reason"] for p in out["unread"]] == [p["reason"] for p in unread]
    assert [c["status"] for c in out["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points"] == [
        "mismatch"
    ]


def test_appraised_column_no_row_read_is_queued_value_by_value(tmp_path):
    # A real dev dump with an appraised column ("Điểm thẩm định" in its header), its appraised
    # figures gone from every row line (as OCR loses a faint column): no row fills the column, so
    # the segmenter flags none; the header still says the column is there, and each row's
    # appraised cell is a value lost, in the queue.
    import regex as re

    source = Path(__file__).parent / "data" / "dumps" / "d02-i1-ruled-top-eng-150dpi.txt"
    number = r"\d{1,2}(?:,\d{1,2})?,?"
    lines = [
        re.sub(rf"^(\S+ .*?\s{number}\s+{number})\s+{number}(?=\s|$)", r"\1", t)
        for t in source.read_text(encoding="utf-8").splitlines()
    ]
    path = tmp_path / source.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = result_to_json(convert_file(path, path.stem))
    rows = [(ti, ri, r) for ti, t in enumerate(out["score_tables"]) for ri, r in enumerate(t["rows"])]
    scored = [(ti, ri) for ti, ri, r in rows if r["self_points"] is not None]
    assert len(scored) >= 8 and all(r["appraised_points"] is None for _, _, r in rows)
    queued = {(r["item"], r["field"]) for r in out["review"]}
    assert all((f"/score_tables/{ti}/rows/{ri}", "appraised_points") in queued for ti, ri in scored)
    # The dump as printed (the column read) has none of these doubts.
    whole = result_to_json(convert_file(source, source.stem))
    assert not [r for r in whole["review"] if r["field"] == "appraised_points"]


def test_a_maximum_misread_small_is_no_lost_row():
    """A dump of the first seven sections of a set of eight (total 84,5 = their maxima), with
    3's "14,5" read 1,45 and 4's "11" read 7: the rows read add up to 67,45, short by more than
    section 8's 15,5, and the set goes on with 8. But at the set's maxima the rows read make the
    total: the shortfall is our misreading, no row was lost."""
    maxima = [10.0, 10.0, 1.45, 7.0, 16.0, 7.0, 16.0]
    rows = [
        ScoreRow(
            code=str(k + 1),
            level=1,
            max_points=m,
            self_points=min(m, 5.0),
            flags=["name_from_criteria_set:bnv-tinh_2948"],
            source=SourceRef(page=1, line_start=10 + k),
        )
        for k, m in enumerate(maxima)
    ]
    table = ScoreTable(title="B", rows=rows, stated_total_max=84.5)
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[table])
    assert lost_tail_rows(result) == []
    # Section 7 lost as well: then 8 short of the whole is still no claim, 7 is (the set's 16).
    table.rows = rows[:6]
    assert [p.reason.split(":")[0] for p in lost_tail_rows(result)] == ["rows after 6 not read"]


def test_a_figure_printed_as_no_number_on_a_dump_is_unread(tmp_path):
    # "1.1.4 | … 2 šx": the self cell printed, OCR made no number of it.
    out = _dump(tmp_path, change=("1.1.4", "1.1.4 | Mttc d6 thuc hién ké hoach CCHC 2 šx Th6ng bao sé 50/TB-"))
    parts = [p for p in out["unread"] if "not as a number" in p["reason"]]
    assert len(parts) == 1 and "1.1.4 self points printed 'šx'" in parts[0]["reason"]


def test_a_self_score_lost_from_typed_text_is_a_coverage_check():
    """A text export putting each cell on its line lost 1.3's "1,5": section 1 states 6,25 where
    the rows read add up to 4,75 with 1.3 printing its maximum and no self score. Typed or not,
    the document states the whole and a cell is missing: an ``incomplete`` coverage check (no
    unread part: the cell may have been printed blank)."""
    rows = [
        ScoreRow(code="1", level=1, max_points=10, self_points=6.25),
        ScoreRow(code="1.1", level=2, max_points=5, self_points=3),
        ScoreRow(code="1.2", level=2, max_points=2, self_points=1.75),
        ScoreRow(code="1.3", level=2, max_points=3, self_points=None, flags=["missing_self"]),
    ]
    result = ExtractionResult(source=SourceInfo(method="text"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    account_coverage(result)
    (check,) = [c for c in result.checks if c.kind == "coverage"]
    assert (check.status, check.field, check.code) == ("incomplete", "self_points", "1")
    assert "4.75 of the stated 6.25" in check.message and "self-assessed score" in check.message
    assert result.unread == []


def test_a_header_column_numbering_taken_for_a_row_is_no_unread_figure():
    """A scan's header line "(1) (2) (3) (4) (5)" passed for a row (OCR read its "(1)" as a code):
    its cells print column numbers, not figures a row lost; a real illegible cell beside it still
    is one."""
    rows = [
        ScoreRow(
            code="1.4",
            level=2,
            max_points=None,
            self_points=None,
            appraised_points=None,
            max_points_raw="(3)",
            self_points_raw="(4)",
            appraised_points_raw="()",
            flags=["missing_max", "missing_self"],
            source=SourceRef(page=1, line_start=11),
        ),
        ScoreRow(
            code="1.1",
            level=2,
            max_points=2,
            self_points=None,
            self_points_raw="šx",
            flags=["missing_self"],
            source=SourceRef(page=1, line_start=12),
        ),
    ]
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[ScoreTable(title="B", rows=rows)])
    reconcile(result)
    account_coverage(result)
    reasons = [p.reason for p in result.unread]
    assert reasons == ["figures not read (printed, but not as a number): 1.1 self points printed 'šx'"]


# A score table printed in two parts, its header again over the second ("A. Mục 1 đến mục 3",
# "B. Mục 4 đến mục 6"), as a generated corpus scan's truth holds it: code, max, self of each row.
FIRST_PART = [("1", 10.0, 10.0), ("2", 10.0, 10.0), ("3", 14.5, 14.5)]
SECOND_PART = [("4", 11.0, 11.0), ("5", 16.0, 16.0), ("6", 7.0, 7.0)]


def _part_table(rows: list[tuple[str, float, float]], first_line: int) -> ScoreTable:
    return ScoreTable(
        rows=[
            ScoreRow(
                code=code,
                level=1,
                max_points=mx,
                self_points=sp,
                flags=["code_from_criteria_set:bnv-tinh_2948"],
                source=SourceRef(page=1, line_start=first_line + k),
            )
            for k, (code, mx, sp) in enumerate(rows)
        ],
        pages=[1],
    )


def _set_gaps(tables: list[ScoreTable]) -> list[str]:
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=tables)
    account_coverage(result)
    return [p.reason for p in result.unread if "not read between rows read" in p.reason]


def test_a_table_read_as_its_two_parts_claims_no_rows_of_the_other_part_lost():
    assert _set_gaps([_part_table(FIRST_PART, 15), _part_table(SECOND_PART, 20)]) == []


def test_a_row_lost_from_a_second_table_of_the_same_criteria_is_still_told():
    # The other table reads 1, 2 and 3 too (an appraisal's beside the self-assessment's): it shares
    # codes with this one, and says nothing of the 2 this one lost.
    lost_two = [row for row in FIRST_PART if row[0] != "2"]
    gaps = _set_gaps([_part_table(FIRST_PART, 15), _part_table(lost_two, 30)])
    assert len(gaps) == 1 and gaps[0].endswith(": 2")


def test_the_rows_a_parent_goes_on_with_in_the_tables_next_part_are_no_tail_lost():
    # A scanned table printed in two parts (corpus seed 22382, S39 "two parts, header again", its
    # truth: 1 (10 / 8,75) over 1.1 (5) in the first part, 1.2 (2) and 1.3 (3) in the second),
    # each part read as a table: row 1's 10 over its 1.1 alone is no loss of 1.2 and 1.3.
    first = [("1", 10.0, 8.75), ("1.1", 5.0, 4.25), ("1.1.1", 1.0, 0.5), ("1.1.2", 1.0, 1.0)]
    first += [("1.1.3", 1.0, 1.0), ("1.1.4", 2.0, 1.75)]
    second = [("1.2", 2.0, 2.0), ("1.2.1", 1.0, 1.0), ("1.2.2", 1.0, 1.0), ("1.3", 3.0, 2.5)]

    def part(rows: list[tuple[str, float, float]], first_line: int) -> ScoreTable:
        table = _part_table(rows, first_line)
        for row in table.rows:
            row.level = row.code.count(".") + 1 if row.code else 0
            row.flags = ["code_from_criteria_set:ca-mau_2013"]
        return table

    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[part(first, 15), part(second, 25)])
    assert [p.reason for p in lost_tail_rows(result) if p.reason.startswith("rows after 1.1 ")] == []
