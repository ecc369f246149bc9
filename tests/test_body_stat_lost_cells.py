"""A report's numbered statistics lines as a degraded OCR dump leaves them: rows whose result cell
OCR lost, items whose words it lost, a number's dot read as a comma, a breakdown's wrapped line
behind a speck that looks like a dash.

Both dumps are real Tesseract 5 dumps (``eng``, ``--psm 6``, degraded) of the spent held-out seed
18001 (``tools/make_corpus.py --seed 18001``): ``results-cells-lost-psm6.txt`` is its D22 i3 (an N56
report: "Chỉ tiêu | Kết quả thực hiện" printed unruled, the items' cells a part over its whole),
``inline-breakdown-specks-psm6.txt`` its D18 i3 (an N40 report: each figure's breakdown in brackets
on its line). The values asserted are the documents' own, from their truth files: N56 — 2 = 19
nhiệm vụ over 17 and 2, 3 = 15 phản ánh over 12 and 3, 4 = 20 người over 20 and 0, 5 = 108 thủ tục
over 91, 14 and 3, 6 = 598 hồ sơ over 510; N40 — 2 = 115 thủ tục (91, 20, 4, 69,13%), 3 = 445 hồ sơ
(290, 146, 9, 97,98%), 4 = 21 nhiệm vụ (20, 1, 95,24%), 5 = 26 người (25, 1, 96,15%), 6 = 6 cuộc.
On main the first gave no row and told nothing; the second read 7 of its 20 rows, 2's figure 4
(the breakdown's last count), and 4–6 neither read nor told."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.body_stat_columns import lost_result

DATA = Path(__file__).parent / "data" / "dumprows74"


def _values(rows: list[dict]) -> dict[str, float | None]:
    return {r["code"]: r["value"] for r in rows if r["code"]}


def test_rows_whose_cells_ocr_lost_are_read_and_told():
    out = result_to_json(convert_file(DATA / "results-cells-lost-psm6.txt"))
    (annex,) = out["statistics"]
    rows = annex["rows"]
    # every numbered line a row, in order: none dropped because its cell was lost
    assert [r["code"] for r in rows if r["code"]] == ["1", "2", "3", "4", "5", "6", "7"]
    values = _values(rows)
    # the wholes the items print their parts over are the counts whose own cells OCR lost
    assert (values["2"], values["4"], values["6"]) == (19.0, 20.0, 598.0)
    assert (values["3"], values["5"]) == (15.0, 108.0)
    whole = [r for r in rows if "figure_from_items_whole" in r["flags"]]
    assert [r["code"] for r in whole] == ["2", "4", "6"] and all(r["confidence"] < 0.8 for r in whole)
    assert [r["unit"] for r in whole] == ["nhiệm vụ", "người", "hồ sơ"]
    items = [r["value"] for r in rows if not r["code"]]
    assert items[:2] == [17.0, 2.0] and 12.0 in items and 91.0 in items and 510.0 in items
    # 1 and 7 read with their figure lost, and told; "82/598 hồ sơ" alone under 6 told, never
    # taken for 6's first item's cell (before, that item read 6 for 510)
    assert values["1"] is None and values["7"] is None
    told = " / ".join(u["text_sample"] for u in out["unread"] if u["kind"] == "rows")
    assert "tuyên truyền CCHC" in told and "kiểm tra CCHC" in told and "82/598" in told
    first = next(r for r in rows if r["indicator"].startswith("Giải quyết trước hạn"))
    assert first["value"] == 510.0


def test_a_breakdown_wrapped_behind_specks_and_a_comma_for_a_dot():
    out = result_to_json(convert_file(DATA / "inline-breakdown-specks-psm6.txt"))
    (annex,) = out["statistics"]
    rows = annex["rows"]
    assert len(rows) == 20
    assert _values(rows) == {"1": 18.0, "2": 115.0, "3": 445.0, "4": 21.0, "5": 26.0, "6": 6.0}
    # "~~ 4, SỐ nhiệm vụ …: 21 nhiệm vụ (trong đó: … đã hoàn" / "- thành: 20 nhiệm vụ; …" / ", ~ CCHC
    # năm đạt 95,24%). aoe": one numbered line, its breakdown's three parts
    at = next(k for k, r in enumerate(rows) if r["code"] == "4")
    assert [r["value"] for r in rows[at + 1 : at + 4]] == [20.0, 1.0, 95.24]
    at = next(k for k, r in enumerate(rows) if r["code"] == "2")
    assert [r["value"] for r in rows[at + 1 : at + 5]] == [91.0, 20.0, 4.0, 69.13]
    assert not any(u["kind"] == "rows" for u in out["unread"])


def test_a_lost_cell_needs_the_indicators_words_and_no_figure():
    assert lost_result("Số cuộc tuyên truyền CCHC oe") == "Số cuộc tuyên truyền CCHC"
    assert lost_result("SỐ hồ sơ TTHC đã giải quyết ưu e986 hose |") == "SỐ hồ sơ TTHC đã giải quyết"
    assert lost_result("Số văn bản đã ban hành 18 văn bản") is None  # a figure: a cell to read
    assert lost_result("Số hồ sơ (85,28%)") is None
    assert lost_result("Tổng a") is None  # a scrap, no row's name
