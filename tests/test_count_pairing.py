"""A points block paired with the names by its count alone, checked by the table's arithmetic
(``count_pairing``): Tesseract's column-wise reading (``--psm 3``) prints the names block and the
figures block apart, and lines OCR lost with lines the names block lacks (a heading printing its
points, the totals line) can keep the counts equal while every number below moves by a row."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.block_alignment import AlignmentSettings, Criterion, Placing
from extract.segment.column_blocks import FLAG_ORDER_REALIGNED, ColumnBlockTable, column_block_tables, unpaired_parts
from extract.segment.count_pairing import doubted_order, realigned
from extract.segment.table_end import is_total_label


def _read(*texts: str) -> ColumnBlockTable:
    """The one table of a dump's lines (blank lines are gaps in the numbering), no signature."""
    lines = [Line(text=t, page=1, number=k) for k, t in enumerate(texts, start=1) if t]
    (found,) = column_block_tables(lines, is_total_label, lambda folded: False)
    return found


# Two parts; part I's criteria 1 (6 = 2 + 4) and 2 (5 = 3 + 2) under it (11), part II's one
# criterion 3 (9); total 20. Nine criteria, two of them capitals headings.
_NAMES = (
    "TT Nội dung tiêu chí",
    "I. CÔNG TÁC CHỈ ĐẠO",
    "1. Kế hoạch cải cách hành chính năm",
    "a) Ban hành kế hoạch cải cách hành chính",
    "b) Xác định đầy đủ các nhiệm vụ",
    "2. Báo cáo cải cách hành chính",
    "a) Tất cả báo cáo được gửi đúng thời gian",
    "b) Tất cả báo cáo có đầy đủ nội dung",
    "II. CẢI CÁCH THỦ TỤC HÀNH CHÍNH",
    "3. Công khai thủ tục hành chính",
    "",
    "Điểm",
    "tối đa",
)


def test_a_block_whose_order_the_sums_contradict_is_placed_by_the_sums():
    # The block prints the headings' maxima and the total, and OCR lost 1's, 1.a's and 2.a's
    # lines: seven lines, as many as the criteria less the headings. In order, 1 took I's 11 (its
    # children 4 + 5), 2 took 2.b's 2 under children of 9: every number below moved. By the sums,
    # 11 / 9 / 9 / 20 are I's, II's, 3's and the total (20 = 11 + 9, II = 3); 4, 5 and 2 could go
    # to more than one row: not placed, told, with the misalignment named.
    found = _read(*_NAMES, "11", "4", "5", "2", "9", "9", "20")
    table = found.table
    assert [(r.code, r.max_raw) for r in table.rows] == [
        ("I.", "11"),
        ("1.", None),
        ("a)", None),
        ("b)", None),
        ("2.", None),
        ("a)", None),
        ("b)", None),
        ("II.", "9"),
        ("3.", "9"),
    ]
    assert table.stated_total_max == "20"
    assert table.order_realigned
    (told,) = unpaired_parts([found])
    assert "paired in order, the table's sums fail at 4 places" in told.reason
    assert "the table's sums placed 4 of them" in told.reason


def test_a_commune_s_fault_is_not_moved_away():
    # Criterion 1 states 7 over children of 2 + 4: one sum off, a fault the commune made (or one
    # figure misread). The lines are as many as the criteria and stay in order.
    found = _read(*_NAMES[:8], "", "Điểm", "tối đa", "7", "2", "4", "5", "3", "2")
    assert [r.max_raw for r in found.table.rows] == [None, "7", "2", "4", "5", "3", "2"]
    assert not found.table.order_realigned and not found.unpaired


def test_an_order_no_placing_beats_stands():
    # Six criteria, six lines, and nothing adds up in order: the parents' sums fail and the
    # children stand above their parents (6 relations). With as many lines as criteria the sums
    # have no other placing to offer: the numbers stay in order (misread, or the commune's), for
    # the checks to judge, not thrown away. (A fresh seed's dump paired so, right but for a
    # misread total and a planted fault, lost every figure when such a block was left unpaired.)
    names = _NAMES[2:5] + _NAMES[5:8]
    found = _read("TT Nội dung tiêu chí", *names, "", "Điểm", "tối đa", "1", "5", "5", "1", "7", "7")
    assert [r.max_raw for r in found.table.rows] == ["1", "5", "5", "1", "7", "7"]
    assert not found.table.order_realigned and not found.unpaired


