"""The review queue on a real converted document: a score table DOCX with planted faults, printed
to PDF by LibreOffice, converted by the batch. One row per doubtful value with all its reasons,
the most serious first; a reviewer confirms, corrects and dismisses through the sheet; a second,
different correction is refused and kept; decisions outlive a new conversion."""

from __future__ import annotations

import io
import json
from pathlib import Path

import docx
import openpyxl
import pandas as pd
import pytest

from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.cli import main
from cchc_extract.pipeline import PipelineOptions
from cchc_extract.review import (
    CORRECTIONS_LOG,
    REVIEW_COLUMNS,
    REVIEW_CSV,
    REVIEW_XLSX,
    Decision,
    apply_decisions,
    build_queue,
    load_log,
    read_review,
)
from extract.external import convert_to_pdf

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "renderings"
# Planted: 1.1.2 self-scored 9 of a maximum 1 (above its maximum, and its parent 1.1 no longer
# adds up); 1.3.1 self-scored 0,5 (its parent 1.3 states 2, its children add up to 1,5).
PLANTED = {"1.1.2": "9", "1.3.1": "0,5"}


def _planted(folder: Path) -> Path:
    document = docx.Document(str(SAMPLES / "score_table.docx"))
    for row in document.tables[0].rows:
        code = row.cells[0].text.strip()
        if code in PLANTED:
            paragraph = row.cells[3].paragraphs[0]
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = PLANTED[code]
    source = folder / "planted.docx"
    document.save(str(source))
    pdf = convert_to_pdf(source, folder)
    source.unlink()
    return pdf


def _convert(folder: Path, out: Path, force: bool = False) -> None:
    summary = run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1, force=force), stream=io.StringIO())
    assert summary.failed == 0 and not summary.output_error


def _doc(out: Path) -> dict:
    return json.loads((out / "planted.pdf.json").read_text(encoding="utf-8"))


def _row(data: dict, code: str) -> dict:
    return next(r for r in data["score_tables"][0]["rows"] if r["code"] == code)


def _key(data: dict, code: str, field: str = "self_points") -> str:
    rows = data["score_tables"][0]["rows"]
    return f"planted.pdf#/score_tables/0/rows/{rows.index(_row(data, code))}#{field}"


def _type(xlsx: Path, typed: dict[str, dict[str, str]]) -> None:
    """Type into the rows of the given keys: {key: {column id: text}}, as a person would."""
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    col = {name: i for i, name in enumerate(REVIEW_COLUMNS, start=1)}
    rows = {sheet.cell(r, col["key"]).value: r for r in range(2, sheet.max_row + 1)}
    for key, cells in typed.items():
        for name, text in cells.items():
            sheet.cell(rows[key], col[name]).value = text
    book.save(xlsx)


@pytest.fixture(scope="module")
def converted(tmp_path_factory):
    base = tmp_path_factory.mktemp("queue")
    folder, out = base / "in", base / "out"
    folder.mkdir()
    _planted(folder)
    _convert(folder, out)
    return folder, out


@pytest.mark.needs_libreoffice
def test_one_row_per_value_most_serious_first(converted):
    _, out = converted
    data = _doc(out)
    frame = read_review(out / REVIEW_XLSX)
    assert frame["key"].is_unique
    first = frame.iloc[0]
    # 1.1.2 breaks two relations (above its maximum, its parent's sum): one row, both reasons.
    assert first["key"] == _key(data, "1.1.2") and first["code"] == "1.1.2"
    assert "9 vượt điểm tối đa 1" in first["reasons"] and "1.1: điểm tự chấm ghi 2,5" in first["reasons"]
    assert first["name"].startswith("Xác định đầy đủ các nhiệm vụ") and first["max_points"] == "1"
    crop = read_review(out / REVIEW_CSV)["crop"].iloc[0]
    assert first["page"] == "1" and first["crop"] == "xem" and crop.startswith("review/crops/planted.pdf/")
    assert first["status"] == "chưa xem" and first["value"] == "9"
    # The inconsistencies come before any value doubted for its confidence alone.
    entries = build_queue(out)
    severities = [e.severity for e in entries]
    assert severities == sorted(severities, key=["inconsistency", "misreading", "unread", "low_confidence"].index)
    # The two broken relations, one entry each on a typed document: 1.1.2 above its maximum (its
    # parent's sum joins that entry), and 1.3's sum on the figure it states, its message naming the
    # parts ("1.3: … add up to 1,5, the row states 2": a person reads 1.3.1's 0,5 there).
    assert {e.code for e in entries if e.severity == "inconsistency"} == {"1.1.2", "1.3"}
    sum_13 = next(e for e in entries if e.code == "1.3")
    assert any("1,5" in r.message and "1.3" in r.message for r in sum_13.reasons)
    # Printed landscape, fit to the width, wrapped rows tall enough for their text.
    sheet = openpyxl.load_workbook(out / REVIEW_XLSX).active
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.row_dimensions[2].height >= 30  # two reasons wrap over more than one line
    assert sheet.cell(2, REVIEW_COLUMNS.index("crop") + 1).hyperlink.target == crop


