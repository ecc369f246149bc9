"""A dump row whose STT cell OCR printed twice, on its name's line and on its points' line, reads
its points from the second (issue 11: legible figures read into the right row; issue 14: no row
invented under a renamed code); the criteria set's maximum for the row is the witness. The dump is
seed 8001's d04-i1 (real Tesseract output, eng, 250 dpi; bnv-tinh wording)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.repeated_code_row import FLAG_REPEATED_CODE

DUMP = Path(__file__).parent / "data" / "dumps_repeated_code" / "s8001-d04-i1-ruled-center-eng-250dpi.txt"


def _rows(path: Path) -> dict[str, dict]:
    out = result_to_json(convert_file(path, path.name))
    return {r["code"]: r for t in out["score_tables"] for r in t["rows"]}


def test_the_points_on_the_repeated_codes_line_are_the_rows() -> None:
    # "5. | Xay dung va nang cao chat hgng d6i ngii cng chifc, | Dat yéu cau theo hwéng dan 1 | iw | oe"
    # then "5. en ; 16 16 16": the "1" a speck, the points (max 16, the set's) on the second line.
    rows = _rows(DUMP)
    five = rows["5"]
    assert (five["max_points"], five["self_points"], five["appraised_points"]) == (16.0, 16.0, 16.0)
    assert FLAG_REPEATED_CODE in five["flags"]
    # the speck's reading is kept as an alternative, the scores doubted (the review sees them)
    assert five["alternatives"].get("max_points") == [1.0]
    assert any(f.startswith("unsure_self_points:") for f in five["flags"])
    # the second line is no row of its own: no 5.1 invented under the renamed code
    assert "5.1" not in rows


def test_a_row_its_own_line_read_keeps_its_points(tmp_path: Path) -> None:
    # Row 5's own line printing the set's maximum and a score: the line after it, even under the
    # same printed code, is not taken for its points.
    text = DUMP.read_text(encoding="utf-8").replace(
        "Dat yéu cau theo hwéng dan 1 | iw | oe", "Dat yéu cau theo hwéng dan 16 | 15 | 15"
    )
    path = tmp_path / "own-line.txt"
    path.write_text(text, encoding="utf-8")
    five = _rows(path)["5"]
    assert (five["max_points"], five["self_points"], five["appraised_points"]) == (16.0, 15.0, 15.0)
    assert FLAG_REPEATED_CODE not in five["flags"]
