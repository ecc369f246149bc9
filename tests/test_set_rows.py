"""Rows of a garbled OCR dump recovered by the criteria set's wording (issue 11): the row reader
withdrew these tables (codes and columns garbled), though their name lines are still the set's
criteria. The dumps are real Tesseract output of the corpus generator (seed 301), with the
generator's truth beside them."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.reconcile.restored import FLAG_RESTORED
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.set_rows import FLAG_FROM_SET_ORDER, SetRowSettings
from extract.segment.set_wording import opens as _opens
from normalize.criteria import criteria_set

DATA = Path(__file__).parent / "data" / "dumps_set_rows"


def _convert(name: str) -> tuple[dict, dict]:
    path = DATA / name
    return converted_with_truth(path)


def test_a_table_withdrawn_whole_is_recovered_row_by_row_in_the_sets_order():
    out, truth = _convert("s301-d01-i3-ruled-center-eng-250dpi-degraded.txt")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == [r["code"] for r in truth["score_tables"][0]["rows"]]
    assert [r["name"] for r in rows] == [r["name"] for r in truth["score_tables"][0]["rows"]]
    assert all(FLAG_FROM_SET_ORDER in r["flags"] for r in rows)
    # Row 1 prints "10 7.25" (the commune's maximum, under the set's 20): both read.
    assert (rows[0]["max_points"], rows[0]["self_points"]) == (10.0, 7.25)
    # Every recovered row is queued, and the cells not read are told.
    queued = {q["item"] for q in out["review"] if q["field"] is None}
    assert all(f"/score_tables/0/rows/{i}" in queued for i in range(len(rows)))
    told = [u for u in out["unread"] if u["kind"] == "rows"]
    assert told and "1.1.2" in told[0]["reason"]


def test_field_rows_whose_codes_ocr_lost_take_their_place_by_name_and_one_not_found_is_told():
    out, truth = _convert("s301-d04-i3-ruled-center-eng-300dpi-degraded.txt")
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    want = {r["code"]: r for r in truth["score_tables"][0]["rows"]}
    assert set(rows) <= set(want)  # nothing invented
    assert len(rows) >= 6
    # A maximum taken is the printed one; self scores read after it are right where the line
    # prints both ("7 6.5", "16 15,25"); row 1's "10 | 8" lost a column (self 9, appraised 8,75).
    # The names split from their explanations (``explanation_side``), the line reader keeps the
    # table (no recovery by the set's order): every row is in the review queue (its doubted cells
    # or the whole row), and the criterion the page lost is told by the numbering's gap.
    assert all(r["max_points"] in (None, want[c]["max_points"]) for c, r in rows.items())
    assert (rows["6"]["self_points"], rows["7"]["self_points"]) == (6.5, 15.25)
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"]]
    # Row 5 was printed: only its name's last line "vien chifc" (line 17, between 4's lines and 6's)
    # was read. The numbering jumps from 4 to 6 and the set names 5 there: restored, with the set's
    # name (the truth's), its self score not read, flagged; each code once.
    assert codes == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert rows["5"]["name"] == want["5"]["name"] and rows["5"]["self_points"] is None
    assert FLAG_RESTORED in rows["5"]["flags"]
    queued = {q["item"] for q in out["review"]}
    assert all(f"/score_tables/0/rows/{i}" in queued for i in range(len(rows)))
    assert any("5" in u["reason"] and ("not found" in u["reason"] or "not read" in u["reason"]) for u in out["unread"])


def test_an_explanation_line_or_a_names_second_line_opens_no_row():
    cset = criteria_set("ca-mau_2013")
    by_code = cset.by_code()
    s = SetRowSettings()
    for text, code in (
        ("Bao cao s6 222/BC- UBND ngay 03/03/2014", "1.2"),
        ("1.1.2 | linh vuc theo ke hoach nam cua UBND tinh", "1.1.2"),
        ("cu the va dinh ro trach nhiem trien khai cua", "1.1.3"),
    ):
        assert _opens(Line(text=text, page=1, number=1), by_code[code], s) is None
    opened = _opens(
        Line(text="FP _ | Xac dinh day du cac nhiem vu CCHC tren cac", page=1, number=1), by_code["1.1.2"], s
    )
    assert opened is not None


def test_a_criterions_line_glued_into_the_row_above_opens_its_own_row():
    # "| | 143 | Kiểm tra công tác CCHC Chưa đầy đủ …" was read as 1.2.2's third line.
    out, truth = _convert("s301-d05-i2-ruled-center-vie-300dpi.txt")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == [r["code"] for r in truth["score_tables"][0]["rows"]]
    assert FLAG_FROM_SET_ORDER in rows[-1]["flags"] and rows[-1]["name"] == "Kiểm tra công tác CCHC"
    assert any("1.3" in u["reason"] for u in out["unread"])


def test_rows_between_rows_read_are_recovered_and_the_numbering_gap_no_longer_claimed():
    out, _ = _convert("s301-d06-i6-f11-i6-explanation-before-points-vie-psm4-300dpi-degraded.txt")
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"] if r["code"]]
    assert codes == ["1", "2", "3", "4", "5", "6", "7", "8"]
    assert not any("numbering jumps" in u["reason"] for u in out["unread"])
    assert any(u["reason"].startswith("points of 5 not read") for u in out["unread"])


# A dump of a six-column table (Tesseract, vie, 300 dpi, degraded; seed 711's d02-i4): field 1's
# heading and 1.1's line came out as garbage ("GốNG Tắt GHLuạo, …", "EiiiirciEn. …"), so the
# reader's rows there were withdrawn and no wording opens them.
_HEAD_GARBLED = [
    ": vã __ ỦY BAN NHÂN DÂN XÃ HẢI CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "PHONG . : Độc lập - Tự do - Hạnh phúc : .",
    "Số: 65 /BC-UBND _ Hải Phong, ngày 12 tháng 11 năm 2013 m.",
    "-. - ` .ốẽ BO(CO  .. ˆ 1...",
    "`... Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2013",
    "Thực hiện Kế hoạch số 183/KH-UBND ngày 17/06/2013 của UBND huyện Hợp Nghĩa về việc triển khai "
    "công tác cải cách hành chính năm",
    "2013; UBND xã Hải Phong báo cáo kết quả tự đánh giá, chấm điểm như sau: : . :",
    ": _ : : mm... Than Điểm tự | Điểm",
    '_ 1 ãT . Lĩnh vực, tiêu chí _ Giải trình 3" | đánh | thấm',
    "_. điểm _ SP :",
    "_ giá định",
    "GốNG Tắt GHLuạo, niỀukNHdenc |. 7 77 1H 8B | BỢ,",
    "EiiiirciEn. EU: cư nn mu EU BH 1.",
    "Ban hành kế hoạch CCHC năm . Đã ban hành đúng thời gian quy. ; :",
    "Ji định : 1 J li :",
    ": Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực Không phát sinh ca: :",
    "1.1.2 | theo kế hoạch năm của UBND tỉnh và bố trí kinh phí = 1 1 1",
    "ạ thực hiện : s",
    "| Các kết quả phải đạt được xác định rõ ràng, cụ thể và",
    "1 1123 |0nhT0 trách nhiệm triển khai của phòng, ban, đơn vị mm NT :",
    ": trực thuộc :",
    "Mức độ thực hiện kế hoạch CCHC_ _ | Thực hiện đầy đủ, đúng quy định - |",
    "_ Báo cáo CCHC ___ Tnlt W0 T177 057: ïpmlBr iiiiETtsitiobiii _",
    "Tất cả báo cáo được gửi đúng thời gian quy định (báo | Đạt yêu cầu theo hướng dẫn ¡ : :",
    "1:25] ỷ : : S ; H2 ốc Ủ TÌ in 1",
    "cáo quí I, quí II, báo cáo 6 tháng và báo cáo năm) : _ : : Nà :",
    "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn Tỷ lệ đạt 90%",
    ": Kiểm tra công tác CCHCG _ '| Kế hoạch số 43/KH-UBND ngày n.",
    "ốc... 30/05/2013 7.7 : TP si",
    "Jm..ẽnẽ.ố ốg :. g6 ga. (I7, 51",
    "",
    "",
    "",
    "____ Nơi nhận: : TM.ỦY BANNHÂNDÂN ' -. 7...",
    "` - UBND huyện Hợp Nghĩa (b/C); - _ - CHỦ TỊCH _ 1... ..",
    "- Chủ tịch, các PCT UBND xã; : (Đã ký) .... ..",
    "=I,UU: VÌ VD. nà co",
    ": Bùi Trọng Đạt - ..",
    "",
]


def test_the_ancestors_of_the_first_row_are_the_garbled_row_lines_above_it(tmp_path):
    # The first row read is 1.1.1: the code tree puts 1 and 1.1 above it, and the two withdrawn
    # row lines under the header (each a figure after words) are as many: each is one of them, in
    # order, named by the set, its figures told (not read from the garbage), the row queued.
    path = tmp_path / "dump.txt"
    path.write_text("\n".join(_HEAD_GARBLED), encoding="utf-8")
    from cchc_extract.pipeline import convert_file, result_to_json

    out = result_to_json(convert_file(path))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert rows["1"]["name"] == "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC"
    assert "GHLuạo" in rows["1"]["name_raw"]  # (its line as read: "GốNG Tắt GHLuạo, niỀukNHdenc |. 7 77 …")
    assert rows["1.1"]["name"] == "Kế hoạch CCHC năm" and rows["1.1"]["name_raw"].startswith("EiiiirciEn")
    assert FLAG_FROM_SET_ORDER in rows["1"]["flags"] and FLAG_FROM_SET_ORDER in rows["1.1"]["flags"]
    assert rows["1"]["self_points"] is None  # "7 77" is no reading of its 7,75: told
    assert any("points of 1, 1.1" in u["reason"] for u in out["unread"])
    # (and no part still says they were not read)
    assert not any(u["reason"].startswith(("row 1 not read", "row 1.1 not read")) for u in out["unread"])
    queued = {q["item"] for q in out["review"] if q["field"] is None}
    assert "/score_tables/0/rows/0" in queued


def test_a_row_line_above_the_header_is_no_ancestor():
    # The document's head ("Số: 65 /BC-UBND … ngày 12 tháng 11 năm 2013") prints figures after
    # words too; only the lines under the table's header are rows.
    from extract.segment.set_ancestors import ancestors_by_tree

    cs = criteria_set("ca-mau_2013")
    head = [Line(text=t, page=1, number=k + 1) for k, t in enumerate(_HEAD_GARBLED[:11])]
    crits = [c for c in cs.rows if c.code in ("1", "1.1")]
    assert ancestors_by_tree(head, crits, frozenset({"1", "1.1"}), [], SetRowSettings().row_line_letters) == []
