"""A lone digit a degraded grid left before a row's figure (issue 11): "Nguoi 7 20", "Phananh | 4
22" (seeds 801 and 941, ``--psm 4`` of a degraded page) read the speck as the figure and the figure
as a note, passing a wrong count as sure. An annex's notes column holds words, so a figure of two
digits or more after a lone digit is the row's figure; a figure followed by a speck ("87,5 1"), a
one-digit figure beside a ruling line read "11", or a lone digit with no figure after it keep their
reading. The dump is written by the test."""

from annex_dumps import ANNEX_DUMP_HEAD
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_cells import _cells
from extract.segment.stat_lines import StatLineSettings

ROWS = """1 | So van ban chi dao, dieu hanh CCHC da ban hanh | Van ban | 17
2 | Sé can bd, cong chifc cap xa | Nguoi 7 20
2.1 | S6 can bd, cong chic dat chuan | Nguoi | 19
2.2 | S6 can bd, cong chic chua dat chuan | Nguoi | 1
3 | S6 phan anh, kién nghi cia ca nhan, té chitc tiép nhan | Phan anh | 22
3.1 | S6 phan anh, kién nghi da xtvly ~ _ Phananh | 4 22
3.2 | S6 phan anh, kién nghi dang xir ly | Phan anh | 0
3.3 | Ty lé phan anh, kién nghj duoc xt ly % 100
"""


def test_a_lone_digit_before_the_figure_is_a_speck(tmp_path):
    dump = tmp_path / "annex-eng-psm4-degraded.txt"
    dump.write_text(ANNEX_DUMP_HEAD + ROWS, encoding="utf-8")
    out = result_to_json(convert_file(dump))
    rows = {r["code"]: r for r in out["statistics"][0]["rows"]}
    assert (rows["2"]["value"], rows["3.1"]["value"]) == (20, 22)
    assert rows["2"]["note"] == "" and rows["3.1"]["note"] == ""
    # the shares and sums hold with them: no fault told
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]


def test_a_figure_and_a_speck_after_it_keep_their_reading():
    s = StatLineSettings()
    assert _cells("2.3 | Ty le hoan thanh Ke hoach % 87,5 1", set(), s)[3] == "87,5"
    assert _cells("2.2 | So can bo chua dat chuan | Nguoi 3 11", set(), s)[3] == "3"
    assert _cells("2.2 | So can bo chua dat chuan | Nguoi | 3 |", set(), s)[3] == "3"