@pytest.mark.needs_libreoffice
def test_confirm_correct_dismiss_round_trip(converted, capsys):
    folder, out = converted
    data = _doc(out)
    k112, k13 = (_key(data, c) for c in ("1.1.2", "1.3"))
    _type(
        out / REVIEW_XLSX,
        {
            k112: {"corrected_value": "1", "note": "bản giấy ghi 1"},
            k13: {"status": "bỏ qua", "note": "lỗi của xã, đã báo"},
        },
    )
    assert main(["apply-review", str(out / REVIEW_XLSX), "--out", str(out)]) == 0
    assert "đã áp dụng 2 giá trị sửa cho 1 tài liệu" in capsys.readouterr().err
    data = _doc(out)
    assert _row(data, "1.1.2")["self_points"] == 1 and _row(data, "1.1.2")["confidence"] == 1.0
    assert [(c["old"], c["new"]) for c in data["corrections"]] == [(9, 1)]  # corrected; a dismissal changes no value
    log = load_log(out)
    assert {line.key: line.action for line in log} == {k112: "corrected", k13: "dismissed"}
    first = next(line for line in log if line.key == k112)
    assert first.note == "bản giấy ghi 1" and first.source == REVIEW_XLSX and first.sha256
    # Decided values left the queue, though 1.3's sum is still broken.
    assert {k112, k13}.isdisjoint(set(read_review(out / REVIEW_XLSX)["key"]))
    assert any(c["status"] == "mismatch" and c["code"] == "1.3" for c in data["checks"])

    # A second, different correction of 1.1.2 is refused, said, and kept with what was typed.
    frame = read_review(out / REVIEW_CSV).drop(columns="_formula")
    extra = pd.DataFrame([{"key": k112, "code": "1.1.2", "corrected_value": "0,5"}], columns=frame.columns)
    edited = out / "edited.csv"
    pd.concat([frame, extra], ignore_index=True).fillna("").to_csv(edited, index=False, encoding="utf-8-sig")
    assert main(["apply-review", str(edited), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"{k112}: đã sửa thành 1" in err and "không nhận lần sửa thứ hai khác giá trị (0,5)" in err
    assert _row(_doc(out), "1.1.2")["self_points"] == 1 and len(load_log(out)) == 2
    kept = read_review(out / REVIEW_XLSX)
    assert kept.loc[kept["key"] == k112, "corrected_value"].tolist() == ["0,5"]
    # The same correction again is no news.
    report = apply_decisions(out, [Decision(k112, "correct", "1", source="page")], refresh=False)
    assert (report.applied, report.unchanged, report.problems) == (0, 1, [])

    # Converted again (the JSON rewritten from the PDF): the dismissed value stays
    # out of the queue; the correction comes back typed in, and applying the sheet restores it.
    _convert(folder, out, force=True)
    assert _row(_doc(out), "1.1.2")["self_points"] == 9
    frame = read_review(out / REVIEW_XLSX)
    assert k13 not in set(frame["key"])
    again = frame.loc[frame["key"] == k112].iloc[0]
    assert (again["status"], again["corrected_value"]) == ("sửa", "1")
    assert main(["apply-review", str(out / REVIEW_XLSX), "--out", str(out)]) == 0
    assert _row(_doc(out), "1.1.2")["self_points"] == 1
    assert (out / CORRECTIONS_LOG).is_file()


@pytest.mark.needs_libreoffice
def test_page_api_outcomes(converted):
    """What the review page gets back from one decision: applied, unchanged or refused, and why."""
    _, out = converted
    data = _doc(out)
    k12 = _key(data, "1.2")
    report = apply_decisions(
        out,
        [Decision(k12, "confirm", source="page"), Decision("nonsense", "confirm"), Decision(k12, "frobnicate")],
        refresh=False,
        lang="en",
    )
    assert [o.result for o in report.outcomes] == ["applied", "refused", "refused"]
    assert "is not <file>#<JSON pointer>#<field>" in report.outcomes[1].message
    assert "status 'frobnicate' not known" in report.outcomes[2].message
    assert (load_log(out)[-1].key, load_log(out)[-1].action, load_log(out)[-1].source) == (k12, "confirmed", "page")
