""" "Đính kèm" (attached) folds to the letters of "định", a piece of the appraised label "thẩm
định": a header "Điểm tối đa | Điểm tự đánh giá | Tệp đính kèm" (a software's export, its last
column the evidence files) OCR read "Diém Diém Tép dinh kém" was taken to name an appraised column
(``appraised_column.flag_unread_columns``), so every row lost its appraised cell and each was
queued, right (seed 21001's D15 dump, its i1: 9 entries on values the truth file holds as read).

The dump is that document's text as the generator wrote it; the expected values are its truth
file's (no appraised points; max and self points as below)."""

from __future__ import annotations

from pathlib import Path

import cchc_extract
from extract.model import Line
from extract.segment.line_header import appraised_hints

DUMP = Path(__file__).parent / "data" / "queue80b" / "d21001-n26-software-counter.txt"
# The truth file's (max, self) points by code; its appraised points are none.
TRUTH = {"1": (10, 10), "2": (10, 9), "3": (14.5, 14.5), "4": (11, 11), "5": (16, 16), "6": (7, 6), "7": (16, 16)}


def test_a_column_of_attached_files_is_no_appraised_column():
    data = cchc_extract.convert(DUMP).data
    (table,) = data["score_tables"]
    assert {r["code"]: (r["max_points"], r["self_points"]) for r in table["rows"]} == TRUTH
    assert all(r["appraised_points"] is None and "missing_appraised" not in r["flags"] for r in table["rows"])
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    assert not any(item.startswith("/score_tables/0/rows/") for item, _ in queued)


def _line(text: str) -> Line:
    return Line(text=text, page=1, number=1)


def test_dinh_before_kem_is_no_hint_and_the_label_still_is():
    assert appraised_hints([_line("Diém Diém Tép dinh kém")]) == set()
    assert appraised_hints([_line("Điểm Điểm tự Điểm thẩm định")]) == {"tham", "dinh"}
