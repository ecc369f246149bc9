"""The thirteenth batch's forms read by mechanism: an annex splitting a count by the channel its files
came through beside the total (``extract/segment/stat_channel_parts.py``, read as quarters and hamlets
are), a value cell printing a figure over its whole with its share (``stat_part_whole.py``), and a
plan's units cell saying lead and coordinator in one sentence (``task_units.py``). Whole-pipeline
cases run DOCX files made here with python-docx through ``cchc_extract.api.convert``."""

from __future__ import annotations

import pytest

from cchc_extract.api import convert
from cchc_extract.reconcile.core import _Ledger
from cchc_extract.reconcile.period_parts import check_period_parts
from cchc_extract.reconcile.settings import ReconcileSettings
from extract.segment.stat_channel_parts import is_channel_label
from extract.segment.stat_part_whole import part_over_whole
from extract.segment.stat_period_parts import is_part_label
from extract.segment.statistics import column_roles, stat_rows
from schemas.records import StatRow
from tests.test_annex_two_periods import _table  # (one annex table of printed cells)
from tests.test_eighth_batch_readers import _docx  # (a DOCX: two title lines and one table)

# --- a count split by channel ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("labels", "column"),
    [
        # (a merged "Trong đó" / "Chia ra" over the channels stacks onto the first one's label)
        (["STT", "Nội dung", "ĐVT", "Tổng số", "Trong đó Trực tuyến", "Trực tiếp, qua bưu chính", "Ghi chú"], 3),
        (["TT", "Chỉ tiêu", "Đơn vị tính", "Chia ra Qua DVC trực tuyến", "Tại Bộ phận Một cửa", "Tổng cộng"], 5),
        (["STT", "Nội dung", "ĐVT", "Tổng", "Trong đó: Qua dịch vụ công trực tuyến", "Qua dịch vụ bưu chính"], 3),
        (["STT", "Nội dung", "ĐVT", "Qua đường dây nóng", "Qua thư điện tử", "Trực tiếp", "Tổng số"], 6),
    ],
)
def test_the_value_column_is_the_total_beside_its_channels(labels, column):
    assert column_roles(labels)["value"] == column


def test_words_that_name_a_channel_and_words_that_do_not():
    for label in ("Trực tuyến", "Trực tiếp", "Tại Bộ phận Một cửa", "Qua bưu chính", "Qua DVC trực tuyến"):
        assert is_channel_label(label) and is_part_label(label), label
    # (a count of its own that names a channel, and a column no channel's)
    for label in ("Tổng số hồ sơ trực tuyến", "Tổng số", "Nội dung", "Đơn vị tính", "Kết quả thực hiện"):
        assert not is_channel_label(label), label


def test_the_channels_stay_in_the_note_and_a_count_of_channels_prints_its_total_only():
    header = ["STT", "Nội dung", "ĐVT", "Tổng số", "Trong đó Trực tuyến", "Trực tiếp, qua bưu chính"]
    rows = stat_rows(
        _table(
            header,
            [
                ["1", "Số hồ sơ TTHC tiếp nhận", "Hồ sơ", "400", "385", "15"],
                ["1.1", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "385", "", ""],
                ["2", "Số phản ánh, kiến nghị", "Phản ánh", "6", "3", "3"],
            ],
        )
    )
    assert [r.value for r in rows] == [400, 385, 6]
    assert "Trực tiếp, qua bưu chính: 15" in rows[0].note and not rows[1].note
    assert not any("missing_value" in r.flags for r in rows)


def _channel_row(total: str, online: str, direct: str) -> StatRow:
    note = f"Trực tuyến: {online}; Trực tiếp: {direct}"
    return StatRow(code="2", indicator="Số phản ánh", unit="Phản ánh", value=float(total), value_raw=total, note=note)


def test_channels_add_up_to_the_total_even_when_they_are_equal():
    # (each file came one way: the same figure in both channels is no stock, and no channel is the total)
    rows = [_channel_row("6", "3", "3"), _channel_row("7", "3", "3"), _channel_row("9", "0", "9")]
    ledger = _Ledger()
    for i in range(len(rows)):
        check_period_parts(0, i, rows, "Phụ lục", ledger, ReconcileSettings())
    assert [c.status for c in ledger.checks] == ["ok", "mismatch", "ok"]
    assert "channels" in ledger.checks[1].message


