"""Self points printed one column per level under a merged "Điểm tự chấm" ("Cấp 1 | Cấp 2 | Cấp
3"), read on a scan that lost the space of a rank or read a speck in it as a letter ("Cấp2",
"'Cấpi1"): the run is still the levels' staircase, one column of self points. Before, the ranks
were no level's names, the run not merged, and every self point below level 1 came out blank, with
no word in the queue (seed 14131's S32 scan of N72: 19 of 27 self points lost on 7f36aba1)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.segment.points_by_level import PointsByLevelSettings, _names_level

DATA = Path(__file__).parent / "data" / "scans68"


def test_a_rank_read_without_its_space_or_with_a_speck_still_names_a_level():
    settings = PointsByLevelSettings()
    for text in ("Cấp 1", "Cấp2", "'Cấpi1", "Cấp3", "Mức 2", "Tiêu chí thành phần"):
        assert _names_level(text, settings), text
    for text in ("Mức độ 1", "Cấp xã", "Điểm", "2"):
        assert not _names_level(text, settings), text


@pytest.mark.needs_tesseract
def test_a_scanned_staircase_of_self_points_is_read_level_by_level():
    result = convert_file(DATA / "s14131-s32-i3-n72-self-by-level-page1-top.jpg", "page1")
    # the generator's truth (s32-i3-n72-i3-self-by-level-self-only.pdf.truth.json, seed 14131)
    truth = {"1": (12, 8.25), "1.1": (3, 2.25), "1.1.1": (1, 0.25), "1.1.2": (2, 2), "1.2": (2, 2)}
    (table,) = result.score_tables
    assert {r.code: (r.max_points, r.self_points) for r in table.rows} == truth
