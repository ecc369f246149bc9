"""Dump rows lost to a wrapped name, an evidence column's garbled label and a speck before the
totals label (issues 11 and 16): OCR text dumps as Tesseract's Latin-only model left them (dev seed
7221, D14 and D15), read end to end."""

from pathlib import Path

from extract.segment.line_common import ends_dangling
from extract.segment.table_end import is_total_label
from normalize.text import fold
from tests.score_dumps import score_dump_rows

_HEAD = [
    "BAO CAO",
    "Ket qua tu danh gia, cham diem chi so cai cach hanh chinh nam 2024",
]


def test_a_bulleted_name_ending_on_cua_goes_on_and_opens_no_field(tmp_path: Path):
    # N23's table prints no code: fields are plain lines, criteria "- …", sub-criteria "+ …". The
    # criterion "Ứng dụng công nghệ thông tin trong hoạt động của" wraps before "Ủy ban nhân dân
    # xã", a line opening with a capital as a field does: read as a field of its own, every code
    # after it was a field off (8.1.1 read as 9.1).
    rows = score_dump_rows(
        tmp_path,
        _HEAD
        + [
            "Linh vuc, tiéu chi danh gia .| Diém téi | Diém tu Ghi chu",
            "da cham",
            "Cai cach tai chinh cong 4 4",
            "- Cong khai tai chinh, ngan sach theo quy dinh 2 2 Da ban hanh dung",
            "- Quan ly, su dung tai san cong 2 2 Cong van s6 100/CV-VP",
            "Xay dung chinh quyén sé, chuyén d6i so 10 9",
            "- Ung dung céng nghé théng tin trong hoat dong cia 6 6",
            "Uy ban nhén dan xa : ae",
            "+ Ty lé van ban dién tt giti, nhan trén méi trvdéng 3 3 | Da ban hanh ding",
            "+ Sir dung chit ky sé trong van ban dién tv 3 3 Bao cao s6 240/BC-",
            "- Cap nhat thong tin trén Trang th6ng tin dién tir cia 4 3 Thong bao s6",
            "xa 320/TB-UBND",
            "TONG DIEM 14 13",
            "Noi nhan: KT. CHU TICH",
        ],
    )
    assert list(rows) == ["1", "1.1", "1.2", "2", "2.1", "2.1.1", "2.1.2", "2.2"]
    # (the speck "ae" after it, read "áo", stays on the name: OCR's, the review sees the row's words)
    assert "cua uy ban nhan dan xa" in fold(rows["2.1"]["name"]).lower()
    assert (rows["2.1.1"]["max_points"], rows["2.1.1"]["self_points"]) == (3.0, 3.0)
    assert (rows["2.2"]["max_points"], rows["2.2"]["self_points"]) == (4.0, 3.0)


def test_minh_chung_names_the_evidence_column_printed_before_the_code(tmp_path: Path):
    # N21: "Hồ sơ minh chứng | Số TT | Tiêu chí đánh giá | Điểm quy định | Điểm UBND xã tự chấm",
    # "chứng" read "chitng": the header named no evidence column, so a row whose evidence opens
    # its line before the code ("Ban hanh cham so voi 1.1.1 | …") was no row (1.1.1, 1.1.4, 1.3
    # lost; main reads 7 of these 10 rows).
    rows = score_dump_rows(
        tmp_path,
        _HEAD
        + [
            "H6 so minh chitng S6 Tiéu chi danh gia Diém Diém",
            "TT quy UBND xa",
            "dinh tu cham",
            "1. | CONG TAC CHi DAO, DIEU 10 9,25",
            "HANH CCHC",
            "1.1 | Ké hoach CCHC nam 4,25",
            "Ban hanh cham so voi 1.1.1 | Ban hanh ké hoach CCHC nam 1 0,5",
            "quy dinh",
            "Ké hoach sé 59/KH- 1.1.2 | Xac dinh day dt cdc nhiém vu CCHC 1 1",
            "UBND ngay 28/03/2014 trén cac linh vuc theo ké hoach ném",
            "Thuc hién day du, ding | 1.1.4 | Mirc do thuc hién ké hoach CCHC 2 2,75",
            "quy dinh",
            "Ké hoach s6 156/KH- 1.3 | Kiém tra céng tac CCHC 3 3",
            "UBND ngay 13/4/2014",
            "Noi nhan:",
        ],
    )
    assert {"1.1.1", "1.1.2", "1.1.4", "1.3"} <= set(rows)
    assert (rows["1.1.1"]["max_points"], rows["1.1.1"]["self_points"]) == (1.0, 0.5)
    assert rows["1.1.1"]["name"].startswith("Ban hành kế hoạch")
    assert "chậm" in (rows["1.1.1"]["explanation"] or "")
    assert (rows["1.3"]["max_points"], rows["1.3"]["self_points"]) == (3.0, 3.0)
    assert "156/KH" in (rows["1.3"]["explanation"] or "")


def test_a_speck_before_a_whole_totals_label_leaves_it_a_totals_line():
    # A ruled cell's corner read as letters and a bracket before "TONG DIEM" (N28 eng dump): the
    # line was read as a criterion row "8.5" with the totals' figures.
    assert is_total_label(fold("Pecos) TONG DIEM 100 | 84 oe"))
    assert is_total_label(fold("mini Tổng số điểm 100 84"))
    # A name's word before the label is no speck: "Kết quả tổng điểm" is no totals line.
    assert not is_total_label(fold("Ket qua tong diem 10 8"))


def test_a_dangling_word_or_a_lists_comma_ends_no_name():
    assert ends_dangling(["trong", "hoạt", "động", "của"])
    assert ends_dangling(["đội", "ngũ", "cán", "bộ,"])
    assert not ends_dangling(["Ủy", "ban", "nhân", "dân", "xã"])
    assert not ends_dangling([])
