"""The twelfth batch's layouts read by mechanism, on real DOCX files made here (and the PDF
LibreOffice prints of one): two points in one cell cut by the label's order ("3 (2,5)" under
"Điểm tối đa (điểm tự chấm)", "2,5 (3)" under "Điểm tự chấm (điểm tối đa)"); an annex turned over,
a row per hamlet and the commune's row, its units in a header row ("(Hồ sơ)") and its codes in the
labels ("2.1. …"); a task's budget printed in its deadline's cell ("Quý II - III⏎Kinh phí: 15
triệu đồng", "Quý I/2025 (15)"). Before, the first two were read as nothing (the score table's
pair cells no figure, the annex a matrix left unread) and the third's budget was the deadline's."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.task_budget import deadline_and_budget
from layout_docs import CLOSE, SCORE_REPORT_HEAD, decree30_head, plain_docx, to_pdf
from schemas.records import UNITS_ROWS_FLAG

SIGNED = (*CLOSE, "Nguyễn Văn An")


def _read(path: Path) -> dict:
    return result_to_json(convert_file(path))


# ------------------------------------------------------------------ two points in one cell

# (code, name, max, self); the total 10 (7,5)
CRITERIA = [
    ("I.", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "4,5"),
    ("1.", "Kế hoạch cải cách hành chính năm", "4", "3"),
    ("a)", "Ban hành kế hoạch đúng thời hạn", "2", "2"),
    ("b)", "Xác định đầy đủ nhiệm vụ", "2", "1"),
    ("2.", "Báo cáo cải cách hành chính", "2", "1,5"),
    ("II.", "Cải cách thủ tục hành chính", "4", "3"),
    ("1.", "Công khai thủ tục hành chính", "2", "2"),
    ("2.", "Giải quyết hồ sơ đúng hạn", "2", "1"),
]
# The codes as the score reader gives a roman table's (the first field's criteria "1", "1.a"; the
# later fields' "II.1": the corpus's N07 convention)
EXPECTED = [
    ("I", 6.0, 4.5),
    ("1", 4.0, 3.0),
    ("1.a", 2.0, 2.0),
    ("1.b", 2.0, 1.0),
    ("2", 2.0, 1.5),
    ("II", 4.0, 3.0),
    ("II.1", 2.0, 2.0),
    ("II.2", 2.0, 1.0),
]


def _pairs_docx(path: Path, max_first: bool) -> Path:
    label = "Điểm tối đa (điểm tự chấm)" if max_first else "Điểm tự chấm (điểm tối đa)"

    def pair(top: str, scored: str) -> str:
        return f"{top} ({scored})" if max_first else f"{scored} ({top})"

    rows = [("STT", "Tiêu chí", label, "Ghi chú"), ("A. CÁC TIÊU CHÍ ĐÁNH GIÁ", "", "", "")]
    rows += [(c, n, pair(m, s), "") for c, n, m, s in CRITERIA]
    rows.append(("", "Tổng cộng", pair("10", "7,5"), ""))
    return plain_docx(path, SCORE_REPORT_HEAD, rows, SIGNED)


def _points(data: dict) -> list[tuple]:
    return [(r["code"], r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]]


@pytest.mark.parametrize("max_first", [True, False])
def test_a_bracketed_pair_is_cut_in_the_order_its_label_names(tmp_path, max_first):
    data = _read(_pairs_docx(tmp_path / "pairs.docx", max_first))
    assert _points(data) == EXPECTED
    table = data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (10.0, 7.5)
    assert not data["unread"]


def test_a_bracketed_pair_in_the_pdf_libreoffice_prints(tmp_path):
    pdf = to_pdf(_pairs_docx(tmp_path / "pairs.docx", max_first=False))
    if pdf is None:
        pytest.fail("LibreOffice printed no PDF")
    data = _read(pdf)
    assert [m_s for _, *m_s in _points(data)] == [[m, s] for _, m, s in EXPECTED]


def test_a_lettered_part_heading_in_header_words_is_no_header_row_nor_criterion(tmp_path):
    """ "A. TIÊU CHÍ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM" spanning the table under its header: its words are a
    header's, but it is the body's first row (taken into the header, it renamed the code column and
    no row was read) and a heading (read as a row, it became a field "1" with no points)."""
    rows = [("STT", "Tiêu chí", "Điểm tự chấm (điểm tối đa)", "Ghi chú")]
    rows += [("A. TIÊU CHÍ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM", "", "", "")]
    rows += [
        ("I.", CRITERIA[0][1], "4,5 (6)", ""),
        ("II.", CRITERIA[5][1], "3 (4)", ""),
        ("III.", "Hiện đại hóa hành chính", "- (5)", ""),
    ]
    data = _read(plain_docx(tmp_path / "part.docx", SCORE_REPORT_HEAD, rows, SIGNED))
    # (three fields of a set's eight: how they are coded is the code repair's, not this reading's)
    assert [m_s for _, *m_s in _points(data)] == [[6.0, 4.5], [4.0, 3.0], [5.0, None]]


def test_a_bracketed_note_under_a_single_points_label_is_no_pair(tmp_path):
    """ "Điểm tự chấm (điểm)" names one column: its cells "2" stay the self points, nothing cut."""
    rows = [("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm (điểm)")]
    rows += [(c, n, m, s) for c, n, m, s in CRITERIA[:5]]
    data = _read(plain_docx(tmp_path / "single.docx", SCORE_REPORT_HEAD, rows, SIGNED))
    assert [m_s for _, *m_s in _points(data)] == [[m, s] for _, m, s in EXPECTED[:5]]


# ------------------------------------------------------------------ an annex by hamlet

REPORT_HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "45/BC-UBND",
    "Hòa Bình, ngày 15 tháng 12 năm 2024",
    "BÁO CÁO",
    "Kết quả thực hiện công tác cải cách hành chính năm 2024",
)
LABELS = (
    "1. Số văn bản chỉ đạo, điều hành CCHC",
    "2. Số hồ sơ TTHC đã giải quyết",
    "2.1. Giải quyết đúng hạn",
    "2.2. Giải quyết quá hạn",
    "2.3. Tỷ lệ hồ sơ giải quyết đúng hạn",
)
UNITS = ("(Văn bản)", "(Hồ sơ)", "(Hồ sơ)", "(Hồ sơ)", "(%)")
HAMLETS = [
    ("1", "Thôn 1", "", "40", "39", "1", "97,5"),
    ("2", "Thôn 2", "", "60", "60", "0", "100"),
    ("3", "Thôn 3", "", "100", "98", "2", "98"),
]
COMMUNE = ("", "Toàn xã", "12", "200", "197", "3", "98,5")
ANNEX = [
    ("1", "Số văn bản chỉ đạo, điều hành CCHC", "Văn bản", 12.0, None),
    ("2", "Số hồ sơ TTHC đã giải quyết", "Hồ sơ", 200.0, None),
    ("2.1", "Giải quyết đúng hạn", "Hồ sơ", 197.0, "2"),
    ("2.2", "Giải quyết quá hạn", "Hồ sơ", 3.0, "2"),
    ("2.3", "Tỷ lệ hồ sơ giải quyết đúng hạn", "%", 98.5, "2"),
]


def _annex_docx(path: Path, body: list[tuple[str, ...]]) -> Path:
    rows = [("STT", "Thôn, tổ dân phố", *LABELS), ("", "ĐVT", *UNITS), *body]
    return plain_docx(path, (*REPORT_HEAD, "Phụ lục", "SỐ LIỆU KẾT QUẢ CẢI CÁCH HÀNH CHÍNH"), rows, SIGNED)


@pytest.mark.parametrize("total_first", [True, False])
def test_an_annex_by_hamlet_is_read_from_the_communes_row(tmp_path, total_first):
    body = [COMMUNE, *HAMLETS] if total_first else [*HAMLETS, COMMUNE]
    data = _read(_annex_docx(tmp_path / "by_hamlet.docx", body))
    (annex,) = data["statistics"]
    read = [(r["code"], r["indicator"], r["unit"], r["value"], r["parent"]) for r in annex["rows"]]
    assert read == ANNEX
    assert all(UNITS_ROWS_FLAG in r["flags"] for r in annex["rows"])  # the hamlets' figures: told unread
    assert not data["unread"]


def test_a_table_by_hamlet_without_the_communes_row_stays_unread(tmp_path):
    """Hamlets only: no row is the commune's, nothing is guessed (the matrix is told unread)."""
    data = _read(_annex_docx(tmp_path / "hamlets_only.docx", HAMLETS))
    assert not data.get("statistics")
    assert data["unread"]


