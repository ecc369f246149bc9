"""The appraised points column ("Điểm thẩm định") of OCR dumps told from what the lines show, not
only from the header's words (issues 11 and 14): a header word that points to it, a third figure
within the max, specks between the points cells, a figure the reader took for the note, and the
lost cells of a table that has the column. Lines are quoted from seed 274's generated dumps (real
Tesseract output); the whole d04-i4 dump is in tests/data/dumps_appraised with its truth."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from cchc_extract.reconcile.set_maxima import agrees_with_set
from extract.model import Line
from extract.segment.appraised_column import hint_below_self
from extract.segment.line_cells import read_line
from extract.segment.line_common import LineTableSettings
from extract.segment.line_header import HeaderLayout, appraised_hinted, points_labels
from extract.segment.points_columns import points_from_numbers as _points_from_numbers
from schemas.records import ScoreRow, SourceRef

DATA = Path(__file__).parent / "data" / "dumps_appraised"
D04 = DATA / "s274-d04-i4-ruled-center-vie-150dpi-degraded.txt"
THREE = HeaderLayout(points=("max", "self", "appraised"))
# Rows of a table whose header named max and self: one line shows a third figure within the max
# ("10 9,75 9,75"), the others two (their appraised cells OCR lost).
ONE_OF_THREE = (
    "1. Công tác chỉ đạo, điều hành cải cách hành chính 10 9,75 9,75 Ban hành chậm so với quy định",
    "2. Xây dựng và tổ chức thực hiện văn bản quy phạm 10 10 Đã ban hành đúng thời gian quy",
    "4. Cải cách tổ chức bộ máy hành chính 11 11",
    "5. Xây dựng và nâng cao chất lượng đội ngũ công chức, 16 16 Không phát sinh",
)


def lines(*texts: str) -> list[Line]:
    return [Line(text=t, raw=t, page=1, number=k + 1) for k, t in enumerate(texts)]


def cells(text: str, layout: HeaderLayout = THREE) -> tuple:
    read = read_line(lines(text)[0], False, layout)
    return read.max_raw, read.self_raw, read.appraised_raw, [raw for _, raw in read.explanation]


def test_header_words_that_point_to_the_appraised_column():
    # d05-i3 (eng, degraded): "Điểm thẩm định" left as "dinh" beside the self label's "cham";
    # d04-i4 (vie): "Phòng" of "Điểm Phòng Nội vụ thẩm định".
    assert appraised_hinted(lines("| téida | cham dinh"))
    assert appraised_hinted(lines("S. sẽ Phòng |."))
    # A title's "xác định" and a five-column header point to no appraised column.
    assert not appraised_hinted(lines("Tu danh gia, cham diem xac dinh Chi so cai cach hanh chinh nam 2014"))
    assert not appraised_hinted(lines("STT Noi dung danh gia Diem Diem Ghi chi", "chuan | UBND", "xa tur", "cham"))
    # A criterion's name in the header's run of lines (its "định", its "phòng") is no header line.
    assert not appraised_hinted(lines("Xac dinh day du cac nhiem vu CCHC tren cac linh vuc theo ke hoach cua phong"))


def test_one_line_of_three_figures_is_enough_with_a_hint_only():
    # A header that named max and self: one line of the body shows a third figure within the max
    # ("10 9,75 9,75"), the others two (their appraised cells OCR lost).
    body = lines(*ONE_OF_THREE)
    two = HeaderLayout(points=("max", "self"))
    settings = LineTableSettings()
    assert _points_from_numbers(body, two, settings, hinted=True).points == THREE.points
    assert _points_from_numbers(body, two, settings, hinted=False).points == two.points
    # Three figures the max cannot hold ("3 5 4": a score above the max) are no evidence.
    wrong = lines("1. Kế hoạch CCHC năm 3 5 4 Ban hành chậm", *[ln.text for ln in body[1:]])
    assert _points_from_numbers(wrong, two, settings, hinted=True).points == two.points


def test_three_points_labels_on_a_header_line():
    # Header lines of seed 499's dumps (real Tesseract output): d02-i4 read under a heavier scan
    # degradation (its "thẩm" on the next line), d06-i6, d01-i1 (five columns, no appraised).
    assert points_labels(lines("Điểm Điểm tự | Điểm")) == 3
    assert (
        points_labels(lines("3 lớb Lĩnh vực/Tiêu chí/Tiêu chí thành phần Tài liệu kiểm. chứng Điểm | Điểm tự | Điểm"))
        == 3
    )
    assert points_labels(lines("TT Linh vue, tiéu chi Diém Diém Ghi chi", "téida | UBND")) == 2
    # d03-i2: "Thang" (its "điểm" wrapped to the next line) and "Điểm tự"; a title's "chấm điểm",
    # lower-case, opens no label.
    assert points_labels(lines("STT Lĩnh vực, tiêu chí Thang Điểm tự")) == 2
    assert points_labels(lines("Két qua tu danh gia, cham diém Chi sé cai cach hanh chinh")) == 0
    # A scale column's label ends in "điểm" (seed 499's d06-i4, F14 scale before the max).
    header = "Mã số [ -___ Nội dung đánh giá - Cách tính điểm _ | Thang | Điểm tự |. Tài liệu kiếm chứng"
    assert points_labels(lines(header)) == 2


def test_a_header_that_lost_the_appraised_label_still_counts_its_columns():
    # A header whose appraised label OCR lost but for its "Điểm" (d02-i4's header lines above with
    # "thẩm"/"định" gone): three labels hint at the column, and one line with three figures
    # within the max places it; the rows of two figures then lose their appraised cell (flagged).
    header = lines("Điểm Điểm tự | Điểm", "TT Tiêu chí, tiêu chí thành phần Nội dung giải trình tối đa chăm:")
    assert not appraised_hinted(header) and points_labels(header) == 3
    body = lines(*ONE_OF_THREE)
    two = HeaderLayout(points=("max", "self"))
    settings = LineTableSettings()
    assert _points_from_numbers(body, two, settings, hinted=points_labels(header) >= 3).points == THREE.points


def test_a_totals_row_of_three_figures_is_three_points_columns():
    # Seed 499's d02-i3 totals line (real Tesseract output) under rows whose appraised cells OCR
    # lost: the totals row prints a figure per points column, so its three figures are three.
    rows = (*ONE_OF_THREE[1:], "6. Cải cách tài chính công 6 5,5")
    two = HeaderLayout(points=("max", "self"))
    settings = LineTableSettings()
    assert _points_from_numbers(lines(*rows), two, settings).points == two.points
    assert _points_from_numbers(lines(*rows, "Tong cong | 100 69,75 | 69,25"), two, settings).points == THREE.points
    # A row of three figures that is no totals row stands alone, as before: not enough.
    one = lines(*rows, ONE_OF_THREE[0])
    assert _points_from_numbers(one, two, settings).points == two.points


def test_a_mark_between_two_points_cells_is_a_speck():
    # d04-i4 rows 1, 2 and 3: an accent or a marked letter OCR read from a ruling line between
    # the self and the appraised cells; the numbers after it fill the columns.
    assert cells("§b Công tác chỉ đạo, điều hành cải cách hành chính 10 9/25 ˆ 9,25 :")[:3] == ("10", "9,25", "9,25")
    read = cells("2 Xây dựng và tố chức thực hiện văn bản quy phạm 10 95 Ệ 95 Quyết định số 266/QĐ-UBND ngày")
    assert read[:3] == ("10", "95", "95") and read[3][0] == "Quyết"
    assert cells("c 14,5 Ụ 14,5 14,25 11/12/2023")[:3] == ("14,5", "14,5", "14,25")
    # A garbled cell with only one number after it stays the lost cell ("10 <0 10": the
    # appraised 10 after a self score OCR could not read).
    assert cells("1.1 Kế hoạch CCHC năm 10 <0 10 Đạt")[:3] == ("10", "<0", "10")


def test_two_letters_before_a_decimal_figure_filling_the_last_column_are_a_speck():
    # Seed 8001's d05-i3 (eng, degraded; real Tesseract output), criterion 5 (max 16, self 16,
    # appraised 15,75): a ruling line's speck read "oF" between the self and the appraised cells.
    line = "5 Xay dung va nang cao chat lwong déi ngii cong chifc, 16 16 oF 15.75 ee van s6 79/CV-UBND ngay"
    read = cells(line)
    assert read[:3] == ("16", "16", "15.75") and read[3][0] == "ee"
    # A whole figure after the letters may be the explanation's count, and one above the maximum
    # no score of the row: the letters stay the cell OCR lost.
    assert cells("4. Cai cach to chuc bo may hanh chinh 11 10 oF 5 van ban")[:3] == ("11", "10", "oF")
    assert cells("4. Cai cach to chuc bo may hanh chinh 11 10 oF 17,5 Dat")[:3] == ("11", "10", "oF")


def test_two_numbers_for_three_columns_keep_their_order_when_a_lost_mark_explains_them():
    # Seed 275's d04-i4 (vie, degraded), criterion 1.1 (max 5, self 2,25): "5 25" is a max and a
    # self score that lost its decimal mark, not an appraised 25 beside a self score of 5 under a
    # max OCR lost. "14,5 16" stays a self and an appraised score near it (the max lost).
    assert cells("| _—_ | 11 | KếhoạchCCHC năm 5 25 1ổ 5 7...")[:2] == ("5", "25")
    assert cells("5. Xây dựng và nâng cao chất lượng đội ngũ 14,5 16 Đạt")[:3] == (None, "14,5", "16")


def test_the_d04_dump_reads_its_appraised_cells():
    out = result_to_json(convert_file(D04))
    truth = json.loads(D04.with_name(D04.name + ".truth.json").read_text(encoding="utf-8"))
    want = {r["code"]: r for t in truth["score_tables"] for r in t["rows"]}
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    for code in ("1", "2", "3", "4", "6"):
        got = (rows[code]["max_points"], rows[code]["self_points"], rows[code]["appraised_points"])
        assert got == (want[code]["max_points"], want[code]["self_points"], want[code]["appraised_points"])
    assert rows["1"]["explanation"] in ("", None)  # its "9,25" is the appraised cell, not a note
    # Row 5 printed "16 ." and OCR lost the rest: its appraised cell is a lost cell, weighed and
    # queued, not absent.
    assert "missing_appraised" in rows["5"]["flags"] and rows["5"]["value_confidence"]["appraised_points"] < 0.8


def test_a_maximum_the_set_filled_in_earns_no_agreement():
    # d04-i4 row 3 as read before its self cell was: the max cell was lost, the set recognised
    # (bnv-tinh_2948) gave its 14,5. Equal to the set by construction, it is no evidence.
    def row(flags):
        return ScoreRow(code="3", level=1, max_points=14.5, self_points=None, source=SourceRef(page=1), flags=flags)

    maxima = {"3": 14.5}
    assert agrees_with_set(row([]), "max_points", maxima) == 1.0
    assert agrees_with_set(row(["max_from_criteria_set:bnv-tinh_2948"]), "max_points", maxima) == 0.0


# A plan's score table over two pages of an OCR dump (seed 581's d05-i4, its lines re-typed): the
# first header kept one piece of "Điểm Phòng Nội vụ thẩm định" ("định"), the page 2 repeat kept
# three ("Điểm Phòng", "thẩm", "định"); every line shows max and self only.
_FIRST_HEADER = (
    "STT : Lĩnh vực, tiêu chí Ghi chú Ỷẽ CN mu, :",
    ": : : tối đa Xã tự. =",
    "„ chấm từng :",
    ": : _ định '. :",
)
_REPEATED_HEADER = (
    "vị sa. |. Điểm : `",
    ": : ; : : . Điểm Phòng",
    "STT |. Lĩnh vực, tiêu chí : Ghi chú :",
    ": .|_ tối đa xã tự TM,",
    '". : chấm thẩm :',
    ".. định :",
)


def _two_page_dump(path: Path, repeated: tuple[str, ...], first: tuple[str, ...] = _FIRST_HEADER[:3]) -> Path:
    page1 = (
        "UỶ BAN NHÂN DÂN XÃ AN PHÚ CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/KH-UBND An Phú, ngày 15 tháng 11 năm 2014",
        "KẾ HOẠCH",
        "Nâng cao Chỉ số cải cách hành chính năm 2015",
        "Kết quả tự đánh giá, chấm điểm năm 2014 như sau:",
        *first,
        "1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 8,75",
        "1.1 Kế hoạch CCHC năm 5 4,75",
        "1.1.1 Ban hành kế hoạch CCHC năm Đạt yêu cầu theo hướng dẫn 1 1",
        "1.1.2 Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm 1 1",
        "1.1.3 Các kết quả phải đạt được xác định rõ ràng, cụ thể 1 1",
    )
    page2 = (
        *repeated,
        "1.1.4 Mức độ thực hiện kế hoạch CCHC 2 1,75",
        "1.2 Thực hiện chế độ báo cáo 2 2",
        "1.2.1 Tất cả báo cáo được gửi đúng thời gian quy định 1 1",
        "1.2.2 Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn 1 1",
        "Nơi nhận: KT. CHỦ TỊCH",
    )
    path.write_text("\n".join(page1) + "\n\f" + "\n".join(page2) + "\n", encoding="utf-8")
    return path


def test_a_header_repeated_on_a_later_page_names_the_column_the_first_lost(tmp_path):
    # The first header printed without its "định" line (OCR lost it): only the repeat names it.
    out = result_to_json(convert_file(_two_page_dump(tmp_path / "repeat.txt", _REPEATED_HEADER)))
    rows = out["score_tables"][0]["rows"]
    assert len(rows) == 9 and all(r["appraised_points"] is None for r in rows)
    # Each row's appraised cell is a cell lost, weighed and queued (not left out as absent).
    assert all("missing_appraised" in r["flags"] for r in rows)
    queued = {(e["item"], e.get("field")) for e in out["review"]}
    assert all((f"/score_tables/0/rows/{i}", "appraised_points") in queued for i in range(len(rows)))
    # The same table whose later page repeats only the max and self labels has no such column.
    plain = _REPEATED_HEADER[2:4]
    out = result_to_json(convert_file(_two_page_dump(tmp_path / "plain.txt", plain)))
    rows = out["score_tables"][0]["rows"]
    assert not any("missing_appraised" in r["flags"] for r in rows)
    assert not any(e.get("field") == "appraised_points" for e in out["review"])


def _queued_appraised(out: dict) -> set[int]:
    return {int(e["item"].rsplit("/", 1)[1]) for e in out["review"] if e.get("field") == "appraised_points"}


def test_one_piece_of_the_appraised_label_below_the_self_label_names_the_column(tmp_path):
    # Seed 581's first header as OCR left it: "tối đa Xã tự" / "chấm từng" / "định". The stacked
    # labels "Điểm thẩm định" print beside "Điểm xã tự chấm": their last word lands below the self
    # label's, before any row's figures. The table has the column, every row's cell lost.
    plain = _REPEATED_HEADER[2:4]
    out = result_to_json(convert_file(_two_page_dump(tmp_path / "first.txt", plain, first=_FIRST_HEADER)))
    rows = out["score_tables"][0]["rows"]
    assert len(rows) == 9 and all(r["appraised_points"] is None for r in rows)
    assert all("missing_appraised" in r["flags"] for r in rows)
    assert _queued_appraised(out) == set(range(len(rows)))


def test_a_label_piece_after_a_row_figure_or_above_the_self_label_names_nothing(tmp_path):
    # The header's run of lines may hold a row OCR did not open (seed 662's d06-i4, its lines): the
    # "định" closing its wrapped explanation comes after the row's figures.
    assert hint_below_self(lines(*_FIRST_HEADER))
    row_first = ("TT Lĩnh vực Điểm Điểm Giải trình", "tốiđa | UBND", "xã tự", "mà chấm .")
    assert hint_below_self(lines(*row_first, "Sim định"))
    row = ("ng: Công tác chỉ đạo, điều hành cải cách 10 - 10 Thực hiện đầy đủ, đúng quy", "su chính : : : định - ¡")
    assert not hint_below_self(lines(*row_first, *row))
    # A scale item's "… quy định: 0" under a label line: the piece's own line prints a figure.
    assert not hint_below_self(lines(*row_first, "dẫn - Không đạt yêu cầu: 0 định _"))
    plain = _REPEATED_HEADER[2:4]
    # "định" closing a wrapped explanation ("… đúng quy / định") on the line after a row's
    # figures: the header's self label is above it, but a line printing points comes between.
    after_figures = (*_FIRST_HEADER[:3], "1. Kết quả chung 10 10 Thực hiện đầy đủ, đúng quy", "chính : : : định - : :")
    # "định" above the points labels (a wrapped title's last word), no self label at or above it.
    above_labels = ("Chỉ số CCHC được xác : định", *_FIRST_HEADER[:3])
    for k, first in enumerate((after_figures, above_labels)):
        out = result_to_json(convert_file(_two_page_dump(tmp_path / f"plain{k}.txt", plain, first=first)))
        rows = out["score_tables"][0]["rows"]
        assert not any("missing_appraised" in r["flags"] for r in rows)
        assert not _queued_appraised(out)


def test_the_maximums_wrapped_quy_dinh_names_no_appraised_column(tmp_path):
    # Seed 7191's N21 dump as Tesseract left its header: "Điểm quy định | Điểm đạt" wrapped, the
    # max label's "quy" (with a speck) over its "định". No appraised column: the blanks are none.
    header = ("Tai liéu kiém chitng TT Noi dung tiéu chi Diém | Diém dat", "quy diec", "dinh")
    assert not hint_below_self(lines(*header))
    # the appraisers' label wrapped the same way still names the column
    assert hint_below_self(lines("TT Noi dung Diem | Diem tu cham | Diem tham", "dinh"))
    path = tmp_path / "dump.txt"
    body = (
        "1. | CONG TAC CHI DAO, DIEU HANH CCHC 10 7,25",
        "1.1 | Ke hoach CCHC nam 5 3,75",
        "Ke hoach s6 122/KH- 1.1.1 | Ban hanh ke hoach CCHC nam 1 0,75",
        "1.1.2 | Xac dinh day du cac nhiem vu CCHC 1 1",
        "1.1.3 | Cac ket qua phai dat duoc xac dinh ro rang 1 1",
        "1.1.4 | Muc do thuc hien ke hoach CCHC 2 1",
        "1.2 | Bao cao CCHC 2 2",
        "1.2.1 | Tat ca bao cao duoc gui dung thoi gian quy dinh 1 1",
        "1.2.2 | Tat ca bao cao co day du noi dung theo huong dan 1 1",
        "1.3 | Kiem tra cong tac CCHC 3 2,5",
    )
    title = ("BAO CAO", "Tu danh gia, cham diem Chi so cai cach hanh chinh nam 2024")
    path.write_text("\n".join((*title, *header, *body)) + "\n")
    out = result_to_json(convert_file(path))
    rows = out["score_tables"][0]["rows"]
    assert len(rows) == len(body) and not any("missing_appraised" in r["flags"] for r in rows)
    assert not _queued_appraised(out)
