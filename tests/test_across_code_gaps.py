"""A table by unit whose header prints its indicators' codes ("2.1. Tổng số …", "a) …", "b) …",
"c) …", "2.2. Tỷ lệ …") and one of them a scan lost (issue 14): the other codes still hold the
annex's tree, and the lost one is the one its neighbours leave ("c)" after "b)" of 3.1, before
"3.2"). Before, one label without its code coded the whole table by its columns (1, 2, … 14), and
the share 2.2 had no parent to be checked against: its planted fault went unflagged.

Material: page 2 (the annex) of seed 16001's S27 i1 scan (tools/make_corpus.py, the N50 layout
"units across, total last", 218 dpi), binarised to keep it small; its truth is the generator's
(``….pdf.truth.json``, the whole document's). Tesseract reads "c) Giải quyết quá hạn" as "Giải
quyết quá hạn" and "4. Số cuộc …" as "-4. Số cuộc …" on it. The label lists of ``gap_code`` are
the header labels as Tesseract read them on seed 16001's S27 i1 and S30 i3 scans."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.across_code_gaps import gap_code
from extract.segment.stat_across_units import printed_codes

PAGE = Path(__file__).parent / "data" / "faults71" / "s16001-n50-units-across-annex-page.pdf"


def test_a_label_whose_code_a_scan_lost_keeps_the_table_s_tree_and_its_fault_is_flagged():
    truth = json.loads(PAGE.with_name(PAGE.name + ".truth.json").read_text(encoding="utf-8"))
    want = [(r["code"], r["value"]) for r in truth["statistics"][0]["rows"]]
    out = result_to_json(convert_file(PAGE))
    assert [(r["code"], r["value"]) for r in out["statistics"][0]["rows"]] == want
    fault = truth["faults"][0]
    assert (fault["kind"], fault["code"]) == ("ratio", "2.2")  # 46,06% printed, 56/113 = 49,56%
    ratios = {c["code"]: c["status"] for c in out["checks"] if c["kind"] == "ratio"}
    assert ratios == {"2.2": "mismatch", "3.2": "ok"}


def test_the_codes_a_scan_lost_are_the_ones_their_neighbours_leave():
    labels = [
        "1. Số sáng kiến, giải pháp CCHC được công nhân",
        "2. Kết quả giải quyết hồ sơ thủ tục hành chính",
        "2.1. Số hồ sơ TTHC đã giải quyết",
        "a) Giải quyết trước hạn",
        "b) Giải quyết đúng hạn",
        "Giải quyết quá hạn",
        "2.2. Tỷ lệ hồ sơ giải quyết trước hạn và đúng han",
        "3. Số văn bản chỉ đạo, điều hành CCHC đã ban hành",
    ]
    codes = printed_codes(labels)
    assert codes is not None
    assert [c for c, _ in codes] == ["1", "2", "2.1", "2.1.a", "2.1.b", "2.1.c", "2.2", "3"]
    assert codes[5][1] == "Giải quyết quá hạn"


def test_a_code_the_neighbours_leave_open_stays_unsaid():
    assert gap_code("3.1.a", "3.1.c") == "3.1.b"
    assert gap_code("2.1", "2.3") == "2.2"
    assert gap_code("3.1.b", "4") == "3.1.c"
    assert gap_code("2.1", "2.2") is None  # nothing between them: the label is no item
    assert gap_code("2.1", "3") is None  # 2.2, or 2.1.a, or more: open
    assert gap_code(None, "3") is None and gap_code("3", None) is None
    assert printed_codes(["1. Số văn bản", "Số nhiệm vụ", "Số hồ sơ", "4. Số cuộc"]) is None


def test_a_code_whose_dot_a_scan_read_as_a_comma_is_still_printed():
    """Seed 17207's S27 i1 scan (N50, units across): Tesseract read the first label's "1." as
    "1,"; the truth's codes are 1, 2, 2.1, 2.2, 2.3, 3."""
    labels = [
        "1, Số sáng kiến, giải pháp CCHC được công nhận",
        "2. Số phản ánh, kiến nghị của cá nhân, tổ chức tiếp nhân",
        "2.1. Số phản ánh, kiến nghị đã xử lý",
        "2.2. Số phản ánh, kiến nghị đang xử lý",
        "2.3. Tỷ lệ phản ánh, kiến nghị được xử lý",
        "3. Số cuộc Tên truyền",
    ]
    codes = printed_codes(labels)
    assert codes is not None
    assert [c for c, _ in codes] == ["1", "2", "2.1", "2.2", "2.3", "3"]
    assert codes[0][1] == "Số sáng kiến, giải pháp CCHC được công nhận"
    assert gap_code(None, "2") == "1" and gap_code(None, "2.1") is None
