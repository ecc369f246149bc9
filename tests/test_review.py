"""The review round-trip: export to review.xlsx/.csv, a person fills corrected_value, apply-review
writes the corrections back (recorded), re-runs the checks, re-validates, rewrites tables."""

import json

import openpyxl
import pandas as pd
import pytest

from cchc_extract.cli import main
from cchc_extract.messages import labels
from cchc_extract.pipeline import write_json
from cchc_extract.review import (
    REVIEW_COLUMNS,
    export_review,
    parse_correction,
    read_review,
    record_type,
    resolve_pointer,
)
from schemas import schema_errors
from schemas.records import ReviewItem, ScoreRow, to_dict
from test_tables import make_out, score_report


@pytest.fixture
def out(tmp_path):
    folder = make_out(tmp_path)
    # A second item to review: a target whose value a person will retype.
    path = folder / "ngoc-ky" / "86-bc.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["review"].append(
        to_dict(
            ReviewItem(
                item="/targets/0", field="value", raw="100%", value=100.0, reason="low confidence", confidence=0.5
            )
        )
    )
    write_json(data, path)
    export_review(folder)
    return folder


SCORE_ITEM, TARGET_ITEM = "/score_tables/0/rows/2", "/targets/0"
STEM = "ngoc-ky/86-bc.txt"
SCORE_KEY, TARGET_KEY = f"{STEM}#{SCORE_ITEM}#self_points", f"{STEM}#{TARGET_ITEM}#value"
_KEYS = {SCORE_ITEM: SCORE_KEY, TARGET_ITEM: TARGET_KEY}


def _fill(xlsx, values: dict[str, str], column: str = "corrected_value") -> None:
    """Type into the rows of the given items, as a person would."""
    book = openpyxl.load_workbook(xlsx)
    sheet = book.active
    col = REVIEW_COLUMNS.index(column) + 1
    key_col = REVIEW_COLUMNS.index("key") + 1
    rows = {sheet.cell(r, key_col).value: r for r in range(2, sheet.max_row + 1)}
    for item, value in values.items():
        sheet.cell(rows[_KEYS.get(item, item)], col).value = value
    book.save(xlsx)


def _doc(out):
    return json.loads((out / "ngoc-ky" / "86-bc.txt.json").read_text(encoding="utf-8"))


