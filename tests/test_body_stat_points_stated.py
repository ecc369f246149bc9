"""A report's self-assessment by field and criterion, stated in lines ("a) Lĩnh vực 2 - …: 1,25/4,5
điểm", "+ Tiêu chí 2.1. …: không đạt điểm (0/2,5), lý do: …"), is read by the score statements'
reader; it is no list of statistics past reading (seed 17001's S09 scan of P06, instance 8: the
lines were told unread though every statement was read, the document read whole listing an unread
part). Lines numbered "a)" and "+" opening "indicator: figure" look like a statistics list; their
figures are points (``body_stat_lines._POINTS_STATED``). The lines are Tesseract's on page 1."""

from __future__ import annotations

from extract.model import IngestedDocument, Line, Page
from extract.segment.body_stat_lines import body_stat_lines

READ = [
    "II. KẾT QUẢ TỰ ĐÁNH GIÁ CÁC LĨNH VỰC",
    "a) Lĩnh vực 2 - Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật: 1,25/4,5 điểm",
    "+ Tiêu chí 2.1. Theo dõi thi hành pháp luật: không đạt điểm (0/2,5), lý do: chưa có tài liệu",
    "kiểm chứng.",
    "+ Tiêu chí 2.2 - Công bố văn bản hết hiệu lực, ngưng hiệu lực: 0,25/0,5 điểm.",
    "+ Tiêu chí 2.3: Kiểm tra, rà soát văn bản quy phạm pháp luật, đạt 0,75 điểm/1 điểm.",
    "+ Tiêu chí 2.4: Báo cáo kết quả rà soát văn bản, đạt 0,25 điểm/0,5 điểm.",
    "b) Lĩnh vực 4 - Cải cách tổ chức bộ máy hành chính nhà nước: 3,75/5 điểm",
    "+ Tiêu chí 4.1: Thực hiện quy định về tổ chức bộ máy, đạt 0,75 điểm/2 điểm.",
    "+ Tiêu chí 4.2 Thực hiện quy chế làm việc đạt 1,5/1,5 điểm (đạt điểm tối đa).",
    "+ Tiêu chí 4.3. Bố trí người hoạt động không chuyên trách: đạt điểm tối đa (1,5/1,5 điểm).",
    "c) Lĩnh vực 5 - Cải cách chế độ công vụ: 1/7 điểm",
    "+ Tiêu chí 5.1 - Bố trí cán bộ, công chức theo vị trí việc làm: 0/2 điểm.",
    "+ Tiêu chí 5.2. Đào tạo, bồi dưỡng cán bộ, công chức: không đạt điểm (0/2), lý do: chưa có",
    "tài liệu kiểm chứng.",
    "+ Tiêu chí 5.3 - Chấp hành kỷ luật, kỷ cương hành chính: 0/2 điểm.",
    "+ Tiêu chí 5.4 Đánh giá, xếp loại cán bộ, công chức đạt 1/1 điểm (đạt điểm tối đa).",
    "d) Lĩnh vực 7 - Xây dựng và phát triển chính quyền điện tử, chính quyền số: 3,25/9 điểm",
    "+ Tiêu chí 7.1: Trang thông tin điện tử, đạt 1,25 điểm/1,5 điểm.",
    "+ Tiêu chí 7.2: Văn bản điện tử có ký số, đạt 0,5 điểm/2 điểm.",
    "+ Tiêu chí 7.3. Dịch vụ công trực tuyến: không đạt điểm (0/3), lý do: chưa có tài liệu kiểm",
    "chứng.",
    "+ Tiêu chí 7.4. Thanh toán trực tuyến đạt 0,75/1,5 điểm, lý do: thực hiện chưa đúng thời",
    "gian quy định.",
    "+ Tiêu chí 7.5. Hệ thống quản lý chất lượng ISO đạt 0,75/1 điểm, lý do: thực hiện chưa",
    "đúng thời gian quy định.",
    "HI. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027",
]


def test_stated_points_are_no_statistics_past_reading():
    lines = [Line(text=t, page=1, number=k + 8, conf=0.9) for k, t in enumerate(READ)]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, lines, method="ocr")])
    read = body_stat_lines(doc)
    assert read.unread == []
    assert read.annexes == []
