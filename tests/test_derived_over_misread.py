"""A figure OCR garbled that a ``misread`` check doubts is derived from the sums like a lost cell
(issue 11, numbers; issue 14, no fault excused): "Z..." (letters) in 1.2's self cell, whose
sub-criteria read 0,25 and 1, is 1,25 — flagged as derived, its characters kept, still queued, and
put back as read when the result is checked again. A figure printed in digits needs a second
witness, and a score one quarter off its sum (a commune's slip as much as ours) is never derived
over. The dump is the Tesseract text of test_derived_cells (seed 651, d01-i1)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json, write_json
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.derived import FLAG_DERIVED
from cchc_extract.reconcile.refuted import REFUTED_FLAG, UNREAD_REASON
from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.validate import validate_file
from test_derived_cells import DUMP


def _convert(tmp_path: Path, reports: str, s: ReconcileSettings | None = None):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP.format(first="1", reports=reports), encoding="utf-8")
    result = convert_file(path) if s is None else convert_file(path, options=PipelineOptions(reconcile=s))
    rows = result.score_tables[0].rows
    i = next(i for i, r in enumerate(rows) if r.code == "1.2")
    return result, rows[i], i


def test_a_score_printed_as_letters_is_its_sub_criteria_added_up_flagged_and_queued(tmp_path):
    result, row, i = _convert(tmp_path, "2 Z...")
    assert row.self_points == 1.25  # 0,25 + 1, the sub-criteria 1.2.1 and 1.2.2 as read
    assert row.self_points_raw == "Z..."  # what the page printed stays
    assert f"{FLAG_DERIVED}self_points" in row.flags
    assert f"{REFUTED_FLAG}self_points=2" in row.flags  # the figure the letters were taken for
    entries = [e for e in result.review if e.item == f"/score_tables/0/rows/{i}" and e.field == "self_points"]
    assert entries and 1.25 in entries[0].alternatives
    # not read, and said so: the unread list names the cell and what it printed
    assert any(u.reason == UNREAD_REASON + "1.2 self points ('Z...')" for u in result.unread)
    # the checks were made on the figure read: the relation it broke is still a misreading, not a fault
    assert not any(c.status == "mismatch" for c in result.checks)


def test_the_figure_read_comes_back_when_the_result_is_checked_again(tmp_path):
    result, row, _ = _convert(tmp_path, "2 Z...")
    checks = [(c.kind, c.code, c.field, c.status, c.expected, c.actual) for c in result.checks]
    out = tmp_path / "out.json"
    write_json(result_to_json(result), out)
    valid, problems = validate_file(out)
    assert valid and problems == []
    reconcile(result)  # as validate and an applied review do
    assert row.self_points == 2 and not any(f.startswith((FLAG_DERIVED, REFUTED_FLAG)) for f in row.flags)
    assert [(c.kind, c.code, c.field, c.status, c.expected, c.actual) for c in result.checks] == checks


def test_a_figure_printed_in_digits_that_one_sum_alone_doubts_stays_as_read(tmp_path):
    # "7.1" over a maximum of 2: only 1.2's own sum gives 1,25 (its parent's other rows were lost)
    _, row, _ = _convert(tmp_path, "2 7.1")
    assert row.self_points == 7.1 and not any(f.startswith((FLAG_DERIVED, REFUTED_FLAG)) for f in row.flags)


def test_a_score_a_quarter_off_its_sum_is_never_derived_over(tmp_path):
    # 1,5 where the sub-criteria add up to 1,25: the commune's slip or a lost "1,25"; the page's figure stays
    _, row, _ = _convert(tmp_path, "2 1,5")
    assert row.self_points == 1.5 and not any(f.startswith(FLAG_DERIVED) for f in row.flags)


def test_the_setting_turns_it_off(tmp_path):
    _, row, _ = _convert(tmp_path, "2 Z...", ReconcileSettings(derive_over_misread=False))
    assert row.self_points == 2 and not any(f.startswith(FLAG_DERIVED) for f in row.flags)


def test_a_maximum_the_commune_raised_above_the_sets_stays_as_printed(tmp_path):
    # 1.2.1 prints a maximum of 1,5 (the set's is 1): 1.2's 2 less 1.2.2's 1 gives 1, and so does the
    # set, but the set is no second sum: a raised maximum is the commune's figure as much as ours.
    path = tmp_path / "dump.txt"
    text = DUMP.format(first="1", reports="2 1,25").replace("quy 1 0,25", "quy 1,5 0,25")
    path.write_text(text, encoding="utf-8")
    rows = {r.code: r for r in convert_file(path).score_tables[0].rows}
    assert rows["1.2.1"].max_points_raw == "1,5"
    assert rows["1.2.1"].max_points == 1.5 and not any(f.startswith(FLAG_DERIVED) for f in rows["1.2.1"].flags)
