"""Cells OCR lost that the table's own arithmetic determines (issue 11, numbers): a parent's
points as its children's added up, a child's as its parent's less its siblings', a maximum as its
children's maxima when the criteria set's agrees. The value is flagged ``derived_from_sums:<field>``,
its raw text stays blank, no check weighs it, and it leaves the queue only when a second relation
confirms it from inputs read surely. The dump is written here: the text Tesseract gave of one of
the corpus generator's scans (seed 651, d01-i1), with the figures each test prints (``test_dump_heading_scores``)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json, write_json
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.derived import FLAG_DERIVED, FLAG_DERIVED_BY_SET, derive_lost_cells, table_derivations
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.validate import validate_file
from normalize.criteria import load_criteria_sets
from schemas.records import ExtractionResult, ReviewItem, ScoreRow, ScoreTable, SourceInfo
from test_dump_heading_scores import DUMP as HEADING_DUMP
from test_score_variants import body, convert, total_row, write_docx

# 1 prints 10 / 8,75 (its maximum lost), 1.1 5 / 4,5 and 1.2 2 / 1,25 (OCR garbled both lines, "Ps pas"
# and "as"); 1.1.1 prints 1 / {first}, 1.2 {reports}.
DUMP = (
    HEADING_DUMP.format(figures="8,75")
    .replace("nam 1 0,5 Chwa", "nam 1 {first} Chwa")
    .replace("Bio cio CCHC as", "Bio cio CCHC {reports}")
)


def _convert(tmp_path: Path, first: str = "1", reports: str = "as"):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP.format(first=first, reports=reports), encoding="utf-8")
    result = convert_file(path)
    return result, {row.code: row for table in result.score_tables for row in table.rows}


def _queued(result, code: str) -> list[ReviewItem]:
    rows = result.score_tables[0].rows
    i = next(i for i, r in enumerate(rows) if r.code == code)
    return [e for e in result.review if e.item == f"/score_tables/0/rows/{i}"]


def test_a_parents_lost_scores_are_its_childrens_added_up_flagged_and_still_queued(tmp_path):
    # 1.1 prints 5 / 4,5 and 1.2 prints 2 / 1,25: OCR garbled both lines ("Ps pas", "as").
    result, rows = _convert(tmp_path)
    assert (rows["1.1"].self_points, rows["1.2"].self_points) == (4.5, 1.25)  # 1+1+1+1,5; 0,25+1
    for code in ("1.1", "1.2"):
        row = rows[code]
        assert f"{FLAG_DERIVED}self_points" in row.flags and row.self_points_raw is None
        # its confidence is the least of the children's it came from (1,5 and 0,25 read at 0.92)
        assert row.value_confidence["self_points"] == min(
            rows[c].value_confidence["self_points"] for c in rows if c.startswith(f"{code}.")
        )
        # One route only (its parent 1 less 1.2 and 1.3 needs the other lost cell): the sum that
        # gave it cannot show a fault of the commune in it, so the row stays in the queue.
        assert _queued(result, code)
    # The checks are the ones made on the table as read: no derived value is a witness.
    out = result_to_json(result)
    assert all("derived" not in (c["message"] or "") for c in out["checks"])


def test_a_fault_in_the_sum_derives_nothing_when_its_parent_says_otherwise(tmp_path):
    # 1.2 is read (2 / 1,25): 1.1 is 8,75 less 1,25 and 3 by its parent, 4,5; its children add up
    # to 1 + 0,5 + 1 + 1 ... = 4 (the commune's slip). Two routes disagree: 1.1 stays blank, queued.
    result, rows = _convert(tmp_path, first="0,5", reports="2 1,25")
    assert rows["1.1"].self_points is None and not any(f.startswith(FLAG_DERIVED) for f in rows["1.1"].flags)
    assert _queued(result, "1.1")
    # With the children adding up to 4,5 both routes agree on it.
    result, rows = _convert(tmp_path, first="1", reports="2 1,25")
    assert rows["1.1"].self_points == 4.5 and f"{FLAG_DERIVED}self_points" in rows["1.1"].flags


def test_derived_cells_are_blanked_before_the_checks_run_again(tmp_path):
    result, rows = _convert(tmp_path)
    checks = [(c.kind, c.code, c.field, c.status, c.expected, c.actual) for c in result.checks]
    out = tmp_path / "out.json"
    write_json(result_to_json(result), out)
    valid, problems = validate_file(out)
    assert valid and problems == []
    reconcile(result)  # as validate and an applied review do
    assert rows["1.1"].self_points is None and not any(f.startswith(FLAG_DERIVED) for f in rows["1.1"].flags)
    assert [(c.kind, c.code, c.field, c.status, c.expected, c.actual) for c in result.checks] == checks


def test_a_blank_of_a_typed_table_is_printed_blank_and_stays_so(tmp_path):
    """A DOCX prints every cell: II.2's self score left blank (II stating 4,5 over II.1's 3) is the
    commune's blank, never II less II.1 (1,5)."""
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    rows = [header] + body("cnmse")
    rows[14][3] = ""
    _, table = convert(write_docx(tmp_path / "blank.docx", [{"rows": rows + [total_row("cnmse")]}]))
    assert table.rows[13].self_points is None and "missing_self" in table.rows[13].flags
    assert not any(f.startswith(FLAG_DERIVED) for r in table.rows for f in r.flags)


