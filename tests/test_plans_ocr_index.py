"""Plans read from OCR dumps: a plan to raise the index whose statements name criteria and whose task
appendix holds criterion codes and quarters, OCR grids whose words wrap beside short cells, codes
held to the document's own, wrapped units."""

from extract.segment.statements import find_score_statements
from extract.segment.task_lines import find_task_lines
from extract.segment.task_paragraphs import find_task_paragraphs
from test_plans import _doc

# A plan to raise the index as OCR dumps it (P04, dev seed of the task-appendix issue): score
# statements, then the task appendix whose last column holds criterion codes ("1.2") and whose
# cells end in quarters ("Quý II/2026"). A statement line names criteria and points, so the
# score-table reader takes it for a header; the task rows under it give one number each (a code),
# never self points at most a max, no sum and no total: no score table.
_STATEMENTS_THEN_TASK_GRID = """2. Điểm số cụ thể các lĩnh vực như sau:

Lĩnh vực 1. Công tác chỉ đạo, điều hành cải cách hành chính đạt 6,25/10 điểm

Tiêu chí 1.2. Thực hiện chế độ báo cáo định kỳ: không đạt điểm (0/1), lý do: chưa có tài liệu
kiểm chứng.

Tiêu chí 1.3. Công tác kiểm tra cải cách hành chính: đạt điểm tối đa (2/2 điểm).

Tiêu chí 1.4: Công tác tuyên truyền cải cách hành chính, đạt 0,75 điểm/2 điểm.

II. NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC

Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:

Số Nội dung nhiệm vụ Đơn vị chủ Phối hợp Tiến độ Sản phẩm Mã
T trì thực hiện tiêu
T chí
I. Công tác chỉ đạo, điều hành cải cách hành chính
1 | Thực hiện chế độ báo cáo định kỳ | Văn phòng - Các bộ phận | Quý Biên bản kiểm | 1.2
về cải cách hành chính Thống kê chuyên môn, | H/2026 tra
Ban Chỉ đạo
CCHC xã
2 | Tổ chức hội nghị sơ kết công tác | Công chức Các đoàn Thường Báo cáo 1.5
cải cách hành chính 6 tháng đầu Văn hóa - Xã | thể, Các bộ xuyên
năm hội phận chuyên
môn
II. Cải cách thể chế
4| Công bố danh mục văn bản hết Công chức Các thôn,tổ | Trước ngày | Hồ sơ lưu trữ 2.3
hiệu lực, ngưng hiệu lực Địa chính - dân phố, Các | 01/12/2026
Xây dựng đoàn thể
6 | Rà soát, kiểm tra văn bản quy Bộ phận Một | Các bộ phận | Quý Thông báo 2.4
phạm pháp luật do HĐND, cửa chuyên môn | II/2026
UBND xã ban hành
Nơi nhận: TM. UY BAN NHAN DAN
"""


def test_a_task_grid_whose_numbers_are_codes_and_dates_is_no_score_table():
    from extract.segment.score_tables import find_score_tables

    doc = _doc(_STATEMENTS_THEN_TASK_GRID)
    assert find_score_tables(doc) == []
    (table,) = find_task_lines(doc)
    assert [(r.code, r.criterion_code) for r in table.rows] == [("1", "1.2"), ("2", "1.5"), ("4", "2.3"), ("6", "2.4")]
    statements = {s.code: s for s in find_score_statements(doc)}
    assert {"1.2", "1.3", "1.4"} <= set(statements)


