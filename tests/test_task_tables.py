"""Task frameworks of the seed plans 000 and 004."""

from functools import cache
from pathlib import Path

from extract.base import ingest
from extract.segment.table_join import JoinedRow, JoinedTable
from extract.segment.task_tables import find_task_tables, is_task_table, map_columns, task_rows

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def _tables(name: str):
    return find_task_tables(ingest(SAMPLES / name))


def test_000_columns_sections_and_rows():
    (table,) = _tables("000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt")
    assert table.title == "HƯỚNG DẪN TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CÔNG TÁC CCHC XÃ NĂM 2023"
    assert len(table.rows) == 64
    first = table.rows[0]
    assert (first.code, first.section, first.criterion_code, first.criterion) == (
        "1",
        "I",
        "1.1.1",
        "Ban hành kế hoạch CCHC",
    )
    assert first.deadline == "Hoàn thành trước ngày 12/01/2023" and first.official == "Hồ Thị Kim Chi"
    last = table.rows[-1]
    assert (last.code, last.section, last.criterion_code) == ("66", "VIII", "8.2")
    # the row with an empty TT under 1.3.1 is merged into it
    row = next(r for r in table.rows if r.code == "4")
    assert "Đảng ủy hoặc HĐND" in row.product and "Lê Thị Ngọc Giàu" in row.official
    # "Thực hiện quy chế dân chủ và dân" + "vận chính quyền ở cấp xã"
    assert (
        next(r for r in table.rows if r.code == "32").criterion
        == "Thực hiện quy chế dân chủ và dân vận chính quyền ở cấp xã"
    )


def test_004_joined_across_pages_one_row_per_tt():
    (table,) = _tables("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt")
    assert table.title == "KHUNG NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH TRỌNG TÂM NĂM 2025"
    assert table.pages == [2, 3, 4]
    assert len(table.rows) == 31
    assert [r.section for r in table.rows].count("VII") == 7
    first = table.rows[0]
    assert first.objective.startswith("1.1. Nâng cao chất lượng công tác chỉ đạo")
    assert "2.2. Tham gia góp ý" in first.task and "3.5. Tổ chức thực hiện Kế hoạch tuyên truyền" in first.activity
    assert "đa dạng, phong phú" in first.product
    assert first.budget == "" and first.deadline.startswith("Trước ngày 05/02/2025")


def test_column_mapping_by_header_words():
    mapping = map_columns(["STT", "Nhiệm vụ", "Đơn vị chủ trì", "Đơn vị phối hợp", "Thời gian", "Ghi chú"])
    assert mapping == {"code": 0, "task": 1, "lead": 2, "coordinator": 3, "deadline": 4}


def test_report_annexes_are_not_task_tables():
    assert _tables("002_huong-son_2024_bao-cao-6-thang.txt") == []


def _scanned_grid(header: list[str], rows: list[list[str]]) -> JoinedTable:
    body = [JoinedRow(cells, [False] * len(cells), 2, 0, 0, 0) for cells in rows]
    return JoinedTable([header], body, [2], len(header), "ocr", 0, 0, 0)


def test_scanned_grid_with_merged_header_and_ocr_numerals():
    # What Tesseract's grid gave for a scanned plan appendix (S05): the header's words in one
    # cell with the first section's title, roman numerals read "H" and "IH".
    table = _scanned_grid(
        ["ST", "TC Nhiệm vụ Chủ trì Phối hợp Thời hạn Sản phẩm CÁI CÁCH THỂ CHẾ", "", "", "", "", ""],
        [
            ["1", "2.1", "Công bố danh mục văn bản", "Công an xã", "Các đoàn thể", "Cả năm 2023", "Báo cáo"],
            ["H", "CẢI CÁCH TỔ CHỨC BỘ MÁY", "", "", "", "", ""],
            ["2", "4.2", "Sắp xếp, bố trí người hoạt động", "Công an xã", "Các thôn", "Tháng 02/2023", "Quyết định"],
            ["IH", "CẢI CÁCH TÀI CHÍNH CÔNG", "", "", "", "", ""],
            ["3", "6.3", "Xây dựng Quy chế chi tiêu", "Bộ phận Một cửa", "Các đoàn thể", "Thường xuyên", "Kế hoạch"],
        ],
    )
    assert is_task_table(table)
    rows = task_rows(table)
    assert [(r.code, r.section, r.criterion_code) for r in rows] == [
        ("1", "I", "2.1"),
        ("2", "II", "4.2"),
        ("3", "III", "6.3"),
    ]
    assert (rows[1].task, rows[1].lead, rows[1].coordinator, rows[1].deadline, rows[1].product) == (
        "Sắp xếp, bố trí người hoạt động",
        "Công an xã",
        "Các thôn",
        "Tháng 02/2023",
        "Quyết định",
    )
    assert rows[0].section_title == "CÁI CÁCH THỂ CHẾ"


