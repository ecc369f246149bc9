"""Rows of a table told unread recovered by the criteria set's wording, when a garbled code the
repair stage made a roman numeral of ("[LÍ" for "1.1", repaired "[II") is no part heading: the
numeral a part heading prints is read as OCR printed it (``set_rows._own_parts``)."""

from cchc_extract.pipeline import convert_file
from extract.segment.set_rows import FLAG_FROM_SET_ORDER

# Tesseract's vie output of a score table at 300 dpi, degraded: the corpus generator's print of
# a 2013 commune report, its codes and figures mostly lost.
DUMP = "\n".join(
    (
        "__ ỦY BAN NHÂN DÂN XÃ TIẾN BÌNH CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM `. sac",
        '¡ `. Độc lập - Tự do - Hạnh phúc : 1".',
        ". Số: 139/BC-UBND Tiến Bình, ngày 13 tháng 12 năm 2013 :",
        '". . BÁO CÁO `... ... :',
        ". Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính . ¡",
        '——.  Hãm 2013 của UBND xã Tiến Bình 1"... ... :',
        "J. Thực hiện Kế hoạch số 74/KH-UBND ngày 10/04/2013 của UBND huyện Minh Thịnh về việc"
        " triển khai công tác cải cách hành chính năm",
        ": 2013; UBND xã Tiến Bình báo cáo kết quả tự đánh giá, chấm điểm như sau: - Ả. ; : :",
        ": tác : : : . ..:. Đếm Điểm ni",
        "TT n Nội dung đánh giá : Ghi chú Sim | can Ti ' _",
        ": số ị chuẩn xã tự :",
        "A. : : s. định",
        ": : T, chấm :",
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC c5 N81 2], 6.",
        "[LÍ [KếhạhGCCHCmm ESftfttriiTrrrier iscnrrr zrrirferrriiirrimll _",
        "— | Lúa |BanhànhkehoshOCHCnim BE GttrErrf: rErrrgï| TRrpgiirrtisgtsrfi TT 7",
        "Xác định đầy đủ các nhiệm vụ CCHC trên các Đã ban hành đúng thời gian quy : . _",
        "TP _1.1.2 | lĩnh vực theo kế hoạch năm của UBND tỉnhvà | định : mm... 0,5 1 : :",
        "† bố trí kinh phí thực hiện : . : TU: thế :",
        "- | Các kết quả phải đạt được xác định rõ ràng, cụ Tỷ lệ đạt 85% . :",
        "„ -1.1.3 | thể và định rõ trách nhiệm triển khai của phòng, : s 1.",
        "_| ban, đơn vị trực thuộc :",
        "mm. ... Mức độ thực hiện kế hoạch CCHC Ban hành chậm so với quy định Ji",
        "8n an [EETTE ï ii iẽgi ri ẽrir rarrrrErnil h",
        "Tất cả báo cáo được gửi đúng thời gian quy định | Chưa hoàn thành 7/14 nhiệm vụ . :  ,",
        "1.2.1 | (báo cáo quí I, quí II, báo cáo 6 tháng và báo theo kế hoạch -  I 0,25 0,25 : : : :",
        "cáo năm) - : : : _ . :",
        "7... a cả báo cáo có dầy „ nội dung ni hướng Ban hành sa so với quy định ị |",
        "—— | — | 13, | Kiểm wa công tác CCHC 77... 1ã ag ấn. 1g. .",
        "_ Nơi nhận: ằã ằ  'Ấ ' ' TM. ỦY BAN NHÂN DÂN ... ;",
        "__- UBND huyện Minh Thịnh (b/c); Sàn, ni CHỦ TỊCH : n :",
        "- TT Đảng ủy, HĐND xã (b/c); đu ký) : ..ãẽ.",
        "| - Lưu: VT, VP. ... _ \\ là .. n |",
        "Bùi Thanh Nhung . : ân",
    )
)


def test_a_garbled_code_the_repair_read_as_a_numeral_is_no_part_heading(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(DUMP, encoding="utf-8")
    result = convert_file(path)
    rows = {r.code: r for t in result.score_tables for r in t.rows}
    # The criteria whose wording opens a line of the region, in the set's order.
    assert list(rows) == ["1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2.1", "1.3"]
    assert rows["1.1.4"].name == "Mức độ thực hiện kế hoạch CCHC"
    assert rows["1.3"].name == "Kiểm tra công tác CCHC"
    assert all(FLAG_FROM_SET_ORDER in r.flags for r in rows.values())
    # Their figures are told, not read from the garbled cells.
    assert all(r.max_points is None and r.self_points is None for r in rows.values())
    told = " ".join(p.reason for p in result.unread)
    assert "points of 1, 1.1.1, 1.1.2, 1.1.3, 1.1.4, 1.2.1, 1.3 not read" in told
