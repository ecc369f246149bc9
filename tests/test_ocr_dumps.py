"""OCR text dumps read end to end: real Tesseract output (``eng`` and ``vie``) of score tables the
corpus generator printed (``tools/corpusgen/dumps.py``: PDF → pdftoppm → tesseract), scored
against the generator's truth. Files and truth in tests/data/dumps."""

import json
from pathlib import Path

import pytest

from benchmarks.corpus_scoring import score_document
from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.line_header import header_layout

DUMPS = Path(__file__).parent / "data" / "dumps"
FILES = sorted(DUMPS.glob("*.txt"))


def _scored(path: Path) -> dict:
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    return score_document(truth, result_to_json(convert_file(path, path.stem)))


# Name character error each dump is held to: where the reader stands now (issue 11's target is
# 3%; names wrapped above a centred numbers line and explanation-first splits are not there yet).
NAME_CER = {
    "d01-i1-ruled-top-eng-150dpi": 0.15,
    "d02-i1-ruled-top-eng-150dpi": 0.15,
    "d04-i1-ruled-center-eng-150dpi": 0.45,  # explanation before the points: the split is weak
    "d04-i2-ruled-center-vie-200dpi": 0.05,  # centred numbers, name lines above and below
}


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_dump_rows_numbers_and_names(path):
    tally = _scored(path)["tally"]
    assert tally["found"] == tally["rows"]
    # Numbers the layout's columns hold (appraised ones too), read from where they print.
    assert tally["numbers_right"] >= 0.9 * tally["numbers"]
    assert tally["name_errors"] <= NAME_CER[path.stem] * tally["name_chars"]


def _lines(*texts: str) -> list[Line]:
    return [Line(text=t, page=1, number=k) for k, t in enumerate(texts, start=1)]


def test_header_layout_from_real_dump_headers():
    # eng, seven grid columns, explanation before the points (d04-i1): the label words wrap.
    text = (DUMPS / "d04-i1-ruled-center-eng-150dpi.txt").read_text(encoding="utf-8").splitlines()
    start = next(k for k, t in enumerate(text) if t.startswith(("STT", "TT ")))
    layout = header_layout(_lines(*text[start - 1 : start + 4]))
    assert layout.points == ("max", "self", "appraised") and layout.explanation_first
    # eng (diacritics lost), the explanation last.
    layout = header_layout(_lines("STT Linh vuc, tiéu chi Diém | Diém ty | Diém Ghi cha", "chuan cham tham", "dinh"))
    assert layout.points == ("max", "self", "appraised") and not layout.explanation_first
    # Four columns: no appraised column, no explanation.
    layout = header_layout(_lines("TT Lĩnh vực, tiêu chí Điểm Điểm tự", "tối đa chấm"))
    assert layout.points == ("max", "self") and not layout.explanation_first
