"""Statistics printed as key and value (extract/segment/stat_key_value.py): the code opening the
key cell is the row's code, the words after the figure its unit, and a headerless two-column table
of coded keys and figures an annex — read from generated reports (N08, both variants)."""

from __future__ import annotations

from pathlib import Path

from extract.segment.stat_key_value import figure_and_unit, key_code
from tests.corpus_helpers import converted_corpus


def test_key_code_splits_the_code_and_drops_the_layouts_colon():
    assert key_code("2.1. Số hồ sơ tiếp nhận trực tuyến") == ("2.1.", "Số hồ sơ tiếp nhận trực tuyến")
    assert key_code("a) Giải quyết trước hạn:") == ("a)", "Giải quyết trước hạn")
    assert key_code("Số cuộc kiểm tra:") == ("", "Số cuộc kiểm tra")


def test_figure_and_unit_reads_the_unit_printed_after_the_figure():
    assert figure_and_unit("669 hồ sơ") == ("669", "hồ sơ")
    assert figure_and_unit("97,81%") == ("97,81%", "%")
    assert figure_and_unit("120") == ("120", "")
    # (not a figure and a few words: left as printed)
    assert figure_and_unit("Có") == ("Có", "")
    assert figure_and_unit("5 cuộc kiểm tra theo kế hoạch đã được duyệt") == (
        "5 cuộc kiểm tra theo kế hoạch đã được duyệt",
        "",
    )


def test_key_value_reports_give_every_row_its_code_and_value_and_their_ratio_faults(tmp_path: Path):
    converted = converted_corpus(tmp_path / "c", "N08_key_value_statistics", seed=2322)
    assert {doc["variant"] for doc, _, _ in converted} >= {"key-value-header", "key-value-colon"}
    for doc, truth, out in converted:
        got = {r["code"]: r for a in out["statistics"] for r in a["rows"]}
        want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
        assert set(got) == set(want), doc["path"]
        for code, row in want.items():
            assert got[code]["value"] == row["value"], (doc["path"], code)
            assert got[code]["indicator"] == row["indicator"], (doc["path"], code)
        failed = {(c["code"], c["kind"]) for c in out["checks"] if c["status"] == "mismatch"}
        for fault in truth["faults"]:
            assert fault["kind"] == "ratio" and (fault["code"], "ratio") in failed, (doc["path"], fault)
