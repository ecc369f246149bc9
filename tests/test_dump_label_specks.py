"""A wrapped header's last label words printed with specks read as digits ("1 `... s 1... xã tự
định" under "Điểm tối đa | Điểm UBND xã tự chấm | thẩm định"), and a score printed as its row's
maximum with one digit lost ("16. 1 15,5": 16 | 16 | 15,5, the self score's "6" gone), issues 11
and 14. The label line is the header's, no row "I" whose maximum then bounds rows 1 and 2 (their
"10" read 1,0); and the table's stated self total (61, the rows read 46) is explained by the one
cell whose lost digit puts the row's maximum back, queued as a misreading with that reading (the
value read stays). The dump is seed 9001's d06-i6 (real Tesseract output, vie, psm 3, 300 dpi,
degraded; bnv-tinh wording), copied unchanged."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.misread import max_digit_lost
from score_dumps import queued_cell

DATA = Path(__file__).parent / "data" / "dumps_nums64"
DUMP = DATA / "s9001-d06-i6-explanation-before-points-vie-psm3-300dpi-degraded.txt"


def _read(tmp_path: Path, text: str) -> dict:
    path = tmp_path / DUMP.name
    path.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def _total_check(out: dict, field: str) -> dict:
    return next(c for c in out["checks"] if c["kind"] == "stated_total" and c["field"] == field)


def test_a_label_line_with_specks_is_no_row(tmp_path: Path) -> None:
    out = _read(tmp_path, DUMP.read_text(encoding="utf-8"))
    rows = out["score_tables"][0]["rows"]
    assert [r["code"] for r in rows] == ["1", "2", "3", "4", "5", "6"]  # the truth's six criteria
    for row in rows[:2]:
        assert (row["max_points"], row["self_points"], row["appraised_points"]) == (10.0, 10.0, 10.0)


def test_a_score_its_maximum_with_a_digit_lost_explains_the_total(tmp_path: Path) -> None:
    out = _read(tmp_path, DUMP.read_text(encoding="utf-8"))
    k, five = next((k, r) for k, r in enumerate(out["score_tables"][0]["rows"]) if r["code"] == "5")
    assert (five["max_points"], five["self_points"]) == (16.0, 1.0)  # read as printed
    check = _total_check(out, "self_points")
    # the rows read are all the table's (the total of maxima "685" is their 68,5): no rows lost,
    # the one reading that makes the stated 61 hold is 5's score as its maximum
    assert check["status"] == "misread"
    assert "may be 16" in check["message"]
    assert queued_cell(out, k, "self_points")


def test_a_score_no_lost_digit_explains_stays_the_communes(tmp_path: Path) -> None:
    # Row 5 printing "2" (no digit of 16 lost gives it): the stated total is not explained away.
    text = DUMP.read_text(encoding="utf-8").replace("16. 1 15,5", "16. 2 15,5")
    check = _total_check(_read(tmp_path, text), "self_points")
    assert check["status"] not in ("ok", "misread")


def test_only_the_maximum_with_one_digit_lost_is_so_read() -> None:
    assert max_digit_lost("1", 16.0)
    assert max_digit_lost("6", 16.0)
    assert max_digit_lost("1", 11.0)
    assert not max_digit_lost("10", 10.5)  # the mark and its digit are two characters
    assert not max_digit_lost("1", 1.0)
    assert not max_digit_lost("2", 16.0)
    assert not max_digit_lost("1,5", 16.0)
