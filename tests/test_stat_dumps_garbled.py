"""Statistics annexes of degraded OCR dumps whose rows the line reader used to lose (issue 11): a
table whose figures OCR smeared but whose units it read, a code set on a line of its own, a code
cell garbled before the cell's edge, and the cells of a sparse-text dump told by their units.
The dumps are small hand-made ones (tests/data/dumps_stats_garbled/README.md)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import not_read
from extract.segment.stat_cells import CODE, FIGURE, NUMBER, TEXT, UNIT, WRAP, one_cell_per_line
from extract.segment.stat_line_cells import _cell_kind

DUMPS = Path(__file__).parent / "data" / "dumps_stats_garbled"


def _rows(name: str) -> dict[str, dict]:
    out = result_to_json(convert_file(DUMPS / name))
    assert len(out["statistics"]) == 1
    return {r["code"]: r for r in out["statistics"][0]["rows"]}


def test_annex_whose_figures_ocr_smeared_beside_read_units_is_read():
    # Half the figures are specks ("Người òa", "e3s.", "uế") or gone, under a header OCR garbled:
    # the rows whose unit was read still say their columns were, so the annex is read (it was
    # told unread as a whole), each lost figure told (missing_value) and doubted.
    rows = _rows("annex-psm4-smeared-figures.txt")
    assert rows["1"]["value"] == 14 and rows["2.3"]["value"] == 85.71 and rows["4"]["value"] == 40
    assert not_read(rows["3"]) and "missing_value" in rows["3"]["flags"] and rows["3"]["unit"] == "Người"
    assert rows["3.1"]["value"] == 23  # "23°": the degree sign is a speck of the grid
    # "4.1" alone on its line: the next line is its row, not a row of its own under 4.2.
    assert rows["4.1"]["indicator"].startswith("Số nhiệm vụ đã hoàn thành") and rows["4.1"]["source"]["line_start"]
    assert rows["4.2"]["indicator"].startswith("Số nhiệm vụ chưa hoàn thành")
    # "S6 văn bản … Văn bản": "S6" opens a row as "Số" does; its unit is read, its figure lost.
    assert rows["5"]["unit"] == "Văn bản" and "missing_value" in rows["5"]["flags"]
    # "6 Cuộc lhc" / "Số cuộc kiểm tra …": the code and unit on one line, the figure smeared, the
    # indicator on the next line: one row, not a row of specks and a row whose code is lost.
    assert rows["6"]["indicator"] == "Số cuộc kiểm tra CCHC đã thực hiện" and rows["6"]["unit"] == "Cuộc"
    assert "missing_value" in rows["6"]["flags"] and "7" not in rows
    assert all(r["confidence"] < 0.8 for r in rows.values() if r["value"] is None)


def test_rows_whose_code_cell_ocr_garbled_before_its_edge_are_kept():
    # "Sử [Sohoso…" and "0) [Giaiquyet…": a code cell OCR garbled, its right edge read as a
    # bracket, the unit and figure smeared. Each is a row (its code inferred from the column), so
    # the items after it keep their place: a), b), c) under 3.1, not under 3.
    rows = _rows("annex-psm6-garbled-codes.txt")
    assert list(rows) == ["1", "2", "2.1", "2.2", "3", "3.1", "3.1.a", "3.1.b", "3.1.c", "4"]
    assert "code_inferred" in rows["3.1"]["flags"] and rows["3.1"]["value"] is None
    assert rows["3.1.a"]["value"] == 180 and rows["3.1.c"]["value"] == 5
    assert rows["3.1.b"]["value"] is None and "missing_value" in rows["3.1.b"]["flags"]
    # a blank is doubted but the heading's ("Ket qua giai quyet …" prints no figure)
    assert all(r["confidence"] < 0.8 for c, r in rows.items() if r["value"] is None and c != "3")
    assert rows["3"]["value"] is None and rows["3"]["confidence"] > 0.8


def test_a_lone_acronym_is_wrapped_words_and_short_capitals_are_not():
    assert _cell_kind("CCHC", set()) == WRAP  # "Số cuộc tuyên truyền" / "CCHC"
    assert _cell_kind("UBND", set()) == WRAP
    assert _cell_kind("DL", set()) == TEXT  # a garbled code ("DL" for 5.1), left to the rejoin
    assert _cell_kind("Số cuộc tuyên truyền", set()) == TEXT


def test_units_alone_on_their_lines_tell_cells_printed_one_per_line():
    # A degraded sparse-text dump loses lone codes and figures to specks, never a row's unit cell.
    kinds = [NUMBER, TEXT, WRAP, UNIT, NUMBER, TEXT, UNIT, FIGURE, TEXT, TEXT, UNIT, TEXT, TEXT, UNIT, CODE, TEXT]
    assert one_cell_per_line(kinds, row_lines=0)
    assert not one_cell_per_line([TEXT] * 12 + [UNIT] * 4, row_lines=10)  # rows on one line each


def test_garbled_code_rows_that_would_leave_the_annex_unsound_are_told_not_kept():
    # Four garbled code cells ("Fa) | Gidiquyettruochan—SS…", "S [Eeggg…") among five rows read:
    # kept as rows with no figure they outnumber the figures read and the annex, judged not sound,
    # was dropped whole (told unread, every figure lost). Cut again without them, the five rows are
    # read and the garbled lines told lost.
    out = result_to_json(convert_file(DUMPS / "annex-psm6-mostly-garbled-codes.txt"))
    (annex,) = out["statistics"]
    assert [(r["code"], r["value"]) for r in annex["rows"]] == [
        ("1", 4.0),
        ("2", 30.0),
        ("2.1", 27.0),
        ("2.2", 3.0),
        ("4", 12.0),
    ]
    (told,) = [u for u in out["unread"] if "line(s) of the statistics annex" in u["reason"]]
    assert "Gidiquyet" in told["text_sample"]
