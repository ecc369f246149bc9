"""Rows typed as tab-aligned lines (a DOCX's paragraphs, no table) that no reader placed are told:
a parent's line left out of the table read above its sub-criteria, and a whole table typed as
lines that no reader saw as one. A document read whole tells nothing. Real DOCX files, made here
with python-docx, through the whole pipeline."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file, result_to_json
from extract.base import ingest
from extract.segment.unread import _line_read, _row_sources
from extract.segment.unread_typed_rows import unread_typed_rows

# (code, name's lines, max, self): a name broken by hand types its figures after its last line.
_ROWS = [
    ("1.", ["Công tác chỉ đạo, điều hành cải cách hành", "chính"], "5", "2,5"),
    ("1.1", ["Kế hoạch cải cách hành chính năm"], "3", "1,25"),
    ("1.1.1", ["Ban hành kế hoạch cải cách hành chính năm", "kịp thời"], "1", "0,75"),
    ("1.1.2", ["Mức độ hoàn thành kế hoạch cải cách hành", "chính năm"], "2", "0,5"),
    ("1.2", ["Thực hiện chế độ báo cáo cải cách hành", "chính định kỳ"], "2", "1,25"),
    ("2.", ["Cải cách thủ tục hành chính"], "7", "6"),
    ("2.1", ["Công khai thủ tục hành chính tại Bộ phận", "một cửa"], "3", "2,75"),
    ("2.2", ["Rà soát, đánh giá thủ tục hành chính"], "4", "3,25"),
]


def _typed_report(path: Path, title: str, header: str, wrap_first: bool = True) -> Path:
    """A report whose score table is typed as paragraphs at tab stops, one a row: code, name,
    maximum, points; a name broken by hand (a line break) carries its figures on its last line."""
    document = docx.Document()
    document.add_paragraph(title)
    document.add_paragraph("Thực hiện Kế hoạch của UBND huyện, UBND xã báo cáo kết quả như sau:")
    document.add_paragraph(header)
    for k, (code, name, most, got) in enumerate(_ROWS):
        lines = name if (wrap_first or k) else [" ".join(name)]
        paragraph = document.add_paragraph()
        for n, text in enumerate(lines):
            run = paragraph.add_run((f"{code}\t" if n == 0 else "") + text)
            if n < len(lines) - 1:
                run.add_break()
        paragraph.add_run(f"\t{most}\t{got}")
    document.add_paragraph("\tTổng cộng\t12\t8,5")
    document.save(str(path))
    return path


def _codes_read(out: dict) -> set[str]:
    return {(r.get("code") or "").rstrip(".") for t in out.get("score_tables") or [] for r in t["rows"]}


def _told_lines(out: dict) -> list[tuple[int, int]]:
    return [
        (p["line_start"], p.get("line_end") or p["line_start"])
        for p in out.get("unread") or []
        if p["kind"] == "rows" and p.get("line_start") is not None
    ]


def _every_row_read_or_told(path: Path, out: dict) -> None:
    """Each typed row either came out under its code or lies in an unread part of kind "rows",
    which the review queue names."""
    doc = ingest(path)
    read = _codes_read(out)
    told = _told_lines(out)
    for code, name, _, _ in _ROWS:
        if code.rstrip(".") in read:
            continue
        line = next(ln for p in doc.pages for ln in p.lines if ln.text.startswith(f"{code} {name[0]}"))
        assert any(a <= line.number <= b for a, b in told), (code, out.get("unread"))
    items = {e["item"] for e in out.get("review") or []}
    assert all(f"/unread/{k}" in items for k in range(len(out.get("unread") or []))), out.get("review")


def test_a_parent_left_out_of_the_table_read_is_told_with_its_lines(tmp_path):
    path = _typed_report(tmp_path / "report.docx", "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH", _HEADER)
    out = result_to_json(convert_file(path))
    assert _codes_read(out) >= {"1.1", "1.1.1", "1.2", "2.1"}  # the table was read
    _every_row_read_or_told(path, out)


def test_a_table_typed_as_lines_that_no_reader_saw_is_told_whole(tmp_path):
    # a plan's title names no scoring: no reader looks for a table without a header it knows
    path = _typed_report(tmp_path / "plan.docx", "KẾ HOẠCH Nâng cao Chỉ số cải cách hành chính", _HEADER)
    out = result_to_json(convert_file(path))
    _every_row_read_or_told(path, out)


def test_a_row_dropped_from_what_was_read_is_told_and_one_read_is_not(tmp_path):
    """The tell itself, on the pipeline's own reading of a document: with a row taken out of the
    result, its printed line is told as a parent not read; with none taken out, nothing is."""
    path = _typed_report(tmp_path / "whole.docx", "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH", _HEADER, False)
    result = convert_file(path)
    doc = ingest(path)

    def told(res) -> list:
        sources = _row_sources(res)
        return unread_typed_rows(doc, res, lambda line, page: _line_read(line, page, sources))

    assert _codes_read(result_to_json(result)) == {c.rstrip(".") for c, *_ in _ROWS}
    assert told(result) == []
    score = result.score_tables[0]
    rest = [r for r in score.rows if (r.code or "").rstrip(".") != "2"]
    dropped = replace(result, score_tables=[replace(score, rows=rest)])
    parts = told(dropped)
    assert [p.kind for p in parts] == ["rows"] and "row 2 not read" in parts[0].reason
    assert parts[0].text_sample.startswith("2. Cải cách thủ tục hành chính")


def test_a_document_read_whole_lists_no_unread_part(tmp_path):
    path = _typed_report(tmp_path / "whole.docx", "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH", _HEADER, False)
    out = result_to_json(convert_file(path))
    assert _codes_read(out) == {c.rstrip(".") for c, *_ in _ROWS}
    assert out["unread"] == []


_HEADER = "STT\tNội dung\tĐiểm tối đa\tĐiểm đạt"
