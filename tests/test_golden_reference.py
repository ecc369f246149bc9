"""Goldens are evidence: every golden file agrees with the hand-made reference of its sample.

The references in ``golden/reference/`` were transcribed by reading the documents themselves (see
``golden/reference/README.md``), independently of the code. A golden regenerated with
``--update-golden`` that drifts from them — a lost row, a misread number, a wrong date — fails
here, so a golden can never bless what the code happens to print.
"""

import importlib.machinery
import importlib.util
import json
from pathlib import Path

import pytest

from normalize.text import fold

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "golden"


def _accuracy_module():
    path = ROOT / "benchmarks" / "accuracy"
    loader = importlib.machinery.SourceFileLoader("cchc_accuracy", str(path))
    spec = importlib.util.spec_from_loader("cchc_accuracy", loader)
    module = importlib.util.module_from_spec(spec)
    loader.exec_module(module)
    return module


ACCURACY = _accuracy_module()
PAIRS = [(ref, sample) for ref, sample in ACCURACY.reference_pairs() if sample.exists()]

# Known, explained gaps between a golden and its reference: (sample, kind) -> (rows missing or on
# the wrong row, numeric cells wrong, rows invented) allowed. Every entry is a known defect to fix,
# never a difference in what the document says.
KNOWN_GAPS: dict[tuple[str, str], tuple[int, int, int]] = {}


def _label(sample: Path) -> str:
    return sample.relative_to(ROOT / "samples").as_posix()


@pytest.mark.parametrize("ref_path,sample", PAIRS, ids=[_label(s) for _, s in PAIRS])
def test_golden_rows_agree_with_reference(ref_path, sample):
    golden_file = GOLDEN / (_label(sample) + ".json")
    if not golden_file.exists():
        pytest.fail(f"no golden for {_label(sample)}: run python -m pytest --update-golden, then check it")
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    reference = json.loads(ref_path.read_text(encoding="utf-8"))
    problems = []
    for kind in ACCURACY.NUMERIC:
        if not reference.get(kind):
            continue
        r = ACCURACY.compare(kind, reference[kind], golden.get(kind) or [])
        lost, wrong_cells, invented = r["rows"] - r["found"], r["cells"] - r["right"], r["invented"]
        allowed = KNOWN_GAPS.get((_label(sample), kind), (0, 0, 0))
        if (
            (lost, wrong_cells, invented) > allowed
            or lost > allowed[0]
            or wrong_cells > allowed[1]
            or invented > allowed[2]
        ):
            problems.append(
                f"{kind}: {lost} rows lost {r['missing_keys'][:8] + r['mismatched_keys'][:8]}, "
                f"{wrong_cells} numbers wrong, {invented} invented {r['invented_keys'][:8]}"
            )
    assert not problems, f"golden/{_label(sample)}.json disagrees with {ref_path.name}:\n" + "\n".join(problems)


@pytest.mark.parametrize("ref_path,sample", PAIRS, ids=[_label(s) for _, s in PAIRS])
def test_golden_metadata_agrees_with_reference(ref_path, sample):
    ref_data = json.loads(ref_path.read_text(encoding="utf-8"))
    reference = ref_data.get("document") or {}
    golden_file = GOLDEN / (_label(sample) + ".json")
    if not reference or not golden_file.exists():
        pytest.skip("no reference metadata")
    golden_data = json.loads(golden_file.read_text(encoding="utf-8"))
    golden = golden_data["document"]
    # An OCR'd header loses tone marks the repair cannot always restore (Kỳ/Kỷ): those compare
    # without diacritics; typed documents exactly.
    ocr = golden_data["source"]["method"] in ("ocr", "mixed") or ref_data.get("metadata_match") == "folded"
    # Seed references were read from the whole document, so null means "the document has none";
    # rendering references only state what make_samples put in.
    rendering = _label(sample).startswith("renderings/")
    wrong = []
    for key, expected in reference.items():
        if key not in golden or (rendering and expected is None):
            continue
        actual = golden[key]
        same = fold(str(actual)) == fold(str(expected)) if ocr and isinstance(expected, str) else actual == expected
        if not same:
            wrong.append(f"{key}: golden {actual!r}, document {expected!r}")
    assert not wrong, "\n".join(wrong)


def _statement_key(s: dict) -> tuple:
    return (
        s["kind"],
        ACCURACY.norm_code(s["code"]),
        s.get("group") or None,
        None if s["points"] is None else round(float(s["points"]), 4),
        None if s["max_points"] is None else round(float(s["max_points"]), 4),
    )


def _count_key(c: dict) -> tuple:
    parts = c.get("parts") or []
    values = sorted(
        float(p["value"] if isinstance(p, dict) else p)
        for p in parts
        if (p["value"] if isinstance(p, dict) else p) is not None
    )
    return (float(c["total"]), tuple(values))


# Narrative figures the reference lists that the golden may still lack, with the reason.
KNOWN_MISSING_COUNTS: dict[str, int] = {}  # none: a part's nested breakdown ("09 TTHC ... (05, 01, 03)") is read


@pytest.mark.parametrize("ref_path,sample", PAIRS, ids=[_label(s) for _, s in PAIRS])
def test_golden_narrative_agrees_with_reference(ref_path, sample):
    reference = json.loads(ref_path.read_text(encoding="utf-8"))
    golden_file = GOLDEN / (_label(sample) + ".json")
    if not (reference.get("score_statements") or reference.get("counts")) or not golden_file.exists():
        pytest.skip("no narrative figures in the reference")
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    # Score statements: the same set, every one read right, none invented.
    if reference.get("score_statements"):
        expected = sorted(map(_statement_key, reference["score_statements"]), key=str)
        actual = sorted(map(_statement_key, golden["score_statements"]), key=str)
        assert actual == expected
    # Counts: every count the reference lists is in the golden with its total and parts.
    if reference.get("counts"):
        have = {_count_key(c) for c in golden["counts"]}
        missing = [c["text"][:80] for c in reference["counts"] if _count_key(c) not in have]
        assert len(missing) <= KNOWN_MISSING_COUNTS.get(_label(sample), 0), missing


def _target_key(t: dict) -> tuple:
    line = t["line"] if "line" in t else t["source"]["line_start"]
    return (line, float(t["value"]), t["comparator"], fold(t["unit"]), t["year"])


@pytest.mark.parametrize("ref_path,sample", PAIRS, ids=[_label(s) for _, s in PAIRS])
def test_golden_targets_agree_with_reference(ref_path, sample):
    reference = json.loads(ref_path.read_text(encoding="utf-8"))
    golden_file = GOLDEN / (_label(sample) + ".json")
    if not reference.get("targets_transcribed") or not golden_file.exists():
        pytest.skip("targets not transcribed in the reference")
    golden = json.loads(golden_file.read_text(encoding="utf-8"))
    expected = sorted(map(_target_key, reference["targets"]))
    actual = sorted(map(_target_key, golden["targets"]))
    assert actual == expected, {
        "missing": sorted(set(expected) - set(actual)),
        "not in the document": sorted(set(actual) - set(expected)),
    }
