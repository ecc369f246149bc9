"""A table by unit printed across draws its tree from its own arithmetic (``extract.segment.
stat_across_parts``): flat columns adding up to the one before them in every unit's row are its
parts, and a share printed last is the part of the group whose parts over its whole give every
unit's share; a share's label listing its counts with a comma joins them
(``cchc_extract.reconcile.ratios._JOINS``). Cells, codes and values are seed 19341's documents of
the corpus generator (a report's annex per department, its first instance; the handling form per
field, its third), checked against their truth files."""

from __future__ import annotations

from pathlib import Path

import docx

import cchc_extract
from layout_docs import CLOSE, decree30_head, plain_docx

_HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "21/BC-UBND",
    "Hòa Bình, ngày 15 tháng 12 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2024",
)
_CAPTION = ("SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024",)

_BY_OFFICIAL = [
    ("TT", "Bộ phận chuyên môn", "Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Giải quyết đúng hạn",
     "Giải quyết quá hạn", "Tỷ lệ giải quyết đúng hạn (%)"),
    ("1", "Công chức Tư pháp - Hộ tịch", "54", "54", "54", "0", "100"),
    ("2", "Công chức Văn hóa - Xã hội", "58", "57", "57", "0", "100"),
    ("3", "Chỉ huy trưởng Ban Chỉ huy Quân sự", "121", "115", "112", "3", "97,39"),
    ("4", "Công chức Địa chính - Xây dựng", "159", "159", "159", "0", "100"),
    ("", "Tổng cộng", "392", "385", "382", "3", "99,22"),
]  # fmt: skip

_FORM_TOP = (
    "STT",
    "Lĩnh vực",
    *["Số hồ sơ nhận giải quyết"] * 4,
    *["Số hồ sơ đã giải quyết"] * 4,
    *["Số hồ sơ đang giải quyết"] * 3,
    "Tỷ lệ giải quyết trước hạn, đúng hạn (%)",
)
_FORM_SUB = (
    "STT",
    "Lĩnh vực",
    "Tổng số",
    "Trực tuyến",
    "Trực tiếp, bưu chính",
    "Kỳ trước chuyển qua",
    "Tổng số",
    "Trước hạn",
    "Đúng hạn",
    "Quá hạn",
    "Tổng số",
    "Trong hạn",
    "Quá hạn",
    "Tỷ lệ giải quyết trước hạn, đúng hạn (%)",
)
_FORM_BODY = [
    ("1", "Đất đai", "57", "30", "26", "1", "55", "3", "52", "0", "2", "2", "0", "100"),
    ("2", "Chứng thực", "63", "22", "37", "4", "62", "62", "0", "0", "1", "0", "1", "100"),
    ("3", "Nông nghiệp và Môi trường", "21", "14", "4", "3", "18", "15", "3", "0", "3", "3", "0", "100"),
    ("4", "Xây dựng", "31", "7", "20", "4", "26", "3", "23", "0", "5", "4", "1", "100"),
    ("5", "Tài chính - Kế hoạch", "39", "20", "15", "4", "34", "1", "33", "0", "5", "5", "0", "100"),
    ("6", "Văn hóa - Thông tin", "38", "11", "25", "2", "34", "26", "8", "0", "4", "4", "0", "100"),
    ("7", "Tư pháp - Hộ tịch", "53", "39", "14", "0", "52", "13", "37", "2", "1", "1", "0", "96,15"),
    ("", "Tổng cộng", "302", "143", "141", "18", "281", "123", "156", "2", "21", "19", "2", "99,29"),
]  # fmt: skip


def _stats(result) -> list[tuple]:
    return [(r["code"], r["indicator"], r["value"]) for a in result.data["statistics"] for r in a["rows"]]


def _not_ok(result) -> list[tuple]:
    return [(c["kind"], c["code"], c["status"]) for c in result.data["checks"] if c["status"] != "ok"]


def test_flat_columns_adding_up_to_the_one_before_are_its_parts_and_the_share_theirs(tmp_path: Path):
    result = cchc_extract.convert(plain_docx(tmp_path / "by-official.docx", (*_HEAD, *_CAPTION), _BY_OFFICIAL, CLOSE))
    assert _stats(result) == [
        ("1", "Số hồ sơ tiếp nhận", 392.0),
        ("2", "Số hồ sơ đã giải quyết", 385.0),
        ("2.1", "Giải quyết đúng hạn", 382.0),
        ("2.2", "Giải quyết quá hạn", 3.0),
        ("2.3", "Tỷ lệ giải quyết đúng hạn (%)", 99.22),
    ]
    assert _not_ok(result) == []


def test_the_share_printed_off_its_units_is_the_communes_fault_under_its_group(tmp_path: Path):
    rows = [*_BY_OFFICIAL[:-1], ("", "Tổng cộng", "392", "385", "382", "3", "94,22")]  # (a planted ratio fault)
    result = cchc_extract.convert(plain_docx(tmp_path / "by-official-off.docx", (*_HEAD, *_CAPTION), rows, CLOSE))
    assert ("2.3", "Tỷ lệ giải quyết đúng hạn (%)", 94.22) in _stats(result)
    assert _not_ok(result) == [("ratio", "2.3", "mismatch")]


