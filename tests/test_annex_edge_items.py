"""Lettered items behind the grid's left edge on lines whose figures OCR smeared (issue 14, rows
lost in dumps): "Fa) | Gidiquyét…SS | S" then "Fb) | …" is a column of items, a) then b), whose
figures were lost, not two garbled code cells. Taken for garbled cells, the rows were coded by
their position as 2.2, 2.3, 2.4 (rows the form has not) and the share after them was moved to
2.5; 2.1.a, b, c were lost. A lone capital and letter before a bar, with no item beside it, stays
a garbled code cell, and so do items after which the numbering does not resume with the next
sibling of the row above them (the row they belong to was lost). Lines modelled on the eng psm 6
dumps of seeds 1901 and 2301 (d07-i1)."""

from pathlib import Path

from annex_dumps import annex_dump_result

HEAD = """1 | So sang kien, giai phap CCHC duoc cong nhan | Sang kien | 2
2 | Ket qua giai quyet ho so thu tuc hanh chinh | |
2.1 | So ho so TTHC da giai quyet | Ho so | 314
"""
ITEMS = """Fa) |GidiquyétinéchanSSSCS™~SCO SG |S
Fb) | GidiquyétdinghanSSS~S~S~sSCO S| OT
Fo |GidiquyétquahanSS~—~—~—CSSC |B
"""
TAIL = """2.2 | Ty le ho so giai quyet truoc han va dung han | % | 98,5
3 | So van ban chi dao, dieu hanh CCHC da ban hanh | Van ban | 26
"""


def _rows(tmp_path: Path, text: str) -> dict[str, dict]:
    return {r["code"]: r for r in annex_dump_result(tmp_path, text)["statistics"][0]["rows"]}


def test_items_in_order_behind_the_edge_are_items_whose_figures_were_lost(tmp_path):
    rows = _rows(tmp_path, HEAD + ITEMS + TAIL)
    assert list(rows) == ["1", "2", "2.1", "2.1.a", "2.1.b", "2.1.c", "2.2", "3"]
    for code in ("2.1.a", "2.1.b"):
        assert rows[code]["indicator"].startswith("Gidiquyét") and "code_inferred" not in rows[code]["flags"]
        assert rows[code]["value"] is None and "missing_value" in rows[code]["flags"]
    assert "code_inferred" in rows["2.1.c"]["flags"]  # "Fo": its letter not read, its place says c
    assert rows["2.2"]["value"] == 98.5 and "code_repaired" not in rows["2.2"]["flags"]


def test_a_lone_capital_and_letter_before_a_bar_stays_a_garbled_code_cell(tmp_path):
    lone = "Fa) |GidiquyétinéchanSSSCS™~SCO SG |S\n"
    rows = _rows(tmp_path, HEAD + lone + TAIL)
    assert not [code for code in rows if code.endswith(".a")]


def test_items_after_which_the_numbering_resumes_elsewhere_are_not_the_rows_breakdown(tmp_path):
    # "2.1 … 314", a), b), c), then "3": the row the items belong to (2.2, say) was lost with its
    # code; the items are not put under 2.1's siblings' numbering by their letters
    rows = _rows(tmp_path, HEAD + ITEMS + TAIL.replace("2.2 | Ty le", "3.5 | Ty le", 1))
    assert not [code for code in rows if code.endswith((".a", ".b"))]
