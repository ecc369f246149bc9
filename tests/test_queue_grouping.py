"""The review queue holds every doubtful value once, and one entry per fault of the document.

* a typed document whose total row disagrees with its rows: one fault, one entry (the total),
  not one per row; the same relation on an OCR dump queues every suspect when a row was read
  unsurely (any may be ours), else the total once; on a scan, whose OCR scores each word, the
  total once beside the cells OCR doubted;
* a points column read as explanations (bare figures): each row's blank appraised cell is queued
  with the figure as its other reading;
* an OCR dump whose letters came out clean is still told by its numbers' confusions;
* the batch summary names a document whose sums the rows read fall short of.
"""

from __future__ import annotations

import io
from pathlib import Path

from cchc_extract.batch import BatchSettings, run_convert, short_sums
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from cchc_extract.progress import BatchSummary, FileOutcome, summary_text
from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.misread import number_confusions, ocr_read
from schemas import schema_errors
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo, SourceRef, reasons_of
from test_unread import SCORE_HEADER, _decree30_docx

# Seven criteria of the Decree 30 set with their maxima; the total row states 101 (they add up to 100).
TOP = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9"),
    ("2", "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", "10", "9,5"),
    ("3", "Cải cách thủ tục hành chính", "14,5", "13"),
    ("4", "Cải cách tổ chức bộ máy hành chính", "11", "10"),
    ("5", "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", "16", "15"),
    ("6", "Cải cách tài chính công", "22,5", "20"),
    ("7", "Hiện đại hóa hành chính", "16", "14"),
]


def _review_keys(data: dict) -> set[tuple[str, str | None]]:
    return {(r["item"], r.get("field")) for r in data["review"]}


def test_typed_total_row_fault_is_one_entry(tmp_path):
    rows = [list(r) for r in TOP] + [["", "Tổng cộng", "101", "90,5"]]
    path = _decree30_docx(tmp_path / "bc.docx", [[SCORE_HEADER, *rows]])
    data = result_to_json(convert_file(path))
    assert schema_errors(data) == []
    total = [c for c in data["checks"] if c["kind"] == "stated_total" and c["field"] == "max_points"]
    assert [c["status"] for c in total] == ["mismatch"], total
    # The 7 rows are read as printed; the total is the one figure no relation vouches for.
    entries = [r for r in data["review"] if total[0]["message"] in reasons_of(r)]
    assert [(r["item"], r["field"], r["value"]) for r in entries] == [("/score_tables/0", "max_points", 101)]
    assert len(_review_keys(data)) == 1, data["review"]


def _result(method: str, explanations: list[str] | None = None, **kw) -> ExtractionResult:
    rows = [
        ScoreRow(
            code=code,
            level=1,
            max_points=float(mx.replace(",", ".")),
            self_points=float(sp.replace(",", ".")),
            name=name,
            name_raw=name,
            explanation=(explanations or [""] * len(TOP))[k],
            confidence=0.92,
            source=SourceRef(page=1, line_start=10 + k),
        )
        for k, (code, name, mx, sp) in enumerate(TOP)
    ]
    table = ScoreTable(title="Bảng điểm", rows=rows, **kw)
    return ExtractionResult(source=SourceInfo(path="x.txt", format="txt", method=method), score_tables=[table])


def _total_entries(result: ExtractionResult) -> set[str]:
    reasons = {c.message for c in result.checks if c.kind == "stated_total" and c.field == "max_points"}
    return {r.item for r in result.review if r.field == "max_points" and reasons & set(reasons_of(r))}


def test_ocr_total_fault_queues_every_suspect():
    """On an OCR dump a failed total with a row read unsurely is ours as likely as the
    commune's: every suspect is queued. With no doubt on any row and no misreading explaining
    it, it is the document's fault, queued once on the total as on typed text."""
    typed, dump, doubted = (_result("text", stated_total_max=101.0) for _ in range(3))
    for result in (dump, doubted):
        result.source.read_by_ocr = True  # an OCR dump: characters OCR made, no word confidence kept
    doubted.score_tables[0].rows[3].confidence = 0.6
    for result in (typed, dump, doubted):
        reconcile(result)
    assert _total_entries(typed) == {"/score_tables/0"}
    assert [c.status for c in dump.checks if c.kind == "stated_total"] == ["mismatch"]
    assert _total_entries(dump) == {"/score_tables/0"}
    assert [c.status for c in doubted.checks if c.kind == "stated_total"] == ["misread"]
    assert {f"/score_tables/0/rows/{k}" for k in range(len(TOP))} <= _total_entries(doubted)


