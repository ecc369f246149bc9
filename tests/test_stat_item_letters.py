"""Lettered items of a statistics annex on OCR'd pages (extract/segment/stat_item_letters.py; issue
11): the form prints a bare letter ("a", "b") in the code column under a coded row. On a scan the
code cell reads "a" with no mark, on a dump the letter opens the row's line ("b S6 TTHC …"). Before,
the letter was glued to the name and the items numbered as invented siblings (2.2, 2.3, 2.4), the
printed 2.2 pushed to 2.5 with its share read against the wrong rows."""

from pathlib import Path

from annex_dumps import ANNEX_DUMP_HEAD, read_annex_dump
from extract.segment.stat_item_letters import bare_letter, follows_items, opens_with_lone_letter

# Tesseract's ``eng`` reading of such an annex (a probe dump of the items-letters layout).
ROWS = """1 S6 van ban chi dao, diéu hanh CCHC da ban hanh Van ban 27
2 Cong khai thu tuc hanh chinh
2.1 | T6ng so tha tuc hanh chinh thuéc tham quyén giai Thu tuc 133
quyét cua UBND xa
a S6 TTHC cung cap dich vu c6ng truc tuyén toan trinh Thu tuc 78
b S6 TTHC cung cap dich vu c6ng truc tuyén mét phan Thu tuc 53
c S6 TTHC chi cung cap thong tin Thu tuc 2
2.2 | Ty lé TTHC cung cap dich vu cong truc tuyén toan % 53,65
trinh
3 Két qua giai quyét ho so thu tuc hanh chinh
3.1 | S6 hd so TTHC da giai quyét Ho so 316
a Gidi quyét trvdéc han H6 so 262
b Giai quyét dung han H6 so 48
c Giai quyét qua han H6 so 6
3.2 | Ty lého so giai quyét truéc han va dung han % 98,1
4 S6 cudc kiém tra CCHC da thuc hién Cudéc 1
"""


def test_a_dumps_lone_letters_are_the_items_of_the_coded_row_above(tmp_path: Path) -> None:
    rows = read_annex_dump(tmp_path, ANNEX_DUMP_HEAD + ROWS, "annex-eng-psm4.txt")
    assert [c for c in rows if c.startswith(("2", "3"))] == [
        "2", "2.1", "2.1.a", "2.1.b", "2.1.c", "2.2", "3", "3.1", "3.1.a", "3.1.b", "3.1.c", "3.2",
    ]  # fmt: skip
    # The letter is the code, not the name's first word; the figures stay on their rows.
    assert not rows["2.1.b"]["indicator"].startswith("b ")
    assert (rows["2.1.b"]["value"], rows["3.1.c"]["value"]) == (53, 6)
    # The shares keep their printed codes and figures.
    assert (rows["2.2"]["value"], rows["3.2"]["value"]) == (53.65, 98.1)


def test_a_letter_is_an_item_only_where_the_letters_run_as_items_do() -> None:
    assert bare_letter("b") == "b" and bare_letter("B") is None and bare_letter("ab") is None
    assert bare_letter("l") is None  # OCR's letter for the digit 1, never an item read
    assert follows_items("a", "2.1", above_coded=True)
    assert not follows_items("a", None, above_coded=False)
    assert follows_items("b", "a)", above_coded=False) and not follows_items("c", "a)", above_coded=False)
    assert not follows_items("i", "3", above_coded=True)  # a lone "i" under a code: a garbled 1, not an item


def test_a_line_opens_with_a_lone_letter_before_a_capital_only() -> None:
    assert opens_with_lone_letter(["b", "S6", "TTHC"]) == "b"
    assert opens_with_lone_letter(["c", "Giải", "quyết"]) == "c"
    assert opens_with_lone_letter(["a", "và", "b"]) is None  # words of a name wrapped onto the line
    assert opens_with_lone_letter(["a"]) is None
