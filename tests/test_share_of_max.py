"""A score table's share column ("Tỷ lệ đạt (%)") checked against the points it is the share of
(``reconcile.share_of_max``): a DOCX written here and read whole, where the commune's wrong share is a
``mismatch``; OCR'd records, where a share the reading does not make is a ``misread`` that picks the
reading ("25" of a maximum 30 beside "8,3": 2,5); a per-cent column of something else is not checked."""

from pathlib import Path

from cchc_extract.reconcile import reconcile
from schemas.records import ExtractionResult, ScoreRow, ScoreTable, SourceInfo
from tests.test_share_column import ROWS, _scored as scored_with_share


def _scored(tmp_path: Path, rows: list[list[str]], share: str = "Tỷ lệ đạt (%)") -> dict:
    return scored_with_share(tmp_path, share, rows)


def _share_checks(out: dict) -> list[dict]:
    return [c for c in out["checks"] if c["kind"] == "share_of_max"]


def test_shares_that_hold_are_read_and_raise_nothing(tmp_path):
    out = _scored(tmp_path, ROWS)
    rows = out["score_tables"][0]["rows"]
    assert [(r["code"], r["share_percent"], r["share_percent_raw"]) for r in rows][:3] == [
        ("1", 87.5, "87,5"),
        ("1.1", 100.0, "100"),
        ("1.2", 75.0, "75"),
    ]
    assert _share_checks(out) == []
    assert [c for c in out["checks"] if c["status"] != "ok"] == []
    assert out["unread"] == []


def test_a_typed_share_its_points_do_not_make_is_the_communes(tmp_path):
    wrong = [list(r) for r in ROWS]
    wrong[5][4] = "90"  # 2.1: 4 of 4 is 100 %, the commune printed 90
    out = _scored(tmp_path, wrong)
    (check,) = _share_checks(out)
    assert (check["code"], check["field"], check["status"]) == ("2.1", "share_percent", "mismatch")
    assert (check["expected"], check["actual"]) == (100, 90)
    queued = [q for q in out["review"] if q["item"] == "/score_tables/0/rows/5"]
    assert queued and not any(q["alternatives"] for q in queued)


def test_a_per_cent_column_of_something_else_is_not_checked(tmp_path):
    other = [[*r[:4], str(40 + 7 * k), r[5]] for k, r in enumerate(ROWS)]  # shares no row's points make
    out = _scored(tmp_path, other, share="Tỷ lệ so với cùng kỳ (%)")
    assert _share_checks(out) == []
    assert [r["self_points"] for r in out["score_tables"][0]["rows"]][:2] == [10.5, 3.0]


def _ocr_table(self_raw: str, share_raw: str, top: float = 10.0) -> ExtractionResult:
    def row(code, parent, top, own, share, own_raw=None):
        return ScoreRow(
            code=code,
            parent=parent,
            level=code.count(".") + 1,
            name=f"Tiêu chí {code}",
            max_points=top,
            self_points=own,
            max_points_raw=f"{top:g}".replace(".", ","),
            self_points_raw=own_raw or f"{own:g}".replace(".", ","),
            share_percent=float(share.replace(",", ".")),
            share_percent_raw=share,
        )

    rows = [
        row("1", None, 10.0, 7.5, "75"),
        row("1.1", "1", 5.0, 5.0, "100"),
        row("1.2", "1", 5.0, 2.5, "50"),
        row("2", None, top, float(self_raw.replace(",", ".")), share_raw, own_raw=self_raw),  # no sum of its own
    ]
    table = ScoreTable(title="B", rows=rows, read_from="ocr-lines")
    result = ExtractionResult(source=SourceInfo(method="ocr"), score_tables=[table])
    reconcile(result)
    return result


def test_an_ocr_share_picks_the_lost_comma_reading():
    # 2 printed 2,5 of 30 (8,3 %): OCR lost the comma, and 25 is under the maximum too (no sum decides)
    result = _ocr_table("25", "8,3", 30.0)
    (check,) = [c for c in result.checks if c.kind == "share_of_max"]
    assert check.status == "misread"
    queued = {(q.item, q.field): q.alternatives for q in result.review}
    assert 2.5 in queued[("/score_tables/0/rows/3", "self_points")]


def test_an_ocr_share_no_reading_makes_is_evidence_not_a_fault():
    result = _ocr_table("2,5", "35")  # 2,5 of 10 is 25 %: the share "35" was misread, not the commune's
    (check,) = [c for c in result.checks if c.kind == "share_of_max"]
    assert check.status == "misread"
    fields = {q.field for q in result.review if q.item == "/score_tables/0/rows/3"}
    assert "share_percent" in fields
