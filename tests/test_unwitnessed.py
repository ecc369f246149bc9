"""A table total's top-level row that its damaged block cannot witness, on OCR'd text."""

from cchc_extract.reconcile.settings import ReconcileSettings
from cchc_extract.reconcile.unwitnessed import unwitnessed_members
from schemas.records import ScoreRow

S = ReconcileSettings()


def _rows(children_self: list[float | None], flags: list[list[str]] | None = None) -> list[ScoreRow]:
    top = ScoreRow(code="1", level=1, max_points=10.0, self_points=7.0, confidence=0.92)
    kids = [
        ScoreRow(code=f"1.{n}", level=2, parent="1", max_points=5.0, self_points=v, confidence=0.92)
        for n, v in enumerate(children_self, start=1)
    ]
    for row, f in zip(kids, flags or []):
        row.flags += f
    return [top, *kids]


def _doubted(rows: list[ScoreRow], ocr: bool = True) -> list[str | None]:
    kids = {0: list(range(1, len(rows)))}
    return [r.code for r in unwitnessed_members(0, [0], rows, "self_points", (kids, 0.011), "t", S, ocr)]


def test_a_top_row_whose_block_lost_figures_is_doubted():
    assert _doubted(_rows([3.0, None, 1.0])) == ["1"]


def test_a_top_row_whose_child_was_read_unsurely_is_doubted():
    assert _doubted(_rows([3.0, 1.0, 1.0], [[], ["unsure_self_points:0.50"], []])) == ["1"]


def test_a_witnessed_or_undamaged_top_row_is_not():
    # its children add up to it: two readings agree
    assert _doubted(_rows([3.0, 3.0, 1.0])) == []
    # read whole and surely, they disagree with it: the commune's sum, not our reading
    assert _doubted(_rows([3.0, 2.0, 1.0])) == []
    # no sub-criterion prints self points: the table's style, not damage
    assert _doubted(_rows([None, None, None])) == []
    # a typed document's blank was printed blank
    assert _doubted(_rows([3.0, None, 1.0]), ocr=False) == []
