"""A borderless table's last row printed alone at the top of the next page: the page before's
columns are carried to it (extract/carried_columns.py) and one row under them is a table's row
(extract/pdf_unruled.py), so the row is read and its parent's sums hold."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import make_corpus, manifest_documents, read_truth
from extract.base import ingest
from extract.carried_columns import CarriedColumns, carried_from
from extract.model import Cell, Page, Table


def test_columns_are_carried_to_a_page_read_the_same_way_in_its_own_coordinates():
    carried = CarriedColumns([100.0, 200.0, 900.0], "ocr-text", 1000.0, 1414.0)
    assert carried.on(1000.0, 1414.0, "ocr-text") == [100.0, 200.0, 900.0]
    # the next sheet scanned at another size: the same paper, its columns in its own pixels
    assert carried.on(800.0, 1131.2, "ocr-text") == [80.0, 160.0, 720.0]
    # a text layer's points are not a scan's pixels
    assert carried.on(1000.0, 1414.0, "pdf-text") == []


def test_only_a_borderless_table_ending_the_page_is_carried():
    table = Table(page=1, cells=[Cell(row=0, col=0, text="1.")], n_rows=1, n_cols=3, source="pdf-text")
    table.col_edges = [50.0, 90.0, 400.0, 500.0]
    page = Page(number=1, width=595.0, height=842.0, method="pdf-text", blocks=[table])
    carried = carried_from(page)
    assert carried is not None and carried.edges == [50.0, 90.0, 400.0, 500.0]
    ruled = Table(page=1, cells=table.cells, n_rows=1, n_cols=3, source="pdf-grid", col_edges=table.col_edges)
    assert carried_from(Page(number=1, width=595.0, height=842.0, method="pdf-text", blocks=[ruled])) is None


def test_a_lone_last_row_on_the_next_page_is_read(tmp_path: Path):
    """Tab-aligned score lines typed as a PDF: long tables run over pages, and where a page holds
    only a table's last row (the signature block under it) the row is read as the table's."""
    corpus = make_corpus(tmp_path / "c", "N24", formats="pdf", quick=False, seed=2641)
    lone = 0
    for doc in manifest_documents(corpus):
        path = corpus / doc["path"]
        pages = ingest(path).pages
        # a page after the first opening with a table of one or two rows
        lone += sum(1 for p in pages[1:] if p.blocks and isinstance(p.blocks[0], Table) and p.blocks[0].n_rows <= 2)
        truth = read_truth(corpus, doc)
        out = result_to_json(convert_file(path, doc["path"]))
        want = {r["code"] for t in truth["score_tables"] for r in t["rows"]}
        got = {r["code"] for t in out["score_tables"] for r in t["rows"]}
        assert want <= got, (doc["path"], sorted(want - got))
    assert lone  # the case is met: a row alone on its page


def test_a_lone_last_row_with_blank_columns_opens_the_carried_table(tmp_path: Path):
    """The carried row may leave columns blank (a criterion scored by survey has no self points:
    "8.4 | Sự hài lòng … | 5"), so its lines show two chunks, fewer than a table's: it still opens
    the page's first table under the carried columns, and its parent's sum raises no false alarm."""
    corpus = make_corpus(tmp_path / "c", "N24", formats="pdf", quick=False, seed=3221)
    blank_lone = 0
    for doc in manifest_documents(corpus):
        path = corpus / doc["path"]
        for p in ingest(path).pages[1:]:
            first = p.blocks[0] if p.blocks else None
            if isinstance(first, Table) and first.n_rows <= 2 and first.n_cols > len({c.col for c in first.cells}):
                blank_lone += 1
        truth = read_truth(corpus, doc)
        out = result_to_json(convert_file(path, doc["path"]))
        want = {r["code"] for t in truth["score_tables"] for r in t["rows"]}
        got = {r["code"] for t in out["score_tables"] for r in t["rows"]}
        assert want <= got, (doc["path"], sorted(want - got))
        faulted = {f["code"] for f in truth.get("faults", [])}
        alarms = [c for c in out["checks"] if c["status"] == "mismatch" and c.get("code") not in faulted]
        assert alarms == [], (doc["path"], alarms)
    assert blank_lone  # the case is met: a lone row with a blank column
