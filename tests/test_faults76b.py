"""False faults of seed 20251's dumps (issue 14: a `mismatch` only where the document's own numbers
disagree); the dump is in tests/data/faults76b with the generator's truth beside it, and every
value asserted as printed is the truth's or the dump's.

- d31 i3 (psm 4, 300 dpi, degraded): an annex printing, per half-year and for the year, the plan
  then the result ("Chỉ tiêu | Kết quả"): "3.1 … 104 114 104 114 104 114", "3.2 … 90 61,4 90
  61,4 -90 61,4". The line reader took each row's first figure, the plan's, and the share 3.2 was
  weighed on plans (90% against 70/104) and told as the commune's fault; the rows' last column,
  the year's result, makes it (70/114 = 61,4%: ``row_figures.last_column_readings``).
- d28 i4 (``vie``, psm 4, 300 dpi, degraded): "3.1. | Số hồ sơ tiếp nhận trực tuyến | Hồ sơ Mãi 1",
  printed 421: the word OCR made of the cell's first digits was dropped as a speck and "1" taken,
  so the whole 3 (490 = 421 + 69) and the share 3.3 failed as the commune's faults. The figure
  read beside such a word is doubted (``stat_values.FIGURE_BESIDE_LETTERS``): both checks are
  ``misread``, the row named.
"""

import json
from dataclasses import replace
from functools import partial
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.misread import share_holds
from cchc_extract.reconcile.row_figures import last_column_readings
from extract.segment.stat_values import FIGURE_BESIDE_LETTERS, parse_stat_value
from schemas.records import StatRow

DATA = Path(__file__).parent / "data" / "faults76b"


def _truth(dump: Path) -> dict:
    return json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))


def _values(out_or_truth: dict) -> dict[str, float | None]:
    return {r["code"]: r["value"] for r in out_or_truth["statistics"][0]["rows"]}


def test_a_share_weighed_on_the_plan_column_is_our_column_not_the_communes_fault():
    dump = DATA / "d20251-d31-i3-plan-then-result.txt"
    truth = _truth(dump)
    assert [(f["kind"], f["code"]) for f in truth["faults"]] == [("ratio", "2.3")]  # the one planted
    true = _values(truth)
    assert (true["3.1"], true["3.1.a"], true["3.2"]) == (114.0, 70.0, 61.4)
    out = result_to_json(convert_file(dump))
    read = _values(out)
    assert (read["3.1"], read["3.2"]) == (104.0, 90.0)  # the plan's figures, taken first
    check = next(c for c in out["checks"] if c["kind"] == "ratio" and c["code"] == "3.2")
    assert check["status"] == "misread"
    assert "may be 61,4" in check["message"] and "may be 114" in check["message"]
    assert not any(c["status"] == "mismatch" and c["code"] in ("3.1", "3.2") for c in out["checks"])


def _row(code: str, value: float | None, note: str, unit: str = "Thủ tục") -> StatRow:
    return StatRow(code=code, indicator="", unit=unit, value=value, value_raw=str(value), note=note)


def test_the_last_column_moves_all_members_together_and_only_on_ocr():
    rows = [_row("3.1", 104.0, "114 104 114"), _row("3.1.a", 70.0, ""), _row("3.2", 90.0, "61,4 90 61,4", "%")]
    holds = partial(share_holds, 1)
    assert last_column_readings(rows, (2, 1, 0), holds, ocr=True) == {2: 61.4, 0: 114.0}
    assert last_column_readings(rows, (2, 1, 0), holds, ocr=False) == {}
    # a last token OCR garbled says no figure: the column is not read
    garbled = [replace(rows[0], note="114 104 kết"), *rows[1:]]
    assert last_column_readings(garbled, (2, 1, 0), holds, ocr=True) == {}
    # the last column failing too (a count that is not the share's): no reading
    other = [rows[0], replace(rows[1], value=60.0), rows[2]]
    assert last_column_readings(other, (2, 1, 0), holds, ocr=True) == {}


def test_a_figure_read_beside_a_word_of_letters_in_its_cell_is_doubted():
    dump = DATA / "d20251-d28-i4-garbled-cell.txt"
    truth = _truth(dump)
    assert truth["faults"] == []  # no fault planted: every mismatch would be false
    true = _values(truth)
    assert (true["3"], true["3.1"], true["3.2"], true["3.3"]) == (490.0, 421.0, 69.0, 85.92)
    assert "Hồ sơ Mãi 1" in dump.read_text(encoding="utf-8")
    out = result_to_json(convert_file(dump))
    row = next(r for r in out["statistics"][0]["rows"] if r["code"] == "3.1")
    assert (row["value_raw"], row["value"]) == ("Mãi 1", 1.0) and FIGURE_BESIDE_LETTERS in row["flags"]
    told = {c["code"]: c for c in out["checks"] if c["code"] in ("3", "3.3") and c["status"] != "ok"}
    assert {k: c["status"] for k, c in told.items()} == {"3": "misread", "3.3": "misread"}
    assert all("3.1" in c["message"] for c in told.values())
    assert not any(c["status"] == "mismatch" for c in out["checks"])


def test_only_an_ocr_cell_of_a_word_then_a_figure_is_read_so():
    assert parse_stat_value("Mãi 1", "Hồ sơ", ocr=True) == (1.0, [FIGURE_BESIDE_LETTERS], None)
    assert parse_stat_value("Mãi 1", "Hồ sơ", ocr=False)[0] is None  # typed text prints what it prints
    assert parse_stat_value("ại 100", "%", ocr=True)[0] is None  # two letters: a speck, not a cell
