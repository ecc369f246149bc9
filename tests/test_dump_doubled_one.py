"""A score read "1" beside its row's maximum of 11 (issue 14): OCR merges the two thin strokes of a
doubled 1 into one ("11 1" printed 11 | 11), and a commune seldom gives 1 of a field's 11 points,
so the score is doubted and queued. The dump is written here: the text Tesseract gave of one of the
corpus generator's scans (seed 664)."""

from extract.segment.score_readings import doubled_digit_lost
from score_dumps import queued_cell, read_score_dump

DUMP = "\n".join(
    [
        "UY BAN NHAN DAN XA MY THUAN CONG HOA XA HOI CHU NGHiA VIET NAM",
        "",
        "THUQNG ‘Doc lap - Ty do - Hanh phic",
        "S6: 241 /BC-UBND My Thuan Thuong, ngay 14 thang 12 nam 2023",
        "BAO CAO",
        "",
        "Ty danh gia, cham diém xac dinh Chi s6 cai cach hanh chinh nam 2023",
        "",
        "Thue hién Ké hoach s6 291/KH-UBND ngay 13/12/2023 cia UBND huyén Phi Cung vé",
        "viéc trién khai céng tac cai cach hanh chinh nam 2023; UBND xa My Thuan Thuong bao",
        "cdo két qua tu danh gia, cham diém nhw sau:",
        "",
        "TT Tiéu chi, tiéu chi thanh phan Diem | Diém ty",
        "anece chuan danh",
        "1. Céng tac chi dao, diéu hanh cai cach hanh chinh 10 10",
        "2; Xay dung va t6 chifc thc hién van ban quy pham phap luat tai | - 10 0",
        "tinh",
        "3. Cai cach thi tuc hanh chinh j 14,5 (14,5",
        "__4. | Cai cach té chitc b6 may hanh chinh 11 1",
        "BaD: Xay dung va nang cao chat lwong ddi ngii cong chifc, vién chitc _16 16",
        "6. Cai cach tai chinh cong ed 7 0",
        "7. | Hien dai hoa hanh chinh ; 16.2 0",
        "Noinhd@n: — . KT. CHU TICH",
        "- UBND huyén Phi Cudng (b/c); Se PHO CHU TICH",
        "- TT Dang tly, HDND xa (b/c); i",
        "- Luu: VT, VP.",
        "",
        "Dam Thi Ha",
        "",
    ]
)


def test_a_score_of_one_beside_a_maximum_of_eleven_is_queued(tmp_path):
    out, rows = read_score_dump(tmp_path, DUMP)
    k, row = rows["4"]  # "__4. | Cai cach té chitc b6 may hanh chinh 11 1", printed 11 | 11
    assert (row["max_points"], row["self_points"]) == (11.0, 1.0)
    assert queued_cell(out, k, "self_points")
    # the rows whose scores are not so read stay out of the queue ("3. … 14,5 (14,5")
    k3, _ = rows["3"]
    assert not queued_cell(out, k3, "self_points")


def test_only_a_doubled_digit_lost_is_so_read():
    assert doubled_digit_lost("1", 11.0)
    assert doubled_digit_lost("2", 22.0)
    assert not doubled_digit_lost("1", 10.0)  # a 0 is no thin stroke beside the 1
    assert not doubled_digit_lost("1", 1.0)
    assert not doubled_digit_lost("1,5", 11.0)
    assert not doubled_digit_lost("1", None)
