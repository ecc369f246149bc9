"""The corpus generator (tools/make_corpus.py): real files that open, truth that adds up except where
a fault is planted, and every planted fault listed (tools/CORPUS.md)."""

import itertools
import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = "F01,F08,F12,F13,F14"
EPS = 1e-6

needs_writer = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Writer not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    subprocess.run([sys.executable, str(ROOT / "tools" / "make_corpus.py"), "--quick", "--families", FAMILIES,
                    "--out", str(out)], check=True, cwd=ROOT, timeout=600)
    if not list(out.glob("*/*.pdf")):
        pytest.skip("LibreOffice made no PDF (Writer missing or broken)")
    return out


def _documents(corpus: Path) -> list[dict]:
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]


def _truth(corpus: Path, doc: dict) -> dict:
    return json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))


def score_problems(table: dict) -> set[tuple[str, str | None, str]]:
    """(kind, code, field) of every inconsistency in a score table's truth."""
    rows = table["rows"]
    out = set()
    for parent in rows:
        kids = [r for r in rows if r["parent"] == parent["code"]]
        if not kids:
            continue
        if abs(sum(k["max_points"] for k in kids) - parent["max_points"]) > EPS:
            out.add(("parent_max_sum", parent["code"], "max_points"))
        selfs = [k["self_points"] for k in kids if k["self_points"] is not None]
        if parent["self_points"] is None:
            assert not selfs, f"{parent['code']}: blank parent over children with points"
        elif abs(sum(selfs) - parent["self_points"]) > EPS:
            out.add(("parent_self_sum", parent["code"], "self_points"))
    for r in rows:
        if r["self_points"] is not None and r["self_points"] > r["max_points"] + EPS:
            out.add(("self_gt_max", r["code"], "self_points"))
    tops = [r for r in rows if r["parent"] is None]
    if table["stated_total_max"] is not None and abs(sum(r["max_points"] for r in tops)
                                                     - table["stated_total_max"]) > EPS:
        out.add(("total_sum", None, "max_points"))
    return out


def ratio_adds_up(rows: list[dict], ratio: dict) -> bool:
    """A ratio row (unit %) is some of its counts over their total: the total is its parent, or a
    sibling count whose breakdown items are the parts."""
    parent_of = {r["code"]: r["code"].rsplit(".", 1)[0] for r in rows}
    by_code = {r["code"]: r for r in rows}
    siblings = [r for r in rows if parent_of[r["code"]] == parent_of[ratio["code"]] and r is not ratio
                and r["unit"] != "%" and r["value"] is not None]
    options = []
    parent = by_code.get(parent_of[ratio["code"]])
    if parent and parent["value"]:
        options.append((parent["value"], [r["value"] for r in siblings]))
    for s in siblings:
        items = [r["value"] for r in rows if parent_of[r["code"]] == s["code"] and r["code"] != s["code"]]
        if items and s["value"]:
            options.append((s["value"], items))
    return any(abs(100 * sum(combo) / total - ratio["value"]) < 0.006
               for total, parts in options for k in range(1, len(parts) + 1)
               for combo in itertools.combinations(parts, k))


@needs_writer
def test_files_open_and_truth_is_complete(corpus):
    import docx
    import pdfplumber

    docs = _documents(corpus)
    assert {d["family"].split("_")[0] for d in docs} == set(FAMILIES.split(","))
    assert {d["format"] for d in docs} >= {"docx", "pdf", "md", "tsv", "txt"}
    for d in docs:
        path = corpus / d["path"]
        truth = _truth(corpus, d)
        assert truth["split"] == d["split"] and truth["faults"].__len__() == d["faults"]
        if d["format"] == "docx":
            assert docx.Document(str(path)).paragraphs
        elif d["format"] == "pdf":
            with pdfplumber.open(path) as pdf:
                text = "".join(page.extract_text() or "" for page in pdf.pages)
            # the document prints its own number and commune (truth written from the same data)
            assert truth["document"]["number"].split("/")[1] in text
            assert truth["document"]["commune"] in text
        else:
            assert path.read_text(encoding="utf-8").strip()


@needs_writer
def test_truth_adds_up_except_planted_faults(corpus):
    planted_any = 0
    for d in _documents(corpus):
        truth = _truth(corpus, d)
        planted = {(f["kind"], f["code"], f["field"]) for f in truth["faults"]}
        planted_any += len(planted)
        found = set()
        for table in truth["score_tables"]:
            found |= score_problems(table)
        for count in truth["counts"]:
            if sum(count["parts"]) != count["total"]:
                found.add(("count_sum", None, "value"))
        for annex in truth["statistics"]:
            for row in annex["rows"]:
                if row["unit"] == "%" and not ratio_adds_up(annex["rows"], row):
                    found.add(("ratio", row["code"], "value"))
        assert found == planted, d["path"]
    assert planted_any, "no instance of the quick run carries a planted fault"


def test_heldout_lists_are_in_the_contract():
    sys.path[:0] = [str(ROOT / "tools")]
    import make_corpus

    text = (ROOT / "tools" / "CORPUS.md").read_text(encoding="utf-8")
    for name in make_corpus.HELDOUT_FAMILIES + make_corpus.HELDOUT_SETS:
        assert f"`{name}`" in text
