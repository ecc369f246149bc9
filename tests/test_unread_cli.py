"""Issue 16 end to end, from the command line: a folder of real files written here (DOCX by
python-docx, an OCR dump as Tesseract writes one), converted by ``cchc-extract convert``. Every
document not read whole is named on the summary, in ``summary.json``, in the report and in
``tables/unread``; its unread parts reach the review queue after its inconsistencies and before
its doubtful values (most serious first); a stated total the rows read cannot reach gets a
coverage check saying how far they get, on typed and OCR'd text alike; a document read whole
gets none of these."""

from __future__ import annotations

import csv
import json

from cchc_extract.cli import main
from cchc_extract.reconcile.restored import FLAG_RESTORED
from test_unread import BUDGET, SCORE_HEADER, SCORE_ROWS, _decree30_docx

TOTAL = ["", "Tổng cộng", "10", "9"]
# Top-level rows 1 and 3 of a table whose total counts row 2 too: row 2 (max 4, self 4) lost.
SHORT = [
    SCORE_HEADER,
    *SCORE_ROWS[:3],
    ["3", "Cải cách tổ chức bộ máy hành chính", "4", "4"],
    ["3.1", "Sắp xếp tổ chức bộ máy", "4", "4"],
    ["", "Tổng cộng", "14", "13"],
]

# An OCR dump (Latin-only OCR: no diacritics) of a five-criterion table totalling 61,5.
DUMP_HEAD = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA AN BINH Doc lap - Tu do - Hanh phuc

So: 12/BC-UBND An Binh, ngay 20 thang 12 nam 2024

BANG TU DANH GIA, CHAM DIEM CHI SO CAI CACH HANH CHINH
NAM 2024 CUA UBND XA AN BINH

