"""Rows OCR lost that the criteria set's order says were printed (issue 11, rows; issue 16, told):
1.1.3 then 1.2 read, the set putting 1.1.4 between them, give a row 1.1.4; a sub-field lost above
the table's first row read (1.1 over 1.1.1) is restored when the table reads its sibling's level
(1.2.1 under 1.2) and the set orders only its ancestors before it (a table opening at 1.2.1 is an
excerpt). Each is the set's row, its cells not read (filled only where a sum or the set
determines them, flagged), queued whole and told unread.

The dumps are real Tesseract text of two of the corpus generator's scans (dev seed 7101), checked
against their truth files: d03-i1 (English OCR of a four-column table: the lines of 1, 1.1, 1.3 are
not in the text at all; 1.1 is printed with maximum 5) and d06-i5 (a portrait layout read with
``--psm 6``: the line of 1.1.4, maximum 2, is lost between 1.1.3 and 1.2)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.derived import FLAG_DERIVED, FLAG_DERIVED_BY_SET
from cchc_extract.reconcile.restored import FLAG_RESTORED
from cchc_extract.reconcile.restored_order import level_printed_after, lost_in_order
from cchc_extract.restored_rows import RESTORED_REASON, restore_lost_parents
from schemas import schema_errors
from schemas.records import ExtractionResult
from test_restored_parents import _result, _set  # (the set-worded tables both files build)

DATA = Path(__file__).parent / "data" / "restored_order"


def _codes(result: ExtractionResult) -> list[str]:
    return [str(r.code) for r in result.score_tables[0].rows]


def _queued_whole(result: ExtractionResult, at: int) -> bool:
    item = f"/score_tables/0/rows/{at}"
    return any(e.item == item and e.field is None and RESTORED_REASON in e.reason for e in result.review)


@pytest.fixture(scope="module")
def above():
    result = convert_file(DATA / "parent-above-first-row.txt")
    assert result.errors == [] and schema_errors(result_to_json(result)) == []
    return result


@pytest.fixture(scope="module")
def last():
    return convert_file(DATA / "last-sub-criterion-lost.txt")


def test_a_sub_field_lost_above_the_first_row_read_is_restored_when_its_sibling_level_is_read(above):
    rows = {str(r.code): r for r in above.score_tables[0].rows}
    # The truth file: 1.1 "Kế hoạch CCHC năm", maximum 5; its line is not in the text.
    row = rows["1.1"]
    assert FLAG_RESTORED in row.flags and row.name == "Kế hoạch CCHC năm" and row.name_raw == ""
    assert row.max_points == 5.0 and f"{FLAG_DERIVED}max_points" in row.flags
    assert row.self_points is None and row.max_points_raw is None
    assert {r.parent for c, r in rows.items() if c.startswith("1.1.")} == {"1.1"}
    # The field 1 is still not restored (a table may print one field's rows under its caption).
    assert "1" not in rows
    assert _queued_whole(above, _codes(above).index("1.1"))
    assert any(p.reason.startswith("row 1.1 not read") for p in above.unread)


def test_the_last_sub_criterion_lost_before_the_next_sub_field_is_restored(last):
    codes = _codes(last)
    # The truth file: 1.1.4 "Mức độ thực hiện kế hoạch CCHC", maximum 2, between 1.1.3 and 1.2.
    assert codes.index("1.1.4") == codes.index("1.1.3") + 1 and codes.index("1.2") == codes.index("1.1.4") + 1
    row = last.score_tables[0].rows[codes.index("1.1.4")]
    assert FLAG_RESTORED in row.flags and row.name == "Mức độ thực hiện kế hoạch CCHC"
    assert row.max_points == 2.0 and row.parent == "1.1" and row.level == 3
    assert any(f.startswith((FLAG_DERIVED, FLAG_DERIVED_BY_SET)) for f in row.flags)
    assert row.self_points is None  # (its scores were not printed anywhere the text kept)
    assert _queued_whole(last, codes.index("1.1.4"))
    assert any("1.1.4 not read" in p.reason for p in last.unread)


def test_the_sets_order_between_two_rows_read():
    cset = _set()
    # 1.1.3 then 1.2: 1.1.4 between them.
    result = _result(["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.2", "1.2.1"])
    told = restore_lost_parents(result, cset, ocr=True)
    assert _codes(result) == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1"]
    assert [p.reason for p in told] == ["numbering jumps from 1.1.3 to 1.2: 1.1.4 not read"]
    # 1.1 then 1.1.2: its first sub-criterion 1.1.1 between them.
    result = _result(["1", "1.1", "1.1.2", "1.1.3"])
    restore_lost_parents(result, cset, ocr=True)
    assert _codes(result) == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3"]
    # A table of fields and sub-fields: the sub-criteria between 1.1 and 1.2 are no rows it prints.
    result = _result(["1", "1.1", "1.2", "1.3"])
    assert restore_lost_parents(result, cset, ocr=True) == [] and _codes(result) == ["1", "1.1", "1.2", "1.3"]
    # More rows between than a line or two lost: not restored (the numbering jump restores 1.2 alone).
    result = _result(["1", "1.1", "1.1.1", "1.3"])
    restore_lost_parents(result, cset, ocr=True)
    assert _codes(result) == ["1", "1.1", "1.1.1", "1.2", "1.3"]
    # 1.1.3 then 1.2.1 read, 1.2 restored over 1.2.1: 1.1.4 and 1.2 between them, 1.1.4 restored.
    result = _result(["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.2.1", "1.2.2"])
    restore_lost_parents(result, cset, ocr=True)
    assert _codes(result) == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2"]
    # Against the set's order: nothing between.
    rows = _result(["1.2", "1.1.3"]).score_tables[0].rows
    assert lost_in_order(rows, cset, {"1.2", "1.1.3"}, most_between=2) == []


def test_a_parent_above_the_first_row_is_restored_only_beside_its_sibling_level():
    cset = _set()
    rows = _result(["1.1.1", "1.1.2"]).score_tables[0].rows
    assert not level_printed_after(rows, "1.1", cset)
    result = _result(["1.1.1", "1.1.2"])
    assert restore_lost_parents(result, cset, ocr=True) == []
    # 1.2.1 read after 1.1's rows: 1.1 and 1.2 both printed; the field 1 is not restored.
    assert level_printed_after(_result(["1.1.1", "1.2.1"]).score_tables[0].rows, "1.1", cset)
    assert not level_printed_after(_result(["1.1", "1.2"]).score_tables[0].rows, "1", cset)
    result = _result(["1.1.1", "1.1.2", "1.2.1"])
    restore_lost_parents(result, cset, ocr=True)
    # (1.1's last two rows and 1.2 between 1.1.2 and 1.2.1: more than a line or two, not restored)
    assert _codes(result) == ["1.1", "1.1.1", "1.1.2", "1.2", "1.2.1"]


def test_a_table_opening_past_the_sets_first_rows_is_an_excerpt_its_first_parent_not_restored():
    cset = _set()
    # 1.2.1, 1.2.2, 1.3 read, nothing of 1.1: the table opens at 1.2.1 (had it printed 1.2, it would
    # have printed 1.1's rows before it), so 1.2 is no lost row, though its sibling 1.3 is read.
    rows = _result(["1.2.1", "1.2.2", "1.3"]).score_tables[0].rows
    assert not level_printed_after(rows, "1.2", cset)
    result = _result(["1.2.1", "1.2.2", "1.3"])
    restore_lost_parents(result, cset, ocr=True)
    assert _codes(result) == ["1.2.1", "1.2.2", "1.3"]
    # Over 1.1.1 the set orders only 1 and 1.1 (its ancestors): a table opening there opens the set.
    assert level_printed_after(_result(["1.1.1", "1.1.2", "1.2"]).score_tables[0].rows, "1.1", cset)
