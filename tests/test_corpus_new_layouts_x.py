"""The twenty-fourth batch of held-out layouts (tools/corpusgen/new_layouts_x.py, N98-N101): the DOCX
and PDF written carry every truth row as the layout prints it (the score table as two tables under
headings; months in rows and fields in columns; the appraisal column partly filled; procedures under
field bands), read from the files with python-docx and pdfplumber, never by the pipeline. The first
batch whose codes run to three digits ("N100"): every place that takes a family's code takes the whole
of it."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_tables,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.common import Instance, family_code  # noqa: E402
from corpusgen.new_layouts_x import NEW_LAYOUT_FAMILIES_X  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES_X)


def test_three_digit_codes_are_whole_codes():
    """ "N100" is no "N10": its code, its documents' stems, the families a name selects and the
    order of ranks tell them apart (the first three letters of "N100_…" are N10's)."""
    import make_corpus as mc

    assert family_code("N100_appraised_partly") == "N100" and family_code("S39_scan_new_layouts_x") == "S39"
    ten = next(f for f in mc.FAMILIES if family_code(f) == "N10")
    stem = Instance("N100_appraised_partly", 1, None, False).name  # type: ignore[arg-type]
    assert stem == "n100-i1" != Instance(ten, 1, None, False).name  # type: ignore[arg-type]
    assert mc.selected_families(["N10"])[0] == [ten]
    assert mc.selected_families(["N100", "N101"])[0] == ["N100_appraised_partly", "N101_annex_field_bands"]
    ranks = [mc.family_rank(f) for f in ("N97_self_with_rate", *NEW)]
    assert ranks == sorted(ranks) and len(set(ranks)) == len(ranks)
    # the benchmarks' tables list them by the code's number, as the two-digit codes sorted
    from benchmarks.family_order import family_order

    paths = ["N101_annex_field_bands/n101-i1.pdf", "N100_appraised_partly/n100-i1.pdf", f"{ten}/n10-i1.pdf"]
    paths += ["N99_annex_months_rows/n99-i1.pdf", "D02_dump_appraised_column/d02-i1.txt", "N09_x/n09-i2.pdf"]
    assert sorted(paths, key=family_order) == [paths[k] for k in (4, 5, 2, 3, 1, 0)]
    # every code of three digits left out (N100 and after: later batches add more, N102-N105)
    two_digit = [f for f in mc.FAMILIES if len(family_code(f)) <= 3]
    assert sorted(two_digit, key=family_order) == sorted(two_digit)


corpus = batch_corpus_fixture("newx", NEW, 0)


def _stripped(table: list[list[str]]) -> list[list[str]]:
    return [[c.strip() for c in row] for row in table]


def _widest(path: Path) -> list[list[str]]:
    """The DOCX's table with the most rows (the score table or the annex), cells stripped."""
    return _stripped(max(docx_tables(path), key=len))


def _figures(row: list[str]) -> list[float | None]:
    return [cell_points(c) for c in row]


def _body(rows: list[list[str]]) -> list[list[str]]:
    """The score rows of a table: those with a code (the header's "STT" and a total row have none
    that is a criterion's)."""
    return [x for x in rows if x[0] and x[0] not in ("STT", "TT")]


def test_the_score_table_is_two_tables_under_their_headings(corpus):
    """N98: two tables with the same five columns, together the truth's rows in order with their
    points; the second opens on the header again (odd instances) or straight on a row (even); each
    under a bold heading naming the first row of the level it was cut at."""
    import docx

    documents = documents_of(corpus, "docx", "N98_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        tables = [_stripped(t) for t in docx_tables(corpus / doc["path"])]
        parts = [t for t in tables if len(t[0]) == 5]
        assert len(parts) == 2, where
        again = "header-again" in where
        assert (parts[1][0] == parts[0][0]) == again, (where, parts[1][0])
        rows = truth["score_tables"][0]["rows"]
        body = _body(parts[0]) + _body(parts[1])
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["name"], (where, x)
            assert (cell_points(x[2]), cell_points(x[3])) == (r["max_points"], r["self_points"]), (where, x)
        paragraphs = [p.text for p in docx.Document(str(corpus / doc["path"])).paragraphs if p.text.strip()]
        second = _body(parts[1])[0][0].rstrip(".")
        assert any(second in p and p.split(" ")[0] in ("Phần", "B.", "II.") for p in paragraphs), (where, second)


def test_months_in_rows_add_up_to_the_six_months_row(corpus):
    """N99: six month rows and the six months' row last; a column per field, then the total, on
    time, late and the share; the last row's figures the truth's in print order, each the months'
    sum (the share aside), and in every row the fields add up to the total."""
    documents = documents_of(corpus, "docx", "N99_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        values = [r["value"] for r in truth["statistics"][0]["rows"]]
        fields = len(values) - 4
        assert [r["indicator"] for r in truth["statistics"][0]["rows"][:fields]] == table[1][2 : 2 + fields], where
        months, whole = table[2:8], table[8]
        assert [m[0] for m in months] == ["1", "2", "3", "4", "5", "6"] and whole[0] == "", where
        assert _figures(whole[2:]) == values, (where, whole)
        for k in range(fields + 3):
            assert sum(_figures(m[2:])[k] or 0.0 for m in months) == values[k], (where, k)
        for m in months:
            f = _figures(m[2:])
            assert sum(f[:fields]) == f[fields] == f[fields + 1] + f[fields + 2], (where, m)


def test_the_appraisal_column_is_filled_where_the_truth_has_it(corpus):
    """N100: six columns, the fifth the appraisal; it prints the truth's appraised points on every
    field and is blank where the truth has none; leaves printed only where they differ from the
    self points (odd instances) or never (even)."""
    documents = documents_of(corpus, "docx", "N100_")
    assert len(documents) == 4
    blanks = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        assert len(table[0]) == 6, (where, table[0])
        rows = truth["score_tables"][0]["rows"]
        parents = {r["parent"] for r in rows}
        body = [x for x in table[1:] if x[0]]
        assert len(body) == len(rows), where
        for r, x in zip(rows, body):
            assert x[1] == r["name"] and cell_points(x[4]) == r["appraised_points"], (where, x)
            if r["parent"] is None:
                assert r["appraised_points"] is not None or r["self_points"] is None, (where, x)
            elif r["appraised_points"] is not None:
                assert "changed" in where and r["code"] not in parents, (where, x)
                assert r["appraised_points"] != r["self_points"], (where, x)
            else:
                blanks += 1
    assert blanks >= 4


def test_procedures_under_field_bands_add_up_to_the_total_row(corpus):
    """N101: a band per field across the table (one cell, odd instances; its numeral in the STT
    cell, even) over its procedures, numbered on across the bands; the total row last, its figures
    the truth's and each count the procedures' sum."""
    documents = documents_of(corpus, "docx", "N101_")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = _widest(corpus / doc["path"])
        numbered = "numbered" in where
        bands = [x for x in table[1:-1] if len(set(x[1:])) == 1 and not x[1][:1].isdigit() and not x[2][:1].isdigit()]
        assert len(bands) >= 3, where
        assert all((b[0] in ("I", "II", "III", "IV")) == numbered for b in bands), (where, bands)
        procedures = [x for x in table[1:-1] if x not in bands]
        assert [p[0] for p in procedures] == [str(k) for k in range(1, len(procedures) + 1)], where
        total = table[-1]
        values = [r["value"] for r in truth["statistics"][0]["rows"]]
        assert total[0] == "" and _figures(total[2:7]) == values, (where, total)
        for k in range(4):
            assert sum(_figures(p[2:6])[k] or 0.0 for p in procedures) == values[k], (where, k)


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N98", "N99", "N100", "N101"), figures=True)
