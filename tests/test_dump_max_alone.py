"""A score table whose header OCR printed with the max column's label alone (issue 11): the self
column's label and figures were printed after the table (psm 3 read the columns apart), so each row
of the table carries one figure, its maximum. Its rows print their codes and the criteria's names,
and "Điểm tối đa" is no task table's label: the rows are read, the self scores lost with their
column are queued (issue 16), not the whole table set aside. The dump is seed 9001's d03-i2 (real
Tesseract output, vie, 300 dpi, unruled; bnv-tinh wording), copied unchanged."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from score_dumps import queued_cell

DUMP = Path(__file__).parent / "data" / "dumps_nums64" / "s9001-d03-i2-unruled-top-vie-300dpi.txt"
# The truth's maxima of the eight criteria (the generator's, in print order).
MAXIMA = [10.0, 10.0, 14.5, 11.0, 16.0, 7.0, 16.0, 15.5]


def _read(tmp_path: Path, text: str) -> dict:
    path = tmp_path / DUMP.name
    path.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_rows_under_a_max_label_alone_are_read(tmp_path: Path) -> None:
    out = _read(tmp_path, DUMP.read_text(encoding="utf-8"))
    rows = out["score_tables"][0]["rows"]
    assert [r["code"] for r in rows] == [str(k) for k in range(1, 9)]
    assert [r["max_points"] for r in rows] == MAXIMA
    # the self column was not read beside the rows: each lost score is in the queue, none guessed
    assert all(r["self_points"] is None for r in rows)
    assert all(queued_cell(out, k, "self_points") for k in range(len(rows)))
    assert not any("do not read as points" in part["reason"] for part in out["unread"])


def test_a_header_naming_no_max_column_still_sets_the_table_aside(tmp_path: Path) -> None:
    # The same lines under a header whose "Điểm tối đa" is gone: nothing names a points column,
    # the table is set aside and told as unread, as before.
    text = DUMP.read_text(encoding="utf-8").replace("TT Nội dung đánh giá Điểm\ntối đa", "TT Nội dung đánh giá")
    out = _read(tmp_path, text)
    assert not out["score_tables"] or not out["score_tables"][0]["rows"]
    assert out["unread"]