def test_scanned_grid_with_a_garbled_header_is_labelled_by_its_body():
    # Tesseract's grid of S05's landscape appendix (a 300 dpi scan): the header's two lines of
    # words in one cell, interleaved ("… Bộ phận phối TT hợp"), "TC" read "me"; section titles
    # merged across the row with their numerals misread ("1." for "I.", "HI." for "III.").
    header = "Số me Nội dung nhiệm vụ Sản phẩm đầu ra Lộ trình Bộ phận chủ trì Bộ phận phối TT hợp"
    cells = [
        ["1. Công tác chỉ đạo, điều hành cải cách hành chính"] + [""] * 6,
        ["1", "1.1", "Thực hiện chế độ báo cáo định kỳ", "Biên bản kiểm tra", "Cả năm 2023",
         "Công chức Tài chính Kế toán -", "Các đoàn thể"],
        ["2", "Z1", "Xây dựng Kế hoạch tuyên truyền", "Báo cáo", "Quý 1/2023",
         "Công chức Tư pháp - Hộ tịch", "Các thôn,tổ dần phố"],
        ["HI. Cải cách chế độ công vụ"] + [""] * 6,
        ["3", "5.3", "Cử cán bộ, công chức tham gia đào tạo", "Quyết định", "Quý IV/2023",
         "Bộ phận Một của", "Các ngành liên quan"],
    ]  # fmt: skip
    body = [JoinedRow(c, [False] * 7, 2, 0, 0, 0, confs=[0.9] * 7) for c in cells]
    table = JoinedTable([[header] + [""] * 6], body, [2], 7, "ocr", 0, 0, 0)
    assert is_task_table(table)
    rows = task_rows(table)
    assert [(r.code, r.section, r.criterion_code) for r in rows] == [
        ("1", "I", "1.1"),
        ("2", "I", "7.1"),
        ("3", "II", "5.3"),
    ]
    assert (rows[0].task, rows[0].product, rows[0].deadline) == (
        "Thực hiện chế độ báo cáo định kỳ",
        "Biên bản kiểm tra",
        "Cả năm 2023",
    )
    # units and deadlines spelt back by the gazetteer (normalize/units.py)
    assert (rows[0].lead, rows[1].coordinator, rows[2].lead) == (
        "Công chức Tài chính - Kế toán",
        "Các thôn, tổ dân phố",
        "Bộ phận Một cửa",
    )
    assert rows[1].deadline == "Quý I/2023"


def test_wrapped_tt_label_and_unit_or_deadline_cells_broken_over_a_page():
    # A narrow TT column wraps its label ("ST" / "T"); a row broken by a page and its repeated
    # header carries on its deadline and lead cells: the grammars of those cells say the parts
    # make one value, other cells' items stay apart.
    from extract.segment.task_tables import _join

    assert map_columns(["ST T", "Nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"])["code"] == 0
    assert _join("Trước ngày", "09/06/2023", "deadline") == "Trước ngày 09/06/2023"
    assert _join("Văn phòng", "HĐND và UBND", "lead") == "Văn phòng HĐND và UBND"
    assert _join("Công an xã", "Các đoàn thể", "coordinator") == "Công an xã; Các đoàn thể"
    assert _join("Báo cáo", "Kế hoạch", "product") == "Báo cáo; Kế hoạch"


