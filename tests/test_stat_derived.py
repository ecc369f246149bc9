"""An OCR'd annex's lost figures that its arithmetic determines (``reconcile.stat_derived``, issues
11, 16): a whole as its parts, a part as its whole less its siblings, a share of its one pair.
Two real Tesseract dumps of dev seed 6131 D07 (tests/data/dumps_derived60, with the generator's
truth) read end to end, each derived value checked against the truth and the dump's own line."""

from pathlib import Path

from cchc_extract.reconcile import reconcile
from cchc_extract.reconcile.stat_derived import (
    DERIVED_STAT_REASON,
    FLAG_DERIVED_VALUE,
    clear_derived_stats,
    derive_lost_stat_values,
)
from corpus_helpers import converted_with_truth
from schemas.records import ExtractionResult, SourceInfo, StatAnnex, StatRow

DUMPS = Path(__file__).parent / "data" / "dumps_derived60"


def _rows_and_truth(pattern: str) -> tuple[dict[str, dict], dict[str, float | None], dict]:
    out, truth = converted_with_truth(next(DUMPS.glob(pattern)))
    (annex,) = out["statistics"]
    want = {r["code"]: r["value"] for a in truth["statistics"] for r in a["rows"]}
    return {r["code"]: r for r in annex["rows"]}, want, out


def _queued(out: dict, code: str) -> list[dict]:
    return [e for e in out["review"] if e["code"] == code and e["field"] == "value"]


def test_lost_figures_are_derived_from_the_sums_and_shares_of_a_real_dump():
    got, want, out = _rows_and_truth("d07-i7-*.txt")
    # "2.1 | Số nhiệm vụ đã hoàn thành | Nhiệm Tự Để áp": 26 lost; 2 printed 26, 2.2 printed 0
    # (the part as its whole less its sibling). "4.2 | … trực tiếp và qua bưu chính |": 76 lost;
    # 4 printed 405, 4.1 printed 329.
    for code in ("2.1", "4.2"):
        row = got[code]
        assert row["value"] == want[code], code
        assert FLAG_DERIVED_VALUE in row["flags"] and "missing_value" in row["flags"]
        assert row["value_raw"] == ""  # no reading: nothing printed was read
    # 4.2 by one relation: never silent, the entry that told it lost says the value.
    (entry,) = _queued(out, "4.2")
    assert entry["value"] == want["4.2"] and DERIVED_STAT_REASON in entry["reason"]
    # 2.1 by two: 26 − 0, and "2.3 … % 100" is 100 % of 26 (``stat_confirmed``): vouched for twice,
    # it leaves the queue and the lost-figures part names it no more.
    assert not _queued(out, "2.1")
    (lost,) = [u for u in out["unread"] if "OCR lost it" in u["reason"]]
    assert "4.2" in lost["reason"] and "2.1" not in lost["reason"].split(": ")[-1]
    # The rows read are left as read (3.1.a's "7" is OCR's for 71: 3.1 then derives 51, wrong,
    # which the queue keeps with what it was derived from).
    assert got["3.1.a"]["value"] == 7 and FLAG_DERIVED_VALUE not in got["3.1.a"]["flags"]
    assert got["3.1"]["value"] == 51 and _queued(out, "3.1")
    for code, row in got.items():
        if FLAG_DERIVED_VALUE not in row["flags"] and row["value"] is not None:
            assert row["value_raw"], code


def test_a_derived_count_gives_its_share_in_the_next_pass():
    got, want, out = _rows_and_truth("d07-i1-*.txt")
    # "21 [Sénhigmvudahoanthanh « “Nmv | 20S)": the figure glued to specks, lost; "23 [Tylé
    # hoanthanh … | S| StS": the share lost. 2 printed 20, 2.2 printed 0: 2.1 is 20, then 2.3 is
    # 20 of 20 (2.2 "chưa hoàn thành" is no count the share names).
    assert got["2.1"]["value"] == want["2.1"] == 20
    assert got["2.3"]["value"] == want["2.3"] == 100
    assert FLAG_DERIVED_VALUE in got["2.3"]["flags"] and _queued(out, "2.3")


def _ocr_result(rows: list[StatRow]) -> ExtractionResult:
    return ExtractionResult(
        source=SourceInfo(path="x.txt", format="txt", read_by_ocr=True),
        statistics=[StatAnnex(annex="Phụ lục 1", rows=rows, read_from="lines")],
    )


def _lost(code: str, indicator: str, unit: str, parent: str | None = None) -> StatRow:
    return StatRow(code, indicator, unit, None, "", parent=parent, flags=["missing_value"])


def test_a_count_is_the_one_whole_number_its_share_leaves():
    rows = [
        StatRow("2", "Tổng số hồ sơ tiếp nhận trong kỳ", "Hồ sơ", 380.0, "380"),
        _lost("2.1", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "2"),
        _lost("2.2", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "Hồ sơ", "2"),
        StatRow("2.3", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", 90.0, "90", parent="2"),
        StatRow("3", "Tỷ lệ văn bản", "%", 67.52, "67,52"),  # (the annex prints two decimals)
    ]
    result = _ocr_result(rows)
    done = derive_lost_stat_values(result)
    # 90% of 380 is 342 and no other whole number at two decimals; then 2.2 is 380 less 342
    assert [(d.row, d.value, d.relation) for d in done] == [(1, 342.0, "count of share"), (2, 38.0, "remainder")]
    assert {e.code for e in result.review} == {"2.1", "2.2"}


def test_nothing_is_derived_where_the_relation_leaves_more_than_one_value():
    rows = [
        StatRow("4", "Số nhiệm vụ trong Kế hoạch", "Nhiệm vụ", 17.0, "17"),
        _lost("4.1", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", "4"),
        _lost("4.2", "Số nhiệm vụ chưa hoàn thành", "Nhiệm vụ", "4"),
        _lost("4.3", "Tỷ lệ hoàn thành", "%", "4"),
        # a heading with no figure printed (no missing_value) is never given one
        StatRow("5", "Kết quả giải quyết hồ sơ", "", None, ""),
        StatRow("5.1", "Giải quyết trước hạn", "Hồ sơ", 3.0, "3", parent="5"),
        StatRow("5.2", "Giải quyết đúng hạn", "Hồ sơ", 4.0, "4", parent="5"),
    ]
    assert derive_lost_stat_values(_ocr_result(rows)) == []
    assert all(r.value is None for r in rows[1:5])


def test_a_typed_annex_blank_stays_blank_and_a_recheck_blanks_derived_values():
    rows = [
        _lost("4", "Số nhiệm vụ trong Kế hoạch", "Nhiệm vụ"),
        StatRow("4.1", "Số nhiệm vụ đã hoàn thành", "Nhiệm vụ", 16.0, "16", parent="4"),
        StatRow("4.2", "Số nhiệm vụ chưa hoàn thành", "Nhiệm vụ", 1.0, "1", parent="4"),
    ]
    typed = ExtractionResult(
        source=SourceInfo(path="x.docx", format="docx"),
        statistics=[StatAnnex(annex="Phụ lục 1", rows=[StatRow(**vars(r)) for r in rows])],
    )
    assert derive_lost_stat_values(typed) == []
    result = _ocr_result(rows)
    (d,) = derive_lost_stat_values(result)
    assert (d.value, d.relation) == (17.0, "parts") and rows[0].value == 17.0
    clear_derived_stats(result)
    assert rows[0].value is None and FLAG_DERIVED_VALUE not in rows[0].flags
    reconcile(result)  # a re-check weighs what was read: the derived 17 is no witness
    assert rows[0].value is None
