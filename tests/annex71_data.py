"""The real Tesseract 5 dumps of seed 16001's annexes kept for the dumpstat71 tests (the generator's
truth beside each: ``annex69_data.truth_values`` reads it)."""

from __future__ import annotations

from pathlib import Path

DATA = Path(__file__).parent / "data" / "annex71"
