"""A plan's task table whose fields stand in a column of their own, merged down beside the tasks
("Lĩnh vực | Số | Nội dung công việc | …"), scanned: an S31 scan of N69 (seed 15001, instance 4)
read the field cells, as Tesseract gave them on fc109027, "I. Công tác chỉ đạo, …", ".II. Cải
cách thể chế", "IH. Cải cách tổ chức bộ máy …", "IV. Xây dựng và phát triển chính quyền điện tử,
…". The speck before "II." made that cell no field's numeral, so the whole column was taken for
criteria and all 11 tasks lost their section, with nothing told (truth, the generator's: I, I, I,
II, II, II, III, III, IV, IV, IV). A speck at a cell's edge before the numeral is no word of the
title (``task_sections._OCR_ROMAN_TITLE``)."""

from __future__ import annotations

from extract.segment.field_column import field_sections
from extract.segment.task_sections import ocr_section_parts
from schemas.records import TaskRow

_CELLS = [
    "I. Công tác chỉ đạo, điều hành cải cách hành chính",
    "",
    "",
    ".II. Cải cách thể chế",
    "",
    "",
    "IH. Cải cách tổ chức bộ máy hành chính nhà nước",
    "",
    "IV. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
    "",
    "",
]


def test_a_speck_before_a_field_numeral_leaves_the_fields_column_read():
    rows = [
        TaskRow(code=str(i + 1), task=f"Nhiệm vụ {i + 1}", criterion=c, confidence=0.9) for i, c in enumerate(_CELLS)
    ]
    sections = [r.section for r in field_sections(rows)]
    assert sections == ["I", "I", "I", "II", "II", "II", "III", "III", "IV", "IV", "IV"]
    assert rows[3].section_title == "Cải cách thể chế" and rows[3].criterion == ""


def test_a_title_with_no_numeral_is_no_field():
    assert ocr_section_parts(".Cải cách thể chế") is None
    assert ocr_section_parts("- Tổ chức hội nghị") is None