# ------------------------------------------------------------------ a task's budget in its deadline's cell

PLAN_HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "12/KH-UBND",
    "Hòa Bình, ngày 10 tháng 01 năm 2025",
    "KẾ HOẠCH",
    "Cải cách hành chính năm 2025",
)
TASKS = [
    ("Rà soát, đơn giản hóa thủ tục hành chính", "Báo cáo", "Công chức Văn phòng - Thống kê", "Các bộ phận"),
    ("Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", "Hồ sơ số hóa", "Bộ phận Một cửa", "Công chức Tư pháp"),
    ("Tuyên truyền cải cách hành chính", "Bản tin", "Công chức Văn hóa - Xã hội", "Đoàn Thanh niên"),
]


def _plan_docx(path: Path, label: str, cells: list[str]) -> Path:
    rows = [("TT", "Nhiệm vụ", "Sản phẩm", label, "Chủ trì", "Phối hợp")]
    rows += [
        (str(k + 1), task, product, cell, lead, other)
        for k, ((task, product, lead, other), cell) in enumerate(zip(TASKS, cells))
    ]
    return plain_docx(path, (*PLAN_HEAD, "NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH NĂM 2025"), rows, SIGNED)


@pytest.mark.parametrize(
    "label,cells,budgets",
    [
        (
            "Thời gian, kinh phí thực hiện",
            ["Quý II - III\nKinh phí: 15 triệu đồng", "Quý I/2025\nKinh phí: Ngân sách xã", "Hằng quý"],
            ["15 triệu đồng", "Ngân sách xã", ""],
        ),
        (
            "Thời gian (kinh phí, triệu đồng)",
            ["Quý II - III (15)", "Quý I/2025 (Lồng ghép)", "Hằng quý"],
            ["15", "Lồng ghép", ""],
        ),
    ],
)
def test_a_tasks_budget_in_its_deadlines_cell_is_its_budget(tmp_path, label, cells, budgets):
    data = _read(_plan_docx(tmp_path / "plan.docx", label, cells))
    rows = [r for t in data["task_tables"] for r in t["rows"]]
    assert [r["deadline"] for r in rows] == ["Quý II - III", "Quý I/2025", "Hằng quý"]
    assert [r["budget"] for r in rows] == budgets


