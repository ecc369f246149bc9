"""Points cells a commune types in ways no older layout printed: the self points and the explanation
in one cell of a table with no explanation column ("1,5 - Đã ban hành …", or the points on the
first line and the words on the next), and halves and quarters as common fractions ("1/2",
"7 1/2", "3/4"). The cell texts below are printed in the dev corpus's documents
(tools/make_corpus.py --seed 21261, N102/N103) and their values are those documents' truth files';
the read-back tests generate N102 and N103 at seed 0 and compare with its truth files."""

from __future__ import annotations

import pytest

from extract.segment.points_cells import points_then_words, read_points
from normalize.numbers import common_fraction
from tests.corpus_helpers import converted_corpus, squash


@pytest.mark.parametrize(
    ("cell", "value"),
    [
        ("8 1/4", 8.25),  # n103-i1 1 self (truth 8.25)
        ("1/2", 0.5),  # n103-i1 1.1.1 self (truth 0.5)
        ("3/4", 0.75),  # n103-i1 1.1.2 self (truth 0.75)
        ("1 3/4", 1.75),  # n103-i1 1.1.4 self (truth 1.75)
        ("1 1/2", 1.5),  # n103-i1 1.1.1 max (truth 1.5)
    ],
)
def test_a_common_fraction_is_its_half_or_quarter(cell, value):
    assert common_fraction(cell) == value
    assert read_points(cell, ocr=False) == value


@pytest.mark.parametrize("cell", ["9/10", "2/2", "1/3", "13,5 / 14", "11/4/2013", "1,5"])
def test_a_score_over_its_maximum_a_date_or_a_decimal_is_no_common_fraction(cell):
    """ "9/10" is a score over its maximum (split by the label's "/", ``fraction_points``), never 0.9."""
    assert common_fraction(cell) is None


@pytest.mark.parametrize(
    ("cell", "figure", "words"),
    [
        ("10 - Không phát sinh", "10", "Không phát sinh"),  # n102-i1 1 (truth self 10)
        ("14,5 - Thực hiện đầy đủ, đúng quy định", "14,5", "Thực hiện đầy đủ, đúng quy định"),  # n102-i1 3
        (
            "0,25\nKế hoạch số 263/KH-UBND ngày 11/4/2013",
            "0,25",
            "Kế hoạch số 263/KH-UBND ngày 11/4/2013",
        ),  # n102-i4 1.2.2 (truth self 0.25), the lines variant
        ("1\nHoàn thành 100% kế hoạch", "1", "Hoàn thành 100% kế hoạch"),  # n102-i4 1.1.2 (truth self 1)
    ],
)
def test_a_self_cell_holding_points_then_words_gives_both(cell, figure, words):
    assert points_then_words(cell, ocr=False) == (figure, words)


@pytest.mark.parametrize("cell", ["1,5 điểm", "Đạt (2)", "1,5 (75%)", "7 1/2", "1 h", "Không thực hiện", "2"])
def test_a_cell_read_whole_or_a_speck_beside_a_figure_is_not_split(cell):
    assert points_then_words(cell, ocr=True) is None


@pytest.fixture(scope="module")
def converted(tmp_path_factory) -> list[tuple[dict, dict, dict]]:
    return converted_corpus(tmp_path_factory.mktemp("points-words"), "N102,N103", seed=0)


def _rows(tables: list[dict]) -> dict[str, dict]:
    return {str(r["code"]): r for t in tables for r in t["rows"]}


def test_every_row_reads_its_points_and_explanation_as_the_truth(converted):
    """Every truth row of N102 (points and words in one cell) and N103 (fractions) comes out with the
    truth's maximum and self points, and N102's rows with the truth's explanation (on main the self
    points of every such cell came out blank, and every fraction)."""
    assert converted
    for doc, truth, out in converted:
        got = _rows(out["score_tables"])
        for code, want in _rows(truth["score_tables"]).items():
            row = got.get(code)
            where = f"{doc['path']} {code}"
            assert row is not None, where
            assert row["max_points"] == want["max_points"], where
            assert row["self_points"] == want["self_points"], where
            if doc["family"].startswith("N102") and want.get("explanation"):
                assert squash(row["explanation"]) == squash(want["explanation"]), where