def test_scan_total_fault_among_sure_cells_is_one_entry():
    """On a scan OCR scores each word: rows it read surely are what the page prints, so the
    failed total is one fault of the document, queued once on the total (as on typed text); a
    cell OCR doubted is queued beside it."""
    scanned = _result("ocr", stated_total_max=101.0)
    reconcile(scanned)
    assert [c.status for c in scanned.checks if c.kind == "stated_total"] == ["mismatch"]
    assert _total_entries(scanned) == {"/score_tables/0"}
    doubted = _result("ocr", stated_total_max=101.0)
    doubted.score_tables[0].rows[3].flags.append("unsure_max_points:0.40")
    reconcile(doubted)
    assert [c.status for c in doubted.checks if c.kind == "stated_total"] == ["misread"]
    assert _total_entries(doubted) == {"/score_tables/0", "/score_tables/0/rows/3"}


def test_points_column_read_as_explanations_is_queued():
    notes = ["8,5", "9", "12,5", "9,75", "14", "19", "13,5"]  # the appraising body's points
    result = _result("text", notes)
    reconcile(result)
    for k, note in enumerate(notes):
        entry = [r for r in result.review if r.item == f"/score_tables/0/rows/{k}" and r.field == "appraised_points"]
        assert entry, f"row {k}: its appraised points stand in the explanation {note!r} and are not queued"
        figure = float(note.replace(",", "."))
        assert any(e.alternatives == [figure] and note in (e.reason or "") for e in entry), entry
        assert result.score_tables[0].rows[k].value_confidence["appraised_points"] < 0.8
    # Ordinary notes (documents cited, a figure now and then) are no column.
    plain = _result("text", ["Kế hoạch số 12/KH-UBND", "1", "", "Báo cáo 6 tháng", "", "", "2 văn bản"])
    reconcile(plain)
    assert not any(r.field == "appraised_points" for r in plain.review)


def test_clean_lettered_dump_is_told_ocr_by_its_numbers():
    result = _result("text")
    assert not ocr_read(result)
    rows = result.score_tables[0].rows
    rows[1].code, rows[1].code_raw = "2", "2"
    rows[2].self_points_raw = "13"  # as printed: nothing lost
    assert number_confusions(result) == 0
    rows[3].self_points, rows[3].self_points_raw = 9.5, "95"  # "9,5" lost its comma
    assert number_confusions(result) == 1 and not ocr_read(result)  # one slip is no pattern
    sub = ScoreRow(code="4.1", code_raw="41", level=2, max_points=2.0, self_points=2.0, source=SourceRef(page=1))
    rows.insert(4, sub)  # "4.1" lost its dot
    assert number_confusions(result) == 2 and ocr_read(result)


def test_summary_names_documents_with_sums_short_of_their_totals(tmp_path):
    summary = BatchSummary(files=2)
    summary.add(FileOutcome(file="ok.docx", status="converted"))
    short = short_sums(
        [
            {"kind": "stated_total", "status": "incomplete"},
            {"kind": "coverage", "status": "incomplete"},
        ]
    )
    assert short == 1
    summary.add(FileOutcome(file="scan.pdf", status="converted", short=short))
    assert summary.with_unread == ["scan.pdf"]
    text = summary_text(summary, "en")
    assert "1 with parts not read" in text
    assert "not all read: scan.pdf: 0 part(s), 1 sum(s) the rows read fall short of" in text
    assert "ok.docx" not in text
    assert "chưa đọc hết: scan.pdf" in summary_text(summary, "vi")


def test_batch_of_whole_documents_names_none(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _decree30_docx(inputs / "ok.docx", [[SCORE_HEADER, *[list(r) for r in TOP]]])
    stream = io.StringIO()
    summary = run_convert(
        [inputs], tmp_path / "out", PipelineOptions(), BatchSettings(workers=1, lang="en"), stream=stream
    )
    assert summary.with_unread == [] and "not all read" not in stream.getvalue()
    assert Path(tmp_path / "out").is_dir()


def test_ocr_total_fault_leaves_out_maxima_the_set_prints():
    """A printed maximum equal to the criteria set's for its code is what the page prints (a
    misreading seldom lands on the set's figure) and no slip of the commune: when a dump's total
    of maxima fails beside a row read unsurely, the rows the set vouches for are no suspects, the
    unsure row among them (its doubt is its row's, not its maximum's: it keeps the check
    ``misread``); the total and the maximum the set disputes (6's 22,5) are."""
    dump = _result("text", stated_total_max=101.0)
    dump.source.read_by_ocr = True
    for r, (_, _, mx, _) in zip(dump.score_tables[0].rows, TOP):
        r.max_points_raw = mx
    dump.score_tables[0].rows[3].confidence = 0.6
    reconcile(dump)
    assert [c.status for c in dump.checks if c.kind == "stated_total"] == ["misread"]
    entries = _total_entries(dump)
    assert entries == {"/score_tables/0", "/score_tables/0/rows/5"}, entries
