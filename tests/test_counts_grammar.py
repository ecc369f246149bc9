"""Narrative counts read by structure (extract/segment/counts.py), on the development sentences:
the shapes the issue names (numbers changed) and phrasings of public commune and provincial
reports on one-stop-shop results, re-worded with fictional numbers. The held-out sentences are
in tests/test_counts_heldout.py."""

import pytest
from unidecode import unidecode

from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts, tokenize
from test_counts_heldout import observe

DEV = [
    # a percentage is never a part
    ("Tính đến nay, UBND xã đã hoàn thành 9 nhiệm vụ (đạt 47,37%), các nhiệm vụ còn lại đang triển khai.", []),
    # "trong đó 46 …, 51 … và 07 …": the part after "và" counts
    (
        "Tổng số 104 thủ tục, trong đó 46 thủ tục toàn trình, 51 thủ tục một phần và 07 thủ tục còn lại.",
        [(104, [46, 51, 7], "ok")],
    ),
    # the breakdown ends at ';' before a new predicate
    (
        "Đã giải quyết 402 hồ sơ, trong đó trước hạn 377, đúng hạn 22, trễ hạn 03; đang giải quyết 11.",
        [(402, [377, 22, 3], "ok")],
    ),
    # a parenthetical breakdown whose parts exceed the total: 20 + 17 + 13 = 50
    (
        "Tuyên truyền 48 lượt (qua loa truyền thanh 20 lượt; qua hội nghị 17 lượt; qua mạng xã hội 13 lượt).",
        [(48, [20, 17, 13], "mismatch")],
    ),
    # parts over ';' clauses, each with its share
    (
        "Đã giải quyết 5.320 hồ sơ; trong đó, số hồ sơ giải quyết đúng và trước hạn có 5.290 hồ sơ, chiếm tỷ lệ "
        "99,44%; số hồ sơ quá hạn có 30 hồ sơ, chiếm tỷ lệ 0,56%.",
        [(5320, [5290, 30], "ok")],
    ),
    (
        "Đã giải quyết 2.410 hồ sơ, trong đó trả trước và đúng hạn 2.402 hồ sơ, đạt tỷ lệ 99,67%, quá hạn 8 hồ sơ, "
        "chiếm tỷ lệ 0,33%.",
        [(2410, [2402, 8], "ok")],
    ),
    # "gồm N ..., có A ... và B ..." and "Trong số N ..., A ... và B ..."
    (
        "Số hồ sơ còn lại đang giải quyết gồm 72 hồ sơ, có 60 hồ sơ chưa đến hạn và 12 hồ sơ đã quá hạn.",
        [(72, [60, 12], "ok")],
    ),
    (
        "Trong số 35 hồ sơ đang giải quyết, số hồ sơ chưa đến hạn là 30 hồ sơ và có 5 hồ sơ đã quá hạn.",
        [(35, [30, 5], "ok")],
    ),
    # one part named, the rest left unsaid
    (
        "Trung tâm đã tiếp nhận tổng cộng 1.930 hồ sơ, trong đó có 1.604 hồ sơ tiếp nhận mới, số còn lại từ kỳ "
        "trước chuyển sang.",
        [(1930, [1604], "ok")],
    ),
    ("Tổng số 1.598 hồ sơ, trong đó có 61 hồ sơ nộp mức độ 3 và 1.537 hồ sơ nộp mức độ 4.", [(1598, [61, 1537], "ok")]),
    # a bracket opened by "trong đó gồm" after a long noun phrase with a comma in it ("ý kiến, kiến
    # nghị"), each part repeating the compound (a provincial report on voters' petitions, re-worded)
    (
        "Thường trực HĐND xã đã chuyển 42 lượt ý kiến, kiến nghị của cử tri đến UBND xã để xem xét giải "
        "quyết (trong đó gồm 35 ý kiến, kiến nghị liên quan lĩnh vực kinh tế - ngân sách, 03 ý kiến, kiến "
        "nghị lĩnh vực tư pháp và 04 ý kiến, kiến nghị lĩnh vực văn hóa - xã hội).",
        [(42, [35, 3, 4], "ok")],
    ),
    (
        "Thường trực HĐND xã đã chuyển 42 lượt ý kiến, kiến nghị của cử tri đến UBND xã để xem xét giải "
        "quyết (trong đó gồm 35 ý kiến, kiến nghị liên quan lĩnh vực kinh tế - ngân sách, 03 ý kiến, kiến "
        "nghị lĩnh vực tư pháp và 05 ý kiến, kiến nghị lĩnh vực văn hóa - xã hội).",
        [(42, [35, 3, 5], "mismatch")],
    ),
    # a fault in a complete breakdown: 640 + 12 = 652, not 650 (the labels partition the total)
    (
        "Đã giải quyết 650 hồ sơ, trong đó đúng và trước hạn 640 hồ sơ, quá hạn 12 hồ sơ.",
        [(650, [640, 12], "mismatch")],
    ),
    # "trong đó" naming some parts only, short of the total: not a fault
    ("Đã tiếp nhận 120 hồ sơ, trong đó hồ sơ đất đai 50 hồ sơ, hồ sơ hộ tịch 40 hồ sơ.", [(120, [50, 40], "skipped")]),
    # "gồm" states the whole: short of it is a fault
    ("Ban hành 20 văn bản, gồm: 5 kế hoạch, 8 công văn, 6 báo cáo.", [(20, [5, 8, 6], "mismatch")]),
    # a part in another unit: not checked
    (
        "Tiếp nhận 30 hồ sơ (trong đó 25 hồ sơ trực tuyến, 4 trường hợp hướng dẫn qua điện thoại).",
        [(30, [25], "skipped")],
    ),
    # a part's own breakdown nests
    (
        "Tổng số 137 TTHC, trong đó một phần là 79 thủ tục, toàn trình là 49 thủ tục, có 09 TTHC không đủ điều "
        "kiện (lĩnh vực tư pháp 05 thủ tục, đất đai 01 thủ tục và nội vụ 03 thủ tục).",
        [(137, [79, 49, 9], "ok"), (9, [5, 1, 3], "ok")],
    ),
    # a ratio and its remainder
    ("Có 7/12 chỉ tiêu đạt kế hoạch (58,33%), còn 5/12 chỉ tiêu chưa đạt.", [(12, [7, 5], "ok")]),
    # a rank and a date are not counts
    ("Xếp thứ 36/141 xã; Quyết định số 04/QĐ-UBND ngày 09/01/2024 giao 19 nhiệm vụ.", []),
]