# P04's OCR dump (dev seed 196, i3): a portrait grid whose product column holds short cells
# ("Báo cáo") under a wider label ("Hình thức sản"), a header repeated on the next page with the
# STT column's "T" and the bar after it read "TỊ".
_OCR_GRID_SHORT_PRODUCTS = """S Mã Tên nhiệm vụ Hình thức sản | Thời hạn Đơn vị chủ Phối hợp
T | tiêu phẩm trì
T | chí
III. Cải cách tổ chức bộ máy hành chính nhà nước
1 14.3 Thực hiện quy chế làm việc của Thông báo Quý Công chức Các thôn, tổ
UBND xã IV/2023 Địa chính - dân phố
Xây dựng
2 | 4.1 Sắp xếp, bố trí người hoạt động Hồ sơ lưu trữ Thường Văn phòng UBMTTQ
không chuyên trách ở thôn xuyên HĐND và Việt Nam
UBND xã, Ban Chỉ
đạo CCHC
xã
IV. Cải cách chế độ công vụ
3 | 5.4 Đánh giá, xếp loại cán bộ, công Báo cáo Tháng Văn phòng - Các đoàn
chức cuối năm 02/2023 Thống kê thể, Các bộ
phận chuyên
mônS Mã Tên nhiệm vụ Hình thức sản | Thời hạn Đơn vị chủ Phối hợp
T | tiêu phẩm trì
TỊ chí
4 | 5.2 Cử cán bộ, công chức tham gia Văn bản chỉ Tháng Công chức UBMTTQ
đào tạo, bồi dưỡng đạo 07/2023 Địa chính - Việt Nam
Xây dựng xã, Ban Chỉ
đạo CCHC
xã
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""


def test_ocr_grid_words_wrapped_beside_a_short_cell():
    (table,) = find_task_lines(_doc(_OCR_GRID_SHORT_PRODUCTS))
    rows = {r.code: r for r in table.rows}
    # "ở" opens a complement: the task does not end on it ("thôn" is the task's, not the product's)
    assert (rows["2"].task, rows["2"].product) == (
        "Sắp xếp, bố trí người hoạt động không chuyên trách ở thôn",
        "Hồ sơ lưu trữ",
    )
    # the product column is at least as wide as "Hình thức sản": "cuối" fitted beside "Báo cáo"
    assert (rows["3"].task, rows["3"].product) == ("Đánh giá, xếp loại cán bộ, công chức cuối năm", "Báo cáo")
    assert rows["3"].coordinator == "Các đoàn thể, Các bộ phận chuyên môn"  # "TỊ chí" is the header's
    assert rows["4"].product == "Văn bản chỉ đạo"


def test_task_codes_held_to_the_documents_codes():
    from extract.segment.task_codes import held_to_statements
    from schemas.records import ScoreStatement, TaskRow, TaskTable

    def row(code: str, section: str, criterion: str) -> TaskRow:
        return TaskRow(code=code, section=section, criterion_code=criterion, task=f"task {code}")

    table = TaskTable(
        title="",
        pages=[],
        columns=[],
        form="table",
        rows=[
            row("1", "II", "2.1"),
            row("2", "II", "2.43"),  # 2.3 and 2.4 both a character away: kept as read
            row("3", "II", "2.4"),
            row("4", "III", "9.4"),  # no field 9 under the heading whose rows read 5.x: 5.4
            row("5", "III", "5.2"),
            row("6", "III", "5.4"),
            row("7", "III", "5.6"),  # a plausible code no statement has: kept
            row("8", "III", "D.1"),  # a letter read for the field (P04 dumps, dev seed 221): 5.1
            row("9", "IV", "6.2"),
            row("10", "IV", "S.2"),  # one other row of the section says its field: 6.2
            row("11", "V", "D.1"),  # no other row under the heading: kept
            row("12", "VI", "Đ.3"),  # a Vietnamese capital read for the field (S05 scans): 5.3
            row("13", "VI", "5.1"),
        ],
    )
    stated = {s.code for s in [ScoreStatement(code="2.3"), ScoreStatement(code="6.1")] if s.code}
    (out,) = held_to_statements([table], stated)
    assert [r.criterion_code for r in out.rows] == [
        *("2.1", "2.43", "2.4", "5.4", "5.2", "5.4", "5.6", "5.1", "6.2", "6.2", "D.1", "5.3", "5.1")
    ]
    assert out.rows[3].flags == ["criterion_code_from_document:9.4"]
    assert out.rows[7].flags == ["criterion_code_from_document:D.1"]
    assert out.rows[11].flags == ["criterion_code_from_document:Đ.3"]


def test_score_statements_are_no_table_header():
    # P04 dumps (dev seed 196): a plan's statements name criteria and points as a header does,
    # but one names a criterion by its code or holds points out of a maximum; a header does neither.
    from extract.model import Line
    from extract.segment.line_header import is_header_line

    def header(text: str) -> bool:
        return is_header_line(Line(text=text, page=1, number=1))

    assert not header("Tiêu chí 2.3. Kiểm tra, rà soát văn bản quy phạm pháp luật: đạt điểm tối đa (1/1 điểm).")
    assert not header("+ Tiêu chí 4.1 Thực hiện quy định về tổ chức bộ máy đạt 2/2 điểm (đạt điểm tối đa).")
    assert not header("Tiêu chí 2.1. Theo dõi thi hành pháp luật: không đạt điểm (0/2,5), lý do: chưa có")
    assert header("STT Tiêu chí Điểm tối đa Điểm tự đánh giá")
    assert header("Tiêu chí, tiêu chí thành phần | Điểm tối đa | Tự chấm")


def test_a_quarter_read_as_a_digit_beside_a_roman_first_quarter():
    # A P02 dump (dev seed 221) printed "Quý I/2025" twice; OCR read one "Quý 1/2025". A lone "I"
    # says the table writes its quarters in roman numerals as "II" does; a digit 2-4 says it does not.
    from extract.segment.task_paragraphs import _spell_deadlines
    from schemas.records import TaskRow, TaskTable

    def spelt(*deadlines: str) -> list[str]:
        table = TaskTable(title="", pages=[1], columns=["task", "deadline"], form="paragraphs")
        table.rows = [TaskRow(task=f"Việc {k}", deadline=d) for k, d in enumerate(deadlines)]
        _spell_deadlines(table)
        return [r.deadline for r in table.rows]

    assert spelt("Quý 1/2025", "Quý I/2025") == ["Quý I/2025", "Quý I/2025"]
    assert spelt("Quý 1/2025", "Quý 2/2025", "Quý I/2025") == ["Quý 1/2025", "Quý 2/2025", "Quý I/2025"]


def test_a_unit_wrapped_at_its_hyphen_onto_a_dashed_line():
    # A P06 report PDF (dev seed 221): "chủ trì: Công chức Địa chính" / "- Xây dựng." - the dashed
    # line completes the unfinished unit, it is no item; a dashed item after a finished unit stays.
    text = (
        "2. Cải cách thể chế\n"
        "- Công bố danh mục văn bản hết hiệu lực; thời hạn: Tháng 11/2024; Sản phẩm: Biên bản kiểm tra;"
        " phối hợp: Các bộ phận chuyên môn; chủ trì: Công chức Địa chính\n"
        "- Xây dựng.\n"
        "- Rà soát văn bản; thời hạn: Quý I/2024; chủ trì: Công an xã\n"
        "- Xây dựng.\n"
    )
    (table,) = find_task_paragraphs(_doc(text))
    assert [r.lead for r in table.rows] == ["Công chức Địa chính - Xây dựng", "Công an xã"]


def test_a_unit_wrapped_at_its_hyphen_before_the_next_field():
    # A P06 report PDF (seed 481 p06-i1): "Chủ trì thực hiện: Công chức Tư pháp" / "- Hộ tịch. Thời
    # gian: 22/09/2023." - the dashed line ends the unit and carries the paragraph's deadline on;
    # before, it was read as an item of its own: lead "Công chức Tư pháp" and no deadline.
    text = (
        "3. Cải cách tài chính công\n"
        "c) Xây dựng Quy chế chi tiêu nội bộ năm 2023. Sản phẩm: Biên bản kiểm tra. Phối hợp\n"
        "thực hiện: Các thôn, tổ dân phố, Các ngành liên quan. Chủ trì thực hiện: Công chức Tư pháp\n"
        "- Hộ tịch. Thời gian: 22/09/2023.\n"
        "d) Rà soát văn bản. Chủ trì thực hiện: Công an xã\n"
        "- Thời gian: Quý I/2024.\n"
    )
    rows = [r for t in find_task_paragraphs(_doc(text)) for r in t.rows]
    assert [(r.lead, r.deadline) for r in rows][0] == ("Công chức Tư pháp - Hộ tịch", "22/09/2023")
    assert rows[1].lead == "Công an xã"  # a finished unit takes no dashed line