def test_scanned_section_rows_whose_numeral_ocr_misread():
    # A scanned plan (S05, seed 7): the section rows came back as "1" beside the upper-case title
    # and as "HÌ!" (III) beside another; the tasks under them are numbered 1, 2, … (roman sections).
    from extract.segment.table_join import JoinedRow
    from extract.segment.task_sections import section_of as _section_of

    def row(*cells):
        return JoinedRow(
            cells=list(cells),
            bold=[False] * len(cells),
            page=1,
            line_start=1,
            line_end=1,
            fragment=0,
            confs=[0.9] + [None] * (len(cells) - 1),
        )

    mapping = {"code": 0, "criterion_code": 1, "task": 2}
    assert _section_of(row("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", ""), mapping, None) == (
        "I",
        True,
        "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
    )
    assert _section_of(row("HÌ!", "", "CẢI CÁCH TÀI CHÍNH CÔNG"), mapping, "II")[:2] == ("III", True)
    # a task numbered 1 is no section
    assert _section_of(row("1", "1.5", "Đăng ký và triển khai sáng kiến"), mapping, None)[1] is False
    # A numeral read as another roman letter ("L" for "I") or as the one before ("II" again for
    # "III", S05 seed 120) is read by the sequence; a typed one is kept as printed.
    assert _section_of(row("L", "Cải cách chế độ công vụ"), mapping, None)[:2] == ("I", True)
    assert _section_of(row("II", "Xây dựng chính quyền số"), mapping, "II")[:2] == ("III", True)
    # at 150 dpi a section row's numeral alone, its strokes read as lower-case letters ("Hi", "Hị)")
    assert _section_of(row("Hi", "", ""), mapping, "I")[:2] == ("II", True)
    assert _section_of(row("Hị)", "", ""), mapping, "II")[:2] == ("III", True)
    typed = JoinedRow(cells=["II", "Cải cách"], bold=[True, True], page=1, line_start=1, line_end=1, fragment=0)
    assert _section_of(typed, mapping, "II")[:2] == ("II", True)
    # its numeral lost, the title alone in capitals (its spaces lost too, on a 150-dpi scan)
    assert _section_of(row("", "CẢICÁCHCHẾĐỘCÔNGVỤ", ""), mapping, "I")[:2] == ("II", True)
    # a numeral with a speck read as a quote after it, beside the title
    assert _section_of(row('H"', "CẢICÁCHTỔCHỨCBỘMÁY", ""), mapping, "I")[:2] == ("II", True)
    # the numeral's full stop read as a comma, the title merged across the row (S25, page 3)
    title = "IV, Cải cách tổ chức bộ máy hành chính nhà nước"
    assert _section_of(row(title, title, title), mapping, "III") == (
        "IV",
        True,
        "Cải cách tổ chức bộ máy hành chính nhà nước",
    )
    # section I's numeral read as a one beside its title in sentence case: a section when the
    # next row prints "1" too (a task's number is printed once; S25, a tab-stop scan), else a task
    first = row("1", "Cải cách thủ tục hành chính", "")
    assert _section_of(first, mapping, None, number_below="1") == ("I", True, "Cải cách thủ tục hành chính")
    assert _section_of(first, mapping, None, number_below="2")[1] is False
    # a task's words in sentence case under an empty number cell are no section
    assert _section_of(row("", "", "Cử cán bộ, công chức tham gia đào tạo"), mapping, "I")[1] is False


def test_a_body_row_of_header_labels_is_no_task():
    # A scanned plan (S05, seed 122): the grid did not tell its header row from the body, and the
    # header repeated on page 2 came back as "5 T T" (STT); neither is a task.
    from extract.segment.table_join import JoinedRow
    from extract.segment.task_tables import TaskTableSettings, _header_row

    def row(*cells):
        n = len(cells)
        return JoinedRow(list(cells), [False] * n, 1, 1, 1, 0, confs=[0.9] * n)

    settings = TaskTableSettings()
    labels = ("TC", "Nội dung nhiệm vụ", "Hình thức sản phẩm", "Thời gian hoàn thành")
    labels += ("Đơn vị chủ trì", "Cơ quan phối hợp")
    assert _header_row(row("1", *labels), settings)
    assert _header_row(row("5 T T", *labels), settings)
    task = ("3", "2.1", "Xây dựng Kế hoạch theo dõi thi hành pháp luật", "Kết quả giải quyết", "Thường xuyên")
    assert not _header_row(row(*task, "Công chức Tài chính - Kế toán", "Các ngành liên quan"), settings)


