"""Plan targets in running text, written as real DOCX files (``extract.segment.targets``)."""


def test_striving_sentences_are_targets_where_no_heading_decides(tmp_path):
    """Plans state targets under "Mục đích, yêu cầu" too ("Phấn đấu 100% …; tỷ lệ … trên 98%"): a
    line striving for figures is a target there, every clause from "phấn đấu" on. Not a report's
    past effort ("đã phấn đấu"), not under a results or tasks heading, not a figure of the past."""
    import cchc_extract
    from layout_docs import decree30_head, plain_docx

    head = decree30_head(
        "XÃ MINH ĐỨC", "07/KH-UBND", "Minh Đức, ngày 05 tháng 01 năm 2025", "KẾ HOẠCH", "Cải cách hành chính năm 2025"
    )
    body = (
        "I. MỤC ĐÍCH, YÊU CẦU",
        "1. Mục đích",
        "Năm 2024, Chỉ số cải cách hành chính của xã đạt 85,5%.",
        "Phấn đấu 100% thủ tục hành chính được công khai đầy đủ; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.",
        "II. KẾT QUẢ NĂM 2024",
        "UBND xã đã phấn đấu giải quyết 97% hồ sơ đúng hạn.",
        "III. NHIỆM VỤ",
        "Phấn đấu 90% hồ sơ được số hóa.",
    )
    data = cchc_extract.convert(plain_docx(tmp_path / "plan.docx", head + body, [], ())).data
    found = [(t["indicator"], t["comparator"], t["value"]) for t in data["targets"]]
    assert found == [
        ("thủ tục hành chính được công khai đầy đủ", "=", 100.0),
        ("tỷ lệ hồ sơ giải quyết đúng hạn", ">", 98.0),
    ]
