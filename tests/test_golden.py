"""Golden regression: every file under samples/ converted and compared with golden/<path>.json.

A difference is reported field by field as a JSON pointer with the expected and the actual value.
Numbers match within a small tolerance; in OCR'd documents free text matches fuzzily (a
Tesseract update may move a diacritic). ``python -m pytest --update-golden`` rewrites the goldens
(refused when CI is set): check each rewritten file by hand before committing it.
``CCHC_GOLDEN_DIR`` points the goldens elsewhere (to try the mechanism without touching golden/).
"""

import json
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from cchc_extract.batch import collect_inputs
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json, write_json
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
GOLDEN = Path(os.environ.get("CCHC_GOLDEN_DIR") or ROOT / "golden")


@dataclass(frozen=True)
class GoldenSettings:
    abs_tol: float = 1e-6
    rel_tol: float = 1e-6
    fuzzy_ratio: float = 95.0  # rapidfuzz ratio (0..100) for OCR'd free text
    # Pointers never compared: where the file was, and the version stamp (a bump is no regression).
    ignored: frozenset = frozenset({"/source/path", "/pipeline_version"})
    # Fields compared exactly even in OCR'd documents: identifiers and enumerations.
    exact_keys: frozenset = frozenset(
        {
            "code",
            "code_raw",
            "parent",
            "criterion_code",
            "section",
            "id",
            "kind",
            "status",
            "table",
            "field",
            "item",
            "stage",
            "sha256",
            "format",
            "method",
            "encoding",
            "schema_version",
            "number",
            "date",
            "comparator",
            "unit",
            "annex",
            "group",
        }
    )
    max_lines: int = 60  # differences shown per document
    # Files under samples/ that are not inputs: provenance notes and the hand-typed truth of scans.
    not_inputs: tuple = ("SOURCE.md", "README.md", ".truth.")


SETTINGS = GoldenSettings()


def sample_files(settings: GoldenSettings = SETTINGS) -> list[str]:
    return [
        i.relative
        for i in collect_inputs([SAMPLES])
        if not any(mark in Path(i.relative).name for mark in settings.not_inputs)
    ]


def golden_path(relative: str) -> Path:
    return GOLDEN / (relative + ".json")


def is_ocr(data: dict) -> bool:
    source = data.get("source", {})
    return "ocr" in source.get("method", "") or source.get("method") == "mixed" or source.get("format") == "image"


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 80 else text[:77] + "..."


def _is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def diff_json(expected, actual, fuzzy: bool = False, settings: GoldenSettings = SETTINGS, path: str = "") -> list[str]:
    """Every difference as 'pointer: expected X, actual Y' (empty when they match)."""
    if path in settings.ignored:
        return []
    if isinstance(expected, dict) and isinstance(actual, dict):
        out = []
        for key in list(expected) + [k for k in actual if k not in expected]:
            sub = f"{path}/{key}"
            if sub in settings.ignored:
                continue
            if key not in actual:
                out.append(f"{sub}: expected {_show(expected[key])}, actual (missing)")
            elif key not in expected:
                out.append(f"{sub}: expected (missing), actual {_show(actual[key])}")
            else:
                out += diff_json(expected[key], actual[key], fuzzy, settings, sub)
        return out
    if isinstance(expected, list) and isinstance(actual, list):
        out = []
        for i, (e, a) in enumerate(zip(expected, actual)):
            out += diff_json(e, a, fuzzy, settings, f"{path}/{i}")
        if len(expected) != len(actual):
            out.append(f"{path}: expected {len(expected)} items, actual {len(actual)}")
            longer, side = (expected, "expected") if len(expected) > len(actual) else (actual, "actual")
            out += [
                f"{path}/{i}: only in {side}: {_show(v)}"
                for i, v in enumerate(longer)
                if i >= min(len(expected), len(actual))
            ]
        return out
    if _is_number(expected) and _is_number(actual):
        close = abs(expected - actual) <= settings.abs_tol + settings.rel_tol * max(abs(expected), abs(actual))
        return [] if close else [f"{path}: expected {_show(expected)}, actual {_show(actual)}"]
    if isinstance(expected, str) and isinstance(actual, str) and expected != actual:
        key = path.rsplit("/", 1)[-1]
        if fuzzy and key not in settings.exact_keys and fuzz.ratio(expected, actual) >= settings.fuzzy_ratio:
            return []
    return [] if expected == actual else [f"{path}: expected {_show(expected)}, actual {_show(actual)}"]


def convert_sample(relative: str) -> dict:
    return result_to_json(convert_file(SAMPLES / relative, relative, PipelineOptions()))


