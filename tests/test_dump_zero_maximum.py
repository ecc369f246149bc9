"""No criterion is worth nothing (issue 14): a maximum of 0 is no reading of a maximum, so the
reconciliation never takes one to make a sum hold. In a table whose scale column prints before the
maximum, row 1.2's line took its scale's last item ("Dưới 70% kế hoạch: 0") as its maximum; the
criteria set gave the row its 2 and kept the 0 as an alternative. Row 1.3's maximum 3 was read "s"
(5), and with 1.2 at 0 the parent's 10 held again (5 + 0 + 5): the wrong 5 was vouched for by a sum
and left the queue. The dump is written here: the text Tesseract gave of one of the corpus
generator's scans (seed 665), read end to end."""

from score_dumps import queued_cell, read_score_dump

DUMP = "\n".join(
    [
        "ỦY BAN NHÂN DÂN - CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "",
        "XÃ TÂN LỘC ____ Độc lập - Tự do - Hạnh phúc",
        "Số: 161/BC-UBND _ Tân Lộc, ngày 9 tháng 12 năm 2014",
        "BÁO CÁO",
        "",
        "Tự đánh giá, chấm điểm xác định Chỉ số cải cách hành chính năm 2014",
        "",
        "Thực hiện Kế hoạch số 19/KH- UBND ngày 06/07/2014. của UBND: huynh Hà TH nn về việc triển "
        "khai công tác cải cách hành chính năm",
        "2014; UBND xã Tân Lộc báo cáo kết quả: tự đánh giá, chấm điểm như sau: `",
        "",
        "TT Nội dung đánh giá ' Phương pháp chấm điểm Điểm | Điểm Giải trình",
        ": : chuẩn | UBND :",
        ": xã tự",
        ": : : chấm",
        "-1._ | CÔNG TÁC CHÍ ĐẠO, ĐIỀU HÀNH CCHC ___ n. 10 85 ˆ",
        "11 |KếhoạchCCHCnăm _ : : .. mm. a5.",
        "1.1.1 | Ban hành kế hoạch CCHCnăm -: - Ban hành kịp thời:1 - 1 0,5 | Ban hành chậm so với quy",
        ": - Ban hành không kịp thời: 0,5 định.",
        "- Không ban hành: 0 |",
        "1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các + - Xác định đầy đủ nhiệm vụ và có bố trí kinh 1 0",
        "lĩnh vực theo kế hoạch năm của UBND tỉnh và_ | phí: 1",
        "bố trí kinh phí thực hiện - Không xác định đầy đủ nhiệm vụ tiệc",
        "không bố trí kinh phí: 0 vi GIU |",
        "1.1.3 | Các kết quả phải đạt được xác định rõ ràng, cụ - Đạt yêu cầu: 1 U 1. | Báo cáo số 231/BC- UBND",
        "thể và định rõ trách nhiệm triển khai của phòng, - Không đạt yêu cầu: 0 : ngày 4/ 1/2014",
        "| ban, đơn vị trực thuộc : ... : j",
        "1.1.4 | Mức độ thực hiện kế hoạch CCHC : - Thực hiện trên 90% kế hoạch: 2 2 .”",
        ": : - Thực hiện từ 70% - 90% kế hoạch: 1 :",
        "l - Dưới 70% kế hoạch: 0",
        "1.2 | Báo cáo CCHC : : jm. j...",
        "12.1 | Tất cả báo cáo được gửi đúng thời gian quy định . - Đủ số lượng và đúng thời gian q"
        "uy định:1 [. 1 lẺ Quyết định số 145/QĐ-'",
        "(báo cáo quí I, quí II, báo cáo 6 .. và báo - Không đủ số lượng báo cáo hoặc không : UBND ngày 16/2/2014",
        "",
        "cáo năm) . đúng thời gian quy định: 0",
        "",
        "",
        "",
        "Tâm Nội dung đánh giá Phương pháp chấm điểm Điểm - Giải trình",
        ": Su chuẩn UBND h",
        "xã tự",
        "CHÍM |...",
        "1.2.2 | Tất cả báo cáo có đầy đủ nội dung theo hướng  -- Đạt yêu cầu: 1 1 1 Đạt yêu cầu theo hướng dẫn",
        "dẫn _ Ni - Không đạt yêu cầu: 0 :",
        "1.3. | Kiểm tra công tác CCHC - Ban hành đúng thời gian quy định: 3 điểm s 3 Đã ban hành đúng thời gian",
        "- Ban hành chậm so với quy định: 1,5 điểm quy: định",
        "- Không ban hành: 0 điểm NI:",
        "- Tổng số điểm ; .10 DẦU llỊ",
        "",
        "",
    ]
)


def test_a_maximum_of_zero_is_not_taken_to_make_a_sum_hold(tmp_path):
    out, rows = read_score_dump(tmp_path, DUMP)
    # 1.2 prints a maximum of 2 (the set's); the 0 stays an alternative, not the reading
    assert rows["1.2"][1]["max_points"] == 2.0
    assert "repaired_max_points" not in rows["1.2"][1]["flags"]
    # 1.3 prints 3, read "s" as 5: the parent's sum (5 + 2 + 5 = 12 against 10) no longer holds, and
    # the misread maximum is in the review queue
    k, row13 = rows["1.3"]
    assert row13["max_points_raw"] == "s"
    assert queued_cell(out, k, "max_points")
