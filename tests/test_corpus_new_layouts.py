"""The new held-out layouts (tools/corpusgen/new_layouts.py, N01-N05): made only when named, ranked
after every other family (no other family's documents move), their truth adds up but for its planted
faults, and the DOCX and PDF written carry every truth row's code, name and numbers as the layout
prints them (read from the files, not from the generator's data)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.corpus_helpers import (
    arithmetic_truth,
    make_corpus,
    manifest_documents,
    pdf_text,
    printed_numbers,
    read_truth,
    squash,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.check import planted, truth_problems  # noqa: E402
from corpusgen.new_layouts import NEW_LAYOUT_FAMILIES  # noqa: E402

from normalize.numbers import format_vn  # noqa: E402

NEW = tuple(NEW_LAYOUT_FAMILIES)


def test_new_layouts_are_made_only_when_named_and_rank_last():
    import make_corpus as mc

    whole, _ = mc.selected_families([])
    assert not set(NEW) & set(whole)
    assert not {"S14_scan_new_layouts", "D10_dump_new_layouts"} & set(whole)
    named, unknown = mc.selected_families(["N01", "N05", "S14"])
    assert named == ["N01_evidence_between_points", "N05_annex_two_periods", "S14_scan_new_layouts"]
    assert not unknown
    settled = [f for f in mc.FAMILIES if f not in mc.LATE_FAMILIES]
    assert max(mc.family_rank(f) for f in settled) < min(mc.family_rank(f) for f in NEW)
    assert set(NEW) <= set(mc.HELDOUT_FAMILIES)


@pytest.mark.parametrize("family", NEW)
def test_truth_adds_up_but_for_its_planted_faults(family):
    import make_corpus as mc

    for inst in mc.instances(family, mc.load_sets(), 4, seed=2183):
        built = mc.FAMILIES[family](inst)
        truth = arithmetic_truth(built)
        assert built.score_tables or built.statistics
        assert truth_problems(truth) == planted(truth)
        again = mc.FAMILIES[family](inst)  # deterministic per seed: the same instance, the same truth
        assert (again.document, again.score_tables, again.statistics) == (
            built.document,
            built.score_tables,
            built.statistics,
        )


def _docx_text(path: Path) -> str:
    import docx

    document = docx.Document(str(path))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def _printed_code(code: str) -> str:
    """A normalised code as a cell prints it, without its final dot: "3.1.a" is "a)", "II.1" is "1"."""
    last = code.split(".")[-1]
    if last.isalpha() and last.islower():
        return last + ")"
    return last if code.split(".")[0] in ("I", "II", "III", "IV", "V") and "." in code else code


def _docx_rows(path: Path) -> tuple[list[list[str]], list[str], dict[str, list[str]]]:
    """Every table row of the DOCX as its cells' texts, its paragraphs, and for each paragraph the
    last row of the table printed next after it (a field's heading: its table's "Cộng" row)."""
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    document = docx.Document(str(path))
    rows: list[list[str]] = []
    paragraphs: list[str] = []
    closing: dict[str, list[str]] = {}
    waiting: list[str] = []
    for block in document.element.body.iterchildren():
        if block.tag.endswith("}p"):
            paragraphs.append(Paragraph(block, document).text)
            waiting.append(paragraphs[-1])
        elif block.tag.endswith("}tbl"):
            table = [[c.text for c in row.cells] for row in Table(block, document).rows]
            rows += table
            closing.update({text: table[-1] for text in waiting if table})
            waiting = []
    return rows, paragraphs, closing


def _row_holding(rows: list[list[str]], name: str) -> list[str] | None:
    return next((r for r in rows if any(squash(c) == squash(name) for c in r)), None)


@pytest.fixture(scope="module")
def every_docx(tmp_path_factory) -> Path:
    """Every instance's DOCX (no PDF: no LibreOffice run), so both variants of each family are met."""
    return make_corpus(tmp_path_factory.mktemp("docx"), ",".join(f[:3] for f in NEW), "docx", quick=False, seed=2184)


