"""A score table of whose rows OCR left one, that row taking every line after it for its wrapped
words, is told (issue 16: nothing lost silently). The dump is real Tesseract output (eng, psm 6,
200 dpi) of the corpus generator (seed 12001, family D25 of N66) with its truth beside it: a
20-row table of which one row, "7", was read over the lines of all the others."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_lone_rows import unread_lone_rows
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceRef

DUMP = (
    Path(__file__).parent / "data" / "dumps_unread67" / "s12001-d25-i1-n66-i1-field-points-repeated-eng-psm6-200dpi.txt"
)


def test_a_lone_row_over_the_lines_of_a_whole_table_is_told():
    out, truth = converted_with_truth(DUMP)
    assert len(truth["score_tables"][0]["rows"]) == 20
    codes = {r["code"] for r in truth["score_tables"][0]["rows"]}
    read = [r for t in out["score_tables"] for r in t["rows"]]
    assert not [r for r in read if r["code"] in codes]  # no row of the truth read
    told = [u for u in out["unread"] if "the other rows printed on them" in u["reason"]]
    assert len(told) == 1
    assert told[0]["kind"] == "rows" and told[0]["line_end"] - told[0]["line_start"] >= 11
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    span = "\n".join(lines[told[0]["line_start"] - 1 : told[0]["line_end"]])
    assert "van ban quy pham phap luat" in span  # field 2's name, inside the lone row's lines
    assert any((q.get("item") or "").startswith("/unread/") for q in out["review"])


def _result(spans: list[tuple[int, int]], read_from: str = "lines") -> ExtractionResult:
    rows = [
        ScoreRow(code=str(k), name="Công tác chỉ đạo", source=SourceRef(page=1, line_start=a, line_end=b))
        for k, (a, b) in enumerate(spans, 1)
    ]
    return ExtractionResult(score_tables=[ScoreTable(title="", rows=rows, read_from=read_from)])


def _doc(n: int) -> IngestedDocument:
    lines = [Line(text=f"dòng {k}", page=1, number=k) for k in range(1, n + 1)]
    return IngestedDocument(path="x.txt", format="txt", pages=[Page(number=1, method="text", blocks=list(lines))])


def test_a_row_of_a_few_wrapped_lines_and_a_table_of_rows_are_not_told():
    doc = _doc(40)
    assert unread_lone_rows(doc, _result([(3, 6)])) == []  # a row's name and explanation wrap
    assert unread_lone_rows(doc, _result([(3, 9), (10, 30)])) == []  # two rows: the numbering tells
    assert unread_lone_rows(doc, _result([(3, 30)], read_from="docx")) == []  # a grid's row is a cell
    assert len(unread_lone_rows(doc, _result([(3, 30)]))) == 1
