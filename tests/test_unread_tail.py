"""Rows garbled past reading after a score table's last row read are told by the criteria's names
they still hold (issue 16: nothing lost silently). The dump is real Tesseract output (eng, 150 dpi)
of the corpus generator (seed 576) with its truth beside it: a four-row table whose rows 3 and 4
OCR printed as "Cai ech thi tye hanh chin ee" and "[4 | Cat each t chute b§ may hanh chin | …"."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_tail import unread_tail_rows
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceRef

DUMP = Path(__file__).parent / "data" / "dumps_told" / "s576-d01-i1-ruled-top-eng-150dpi.txt"


def test_the_garbled_last_rows_of_a_short_table_are_told_where_they_stand():
    out, truth = converted_with_truth(DUMP)
    read = [r["code"] for t in out["score_tables"] for r in t["rows"]]
    assert read == ["1", "2"]
    assert [r["code"] for r in truth["score_tables"][0]["rows"]] == ["1", "2", "3", "4"]
    tails = [u for u in out["unread"] if "name criteria" in u["reason"]]
    assert len(tails) == 1
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    told = lines[tails[0]["line_start"] - 1 : tails[0]["line_end"]]
    assert told == ["Cai ech thi tye hanh chin ee", "[4 | Cat each t chute b§ may hanh chin | —=a—~| SY S—*d"]
    assert any("name criteria" in (q.get("reason") or q.get("message") or "") for q in out["review"])


def _doc(texts: list[str]) -> IngestedDocument:
    lines = [Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)]
    return IngestedDocument(path="x.txt", format="txt", pages=[Page(number=1, method="text", blocks=list(lines))])


def _result(rows: list[tuple[str, str, int, int]]) -> ExtractionResult:
    result = ExtractionResult()
    result.score_tables = [
        ScoreTable(
            rows=[
                ScoreRow(code=c, name=n, source=SourceRef(page=1, line_start=a, line_end=b), max_points=10.0)
                for c, n, a, b in rows
            ]
        )
    ]
    return result


def _read_rows(result: ExtractionResult):
    spans = [(r.source.line_start, r.source.line_end) for t in result.score_tables for r in t.rows]
    return lambda line, page: any(a <= line.number <= b for a, b in spans)


def test_a_sentence_after_the_table_is_no_lost_row():
    doc = _doc(
        [
            "1 Công tác chỉ đạo, điều hành cải cách hành chính 10 10",
            "2 Cải cách thể chế 10 9",
            "Trên đây là kết quả tự đánh giá, chấm điểm cải cách hành chính năm 2023 của UBND xã.",
            "Nơi nhận:",
        ]
    )
    result = _result([("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 1, 1), ("2", "Cải cách thể chế", 2, 2)])
    assert unread_tail_rows(doc, result, _read_rows(result)) == []


def test_a_wrapped_line_of_the_last_rows_own_name_is_no_lost_row():
    doc = _doc(
        [
            "1 Công tác chỉ đạo, điều hành 10 10",
            "cải cách hành chính",
        ]
    )
    result = _result([("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 1, 2)])
    assert unread_tail_rows(doc, result, _read_rows(result)) == []
