"""An annex dump's figures OCR garbled into letters, told and given back by the annex's sums
(issues 11, 16). Seed 10001's D07 i7 (eng, psm 4, 200 dpi, degraded; tests/data/dumps_annex65 with
the generator's truth): 3.1.c's "3" read "ce" (the repair wrote "có") beside its unit, and 6.1's
"Hồ sơ 632" garbled into its words ("Soho so TTHC da giai quyét -| Hose Gea"). Before, both came
out blank and no ``unread`` entry said so: the one D07 document of stop 63's held-out seed whose
lost figures were not told. Now each is flagged ``missing_value`` (``stat_unread._lettered_figure``,
``stat_unread.lost_wholes``), told lost, and the sums give 3 (91 less 49 and 39) and 632 (408 +
201 + 23)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_unread import MISSING_VALUE, lost_wholes
from schemas.records import StatRow

DUMP = Path(__file__).parent / "data" / "dumps_annex65" / "s10001-d07-i7-f12-i7-annex-eng-psm4-200dpi-degraded.txt"


def test_the_garbled_figures_are_told_and_given_by_the_sums():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r["value"] for t in truth["statistics"] for r in t["rows"]}
    assert (printed["3.1"], printed["3.1.a"], printed["3.1.b"], printed["3.1.c"]) == (91, 49, 39, 3)
    assert (printed["6.1"], printed["6.1.a"], printed["6.1.b"], printed["6.1.c"]) == (632, 408, 201, 23)
    text = DUMP.read_text(encoding="utf-8")
    assert "Thu tuc ce" in text and "Hose Gea" in text  # printed, garbled past reading
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for a in output["statistics"] for r in a["rows"]}
    for code, value in (("3.1.c", 3), ("6.1", 632)):
        assert MISSING_VALUE in rows[code]["flags"]
        assert rows[code]["value"] == value  # before: None
        assert "derived_from_sums:value" in rows[code]["flags"]
    told = " ".join(p["reason"] for p in output["unread"])
    assert "3.1.c" in told and "6.1" in told  # before: nothing said


def _row(code: str, indicator: str, unit: str = "", value: float | None = None, parent: str | None = None):
    return StatRow(code=code, indicator=indicator, unit=unit, value=value, value_raw="", parent=parent)


def test_a_heading_over_a_count_and_its_share_is_no_whole():
    rows = [
        _row("6", "Kết quả giải quyết hồ sơ thủ tục hành chính"),
        _row("6.1", "Soho số TTHC đã giải quyết Hose Góa", parent="6"),
        _row("6.1.a", "Giải quyết trước hạn", "Hồ sơ", 408, "6.1"),
        _row("6.1.b", "Giải quyết đúng hạn", "Hồ sơ", 201, "6.1"),
        _row("6.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 96.36, "6"),
    ]
    flagged = [r.code for r in lost_wholes(rows, 0.5) if MISSING_VALUE in r.flags]
    assert flagged == ["6.1"]
