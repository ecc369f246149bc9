"""An annex numbered three levels deep, read from a real Tesseract dump (issues 11, 16): spent seed
13001 D26, an N71 annex "STT | Nội dung chỉ tiêu | Số lượng | Ghi chú" (OCR: "Sẽ lượng") whose
units stand in brackets after the indicators, with the generator's truth.

- The header with its figure's label garbled is still the annex's header (``stat_line_header``):
  read without it, the indicator's wrapped "kiến)" made a phantom row and row 1 lost its code.
- A share whose code OCR lost after a count's parts ("g2 Tỷ lệ …", "Đi2 Tỷ lệ …") is the count's
  sibling, "3.2" and "5.2", not a part "3.1.3" nor a group "6" (``stat_code_column``); the printed
  "6" after it stays 6.
- A code closed by a run of dots ("5.1... Số hồ sơ") opens its row (``stat_line_cells``)."""

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.segment.stat_line_cells import _code_token
from extract.segment.stat_line_header import is_statistics_header

DUMP = next((Path(__file__).parent / "data" / "stats68").glob("s13001-d26-i2-*.txt"))


def _read() -> tuple[dict[str, dict], dict[str, dict]]:
    out, truth = converted_with_truth(DUMP)
    want = {r["code"]: r for a in truth["statistics"] for r in a["rows"]}
    return {r["code"]: r for a in out["statistics"] for r in a["rows"]}, want


def test_rows_of_the_three_level_annex_carry_their_printed_codes():
    got, want = _read()
    for code in ("1", "3.2", "5", "5.1", "5.2", "6"):
        assert code in got, code
    assert "3.1.3" not in got and "6.1" not in got and "1.1" not in got
    for code in ("1", "3.2", "6"):
        assert got[code]["value"] == want[code]["value"], code
    assert got["3.2"]["indicator"].endswith("Tỷ lệ cán bộ, công chức đạt chuẩn")
    assert got["5.1"]["indicator"].startswith("Số hồ sơ TTHC đã giải quyết")
    assert "Kết quả giải quyết hồ sơ" in got["5"]["indicator"] and got["5"]["value"] is None
    # every code read is one the annex prints
    assert set(got) <= set(want)


def test_a_garbled_figure_label_still_names_the_header():
    assert is_statistics_header("STT Nội dung chỉ tiêu Sẽ lượng Ghỉ chú", garbled=True)
    assert not is_statistics_header("Số lượng cán bộ được giao theo chỉ tiêu", garbled=True)


def test_a_code_closed_by_a_run_of_dots():
    assert _code_token(["5.1...", "Số"]) == "5.1"
    assert _code_token(["2.1.1..", "Số"]) == "2.1.1"
