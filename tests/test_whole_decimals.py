"""A score table that prints its whole points with a decimal ("12,0 đ", "2,0 đ"): on OCR'd text
a bare figure in it ("20d" for 2,0 đ, its comma lost) is doubted, and two such figures of one row
that agree are no second reading; typed text prints what its writer typed, no doubt from it."""

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.whole_decimals import bare_figure, bare_twins, writes_wholes_with_decimal
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo


def row(code: str, max_raw: str, self_raw: str) -> ScoreRow:
    def number(raw: str) -> float:
        return float(raw.replace(",", "."))

    return ScoreRow(
        code=code,
        level=code.count(".") + 1,
        max_points=number(max_raw),
        max_points_raw=max_raw,
        self_points=number(self_raw),
        self_points_raw=self_raw,
        confidence=0.92,
    )


def table() -> list[ScoreRow]:
    # "1.1.2 | Mức độ hoàn thành kế hoạch | 20d | 20d" among figures printed "2,0 đ", "12,0 đ"
    return [
        row("1", "12,0", "10,0"),
        row("1.1", "4,0", "4,0"),
        row("1.1.1", "2,0", "2,0"),
        row("1.1.2", "20", "20"),
        row("1.2", "3,0", "2,5"),
        row("1.3", "5,0", "3,5"),
    ]


def test_a_table_of_wholes_with_a_decimal_is_told_and_its_bare_figures_found():
    rows = table()
    assert writes_wholes_with_decimal(rows, ("max_points", "self_points"))
    assert bare_figure(rows[3], "max_points") and not bare_figure(rows[2], "max_points")
    assert bare_twins(rows[3], ("max_points", "self_points")) and not bare_twins(rows[2], ("max_points", "self_points"))
    # a table printing its wholes bare ("2", "12") says nothing of a bare figure
    plain = [row(r.code or "", (r.max_points_raw or "").replace(",0", ""), "1") for r in rows]
    assert not writes_wholes_with_decimal(plain, ("max_points", "self_points"))


def test_bare_figures_of_an_ocr_table_of_decimal_wholes_go_to_review():
    for method, doubted in (("ocr", True), ("docx", False)):
        result = ExtractionResult(
            source=SourceInfo(method=method, read_by_ocr=method == "ocr"), score_tables=[ScoreTable(rows=table())]
        )
        reconcile(result)
        queued = {(r.code, r.field) for r in result.review}
        bare = {("1.1.2", "max_points"), ("1.1.2", "self_points")}
        assert (bare <= queued) == doubted, (method, queued)
        # the figures printed in the table's own form keep their confidence
        assert ("1.2", "self_points") not in queued
