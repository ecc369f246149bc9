"""A scanned plan's target stated as a range whose figure OCR spoilt is told (issue 16). Seed
13001's S32 i4 (an N73 plan scanned; its ingest stored in tests/data/scans_unread68 with the
generator's truth): "Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa phấn đấu đạt từ 78 -
88%" read "… đạt từ 78 - B89,". Its "%" lost, the sentence stated no figure the targets reader or
the account of target lines knew (a share, or a floor "tối thiểu / ít nhất / không dưới / đạt
trên"), and the target ran into the next one's: one of three targets lost, nothing told. The
floor of a range ("đạt từ 78") is a target's figure too: the line is told, with its box."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus_scoring import score_document
from ingested_docs import converted_ingested, ingested_from_json

DATA = Path(__file__).parent / "data" / "scans_unread68" / "s13001-s32-i4-n73-ingested.json"


def test_a_range_target_whose_figure_ocr_spoilt_is_told():
    truth = json.loads(DATA.with_name(DATA.name + ".truth.json").read_text(encoding="utf-8"))
    ranged = [t for t in truth["targets"] if t["value_max"] is not None]
    assert [(t["value"], t["value_max"]) for t in ranged] == [(78.0, 88.0)]
    doc = ingested_from_json(DATA)
    assert any("đạt từ 78 - B89," in line.text for page in doc.pages for line in page.lines)
    out = converted_ingested(DATA)
    assert 78.0 not in [t["value"] for t in out["targets"]]  # (still lost: told, not read)
    told = [u for u in out["unread"] if "target" in u["reason"]]
    assert len(told) == 1 and "đạt từ 78" in told[0]["text_sample"]
    assert told[0]["page"] == 1 and told[0]["bbox"] is not None
    tally = score_document(truth, out)["tally"]
    assert tally["target_lost"] == tally["target_lost_told"] == 1 and tally["partial_told"] == 1
