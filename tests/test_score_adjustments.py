"""Bonus and penalty points after a score table's total, and the total they make: kept as the
table's adjustments, out of its criteria and its sums, and checked (adjusted = sum + bonus −
penalty), from generated N28 documents and a DOCX written here."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.score_adjustments import ADJUSTED, BONUS, PENALTY, adjustment_kind, stated_adjustment
from tests.corpus_helpers import converted_corpus


def test_labels_name_the_adjustment_they_print():
    assert adjustment_kind("Điểm thưởng") == BONUS
    assert adjustment_kind("Điểm cộng (thưởng)") == BONUS
    assert adjustment_kind("Điểm thưởng (sáng kiến, mô hình mới)") == BONUS
    assert adjustment_kind("Điểm bị trừ") == PENALTY
    assert adjustment_kind("Điểm trừ (vi phạm, chậm báo cáo)") == PENALTY
    assert adjustment_kind("Tổng điểm sau khi cộng, trừ") == ADJUSTED
    assert adjustment_kind("Tổng điểm đạt được (sau khi cộng, trừ)") == ADJUSTED
    assert adjustment_kind("Tổng điểm cuối cùng") == ADJUSTED
    assert adjustment_kind("Tổng cộng") is None  # the criteria's own sum
    assert adjustment_kind("Điểm tự đánh giá") is None


def test_a_penalty_printed_negative_is_the_same_penalty():
    signed = stated_adjustment("- Điểm bị trừ: -1,5 điểm (Chậm gửi báo cáo CCHC quý).")
    plain = stated_adjustment("- Điểm bị trừ: 1,5 điểm (Chậm gửi báo cáo CCHC quý).")
    assert signed == plain
    assert (signed.kind, signed.points, signed.note) == (PENALTY, 1.5, "Chậm gửi báo cáo CCHC quý")
    assert stated_adjustment("- Thời gian: 12 tháng.") is None


def test_bonus_and_penalty_are_no_criteria_and_the_adjusted_total_holds(tmp_path: Path):
    converted = converted_corpus(tmp_path / "c", "N28_bonus_penalty", seed=2613)
    assert {doc["variant"] for doc, _, _ in converted} == {"bonus-penalty-rows", "bonus-penalty-lines"}
    for doc, truth, out in converted:
        want = {r["code"] for t in truth["score_tables"] for r in t["rows"]}
        (table,) = out["score_tables"]
        assert {r["code"] for r in table["rows"]} == want, doc["path"]
        assert table["stated_total_max"] == truth["score_tables"][0]["stated_total_max"]
        kinds = {a["kind"] for a in table["adjustments"]}
        assert {BONUS, PENALTY} <= kinds, doc["path"]
        checks = [c for c in out["checks"] if c["kind"] == "adjusted_total"]
        assert all(c["status"] == "ok" for c in checks), checks
        assert bool(checks) == (ADJUSTED in kinds and table["stated_total_self"] is not None)


def _table_with_adjustments(path: Path, adjusted: str) -> Path:
    document = docx.Document()
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành", "6", "5", ""),
        ("2", "Cải cách thủ tục hành chính", "4", "3,5", ""),
        ("", "Tổng cộng", "10", "8,5", ""),
        ("", "Điểm thưởng", "", "1", "Mô hình mới"),
        ("", "Điểm trừ", "", "-0,5", "Chậm báo cáo"),
        ("", "Tổng điểm sau khi cộng, trừ", "", adjusted, ""),
    ]
    table = document.add_table(rows=len(rows), cols=5)
    for r, texts in enumerate(rows):
        for c, text in enumerate(texts):
            table.cell(r, c).text = text
    document.save(str(path))
    return path


def test_an_adjusted_total_off_its_parts_is_a_mismatch_on_a_typed_page(tmp_path: Path):
    right = _table_with_adjustments(tmp_path / "right.docx", "9")
    wrong = _table_with_adjustments(tmp_path / "wrong.docx", "9,5")
    for path, status in ((right, "ok"), (wrong, "mismatch")):
        out = result_to_json(convert_file(path, path.name))
        (table,) = out["score_tables"]
        assert [r["code"] for r in table["rows"]] == ["1", "2"]
        assert (table["stated_total_max"], table["stated_total_self"]) == (10, 8.5)
        assert [(a["kind"], a["points"]) for a in table["adjustments"]] == [
            (BONUS, 1),
            (PENALTY, 0.5),
            (ADJUSTED, float(path.stem == "right" and 9 or 9.5)),
        ]
        (check,) = [c for c in out["checks"] if c["kind"] == "adjusted_total"]
        assert (check["status"], check["expected"]) == (status, 9)
        if status == "mismatch":
            assert any(item["item"].endswith("/adjustments") for item in out["review"])
