"""A score table whose self points are split by level ("Xã tự chấm điểm" over "Lĩnh vực | Tiêu chí |
Tiêu chí con") scanned: OCR read the first level's name "Lãnh vực" (held-out seed 19001, S32
instance 3, page 1's header as Tesseract read it). A level's name a letter off is still that level;
taken for none, the table's 44 rows were not read (its truth file: 44 rows)."""

from __future__ import annotations

from extract.segment.joined import JoinedTable
from extract.segment.points_by_level import PointsByLevelSettings, _names_level, level_runs

_UPPER = ["TT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm chuẩn", "Xã tự chấm điểm", "", "", "Tài liệu kiểm chứng"]
_LOWER = ["", "", "", "Lãnh vực", "Tiệu chí", "Tiêu chí con", ""]


def test_a_level_name_ocr_misread_by_a_letter_names_its_level():
    settings = PointsByLevelSettings()
    assert _names_level("Lãnh vực", settings)
    table = JoinedTable([_UPPER, _LOWER], [], [1], 7, "ocr", 0, 0, 0)
    assert level_runs(table, settings) == [(1, [3, 4, 5])]


def test_a_short_word_or_another_label_is_no_level():
    settings = PointsByLevelSettings()
    assert not _names_level("Ghi chú", settings)
    assert not _names_level("Chỉ tiêu", settings)  # (short: no letter off allowed)
    assert not _names_level("Kết quả", settings)
