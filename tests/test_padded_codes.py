"""Zero-padded criterion codes a scoring software prints ("01", "01.01", "1.01.02"): read as the
codes they pad, in a code column and in a token of a line; a bare "03" outside a code column stays
a figure."""

from __future__ import annotations

from pathlib import Path

from normalize.codes import read_code_token
from normalize.padded_codes import unpadded_cell, unpadded_dotted
from tests.corpus_helpers import converted_corpus


def test_padded_levels_read_plainly():
    assert unpadded_dotted("01.01.02") == "1.1.2"
    assert unpadded_dotted("1.01.02") == "1.1.2"
    assert unpadded_dotted("01.02.") == "1.2"
    assert unpadded_cell("01") == "1"
    # a narrow PDF cell wraps the code inside a level: "01.01.0" over "1"
    assert unpadded_cell("01.01.0 1") == "1.1.1"


def test_what_is_no_padded_code_is_left_as_printed():
    assert unpadded_dotted("1.1.2") is None  # nothing padded: read as it always was
    assert unpadded_dotted("01") is None  # one level: a figure outside a code column
    assert unpadded_cell("1.1 2") is None
    assert unpadded_cell("00.01") is None  # no criterion is numbered 0
    assert unpadded_cell("2013") is None
    assert unpadded_cell("0") is None


def test_code_tokens_of_lines_read_padding_but_not_a_bare_figure():
    assert read_code_token("01.02").components == (1, 2)
    assert read_code_token("1.01.02").components == (1, 1, 2)
    assert read_code_token("03") is None  # "03 hồ sơ": a count, never a criterion


def test_software_exports_read_whole_with_their_codes_unpadded(tmp_path: Path):
    converted = converted_corpus(tmp_path / "c", "N26_software_export", seed=2613)
    assert {doc["variant"] for doc, _, _ in converted} == {"software-counter", "software-padded"}
    for doc, truth, out in converted:
        want = {r["code"]: (r["max_points"], r["self_points"]) for t in truth["score_tables"] for r in t["rows"]}
        got = {r["code"]: (r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]}
        assert got == want, doc["path"]
