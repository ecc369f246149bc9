"""Derived statistics figures two relations give alike, from figures read, leave the review queue and
the ``unread`` account (``reconcile.stat_confirmed``, issues 14, 16); one relation alone leaves them
queued and told. A real Tesseract dump of dev seed 7132 D07 (tests/data/dumps_annex61, with the
generator's truth: a ``--psm 3`` page whose header labels print one per line, "Chỉ tiêu." /
"Đơn vị _." / "tính" / "Kết quả ." / "Ghi chú.") and built rows."""

from pathlib import Path

from cchc_extract.reconcile.stat_confirmed import confirm_derived_stats
from cchc_extract.reconcile.stat_derived import FLAG_DERIVED_VALUE, derive_lost_stat_values
from corpus_helpers import converted_with_truth
from extract.segment.stat_unread import lost_figures
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow

DUMPS = Path(__file__).parent / "data" / "dumps_annex61"


def test_an_annex_under_labels_printed_one_per_line_is_read_and_a_twice_vouched_figure_leaves_the_queue():
    out, truth = converted_with_truth(DUMPS / "d07-i8-stacked-header.txt")
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    (annex,) = out["statistics"]
    got = {r["code"]: r for r in annex["rows"]}
    # The rows under the stacked header are read as printed ("2.1 | Giải quyết trước hạn -_ Hồ sơ 226").
    for code in ("2.1", "2.2", "2.3", "3", "3.2", "3.3", "4", "4.2", "4.3"):
        assert got[code]["value"] == want[code] and got[code]["value_raw"], code
    # "4.1 | Số cán bộ, công chức đạt chuẩn - Người sẻ": 22 lost. 4 printed 22 and 4.2 printed 0
    # (22 − 0), and 4.3 printed 100 % (100 % of 22): two relations give 22.
    row = got["4.1"]
    assert row["value"] == want["4.1"] == 22
    assert FLAG_DERIVED_VALUE in row["flags"] and "missing_value" in row["flags"] and row["value_raw"] == ""
    assert not [e for e in out["review"] if e["code"] == "4.1" and e["field"] == "value"]
    (lost,) = [u for u in out["unread"] if "OCR lost it" in u["reason"]]
    assert "4.1" not in lost["reason"].split(": ")[-1] and "of 3 row(s)" in lost["reason"]
    # "3.1" is 26 − 5 = 21 by one relation only: right, and still queued and told.
    assert got["3.1"]["value"] == want["3.1"] == 21
    assert [e for e in out["review"] if e["code"] == "3.1" and e["field"] == "value"]
    assert "3.1" in lost["reason"]


def _result(share: float, raw: str) -> ExtractionResult:
    rows = [
        StatRow("4", "Số cán bộ, công chức cấp xã", "Người", None, "", flags=["missing_value"]),
        StatRow("4.1", "Số cán bộ, công chức đạt chuẩn", "Người", 20.0, "20", parent="4"),
        StatRow("4.2", "Số cán bộ, công chức chưa đạt chuẩn", "Người", 2.0, "2", parent="4"),
        StatRow("4.3", "Tỷ lệ cán bộ, công chức đạt chuẩn", "%", share, raw, parent="4"),
    ]
    annex = StatAnnex(annex="Phụ lục 1", title="Biểu số liệu", rows=rows, read_from="lines")
    result = ExtractionResult(source=SourceInfo(path="x.txt", format="txt", read_by_ocr=True), statistics=[annex])
    result.unread = lost_figures(result.statistics)
    return result


def test_parts_and_share_agreeing_confirm_a_whole_and_disagreeing_leave_it_queued():
    agree = _result(90.91, "90,91")  # 20 + 2 = 22, and 20 of 22 is 90,91 %
    (x,) = confirm_derived_stats(agree, derive_lost_stat_values(agree))
    assert x.value == 22 and agree.statistics[0].rows[0].value == 22
    assert not agree.review and not agree.unread  # the part named 4 alone: it goes
    differ = _result(80.0, "80")  # 20 of 25 is 80 %: the share says 25, the parts 22
    assert confirm_derived_stats(differ, derive_lost_stat_values(differ)) == []
    assert [e.code for e in differ.review] == ["4"] and len(differ.unread) == 1
    assert differ.statistics[0].rows[0].value == 22  # (derived by its first relation, and queued)
