"""Typed documents of the fifteenth batch (seed 11261, batch65's development seed), read whole and
checked against the generator's truth stored beside them: an annex whose figures carry their row's
unit ("565 hồ sơ" above a unit column "Hồ sơ"), and a plan whose task table has no lead column, its
tasks grouped under a heading row naming the body that leads them."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract.segment.stat_values import parse_stat_value, without_own_unit
from extract.segment.task_sections import heading_lead
from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "layouts65"


def test_a_figure_carrying_its_rows_unit_is_read():
    out, truth = converted_with_truth(DATA / "s11261-n63-i2-unit-last-carried.docx")
    expected = {(r["code"], r["value"]) for a in truth["statistics"] for r in a["rows"]}
    read = {(r["code"], r["value"]) for a in out["statistics"] for r in a["rows"]}
    # the truth prints "46 lượt", "554 hồ sơ" ... beside their unit column: every figure is read
    assert ("1", 46.0) in expected and ("2", 554.0) in expected
    assert expected <= read


def test_only_the_rows_own_unit_is_dropped_from_its_figure():
    assert without_own_unit("565 hồ sơ", "Hồ sơ") == "565"
    assert parse_stat_value("1.250 hồ sơ", "Hồ sơ")[0] == 1250.0
    # words that are not the row's unit stay: the cell is no figure the table names
    assert without_own_unit("12 cái", "Người") == "12 cái"
    assert parse_stat_value("12 cái", "Người")[0] is None
    assert without_own_unit("565 hồ sơ", "") == "565 hồ sơ"


@pytest.mark.parametrize("name", ["s11261-n65-i2-by-lead-restart.docx", "s11261-n65-i1-by-lead-running.pdf"])
def test_tasks_under_a_heading_naming_a_body_have_that_body_for_lead(name):
    out, truth = converted_with_truth(DATA / name)
    rows = [r for t in out["task_tables"] for r in t["rows"]]
    got = [(r["task"], r["section"], r["lead"]) for r in rows]
    want = [(r["task"], r["section"], r["lead"]) for r in truth["task_rows"]]
    assert len({w[2] for w in want}) >= 3  # several bodies, each heading its tasks
    assert got == want


def test_a_heading_naming_a_topic_names_no_lead():
    assert heading_lead("Công chức Tư pháp - Hộ tịch") == "Công chức Tư pháp - Hộ tịch"
    assert heading_lead("Cải cách thủ tục hành chính") == ""
    assert heading_lead("CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH") == ""


@pytest.mark.parametrize(
    "name", ["s11261-n64-i2-periods-as-rows-whole-first.docx", "s11261-n64-i1-periods-as-rows-whole-last.pdf"]
)
def test_an_annex_turned_over_reads_the_whole_periods_row(name):
    # indicators across, a row per quarter and the whole period's ("Cộng 6 tháng" first, "6 tháng"
    # last): the whole's figures are the annex's, the quarters' kept in the note
    out, truth = converted_with_truth(DATA / name)
    expected = [(r["code"], r["value"], r["unit"]) for a in truth["statistics"] for r in a["rows"]]
    read = [(r["code"], r["value"], r["unit"]) for a in out["statistics"] for r in a["rows"]]
    assert len(expected) >= 6
    assert read == expected
    notes = [r["note"] for a in out["statistics"] for r in a["rows"] if r["value"] is not None]
    assert all(n.startswith("Quý I: ") and "Quý II: " in n for n in notes)


@pytest.mark.parametrize(
    "name", ["s11261-n62-i2-field-column-title-spans.docx", "s11261-n62-i1-field-column-title-in-name.pdf"]
)
def test_a_field_column_merged_down_keeps_the_fields_titles_and_the_total(name):
    # "Mục | Số TT | name | …": the field's numeral merged down its rows, its title spanning the
    # number and the name (even instances), "Tổng số điểm" spanning the three first columns
    out, truth = converted_with_truth(DATA / name)
    (table,) = truth["score_tables"]
    want = [(r["code"], r["name"], r["max_points"], r["self_points"]) for r in table["rows"]]
    (read,) = out["score_tables"]
    got = [(r["code"], r["name"], r["max_points"], r["self_points"]) for r in read["rows"]]
    assert got == want  # every field named, and no criterion made of the total's row
    assert (read["stated_total_max"], read["stated_total_self"]) == (
        table["stated_total_max"],
        table["stated_total_self"],
    )
