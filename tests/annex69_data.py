"""The real Tesseract 5 dumps of seed 14001's annexes kept for the stats69 tests, and their truth
(the generator's own file beside each)."""

from __future__ import annotations

import json
from pathlib import Path

DATA = Path(__file__).parent / "data" / "annex69"


def truth_values(dump: Path, key: str = "code") -> dict[str, float | None]:
    """Each truth statistics row's value by its ``key`` ("code" or "indicator")."""
    truth = json.loads(dump.with_name(dump.name + ".truth.json").read_text(encoding="utf-8"))
    return {r[key]: r["value"] for a in truth["statistics"] for r in a["rows"]}
