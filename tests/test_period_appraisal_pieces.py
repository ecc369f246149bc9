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
