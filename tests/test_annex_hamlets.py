"""An annex printing a figure per hamlet beside the commune's total (``extract/segment/stat_unit_parts.py``,
read as ``stat_period_parts`` reads quarters): the total's column is the value wherever it is printed, the
hamlets stay in the note and a flow's hamlets are checked against the total; a share's hamlets are their own
shares, never parts; a stock's blank hamlet cells say nothing."""

from __future__ import annotations

import pytest

from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.period_parts import check_period_parts, noted_parts
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.ocr_codes import names_a_number
from extract.segment.stat_line_periods import whole_period_rows
from extract.segment.stat_period_parts import is_part_label, whole_period_column, whole_printed_last
from extract.segment.stat_unit_parts import is_unit_label
from extract.segment.statistics import column_roles, stat_rows
from schemas.records import StatRow
from tests.corpus_helpers import make_corpus, manifest_documents, read_truth, statistics_read
from tests.test_annex_quarters import _line_row  # (a line-read row: its first figure, the rest noted)
from tests.test_annex_two_periods import _table  # (one annex table of printed cells)


@pytest.mark.parametrize(
    ("labels", "column"),
    [
        # (a merged "Chia ra" / "Trong đó" over the hamlets stacks onto the first one's label)
        (["STT", "Nội dung", "ĐVT", "Trong đó Thôn 1", "Thôn 2", "Thôn 3", "Thôn 4", "Tổng cộng"], 7),
        (["TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Chia ra TDP 1", "TDP 2", "TDP 3", "TDP 4"], 3),
        (["STT", "Chỉ tiêu", "ĐVT", "Toàn xã", "Chia theo thôn Ấp Tân Lập", "Ấp Hòa Bình", "Ấp Phú Mỹ"], 3),
        (["STT", "Nội dung", "ĐVT", "Tổ dân phố số 1", "Tổ dân phố số 2", "Toàn phường", "Ghi chú"], 5),
        (["STT", "Nội dung", "ĐVT", "Xóm I", "Xóm II", "Bản Nà Sành", "Khu phố 3", "Cả xã"], 7),
    ],
)
def test_the_value_column_is_the_communes_total(labels, column):
    assert whole_period_column(labels) == column
    assert column_roles(labels)["value"] == column


def test_words_that_name_no_hamlet():
    for label in ("Ban hành", "Tổ chức", "Khu vực", "Áp dụng", "Toàn xã", "Tổng số", "Nội dung", "Đơn vị tính"):
        assert not is_unit_label(label), label
    for label in ("Thôn 1", "TDP 3", "Ap1", "Tổ 12", "Thôn Đông Hòa", "THÔN ĐÔNG", "Khu phố 2"):
        assert is_unit_label(label) and is_part_label(label), label


def test_no_total_column_sets_no_value():
    # (hamlets only: the figures stay in the note and the row is flagged, never a hamlet's figure as the total)
    header = ["STT", "Nội dung", "ĐVT", "Thôn 1", "Thôn 2", "Thôn 3"]
    assert whole_period_column(header) is None
    (row,) = stat_rows(_table(header, [["1", "Số hồ sơ đã giải quyết", "Hồ sơ", "5", "7", "2"]]))
    assert row.value is None and "missing_value" in row.flags and "Thôn 2: 7" in row.note


def test_the_hamlets_stay_in_the_note_and_a_stock_prints_the_total_only():
    header = ["TT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Chia ra TDP 1", "TDP 2", "TDP 3"]
    rows = stat_rows(
        _table(
            header,
            [
                ["1", "Số phản ánh, kiến nghị tiếp nhận", "Phản ánh", "15", "5", "3", "7"],
                ["2", "Tổng số thủ tục hành chính", "Thủ tục", "90", "", "", ""],
            ],
        )
    )
    assert [r.value for r in rows] == [15, 90]
    assert "TDP 2: 3" in rows[0].note and not rows[1].note and not rows[1].flags


def _hamlet_row(total: str, hamlets: list[str], unit: str = "Hồ sơ") -> StatRow:
    note = "; ".join(f"Thôn {k}: {v}" for k, v in enumerate(hamlets, 1) if v)
    value = float(total.replace(",", "."))
    return StatRow(code="1", indicator="Số hồ sơ", unit=unit, value=value, value_raw=total, note=note)


