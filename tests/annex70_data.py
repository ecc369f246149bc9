"""The real Tesseract 5 dumps of seeds 13001 and 15001 kept for the stats70 tests (the generator's
truth beside each: ``annex69_data.truth_values`` reads it), and the one annex a dump gives."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from cchc_extract.pipeline import convert_file, result_to_json

DATA = Path(__file__).parent / "data" / "annex70"


def converted_annex(dump: Path) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """(the document's JSON, its one annex's rows by code) as the pipeline reads ``dump``."""
    out = result_to_json(convert_file(dump))
    (annex,) = out["statistics"]
    return out, {r["code"]: r for r in annex["rows"]}
