"""Making a corpus of layout families for a test (tools/make_corpus.py, tools/CORPUS.md), and reading
its manifest and truth: one place for what every corpus-driven test module needs."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def make_corpus(out: Path, families: str, formats: str | None = None, quick: bool = True, seed: int = 0) -> Path:
    """Generate ``families`` (comma-separated ids) into ``out``; skip the test where LibreOffice
    cannot make PDFs (Writer missing or broken), fail on any other error with the tool's stderr."""
    command = [sys.executable, str(ROOT / "tools" / "make_corpus.py"), "--families", families, "--out", str(out)]
    if quick:
        command.append("--quick")
    if formats:
        command += ["--formats", formats]
    if seed:
        command += ["--seed", str(seed)]
    run = subprocess.run(command, check=False, cwd=ROOT, timeout=600, capture_output=True, text=True)
    if "LibreOffice made no" in run.stderr:
        pytest.skip("LibreOffice made no PDF (Writer missing or broken)")
    assert run.returncode == 0, run.stderr
    return out


def manifest_documents(corpus: Path) -> list[dict]:
    """The manifest's documents, in order."""
    return json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]


def read_truth(corpus: Path, doc: dict) -> dict:
    """The generator's truth of one manifest document."""
    return json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
