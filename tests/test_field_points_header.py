"""A dump's header whose third points label is a field's ("Điểm lĩnh vực") where no names' label
takes the words names no appraisal column (extract/segment/appraised_column.py): the table's rows
lost no appraised cell, so neither their blank appraised cells nor the self scores beside them
(their column no guess) go to the review queue for it. A real Tesseract dump of the corpus, its
truth the generator's (tests/data/dumps_queue71/README.md)."""

from __future__ import annotations

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.appraised_column import _field_points_named

DATA = Path(__file__).parent / "data" / "dumps_queue71"
FIELD_POINTS = DATA / "d25-i1-n66-i1-field-points-repeated-eng-psm3-300dpi.txt"


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, raw=t, page=1, number=k + 1) for k, t in enumerate(texts)]


def test_a_field_s_points_label_no_names_label_takes_is_named():
    # d25-i1's header as Tesseract left it (lines 15-17): the names' label "Nội dung đánh giá",
    # the third "Điểm" label the field's ("Điểm lĩnh vực"), stacked over three lines.
    assert _field_points_named(
        _lines("TT Noi dung danh gia Diem | Diém tw Giai trinh Diém", "chuan danh linh vuc", "gia")
    )
    # "lĩnh vực" twice: the names' label and the points' (as before)
    assert _field_points_named(_lines("STT Linh vuc, tieu chi Diem Diem tu cham Diem linh vuc"))
    # the names' label alone names no field's points (headers of seed 499's and 581's dumps)
    assert not _field_points_named(_lines("TT Linh vue, tiéu chi Diém Diém Ghi chi"))
    assert not _field_points_named(_lines("STT |. Lĩnh vực, tiêu chí : Ghi chú :"))
    assert not _field_points_named(
        _lines("3 lớb Lĩnh vực/Tiêu chí/Tiêu chí thành phần Tài liệu kiểm. chứng Điểm | Điểm tự | Điểm")
    )


def test_a_dump_s_field_points_column_queues_none_of_its_right_values():
    data, truth = converted_with_truth(FIELD_POINTS)
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    rows = data["score_tables"][0]["rows"]
    assert all(r["appraised_points"] is None for r in want.values())  # the truth appraises nothing
    queued = {(e["item"], e.get("field")) for e in data["review"]}
    wrong = {(v["pointer"], v["field"]) for v in score_document(truth, data)["wrong_values"]}
    checked = 0
    for i, row in enumerate(rows):
        pointer = f"/score_tables/0/rows/{i}"
        if row["code"] not in want or row["self_points"] is None:
            continue
        # each self score read is the truth's, and neither it nor the blank appraised cell beside
        # it is queued (140f05df: 0.61 and 0.21, for a column the segmenter took for appraised)
        assert "missing_appraised" not in row["flags"], row["code"]
        assert row["self_points"] == want[row["code"]]["self_points"], row["code"]
        assert (pointer, "self_points") not in wrong
        assert (pointer, "self_points") not in queued, row["code"]
        assert (pointer, "appraised_points") not in queued, row["code"]
        checked += 1
    assert checked >= 20
    # field 6's lost scores (printed blank: the truth's self scores are None) stay queued: a blank
    # self score beside a maximum is still a cell the line may have lost
    six = next(i for i, r in enumerate(rows) if r["code"] == "6.1")
    assert want["6.1"]["self_points"] is None
    assert (f"/score_tables/0/rows/{six}", "self_points") in queued
