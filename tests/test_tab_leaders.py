"""A score table typed as tab-aligned lines with no table (N24_tab_aligned): the dots variant's
leaders ("Kế hoạch CCHC năm..........5") and names broken by hand, their figures after the
name's last line, read from the generator's DOCX and its LibreOffice PDF."""

from __future__ import annotations

import pdfplumber
import pytest

from extract.pdf_leaders import LEADER, leader_pieces, split_leaders
from tests.corpus_helpers import converted_corpus


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    out = tmp_path_factory.mktemp("tabdots")
    return out, converted_corpus(out, "N24", 2521, formats="docx,pdf")


def _rows(table_rows: list[dict]) -> list[tuple]:
    return [(r["code"].rstrip("."), r["max_points"], r["self_points"]) for r in table_rows]


def test_every_row_of_a_dotted_tab_table_is_read_with_its_figures(converted):
    _, docs = converted
    dotted = [(doc, truth, out) for doc, truth, out in docs if "dots" in doc["path"]]
    assert {doc["path"].rsplit(".", 1)[1] for doc, _, _ in dotted} == {"docx", "pdf"}
    for doc, truth, out in dotted:
        want = _rows([r for t in truth["score_tables"] for r in t["rows"]])
        got = _rows([r for t in out["score_tables"] for r in t["rows"]])
        assert got == want, doc["path"]
        # a name broken by hand over lines is one row's, whole, its leader gone
        names = [r["name"] for t in out["score_tables"] for r in t["rows"]]
        assert names == [r["name"] for t in truth["score_tables"] for r in t["rows"]], doc["path"]


def test_the_text_layer_keeps_no_leader_and_no_figure_glued_to_a_name(converted):
    out, docs = converted
    pdf = next(doc for doc, _, _ in docs if doc["path"].endswith("dots.pdf"))
    with pdfplumber.open(out / pdf["path"]) as opened:
        raw = opened.pages[0].extract_words(return_chars=True)
    assert any(LEADER.search(w["text"]) for w in raw)  # the leaders print, glued to the names
    words = split_leaders(raw)
    assert not any(LEADER.search(w["text"]) for w in words)
    # each figure a word of its own, right of the name it followed
    glued = [w for w in raw if LEADER.search(w["text"]) and w["text"][-1].isdigit()]
    assert glued
    for w in glued:
        tail = w["text"][leader_pieces(w["text"])[-1][0] :]
        assert any(p["text"] == tail and p["x0"] > w["x0"] + 100 for p in words)


def test_a_row_of_dots_alone_is_dropped_and_a_rule_of_underscores_kept():
    assert leader_pieces("………") == [] and leader_pieces("năm......5") == [(0, 3), (9, 10)]
    assert leader_pieces("v.v...") == [(0, 6)]  # an ellipsis in running text is no leader
