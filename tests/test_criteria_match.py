"""The criteria sets as a fuzzy dictionary: the document's set recognised from its rows, OCR'd
names snapped to the official wording (raw text kept), differing maxima flagged, and nothing
touched when no set fits. Real data: the transcribed sets and seed 003 through the pipeline."""

from __future__ import annotations

import dataclasses
import importlib.util
import json
import random
import sys
from importlib.machinery import SourceFileLoader
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from cchc_extract.pipeline import convert_file
from normalize.criteria import CriteriaSet, CriterionDef, criteria_set, load_criteria_sets
from normalize.criteria.match import FLAG_CODE_BY_NAME, apply_criteria_sets
from normalize.criteria.match_settings import (
    FLAG_COLUMNS_BY_SET,
    FLAG_MAX_DIFFERS,
    FLAG_MAX_FROM_SET,
    FLAG_READING_BY_SET,
    FLAG_SNAPPED,
)
from normalize.criteria.recognise import printed_maxima, recognise_set
from normalize.criteria.set_cells import fill_set_maxima
from schemas.records import ScoreRow, ScoreTable

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]
_LOADER = SourceFileLoader("repair_bench", str(ROOT / "benchmarks" / "repair"))
_SPEC = importlib.util.spec_from_loader("repair_bench", _LOADER)
assert _SPEC is not None
BENCH = importlib.util.module_from_spec(_SPEC)
_LOADER.exec_module(BENCH)


def _damaged_table(cset: CriteriaSet, seed: int = 3) -> ScoreTable:
    """The set's rows as a Latin-only OCR prints them (the benchmark's damage model)."""
    rng = random.Random(seed)
    rows = [
        ScoreRow(code=r.code, name=BENCH.ocr_damage(r.name, rng), max_points=r.max_points, flags=[]) for r in cset.rows
    ]
    return ScoreTable(title="", rows=rows)


def test_set_recognised_and_names_snapped_raw_kept():
    cset = load_criteria_sets()[0]
    table = _damaged_table(cset)
    raw = [r.name for r in table.rows]
    match = apply_criteria_sets([table], f"UBND tỉnh {cset.province}", cset.year)
    assert match is not None and match.cset.id == cset.id
    official = {r.code: r.name for r in cset.rows}
    for row, before in zip(table.rows, raw):
        assert row.name == official[row.code]
        if before != row.name:
            assert row.name_raw == before
            assert f"{FLAG_SNAPPED}:{cset.id}" in row.flags


def test_row_whose_max_differs_is_flagged_and_reviewed():
    cset = load_criteria_sets()[0]
    table = _damaged_table(cset)
    target = next(r for r in table.rows if r.max_points)
    target.max_points = (target.max_points or 0) + 1
    apply_criteria_sets([table], "", None)
    assert f"{FLAG_MAX_DIFFERS}:{cset.id}" in target.flags
    others = [r for r in table.rows if r is not target]
    assert not any(f.startswith(FLAG_MAX_DIFFERS) for r in others for f in r.flags)


def test_no_set_matches_nothing_snapped():
    # Seed 003 (Ngọc Kỳ, 2023) was scored against a set that is not transcribed.
    result = convert_file(next((ROOT / "samples").glob("003_*.txt")))
    assert result.score_tables
    flags = [f for t in result.score_tables for r in t.rows for f in r.flags]
    assert not any(f.startswith((FLAG_SNAPPED, FLAG_MAX_DIFFERS)) for f in flags)


def test_seed_003_snapped_when_its_set_is_known():
    # The mechanism on the real OCR dump: a set holding the criteria as the reference reads them
    # brings the pipeline's names to that wording; rows far from their criterion stay as read.
    ref = json.loads(next((ROOT / "golden" / "reference").glob("003_*.json")).read_text(encoding="utf-8"))
    ref_rows = [r for t in ref["score_tables"] for r in t["rows"]]
    cset = CriteriaSet(
        id="test_ngoc-ky",
        province="Hải Dương",
        year=2023,
        title="",
        rows=tuple(CriterionDef(str(r["code"]), "", r["name"], r["max_points"]) for r in ref_rows),
    )
    result = convert_file(next((ROOT / "samples").glob("003_*.txt")))
    tables = [
        dataclasses.replace(t, rows=[dataclasses.replace(r, flags=list(r.flags)) for r in t.rows])
        for t in result.score_tables
    ]
    before = _cer(ref_rows, result.score_tables)
    match = recognise_set(tables, "", 2023, sets=[cset, *load_criteria_sets()])
    assert match is not None and match.cset.id == "test_ngoc-ky"
    apply_criteria_sets(tables, "", 2023, sets=[cset])
    after = _cer(ref_rows, tables)
    assert after < before / 2, (before, after)


