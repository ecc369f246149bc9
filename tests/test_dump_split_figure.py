"""Two single-digit scores that side by side print their row's maximum ("1 16 1 6" beside a
maximum of 16, printed 16 | 16 | 16): OCR splits a figure at the gap between its strokes, so the
scores 1 and 6 may be one figure, 16, with the cell beside it lost, and the criteria set's maximum,
the same either way, cannot choose; both scores are doubted and queued (issue 14: read 1 and 6,
they were silent). The dump is the text Tesseract gave of one of the corpus generator's scans
(seed 1901, spent)."""

from extract.segment.score_readings import split_figure
from score_dumps import queued_cell, read_score_dump

DUMP = "\n".join(
    [
        "UY BAN NHAN DAN , CONG HOA XA HOI CHU NGHiA VIET NAM",
        'XA THAICUONG Doc lap - Ty do - "Hanh phiic',
        "",
        "S6: 8/BC-UBND —_ | indi Curing, ngay 13 thang 2 ndm 2025",
        "BANG TU DANH GIA, CHAM DIEM CHi SO CAI CACH HANH CHiNH",
        "NAM 2024 CUA UBND XA THAI Ue",
        "",
        "Thuc hién Ké hoae sO 157/KH- UBND ngay 25/01/2024 cia UBND huyén Thinh Lac vé viéc trién khai cong tac "
        "cai cach hanh chinh nam",
        "2024; UBND xa Thai Se bao cao ket ate ty danh gia, cham diém nhw sau:",
        "",
        "Diém .",
        ": Diem Phong",
        "STT Tiéu chi, tiéu chi thanh phan Thang Se Narva Tai ligu kiém ching",
        "diem xa tu me",
        ". : cham ann",
        "= dinh",
        "i Cong tac chi dao, diéu hanh cai cach hanh chinh 10 9,75 9,75 Cong van so 2/CV-UBND ngay",
        "2 11/10/2024",
        "9 Xay dung va té chifc thirc hién van ban quy pham 10 1 0 10 Ké hoach s6 166/KH-UBND ngay",
        ": phap luat tai tinh S| 06/01/2024",
        "Cai cach thu tuc hanh chinh Céng van s6 111/CV-VP ngay",
        "3 : 145° | 13,75 13,75 02/05/2024",
        "4. Cai cach t6 chic b6 may hanh chinh : fo Ik 2105 | 105",
        "5 Xay dung va nang cao chat lwong doi ngii céng 1 16 1 6 Quyét dinh s6 265/QD-UBND ngay",
        '"| chitc, vién chitc ee |. 25/03/2024',
        "",
        "",
        "",
        "Noi nhd@n: So KT. CHU TICH",
        "- UBND huyén Thinh Lac (b/c);- PHO CHU TICH",
        "- TT Dang try, HDND xa (b/c); :",
        "",
        "> = lira: V1, VP:",
        "",
        "Tw Trong Loc",
        "",
    ]
)


def test_scores_that_print_the_maximum_split_are_queued(tmp_path):
    out, rows = read_score_dump(tmp_path, DUMP)
    k, row = rows["5"]  # "… céng 1 16 1 6 Quyét dinh …", printed 16 | 16 | 16
    assert (row["max_points"], row["self_points"], row["appraised_points"]) == (16.0, 1.0, 6.0)
    assert queued_cell(out, k, "self_points") and queued_cell(out, k, "appraised_points")
    # a row whose scores are not so read stays out of the queue ("… 10 9,75 9,75 …")
    k1, row1 = rows["1"]
    assert (row1["self_points"], row1["appraised_points"]) == (9.75, 9.75)
    assert not queued_cell(out, k1, "self_points")


def test_only_single_digits_that_print_the_maximum_are_a_split_figure():
    assert split_figure({"max": 16.0, "self": 1.0, "appraised": 6.0})
    assert split_figure({"max": 10.0, "self": 1.0, "appraised": 0.0})
    assert not split_figure({"max": 16.0, "self": 6.0, "appraised": 1.0})  # 61 is no maximum of 16
    assert not split_figure({"max": 16.0, "self": 1.5, "appraised": 6.0})  # a decimal is no digit
    assert not split_figure({"max": 14.5, "self": 1.0, "appraised": 4.0})
    assert not split_figure({"max": 16.0, "self": 16.0, "appraised": 16.0})
    assert not split_figure({"max": 16.0, "self": 1.0, "appraised": None})
