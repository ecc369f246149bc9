"""Score grids whose columns the header alone misnames: a verdict ticked under "Đạt" / "Không đạt" (a
column the self assessment's words head, holding no figure) beside the self points, and a criterion
code printed over a column per level ("I" | "1" | "a"; "1" | "1.1" | "1.1.1"). Read from DOCX files
the corpus generator writes (tools/corpusgen/new_layouts_b.py), against its truth."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from extract.base import ingest
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.level_codes import code_like, level_code, level_columns, lone_letter
from extract.segment.score_tables import find_score_tables, map_columns
from extract.segment.verdict_columns import verdict_cell, verdict_column, without_verdicts
from tests.layout_docs import plain_docx

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]


def _docx(family: str, index: int, seed: int, tmp_path: Path):
    import make_corpus as mc
    from corpusgen.render_docx import write_docx

    built = mc.FAMILIES[family](mc.instances(family, mc.load_sets(), 4, seed)[index - 1])
    path = tmp_path / f"{family}-{index}.docx"
    write_docx(next(o for o in built.outputs if o.fmt == "docx").document, path)
    return built, path


def _read(path: Path):
    tables = find_score_tables(ingest(path))
    return [row for table in tables for row in table.rows]


@pytest.mark.parametrize("seed", (2101, 2312))
def test_ticked_verdicts_leave_the_self_points_to_their_own_column(seed, tmp_path):
    built, path = _docx("N06_pass_fail_points", 4, seed, tmp_path)  # even instances tick the verdict
    truth = {r["code"]: (r["max_points"], r["self_points"]) for t in built.score_tables for r in t["rows"]}
    rows = _read(path)
    assert {r.code: (r.max_points, r.self_points) for r in rows} == truth
    assert not any("self_marked_none" in r.flags for r in rows)


@pytest.mark.parametrize(("index", "seed"), ((1, 2101), (3, 2101), (4, 2101), (3, 2313)))
def test_codes_over_a_column_per_level_are_read_whole_letters_kept(index, seed, tmp_path):
    built, path = _docx("N07_level_code_columns", index, seed, tmp_path)
    truth = [
        (r["code"], r["max_points"], r["self_points"], r["appraised_points"])
        for t in built.score_tables
        for r in t["rows"]
    ]
    rows = _read(path)
    assert [(r.code, r.max_points, r.self_points, r.appraised_points) for r in rows] == truth
    if index % 2:  # the roman variant prints its third level as lone letters: "1.a", "III.2.a"
        assert any(r.code and r.code.split(".")[-1].isalpha() for r in rows)


def _table(header: list[list[str]], body: list[list[str]], owners: list[int] | None = None) -> JoinedTable:
    rows = [
        JoinedRow(cells=list(cells), bold=[False] * len(cells), page=1, line_start=i, line_end=i, fragment=0)
        for i, cells in enumerate(body)
    ]
    n = len(header[0])
    return JoinedTable(header, rows, [1], n, "docx", 0, len(body), 0, owners=owners or list(range(n)))


def test_a_verdict_column_gives_up_the_points_field_only_to_a_column_with_figures():
    header = [["TT", "Nội dung", "Điểm tối đa", "Điểm tự chấm", "Tự đánh giá", "Ghi chú"]]
    body = [["1", "Kế hoạch", "2", "1,5", "Không đạt", ""], ["2", "Báo cáo", "1", "1", "Đạt", "x"]]
    joined = _table(header, body)
    assert verdict_column(joined, 4) and not verdict_column(joined, 3)
    assert verdict_cell("Không đạt") and verdict_cell("✓") and not verdict_cell("1,5")
    columns = {"code": 0, "name": 1, "max": 2, "self": 4, "explanation": 5}
    assert without_verdicts(joined, columns, map_columns)["self"] == 3
    # No other column prints the self points: the mapping stays as the header gave it.
    alone = _table([h[:3] + h[4:] for h in header], [b[:3] + b[4:] for b in body])
    kept = {"code": 0, "name": 1, "max": 2, "self": 3, "explanation": 4}
    assert without_verdicts(alone, kept, map_columns) == kept


def test_level_columns_join_under_a_merged_header_and_stop_at_a_column_of_words():
    header = [["TT", "", "", "Nội dung", "Điểm chuẩn"]]
    body = [["I", "", "", "Chỉ đạo", "10"], ["", "1", "", "Kế hoạch", "5"], ["", "", "a", "Ban hành", "1"]]
    joined = _table(header, body, owners=[0, 0, 0, 3, 4])
    levels = level_columns(joined, {"code": 0, "name": 3, "max": 4})
    assert levels == [0, 1, 2]
    assert [level_code(row, levels) for row in joined.rows] == ["I", "1", "a)"]
    assert lone_letter("đ") == "đ" and lone_letter("ab") is None and code_like("1.1.") and not code_like("Tổng")
    words = _table([["TT", "Ghi", "Nội dung", "Điểm chuẩn"]], [["1", "mới", "Kế hoạch", "5"]])
    assert level_columns(words, {"code": 0, "name": 2, "max": 3}) == []


def test_a_lone_letter_in_a_single_code_column_stays_a_letter(tmp_path):
    body = [
        ("TT", "Nội dung tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
        ("I", "Công tác chỉ đạo, điều hành", "4", "3"),
        ("1", "Kế hoạch cải cách hành chính", "3", "2"),
        ("a", "Ban hành kế hoạch kịp thời", "1", "1"),
        ("b", "Mức độ hoàn thành kế hoạch", "2", "1"),
        ("2", "Báo cáo cải cách hành chính", "1", "1"),
    ]
    path = plain_docx(tmp_path / "letters.docx", (), body, ())
    assert [r.code for r in _read(path)] == ["I", "1", "1.a", "1.b", "2"]
