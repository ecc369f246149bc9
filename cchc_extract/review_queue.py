"""The review queue as the review page shows it (``review.build_queue``), and the page's decisions
saved by ``review.apply_decisions``: the mechanism the review sheet uses, with the same
corrections log and re-check."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.messages import labels
from cchc_extract.outdir import load_manifest
from cchc_extract.review import Decision, apply_decisions, build_queue, refresh_outputs

PAGE_SOURCE = "page"  # the corrections log's ``source`` of a decision made on the page


def manifest_crops(out_dir: Path) -> dict[tuple[str, int], str]:
    """{(output JSON relative to OUT, review index): crop} as the manifest records them (the page
    only reads: crops are made by the batch and by ``export_review``)."""
    return {
        (relative, int(n)): crop
        for relative, entry in load_manifest(out_dir).crops.items()
        for n, crop in entry.get("items", {}).items()
        if crop in entry.get("files", [])
    }


def queue_entries(out_dir: Path, lang: str) -> list[dict]:
    """The open entries, most serious first, as the page's script reads them."""
    fields, severities = labels("field", lang), labels("severity", lang)
    return [
        {
            "key": e.key,
            "document": e.document,
            "commune": e.commune,
            "page": e.page,
            "code": e.code,
            "name": e.name,
            "field": e.field,
            "field_label": fields.get(e.field or "", ""),
            "value": e.value if e.value is not None else e.raw,
            "max_points": e.max_points,
            "reasons": list(dict.fromkeys(r.text(lang) for r in e.reasons)),
            "severity": severities.get(e.severity, e.severity),
            "confidence": e.confidence,
            "crop": e.crop,
            "status": e.status,
            "corrected_value": e.corrected,
            "note": e.note,
        }
        for e in build_queue(out_dir, manifest_crops(out_dir))
    ]


def apply_page_decisions(out_dir: Path, decisions: list[dict], lang: str) -> dict:
    """Apply the page's decisions ({key, status: confirm|correct|dismiss, value, note, code}).
    The tables, review files and report are written when the page closes (``refresh_page``):
    rebuilding them at every key press would make the reviewer wait."""
    report = apply_decisions(
        out_dir,
        [
            Decision(
                key=str(d.get("key") or ""),
                action=str(d.get("status") or ""),
                value="" if d.get("value") is None else str(d["value"]),
                note=str(d.get("note") or ""),
                code=str(d.get("code") or ""),
                source=PAGE_SOURCE,
            )
            for d in decisions
        ],
        refresh=False,
        lang=lang,
    )
    return {
        "applied": report.applied,
        "unchanged": report.unchanged,
        "problems": report.problems,
        "outcomes": [{"key": o.key, "result": o.result, "message": o.message} for o in report.outcomes],
    }


def refresh_page(out_dir: Path, lang: str) -> None:
    """The tables, review files and report written again from the JSON the page changed."""
    refresh_outputs(out_dir, [], lang)
