"""A count read above its whole, both units read (issue 14, silent errors): two D-family dumps of
seed 18001, their annex lines as OCR read them::

    dumps74/d18001-f12-annex-eng-psm4-degraded.txt (D07, instance 7)
    3.1 _-| S6h6 so TTHC da giai quyét f H6 so 13 eo        (the truth: 313)
    a) Giai quyét truéc han H6 so 174                        (3.1.a; the truth: 174)

    dumps74/d18001-n93-unit-once-ditto-vie-psm3-degraded.txt (D31, instance 4)
    3 | Số nhiệm vụ trong Kế hoạch CCHC năm Nhiệm 20            (the truth: 20)
    3.1 | Số nhiệm vụ đã hoàn thành ñữ2|Z 3317 |                (the truth: 17)

Each group's sum went unchecked (3.1.c's figure lost; 3.1's unit garbled to "Z"), and the
misread figure sat at 0.995, out of the queue. No count's part is over its whole: one of the two
figures was misread, and with both units read, either may be it, so both are queued
(``annex._doubt_over_whole``; a part whose unit was not read is still doubted alone). The truth is
the generator's file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "dumps74"


@pytest.mark.parametrize(
    ("name", "part", "whole", "wrong"),
    [
        ("d18001-f12-annex-eng-psm4-degraded.txt", "3.1.a", "3.1", "3.1"),
        ("d18001-n93-unit-once-ditto-vie-psm3-degraded.txt", "3.1", "3", "3.1"),
    ],
)
def test_a_part_above_its_whole_queues_both(name: str, part: str, whole: str, wrong: str):
    dump = DATA / name
    truth = json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    out = result_to_json(convert_file(dump))
    rows = [r for a in out["statistics"] for r in a["rows"]]
    at = {r["code"]: f"/statistics/0/rows/{k}" for k, r in enumerate(rows)}
    value = {r["code"]: r["value"] for r in rows}
    assert value[wrong] != want[wrong]  # (13 for 313; 3317 for 17)
    assert value[part] > value[whole]
    queued = {r["item"] for r in out["review"]}
    assert at[part] in queued and at[whole] in queued