def _form_docx(path: Path, body: list[tuple] = _FORM_BODY, top: tuple = _FORM_TOP, sub: tuple = _FORM_SUB) -> Path:
    """The handling form: a two-row header whose groups span their sub-columns, the fields, the total."""
    doc = docx.Document()
    for text in (*_HEAD, *_CAPTION):
        doc.add_paragraph(text)
    table = doc.add_table(rows=0, cols=len(_FORM_SUB))
    table.style = "Table Grid"
    for row in (top, sub, *body):
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    head, under = table.rows[0].cells, table.rows[1].cells
    for first, last in ((2, 5), (6, 9), (10, 12)):
        head[first].merge(head[last]).text = top[first]
    for col in (0, 1, 13):
        head[col].merge(under[col]).text = top[col]
    for text in CLOSE:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def test_a_share_printed_after_the_groups_is_the_part_of_the_group_it_is_of(tmp_path: Path):
    result = cchc_extract.convert(_form_docx(tmp_path / "handling-form.docx"))
    assert [c for c, _i, _v in _stats(result)] == [
        "1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1", "3.2",
    ]  # fmt: skip
    assert ("2.4", "Tỷ lệ giải quyết trước hạn, đúng hạn (%)", 99.29) in _stats(result)
    assert _not_ok(result) == []  # (99,29% is 2.1 + 2.2 over 2, its label listing them with a comma)


# Seed 21001's handling form, numbered variant (its first and third instances): the header's column
# numbers "(1) | (2) | (3)=(4)+(5)+(6) …" under it, the fields, the total last. Cells from the DOCX,
# codes and values from the truth files ("2.4" the share; the third's total share is its planted
# ratio fault: "printed 95,77% but its counts give 99,27%").
_SHARE = "Tỷ lệ trước và đúng hạn (%)"
_NUMBERED_TOP = (*_FORM_TOP[:-1], _SHARE)
_NUMBERED_SUB = (*_FORM_SUB[:-1], _SHARE)
_COLUMN_NUMBERS = ("(1)", "(2)", "(3)=(4)+(5)+(6)", "(4)", "(5)", "(6)", "(7)=(8)+(9)+(10)", "(8)", "(9)", "(10)",
                   "(11)=(12)+(13)", "(12)", "(13)", "(14)")  # fmt: skip
_ALL_SHARES_FULL = [
    _COLUMN_NUMBERS,
    ("1", "Đất đai", "56", "43", "11", "2", "56", "0", "56", "0", "0", "0", "0", "100"),
    ("2", "Chứng thực", "49", "19", "29", "1", "46", "22", "24", "0", "3", "2", "1", "100"),
    ("3", "Tư pháp - Hộ tịch", "78", "46", "30", "2", "75", "2", "73", "0", "3", "2", "1", "100"),
    ("4", "Công thương", "68", "59", "8", "1", "68", "35", "33", "0", "0", "0", "0", "100"),
    ("", "Toàn xã", "251", "167", "78", "6", "245", "59", "186", "0", "6", "4", "2", "100"),
]  # fmt: skip
_NONE_PENDING_WHERE_LATE = [
    _COLUMN_NUMBERS,
    ("1", "Công thương", "76", "57", "18", "1", "74", "29", "45", "0", "2", "2", "0", "100"),
    ("2", "Lao động - Thương binh và Xã hội", "35", "31", "2", "2", "34", "23", "11", "0", "1", "1", "0", "100"),
    ("3", "Chứng thực", "44", "27", "14", "3", "39", "3", "36", "0", "5", "5", "0", "100"),
    ("4", "Xây dựng", "39", "29", "9", "1", "39", "17", "20", "2", "0", "0", "0", "94,87"),
    ("5", "Y tế", "88", "56", "30", "2", "88", "55", "33", "0", "0", "0", "0", "100"),
    ("", "Toàn xã", "282", "200", "73", "9", "274", "127", "145", "2", "8", "8", "0", "95,77"),
]  # fmt: skip
_CODES = ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "2.3", "2.4", "3", "3.1", "3.2"]


def test_every_part_over_the_whole_it_makes_vouches_for_no_share(tmp_path: Path):
    # Received = online + in person + carried over in every row: 100% whatever the share counts, so
    # the share of 100% in every field is resolved early and on time's, not received's (on main: "4").
    path = _form_docx(tmp_path / "numbered.docx", _ALL_SHARES_FULL, _NUMBERED_TOP, _NUMBERED_SUB)
    result = cchc_extract.convert(path)
    assert [c for c, _i, _v in _stats(result)] == _CODES
    assert ("2.4", _SHARE, 100.0) in _stats(result)
    assert _not_ok(result) == []


def test_the_group_giving_the_share_in_more_rows_is_its_own_and_its_fault_is_found(tmp_path: Path):
    # The pending in time over the pending give 100% in the three fields with files pending, and
    # nothing where none is: the resolved early and on time give all five fields' shares (94,87 too).
    path = _form_docx(tmp_path / "numbered-off.docx", _NONE_PENDING_WHERE_LATE, _NUMBERED_TOP, _NUMBERED_SUB)
    result = cchc_extract.convert(path)
    assert [c for c, _i, _v in _stats(result)] == _CODES
    assert ("2.4", _SHARE, 95.77) in _stats(result)
    assert _not_ok(result) == [("ratio", "2.4", "mismatch")]