def test_an_order_that_breaks_few_relations_or_fewer_than_hold_stands():
    # 1 = 1.1 + 1.2 and 2 = 2.1 + 2.2 hold; 3 = 3.1 + 3.2 fails and 3.1 stands above 3: two
    # broken, two held: the order stands.
    crits = [Criterion(c, False, False) for c in ("1", "1.1", "1.2", "2", "2.1", "2.2", "3", "3.1", "3.2")]
    lines = [["4"], ["1"], ["3"], ["5"], ["2"], ["3"], ["2"], ["3"], ["1"]]
    assert doubted_order(crits, lines, ["max"], list(range(9)), {}) is None
    # Every sum failing and 3.1 above 3 (four broken, none held): doubted; but a placing weighing
    # little more than the order is no cause to move the numbers.
    lines = [["5"], ["1"], ["3"], ["6"], ["2"], ["3"], ["2"], ["3"], ["1"]]
    order = doubted_order(crits, lines, ["max"], list(range(9)), {})
    assert order is not None and (order.held, order.broken) == (0, 4)
    assert realigned(order, Placing({0: 0}, {}, order.weight(AlignmentSettings()) + 1)) is None


# A commune's report as Tesseract's ``--psm 3`` reads an unruled table: the names block, the
# signature's "Nơi nhận", then one block of "max self explanation" lines. OCR lost the lines of
# 1 (5 5), 1.a (1 1, its explanation kept) and 1.c (1 1), and 2's maximum: nine lines for eleven
# criteria, as many as the criteria less the two headings, which print their points.
_DUMP = """\
ỦY BAN NHÂN DÂN XÃ AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 45/BC-UBND An Phú, ngày 10 tháng 01 năm 2016

BÁO CÁO
Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2015

UBND xã An Phú báo cáo kết quả tự đánh giá, chấm điểm như sau:
STT Tiêu chí, tiêu chí thành phần

I. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ
CẢI CÁCH HÀNH CHÍNH

1. Kế hoạch CCHC năm

a) Ban hành kế hoạch CCHC năm

b) Xác định đầy đủ các nhiệm vụ CCHC trên các
lĩnh vực theo kế hoạch năm của UBND tỉnh

c) Các kết quả phải đạt được xác định rõ ràng,
cụ thể và định rõ trách nhiệm triển khai

d) Mức độ thực hiện kế hoạch CCHC

2. Báo cáo CCHC

a) Tất cả báo cáo được gửi đúng thời gian quy
định (báo cáo quý và báo cáo năm)

b) Tất cả báo cáo có đầy đủ nội dung theo hướng
dẫn

II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ
KHÁC

1. Kiểm tra công tác CCHC

TỔNG ĐIỂM

Nơi nhận:

- UBND huyện (b/c);
- Lưu: VT, VP.

Điểm Điểm tự Giải trình
tối đa đánh
giá
7 6,5
Không phát sinh
1 1
2 2 Đã ban hành đúng thời
gian quy định
1,5
1 1 Không phát sinh
1 0,5
3 3
3 3 Công văn số 17/CV-VP
ngày 23/10/2015
10 9,5

KT. CHỦ TỊCH
PHÓ CHỦ TỊCH

Nguyễn Văn An
"""


def test_a_shifted_column_block_dump_is_realigned_flagged_and_its_rows_queued(tmp_path: Path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(_DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path))
    (table,) = out["score_tables"]
    points = {r["code"]: (r["max_points"], r["self_points"]) for r in table["rows"]}
    # In order, 1 took I's 7 / 6,5 and every row below the next one's; by the sums (10 = 7 + 3,
    # II = II.1) the part rows and the total are placed, the rest told.
    assert points["I"] == (7, 6.5) and points["II"] == (3, 3) and points["II.1"] == (3, 3)
    assert (table["stated_total_max"], table["stated_total_self"]) == (10, 9.5)
    # The scores of the misaligned rows are told lost; a maximum the criteria set gives the row its
    # name matches (ca-mau_2013) is the set's, flagged (the lines OCR lost printed 1 "5 5", 1.a "1 1";
    # 1.b "1 1", 1.d "2 2", 2.b "1 0,5", and 2 the sum of 2.a and 2.b: 2). 1.c and 2.a stay blank.
    assert all(points[c][1] is None for c in ("1", "1.a", "1.b", "1.c", "1.d", "2", "2.a", "2.b"))
    from_set = {"1": 5, "1.a": 1, "1.b": 1, "1.d": 2, "2": 2, "2.b": 1}
    assert {c: points[c][0] for c in from_set} == from_set and points["1.c"][0] is points["2.a"][0] is None
    rows = {r["code"]: r for r in table["rows"]}
    assert all("derived_from_criteria_set:max_points" in rows[c]["flags"] for c in from_set)
    assert all(FLAG_ORDER_REALIGNED in r["flags"] for r in table["rows"])
    assert any("misaligned with the names" in u["reason"] for u in out["unread"])
    # Nothing the shift broke is reported as the commune's fault; every row without figures is queued.
    assert not [c for c in out["checks"] if c["status"] == "mismatch"]
    queued = {e["item"] for e in out["review"]}
    assert all(f"/score_tables/0/rows/{k}" in queued for k, r in enumerate(table["rows"]) if r["max_points"] is None)