def _sample_params() -> list:
    """The samples, those whose golden went through OCR marked as needing Tesseract."""

    def needs_ocr(relative: str) -> bool:
        golden = golden_path(relative)
        return golden.exists() and is_ocr(json.loads(golden.read_text(encoding="utf-8")))

    return [pytest.param(r, marks=[pytest.mark.needs_tesseract] if needs_ocr(r) else []) for r in sample_files()]


@pytest.mark.parametrize("relative", _sample_params())
def test_matches_golden(relative, update_golden):
    golden = golden_path(relative)
    if update_golden:
        write_json(convert_sample(relative), golden)
        return
    if not golden.exists():
        message = (
            f"no golden for samples/{relative}: create it with `python -m pytest tests/test_golden.py "
            f"--update-golden`, check {golden} by hand against the document, then commit it"
        )
        if os.environ.get("CCHC_ALLOW_MISSING_GOLDEN") == "1":
            pytest.skip(message)
        pytest.fail(message, pytrace=False)
    expected = json.loads(golden.read_text(encoding="utf-8"))
    actual = convert_sample(relative)
    # Every sample is a good input: it converts without an error record and validates.
    assert schema_errors(actual) == [] and actual["errors"] == [], actual["errors"]
    diffs = diff_json(expected, actual, fuzzy=is_ocr(expected) or is_ocr(actual))
    if diffs:
        shown = diffs[: SETTINGS.max_lines] + (
            [f"... and {len(diffs) - SETTINGS.max_lines} more"] if len(diffs) > SETTINGS.max_lines else []
        )
        pytest.fail(f"samples/{relative}: {len(diffs)} differences from {golden}\n" + "\n".join(shown), pytrace=False)


# --- the mechanism itself -----------------------------------------------------------------------


def test_diff_names_fields_by_pointer_with_tolerance_and_fuzzy_text():
    expected = {
        "source": {"path": "a.txt", "method": "ocr"},
        "score_tables": [{"rows": [{"code": "1.1", "max_points": 2.5, "name": "Kế hoạch cải cách hành chính năm"}]}],
    }
    same = json.loads(json.dumps(expected))
    same["source"]["path"] = "elsewhere/a.txt"
    same["score_tables"][0]["rows"][0]["max_points"] = 2.5 + 1e-9
    assert diff_json(expected, same) == []
    ocr = json.loads(json.dumps(same))
    ocr["score_tables"][0]["rows"][0]["name"] = "Kế hoạch cải cách hành chinh năm"  # one diacritic lost
    assert diff_json(expected, ocr, fuzzy=True) == []
    assert diff_json(expected, ocr) == [
        '/score_tables/0/rows/0/name: expected "Kế hoạch cải cách hành chính năm", '
        'actual "Kế hoạch cải cách hành chinh năm"'
    ]
    wrong = json.loads(json.dumps(same))
    wrong["score_tables"][0]["rows"][0].update(code="11", max_points=25)
    wrong["score_tables"][0]["rows"].append({"code": "1.2"})
    assert diff_json(expected, wrong, fuzzy=True) == [
        '/score_tables/0/rows/0/code: expected "1.1", actual "11"',
        "/score_tables/0/rows/0/max_points: expected 2.5, actual 25",
        "/score_tables/0/rows: expected 1 items, actual 2",
        '/score_tables/0/rows/1: only in actual: {"code": "1.2"}',
    ]


def _pytest(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run(
        # One process (-n 0): the run under test is pytest's own, not its workers'.
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-n", "0", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_update_refused_on_ci_and_missing_golden_explained(tmp_path):
    first = next(r for r in sample_files() if r.endswith(".txt"))
    node = f"tests/test_golden.py::test_matches_golden[{first}]"
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "CCHC_ALLOW_MISSING_GOLDEN")}
    env["CCHC_GOLDEN_DIR"] = str(tmp_path)
    refused = _pytest([node, "--update-golden"], {**env, "CI": "true"})
    assert refused.returncode == 4 and "refused on CI" in refused.stderr
    missing = _pytest([node], env)
    assert (
        missing.returncode == 1 and "--update-golden" in missing.stdout and "no golden for samples/" in missing.stdout
    )
    allowed = _pytest([node, "-rs"], {**env, "CCHC_ALLOW_MISSING_GOLDEN": "1"})
    assert allowed.returncode == 0 and "1 skipped" in allowed.stdout
    assert _pytest([node, "--update-golden"], env).returncode == 0
    assert (tmp_path / (first + ".json")).exists()
    assert _pytest([node], env).returncode == 0
    # A changed field is reported by pointer.
    golden = tmp_path / (first + ".json")
    data = json.loads(golden.read_text(encoding="utf-8"))
    data["source"]["pages"] += 1
    golden.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    changed = _pytest([node], env)
    assert changed.returncode == 1 and f"/source/pages: expected {data['source']['pages']}" in changed.stdout
