"""The review queue as the review page shows it, and the page's decisions saved through the review
module's apply path (the one ``apply-review`` uses)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from cchc_extract.crops import crop_name
from cchc_extract.outdir import load_manifest, relative_to_out
from cchc_extract.tables import iter_outputs

PAGE_SOURCE = "review-page.csv"  # the corrections log's ``source`` of a decision made on the page


def queue_entries(out_dir: Path, lang: str) -> list[dict]:
    """One entry per doubtful value (document, JSON pointer, field), its reasons together."""
    from cchc_extract.review import resolve_pointer

    manifest = load_manifest(out_dir)
    entries: dict[str, dict] = {}
    for path, data in iter_outputs(out_dir):
        relative = relative_to_out(out_dir, path)
        crops = manifest.crops.get(relative, {}).get("items", {})
        for n, item in enumerate(data.get("review", [])):
            key = f"{crop_name(relative)}#{item.get('item')}#{item.get('field')}"
            try:
                target = resolve_pointer(data, item.get("item", ""))
            except KeyError:
                target = {}
            target = target if isinstance(target, dict) else {}
            entry = entries.setdefault(
                key,
                {
                    "key": key,
                    "document": data["source"].get("path"),
                    "commune": (data.get("document") or {}).get("commune"),
                    "page": item.get("page"),
                    "code": item.get("code"),
                    "name": target.get("name") or target.get("indicator") or target.get("label"),
                    "field": item.get("field"),
                    "value": item.get("value") if item.get("value") is not None else item.get("raw"),
                    "max_points": target.get("max_points"),
                    "reasons": [],
                    "confidence": item.get("confidence"),
                    "crop": crops.get(str(n)),
                    "status": "open",
                    "corrected_value": None,
                    "note": None,
                },
            )
            if item.get("reason") and item["reason"] not in entry["reasons"]:
                entry["reasons"].append(item["reason"])
            entry["crop"] = entry["crop"] or crops.get(str(n))
    return list(entries.values())


def apply_page_decisions(out_dir: Path, decisions: list[dict]) -> dict:
    """Save the page's decisions as a review sheet and apply it with ``apply_review``."""
    import pandas as pd

    from cchc_extract.review import REVIEW_COLUMNS, apply_review
    from cchc_extract.spreadsheet import write_csv

    rows = []
    for d in decisions:
        stem, pointer, name = str(d.get("key", "")).split("#", 2) if "#" in str(d.get("key")) else ("", "", "")
        rows.append(
            {
                "document": d.get("document"),
                "item": pointer,
                "field": name,
                "corrected_value": d.get("value"),
            }
        )
    frame = pd.DataFrame(rows, columns=list(REVIEW_COLUMNS))
    with tempfile.TemporaryDirectory(prefix="cchc-desk-") as tmp:
        sheet = Path(tmp) / PAGE_SOURCE
        write_csv(frame, sheet)
        report = apply_review(sheet, out_dir)
    return {"applied": report.applied, "unchanged": report.unchanged, "problems": report.problems}