def test_a_numberless_row_opening_a_page_is_doubted_with_the_row_above():
    """A row with no number of its own at the top of a new page, which the join did not see
    finish the row above (its cells start items: "2 đợt"), is either the rest of a row the page
    break cut or a task under merged cells: both rows are queued with the doubt."""
    from extract.segment.task_tables import CUT_ROW_DOUBT

    header = ["TT", "Nhiệm vụ", "Thời hạn", "Chủ trì", "Phối hợp"]
    cells = [
        ["1", "Tổ chức hội nghị tập huấn", "Quý I/2024", "Văn phòng", "Các đoàn thể"],
        ["2", "Tuyên truyền cải cách hành chính", "Cả năm", "Công an xã", "Các thôn"],
        ["", "Phát tờ rơi", "2 đợt", "", ""],
        ["3", "Rà soát thủ tục", "Quý II/2024", "Tư pháp", "Các ngành"],
    ]
    pages = [1, 1, 2, 2]
    body = [JoinedRow(c, [False] * 5, p, 0, 0, 0) for c, p in zip(cells, pages, strict=True)]
    rows = task_rows(JoinedTable([header], body, [1, 2], 5, "pdf", 0, 0, 0))
    assert [CUT_ROW_DOUBT in r.flags for r in rows] == [False, True, True, False]
    # the same row on the same page is a task under merged cells, not doubted
    body = [JoinedRow(c, [False] * 5, 1, 0, 0, 0) for c in cells]
    rows = task_rows(JoinedTable([header], body, [1], 5, "pdf", 0, 0, 0))
    assert not any(CUT_ROW_DOUBT in r.flags for r in rows)


def test_a_merged_section_row_whose_numeral_took_its_full_stop():
    # A scanned portrait grid (S05, seed 571): the section row merged across the grid read "HIL Cải
    # cách tài chính công" ("III." one word, its full stop a stroke); read as a task row, the two
    # tasks under it kept section II and a code put by section II's field (6.3 → 3.3).
    from extract.segment.table_join import JoinedRow
    from extract.segment.task_sections import section_of as _section_of

    def merged(text: str) -> JoinedRow:
        return JoinedRow(
            cells=[text] * 7, bold=[False] * 7, page=1, line_start=1, line_end=1, fragment=0, confs=[0.86] * 7
        )

    mapping = {"code": 0, "criterion_code": 1, "task": 2}
    assert _section_of(merged("HIL Cải cách tài chính công"), mapping, "II") == ("III", True, "Cải cách tài chính công")
    # no numeral of strokes, no section
    assert _section_of(merged("Hồ sơ lưu trữ"), mapping, "II")[1] is False


def test_a_numberless_row_opening_a_page_with_its_own_criterion_code_is_not_doubted():
    """A row at the top of a new page whose number OCR lost but which prints a criterion code of
    its own is a task, not the rest of a cut row (a code prints on its row's first line)."""
    from extract.segment.task_tables import CUT_ROW_DOUBT

    header = ["TT", "TC", "Nhiệm vụ", "Thời hạn", "Chủ trì", "Phối hợp"]
    cells = [
        ["1", "7.4", "Triển khai thanh toán trực tuyến", "06/01/2025", "Văn phòng", "Các đoàn thể"],
        ["", "7.2", "Vận hành hệ thống quản lý chất lượng", "Quý II/2025", "Công an xã", "Các thôn"],
    ]
    body = [JoinedRow(c, [False] * 6, p, 0, 0, 0) for c, p in zip(cells, [1, 2], strict=True)]
    rows = task_rows(JoinedTable([header], body, [1, 2], 6, "pdf", 0, 0, 0))
    assert [CUT_ROW_DOUBT in r.flags for r in rows] == [False, False]
    assert rows[1].criterion_code == "7.2" and rows[1].task == "Vận hành hệ thống quản lý chất lượng"


