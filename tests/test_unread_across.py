"""A table printed across, on a dump, whose figures were not read (extract/segment/unread_across.py;
issue 11): the header's labels on one line, its figures lost or garbled past reading. Before, no
tell saw it (nothing shaped like an annex row) and the document said it was read whole."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.unread_across import counted_labels

HEAD = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA XUAN PHONG Doc lap - Tu do - Hanh phuc
Số: 42/BC-UBND Xuân Phong, ngày 27 tháng 01 năm 2014
BÁO CÁO
Kết quả công tác cải cách hành chính năm 2013
I. KẾT QUẢ THỰC HIỆN
UBND xã Xuân Phong tiếp tục thực hiện cơ chế một cửa, một cửa liên thông trong giải
quyết thủ tục hành chính.
"""
TAIL = """II. NHIỆM VỤ THỜI GIAN TỚI
Tiếp tục nâng cao chất lượng giải quyết thủ tục hành chính, đẩy mạnh dịch vụ công trực tuyến.
Nơi nhận:
- UBND huyện Đức Mỹ (b/c);
TM. ỦY BAN NHÂN DÂN
CHỦ TỊCH
Triệu Đình Nghĩa
"""
# Tesseract's reading of the table (``--psm 6``, a degraded page): the labels, the figures lost.
ACROSS = """Bảng tổng hợp kết quả năm 2013 : ..
STT [ Số hồ sơ mới tiếp | - Số hồ sơ từ kỳ Đang giải quyết :
qua : :
"""


def _unread(tmp_path: Path, body: str) -> list[dict]:
    dump = tmp_path / "report-vie-psm6.txt"
    dump.write_text(HEAD + body + TAIL, encoding="utf-8")
    return result_to_json(convert_file(dump))["unread"]


def test_a_header_across_with_its_figures_lost_is_told(tmp_path: Path) -> None:
    (part,) = [p for p in _unread(tmp_path, ACROSS) if "printed across" in p["reason"]]
    assert part["kind"] == "table" and "Số hồ sơ mới tiếp" in part["text_sample"]


def test_a_sentence_counting_twice_is_no_header(tmp_path: Path) -> None:
    sentence = "Phấn đấu giảm số hồ sơ trễ hạn, tăng số hồ sơ tiếp nhận trực tuyến.\n"
    assert not [p for p in _unread(tmp_path, sentence) if "printed across" in p["reason"]]


def test_column_labels_count_in_a_unit() -> None:
    def labels(text: str) -> int:
        return counted_labels(Line(text=text, page=1, number=1))

    assert labels("Số hồ sơ mới tiếp Số hồ sơ từ kỳ Đã giải quyết | Đang giải quyết") == 2
    assert labels("So ho so moi tiep | Tong so ho so da giai quyet") == 2  # an ``eng`` dump's
    assert labels("Số năm công tác | Số lần") == 1  # "năm" counts no unit; "lần" does


# Another reading (``--psm 4``): labels of statuses, the row of figures garbled past reading.
STATUSES = """Đơn vị Đã tiếp | Tồn kỳ | - Đã xử lý ; | Đang xử lý
. nhận trước ` Sớm | Đúng Trễ Tổng Chưa Trễ
-UBND xã An 622 129 KT 143 159. 8. S01 lo p2, 2
"""


def test_status_labels_over_a_row_of_figures_are_told(tmp_path: Path) -> None:
    (part,) = [p for p in _unread(tmp_path, STATUSES) if "printed across" in p["reason"]]
    assert "622 129" in part["text_sample"]
    # Status words without the row of figures under them are no such table.
    words = "Đã tiếp nhận hồ sơ, Đang xử lý, Tồn kỳ trước chuyển sang.\n"
    assert not [p for p in _unread(tmp_path, words) if "printed across" in p["reason"]]
