"""Typed PDFs read whole (corpus families N24, N28, N31 printed through LibreOffice): a borderless
table's header whose labels are wider than the figures under them still heads the table, a bonus
line a PDF wrapped is one statement, a blank figure among criteria pasted several to a row keeps
its place by its line's top. Each on a generated document that lost rows or raised a false
mismatch before, and on the mechanism's own small case."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract import pdf_unruled
from extract.model import Word
from extract.pdf_unruled import _Line, heads_columns
from extract.segment.score_adjustments import BONUS, stated_adjustment, statements
from tests.corpus_helpers import converted_corpus


def _words(*spans: tuple[str, float, float]) -> _Line:
    return _Line([Word(text, (x0, 250.0, x1, 262.0)) for text, x0, x1 in spans], 12.0)


# Gutters a dot-leader table's body leaves: code | name | maximum "10" | self points "8,25".
CUTS = [(80.8, 96.5), (371.5, 413.7), (425.7, 488.5)]


def test_labels_centred_over_narrow_figures_head_the_columns():
    header = _words(
        ("STT", 56.8, 79.5),
        ("Tiêu", 96.5, 119.8),
        ("chí", 122.8, 138.1),
        ("Điểm", 390.0, 417.3),
        ("tối", 420.3, 433.6),
        ("đa", 436.6, 449.3),
        ("Điểm", 462.8, 490.1),
        ("tự", 493.1, 504.3),
        ("chấm", 507.3, 535.3),
    )
    assert heads_columns(header, CUTS, 0.6 * 12)
    # a paragraph's line runs on over the columns, one label across them
    prose = _words(*((w, 56.8 + 30 * k, 80.0 + 30 * k) for k, w in enumerate("Thực hiện kế hoạch số 12 của".split())))
    prose.words += [
        Word(w, (300.0 + 28 * k, 250.0, 325.0 + 28 * k, 262.0)) for k, w in enumerate("UBND huyện về việc".split())
    ]
    assert not heads_columns(prose, CUTS, 0.6 * 12)
    # one label alone heads no table
    assert not heads_columns(_words(("Điểm", 390.0, 417.3), ("tối", 420.3, 433.6), ("đa", 436.6, 449.3)), CUTS, 7.2)


def test_a_statement_wrapped_inside_its_bracket_is_one_line():
    lines = [
        "- Điểm thưởng (sáng kiến, mô hình mới): 1,5 điểm (Mô hình “Một cửa thân thiện” được",
        "nhân rộng).",
        "- Điểm bị trừ: 1,5 điểm (Có hồ sơ giải quyết quá hạn chưa xin lỗi).",
    ]
    joined = statements(lines)
    assert len(joined) == 2
    bonus = stated_adjustment(joined[0])
    assert bonus is not None and (bonus.kind, bonus.points) == (BONUS, 1.5)
    assert bonus.note == "Mô hình “Một cửa thân thiện” được nhân rộng"
    assert statements(["Tổng điểm cuối cùng: 84 điểm.", "Nơi nhận:"]) == ["Tổng điểm cuối cùng: 84 điểm.", "Nơi nhận:"]


def _score_rows(out: dict) -> dict[str, tuple]:
    return {r["code"]: (r["max_points"], r["self_points"]) for t in out["score_tables"] for r in t["rows"]}


def _truth_rows(truth: dict) -> dict[str, tuple]:
    return {r["code"]: (r["max_points"], r["self_points"]) for t in truth["score_tables"] for r in t["rows"]}


def test_tab_aligned_pdfs_read_every_row(tmp_path: Path, monkeypatch):
    """Seed 4225's dot-leader instance prints "Điểm tối đa / Điểm tự chấm" over figures narrower
    than the labels: the header was left out of the borderless table, whose rows a task reader
    then took (0 of 10 score rows, nothing told). Read whole now; and were its header left out
    again, the grid under a score header printed apart is no task table and is told."""
    converted = converted_corpus(tmp_path / "c", "N24", seed=4225, formats="pdf")
    assert len(converted) == 4
    for doc, truth, out in converted:
        assert _score_rows(out) == _truth_rows(truth), doc["path"]
        assert not out["task_tables"], doc["path"]
    monkeypatch.setattr(pdf_unruled, "heads_columns", lambda *args: False)
    headless = {doc["path"]: result_to_json(convert_file(tmp_path / "c" / doc["path"])) for doc, _, _ in converted}
    # The header left out, a scoring document's figure columns are named from what they hold where
    # no label reads a word (column_contents.content_labels, since stop 75): read whole then, or,
    # where they are not, lost and told — never taken for a task table.
    lost = [doc for doc, _, _ in converted if not headless[doc["path"]]["score_tables"]]
    for doc, truth, _ in converted:
        if doc not in lost:
            assert _score_rows(headless[doc["path"]]) == _truth_rows(truth), doc["path"]
    for doc in lost:
        out = result_to_json(convert_file(tmp_path / "c" / doc["path"]))
        assert not out["task_tables"], doc["path"]
        assert any(u["kind"] == "table" and "1.1" in u["text_sample"] for u in out["unread"]), doc["path"]


def test_bonus_lines_wrapped_in_the_pdf_make_no_false_mismatch(tmp_path: Path):
    """Seed 4224's instance 4 prints the bonus's reason over two lines: the bonus was lost and the
    adjusted total, right on the page, was checked a mismatch."""
    converted = converted_corpus(tmp_path / "c", "N28", seed=4224, formats="pdf")
    for doc, truth, out in converted:
        assert _score_rows(out) == _truth_rows(truth), doc["path"]
        checks = [c for c in out["checks"] if c["kind"] == "adjusted_total"]
        assert all(c["status"] == "ok" for c in checks), (doc["path"], checks)
        if doc["variant"] == "bonus-penalty-lines":
            (table,) = out["score_tables"]
            assert BONUS in {a["kind"] for a in table["adjustments"]}, doc["path"]


def test_a_blank_figure_of_pasted_criteria_keeps_its_place_in_docx_and_pdf(tmp_path: Path):
    """Seed 4222's instance 1 pastes the fields in one row, the last field's self points blank:
    the four fields were told unread; now each figure faces its field by its line's place."""
    converted = converted_corpus(tmp_path / "c", "N31", seed=4222, formats="docx,pdf")
    blanks = 0
    for doc, truth, out in converted:
        want = _truth_rows(truth)
        assert _score_rows(out) == want, doc["path"]
        assert not [u for u in out["unread"] if u["kind"] == "rows"], doc["path"]
        blanks += sum(1 for _, self_points in want.values() if self_points is None)
    assert blanks >= 2  # the blank is there, in the DOCX and its PDF
