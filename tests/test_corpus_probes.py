"""The probe families (scans and dumps of typed layouts no standing derived family takes): made only
when named, so a whole run's corpus, and every figure measured on it, stays as it was."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from tests.corpus_helpers import make_corpus

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools"), str(ROOT)]

from corpusgen.derived import DERIVED, PROBES  # noqa: E402
from make_corpus import selected_families  # noqa: E402

from normalize.text import fold  # noqa: E402


def test_a_whole_run_leaves_the_probes_out() -> None:
    families, unknown = selected_families([])
    assert not unknown
    assert set(DERIVED) <= set(families)
    assert not set(PROBES) & set(families)


def test_a_probe_is_made_when_named_and_takes_no_standing_source() -> None:
    families, unknown = selected_families(["S08", "D09"])
    assert families == ["S08_scan_other_layouts", "D09_dump_other_layouts_held"] and not unknown
    standing = {s for d in DERIVED.values() for s in d.sources}
    for probe in PROBES.values():  # the layout probes; the signed ones sign the standing sources
        assert probe.signed or not standing & set(probe.sources)
    for dev, held in (("S08_scan", "S09_scan"), ("S10_photo", "S11_photo"), ("D08_dump", "D09_dump")):
        dev_sources, held_sources = (
            set(PROBES[f"{k}_other_layouts" + h].sources) for k, h in ((dev, ""), (held, "_held"))
        )
        assert not dev_sources & held_sources


def test_a_probe_dump_is_tesseracts_reading_with_the_sources_truth(tmp_path: Path) -> None:
    out = make_corpus(tmp_path / "c", "D08")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    (doc,) = manifest
    assert doc["family"] == "D08_dump_other_layouts" and doc["path"].endswith(".txt")
    truth = json.loads((out / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
    assert truth["ocr_dump"] is True and truth["score_tables"][0]["rows"]
    text = (out / doc["path"]).read_text(encoding="utf-8")
    # Tesseract read the printed page (an ``eng`` dump loses the diacritics): most of the criteria's
    # longer words are in the dump
    words = {fold(w).lower() for r in truth["score_tables"][0]["rows"] for w in r["name"].split() if len(w) > 3}
    assert len([w for w in words if w in fold(text).lower()]) > len(words) / 2


def test_the_seal_and_signature_go_over_the_signers_title(tmp_path: Path) -> None:
    import random

    from corpusgen.derived import RENDER_DPI, render
    from corpusgen.seal import sign_pages, signer_title_box
    from PIL import ImageChops

    out = make_corpus(tmp_path / "c", "F01", formats="pdf")
    (doc,) = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["documents"]
    pdf = out / doc["path"]
    pages = render(pdf)
    signed = sign_pages(pages, pdf, "Hòa Bình", random.Random(1), RENDER_DPI)
    found = signer_title_box(pdf)
    assert found is not None
    index, (x0, top, x1, bottom), width, _name_top = found
    changed = [i for i, (a, b) in enumerate(zip(pages, signed)) if ImageChops.difference(a, b).getbbox()]
    assert changed == [index]
    box = ImageChops.difference(pages[index], signed[index]).getbbox()
    scale = pages[index].width / width
    # drawn round the title: from a little above its bottom to below it, across its middle
    assert box[1] < bottom * scale < box[3] and box[0] < (x0 + x1) / 2 * scale < box[2]
