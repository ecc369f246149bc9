"""The nineteenth batch of layouts, typed (seed 15311 of tools/make_corpus.py, truth the generator's):
a statistics annex with a label row ("Trong đó:", "Chia ra:", "Bao gồm:") between a count and its
items, no code and no figure (extract/segment/stat_label_rows.py). Before, the label row was read as
a row of its own with an inferred code, moving the items after it under it and the ratio row below
against the wrong count."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_label_rows import LabelRowSettings, is_label_row

DATA = Path(__file__).parent / "data" / "batch69"


def _truth(name: str) -> dict:
    return json.loads((DATA / f"{name}.truth.json").read_text())


@pytest.mark.parametrize("name", ["s15311-n81-i1-label-rows-in-cell.pdf", "s15311-n81-i2-label-rows-across.docx"])
def test_a_label_row_is_no_row_and_its_count_keeps_its_items(name):
    out = result_to_json(convert_file(DATA / name))
    fields = ("code", "indicator", "unit", "value")
    got = [tuple(r.get(f) or None for f in fields) for a in out["statistics"] for r in a["rows"]]
    want = [tuple(r.get(f) or None for f in fields) for a in _truth(name)["statistics"] for r in a["rows"]]
    assert got == want
    # the ratio rows are read against their own count: no mismatch but the planted faults
    planted = {(f["code"], f["kind"]) for f in _truth(name)["faults"]}
    assert {(c["code"], c["kind"]) for c in out["checks"] if c["status"] == "mismatch"} == planted


def test_a_label_row_is_labels_alone_with_no_code():
    settings = LabelRowSettings()
    assert is_label_row("", ("Trong đó:", "", "", ""), settings)
    assert is_label_row("", ("Chia ra:", "Chia ra:", "Chia ra:", "Chia ra:"), settings)
    assert is_label_row("", ("Bao gồm", "", "", ""), settings)
    assert not is_label_row("2", ("Trong đó:", "", "", ""), settings)  # a code: a row of its own
    assert not is_label_row("", ("Trong đó: số hồ sơ trực tuyến", "Hồ sơ", "12", ""), settings)
    assert not is_label_row("", ("", "", "", ""), settings)
