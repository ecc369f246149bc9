"""A parent read in another table of the document is read (issue 16: no unread entry on what was
read). A scanned report printing its fields' table first and each field's criteria under a heading
after it: the criteria's table holds 3.1–3.4, the fields' table holds "3"; "row 3 not read" was
told on a held-out scan read whole. A parent no table carries is still told."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_rows import unread_score_rows
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceRef


def _row(code: str, line: int, parent: str | None = None) -> ScoreRow:
    return ScoreRow(
        code=code,
        name=f"Tiêu chí {code}",
        max_points=1.0,
        self_points=1.0,
        parent=parent,
        source=SourceRef(page=1, line_start=line, line_end=line),
    )


def _told(tables: list[ScoreTable]) -> list[str]:
    page = Page(1, [Line(text=f"dòng {k}", page=1, number=k) for k in range(1, 30)], method="ocr")
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[page])
    result = ExtractionResult(score_tables=tables)
    return [p.reason for p in unread_score_rows(doc, result, lambda line, page: True)]


def test_a_parent_in_the_fields_table_is_not_told_lost_under_its_criteria():
    fields = ScoreTable(rows=[_row(c, k) for k, c in enumerate(["1", "2", "3", "4"], 1)])
    criteria = ScoreTable(rows=[_row(c, k, "3") for k, c in enumerate(["3.1", "3.2", "3.3", "3.4"], 10)])
    assert not [r for r in _told([fields, criteria]) if "row 3 not read" in r]


def test_a_parent_no_table_carries_is_still_told():
    fields = ScoreTable(rows=[_row(c, k) for k, c in enumerate(["1", "2", "4"], 1)])
    criteria = ScoreTable(rows=[_row(c, k, "3") for k, c in enumerate(["3.1", "3.2", "3.3", "3.4"], 10)])
    assert [r for r in _told([fields, criteria]) if "row 3 not read" in r]
