"""A row of a two-panel annex glued into the left row's line is told (issue 16). Seed 12001's D25
i2 (an N67 report: vie, psm 3, 200 dpi, degraded; tests/data/dumps_panels67 with the generator's
truth): line "3.3 Giải quyết quá hạn Hồ sơ | 18 JET®HNSI cuộc tuyên truyền CCHC Lượt 28" holds
3.3 on the left and, on the right, 6 "Số cuộc tuyên truyền CCHC" (Lượt, 28), its code and "Số"
read "JET®HNSI". No cut divides the line, 3.3 was read with its 18 and row 6 left in its note:
lost, nothing told. A note that ends as a row does (words, a unit, a figure) is told."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.corpus_scoring import score_document
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_glued_rows import GLUED_ROW_REASON, glued_rows
from schemas.records import StatAnnex, StatRow

DUMP = (
    Path(__file__).parent
    / "data"
    / "dumps_panels67"
    / "s12001-d25-i2-n67-i2-two-panels-at-middle-vie-psm3-200dpi-degraded.txt"
)


def test_a_right_panel_row_left_in_the_left_rows_note_is_told():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["statistics"] for r in t["rows"]}
    assert (printed["6"]["indicator"], printed["6"]["unit"], printed["6"]["value"]) == (
        "Số cuộc tuyên truyền CCHC",
        "Lượt",
        28.0,
    )
    assert "Hồ sơ | 18 JET®HNSI cuộc tuyên truyền CCHC Lượt 28" in DUMP.read_text(encoding="utf-8")
    out = result_to_json(convert_file(DUMP, DUMP.name))
    told = [u for u in out["unread"] if u["reason"].startswith(GLUED_ROW_REASON)]
    assert len(told) == 1 and "tuyên truyền CCHC Lượt 28" in told[0]["text_sample"]
    assert told[0]["page"] is not None and told[0]["line_start"] is not None
    tally = score_document(truth, out)["tally"]
    assert tally["partial_docs"] == tally["partial_told"] == 1


def test_a_remark_is_no_row():
    rows = [
        StatRow(code="1", indicator="Số hồ sơ", unit="Hồ sơ", value=5, note="tăng so với cùng kỳ"),
        StatRow(code="2", indicator="Số cuộc", unit="Cuộc", value=2, note="Quý 2"),
        StatRow(code="3", indicator="Số lượt", unit="Lượt", value=None, note="Số cuộc tuyên truyền Lượt 28"),
        StatRow(code="4", indicator="Tỷ lệ", unit="%", value=90, note="Số hồ sơ trực tuyến Hồ sơ 12"),
    ]
    told = glued_rows([StatAnnex(rows=rows)])
    assert [p.reason.split(" (")[0].split()[-1] for p in told] == ["4"]  # (row 3: its own figure lost, told elsewhere)