def _cer(ref_rows, tables) -> float:
    out: dict[str, list[str]] = {}
    for t in tables:
        for r in t.rows:
            out.setdefault(str(r.code), []).append(r.name)
    dist = total = 0
    for r in ref_rows:
        names = out.get(str(r["code"]), [])
        total += len(r["name"])
        dist += min((Levenshtein.distance(r["name"], n) for n in names), default=len(r["name"]))
    return dist / total


def test_a_name_holding_its_wording_with_other_text_around_it_is_snapped():
    # Seed 112 d05-i4: the code's digit read as a letter before the name, the explanation's first
    # word after it ("Ạ Cải cách tổ chức bộ máy hành chính Công văn số"): the wording is whole in it.
    cset = load_criteria_sets()[0]
    rows = [ScoreRow(code=r.code, name=r.name, max_points=r.max_points, flags=[]) for r in cset.rows]
    target = rows[3]
    wording = target.name
    target.name = f"Ạ {wording} Công văn số"
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert target.name == wording and target.name_raw == f"Ạ {wording} Công văn số"
    # A name that only shares a piece of its code's wording is not.
    rows = [ScoreRow(code=r.code, name=r.name, max_points=r.max_points, flags=[]) for r in cset.rows]
    rows[3].name = "Hoàn thành 100% kế hoạch " + wording.split()[0]
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert rows[3].name.startswith("Hoàn thành 100% kế hoạch")


def _catalogue_rows(cset: CriteriaSet) -> list[ScoreRow]:
    return [ScoreRow(code=r.code, name=r.name, max_points=r.max_points, flags=[]) for r in cset.rows]


def test_a_name_with_wrapped_lines_lost_or_specks_before_it_takes_its_wording():
    # A wrapped name whose middle line went missing keeps its wording's words in order; a name
    # with OCR's specks of a degraded STT cell before it holds its wording after them.
    cset = next(s for s in load_criteria_sets() if any(len(r.name.split()) >= 20 for r in s.rows))
    long_row = next(k for k, r in enumerate(cset.rows) if len(r.name.split()) >= 20)
    wording = cset.rows[long_row].name
    words = wording.split()
    rows = _catalogue_rows(cset)
    rows[long_row].name = " ".join(words[:6] + words[-6:])
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert rows[long_row].name == wording and f"{FLAG_SNAPPED}:{cset.id}" in rows[long_row].flags
    rows = _catalogue_rows(cset)
    rows[long_row].name = "HD ni hoy lóc nhi vn dt co ng " + wording
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert rows[long_row].name == wording


def test_a_name_that_is_another_criterions_wording_is_not_snapped_to_its_codes():
    # Code and name disagree (the row's code read wrong, or its name another row's): the name
    # stays as read, whatever words it shares with its code's wording.
    cset = next(s for s in load_criteria_sets() if len(s.rows) >= 8)
    rows = _catalogue_rows(cset)
    other = next(k for k in range(1, len(rows)) if len(set(rows[k].name.split()) & set(rows[k - 1].name.split())) >= 2)
    rows[other].name = rows[other - 1].name
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert rows[other].name == cset.rows[other - 1].name


def test_a_name_spelt_with_the_other_tone_placement_is_kept_as_printed():
    cset = next(s for s in load_criteria_sets() if any("hoá" in r.name for r in s.rows))
    rows = _catalogue_rows(cset)
    k = next(k for k, r in enumerate(cset.rows) if "hoá" in r.name)
    rows[k].name = cset.rows[k].name.replace("hoá", "hóa")
    apply_criteria_sets([ScoreTable(title="", rows=rows)], f"UBND tỉnh {cset.province}", cset.year)
    assert rows[k].name == cset.rows[k].name.replace("hoá", "hóa")
    assert not any(f.startswith(FLAG_SNAPPED) for f in rows[k].flags)