TT Linh vuc, tieu chi Diem toi da Diem tu danh gia
"""
DUMP_ROWS = [
    "1 | Cong tac chi dao, dieu hanh cai cach hanh chinh | 10 | 8,5",
    "2 | Xay dung va to chuc thuc hien van ban quy pham phap luat | 10 | 10",
    "3 | Cai cach thu tuc hanh chinh | 14,5 | 13,75",
    "4 | Cai cach to chuc bo may hanh chinh | 11 | 10,75",
    "5 | Xay dung va nang cao chat luong doi ngu can bo, cong chuc | 16 | 16",
]
DUMP_TAIL = """Tong cong | 61,5 | 59
Noi nhan: TM. UY BAN NHAN DAN
- Luu: VT. CHU TICH
"""
# Row 3's line as OCR left it: specks, no code, no figure.
GARBLED_ROW = "ee. | Sa ae ~ ee | ' |"


def _convert_folder(tmp_path, capsys) -> tuple[str, dict[str, dict], list[dict]]:
    inputs = tmp_path / "in"
    inputs.mkdir()
    _decree30_docx(inputs / "whole.docx", [[SCORE_HEADER, *SCORE_ROWS, TOTAL]])
    # 2.1 scores 3 of 2 (the commune's inconsistency) and a budget table no segmenter reads.
    faulty = [*SCORE_ROWS[:4], ["2.1", "Công khai thủ tục hành chính", "2", "3"], SCORE_ROWS[5]]
    _decree30_docx(inputs / "budget.docx", [[SCORE_HEADER, *faulty, TOTAL], BUDGET])
    _decree30_docx(inputs / "short.docx", [SHORT])
    (inputs / "whole-ocr.txt").write_text(DUMP_HEAD + "\n".join(DUMP_ROWS) + "\n" + DUMP_TAIL, encoding="utf-8")
    lost = [*DUMP_ROWS[:2], GARBLED_ROW, *DUMP_ROWS[3:]]
    (inputs / "lost-ocr.txt").write_text(DUMP_HEAD + "\n".join(lost) + "\n" + DUMP_TAIL, encoding="utf-8")
    out = tmp_path / "out"
    assert main(["--lang", "en", "convert", str(inputs), "--out", str(out), "--workers", "1"]) == 0
    captured = capsys.readouterr()
    outputs = {p.name.removesuffix(".json"): json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.*.json")}
    with (out / "review.csv").open(encoding="utf-8-sig") as f:
        queue = list(csv.DictReader(f))
    return captured.out + captured.err, outputs, queue


def _coverage(data: dict) -> list[tuple[str | None, float, float]]:
    return [(c["field"], c["actual"], c["expected"]) for c in data["checks"] if c["kind"] == "coverage"]


def test_documents_not_read_whole_are_named_told_and_queued_from_the_cli(tmp_path, capsys):
    text, outputs, queue = _convert_folder(tmp_path, capsys)
    partial = ["budget.docx", "lost-ocr.txt", "short.docx"]
    # The summary line counts them and names each, with what it lacks.
    assert "3 with parts not read" in text
    named = sorted(line.split(": ")[1] for line in text.splitlines() if "not all read: " in line)
    assert named == partial
    assert "not all read: budget.docx: 1 part(s)" in text
    assert "not all read: short.docx: 1 part(s), 2 sum(s) the rows read fall short of" in text
    summary = json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))
    assert sorted(summary["with_unread"]) == partial
    # Read whole: no unread part, no coverage check, nothing in the queue.
    for whole in ("whole.docx", "whole-ocr.txt"):
        assert outputs[whole]["unread"] == [] and _coverage(outputs[whole]) == []
        assert [c["status"] for c in outputs[whole]["checks"] if c["kind"] == "stated_total"] == ["ok", "ok"]
        assert not [q for q in queue if q["Document"] == whole]
    # Each unread part is one queue entry of its document, confidence 0.
    for name in partial:
        parts = outputs[name]["unread"]
        entries = [q for q in queue if q["Document"] == name and q["key"].startswith(f"{name}#/unread/")]
        assert len(entries) == len(parts) >= 1
        assert all(float(q["Confidence"]) == 0 for q in entries)
    assert outputs["budget.docx"]["unread"][0]["kind"] == "table"
    assert "Nguồn vốn" in outputs["budget.docx"]["unread"][0]["reason"]
    # Most serious first: the commune's inconsistency, then what was not read.
    budget = [q["key"].split("#")[1] for q in queue if q["Document"] == "budget.docx"]
    assert budget == ["/score_tables/0/rows/4", "/unread/0"]
    assert [q["Document"] for q in queue][0] == "budget.docx"
    # The report lists every unread part under its document.
    report = (tmp_path / "out" / "report.html").read_text(encoding="utf-8")
    unread_table = report.split("Parts that could not be read", 1)[1]
    assert all(f"<td>{name}</td>" in unread_table for name in partial)
    assert "<td>whole.docx</td>" not in unread_table and "<td>whole-ocr.txt</td>" not in unread_table
    unread_csv = (tmp_path / "out" / "tables" / "unread.csv").read_text(encoding="utf-8-sig")
    assert all(name in unread_csv for name in partial) and "whole" not in unread_csv


def test_a_total_the_rows_read_cannot_reach_is_a_coverage_check_typed_and_ocrd(tmp_path, capsys):
    _, outputs, _ = _convert_folder(tmp_path, capsys)
    # Typed: row 2 (4 | 4) not printed where the numbering says it stands; the totals count it.
    short = outputs["short.docx"]
    assert [u["reason"] for u in short["unread"]] == ["numbering jumps from 1 to 3: 2 not read"]
    assert sorted(_coverage(short)) == [("max_points", 10, 14), ("self_points", 9, 13)]
    assert {c["status"] for c in short["checks"] if c["kind"] in ("coverage", "stated_total")} == {"incomplete"}
    # OCR'd: row 3 (14,5 | 13,75) garbled past reading ("ee. | Sa ae ~ ee | ' |"), printed between 2
    # and 4, where the set names 3: restored with the set's name, flagged, its cells not read
    # (it is no witness to the checks: 47 of the stated 61,5 read), queued whole.
    lost = outputs["lost-ocr.txt"]
    assert [r["code"] for t in lost["score_tables"] for r in t["rows"]] == ["1", "2", "3", "4", "5"]
    row3 = lost["score_tables"][0]["rows"][2]
    assert (row3["name"], row3["name_raw"], row3["self_points_raw"]) == ("Cải cách thủ tục hành chính", "", None)
    # Its self score not read: the stated total less the other fields' read gives it (13,75), after
    # the checks, flagged derived (the fields read and row 3's set maximum make up the total of 61,5).
    assert row3["self_points"] in (None, 13.75)
    assert row3["self_points"] is None or "derived_from_sums:self_points" in row3["flags"]
    assert FLAG_RESTORED in row3["flags"]
    assert any(q["item"] == "/score_tables/0/rows/2" and q["field"] is None for q in lost["review"])
    assert sorted(_coverage(lost)) == [("max_points", 47, 61.5), ("self_points", 45.25, 59)]
    assert [u["reason"] for u in lost["unread"]] == ["numbering jumps from 2 to 4: 3 not read"]
    # Named where: criterion 3 (14,5) makes up the 14,5 the maxima fall short, alone; the set's
    # criteria 6 to 8 are ones this document does not print.
    said = [c["message"] for c in lost["checks"] if c["kind"] == "coverage"]
    assert all(m.endswith("top-level criteria 3 of the criteria set were not read") for m in said), said
    assert not [c for c in lost["checks"] if c["status"] == "mismatch"]
