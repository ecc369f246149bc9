"""Statistics annexes of OCR dumps whose headings lost their codes (``extract/segment/stat_headings.py``,
``extract/segment/stat_heading_cells.py``), a run read figures-first row by row
(``extract/segment/stat_cell_order.py``), and the figures a dump lost told once each in the queue
(``extract/segment/unread_review.py``): small sparse-text dumps made for them, read end to end."""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import converted_with_truth

DUMPS = Path(__file__).parent / "data" / "dumps_stats_psm"

# A ``--psm 11`` dump of an annex, one cell a line: the codes of the headings ("Kết quả giải
# quyết …", "Công khai …") and of the counts under them lost; the count under "Công khai …" prints
# its unit and figure before its indicator ("Thủ tục" / "133" / "Tổng số …"), after a speck.
SPARSE = """Phụ lục 1
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024
(Kèm theo Báo cáo số 12/BC-UBND ngày 10/12/2024 của UBND xã An Phú)
STT
Nội dung
ĐVT
Số liệu
Ghi chú
Số văn bản chỉ đạo, điều hành CCHC đã ban hành
Văn bản
28
Tổng số hồ sơ TTHC tiếp nhận trong kỳ
Hồ sơ
294
2.1
Số hồ sơ tiếp nhận trực tuyến
Hồ sơ
249
2.2
Số hồ sơ tiếp nhận trực tiếp và qua bưu chính
Hồ sơ
45
2.3
Tỷ lệ hồ sơ tiếp nhận trực tuyến
%
84,69
Kết quả giải quyết hồ sơ thủ tục hành chính
Số hồ sơ TTHC đã giải quyết
Hồ sơ
350
a)
Giải quyết trước hạn
Hồ sơ
247
b)
Giải quyết đúng hạn
Hồ sơ
93
Giải quyết quá hạn
Hồ sơ
10
Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn
%
97,14
Công khai thủ tục hành chính
ui
Thủ tục
133
Tổng số thủ tục hành chính thuộc thẩm quyền giải
quyết của UBND xã
a)
Số TTHC cung cấp dịch vụ công trực tuyến toàn trình
Thủ tục
89
b)
Số TTHC cung cấp dịch vụ công trực tuyến một phần
Thủ tục
44
4.2
Tỷ lệ TTHC cung cấp dịch vụ công trực tuyến toàn trình
%
66,92
Số cuộc tuyên truyền CCHC
Lượt
50
"""


def _convert(tmp_path: Path, text: str) -> dict:
    path = tmp_path / "annex-psm11.txt"
    path.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_headings_that_lost_their_codes_head_the_rows_under_them(tmp_path: Path) -> None:
    out = _convert(tmp_path, SPARSE)
    rows = [(r["code"], r["value"]) for r in out["statistics"][0]["rows"]]
    assert rows == [
        ("1", 28),
        ("2", 294),
        ("2.1", 249),
        ("2.2", 45),
        ("2.3", 84.69),
        # under the share 2.3, a row printing neither unit nor figure opens the next group (not
        # 2.4), and heads the count under it (3.1, not 4)
        ("3", None),
        ("3.1", 350),
        ("3.1.a", 247),
        ("3.1.b", 93),
        ("3.1.c", 10),
        ("3.2", 97.14),
        # the heading gives back the unit and figure of the count under it, printed before that
        # count's indicator ("Thủ tục" / "133" / "Tổng số …")
        ("4", None),
        ("4.1", 133),
        ("4.1.a", 89),
        ("4.1.b", 44),
        ("4.2", 66.92),
        ("5", 50),
    ]
    units = {r["code"]: r["unit"] for r in out["statistics"][0]["rows"]}
    assert units["4"] == "" and units["4.1"] == "Thủ tục"
    # the headings print no figure: none is said lost
    assert not [u for u in out["unread"] if "is not in the text" in u["reason"]]