@pytest.mark.parametrize("sentence,expected", DEV, ids=[f"d{k:02d}" for k in range(len(DEV))])
def test_dev_counts(sentence, expected):
    assert observe(sentence) == expected


@pytest.mark.parametrize("sentence,expected", DEV[:6], ids=[f"d{k:02d}" for k in range(6)])
def test_dev_counts_without_accents(sentence, expected):
    """An OCR dump that lost its accents reads the same."""
    assert observe(unidecode(sentence)) == expected


def test_tokens_tell_counts_from_decimals_and_percents():
    kinds = [(t.kind, t.text) for t in tokenize("dat 47,37%; 1.020 ho so, 2,5 diem, 15/19 nv, 08")]
    assert ("pct", "47,37%") in kinds and ("num", "1.020") in kinds and ("dec", "2,5") in kinds
    assert ("frac", "15/19") in kinds and ("num", "08") in kinds


def test_part_labels_and_units():
    doc = IngestedDocument(
        path="x",
        format="txt",
        pages=[
            Page(
                1,
                [
                    Line(
                        text=(
                            "Đã giải quyết 402 hồ sơ, trong đó trước hạn 377, đúng hạn 22, trễ hạn 03; "
                            "đang giải quyết 11."
                        ),
                        page=1,
                        number=1,
                    )
                ],
            )
        ],
    )
    (count,) = find_counts(doc)
    assert [p.label for p in count.parts] == ["trước hạn", "đúng hạn", "trễ hạn"]
    assert count.unit == "hồ sơ" and count.complete and count.doubt is None


def test_hostile_lines_stay_bounded():
    """Deep or unbalanced parentheses and very long lists never raise and stay quick."""

    def read(text):
        page = Page(1, [Line(text=text, page=1, number=1)])
        return find_counts(IngestedDocument(path="x", format="txt", pages=[page]))

    assert read("(" * 5000 + "12 hồ sơ " + ")" * 5000) == []
    assert read(")))" + "(" * 3000) == []
    many = "tiếp nhận 500 hồ sơ, trong đó " + ", ".join(f"{k} hồ sơ" for k in range(2000))
    assert len(read(many)[0].parts) == 2000


