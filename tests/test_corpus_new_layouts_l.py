"""The twelfth batch of held-out layouts (tools/corpusgen/new_layouts_l.py, N50-N53): the DOCX and PDF
written carry every truth row as the layout prints it (an annex with a row per hamlet and a column per
indicator; a column of cited documents between the name and the points; "A." "I." "1." "a)" with the
maximum and the self points in one cell; a task's quarter and budget in one cell), read from the files
with python-docx and pdfplumber, never by the pipeline."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from tests.corpus_helpers import (
    assert_batch_pdfs_carry_truth,
    assert_pdfs_print_tasks,
    batch_corpus_fixture,
    cell_points,
    documents_of,
    docx_score_table,
    docx_tables,
    landscape_pdf,
    read_truth,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]

from corpusgen.grid import printed_code  # noqa: E402
from corpusgen.new_layouts_c import STOCK_UNITS  # noqa: E402
from corpusgen.new_layouts_l import (  # noqa: E402
    MAX_FIRST_HEADS,
    NEW_LAYOUT_FAMILIES_L,
    REFERENCE_HEADS,
    SELF_FIRST_HEADS,
    WHEN_BUDGET_BRACKET_HEADS,
    WHEN_BUDGET_HEADS,
)

NEW = tuple(NEW_LAYOUT_FAMILIES_L)


corpus = batch_corpus_fixture("newl", NEW, 8314)


def test_the_annex_has_a_row_per_hamlet_and_a_column_per_indicator(corpus):
    """N50: the annex's header names each truth indicator in a column of its own, "1.1. …" in
    order, its unit "(hồ sơ)" in the header row under it; a row per hamlet numbered 1, 2, …, and
    the commune's row (no number) last (odd instances) or first (even) holding the truth's values;
    a flow's hamlets add up to it, a stock's hamlet cells are blank, a share's are shares; the
    annex landscape."""
    documents = documents_of(corpus, "docx", "N50")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        stats = truth["statistics"][0]["rows"]
        table = [[c.strip() for c in row] for row in docx_tables(corpus / doc["path"])[-1]]
        head, units, body = table[0], table[1], table[2:]
        assert len(head) == 2 + len(stats), (where, head)
        hamlets = [x for x in body if x[0]]
        (whole,) = [x for x in body if not x[0]]
        assert [x[0] for x in hamlets] == [str(k) for k in range(1, len(hamlets) + 1)] and 4 <= len(hamlets) <= 6
        assert body.index(whole) == (0 if "total-first" in where else len(body) - 1), where
        for k, r in enumerate(stats, start=2):
            mark = r["code"].split(".")[-1] + ")" if r["code"][-1].isalpha() else r["code"] + "."
            assert head[k] == f"{mark} {r['indicator']}", (where, head[k])
            assert units[k] == (f"({r['unit']})" if r["unit"] else ""), (where, units[k])
            assert cell_points(whole[k]) == r["value"], (where, r["code"])
            each = [cell_points(x[k]) for x in hamlets]
            if r["value"] is None or (r["unit"] in STOCK_UNITS):
                assert each == [None] * len(hamlets), (where, r["code"])
            elif r["unit"] == "%":
                assert all(v is None or 0 <= v <= 100 for v in each), (where, r["code"])
            else:
                assert sum(v or 0.0 for v in each) == r["value"], (where, r["code"])
        assert landscape_pdf(corpus / doc["path"].replace(".docx", ".pdf")), where


CITED = r"(Kế hoạch|Báo cáo|Quyết định|Thông báo) số \d+/(KH|BC|QĐ|TB)-UBND ngày \d{1,2}/\d{1,2}/20\d\d"
BARE = r"\d+/(KH|BC|QĐ|TB)-UBND\n\d{1,2}/\d{1,2}/20\d\d"


def test_the_cited_documents_sit_between_the_name_and_the_points(corpus):
    """N51: "STT | name | <documents> | max | self"; each truth row a row (code, name) with its
    points in the last two columns; a leaf's documents cell the truth's explanation (its lines
    joined), a full citation "Kế hoạch số 12/KH-UBND ngày 15/01/2024" ("; " between two; odd
    instances) or the bare number over the date (even); a row made of others cites nothing."""
    documents = documents_of(corpus, "docx", "N51")
    assert len(documents) == 4
    cited = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        assert table[0][2] in REFERENCE_HEADS and "điểm" in table[0][3].lower(), (where, table[0])
        rows = table[1:]
        score = truth["score_tables"][0]
        parents = {r["parent"] for r in score["rows"]}
        pattern = BARE if "references-bare" in where else CITED
        for r in score["rows"]:
            (x,) = [x for x in rows if x[0] == printed_code(r["code"], "mixed") and x[1] == r["name"]]
            assert [cell_points(x[3]), cell_points(x[4])] == [r["max_points"], r["self_points"]], (where, x)
            assert " ".join(x[2].split("\n")) == (r["explanation"] or ""), (where, x)
            if r["code"] in parents:
                assert not x[2], (where, x)
            elif x[2]:
                parts = x[2].split("\n" if "bare" in where else "; ")
                joined = ["\n".join(parts[k : k + 2]) for k in range(0, len(parts), 2)] if "bare" in where else parts
                assert all(re.fullmatch(pattern, p) for p in joined), (where, x[2])
                cited += 1
    assert cited


def _bracketed(cell: str) -> tuple[float | None, float | None]:
    """The two figures of "3 (2,5)": the first and the bracketed one, "-" none."""
    m = re.fullmatch(r"(-|\d+(?:,\d+)?) \((-|\d+(?:,\d+)?)\)", cell)
    assert m, cell
    return tuple(None if v == "-" else float(v.replace(",", ".")) for v in m.groups())  # type: ignore[return-value]


def test_the_points_are_one_cell_under_mixed_numbering(corpus):
    """N52: a part heading "A. …" across the table under the header; each truth row's code printed
    "I.", "1.", "a)" (``printed_code`` "dot") beside its name; the maximum and the self points in
    one cell, "3 (2,5)" under a maximum-first header (odd instances) or "2,5 (3)" under a self-first
    one (even); the total row likewise."""
    documents = documents_of(corpus, "docx", "N52")
    assert len(documents) == 4
    lettered = 0
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        table = docx_score_table(corpus / doc["path"])
        max_first = "max-first" in where
        assert table[0][2] in (MAX_FIRST_HEADS if max_first else SELF_FIRST_HEADS), (where, table[0])
        assert table[1][0].startswith("A. ") and len(set(table[1])) == 1, (where, table[1])
        score = truth["score_tables"][0]
        for r in score["rows"]:
            (x,) = [x for x in table[2:] if x[0] == printed_code(r["code"], "dot") and x[1] == r["name"]]
            first, second = _bracketed(x[2])
            assert (first, second) == (
                (r["max_points"], r["self_points"]) if max_first else (r["self_points"], r["max_points"])
            ), (where, x)
            lettered += x[0].endswith(")")
        stated = (score["stated_total_max"], score["stated_total_self"])
        if stated[0] is not None:
            assert _bracketed(table[-1][2]) == (stated if max_first else stated[::-1]), where
    assert lettered


# N37's deadlines by quarters (new_layouts_h.quarter_deadline)
DEADLINE = "|".join(
    (
        r"Quý [IV]+((, [IV]+)*| - [IV]+)(/20\d\d| năm 20\d\d)?",
        r"Thường xuyên(, hằng quý)?",
        r"Hằng quý",
        r"Tháng 6 và tháng 12",
        r"Cả năm 20\d\d",
    )
)


def test_a_tasks_quarter_and_budget_share_a_cell(corpus):
    """N53: the appendix's task table "TT | task | product | when and budget | lead | coordinator";
    its task rows are the truth's tasks in order; the fourth cell starts with the truth's deadline, by
    quarters ("Quý II - III", "Quý I/2025") as N37's, then the budget: on a line of its own "Kinh
    phí: 15 triệu đồng" / "Kinh phí: Lồng ghép" (odd instances) or in brackets, "(15)" (even); the PDF
    carries every task's words, its lead and its deadline."""
    documents = documents_of(corpus, "docx", "N53")
    assert len(documents) == 4
    for doc in documents:
        truth, where = read_truth(corpus, doc), doc["path"]
        assert truth["split"] == "heldout" and truth["task_rows"] and truth["targets"]
        table = next(t for t in docx_tables(corpus / doc["path"]) if any("kinh phí" in c.lower() for c in t[0]))
        bracket = "bracketed" in where
        assert table[0][3] in (WHEN_BUDGET_BRACKET_HEADS if bracket else WHEN_BUDGET_HEADS), (where, table[0])
        tasks = [row for row in table[1:] if row[0].isdigit()]
        assert len(tasks) == len(truth["task_rows"]), where
        for t, row in zip(truth["task_rows"], tasks):
            assert [row[0], row[1], row[2], row[4], row[5]] == [
                t["code"],
                t["task"],
                t["product"],
                t["lead"],
                t["coordinator"],
            ]
            assert re.fullmatch(DEADLINE, t["deadline"]), (where, t)
            rest = row[3][len(t["deadline"]) :]
            assert row[3].startswith(t["deadline"]), (where, row)
            assert re.fullmatch(r" \(.+\)" if bracket else r"\nKinh phí: .+", rest), (where, row)
    assert_pdfs_print_tasks(corpus, "N53")


def test_every_truth_row_is_in_the_pdf(corpus):
    """Every score row's name and points, and every statistics row's indicator and figure, are in
    the PDF's text (pdfplumber's lines and cells)."""
    assert_batch_pdfs_carry_truth(corpus, ("N50", "N51", "N52"), figures=True)
