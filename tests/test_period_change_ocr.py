"""A score table's change column whose header OCR misread ("Tăng (+), giảm (-)" read "Tăng (Œ),
giảm (-)") is still the change of its two periods' points (``period_points.period_columns``):
read as context, not left as a points column no field took. The labels are Tesseract's reading of
seed 20001's S36 i1 scan (``s36-i1-n86-i1-self-last-year-before-change.pdf``), whose generator
(``tools/corpusgen/new_layouts_u.py``) prints last year's points ("Điểm đạt năm 2022"), the year's
self points and their change headed "Tăng (+), giảm (-)" (its truth's self scores are the 2023
column's)."""

from __future__ import annotations

from extract.segment.period_points import period_columns

OCR_LABELS = [
    "TT",
    "Tiêu chí đánh giá",
    "Điểm tối đa",
    "Điểm đạt năm 2022",
    "Điểmtự chấm năm 2023",
    "Tăng (Œ), giảm (-)",
    "Tài liệu kiểm chứng",
]


def test_a_change_header_ocr_misread_is_the_change_column():
    periods = period_columns(OCR_LABELS)
    assert (periods.this, periods.earlier, periods.change) == (4, (3,), 5)
    assert periods.labels[5] == ""  # (no points matcher takes it)
    assert 5 in periods.context


def test_a_header_with_no_change_wording_keeps_no_change_column():
    labels = [*OCR_LABELS[:5], "Ghi chú", OCR_LABELS[6]]
    assert period_columns(labels).change is None
