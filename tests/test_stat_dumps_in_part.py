"""A statistics annex of a degraded ``--psm 6`` dump (issues 11 and 16): OCR lost the header, smeared
rows into specks and garbled most codes ("F73", "34" for 3.1, "53", "5⁄1"), so too few rows give a
figure for the columns inferred from them to be trusted, and the whole form was told unread. The
rows whose code prints cleanly in the column's order (1, 21, 22., 23) are the form's rows under
their own codes: they are read, their lost figures told; every other row is told unread, none
given a code guessed from its place. The dump is written by the test."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_line_order import codes_in_sequence
from extract.segment.stat_lines import StatLineSettings, _worded_in_sequence
from test_statistics import _table  # an annex table of the rows' cells, as the line reader cuts them

HEAD = """UBND XÃ ĐỨC QUANG CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 238/BC-UBND Đức Quang, ngày 25 tháng 12 năm 2024
BÁO CÁO
Kết quả công tác cải cách hành chính năm 2024
I. KẾT QUẢ THỰC HIỆN
UBND xã đã chỉ đạo các bộ phận chuyên môn triển khai đầy đủ các nhiệm vụ cải cách hành
chính theo kế hoạch; số liệu chi tiết tại Phụ lục kèm theo.
Nơi nhận: KT. CHỦ TỊCH
- UBND huyện Tường Thạnh (b/c); PHÓ CHỦ TỊCH
- Lưu: VT, VP.
Hoàng Ngọc Uyên
Phụ lục 1
BIỂU THỐNG KÊ SỐ LIỆU CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024
(Kèm theo Báo cáo số 238/BC-UBND ngày 25/12/2024 của UBND xã Đức Quang)
: : .J nh : :
"""
# 1 (figure 4), 2 smeared, 2.1 (figure lost: "3."), 2.2 (9), 2.3 (figure lost), 3 garbled
# ("F73"), 3.1 printed "34" out of order, 3.2 printed "53", 3.3 smeared, 4 and its rows smeared.
ROWS = """— | 1 | Số sáng kiến, giải pháp CCHC được công nhận | Sáng kiến| 4 | | —
 |Hhận 1"... : .
| 21 | Số phản ánh kiến nghị đã xử lý ————————Ƒ Bhmmh | 3. |}
_ 22. | Số phản ánh, kiến nghị đang xử lý ————— Í Phnảm | 9 |] —]
| 23 | Tỷ lệ phản ánh kiến nghị được xử lý ————— [— % — J gi, | — —|
F73 1s snabmiuddcogs 3 T7 1 | Ngm.]I cm lộ...
| 34 |Sốcánbộ công chứ đạchuấn ——————T Ngự | 7. | ——| -
53 | 8 làcáibộ Đông EhfcBmiptuln vý2 777 TTJT si [ga | ca
EEHIIESSEitnrlloibimji TEETEN xrgmirillfimrri Ji TlEmmmi@m
cống 5 1Ð.
"""


def _read(tmp_path: Path, text: str) -> dict:
    dump = tmp_path / "annex-vie-psm6-degraded.txt"
    dump.write_text(text, encoding="utf-8")
    return result_to_json(convert_file(dump))


def test_rows_printing_their_code_in_order_are_read_the_rest_told(tmp_path):
    out = _read(tmp_path, HEAD + ROWS)
    (annex,) = out["statistics"]
    rows = {r["code"]: r for r in annex["rows"]}
    # The rows under codes printed in order, and no other: 34 (3.1 misprinted), 53 and the
    # smeared rows are given no code from their place.
    assert sorted(rows) == ["1", "2.1", "2.2", "2.3"]
    assert rows["1"]["value"] == 4 and rows["2.2"]["value"] == 9
    assert rows["2.1"]["value"] is None and rows["2.3"]["value"] is None  # "3." and "— —": not read
    assert rows["2.3"]["unit"] == "%"
    # Each one's columns were inferred from garbled lines: weighed, in the review queue.
    queued = {q["code"] for q in out["review"] if q.get("code")}
    assert {"1", "2.1", "2.2", "2.3"} <= queued
    # Every other line of the form is told: one part from the smeared row 2 (line 18) to the last
    # specks (line 26), rows 3, 3.1 and 3.2 among them; nothing dropped.
    (part,) = [p for p in out["unread"] if "code OCR garbled out of the column's order" in p["reason"]]
    assert part["kind"] == "rows" and part["reason"].startswith("6 line(s)")
    assert (part["line_start"], part["line_end"]) == (18, 26)
    assert part["text_sample"].startswith("|Hhận")
    # ... and the lost figures of the rows read.
    (lost,) = [p for p in out["unread"] if p["reason"].startswith("the figure of 2 row(s)")]
    assert lost["reason"].endswith("2.1, 2.3")
    # The form is no longer told unread as a whole.
    assert not any("none of its rows could be read" in p["reason"] for p in out["unread"])


def test_fewer_rows_in_order_than_a_column_still_tell_the_whole_form(tmp_path):
    # Only "1" prints its code in order: no column to read by, the form is told unread whole.
    garbled = ROWS.replace("| 21 |", "| Z1 |").replace("_ 22. |", "_ B2 |").replace("| 23 |", "| Z3 |")
    out = _read(tmp_path, HEAD + garbled)
    assert not any(a["rows"] for a in out["statistics"])
    assert any("none of its rows could be read" in p["reason"] for p in out["unread"])


def test_specks_cut_into_rows_break_no_sequence_of_the_worded_rows():
    # Lines of specks the cutter took for rows with a figure ("l3 gato ó7 7 7] HỆ 8], 7") leave
    # too few coded rows for the form's code column, yet the rows printing words run 2, 2.2, 4,
    # 4.1, 4.2: the annex is read in part. Coded wording out of order is no column.
    rows = [
        ["", "TT Số sáng kiến, giải pháp CCHC được côngnhận", "Sángkin", "2", ""],
        ["2", "Số cán bộ, công chức cấp xã", "Người", "25", ""],
        ["", "E3: lcfndeuueeHgdi 7. j7", "MŨ", "CÓ", ""],
        ["", "l3 gato ó7 7 7]", "HỆ 8],", "7", ""],
        ["", "°-", "", "3", "86hbsơTmCdgadqg Hàm Z2"],
        ["22", "Số cán bộ, công chức chưa đạt chuẩn", "", "2", ""],
        ["", "EEiiicfre.TEETREI Wirir 6i ii", "", "11", ""],
        ["4", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "Hồ sơ", "132", ""],
        ["41", "Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ", "1", ""],
        ["42", "Số hồ sơ tiếp nhận trực tiếp và qua bưu chính", "", "", ""],
        ["", "ˆ", "", "5", ""],
    ]
    settings = StatLineSettings()
    assert not codes_in_sequence(_table(rows), settings)
    assert _worded_in_sequence(_table(rows), settings)
    prose = [
        ["3", "Số cán bộ, công chức cấp xã được đào tạo", "", "", ""],
        ["1", "Số hồ sơ tiếp nhận trực tuyến trong năm", "", "", ""],
        ["", "l3 gato ó7 7 7]", "HỆ 8],", "7", ""],
        ["7", "Số văn bản chỉ đạo, điều hành đã ban hành", "", "", ""],
        ["2", "Tổng số hồ sơ TTHC tiếp nhận trong kỳ", "", "", ""],
    ]
    assert not _worded_in_sequence(_table(prose), settings)
    assert not _worded_in_sequence(_table(rows), StatLineSettings(min_rows_in_part=0))
