"""An OCR'd annex whose figures Tesseract printed with a digit read as the letter it looks like:
"Hồ sơ A46" for 446 and "% S4,08" for 54,08.

The dump is real Tesseract 5 text (``vie``, ``--psm 3``, 300 dpi, a degraded page) of F12's annex:
last round's spent held-out D07 document ``d07-i8`` (seed 8001). Its printed figures, from the
document's truth: row 2 446 (2.1 371, 2.2 75, 2.3 83,18 %), row 6 98 (6.1 53, 6.2 42, 6.3 3,
6.4 54,08 %). The line reader left rows 2 and 6.4 without a figure; their lines still print them."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_lookalike_figures import LOOKALIKE_READ

DUMP = Path(__file__).parent / "data" / "dumps_annex63" / "annex-lookalike-figures-psm3.txt"


def _rows(path: Path) -> tuple[dict[str, dict], list[str]]:
    out = result_to_json(convert_file(path))
    (annex,) = out["statistics"]
    return {r["code"]: r for r in annex["rows"]}, [u["reason"] for u in out["unread"]]


def test_a_figure_printed_in_look_alike_letters_is_read_where_the_shares_confirm_it():
    rows, told = _rows(DUMP)
    # "A46": 446, confirmed by the share 83,18 % = (446 − 75) / 446; its part 2.1 then derived
    assert (rows["2"]["value"], rows["2"]["value_raw"]) == (446.0, "A46")
    assert rows["2.1"]["value"] == 371.0 and "derived_from_sums:value" in rows["2.1"]["flags"]
    # "S4,08": 54,08, confirmed as 53 / 98 (the part lost, 98 − 42 − 3); "D9" in its name is no figure
    assert (rows["6.4"]["value"], rows["6.4"]["value_raw"]) == (54.08, "S4,08")
    assert "S4,08" not in rows["6.4"]["indicator"] and "D9" in rows["6.4"]["indicator"]
    # weighed, not trusted: flagged, no longer told lost, the row at most the reader's confidence
    # (the value's own confidence is the calibrated model's: 6.4's share holds, so it passes)
    for code in ("2", "6.4"):
        assert LOOKALIKE_READ in rows[code]["flags"] and "missing_value" not in rows[code]["flags"]
        assert rows[code]["confidence"] <= 0.7
    # a figure no line prints stays told lost (row 7's "26" is not in the text)
    assert rows["7"]["value"] is None
    assert any("is not in the text" in r and "7" in r for r in told)


def test_a_look_alike_reading_no_relation_confirms_is_not_taken(tmp_path: Path):
    # the same page with 2.2 and 6.2 printed one off: no sum or share holds with 446 or 54,08 now
    text = DUMP.read_text(encoding="utf-8")
    text = text.replace("bưu chính _ Hồ sơ 75", "bưu chính _ Hồ sơ 76").replace(
        "một phần Thủ tục 42", "một phần Thủ tục 41"
    )
    changed = tmp_path / DUMP.name
    changed.write_text(text, encoding="utf-8")
    rows, told = _rows(changed)
    for code in ("2", "6.4"):
        assert rows[code]["value"] is None and LOOKALIKE_READ not in rows[code]["flags"]
        assert "missing_value" in rows[code]["flags"]
    assert any("is not in the text" in r for r in told)
