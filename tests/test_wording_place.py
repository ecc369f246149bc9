"""A row read in its criterion's place whose name OCR garbled in part takes the criteria set's
wording (normalize/criteria/wording_place.py, ``worded_in_place``): its clean words the wording's
in order, or, its code given by the numbering, its letters glued nearer its wording than any
sibling's. Real sets; a real Tesseract dump of dev seed 5281 (tests/data/dumps_place59, with the
generator's truth) read end to end; and the names a commune words its own way left as read."""

from pathlib import Path

from corpus_helpers import score_rows_with_truth
from normalize.criteria import criteria_set
from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.wording import WordingSettings
from normalize.criteria.wording_place import worded_in_place
from schemas.records import ScoreRow, ScoreTable

BNV = "bnv-tinh_2948"
STAFF = "Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức"  # bnv-tinh_2948's 5
DUMPS = Path(__file__).parent / "data" / "dumps_place59"


def _fields(name: str, flags: tuple[str, ...] = (), at: int = 4) -> list[ScoreRow]:
    """The set's eight fields read from lines, the one at ``at`` (code 5) named ``name``."""
    rows = [
        ScoreRow(code=c.code, name=c.name, max_points=c.max_points, flags=[])
        for c in criteria_set(BNV).rows
        if "." not in c.code
    ]
    rows[at].name, rows[at].flags, rows[at].max_points = name, list(flags), None
    apply_criteria_sets([ScoreTable(title="", rows=rows, read_from="lines")])
    return rows


def test_a_wrapped_lines_words_in_place_give_the_wording():
    # Seed 5281 d04-i1: "5. on , 16" / "vién chitc": the first line's words lost to specks.
    row = _fields("on 16 viên chức")[4]
    assert row.name == STAFF and row.name_raw == "on 16 viên chức"
    assert f"name_from_criteria_set:{BNV}" in row.flags


def test_other_words_or_another_place_keep_the_name_read():
    # A clean word the wording does not hold is the commune's (or another cell's): kept.
    assert _fields("Tuyển dụng viên chức")[4].name == "Tuyển dụng viên chức"
    assert _fields("Xây dựng đề án viên chức")[4].name == "Xây dựng đề án viên chức"
    # A name read clean, only shorter than the wording, is the commune's wording: not this rule's.
    cset = criteria_set(BNV)
    rows = [ScoreRow(code=c.code, name=c.name, flags=[]) for c in cset.rows if "." not in c.code]
    rows[4].name = "đội ngũ viên chức"
    assert not worded_in_place(rows, rows[4], cset.by_code()["5"], cset, WordingSettings())
    rows[4].name = "on 16 viên chức"
    assert worded_in_place(rows, rows[4], cset.by_code()["5"], cset, WordingSettings())
    # Out of its place (row 5 read after 6 and 7): the code may be misread, nothing says which.
    fields = [c for c in cset.rows if "." not in c.code]
    order = [fields[i] for i in (0, 1, 2, 3, 5, 6, 4, 7)]
    rows = [ScoreRow(code=c.code, name=c.name, max_points=c.max_points, flags=[]) for c in order]
    rows[6].name, rows[6].max_points = "on 16 viên chức", None
    assert not worded_in_place(rows, rows[6], fields[4], cset, WordingSettings())


def test_a_garble_under_a_numbered_code_needs_its_letters_nearest():
    # The code the numbering gave (between 4 and 6): the letters glued say which wording it is.
    row = _fields("Ta [Xaydngvnangcachtlgdingcgchc", ("code_inferred",))[4]
    assert row.name == STAFF and row.name_raw == "Ta [Xaydngvnangcachtlgdingcgchc"
    # Its figures misread past the maximum (OCR's, later doubted): the letters still name it.
    rows = [
        ScoreRow(code=c.code, name=c.name, max_points=c.max_points, flags=[])
        for c in criteria_set(BNV).rows
        if "." not in c.code
    ]
    rows[4].name, rows[4].flags, rows[4].self_points = "Ta [Xaydngvnangcachtlgdingcgchc", ["code_inferred"], 61.0
    apply_criteria_sets([ScoreTable(title="", rows=rows, read_from="lines")])
    assert rows[4].name == STAFF
    # Letters nearer another field's (8's "Tác động của CCHC …"): no wording given.
    row = _fields("Ta [Tcdngcacchdennguidanvtchc", ("code_inferred",))[4]
    assert row.name == "Ta [Tcdngcacchdennguidanvtchc" and not any(f.startswith("name_from") for f in row.flags)
    # Its words in place but its code not printed: the words alone do not say it.
    row = _fields("on 16 viên chức", ("code_inferred",))[4]
    assert row.name == "on 16 viên chức"


def test_points_over_the_maximum_keep_the_name_read():
    rows = _fields("on 16 viên chức")
    assert rows[4].name == STAFF
    cset = criteria_set(BNV)
    row = ScoreRow(code="5", name="on 16 viên chức", max_points=20.0, flags=[])
    fields = [ScoreRow(code=c.code, name=c.name, flags=[]) for c in cset.rows if "." not in c.code]
    fields[4] = row
    assert not worded_in_place(fields, row, cset.by_code()["5"], cset, WordingSettings())


def test_a_seven_column_dump_reads_its_wrapped_row_by_its_place():
    # Seed 5281 d04-i1 (seven grid columns, numbers centred): row 5 printed "5. on , 16" over
    # "vién chitc". Main read it as "on 16 viên chức" (repaired) with no maximum: an invented row, 5 missed.
    rows, want, out = score_rows_with_truth(next(DUMPS.glob("s5281-d04-i1-*.txt")))
    assert list(rows) == list(want)
    five = rows["5"]
    assert five["name"] == want["5"]["name"] == STAFF
    assert five["name_raw"] == "on 16 vién chitc" and f"name_from_criteria_set:{BNV}" in five["flags"]
    assert five["max_points"] == want["5"]["max_points"] == 16.0  # (the "16" run into the name)
    assert five["self_points"] is None and "missing_self" in five["flags"]  # (lost, not guessed)
    assert any(q["item"].endswith("/rows/4") and q["code"] == "5" for q in out["review"])  # (and queued)
