"""A lettered item whose mark OCR spoilt inside its name is the letter its neighbours say (issue
16: a row read, but standing for no item). Seed 13001's S27 i1 (an N50 annex scanned; its ingest —
Tesseract's lines and the grid's cells — stored in tests/data/scans_unread68 with the generator's
truth): the annex's items under 3.1 print "a) Giải quyết trước hạn", "b) Giải quyết đúng hạn",
"c) Giải quyết quá hạn"; OCR read the last one's mark "€j". Before, the row (its figure 7 right)
was "€j Giải quyết quá hạn": no item of the annex, the truth's 3.1.c not found, and nothing told."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus_scoring import score_document
from extract.segment.stat_item_marks import restored_item_marks
from ingested_docs import converted_ingested, ingested_from_json
from schemas.records import StatAnnex, StatRow

DATA = Path(__file__).parent / "data" / "scans_unread68" / "s13001-s27-i1-n50-ingested.json"


def test_a_spoilt_item_mark_of_a_scanned_annex_is_its_letter():
    truth = json.loads(DATA.with_name(DATA.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["statistics"] for r in t["rows"]}
    assert (printed["3.1.c"]["indicator"], printed["3.1.c"]["value"]) == ("Giải quyết quá hạn", 7.0)
    doc = ingested_from_json(DATA)
    cells = [c.text for t in doc.pages[1].tables for c in t.cells]
    assert any(text.startswith("€j") for text in cells)  # the mark as OCR read it
    out = converted_ingested(DATA)
    rows = [r for a in out["statistics"] for r in a["rows"]]
    (row,) = [r for r in rows if r["indicator"].endswith("Giải quyết quá hạn")]
    # the code reader takes '€j' for 'c)' first (``normalize.codes``: a 'j' after a look-alike 'c'
    # is the bracket), so the item is coded as printed; the neighbours' letter is the fallback where
    # the spoilt mark reads as no letter ("¢}": ``test_the_neighbours_must_agree_and_the_mark_read_no_other_letter``)
    assert (row["code"], row["indicator"], row["value"]) == ("3.1.c", "Giải quyết quá hạn", 7.0)
    tally = score_document(truth, out)["tally"]
    assert tally["found"] == tally["rows"] == 12 and not tally["whole_unread"]


def _annex(*names: str) -> StatAnnex:
    return StatAnnex(rows=[StatRow(code=str(i), indicator=n) for i, n in enumerate(names, 1)])


def _names(annex: StatAnnex) -> list[str]:
    return [r.indicator for r in restored_item_marks([annex])[0].rows]


def test_the_neighbours_must_agree_and_the_mark_read_no_other_letter():
    # the first item's mark, by the one below it
    assert _names(_annex("3.1. Số hồ sơ", "¢} Trước hạn", "b) Đúng hạn"))[1] == "a) Trước hạn"
    # ... but not where the mark reads as another letter ("©" is a "c")
    assert _names(_annex("3.1. Số hồ sơ", "©} Trước hạn", "b) Đúng hạn"))[1] == "©} Trước hạn"
    # a mark reading "b" where "c" is due, and neighbours saying two letters, are left as read
    assert _names(_annex("a) Trước hạn", "b) Đúng hạn", "bj Quá hạn"))[2] == "bj Quá hạn"
    assert _names(_annex("a) Trước hạn", "€j Đúng hạn", "e) Quá hạn"))[1] == "€j Đúng hạn"
    # no lettered neighbour, or a word: nothing to say
    assert _names(_annex("3.1. Số hồ sơ", "€j Quá hạn", "3.2. Tỷ lệ"))[1] == "€j Quá hạn"
    assert _names(_annex("a) Trước hạn", "Số hồ sơ quá hạn"))[1] == "Số hồ sơ quá hạn"
