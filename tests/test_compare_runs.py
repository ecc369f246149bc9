"""benchmarks/compare_runs.py: two generalisation runs compared document by document."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _run(path: Path, docs: list[tuple[str, dict[str, int]]]) -> Path:
    path.write_text(json.dumps({"documents": [{"path": p, "tally": t} for p, t in docs]}), encoding="utf-8")
    return path


def test_documents_that_moved_are_listed_with_their_counters(tmp_path):
    # Equal totals (rows 19 in both) hide two documents moving opposite ways; a third is the same,
    # a fourth was read by the first run only.
    first = _run(
        tmp_path / "main.json",
        [
            ("D01/a.txt", {"rows": 10, "fa": 0}),
            ("D01/b.txt", {"rows": 9, "fa": 1}),
            ("D02/c.txt", {"rows": 5}),
            ("D03/d.txt", {"rows": 1}),
        ],
    )
    second = _run(
        tmp_path / "branch.json",
        [("D01/a.txt", {"rows": 9, "fa": 0}), ("D01/b.txt", {"rows": 10, "fa": 0}), ("D02/c.txt", {"rows": 5})],
    )
    out = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "compare_runs.py"), str(first), str(second)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.splitlines()
    assert out == [
        "D01/a.txt: rows 10 → 9",
        "D01/b.txt: fa 1 → 0, rows 9 → 10",
        "D03/d.txt: only in the first run",
        "3 of 4 documents differ",
    ]


def test_a_counter_one_run_does_not_have_moved_only_when_not_zero():
    from benchmarks.compare_runs import moved

    assert moved({"rows": 3}, {"rows": 3, "target_lost": 0}) == {}
    assert moved({"rows": 3}, {"rows": 3, "target_lost": 2}) == {"target_lost": (None, 2)}