def test_rows_above_the_first_heading_ocr_read_are_the_first_sections():
    """A scanned plan's grid whose first section row OCR lost (the rows read under no section) and
    whose later numerals came out garbled ("Il", "HI": read by the sequence): the table opens
    with its first section, so the rows above the first heading read are section I's and the
    later headings are counted on from it, not from nothing (every section one back)."""
    from extract.segment.task_tables import SECTION_HEADING_LOST

    header = ["TT", "Nhiệm vụ", "Thời hạn", "Chủ trì", "Phối hợp"]
    cells = [
        ["1", "Tổ chức phổ biến, giáo dục pháp luật", "Quý I/2024", "Công chức Tư pháp - Hộ tịch", "Các đoàn thể"],
        ["2", "Rà soát văn bản quy phạm pháp luật", "Cả năm 2024", "Công an xã", "Các thôn"],
        ["Il", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""],
        ["3", "Niêm yết, công khai thủ tục hành chính", "Thường xuyên", "Bộ phận Một cửa", "Các ngành liên quan"],
        ["HI", "CẢI CÁCH TÀI CHÍNH CÔNG", "", "", ""],
        ["4", "Công khai dự toán, quyết toán ngân sách xã", "Tháng 06/2024", "Văn phòng", "Các đoàn thể"],
    ]
    body = [JoinedRow(c, [False] * 5, 1, 0, 0, 0, confs=[0.9] * 5) for c in cells]
    rows = task_rows(JoinedTable([header], body, [1], 5, "pdf", 0, 0, 0))
    assert [(r.code, r.section) for r in rows] == [("1", "I"), ("2", "I"), ("3", "II"), ("4", "III")]
    assert [SECTION_HEADING_LOST in r.flags for r in rows] == [True, True, False, False]
    assert rows[2].section_title == "CẢI CÁCH THỦ TỤC HÀNH CHÍNH"
    # a typed grid's rows above its first heading are as printed: no section
    body = [
        JoinedRow(c, [False] * 5, 1, 0, 0, 0)
        for c in cells[:2] + [["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", ""]] + cells[3:4]
    ]
    rows = task_rows(JoinedTable([header], body, [1], 5, "pdf", 0, 0, 0))
    assert [r.section for r in rows] == [None, None, "II"]


def test_an_ocr_section_row_whose_numeral_is_garbled_past_reading_opens_the_next_section():
    # A scanned plan's section row "III | CẢI CÁCH THỦ TỤC HÀNH CHÍNH" whose numeral OCR read as
    # specks ("r:"): its title alone in capitals is no task; the rows under it are section III's.
    header = ["TT", "Tiêu chí", "Nội dung nhiệm vụ", "Sản phẩm", "Thời hạn", "Chủ trì", "Phối hợp"]
    cells = [
        ["I", "CẢI CÁCH THỂ CHẾ", "", "", "", "", ""],
        ["1", "2.1", "Công bố danh mục văn bản", "Danh mục công bố", "Cả năm 2025", "Văn phòng - Thống kê", ""],
        ["II", "CÔNG TÁC CHỈ ĐẠO", "", "", "", "", ""],
        ["2", "1.3", "Thực hiện chế độ báo cáo định kỳ", "Báo cáo", "Quý IV/2025", "Công an xã", ""],
        ["r:", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", "", "", "", "", ""],
        ["3", "3.5", "Tiếp nhận, giải quyết hồ sơ", "Kết quả giải quyết", "Tháng 08/2025", "Công an xã", ""],
    ]  # fmt: skip
    body = [JoinedRow(c, [False] * 7, 2, 0, 0, 0, confs=[0.9] * 7) for c in cells]
    table = JoinedTable([header], body, [2], 7, "ocr", 0, 0, 0)
    rows = task_rows(table)
    assert [(r.code, r.section) for r in rows] == [("1", "I"), ("2", "II"), ("3", "III")]