def test_export_lists_every_review_item(out):
    frame = read_review(out / "review.xlsx")
    headers = list(pd.read_excel(out / "review.xlsx").columns)
    assert headers == [labels("col")[c] for c in REVIEW_COLUMNS]  # Vietnamese by default
    assert headers[:3] == ["Xã", "Tài liệu", "Trang"] and headers[-1] == "key"
    assert frame.document.tolist() == ["ngoc-ky/86-bc.txt", "ngoc-ky/86-bc.txt"]
    # Both are low confidence: the least confident first, the target (0.5) before the score row (0.6).
    assert frame["key"].tolist() == [TARGET_KEY, SCORE_KEY]
    first = frame.iloc[1]
    assert (first["code"], first["field"], first["page"]) == ("1.3.1", "điểm tự chấm", "1")
    assert (first["commune"], first["name"]) == ("Ngọc Kỳ", "Mức độ hoàn thành kế hoạch tự kiểm tra")
    assert first["reasons"] == "code repaired from '131'" and first["confidence"] == "0.6"
    assert first["max_points"] == "1" and first["status"] == "chưa xem"
    assert (frame.corrected_value == "").all()
    sheet = openpyxl.load_workbook(out / "review.xlsx").active
    assert sheet.freeze_panes == "A2"
    assert sheet.column_dimensions["B"].width >= 20  # the document path is readable
    assert (out / "review.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_english_sheet_reads_back_the_same(out):
    export_review(out, lang="en")
    headers = list(pd.read_excel(out / "review.xlsx").columns)
    assert headers[:3] == ["Commune", "Document", "Page"]
    assert read_review(out / "review.xlsx")["key"].tolist() == [TARGET_KEY, SCORE_KEY]


def test_corrections_applied_recorded_and_rechecked(out, capsys):
    _fill(out / "review.xlsx", {SCORE_ITEM: "0,5", TARGET_ITEM: "95"})
    assert main(["apply-review", str(out / "review.xlsx"), "--out", str(out)]) == 0
    data = _doc(out)
    assert schema_errors(data) == []
    row = data["score_tables"][0]["rows"][2]
    assert row["self_points"] == 0.5 and row["confidence"] == 1.0
    assert row["self_points_raw"] is None  # what the document said is not rewritten
    assert data["targets"][0]["value"] == 95.0
    first = next(c for c in data["corrections"] if c["item"] == SCORE_ITEM)
    assert (first["item"], first["field"], first["old"], first["new"]) == (SCORE_ITEM, "self_points", 1.0, 0.5)
    assert first["source"] == "review.xlsx" and first["applied_at"][:2] == "20"
    assert "đã áp dụng 2 giá trị sửa cho 1 tài liệu" in capsys.readouterr().err
    # Tables rewritten from the corrected JSON.
    rows = pd.read_parquet(out / "tables" / "score_rows.parquet")
    assert rows.self_points.tolist() == [14.0, 2.5, 0.5]


def test_same_file_twice_records_once(out, tmp_path):
    _fill(out / "review.xlsx", {SCORE_ITEM: "0.5"})
    keep = tmp_path / "my_review.xlsx"
    keep.write_bytes((out / "review.xlsx").read_bytes())
    assert main(["apply-review", str(keep), "--out", str(out)]) == 0
    assert main(["apply-review", str(keep), "--out", str(out)]) == 0
    assert len(_doc(out)["corrections"]) == 1


def test_bad_lines_reported_and_skipped(out, capsys):
    frame = read_review(out / "review.csv").drop(columns="_formula")
    score, target = frame.index[frame["key"] == SCORE_KEY][0], frame.index[frame["key"] == TARGET_KEY][0]
    frame.loc[score, "corrected_value"] = "hai"  # a word where points belong
    frame.loc[target, "corrected_value"] = "90"
    extra = frame.iloc[[target]].copy()
    extra["key"], extra["corrected_value"] = f"{STEM}#/targets/7#value", "80"  # no such item
    frame = pd.concat([frame, extra], ignore_index=True)
    edited = out / "edited.csv"
    frame.to_csv(edited, index=False, encoding="utf-8-sig")  # headers as ids: read back all the same
    assert main(["apply-review", str(edited), "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert f"edited.csv line {score + 2}: 'hai' is not a number (field self_points)" in err
    assert "edited.csv line 4: item '/targets/7' not found in ngoc-ky/86-bc.txt" in err
    data = _doc(out)
    assert data["targets"][0]["value"] == 90.0  # the good line still applied
    assert data["score_tables"][0]["rows"][2]["self_points"] == 1.0
    assert [c["field"] for c in data["corrections"]] == ["value"]


def test_field_types_come_from_the_records():
    assert record_type("/score_tables/0/rows/3") is ScoreRow
    assert record_type("/targets/0").__name__ == "Target"
    assert record_type("/nothing/0") is None
    assert parse_correction(ScoreRow, "max_points", "1.250") == 1.25  # points: never a thousand
    assert parse_correction(ScoreRow, "level", "2") == 2
    assert parse_correction(ScoreRow, "name", "Kế hoạch CCHC năm") == "Kế hoạch CCHC năm"
    with pytest.raises(ValueError):
        parse_correction(ScoreRow, "level", "2,5")
    data = to_dict(score_report())
    assert resolve_pointer(data, "/score_tables/0/rows/1")["code"] == "1.1"
    with pytest.raises(KeyError):
        resolve_pointer(data, "/score_tables/0/rows/9")


def test_typing_the_value_back_confirms_it(out):
    _fill(out / "review.xlsx", {SCORE_ITEM: "1"})  # the extracted self points, confirmed by a person
    assert main(["apply-review", str(out / "review.xlsx"), "--out", str(out)]) == 0
    data = _doc(out)
    row = data["score_tables"][0]["rows"][2]
    assert row["self_points"] == 1.0 and row["confidence"] == 1.0
    assert [(c["old"], c["new"]) for c in data["corrections"]] == [(1.0, 1.0)]


def test_a_row_that_moved_since_export_is_not_corrected(out, capsys):
    _fill(out / "review.xlsx", {SCORE_ITEM: "0.5"})
    path = out / "ngoc-ky" / "86-bc.txt.json"
    data = _doc(out)
    data["score_tables"][0]["rows"].insert(2, to_dict(ScoreRow(code="1.2", level=2, parent="1", max_points=2)))
    write_json(data, path)
    assert main(["apply-review", str(out / "review.xlsx"), "--out", str(out)]) == 1
    assert "now holds code '1.2', not '1.3.1'" in capsys.readouterr().err
    assert _doc(out)["corrections"] == []


def test_rows_in_a_broken_sum_come_first(tmp_path):
    from cchc_extract.review import review_frame
    from schemas.records import Check

    folder = make_out(tmp_path)
    path = folder / "ngoc-ky" / "86-bc.txt.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    message = "1: max points of its 2 sub-criteria add up to 3, the row states 4"
    data["checks"].append(
        to_dict(
            Check(
                id="sum_children:x",
                kind="sum_children",
                code="1",
                expected=3,
                actual=4,
                status="mismatch",
                message=message,
            )
        )
    )
    data["review"].append(
        to_dict(ReviewItem(item="/score_tables/0/rows/0", field="max_points", reason=message, confidence=1.0))
    )
    write_json(data, path)
    frame = review_frame(folder, lang="en")
    assert frame.iloc[0]["reasons"] == message  # a sure reading in a broken sum before any doubtful one
    assert frame.iloc[0]["_severity"] == "inconsistency"
    assert frame.confidence.iloc[1:].is_monotonic_increasing
    assert review_frame(folder).iloc[0]["reasons"] == "1: điểm tối đa ghi 4, các tiêu chí con cộng lại 3"


def test_export_again_keeps_an_unchanged_sheet_and_rewrites_a_typed_one(out):
    """The queue the same and the sheet as written: the files stay (issue 18: no spreadsheet
    writer for a re-run); a sheet typed into since is written anew, as before."""
    export_review(out)
    xlsx = out / "review.xlsx"
    first = xlsx.stat().st_ino
    export_review(out)
    assert xlsx.stat().st_ino == first
    _fill(xlsx, {SCORE_ITEM: "0,5"})
    export_review(out)
    assert read_review(xlsx)["corrected_value"].tolist() == ["", ""]
    export_review(out, lang="en")
    assert read_review(xlsx)["key"].tolist() == [TARGET_KEY, SCORE_KEY]
    assert (out / "review.csv").read_text(encoding="utf-8-sig").startswith("Commune,")
