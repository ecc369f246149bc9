"""The corpus generator (tools/make_corpus.py): real files that open, truth that adds up except where
a fault is planted, and every planted fault listed (tools/CORPUS.md)."""

import shutil
import sys
from pathlib import Path

import pytest

from corpus_helpers import make_corpus, manifest_documents, read_truth

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]
FAMILIES = "F01,F08,F12,F13,F14,F15,F18,F19,F20,F21,F22,F23,F24,F25,F26,F27,F28,F29"

needs_writer = pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice Writer not installed")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("corpus"), FAMILIES)


@needs_writer
def test_files_open_and_truth_is_complete(corpus):
    import docx
    import pdfplumber

    docs = manifest_documents(corpus)
    assert {d["family"].split("_")[0] for d in docs} == set(FAMILIES.split(","))
    assert {d["format"] for d in docs} >= {"docx", "pdf", "md", "tsv", "txt"}
    for d in docs:
        path = corpus / d["path"]
        truth = read_truth(corpus, d)
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
    from corpusgen.check import planted, truth_problems

    planted_any = 0
    for d in manifest_documents(corpus):
        truth = read_truth(corpus, d)
        planted_any += len(truth["faults"])
        assert truth_problems(truth) == planted(truth), d["path"]
    assert planted_any, "no instance of the quick run carries a planted fault"


@needs_writer
def test_another_seed_gives_unseen_documents_whose_truth_adds_up(tmp_path):
    """``--seed`` makes other communes and values of the same families (documents no rule was written
    against); the standing corpus is seed 0."""
    from corpusgen.check import planted, truth_problems

    standing = make_corpus(tmp_path / "s0", "F08", formats="md")
    fresh = make_corpus(tmp_path / "s7", "F08", formats="md", seed=7)
    (old,), (new,) = manifest_documents(standing), manifest_documents(fresh)
    assert new["seed"] == 7 and old["seed"] == 0
    assert new["commune"] != old["commune"]
    assert (fresh / new["path"]).read_text(encoding="utf-8") != (standing / old["path"]).read_text(encoding="utf-8")
    truth = read_truth(fresh, new)
    assert truth_problems(truth) == planted(truth)


def test_heldout_lists_are_in_the_contract():
    import make_corpus

    text = (ROOT / "tools" / "CORPUS.md").read_text(encoding="utf-8")
    for name in make_corpus.HELDOUT_FAMILIES + make_corpus.HELDOUT_SETS:
        assert f"`{name}`" in text


def test_signer_names_do_not_come_from_the_readers_list():
    """The generator's people are its own: a good share of its surnames are ones the reader's
    tie-breaking list (extract/metadata.py) does not hold, so the metadata figure is not flattered."""
    import random

    from corpusgen.people import FAMILY_NAMES, person_name

    from normalize.vietnamese.names import surnames

    unknown = set(FAMILY_NAMES) - set(surnames())
    assert len(unknown) >= len(FAMILY_NAMES) // 2
    rng = random.Random(0)
    drawn = [person_name(rng).split()[0] for _ in range(200)]
    assert sum(s in unknown for s in drawn) >= 60


def test_generator_skips_a_set_without_maxima_and_uses_the_others():
    from corpusgen.sets import load_sets

    from normalize.criteria import load_criteria_sets

    usable = {s.id for s in load_sets()}
    for s in load_criteria_sets():
        scored = [r for r in s.rows if r.max_points is not None]
        assert (s.id in usable) == (len(scored) >= 2), s.id


def test_a_dump_printing_no_total_row_states_no_total():
    # CORPUS.md: stated totals are null when the table prints none, and a total fault planted
    # there (nothing on the page shows it) is not planted. The dump families build their grid
    # themselves: seed 361's d01-i4 printed no total row while its truth said "total max 83,5".
    import make_corpus as mc

    sets = mc.load_sets()
    seen = 0
    for family in ("D01_dump_five_columns", "D02_dump_appraised_column", "D04_dump_seven_columns"):
        for inst in mc.instances(family, sets, 4, 361):
            built = mc.FAMILIES[family](inst)
            rows = [r for o in built.outputs for r in o.document.blocks if hasattr(r, "grid")]
            kinds = {row.kind for table in rows for row in table.grid.rows}
            table = built.score_tables[0]
            if "total" not in kinds:
                seen += 1
                assert table["stated_total_max"] is None and table["stated_total_self"] is None
                assert not [f for f in built.faults if f.kind == "total_sum"]
            else:
                assert table["stated_total_max"] is not None
    assert seen  # seed 361 draws layouts without a total row in these families
