"""The references of the sample renderings (golden/reference/renderings/): what each rendering prints,
written from the same rows tools/make_samples.py renders, in the format of the seed references
(golden/reference/README.md)."""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATS_SEED = ROOT / "samples" / "002_huong-son_2024_bao-cao-6-thang.txt"
ROMAN = frozenset("IVX")


def code_level(code: str) -> int:
    """Depth of a normalised code: a part ("I") is 0, its sections ("1", "II.1") 1, "1.1" 2, ..."""
    parts = code.split(".")
    return len(parts) - 1 if set(parts[0]) <= ROMAN else len(parts)


def printed_code(code: str) -> str:
    """A code as score tables print it: parts and sections carry a dot ("I.", "1."), and a part's
    sections restart at 1 (reference "II.1" is printed "1.")."""
    parts = code.split(".")
    if len(parts) > 1 and set(parts[0]) <= ROMAN:
        parts = parts[1:]
    return f"{parts[0]}." if len(parts) == 1 else ".".join(parts)


STATS_ANNEX = ("Phụ lục 2", "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH")
STATS_REFERENCE = ROOT / "golden" / "reference" / (STATS_SEED.name + ".reference.json")


def rendering_document(title: str | None, note: str) -> dict:
    """Metadata of a rendering: it prints no number, date, place or signer name."""
    return {
        "number": None,
        "kind": None,
        "kind_name": None,
        "title": title,
        "issuer": None,
        "commune": None,
        "place": None,
        "date": None,
        "period": None,
        "year": None,
        "signer": None,
        "note": note,
    }


def score_reference(rows: list[dict], total: tuple | None, title: str) -> dict:
    out = []
    for r in rows:
        max_p, self_p = r.get("max_points"), r.get("self_points")
        out.append(
            {
                "code": r["code"],
                "code_printed": printed_code(r["code"]),
                "name": r.get("name") or "",
                "max_points": max_p,
                "self_points": self_p,
                "max_in_text": max_p is not None,
                "self_in_text": self_p is not None,
                "explanation": r.get("explanation") or "",
            }
        )
    return {
        "title": title,
        "columns": ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Nội dung giải trình"],
        "stated_total_max": total[0] if total else None,
        "stated_total_self": total[1] if total else None,
        "rows": out,
    }


def stats_reference(annex_rows: list[list[str]]) -> dict:
    """The annex's data rows as rendered; values as the seed's hand-made reference reads them where
    it has the same cell text, else through ``normalize.numbers``."""
    from normalize.numbers import parse_number

    known = {}
    if STATS_REFERENCE.exists():
        for table in json.loads(STATS_REFERENCE.read_text(encoding="utf-8")).get("statistics") or []:
            if table.get("annex") == STATS_ANNEX[0]:
                known = {(r["code"], r.get("value_raw") or ""): r for r in table["rows"]}
    rows = []
    for code, indicator, unit, raw, _note in annex_rows[2:]:
        code = code.rstrip(".")
        seed = known.get((code, raw))
        parsed = parse_number(raw) if raw else None
        rows.append(
            {
                "code": code,
                "indicator": indicator,
                "unit": unit,
                "value": seed["value"] if seed else (parsed.value if parsed else None),
                "value_raw": raw,
                "allowed_values": seed.get("allowed_values") if seed else None,
                "value_in_text": bool(raw),
            }
        )
    return {"annex": STATS_ANNEX[0], "title": STATS_ANNEX[1], "rows": rows}


def task_reference(header: list[str], rows: list[list[str]]) -> dict:
    """Task rows as rendered. The rendering prints no section rows: ``section`` is null."""
    return {
        "title": "PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ",
        "columns": header,
        "rows": [
            {
                "code": tt,
                "section": None,
                "criterion_code": tc,
                "deadline": deadline,
                "lead": lead,
                "official": official,
            }
            for tt, tc, deadline, lead, official in rows
        ],
    }


def write_reference(name: str, origin: str, document: dict, **kinds) -> None:
    folder = ROOT / "golden" / "reference" / "renderings"
    folder.mkdir(parents=True, exist_ok=True)
    data = {
        "sample": f"samples/renderings/{name}",
        "made_by": f"tools/make_samples.py, from the rows it renders ({origin})",
        "document": document,
        **kinds,
    }
    (folder / f"{name}.reference.json").write_text(
        json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8"
    )
