"""Two rounds of appraisal on an OCR dump: the final round is the appraisal (issues 11, 14).
Seed 13103's D25 i3 (an N68 report: eng, psm 6, 250 dpi, degraded; tests/data/dumps_told67 with
the generator's truth): "Thang điểm | Xã tự chấm | Thẩm định lần 1 | Sau giải trình", each line
four figures ("7. | Hién dai héa hanh chinh 16 15 ne 5 15 Bdo céo sé."). Before, the third figure
(the first round, here garbled to 5) was the appraisal at 0.92 and the final round opened the
explanation: a silent error. Now a later points figure opening most appraised rows' explanations
is the final round (``round_lines``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.round_lines import final_rounds
from extract.segment.row_draft import LineTable, RowDraft

DUMP = next((Path(__file__).parent / "data" / "dumps_told67").glob("s13103-*n68*.txt"))


def test_the_final_round_is_the_appraisal():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    printed = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    assert [printed["7"][k] for k in ("max_points", "self_points", "appraised_points")] == [16, 15, 15]
    assert "Hién dai héa hanh chinh 16 15 ne 5 15" in DUMP.read_text(encoding="utf-8")
    output = result_to_json(convert_file(DUMP))
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    assert rows["7"]["appraised_points"] == 15  # before: 5 at 0.92
    for code in ("1", "2", "3", "4"):
        assert rows[code]["appraised_points"] == printed[code]["appraised_points"], code


def _row(code: str, raws: tuple[str, str, str], explanation: str) -> RowDraft:
    words = [(w, w) for w in explanation.split()]
    return RowDraft(code=code, max_raw=raws[0], self_raw=raws[1], appraised_raw=raws[2], explanation=words)


def test_a_later_round_needs_most_rows_to_print_it():
    rows = [
        _row("1", ("2", "1,25", "0,25"), "0,75 Công văn"),
        _row("2", ("3", "3", "2,5"), "3 Kế hoạch"),
        _row("3", ("1", "1", "1"), "1"),
    ]
    named = frozenset({"max", "self", "appraised"})
    read = final_rounds(LineTable(rows=rows, pages=[1], header_points=named)).rows
    assert [r.appraised_raw for r in read] == ["0,75", "3", "1"]
    assert read[0].explanation == [("Công", "Công"), ("văn", "văn")]
    # an explanation opening with a count or a per cent is no round ("100% kế hoạch", "12 văn bản")
    rows = [_row("1", ("2", "1", "1"), "100% kế hoạch"), _row("2", ("3", "3", "3"), "12 văn bản"), rows[2]]
    assert [r.appraised_raw for r in final_rounds(LineTable(rows=rows, pages=[1], header_points=named)).rows] == [
        "1",
        "3",
        "1",
    ]
    # a header naming no appraisal: read as printed
    assert final_rounds(LineTable(rows=rows, pages=[1])).rows[0].appraised_raw == "1"