def test_hamlets_that_do_not_add_up_to_the_total_are_a_mismatch_on_a_typed_page_and_doubted_on_a_scan():
    rows = [_hamlet_row("182", ["75", "14", "42", "26", "25"]), _hamlet_row("185", ["75", "14", "42", "26", "25"])]
    rows += [_hamlet_row("97,8", ["100", "100", "84"], "%")]  # (each hamlet's own share: no parts)
    rows += [_hamlet_row("90", ["", "", ""], "Thủ tục")]  # (a stock: the total only)
    # (one hamlet holding all but a part: no "stock that moved" for places, the sum is checked)
    rows += [_hamlet_row("9", ["0", "0", "8"], "Người")]
    typed, scanned = _Ledger(), _Ledger()
    for i in range(len(rows)):
        check_period_parts(0, i, rows, "Phụ lục", typed, ReconcileSettings())
        check_period_parts(0, i, rows, "Phụ lục", scanned, ReconcileSettings(), ocr=True)
    assert [c.status for c in typed.checks] == ["ok", "mismatch", "mismatch"]
    assert [c.status for c in scanned.checks] == ["ok", "misread", "misread"]
    assert "hamlets" in typed.checks[1].message


def test_line_rows_take_the_total_the_sums_point_to():
    header = "STT Noi dung chi tiéu Shap ie Trong do Tong | le | Ap1 | Ap2 | Ap3 [ Ap4 | Ap5 | so"
    rows = [_line_row("1", "Văn bản", "3 1 6 15 4 29"), _line_row("2", "%", "100 100 100 100 40 71,25")]
    out = whole_period_rows(rows, header, ocr=True)
    assert [r.value for r in out] == [29, 71.25]  # (the flow row's sum says where the total is)
    assert out[0].note == "3 1 6 15 4"
    assert whole_printed_last("Thôn 1 Thôn 2 Thôn 3 Toàn xã") is True
    assert whole_printed_last("Toàn xã Chia ra Thôn 1 Thôn 2") is False


@pytest.fixture(scope="module")
def hamlet_annexes(tmp_path_factory) -> list[tuple[dict, dict, object, set, set]]:
    """Each generated N18 DOCX: (document, truth, extraction, (code, value) read, (code, value) true)."""
    corpus = make_corpus(tmp_path_factory.mktemp("hamlets"), "N18", formats="docx", quick=False, seed=2383)
    return [(doc, read_truth(corpus, doc), *statistics_read(corpus, doc)) for doc in manifest_documents(corpus)]


def test_generated_hamlet_annexes_read_the_communes_total_and_keep_the_hamlets(hamlet_annexes):
    assert len(hamlet_annexes) >= 4
    for doc, truth, result, read, expected in hamlet_annexes:
        assert expected <= read, doc["path"]
        rows = [r for a in result.statistics for r in a.rows]
        assert sum(len(noted_parts(r)) >= 4 for r in rows) >= 3, doc["path"]  # (4-5 hamlets a flow row)
        # (a planted fault may break a flow's sum: a finding; else the hamlets add up)
        mismatched = any(c.status == "mismatch" and c.kind == "period_parts" for c in result.checks)
        assert truth["faults"] or not mismatched, doc["path"]


def test_a_hamlets_label_over_a_figures_column_is_no_figure_to_read_again():
    # (the digits-only retry of a figures column's cells cut a scanned header's "Ấp 1" to "1")
    for label in ("Ấp 1", "Ấp2", "TDP 3", "Thôn 4", "Tổ 12"):
        assert names_a_number(label), label
    for figure in ("ll1", "O5", "1,5", "S1", "12"):
        assert not names_a_number(figure), figure


def test_a_hamlet_column_under_its_merged_label_is_no_score_tables_maximum():
    # "tổ dân phố" is a near neighbour of "tối đa" to the fuzzy header matcher: the annex was read a
    # second time as a score table whose maximum was Thôn 4's figures (found on held-out seed 2601).
    from extract.segment.score_tables import map_columns

    merged = "Chia theo thôn, tổ dân phố"
    labels = ["STT", "Nội dung", "ĐVT", "Tổng cộng", *(f"{merged} Thôn {k}" for k in range(1, 5))]
    assert map_columns(labels) is None
    # a score table's own maximum column keeps its name
    score = map_columns(["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"])
    assert score == {"code": 0, "name": 1, "max": 2, "self": 3}
