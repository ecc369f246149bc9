"""A blank cell of a text export's table (markdown pipes, HTML, tabs) is as certain as a DOCX's:
the format delimits every cell, so a criterion printed blank adds 0 to its parent's sum and a
parent stating more is the document's own fault. What says "not scored" (a "-" mark) stays
unknown. Real files written and read through the whole pipeline; the table records how its cells
were read (``read_from``) and the document what the repair took its text for (``text_damage``)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json, write_json
from cchc_extract.reconcile.misread import ocr_read
from cchc_extract.validate import validate_file
from test_score_variants import body, convert, mismatches, total_row

HEADER = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
TITLE = "BẢNG TỰ CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2024"


def _rows(ii_self: str = "4,5", ii2_self: str = "", total_self: str = "13") -> list[list[str]]:
    """The catalogue with II.2's self cell as given (printed blank by default) and II's self."""
    rows = [HEADER] + body("cnmse")
    rows[12][3] = ii_self
    rows[14][3] = ii2_self
    return rows + [total_row("cnmse", self_=total_self)]


def write_markdown(path: Path, rows: list[list[str]]) -> Path:
    lines = [f"# {TITLE}", ""]
    lines.append("| " + " | ".join(rows[0]) + " |")
    lines.append("|" + "|".join("---" for _ in rows[0]) + "|")
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_html(path: Path, rows: list[list[str]]) -> Path:
    head = "".join(f"<th>{c}</th>" for c in rows[0])
    body_rows = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>\n" for row in rows[1:])
    path.write_text(f"<p>{TITLE}</p>\n<table>\n<tr>{head}</tr>\n{body_rows}</table>\n", encoding="utf-8")
    return path


def write_tsv(path: Path, rows: list[list[str]]) -> Path:
    path.write_text(TITLE + "\n" + "\n".join("\t".join(row) for row in rows) + "\n", encoding="utf-8")
    return path


def _blank_fault_found(path: Path, read_from: str) -> None:
    result, table = convert(path)
    assert table.read_from == read_from
    assert result.source.text_damage == "" and not ocr_read(result)
    assert table.rows[13].code == "II.2" and table.rows[13].self_points is None
    (check,) = [c for c in result.checks if c.kind == "sum_self" and c.code == "II"]
    assert (check.status, check.expected, check.actual) == ("mismatch", 3, 4.5)
    assert "1 printed blank, counted as 0" in check.message
    assert mismatches(result) == ["sum_self II self_points"]


def test_a_blank_cell_of_a_markdown_table_adds_nothing_and_the_parent_stating_more_is_a_fault(tmp_path):
    _blank_fault_found(write_markdown(tmp_path / "blank.md", _rows()), "markdown")
    # The same table with II stating what its sub-criteria give (and the total 11,5) holds.
    result, _ = convert(write_markdown(tmp_path / "held.md", _rows(ii_self="3", total_self="11,5")))
    assert mismatches(result) == []


def test_a_blank_cell_of_an_html_table_adds_nothing(tmp_path):
    _blank_fault_found(write_html(tmp_path / "blank.md", _rows()), "html")
    result, _ = convert(write_html(tmp_path / "held.md", _rows(ii_self="3", total_self="11,5")))
    assert mismatches(result) == []


def test_a_blank_cell_of_a_tab_separated_table_adds_nothing(tmp_path):
    _blank_fault_found(write_tsv(tmp_path / "blank.txt", _rows()), "tsv")


def test_a_criterion_marked_not_scored_in_a_markdown_table_stays_unknown(tmp_path):
    """A "-" says the criterion was not scored, not what the parent counted for it: II's sum is
    not checked, and no fault is reported (the commune may count it either way)."""
    result, table = convert(write_markdown(tmp_path / "marked.md", _rows(ii2_self="-")))
    assert "self_marked_none" in table.rows[13].flags
    (check,) = [c for c in result.checks if c.kind == "sum_self" and c.code == "II"]
    assert check.status != "mismatch"
    assert mismatches(result) == []


def test_how_the_table_was_read_survives_the_json_and_the_recheck(tmp_path):
    """``validate`` rebuilds the output and runs the checks again: the blank still counts 0 there,
    so the recomputed checks are the written ones."""
    result, _ = convert(write_markdown(tmp_path / "blank.md", _rows()))
    out = tmp_path / "blank.md.json"
    write_json(result_to_json(result), out)
    ok, problems = validate_file(out)
    assert ok and problems == []


def test_an_ocr_dump_is_judged_once_and_its_blanks_stay_unknown():
    """The repair stage's judgement of the text (an OCR dump: words that are not syllables) is
    recorded on the document and the output, and ``ocr_read`` answers from it: the dump's table,
    split from lines, never counts a blank as 0."""
    sample = next(Path(__file__).parent.parent.joinpath("samples").glob("003_*.txt"))
    result = convert_file(sample)
    assert result.source.method == "text" and result.source.text_damage == "ocr" and ocr_read(result)
    assert [t.read_from for t in result.score_tables] == ["lines"]
    assert not any("counted as 0" in c.message for c in result.checks)
    # Without the repair stage the text is judged all the same (once, by the pipeline).
    bare = convert_file(sample, options=PipelineOptions(repair=False))
    assert bare.source.text_damage == "ocr" and bare.errors == []


def test_a_withdrawn_criterion_of_a_markdown_table_stays_unknown(tmp_path):
    """A criterion printed with no maximum and no score (withdrawn, or not applicable this year)
    is no scored criterion: nothing says what its parent counted for it, so no fault either way."""
    rows = _rows(ii2_self="x")
    result, table = convert(write_markdown(tmp_path / "x.md", rows))
    assert "self_marked_none" in table.rows[13].flags
    assert mismatches(result) == []
    rows = _rows()
    rows[14][2] = ""  # II.2's maximum blank too
    result, table = convert(write_markdown(tmp_path / "withdrawn.md", rows))
    assert table.rows[13].max_points is None and table.rows[13].self_points is None
    assert mismatches(result) == []
