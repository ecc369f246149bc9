"""A plan's dump (the standing corpus's d04-i2: the D04 seven-column layout read by real Tesseract)
opens its table with a lead-in sentence printing two years ("… năm 2024. Kết quả tự đánh giá,
chấm điểm năm 2023 như sau:") and a header whose appraised label wrapped into pieces OCR set apart
("Điểm | Điểmtự | thậm" over "chuẩn chấm đỉnh"). The third points column is the appraisal (the
truth file: 10, 10, 14,25), not last year's points: the header's pieces of the label name it
(``period_lines.names_appraisal``), so the two years of the sentence no longer empty it."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.period_lines import names_appraisal
from extract.segment.period_points import EARLIER_FLAG

DUMP = Path(__file__).parent / "data" / "period_lines" / "appraisal-in-pieces.txt"


@pytest.fixture(scope="module")
def rows():
    (table,) = convert_file(DUMP).score_tables
    return {str(r.code): r for r in table.rows}


def test_the_appraised_column_named_in_pieces_keeps_its_figures(rows):
    assert [rows[c].appraised_points for c in ("1", "2", "3")] == [10.0, 10.0, 14.25]
    assert [rows[c].self_points for c in ("1", "2", "3")] == [10.0, 10.0, 14.5]
    assert not any(f.startswith(EARLIER_FLAG) for r in rows.values() for f in r.flags)
    # "14/25" read as 14,25: still doubted, so a person looks at it
    assert any(f.startswith("unsure_appraised_points:") for f in rows["3"].flags)
    # the row that lost its appraised figure says so
    assert rows["4"].appraised_points is None and "missing_appraised" in rows["4"].flags


def test_names_appraisal_by_its_whole_label_or_two_pieces():
    assert names_appraisal([Line("STT Tiêu chí Điểm tối đa Điểm tự chấm Điểm thẩm định", 1, 1)])
    assert names_appraisal([Line("TT Nội dung Điểm | Điểmtự | thậm Giải trình", 1, 1), Line("chuẩn chấm đỉnh", 1, 2)])
    # two periods' labels name no appraisal
    assert not names_appraisal(
        [Line("STT Tiêu chí Điểm tối đa Điểm tự đánh giá Điểm tự đánh giá", 1, 1), Line("năm 2023 năm 2024", 1, 2)]
    )


# Seed 16001's D05 d05-i2 (the indented appraised layout read by real Tesseract): the same lead-in
# sentence's two years, and a stacked header whose appraised label OCR kept only the last word of
# ("Điểm | UBND | mặm" over "tối đa xã tự" over "x. định"): printed below the self points' label,
# before any figure, "định" is the appraisal's, so the third figures stay the appraised points.
BELOW_SELF = Path(__file__).parent / "data" / "dumps_queue71" / "d05-i2-ruled-center-vie-150dpi.txt"
# The generator's truth (d05-i2-ruled-center-vie-150dpi.txt.truth.json): code -> (max, self, appraised).
_TRUTH = {
    "1": (10, 7.5, 7),
    "1.1": (5, 2.75, 2.25),
    "1.1.1": (1, 0.5, 0.5),
    "1.1.2": (1, 1, 0.75),
    "1.1.3": (1, 0.25, 0.25),
    "1.1.4": (2, 0.5, 0.75),
    "1.2.1": (1, 0.25, 0.75),
    "1.2.2": (1, 1, 1),
    "1.3": (3, 3, 3),
}


def test_the_appraisal_label_last_word_below_the_self_label_keeps_the_column():
    (table,) = convert_file(BELOW_SELF).score_tables
    got = {str(r.code): (r.max_points, r.self_points, r.appraised_points) for r in table.rows}
    assert {c: got.get(c) for c in _TRUTH} == _TRUTH
    assert not any(f.startswith(EARLIER_FLAG) for r in table.rows for f in r.flags)


def test_names_appraisal_by_the_label_last_word_below_the_self_label():
    header = ["STT Tiêu chí Nội dung giải trình Điểm | UBND | mặm", "tối đa xã tự", "x. định", "chấm"]
    assert names_appraisal([Line(t, 1, k) for k, t in enumerate(header, 1)])
