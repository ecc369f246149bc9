"""A commune-level criteria set of the generator's own, for the new held-out layouts (N02 always,
instances 3-4 of N01, N03, N04): the catalogue (normalize/criteria/data) holds a one-field excerpt
(Cà Mau) and a field-level summary (Bộ Nội vụ), so a table printed one field at a time, or a
deduction under a sub-criterion, needs a tree of fields, criteria and sub-criteria to be printed at
all. The tree follows the shape of the provinces' commune sets (lĩnh vực / tiêu chí / tiêu chí thành
phần, 100 points, the last field the people's satisfaction, scored by a survey: Bình Dương's plan
4851/KH-UBND of 11/10/2018 names the three levels for "UBND các xã, phường, thị trấn"); the wording
is the generator's, so no reader's dictionary was written from it: a set no rule has seen."""

from __future__ import annotations

from corpusgen.scores import Criterion, consistent_criteria
from corpusgen.sets import CriteriaSet

_ROWS = (
    ("1", None, "Công tác chỉ đạo, điều hành cải cách hành chính", 12.0),
    ("1.1", "1", "Kế hoạch cải cách hành chính năm", 3.0),
    ("1.1.1", "1.1", "Ban hành kế hoạch cải cách hành chính năm kịp thời", 1.0),
    ("1.1.2", "1.1", "Mức độ hoàn thành kế hoạch cải cách hành chính năm", 2.0),
    ("1.2", "1", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", 2.0),
    ("1.3", "1", "Công tác tuyên truyền cải cách hành chính", 2.5),
    ("1.4", "1", "Kiểm tra công tác cải cách hành chính tại các bộ phận chuyên môn", 2.0),
    ("1.5", "1", "Sáng kiến, giải pháp mới trong cải cách hành chính", 2.5),
    ("2", None, "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật", 8.0),
    ("2.1", "2", "Ban hành văn bản quy phạm pháp luật theo thẩm quyền", 3.0),
    ("2.2", "2", "Rà soát, hệ thống hóa văn bản quy phạm pháp luật", 2.0),
    ("2.3", "2", "Tổ chức thực hiện và kiểm tra việc thực hiện văn bản", 3.0),
    ("3", None, "Cải cách thủ tục hành chính", 18.0),
    ("3.1", "3", "Công khai thủ tục hành chính tại Bộ phận một cửa", 3.0),
    ("3.2", "3", "Kết quả giải quyết hồ sơ thủ tục hành chính", 8.0),
    ("3.2.1", "3.2", "Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn", 5.0),
    ("3.2.2", "3.2", "Thực hiện xin lỗi người dân khi giải quyết hồ sơ quá hạn", 1.5),
    ("3.2.3", "3.2", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", 1.5),
    ("3.3", "3", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", 3.0),
    ("3.4", "3", "Rà soát, đánh giá thủ tục hành chính", 4.0),
    ("4", None, "Cải cách tổ chức bộ máy hành chính", 7.0),
    ("4.1", "4", "Thực hiện quy định về chức năng, nhiệm vụ của công chức chuyên môn", 3.0),
    ("4.2", "4", "Thực hiện quy chế làm việc của Ủy ban nhân dân xã", 4.0),
    ("5", None, "Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức", 10.0),
    ("5.1", "5", "Bố trí cán bộ, công chức theo vị trí việc làm", 3.0),
    ("5.2", "5", "Đào tạo, bồi dưỡng cán bộ, công chức", 3.0),
    ("5.3", "5", "Chấp hành kỷ luật, kỷ cương hành chính", 4.0),
    ("6", None, "Cải cách tài chính công", 7.0),
    ("6.1", "6", "Thực hiện dự toán thu, chi ngân sách xã", 3.0),
    ("6.2", "6", "Công khai tài chính, ngân sách theo quy định", 2.0),
    ("6.3", "6", "Quản lý, sử dụng tài sản công", 2.0),
    ("7", None, "Xây dựng chính quyền số, chuyển đổi số", 18.0),
    ("7.1", "7", "Ứng dụng công nghệ thông tin trong hoạt động của Ủy ban nhân dân xã", 6.0),
    ("7.1.1", "7.1", "Tỷ lệ văn bản điện tử gửi, nhận trên môi trường mạng", 3.0),
    ("7.1.2", "7.1", "Sử dụng chữ ký số trong văn bản điện tử", 3.0),
    ("7.2", "7", "Dịch vụ công trực tuyến", 8.0),
    ("7.2.1", "7.2", "Tỷ lệ hồ sơ nộp trực tuyến", 4.0),
    ("7.2.2", "7.2", "Tỷ lệ thanh toán trực tuyến nghĩa vụ tài chính", 4.0),
    ("7.3", "7", "Cập nhật thông tin trên Trang thông tin điện tử của xã", 4.0),
    ("8", None, "Sự hài lòng của người dân đối với sự phục vụ của Ủy ban nhân dân xã", 20.0),
    ("8.1", "8", "Sự hài lòng về tiếp cận dịch vụ", 5.0),
    ("8.2", "8", "Sự hài lòng về thủ tục hành chính", 5.0),
    ("8.3", "8", "Sự hài lòng về công chức trực tiếp giải quyết công việc", 5.0),
    ("8.4", "8", "Sự hài lòng về kết quả giải quyết công việc", 5.0),
)

COMMUNE_SET = CriteriaSet(
    "corpus-commune_2024",
    None,
    2024,
    "Bộ chỉ số cải cách hành chính cấp xã (the generator's own, for the new held-out layouts)",
    tuple(consistent_criteria([Criterion(code, parent, name, points) for code, parent, name, points in _ROWS])),
)
