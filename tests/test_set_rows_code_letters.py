"""A token of letters and a digit before a criterion's name is its code OCR read partly as letters
("FER2 [Tat ca bdo cao …" for 1.2.2), not the name's first word (``set_wording._wordish``): the
name is looked for after it, and the line opens the criterion's row.

The dump is the text English-trained Tesseract gave of the corpus generator's seed 664 d02-i3 (a
development seed), a table withdrawn whole: three name lines still open criteria of the set (1.1.2,
1.1.3 and, past the garbled code, 1.2.2), enough for ``set_rows`` to recover them; two were not."""

from __future__ import annotations

from extract.model import Line
from extract.segment.set_rows import FLAG_FROM_SET_ORDER, SetRowSettings
from extract.segment.set_wording import opens
from normalize.criteria import load_criteria_sets
from score_dumps import read_score_dump

DUMP = [
    "UBND XA MINH TUONG CONG HOA XA HOI CHU NGHIA VIET NAM _~ oe",
    ": —— Doc lap - Tw do - Hanh phic ae",
    "S6: 97/BC-UBND Minh Tuéng, ngay 17 thang 1 ndm 2015 -",
    "oe ce BAO CAO oo",
    "oe - Tw danh gia, cham diém xac dinh Chi sé cai cach hanh chinh nam 2014",
    "Thuc hién Ké hoach s6 281/KH-UBND ngay 15/03/2014 cia UBND huyén Difc My vé viéc trién khai c6ng tac cai cach hanh chinh nam ;",  # noqa: E501
    "2014; UBND xa Minh Tung bao cao két qua ty danh gia, cham diém nhv sau: . ce",
    "a. a : Diém",
    "ee ane Diém ty | Phong |",
    "STT Noi dung danh gia ee danh Noi vu Tai liéu kiém chitng",
    "1 | + gia tham",
    "; | etek",
    "i eOne Ac Hpac BEUHANECCHG = [0 5 | am |",
    "[inc eS eo )",
    ": a : d : : : 21/01/2014 : :",
    "ae XAc dinh day da cdc nhiém vu CCHC trén cac linh vu'c Quyét dinh s6 79/QD-UBND ngay",
    "thurc hién oe oe —.",
    "Cac két qua phai dat duoc xdc dinh ro rang, cu thé va |",
    "Samm Tee |",
    "truc thudc oo coe : ;",
    "| is nineties ee",
    "Loo Beeches oe os",
    "121 S verees ae : Sie ee 1",
    ". | cdo qui I, qui III, bao cao 6 thang va bao cao nam i : ‘ oo",
    "FER2 [Tat ca bdo cao of day di ndi dung theo huéng din | 1 | 025 | 095 [|",
    "Co en a .",
    "",
    "",
    "",
    "| Noi nhén: : | | KECHUTICH | Le",
    "~ UBND huyén Bite My (b/c); PHO CHUTICH oe",
    "| ' ~ TT Dang iy, HDND xa (b/c); : 8 .",
    "- Luu: VT, VP. ee",
    "",
    "7 Khong Hong Lan Trang So ; .",
]

# The generator's truth for the rows whose names the dump keeps.
NAMES = {
    "1.1.2": "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí"
    " kinh phí thực hiện",
    "1.1.3": "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai của phòng,"
    " ban, đơn vị trực thuộc",
    "1.2.2": "Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn",
}


def test_a_withdrawn_tables_rows_are_recovered_past_a_code_read_as_letters(tmp_path):
    out, _ = read_score_dump(tmp_path, "\n".join(DUMP) + "\n")
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == list(NAMES)  # nothing invented
    assert [r["source"]["line_start"] for r in rows] == [16, 18, 25]
    for row in rows:
        assert row["name"].lower() == NAMES[row["code"]].lower()
        assert FLAG_FROM_SET_ORDER in row["flags"]
    assert rows[2]["max_points"] == 1  # "| 1 | 025 | 095": the set's maximum, printed
    told = " ".join(p["reason"] for p in out["unread"])
    assert "points of 1.1.2, 1.1.3, 1.2.2 not read" in told


def test_a_code_of_letters_and_a_digit_is_no_word_of_the_name():
    sets = {cs.id: cs for cs in load_criteria_sets()}
    crit = next(c for c in sets["ca-mau_2013"].rows if c.code == "1.2.2")
    found = opens(Line(text=DUMP[24], page=1, number=25), crit, SetRowSettings())
    assert found is not None and found.ratio >= SetRowSettings().min_ratio
    # A word of the name stays a word: a line opening with another word opens no criterion here.
    assert opens(Line(text="Tổng Tat ca bdo cao of day di ndi dung", page=1, number=1), crit, SetRowSettings()) is None