def test_a_generated_style_channel_annex_reads_its_totals(tmp_path):
    header = ["STT", "Nội dung", "ĐVT", "Qua DVC trực tuyến", "Tại Bộ phận Một cửa", "Tổng cộng", "Ghi chú"]
    rows = [
        ["1", "Số cuộc tuyên truyền CCHC", "Cuộc", "", "", "12", ""],
        ["2", "Số hồ sơ TTHC đã tiếp nhận", "Hồ sơ", "250", "30", "280", ""],
        ["3", "Số phản ánh, kiến nghị", "Phản ánh", "4", "5", "10", ""],
    ]
    title = "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH 6 THÁNG ĐẦU NĂM 2024"
    result = convert(_docx(tmp_path / "channels.docx", title, header, rows))
    (annex,) = result.to_dict()["statistics"]
    assert [(r["code"], r["value"]) for r in annex["rows"]] == [("1", 12), ("2", 280), ("3", 10)]
    (wrong,) = [c for c in result.checks if c.kind == "period_parts" and c.status != "ok"]
    assert (wrong.code, wrong.expected, wrong.actual) == ("3", 9, 10)


# --- a figure over its whole with its share ----------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "part", "unit", "note", "doubtful"),
    [
        ("259/282 hồ sơ (91,84%)", "259", "hồ sơ", "trên tổng số 282; 91,84%", False),
        ("259/282 hồ sơ, chiếm 91,84%", "259", "hồ sơ", "trên tổng số 282; 91,84%", False),
        ("1.259/2.282 hồ sơ (55,17%)", "1.259", "hồ sơ", "trên tổng số 2.282; 55,17%", False),
        ("3/24 nhiệm vụ", "3", "nhiệm vụ", "trên tổng số 24", False),
        ("259/282 hồ sơ (81,84%)", "259", "hồ sơ", "trên tổng số 282; 81,84%", True),
    ],
)
def test_a_part_over_its_whole(raw, part, unit, note, doubtful):
    got = part_over_whole(raw)
    assert got is not None
    assert (got.part, got.unit, got.note, got.doubtful) == (part, unit, note, doubtful)


@pytest.mark.parametrize("raw", ["1/2", "12/2023", "86,96%", "282 hồ sơ", "300/282 hồ sơ", "Quý I/2024"])
def test_cells_that_print_no_part_over_a_whole(raw):
    assert part_over_whole(raw) is None


def test_a_results_table_reads_each_items_own_count_and_queues_a_share_that_disagrees(tmp_path):
    header = ["Nội dung", "Kết quả"]
    rows = [
        ["1. Tổng số hồ sơ TTHC tiếp nhận", "282 hồ sơ"],
        ["- Số hồ sơ tiếp nhận trực tuyến", "259/282 hồ sơ (91,84%)"],
        ["- Số hồ sơ tiếp nhận trực tiếp", "23/282 hồ sơ, chiếm 18,16%"],
        ["2. Số phản ánh, kiến nghị", "4 phản ánh"],
    ]
    title = "BÁO CÁO KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    result = convert(_docx(tmp_path / "over-whole.docx", title, header, rows))
    (annex,) = result.to_dict()["statistics"]
    got = {r["indicator"]: r for r in annex["rows"]}
    online, direct = got["Số hồ sơ tiếp nhận trực tuyến"], got["Số hồ sơ tiếp nhận trực tiếp"]
    assert (online["value"], online["unit"], online["note"]) == (259, "hồ sơ", "trên tổng số 282; 91,84%")
    assert direct["value"] == 23 and "share_not_part_over_whole" in direct["flags"]
    assert "share_not_part_over_whole" not in online["flags"]
    queued = {e.item for e in result.review}
    pointers = {r["indicator"]: f"/statistics/0/rows/{k}" for k, r in enumerate(annex["rows"])}
    assert any(p.startswith(pointers["Số hồ sơ tiếp nhận trực tiếp"]) for p in queued)


# --- lead and coordinator in one sentence (the cell's cases: test_eighth_batch_readers) ---------------


def test_a_plans_sentence_units_cell_gives_lead_and_coordinator(tmp_path):
    header = ["TT", "Nhiệm vụ", "Sản phẩm", "Thời hạn", "Đơn vị chủ trì, phối hợp"]
    rows = [
        ["1", "Rà soát thủ tục hành chính", "Báo cáo", "Quý II/2024", "Công an xã chủ trì, phối hợp với các thôn"],
        ["2", "Kiểm tra công vụ", "Báo cáo", "Thường xuyên", "Công chức Văn phòng - Thống kê"],
    ]
    title = "KẾ HOẠCH CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    result = convert(_docx(tmp_path / "plan-sentence.docx", title, header, rows))
    (table,) = result.to_dict()["task_tables"]
    got = [(r["lead"], r["coordinator"]) for r in table["rows"]]
    assert got == [("Công an xã", "Các thôn"), ("Công chức Văn phòng - Thống kê", "")]
