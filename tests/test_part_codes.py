"""Codes of dump rows under roman parts whose numerals OCR lost or misread (normalize.code_repair,
normalize.criteria.match): real Tesseract dumps of seed 343's F10/F17 PDFs (parts I and II whose
numbering restarts), each checked against the generator's truth stored beside it."""

from pathlib import Path

from tests.corpus_helpers import converted_with_truth

DATA = Path(__file__).parent / "data" / "dumps_parts"


def _codes(name: str) -> tuple[list[dict], list[dict]]:
    out, truth = converted_with_truth(DATA / name)
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    return rows, [r for t in truth["score_tables"] for r in t["rows"]]


def test_lost_part_numerals_keep_the_rows_under_their_parts():
    """Part I printed "1." (read as I only at a cost), part II "Ul." (II or III), and most section
    codes lost: every row takes its truth code, none is recoded to the set's own numbering
    ("II.1" is the set's 5, the name says which criterion it is, the code stays the document's)."""
    rows, truth = _codes("s343-f17-i4-unruled-landscape-eng-psm3-200-degraded.txt")
    assert [r["code"] for r in rows] == [r["code"] for r in truth]
    assert [r["code"] for r in truth] == ["I", "1", "2", "3", "4", "II", "II.1", "II.2", "II.3", "II.4"]
    by_code = {r["code"]: r for r in rows}
    assert (by_code["II.2"]["max_points"], by_code["II.2"]["self_points"]) == (7.0, 5.5)  # truth 7 / 5,5


def test_a_part_read_as_u_is_part_two():
    """ "U." is part II's two strokes joined at their feet: the rows under it are II.x, not 5, 6, 7
    of the set (its section "1." lost with its row: II.1 is missed, not invented elsewhere)."""
    rows, truth = _codes("s343-f10-i1-unruled-total-first-eng-psm3-200-degraded.txt")
    codes = [r["code"] for r in rows]
    assert codes == ["I", "1", "2", "3", "4", "II", "II.2", "II.3"]
    assert set(codes) <= {r["code"] for r in truth}


def test_a_clean_parts_table_keeps_its_own_numbering_against_a_set_it_differs_from():
    """Part I's "1.4" is the set's 1.1.4 (a set of one field whose criteria the document made its
    parts' sections): recognised by its names, the table is not recoded to the set's codes."""
    rows, truth = _codes("s343-f17-i1-unruled-landscape-vie-psm4-250.txt")
    assert [r["code"] for r in rows] == [r["code"] for r in truth]
    assert not any(f.startswith("code_from_criteria_set") for r in rows for f in r["flags"])


def test_a_bent_code_follows_the_sets_order_in_a_parts_table():
    """ "2 4. Tác động …" (a speck before part II's fourth section) was read "2" and bent to II.3.2
    under II.3 "Hiện đại hóa hành chính": its name is the criterion after II.3's in the set, at the
    same level, so it is II.3's next sibling, II.4 — the document's code, not the set's 8."""
    rows, truth = _codes("s343-f17-i2-unruled-landscape-eng-psm6-150-degraded.txt")
    assert [r["code"] for r in rows] == [r["code"] for r in truth]
    assert rows[-1]["code"] == "II.4" and rows[-1]["name"].startswith("Tác động của CCHC")


def test_a_row_worth_more_than_the_row_above_is_no_child_of_it():
    """Part I printed "1" (20 points), its criteria "13" and "2.." (10 each), part II "Il." (25,5)
    over two codeless rows (14,5 and 11): read as 1, 1.1, 2, 2.1 the row worth 25,5 would be the
    child of a row worth 10. Every row takes its truth code (seed 381's F10 instance 3)."""
    rows, truth = _codes("s381-f10-i3-unruled-total-first-eng-psm6-150-degraded.txt")
    assert [r["code"] for r in rows] == [r["code"] for r in truth]
    assert [r["code"] for r in truth] == ["I", "1", "2", "II", "II.1", "II.2"]
    assert [r["max_points"] for r in rows] == [20.0, 10.0, 10.0, 25.5, 14.5, 11.0]


def test_an_item_letter_atop_the_column_is_a_lost_part_numeral():
    """Part I's numeral read "k." (an item letter with nothing above it to be an item of) and
    part II's "IL" on a row whose points OCR garbled: the column prints a part in strokes, so the
    top row may be part I, and criteria 1–4 stay part I's, II's first criterion II.1 — not
    1.1–1.4 with II folded into 1.4 and its criteria read as 2, 3, 3.1 (seed 381's F10
    instance 1, vie, psm 3)."""
    rows, truth = _codes("s381-f10-i1-unruled-total-first-vie-psm3-250-degraded.txt")
    codes = [r["code"] for r in rows]
    assert codes[:6] == ["1", "2", "3", "4", "II", "II.1"]
    assert codes[:6] == [r["code"] for r in truth][1:7]
    assert rows[5]["name"].startswith("Xây dựng và nâng cao chất lượng")
