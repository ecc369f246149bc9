"""Task paragraphs of a scanned plan whose labels OCR printed without their colon after a full stop
("… Sản phẩm Báo cáo. Chủ trì: …", "… Thời hạn Quý II/2023") or with a speck read as two letters
inside ("Phối hợp thực th hiện:"), and a task header whose "chủ trì" OCR without the Vietnamese
model printed "chi tri". The lines are the OCR text of the S42 scan (instance 3, N112 layout) at
seed 22441, the header line the D36 dump (instance 3) at seed 22441; the expected values are the
generator's truth files of those documents."""

from __future__ import annotations

from extract.segment.task_header import header_columns
from extract.segment.task_paragraphs import parse_task


def test_a_product_label_without_its_colon_after_a_full_stop():
    fields = parse_task(
        "- Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực. Thời hạn: 10/12/2023. Sản phẩm Báo cáo. "
        "Chủ trì: Công chức Văn hóa - Xã hội. Phối hợp thực hiện: Các bộ phận chuyên môn, Các thôn, tổ dân phố"
    )
    assert fields is not None
    assert fields["product"] == "Báo cáo"
    assert fields["deadline"] == "10/12/2023"
    assert fields["lead"] == "Công chức Văn hóa - Xã hội"


def test_a_deadline_label_without_its_colon_ends_the_paragraph():
    fields = parse_task(
        "- Xây dựng Kế hoạch tuyện truyền cải cách hành chính. Bộ phận chủ trì: Văn phòng HĐND và UBND. "
        "Kết quả, sản phẩm: Hồ sơ lưu trữ. Phối hợp: Các thôn, tổ dân phố. Thời hạn Quý II/2023"
    )
    assert fields is not None
    assert fields["deadline"] == "Quý II/2023"
    assert fields["coordinator"] == "Các thôn, tổ dân phố"


def test_a_speck_of_two_letters_inside_a_label():
    fields = parse_task(
        "- Đăng ký và triển khai sáng kiến, giải pháp mới trong cải cách hành chính. Sản phẩm: Quyết định. "
        "Thời gian thực hiện: Trước ngày 26/09/2023. Phối hợp thực th hiện: Các bộ phận "
        "chuyên môn. Đơn vị chủ trì: Phòng Văn hóa - Xã hội."
    )
    assert fields is not None
    assert fields["deadline"] == "Trước ngày 26/09/2023"
    assert fields["coordinator"] == "Các bộ phận chuyên môn"
    assert fields["lead"] == "Phòng Văn hóa - Xã hội"


def test_a_colonless_words_of_no_whole_value_are_no_label():
    # a sentence's own words after a full stop ("Thời hạn giải quyết …") stay in the task
    fields = parse_task(
        "- Rà soát thủ tục hành chính. Thời hạn giải quyết được rút ngắn. Chủ trì: Văn phòng HĐND và UBND. "
        "Thời gian: Quý II/2023"
    )
    assert fields is not None
    assert fields["deadline"] == "Quý II/2023"
    assert "Thời hạn giải quyết" in fields["task"]


def test_chi_tri_of_an_accent_free_header_is_the_lead():
    # (the source's header: "STT | Tên nhiệm vụ | Bộ phận chủ trì | Thời gian hoàn thành | Tình hình thực hiện")
    columns = header_columns("STT Hes Tén nhiém vu oe _ Bo phan chi tri Thoi gian hoan Tinh hinh thuc hién")
    assert columns is not None
    assert columns[:4] == ["code", "task", "lead", "deadline"]