def test_each_truth_row_is_one_printed_row_of_the_docx(every_docx):
    """In the DOCX a truth row is one table row: its code in a cell of its own (or, for a field
    printed as a heading over its table, the heading "<code>. <NAME>"), its name in another, and
    its numbers in that row's cells (a field under a heading: in its table's "Cộng" row)."""
    documents = manifest_documents(every_docx)
    assert len(documents) == 4 * len(NEW)
    for doc in documents:
        truth = read_truth(every_docx, doc)
        rows, paragraphs, closing = _docx_rows(every_docx / doc["path"])
        for table in truth["score_tables"]:
            for row in table["rows"]:
                code = _printed_code(row["code"])
                cells = _row_holding(rows, row["name"])
                if cells is None:  # the field as a heading; its points in the "Cộng" row under it
                    heading = f"{code}. {row['name']}"
                    assert heading in paragraphs, (doc["path"], row["code"])
                    cells = closing[heading]
                    assert "Cộng" in cells, (doc["path"], row["code"], cells)
                else:
                    assert code in [c.strip().rstrip(".") for c in cells], (doc["path"], row["code"], cells)
                for key in ("max_points", "self_points", "appraised_points"):
                    if row[key] is not None:
                        assert format_vn(row[key]) in printed_numbers(" ".join(cells)), (doc["path"], row["code"], key)
        for annex in truth["statistics"]:
            for row in annex["rows"]:
                cells = _row_holding(rows, row["indicator"])
                assert cells is not None, (doc["path"], row["indicator"])
                assert _printed_code(row["code"]) in [c.strip() for c in cells], (doc["path"], row["code"])
                if row["value"] is not None:
                    assert format_vn(row["value"]) in printed_numbers(" ".join(cells)), (doc["path"], row["code"])


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("new"), ",".join(f[:3] for f in NEW), "docx,pdf", seed=2183)


def test_every_truth_row_is_in_the_files(corpus):
    documents = manifest_documents(corpus)
    assert {d["family"] for d in documents} == set(NEW)
    assert {d["format"] for d in documents} == {"docx", "pdf"}
    for doc in documents:
        truth = read_truth(corpus, doc)
        assert truth["split"] == "heldout"
        path = corpus / doc["path"]
        text = _docx_text(path) if doc["format"] == "docx" else pdf_text(path)
        squashed, numbers = squash(text), printed_numbers(text)
        for table in truth["score_tables"]:
            for row in table["rows"]:
                assert squash(row["name"]) in squashed, (doc["path"], row["name"])
                assert _printed_code(row["code"]) in text, (doc["path"], row["code"])
                for key in ("max_points", "self_points", "appraised_points"):
                    if row[key] is not None:
                        assert format_vn(row[key]) in numbers, (doc["path"], row["code"], key)
                if row["explanation"]:
                    assert squash(row["explanation"]) in squashed, (doc["path"], row["code"])
            for total in (table["stated_total_max"], table["stated_total_self"]):
                if total is not None:
                    assert format_vn(total) in numbers
        for annex in truth["statistics"]:
            for row in annex["rows"]:
                assert squash(row["indicator"]) in squashed, (doc["path"], row["indicator"])
                if row["value"] is not None:
                    assert format_vn(row["value"]) in numbers, (doc["path"], row["code"])
        for key in ("title", "signer", "commune"):
            if truth["document"][key]:
                assert squash(truth["document"][key]) in squashed, (doc["path"], key)


def test_each_layout_is_in_the_file(corpus):
    """What makes each family new is really printed: the evidence column between the points, a
    header per field table, points with their unit, a sheet's numbered header or two decimals, and
    two periods side by side."""
    import docx

    seen = {}
    for doc in manifest_documents(corpus):
        if doc["format"] != "docx":
            continue
        document = docx.Document(str(corpus / doc["path"]))
        headers = [[c.text for c in t.rows[0].cells] for t in document.tables if len(t.rows) > 1]
        seen[doc["family"]] = (headers, _docx_text(corpus / doc["path"]))
    headers, _ = seen["N01_evidence_between_points"]
    labels = next(h for h in headers if any("kiểm chứng" in x for x in h))
    evidence = next(k for k, x in enumerate(labels) if "kiểm chứng" in x)
    assert any("điểm" in x.lower() for x in labels[:evidence])
    assert any("điểm" in x.lower() for x in labels[evidence + 1 :])
    headers, _ = seen["N02_table_per_field"]
    assert len([h for h in headers if h[0] in ("STT", "TT")]) >= 2  # a header per field's table
    _, text = seen["N03_points_with_units"]
    assert re.search(r"\d(?:,\d+)? ?(?:điểm|đ)\b", text)
    headers, text = seen["N04_spreadsheet_print"]
    assert "UBND XÃ" in text and "Số:" not in text  # the unit in the sheet, no number
    _, text = seen["N05_annex_two_periods"]
    assert re.search(r"[Cc]ùng kỳ|Năm \d{4}", text)
