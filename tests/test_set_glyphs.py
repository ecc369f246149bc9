"""A maximum OCR read one glyph off the criteria set's (issues 11, 14): "4" for 1 (a 1's serif and
stem), "24" for 2 (a bar read as a digit). The parent's maximum decides: its siblings add up to it
with the set's figure and not with the one read, or the figure read is above the whole parent. A
maximum a point or less off the set's is left as read (a commune's raised leaf, a fault the
parent's sum shows). The dump is seed 9117's d03-i3 (real Tesseract output, eng, 150 dpi,
degraded; ca-mau wording), copied unchanged."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from normalize.criteria.match_settings import MatchSettings
from normalize.criteria.set_glyphs import one_glyph_off, parent_witness
from schemas.records import ScoreRow

DUMP = Path(__file__).parent / "data" / "dumps_nums64" / "s9117-d03-i3-ruled-top-eng-150dpi-degraded.txt"
LOOKALIKES = MatchSettings().glyph_lookalikes


def _rows(path: Path) -> dict[str, dict]:
    out = result_to_json(convert_file(path, path.name))
    return {r["code"]: r for t in out["score_tables"] for r in t["rows"]}


def test_a_maximum_one_lookalike_off_the_sets_takes_it_when_the_parent_says_so() -> None:
    # "1.1.1 | Ban hanh ké hoach CCHC nam | 4: 1": the set's maximum is 1; 1.1 (5) = 1 + 1 + 1 + 2
    rows = _rows(DUMP)
    row = rows["1.1.1"]
    assert (row["max_points"], row["self_points"]) == (1.0, 1.0)  # the truth's
    assert row["alternatives"]["max_points"] == [4.0]  # the figure read, kept for review
    assert any(f.startswith("unsure_max_points:") for f in row["flags"])  # doubted: queued


def test_a_maximum_a_point_off_stays_as_read(tmp_path: Path) -> None:
    # "2" for a set's 1 is no look-alike and a step a commune's raised leaf makes: left as read
    path = tmp_path / DUMP.name
    path.write_text(DUMP.read_text(encoding="utf-8").replace("CCHC nam | 4: 1", "CCHC nam | 2: 1"), encoding="utf-8")
    assert _rows(path)["1.1.1"]["max_points"] == 2.0


def test_one_glyph_off() -> None:
    assert one_glyph_off("24", "2", LOOKALIKES)  # a digit inserted
    assert one_glyph_off("35", "5", LOOKALIKES)
    assert one_glyph_off("18", "16", LOOKALIKES)  # an 8 for a 6
    assert one_glyph_off("115", "145", LOOKALIKES)  # 14,5 read "115"
    assert not one_glyph_off("2", "1", LOOKALIKES)  # no look-alike
    assert not one_glyph_off("245", "2", LOOKALIKES)  # two digits inserted


def _row(code: str, parent: str | None, most: float | None) -> ScoreRow:
    return ScoreRow(code=code, parent=parent, name="", max_points=most)


def test_the_parent_witnesses() -> None:
    rows = [_row("1.1", None, 5.0), _row("1.1.1", "1.1", 4.0), _row("1.1.2", "1.1", 2.0), _row("1.1.3", "1.1", 2.0)]
    assert parent_witness(rows[1], 4.0, 1.0, rows, {}, 0.001)  # 1 + 2 + 2 = 5, 4 + 2 + 2 = 8
    assert parent_witness(rows[1], 24.0, 1.0, rows, {}, 0.001)  # above the whole parent
    assert not parent_witness(rows[1], 4.0, 2.0, rows, {}, 0.001)  # the set's figure breaks it too
    assert not parent_witness(rows[0], 5.0, 10.0, rows, {}, 0.001)  # no parent, no witness