def _line_row(
    code: str, parent: str | None, most: float | None, self_: float | None, name: str, flags: list[str]
) -> ScoreRow:
    """A score row a dump's lines gave: a blank cell is one lost (raw blank), a self score lost is unsure."""
    return ScoreRow(
        code=code,
        parent=parent,
        level=code.count(".") + 1,
        name=name,
        max_points=most,
        self_points=self_,
        max_points_raw=None if most is None else f"{most:g}",
        self_points_raw=None if self_ is None else f"{self_:g}",
        value_confidence={"max_points": 0.99, "self_points": 0.99 if self_ is not None else 0.06},
        flags=flags,
    )


def _lines_table() -> ScoreTable:
    """Rows of a dump read from lines: 1.2's maximum lost, its children's read (1 and 1)."""

    def row(code, parent, most, self_, flags):
        return _line_row(code, parent, most, self_, code, flags)

    return ScoreTable(
        rows=[
            row("1.2", None, None, 1.75, flags=["missing_max", "name_from_criteria_set:ca-mau_2013"]),
            row("1.2.1", "1.2", 1.0, 0.75, flags=["name_from_criteria_set:ca-mau_2013"]),
            row("1.2.2", "1.2", 1.0, 1.0, flags=["name_from_criteria_set:ca-mau_2013"]),
        ],
        read_from="lines",
    )


def test_a_lost_maximum_its_childrens_make_up_as_the_set_says_is_confirmed_and_leaves_the_queue():
    cset = next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")
    table = _lines_table()
    (d,) = table_derivations(0, table, cset, ReconcileSettings())
    assert (d.row, d.field, d.value, d.confirmed) == (0, "max_points", 2.0, True)  # the set's 1.2 is 2
    result = ExtractionResult(source=SourceInfo(path="x.txt", read_by_ocr=True), score_tables=[table])
    result.review = [ReviewItem(item="/score_tables/0/rows/0", field="max_points", reason="confidence 0.01 below 0.80")]
    derive_lost_cells(result)
    assert table.rows[0].max_points == 2.0 and result.review == []
    # The same children under a set whose 1.2 is another figure: the sum is no maximum it prints.
    table = _lines_table()
    table.rows[1].max_points = 1.5
    assert table_derivations(0, table, cset, ReconcileSettings()) == []


def _named_rows(cset) -> ScoreTable:
    """1.2 read 2 / 1,75; both its sub-criteria lost their maxima (no sum gives either), named as
    the set's wordings."""
    wording = {c.code: c.name for c in cset.rows}

    def row(code, parent, most, self_):
        flags = ([] if most is not None else ["missing_max"]) + [f"name_from_criteria_set:{cset.id}"]
        return _line_row(code, parent, most, self_, wording[code], flags)

    return ScoreTable(
        rows=[row("1.2", None, 2.0, 1.75), row("1.2.1", "1.2", None, 0.75), row("1.2.2", "1.2", None, 1.0)],
        read_from="lines",
    )


