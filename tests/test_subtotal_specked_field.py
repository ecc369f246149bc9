"""A field closed by its subtotal on a scan whose field code OCR read with a speck at its edge (seed
18001's S21 instance 2, a scanned N35 table: field 4 read ":4.", its first criterion "41" with its
dot lost, then "4.2" and "Cộng mục 4 | 7 | 7"). Before, ":4." was no code, so no field was open,
"Cộng mục 4" became a criterion 4.3 of its own and field 4's points (7 and 7 in the truth) went
unread. The speck is no part of the code: the subtotal closes field 4."""

from __future__ import annotations

from extract.segment.field_subtotals import open_field
from extract.segment.row_draft import RowDraft


def _drafts() -> list[RowDraft]:
    return [
        RowDraft(code="3", max_raw="9", self_raw="8"),
        RowDraft(code="3.4", max_raw="4", self_raw="4"),
        RowDraft(code=":4."),
        RowDraft(code="41", max_raw="3", self_raw="3"),
        RowDraft(code="4.2", max_raw="4", self_raw="4"),
    ]


def test_a_specked_field_code_is_closed_by_its_subtotal_on_a_scan():
    drafts = _drafts()
    assert open_field(drafts, "4", specked=True, edge_specks=True) is drafts[2]


def test_a_typed_code_is_taken_as_printed():
    assert open_field(_drafts(), "4", specked=False) is None