def test_a_bracket_after_a_deadline_stays_its_own_unless_the_header_names_a_budget():
    assert deadline_and_budget("Quý I (trước 15/3)", bracketed=False) == ("Quý I (trước 15/3)", "")
    assert deadline_and_budget("Quý I/2025 (15)", bracketed=True) == ("Quý I/2025", "15")
    assert deadline_and_budget("Trước khi cấp kinh phí", bracketed=True) == ("Trước khi cấp kinh phí", "")
    assert deadline_and_budget("Quý IV; kinh phí: 5 triệu đồng", bracketed=False) == ("Quý IV", "5 triệu đồng")


def test_a_group_heading_column_and_lettered_items_keep_their_printed_codes(tmp_path):
    """ "2. Kết quả giải quyết hồ sơ" heads its items and prints no figure (its cells blank): its
    row is read with no value; "a) …" under "2.1. …" is 2.1.a."""
    labels = ("1. Số cuộc kiểm tra CCHC", "2. Kết quả giải quyết hồ sơ", "2.1. Số hồ sơ đã giải quyết")
    labels += ("a) Giải quyết đúng hạn", "b) Giải quyết quá hạn")
    body = [
        ("1", "Thôn 1", "1", "", "40", "39", "1"),
        ("2", "Thôn 2", "2", "", "60", "60", "0"),
        ("", "Tổng cộng", "3", "", "100", "99", "1"),
    ]
    rows = [("STT", "Thôn, tổ dân phố", *labels), ("", "Đơn vị tính", "(Cuộc)", "", "(Hồ sơ)", "(Hồ sơ)", "(Hồ sơ)")]
    path = plain_docx(tmp_path / "groups.docx", (*REPORT_HEAD, "Phụ lục"), [*rows, *body], SIGNED)
    (annex,) = _read(path)["statistics"]
    read = [(r["code"], r["unit"], r["value"], r["parent"]) for r in annex["rows"]]
    assert read == [
        ("1", "Cuộc", 3.0, None),
        ("2", "", None, None),
        ("2.1", "Hồ sơ", 100.0, "2"),
        ("2.1.a", "Hồ sơ", 99.0, "2.1"),
        ("2.1.b", "Hồ sơ", 1.0, "2.1"),
    ]