def test_a_lost_maximum_no_sum_gives_takes_the_sets_after_the_checks_unless_a_score_is_above_it():
    cset = next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")
    table = _named_rows(cset)
    derived = table_derivations(0, table, cset, ReconcileSettings())
    # (one witness, the set's, and no route: not confirmed, so the value stays queued)
    assert [(d.row, d.value, d.inputs, d.confirmed) for d in derived] == [(1, 1.0, (), False), (2, 1.0, (), False)]
    result = ExtractionResult(source=SourceInfo(path="x.txt", read_by_ocr=True), score_tables=[table])
    derive_lost_cells(result)
    assert f"{FLAG_DERIVED_BY_SET}max_points" in table.rows[1].flags and table.rows[1].max_points_raw is None
    assert table.rows[1].value_confidence["max_points"] == ReconcileSettings().set_maximum_confidence
    reconcile(result)  # the checks never weigh it: blanked before they run
    assert table.rows[1].max_points is None
    # A self score above the set's maximum (1,5 over 1) is a fault the self <= max relation must
    # still show: the maximum stays lost.
    table = _named_rows(cset)
    table.rows[2].self_points = 1.5
    assert [d.row for d in table_derivations(0, table, cset, ReconcileSettings())] == [1]


# A table printing only its field rows, self score beside the maximum, and its total: 2's self
# score OCR garbled ("gì5"); the total 92,75 less the other rows' 83,25 is 9,5.
FIELD_ROWS_DUMP = """BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2024

TT Nội dung đánh giá | Điểm | Điểm tự | Nội dung giải trình
chuẩn | chấm
1. Công tác chỉ đạo, điều hành cải cách hành chính 10 9,5
2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật 10 gì5
3. Cải cách thủ tục hành chính 14,5 14,5
4. Cải cách tổ chức bộ máy hành chính 11 10
5. Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức 16 16
6. Cải cách tài chính công 7 6
7. Hiện đại hóa hành chính 16 12
8. Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế xã hội 15,5 15,25
Tổng số điểm | {total} |
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""


def _field_rows(tmp_path: Path, total: str):
    path = tmp_path / "fields.txt"
    path.write_text(FIELD_ROWS_DUMP.format(total=total), encoding="utf-8")
    result = convert_file(path)
    return result, {row.code: row for table in result.score_tables for row in table.rows}


def test_a_top_level_rows_lost_score_is_the_stated_total_less_the_other_top_level_rows(tmp_path):
    result, rows = _field_rows(tmp_path, "100 92,75")
    row = rows["2"]
    assert row.self_points == 9.5 and row.self_points_raw is None  # 92,75 - (9,5+14,5+10+16+6+12+15,25)
    assert f"{FLAG_DERIVED}self_points" in row.flags
    # One relation only (2 has no children): the total that gave it cannot show a fault in it.
    assert _queued(result, "2")
    # The check of the total is the one made on the table as read: 2's score is still unknown there.
    (total,) = [c for c in result.checks if c.kind == "stated_total" and c.field == "self_points"]
    assert total.expected == 83.25


def test_a_stated_total_that_cannot_stand_as_a_parent_derives_nothing(tmp_path):
    # A score total above the total of maxima (a misread: "927,5"), and one off the quarter points
    # every figure read is on (9,5 from "92,6" would be 9,35): 2 stays blank.
    # A total of maxima the rows' maxima do not make up (102 over 100: a total row read into the
    # wrong columns, or one the commune got wrong), its score total no surer.
    for total in ("100 927,5", "100 92,6", "102 92,75"):
        _, rows = _field_rows(tmp_path, total)
        assert rows["2"].self_points is None and not any(f.startswith(FLAG_DERIVED) for f in rows["2"].flags)
    # A top-level row lost (7's line gone): the rows read are not all the total adds up.
    path = tmp_path / "short.txt"
    path.write_text(
        "\n".join(line for line in FIELD_ROWS_DUMP.format(total="100 92,75").splitlines() if not line.startswith("7.")),
        encoding="utf-8",
    )
    rows = {row.code: row for table in convert_file(path).score_tables for row in table.rows}
    assert "7" not in rows and rows["2"].self_points is None


def test_a_lost_score_beside_a_lost_maximum_is_derived_only_up_to_the_sets_maximum():
    # 1.2 read 2 / 67 ("0,75" garbled into 67) and 1.2.1 1 / 0,75; 1.2.2 lost both its cells. Its
    # parent's score less its sibling's is 66,25, which no criterion of the set can score (the set's
    # 1.2.2 is worth 1): nothing is derived, the cells stay lost (queued as such).
    cset = next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")
    table = _named_rows(cset)
    table.rows[0].self_points, table.rows[0].self_points_raw = 67.0, "67"
    table.rows[1].max_points, table.rows[1].max_points_raw = 1.0, "1"
    table.rows[1].flags = [f for f in table.rows[1].flags if f != "missing_max"]
    table.rows[2].self_points, table.rows[2].self_points_raw = None, None
    table.rows[2].flags = [*table.rows[2].flags, "missing_self"]
    derived = table_derivations(0, table, cset, ReconcileSettings())
    assert [(d.row, d.field, d.value) for d in derived] == [(2, "max_points", 1.0)]  # the set's maximum alone
    # Read right (1,75), the remainder is 1: a score the set's maximum allows, derived.
    table.rows[0].self_points, table.rows[0].self_points_raw = 1.75, "1,75"
    derived = table_derivations(0, table, cset, ReconcileSettings())
    assert sorted((d.row, d.field, d.value) for d in derived) == [(2, "max_points", 1.0), (2, "self_points", 1.0)]


def _one_field_table(cset, total_max: float) -> ScoreTable:
    """A table of the Cà Mau set's one field under its own total (10 / 8,5), named as the set's
    wordings: 1's self score and 1.2's were lost, 1.2's sub-criteria not read at all (no sum of
    rows gives either)."""
    wording = {c.code: c.name for c in cset.rows}

    def row(code, parent, most, self_):
        flags = ([] if self_ is not None else ["missing_self"]) + [f"name_from_criteria_set:{cset.id}"]
        return _line_row(code, parent, most, self_, wording[code], flags)

    rows = [
        row("1", None, 10.0, None),
        row("1.1", "1", 5.0, 4.0),
        row("1.2", "1", 2.0, None),
        row("1.3", "1", 3.0, 3.0),
    ]
    return ScoreTable(rows=rows, read_from="lines", stated_total_max=total_max, stated_total_self=8.5)


def test_a_lone_field_rows_lost_score_is_its_total_queued_as_the_totals_alone():
    cset = next(c for c in load_criteria_sets() if c.id == "ca-mau_2013")
    (d,) = table_derivations(0, _one_field_table(cset, 10.0), cset, ReconcileSettings())
    # The set's one field is worth 10, the total of maxima read: the total row is that field's sum.
    assert (d.row, d.field, d.value, d.inputs, d.from_total, d.confirmed) == (0, "self_points", 8.5, (), True, False)
    table = _one_field_table(cset, 10.0)
    result = ExtractionResult(source=SourceInfo(path="x.txt", read_by_ocr=True), score_tables=[table])
    derive_lost_cells(result)
    assert f"{FLAG_DERIVED}self_points" in table.rows[0].flags and table.rows[0].self_points_raw is None
    assert table.rows[0].value_confidence["self_points"] == ReconcileSettings().total_alone_confidence < 0.8
    (entry,) = _queued(result, "1")
    assert entry.value == 8.5 and "the stated total" in entry.reason
    # A total of maxima the field's maximum does not make up (12 over 10: a fault of the commune's in
    # the total, or a total misread): the total is no sum of the rows read, nothing is derived.
    assert table_derivations(0, _one_field_table(cset, 12.0), cset, ReconcileSettings()) == []