def test_a_count_whose_unit_and_figure_ocr_lost_is_no_heading(tmp_path: Path) -> None:
    # "Số cán bộ …" printing neither unit nor figure is a count whose cells OCR lost: the row
    # under it (its code printed, 5.2) is not made its child.
    text = SPARSE.replace("Số cuộc tuyên truyền CCHC\nLượt\n50\n", "")
    text += "Số cán bộ, công chức cấp xã\nNgười\n25\nSố cán bộ, công chức đạt chuẩn\n5.2\n"
    text += "Số cán bộ, công chức chưa đạt chuẩn\nNgười\n4\n"
    out = _convert(tmp_path, text)
    rows = [(r["code"], r["value_raw"]) for r in out["statistics"][0]["rows"]][-3:]
    assert rows == [("5", "25"), ("5.1", ""), ("5.2", "4")]
    # (5.1's figure, not read, is the one its group's sum leaves, derived after the checks:
    # ``reconcile.stat_derived``, flagged)
    row = out["statistics"][0]["rows"][-2]
    assert row["value"] == 21 and "derived_from_sums:value" in row["flags"]


def test_lost_figures_are_told_on_their_rows_once(tmp_path: Path) -> None:
    # Two figures the dump lost (the items' 93 and 44): each row's value has one entry giving
    # both reasons, the figure its group's sum implies beside it; no entry for the annex besides.
    text = SPARSE.replace("Hồ sơ\n93\n", "Hồ sơ\n").replace("Thủ tục\n44\n", "Thủ tục\n")
    out = _convert(tmp_path, text)
    rows = out["statistics"][0]["rows"]
    lost = {r["code"]: ri for ri, r in enumerate(rows) if "missing_value" in r["flags"] and r["unit"]}
    assert set(lost) == {"3.1.b", "4.1.b"}
    # not read; the values their groups' sums leave are derived after the checks, flagged
    assert {c: (rows[ri]["value_raw"], rows[ri]["value"]) for c, ri in lost.items()} == {
        "3.1.b": ("", 93),
        "4.1.b": ("", 44),
    }
    assert all("derived_from_sums:value" in rows[ri]["flags"] for ri in lost.values())
    # the part stays among what was not read ...
    told = [u for u in out["unread"] if "is not in the text" in u["reason"]]
    assert len(told) == 1 and "3.1.b (by its group's sum: 93)" in told[0]["reason"]
    # ... and the queue asks once per lost figure, on the row's own value
    assert not [e for e in out["review"] if e["item"].startswith("/unread/")]
    for code, ri in lost.items():
        entries = [e for e in out["review"] if e["item"] == f"/statistics/0/rows/{ri}"]
        assert len(entries) == 1 and entries[0]["field"] == "value", code
        assert entries[0]["reason"].startswith("not read: the figure is not in the text (OCR lost it)")
    item = f"/statistics/0/rows/{lost['3.1.b']}"
    assert "(by its group's sum: 93)" in next(e for e in out["review"] if e["item"] == item)["reason"]


def test_a_run_read_figures_first_keeps_each_rows_own_order() -> None:
    # Real Tesseract --psm 11 dump: "Giải quyết quá hạn" / "HỒ sơ" / "i" / "c)" / "%" / "89,28" /
    # "4,2" / "Tỷ lệ …": the item prints its code after its unit (its figure lost), the share its
    # unit and figure before its indicator; read as one order for the run, the share became an item.
    path = DUMPS / "s495h-d07-i3-annex-psm11-eng-degraded.txt"
    out, truth = converted_with_truth(path, path.stem)
    tally = score_document(truth, out)["tally"]
    assert tally["stat_found"] == 16 and tally["code_ok"] == 16 and tally["stat_invented"] == 0
    share = next(r for r in out["statistics"][0]["rows"] if r["indicator"].startswith("Tỷ lệ hồ sơ giải quyết"))
    assert (share["code"], share["value"]) == ("4.2", 89.28)