def test_a_sentence_wrapped_over_a_dumps_lines_is_read_whole(tmp_path):
    # Seed 272 f13-i2 dumped by Tesseract (vie, psm 3): the sentences run over the page's printed
    # lines, cut inside the unit ("81 thủ" / "tục") and inside the parentheses. The planted fault
    # (35 + 41 + 7 = 83 of 81) is found only when the lines are one sentence again.
    from cchc_extract.pipeline import convert_file, result_to_json

    text = """Thực hiện công khai thủ tục hành chính đầy đủ, kịp thời. UBND xã đang thực hiện 81 thủ
tục hành chính (toàn trình: 35 thủ tục; một phần: 41 thủ tục; cung cấp thông tin: 7 thủ tục).
Trong 6 tháng đầu năm 2024, UBND xã đã tiếp nhận 222 hồ sơ, đã giải quyết 217 hồ sơ,
trong đó trước hạn 111, đúng hạn 101, quá hạn 5; đang giải quyết 5 hồ sơ.
I. PHƯƠNG HƯỚNG, NHIỆM VỤ
"""
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    counts = [(c["total"], [p["value"] for p in c["parts"]]) for c in out["counts"]]
    assert counts == [(81, [35, 41, 7]), (217, [111, 101, 5])]
    checks = [(c["kind"], c["status"]) for c in out["checks"] if c["kind"] == "count_parts"]
    assert checks == [("count_parts", "mismatch"), ("count_parts", "ok")]


def test_a_rows_code_joined_with_its_wrapped_name_is_no_count(tmp_path):
    # A held-out dump of a typed score table (vie, psm 3): row "2 Báo cáo CCHC" and its scale item
    # wrapped over three printed lines. Joined, "2 Báo cáo … (báo cáo quí I, …, báo cáo 6 tháng và
    # báo cáo năm)" read as a total of 2 reports with a part 6: a false mismatch. The line's opening
    # number before a capitalised word is the row's code, never a count.
    from cchc_extract.pipeline import convert_file, result_to_json

    text = """2 Báo cáo CCHC
a) Tất cả báo cáo được gửi đúng thời gian quy
định (báo cáo quí I, quí HI, báo cáo 6 tháng và
báo cáo năm)
"""
    path = tmp_path / "dump.txt"
    path.write_text(text, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    assert [c for c in out["counts"] if c["total"] == 2] == []
    assert not [c for c in out["checks"] if c["kind"] == "count_parts" and c["status"] == "mismatch"]
    # a sentence that opens with its count, in lower case, still counts
    page = Page(1, [Line(text="02 báo cáo, trong đó 01 báo cáo quý và 01 báo cáo năm", page=1, number=1)])
    (count,) = find_counts(IngestedDocument(path="x", format="txt", pages=[page]))
    assert count.total == 2 and [p.value for p in count.parts] == [1, 1]


def test_an_items_number_with_its_dot_doubled_by_ocr_is_no_count():
    # A held-out dump of a report whose scores are in sentences (vie, psm 3): the field's item
    # "1." read "1..", glued to its name. Read as a total of 1 "Cải cách" with a part 4 (the
    # field's number in brackets): a false mismatch. The opening number numbers the item.
    line = "1..Cải cách tổ chức bộ máy hành chính nhà nước (lĩnh vực 4): tự chấm 3/5 điểm (đạt 60%),"
    for text in (line, line.replace("1..", "1.", 1), line.replace("1..", "1) ", 1)):
        page = Page(1, [Line(text=text, page=1, number=1)])
        assert find_counts(IngestedDocument(path="x", format="txt", pages=[page])) == []


def test_a_digit_glued_after_letters_is_ocrs_letter_not_a_part():
    # A held-out dump of a report whose statistics are numbered lines (eng, psm 6): "số" read "s6"
    # before the second item. Read as a part 6 of its own, the 34 + 6 of 40 became 34 + 6 + 6: a
    # false mismatch. A digit glued after letters ("s6", "c6ng") is a letter OCR misread.
    text = (
        "40 phản ánh (trong đó: số phản ánh, kiến nghị đã xử lý: 34 phản ánh; s6 phản ánh, "
        "kiến nghị đang xử lý: 6 phản ánh)."
    )
    page = Page(1, [Line(text=text, page=1, number=1)])
    (count,) = find_counts(IngestedDocument(path="x", format="txt", pages=[page]))
    assert count.total == 40 and [p.value for p in count.parts] == [34, 6]
