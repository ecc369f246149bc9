"""Held-out narrative counts: sentences in the style of commune six-month CCHC reports (own wording,
fictional numbers), written BEFORE the count grammar was developed and never tuned on.

Each sentence states what a careful reader takes from it: every (total, parts, status of the
count_parts check). A sentence with no breakdown gives no count; a breakdown whose structure is
uncertain is ``skipped``, never ``mismatch``; a real fault of the document is ``mismatch``.
"""

import pytest

from cchc_extract.reconcile import reconcile
from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts
from schemas.records import ExtractionResult

HELD_OUT = [
    # parts over ';' clauses, each with the share it is of the total ("chiếm tỷ lệ")
    (
        "Trong kỳ, Bộ phận một cửa đã tiếp nhận 1.236 hồ sơ, đã giải quyết 1.198 hồ sơ; trong đó, giải quyết "
        "trước hạn có 1.020 hồ sơ, chiếm tỷ lệ 85,1%; đúng hạn có 170 hồ sơ, chiếm tỷ lệ 14,2%; quá hạn 08 hồ sơ, "
        "chiếm tỷ lệ 0,7%.",
        [(1198, [1020, 170, 8], "ok")],
    ),
    ("Số hồ sơ đang giải quyết gồm 45 hồ sơ, có 38 hồ sơ chưa đến hạn và 7 hồ sơ đã quá hạn.", [(45, [38, 7], "ok")]),
    # a real fault: 119 + 6 = 125, the text says 126 (the two parts are complementary: due / overdue)
    (
        "Trong số 126 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 119 hồ sơ và có 6 hồ sơ đã quá hạn.",
        [(126, [119, 6], "mismatch")],
    ),
    # a percentage is never a part
    ("Xã đã hoàn thành 11 nhiệm vụ (đạt 57,89%), còn 8 nhiệm vụ đang triển khai.", []),
    # "... và 07 ...": the list's last part counts
    (
        "Tổng số TTHC đang áp dụng tại xã là 96 thủ tục, trong đó 41 thủ tục dịch vụ công trực tuyến toàn trình, "
        "48 thủ tục một phần và 07 thủ tục cung cấp thông tin.",
        [(96, [41, 48, 7], "ok")],
    ),
    # the breakdown ends at ';': "đang giải quyết 14" is the next clause
    (
        "Công chức Bộ phận một cửa đã giải quyết 388 hồ sơ, trong đó trước hạn 350, đúng hạn 31, trễ hạn 07; "
        "đang giải quyết 14 hồ sơ.",
        [(388, [350, 31, 7], "ok")],
    ),
    # a parenthetical breakdown whose parts exceed the total: 30 + 19 + 15 = 64
    (
        "Tổ chức tuyên truyền về CCHC được 62 lượt (qua hệ thống loa truyền thanh 30 lượt; lồng ghép tại các cuộc "
        "họp thôn 19 lượt; trên trang Zalo của xã 15 lượt).",
        [(62, [30, 19, 15], "mismatch")],
    ),
    # a part in another unit is not a part: the sum cannot be checked
    (
        "Đã cấp 215 bản sao chứng thực (trong đó chứng thực bản sao từ bản chính 180 bản, chứng thực chữ ký "
        "35 trường hợp).",
        [(215, [180], "skipped")],
    ),
    # the share between the total and its breakdown is not a part
    (
        "Tiếp nhận 74 hồ sơ trực tuyến, đạt tỷ lệ 63,2%, trong đó nộp qua Cổng dịch vụ công quốc gia 50 hồ sơ, "
        "qua ứng dụng VNeID 24 hồ sơ.",
        [(74, [50, 24], "ok")],
    ),
    # "trong đó" breaks down the nearest total
    (
        "Tổng số văn bản đến là 1.045 văn bản, văn bản đi là 412 văn bản, trong đó ký số 398 văn bản.",
        [(412, [398], "ok")],
    ),
    # an OCR dump that lost its accents
    (
        "Tong so ho so da giai quyet la 512 ho so, trong do: truoc han 498 ho so, dung han 12 ho so, tre han 2 ho so.",
        [(512, [498, 12, 2], "ok")],
    ),
    # no breakdown at all
    ("UBND xã tiếp nhận 57 phản ánh, kiến nghị, đã xử lý 55 phản ánh, kiến nghị, đạt 96,49%.", []),
    ("Số phiếu khảo sát phát ra 150 phiếu, thu về 146 phiếu (đạt 97,3%).", []),
    # one part of a total: a subset
    (
        "Đã tổ chức 4 hội nghị đối thoại với 310 lượt người tham dự, trong đó 126 lượt người là phụ nữ.",
        [(310, [126], "ok")],
    ),
    # the parts name kinds of the total's unit: they are parts
    (
        "Trong 6 tháng, xã đã ban hành 28 văn bản chỉ đạo CCHC, gồm: 3 kế hoạch, 11 công văn, 14 thông báo.",
        [(28, [3, 11, 14], "ok")],
    ),
    # "trong đó" naming only some of the parts: short of the total is not a fault
    ("Đã rà soát 40 TTHC, trong đó đề nghị đơn giản hóa 6 TTHC, kiến nghị bãi bỏ 2 TTHC.", [(40, [6, 2], "skipped")]),
]


def observe(sentence: str) -> list[tuple]:
    """(total, parts, status of its count_parts check or None) of each count read from one line."""
    doc = IngestedDocument(path="x", format="txt", pages=[Page(1, [Line(text=sentence, page=1, number=1)])])
    result = ExtractionResult(counts=find_counts(doc))
    reconcile(result)
    status = {c.id.split(":")[1]: c.status for c in result.checks if c.kind == "count_parts"}
    return [(c.total, [p.value for p in c.parts], status.get(f"/counts/{i}")) for i, c in enumerate(result.counts)]


# Held-out sentences the grammar still reads wrong, recorded after measuring (not tuned on): the
# expectation above stays what a reader takes from the sentence.
KNOWN_MISSES = {9: "a total preceded by another count of the same unit in a parallel clause is not found"}


@pytest.mark.parametrize(
    "sentence,expected",
    [
        pytest.param(s, e, marks=pytest.mark.xfail(reason=KNOWN_MISSES[k], strict=True))
        if k in KNOWN_MISSES
        else (s, e)
        for k, (s, e) in enumerate(HELD_OUT)
    ],
    ids=[f"h{k:02d}" for k in range(len(HELD_OUT))],
)
def test_held_out_counts(sentence, expected):
    assert observe(sentence) == expected


def test_held_out_never_a_false_mismatch():
    """The floor even where a reading is imperfect: no mismatch the sentence does not hold."""
    false = [
        s
        for s, expected in HELD_OUT
        if any(st == "mismatch" for *_, st in observe(s)) and not any(st == "mismatch" for *_, st in expected)
    ]
    assert false == []