def _set_rows(set_id: str, **changes) -> ScoreTable:
    """The set's rows as a document prints them (parents with the sum of the part read), with
    ``changes``: code → (code, name, max) of the row read there, or None to leave the row out."""
    cset = criteria_set(set_id)
    printed = printed_maxima(cset)
    rows = []
    for c in cset.rows:
        code, name, most = changes.get(c.code.replace(".", "_"), (c.code, c.name, printed.get(c.code)))
        if code is None:
            continue
        rows.append(ScoreRow(code=code, name=name, max_points=most, flags=[]))
    return ScoreTable(title="", rows=rows)


def test_a_set_is_surely_recognised_by_its_codes_names_and_maxima():
    match = recognise_set([_set_rows("bnv-tinh_2948")])
    assert match is not None and match.cset.id == "bnv-tinh_2948" and match.sure()
    assert match.agreeing == 8 and match.contradicting == 0
    # The same names with other maxima (a province scoring its fields otherwise): the names still
    # fit, but the set is not sure enough to stand for a cell not read.
    other = {c: (c, n, 9.0) for c, n in [(r.code, r.name) for r in criteria_set("bnv-tinh_2948").rows]}
    match = recognise_set([_set_rows("bnv-tinh_2948", **other)])
    assert match is not None and not match.sure() and match.contradicting == 8


def test_a_sure_set_gives_the_maximum_ocr_lost_with_its_source():
    cset = criteria_set("bnv-tinh_2948")
    table = _set_rows("bnv-tinh_2948", **{"6": ("6", "Cai cach tai chinh cong", None)})
    match = apply_criteria_sets([table])
    assert match is not None and fill_set_maxima([table], match) == 1
    row = next(r for r in table.rows if r.code == "6")
    assert row.max_points == cset.by_code()["6"].max_points == 7.0
    assert f"{FLAG_MAX_FROM_SET}:{cset.id}" in row.flags


