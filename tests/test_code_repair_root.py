"""A column's first row printing digits that read as no code in reach: the row above the code
printed just below it is that code's sibling before ("3.1" over "3.2"), not a guess from the
root ("2"), which told a false "numbering starts at 3.2" (normalize/code_repair._sibling_before)."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from normalize.code_repair import oversized_rows, parent_rows, repair_codes
from normalize.codes import CodeSettings

DATA = Path(__file__).parent / "data" / "unread70"

# A crop of seed 15001's S18 scan of N25 (s18-i5-n25-i5-fields-then-details-headings.pdf, page 2:
# the details of field 3, printed under their own heading). Tesseract reads 3.1's code "341". The
# generator's truth: code, max points, self points.
TRUTH = [
    ("3.1", 3.0, 3.0),
    ("3.2", 8.0, 7.5),
    ("3.2.1", 5.0, 5.0),
    ("3.2.2", 1.5, 1.25),
    ("3.2.3", 1.5, 1.25),
    ("3.3", 3.0, 3.0),
    ("3.4", 4.0, 3.0),
]


def test_first_row_of_a_scanned_column_is_the_sibling_before_the_next_printed_code():
    out = result_to_json(convert_file(DATA / "s15001-s18-i5-n25-details-3x-crop.jpg"))
    got = [(r["code"], r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]]
    assert got == TRUTH
    # nothing before 3.2 went unread: only field 3's own row, which the crop leaves out, is told
    reasons = [u["reason"] for u in out["unread"]]
    assert not any("numbering starts" in r for r in reasons), reasons


def test_the_column_read_from_its_tokens_alone():
    tokens = ["341", "3.2", "3.2.1", "3.2.2", "3.2.3", "3.3", "3.4"]  # the crop's OCR tokens
    maxima = [max_points for _, max_points, _ in TRUTH]
    choices = repair_codes(
        tokens,
        [False] * len(tokens),
        CodeSettings(items_mark_parts=True),
        parent_rows(maxima),
        oversized_rows([(m, m) for m in maxima]),
    )
    assert [".".join(map(str, c.code.path)) for c in choices if c.code] == [code for code, _, _ in TRUTH]
    assert choices[0].repaired and not choices[0].inferred  # its digits read, one of them a dot
    # a row printing no digits is not given the sibling: its code stays a guess from the column
    blank = repair_codes([None, "3.2", "3.3"])
    assert blank[0].inferred


def test_digits_that_do_not_print_the_sibling_keep_their_own_code():
    """ "22" over "3.2" prints neither a 3 nor a 1: it is 2.2 read as printed (a form's row whose
    next row, 3.1, OCR lost; test_stat_dumps_garbled_cells), not the sibling before 3.2."""
    choices = repair_codes(["22", "32", "33", "44", "5"])
    assert ".".join(map(str, choices[0].code.path)) == "2.2"
