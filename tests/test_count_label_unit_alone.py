"""An OCR dump of a report's statistics laid out as lines ("4. Số hồ sơ TTHC đã giải quyết 424 hồ
sơ" over "- Giải quyết trước hạn 306/424 hồ sơ (72,17%)", …) whose table was not read as an annex:
the fragments "306/424 hồ sơ" became narrative counts labelled by their unit alone ("hồ sơ"), and
each was matched at 100 to the one annex row with the unit "hồ sơ" and a value (41, "Số hồ sơ tiếp
nhận trực tiếp và qua bưu chính"): five false `mismatch` findings reported to the commune (seed
16001's D22 dump of N56, instance 3; truth, the generator's: 424, 306, 107, 11 and 41 are all
right, the one planted fault a rate 91,95%). A count's label that is its unit alone names no row
(``reconcile.counts``, narrative_annex)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json

DUMP = Path(__file__).parent / "data" / "dumps70" / "s16001-d22-i3-over-whole-bracketed-eng.txt"


def test_a_count_labelled_by_its_unit_alone_is_matched_to_no_annex_row():
    out = result_to_json(convert_file(DUMP))
    assert [c["label"] for c in out["counts"]][:1] == ["hồ sơ"]  # (the fragments as read)
    annex_checks = [c for c in out["checks"] if c["id"].startswith("narrative_annex")]
    assert [c for c in annex_checks if c["status"] == "mismatch"] == []
