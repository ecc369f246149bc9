"""A figure whose cell's right rule OCR read as a brace, as a real Tesseract 5 dump gives it
(``annex70/d13001-n22-thousands-comma-psm6.txt``: the D14 dump of seed 13001's N22 annex, ``vie``,
``--psm 6``):

    22 | Söhồ sơtiếp nhận trực tiếp và quabưuchính — ] THồsø | — 261} — —|
    3.2 | Số phản ánh, kiến nghị đang xử ý ————— | Phnáh | — 5} — |

"261}" and "5}" were no figures, so the rows' barred cells gave none, and the rows were left
blank. A brace is the grid's rule as the square bracket is ("360]"), a speck of the cell: the
figure is what it leaves. The values asserted are the generator's truth."""

from __future__ import annotations

from annex69_data import truth_values
from annex70_data import DATA, converted_annex

DUMP = DATA / "d13001-n22-thousands-comma-psm6.txt"


def test_a_brace_beside_a_figure_is_a_speck_of_its_cell():
    values = truth_values(DUMP)
    _, rows = converted_annex(DUMP)
    assert (values["2.2"], values["3.2"]) == (261.0, 5.0)
    assert (rows["2.2"]["value"], rows["3.2"]["value"]) == (values["2.2"], values["3.2"])