def test_no_maximum_from_a_set_for_a_parent_the_set_holds_in_part():
    # ca-mau's field 1 is published as 20 but only 1.1-1.3 (10) were transcribed: a document of
    # the part prints 10, and the set cannot say which.
    table = _set_rows("ca-mau_2013", **{"1": ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", None)})
    match = apply_criteria_sets([table])
    assert match is not None and match.sure()
    assert fill_set_maxima([table], match) == 0 and table.rows[0].max_points is None


def test_no_maximum_from_a_set_not_surely_recognised():
    table = _set_rows(
        "bnv-tinh_2948",
        **{
            c: (c, n, None)
            for c, n in [
                ("1", "Công tác chỉ đạo, điều hành cải cách hành chính"),
                ("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh"),
                ("3", "Cải cách thủ tục hành chính"),
                ("4", "Cải cách tổ chức bộ máy hành chính"),
                ("5", "Xây dựng"),
                ("6", "Cải cách tài chính công"),
            ]
        },
    )
    match = apply_criteria_sets([table])
    assert match is not None and not match.sure()
    assert fill_set_maxima([table], match) == 0


def test_a_code_the_set_does_not_have_takes_the_code_its_name_is():
    # "7" read as "6.1": the row is named as criterion 7, which no row holds.
    table = _set_rows("bnv-tinh_2948", **{"7": ("6.1", "Hiện đại hoá hành chính", 1.6)})
    apply_criteria_sets([table])
    assert [r.code for r in table.rows] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert any(f.startswith(FLAG_CODE_BY_NAME) for f in table.rows[6].flags)


def test_a_title_line_coded_by_place_yields_its_code_to_the_row_named_as_it():
    table = _set_rows("bnv-tinh_2948", **{"1": ("1.1", "Cong tac chi dao, dieu hanh cai cach hanh chinh", 10.0)})
    stray = ScoreRow(code="1", name="NAM 2023 CUA UBND XA MINH BINH BAC", flags=["code_inferred"])
    table.rows.insert(0, stray)
    apply_criteria_sets([table])
    assert [r.code for r in table.rows] == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert table.rows[0].max_points == 10.0


def test_a_wrapped_name_tail_coded_by_place_is_not_a_row():
    table = _set_rows("bnv-tinh_2948")
    table.rows.append(ScoreRow(code="9", name="triển kinh tế xã hội của tỉnh", max_points=4.0, flags=["code_inferred"]))
    apply_criteria_sets([table])
    assert [r.code for r in table.rows] == ["1", "2", "3", "4", "5", "6", "7", "8"]


def test_a_maximum_read_among_readings_takes_the_sure_set_s():
    # "16" printed for criterion 7, read 1,6 with 16 kept as a reading; its self points the same.
    table = _set_rows("bnv-tinh_2948")
    row = table.rows[6]
    row.max_points = row.self_points = 1.6
    row.max_points_raw = row.self_points_raw = "16"
    row.alternatives = {"max_points": [16.0], "self_points": [16.0]}
    match = apply_criteria_sets([table])
    assert match is not None and fill_set_maxima([table], match) == 1
    assert (row.max_points, row.self_points) == (16.0, 16.0)
    assert row.alternatives == {"max_points": [1.6], "self_points": [1.6]}
    assert f"{FLAG_READING_BY_SET}:bnv-tinh_2948" in row.flags
    assert not any(f.startswith(FLAG_MAX_DIFFERS) for f in row.flags)


def test_a_lone_number_below_the_sure_set_s_maximum_is_the_self_score():
    # A row printing one number ("… 6,5 Chưa hoàn thành …") read as its maximum: below the set's
    # maximum for the criterion and no score beside it, it is the self score whose maximum OCR
    # lost; the reading before is kept. One at the set's maximum stays the maximum.
    table = _set_rows("bnv-tinh_2948")
    low, full = table.rows[5], table.rows[6]
    low.max_points, low.max_points_raw, low.self_points = 6.5, "6,5", None
    full.self_points = None
    match = apply_criteria_sets([table])
    assert match is not None and fill_set_maxima([table], match) == 1
    assert (low.max_points, low.self_points, low.self_points_raw) == (7.0, 6.5, "6,5")
    assert low.alternatives["max_points"] == [6.5]
    assert f"{FLAG_MAX_FROM_SET}:bnv-tinh_2948" in low.flags
    # Which cell the figure was is the set's guess: the self score goes to the review.
    from schemas.records import unsure_conf

    assert unsure_conf(low.flags, "self_points") == 0.5
    assert (full.max_points, full.self_points) == (16.0, None)


def test_a_name_run_on_into_the_explanation_takes_the_wording_of_a_sure_set():
    table = _set_rows("bnv-tinh_2948", **{"6": ("6", "Cai cach tai chinh eeene Bao cdo s6 172/BC-UBND", None)})
    match = apply_criteria_sets([table])
    assert match is not None and match.sure()
    row = table.rows[5]
    assert row.name == "Cải cách tài chính công" and row.name_raw.startswith("Cai cach tai chinh eeene")
    assert fill_set_maxima([table], match) == 1 and row.max_points == 7.0


def test_a_row_placed_under_a_lost_parent_takes_the_code_its_name_and_points_say():
    # Seed 191 d05-i4: 1.1's title line garbled away, the next row ("LH" for 1.1.1, its name run
    # on into the explanation) placed as 1.1; its maximum 1 is 1.1.1's, not 1.1's 5.
    table = _set_rows("ca-mau_2013", **{"1_1": (None, "", None)})
    row = table.rows[1]
    row.code, row.flags = "1.1", ["code_inferred"]
    row.name = "Ban hành kế hoạch-CCHC năm Công văn số 28/CV-UBND ngày ướt W 02/01/2013"
    apply_criteria_sets([table])
    assert (row.code, row.parent) == ("1.1.1", "1.1")
    assert row.name == "Ban hành kế hoạch CCHC năm"
    assert any(f.startswith(FLAG_CODE_BY_NAME) for f in row.flags)


def test_a_name_over_numbers_its_place_fits_keeps_the_place():
    # Seed 191 d05-i1: criterion 1's name line over criterion 2's numbers (10, as 1's): the
    # numbers say nothing against the place, the row stays 2.
    table = _set_rows("bnv-tinh_2948", **{"1": (None, "", None)})
    row = table.rows[0]
    row.code, row.flags = "2", ["code_inferred"]
    row.name = "Công tác chỉ đạo, điều hành cải cách hành chính Hoàn thành 100% kế hoạch"
    apply_criteria_sets([table])
    assert row.code == "2"


def test_two_numbers_for_three_columns_take_the_order_the_set_s_maximum_says():
    # Seed 191 d04-i4: "1.14 | Mức độ thực hiện kế hoạch CCHC 2) 15" (2, 1,5, 1 printed): 15
    # above 2 made them self and appraised points, the max lost; 2 is the set's maximum of 1.1.4.
    table = _set_rows("ca-mau_2013")
    row = next(r for r in table.rows if r.code == "1.1.4")
    row.max_points = None
    row.self_points, row.self_points_raw = 2.0, "2"
    row.appraised_points, row.appraised_points_raw = 1.5, "15"
    match = apply_criteria_sets([table])
    assert match is not None and fill_set_maxima([table], match) == 1
    assert (row.max_points, row.self_points, row.appraised_points) == (2.0, 1.5, None)
    assert (row.max_points_raw, row.self_points_raw) == ("2", "15")
    assert row.alternatives == {"self_points": [2.0], "appraised_points": [1.5]}
    assert "missing_appraised" in row.flags and f"{FLAG_COLUMNS_BY_SET}:ca-mau_2013" in row.flags
    # A second number within the maximum as printed says nothing against the order read.
    other = next(r for r in table.rows if r.code == "1.1.2")
    other.max_points = None
    other.self_points, other.self_points_raw = 1.0, "1"
    other.appraised_points, other.appraised_points_raw = 0.5, "0,5"
    fill_set_maxima([table], match)
    assert (other.max_points, other.self_points, other.appraised_points) == (1.0, 1.0, 0.5)


def test_garbled_text_placed_at_a_code_the_sure_set_lacks_is_no_row():
    # Seed 191 d03-i3: "Eon pease er eT ea" under 1.2.2, no points: its place said 1.2.3, which
    # the set does not have, and it is named as no criterion.
    table = _set_rows("ca-mau_2013")
    at = next(i for i, r in enumerate(table.rows) if r.code == "1.2.2") + 1
    table.rows.insert(at, ScoreRow(code="1.2.3", name="Còn pease er", flags=["code_inferred"]))
    match = apply_criteria_sets([table])
    assert match is not None and match.sure()
    assert "1.2.3" not in [r.code for r in table.rows]
    # A line the set has a code for stays (its points may have been lost).
    table = _set_rows("ca-mau_2013", **{"1_3": ("1.3", "Eon pease er", None)})
    table.rows[-1].flags = ["code_inferred"]
    apply_criteria_sets([table])
    assert "1.3" in [r.code for r in table.rows]


def test_a_typed_name_worded_the_communes_own_way_is_kept():
    """A typed grid's name printing words the set's wording does not hold ("… cải cách hành chính"
    where the wording abbreviates, or a word the commune added) is the commune's own wording: kept,
    no snap flag. The same name on OCR'd lines is snapped (its words may be OCR's)."""
    cset = load_criteria_sets()[0]
    target = next(r for r in cset.rows if "CCHC" in r.name)
    own = target.name.replace("CCHC", "cải cách hành chính")
    for read_from, expected in (("docx", own), ("lines", target.name)):
        rows = [
            ScoreRow(code=r.code, name=own if r is target else r.name, max_points=r.max_points, flags=[])
            for r in cset.rows
        ]
        table = ScoreTable(title="", rows=rows, read_from=read_from)
        apply_criteria_sets([table], f"UBND tỉnh {cset.province}", cset.year)
        row = next(r for r in table.rows if r.code == target.code)
        assert row.name == expected, read_from
        assert any(f.startswith(FLAG_SNAPPED) for f in row.flags) == (read_from == "lines")
