"""Score tables with no maximum column, each maximum written in the criterion's name cell ("Cải cách
thủ tục hành chính (14,5 điểm)"), as real DOCX files: the maximum is read from the name and cut out of
it, the total's from its label, so the table's sums and self ≤ max are checked; a table that prints a
maximum column keeps its names' words, and a criterion's wording that speaks of points is no maximum."""

from pathlib import Path

import docx
import pytest

import cchc_extract
from extract.segment.max_in_name import cell_maximum, name_maximum
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx


def _convert(path: Path, rows: list[tuple[str, ...]]):
    return cchc_extract.convert(plain_docx(path, SCORE_REPORT_HEAD, rows, CLOSE + ("Nguyễn Văn An",)))


def _read(result) -> list[tuple]:
    return [
        (r["code"], r["name"], r["max_points"], r["self_points"])
        for t in result.data["score_tables"]
        for r in t["rows"]
    ]


# The criteria's names the DOCX tables below print, each with its maximum in some wording.
NAMES = (
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính"),
    ("1.1", "Kế hoạch cải cách hành chính năm"),
    ("1.2", "Báo cáo cải cách hành chính định kỳ"),
    ("2", "Cải cách thủ tục hành chính"),
    ("2.1", "Công khai thủ tục hành chính"),
    ("2.2", "Giải quyết hồ sơ đúng hạn"),
)


def _expected(maxima: tuple[float, ...], scores: tuple[float, ...]) -> list[tuple]:
    return [(code, name, float(m), float(s)) for (code, name), m, s in zip(NAMES, maxima, scores)]


@pytest.mark.parametrize(
    ("text", "name", "figure"),
    [
        ("Cải cách thủ tục hành chính (14,5 điểm)", "Cải cách thủ tục hành chính", "14,5"),
        ("Báo cáo CCHC (tối đa 2 điểm)", "Báo cáo CCHC", "2"),
        ("Báo cáo CCHC (Tối đa: 2 điểm)", "Báo cáo CCHC", "2"),
        ("Báo cáo CCHC (điểm tối đa 2)", "Báo cáo CCHC", "2"),
        ("Báo cáo CCHC (2đ)", "Báo cáo CCHC", "2"),
        ("Báo cáo CCHC [2 điểm]", "Báo cáo CCHC", "2"),
        ("Báo cáo CCHC - 2 điểm", "Báo cáo CCHC", "2"),
        ("Cai cach thu tuc hanh chinh (14,5 diém)", "Cai cach thu tuc hanh chinh", "14,5"),  # OCR, diacritics lost
        ("Tổng số điểm (70,5 điểm)", "Tổng số điểm", "70,5"),
    ],
)
def test_maximum_closing_a_name_is_read(text: str, name: str, figure: str):
    assert name_maximum(text) == (name, figure)


@pytest.mark.parametrize(
    "text",
    [
        "Có sáng kiến đạt 2 điểm trở lên",  # points spoken of inside the wording
        "Tỷ lệ hồ sơ đúng hạn (đạt 2 điểm)",  # not said to be the maximum, no bare figure
        "Hoàn thành đúng hạn: 2 điểm",  # a scale line's wording
        "Kiểm tra công tác CCHC (2)",  # a bracketed figure with no unit
    ],
)
def test_points_in_a_wording_are_no_maximum(text: str):
    assert name_maximum(text) is None


def test_maximum_on_a_line_of_its_own_or_wrapped():
    assert cell_maximum("Báo cáo CCHC (2 điểm)", ["Báo cáo CCHC", "(2 điểm)"]) == (
        "Báo cáo CCHC",
        ["Báo cáo CCHC"],
        "2",
    )
    # a mention the line break cut ("(tối đa" / "2 điểm)") is read whole from the cell
    wrapped = cell_maximum("Báo cáo CCHC (tối đa 2 điểm)", ["Báo cáo CCHC (tối đa", "2 điểm)"])
    assert wrapped == ("Báo cáo CCHC", ["Báo cáo CCHC"], "2")
    # scale lines under a name whose first line closes on its maximum
    scaled = cell_maximum("Báo cáo CCHC (2 điểm) - Đủ: 2 điểm", ["Báo cáo CCHC (2 điểm)", "- Đủ: 2 điểm"])
    assert scaled == ("Báo cáo CCHC - Đủ: 2 điểm", ["Báo cáo CCHC", "- Đủ: 2 điểm"], "2")


def test_score_table_with_maxima_in_names_is_read_and_checked(tmp_path: Path):
    rows = [
        ("TT", "Tiêu chí, tiêu chí thành phần", "Điểm UBND xã tự chấm", "Tài liệu kiểm chứng"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính (tối đa 6 điểm)", "5", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm (tối đa 3 điểm)", "3", "Kế hoạch số 12/KH-UBND"),
        ("1.2", "Báo cáo cải cách hành chính định kỳ (tối đa 3 điểm)", "2", ""),
        ("2", "Cải cách thủ tục hành chính (tối đa 4 điểm)", "4,5", ""),  # self above its maximum
        ("2.1", "Công khai thủ tục hành chính (tối đa 2 điểm)", "2", ""),
        ("2.2", "Giải quyết hồ sơ đúng hạn (tối đa 2 điểm)", "2,5", ""),
        ("", "Tổng số điểm (tối đa 10 điểm)", "9,5", ""),
    ]
    result = _convert(tmp_path / "max_in_name.docx", rows)
    assert _read(result) == _expected((6, 3, 3, 4, 2, 2), (5, 3, 2, 4.5, 2, 2.5))
    table = result.data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (10.0, 9.5)
    over = {c.get("code") for c in result.data["checks"] if c.get("status") == "mismatch"}
    assert {"2", "2.2"} <= over  # self > max is told on the rows the maximum was read for
    assert result.data["unread"] == []


def test_names_keep_their_points_where_a_maximum_column_is_printed(tmp_path: Path):
    rows = [
        ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"),
        ("1", "Sáng kiến cải cách hành chính (2 điểm)", "3", "3", ""),
        ("1.1", "Có sáng kiến được công nhận (2 điểm)", "2", "2", ""),
        ("1.2", "Áp dụng sáng kiến (1 điểm)", "1", "1", ""),
    ]
    result = _convert(tmp_path / "max_column.docx", rows)
    assert _read(result) == [
        ("1", "Sáng kiến cải cách hành chính (2 điểm)", 3.0, 3.0),
        ("1.1", "Có sáng kiến được công nhận (2 điểm)", 2.0, 2.0),
        ("1.2", "Áp dụng sáng kiến (1 điểm)", 1.0, 1.0),
    ]


def test_maxima_in_the_wordings_real_documents_vary(tmp_path: Path):
    """ "(Tối đa: 6 điểm)" on a line of its own, "[3đ]" before the scale lines, "- 3 điểm",
    "(điểm tối đa 4)", "2 điểm" alone under the name, "(2đ)", the total's "(10 điểm)"."""
    rows = [
        ("STT", "Nội dung đánh giá", "Điểm tự chấm", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính\n(Tối đa: 6 điểm)", "5", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm [3đ]\n- Ban hành đúng hạn: 3 điểm\n- Ban hành chậm: 1 điểm", "3", ""),
        ("1.2", "Báo cáo cải cách hành chính định kỳ - 3 điểm", "2", ""),
        ("2", "Cải cách thủ tục hành chính (điểm tối đa 4)", "4", ""),
        ("2.1", "Công khai thủ tục hành chính\n2 điểm", "2", ""),
        ("2.2", "Giải quyết hồ sơ đúng hạn (2đ)", "2", ""),
        ("", "Tổng cộng (10 điểm)", "9", ""),
    ]
    result = _convert(tmp_path / "wordings.docx", rows)
    assert _read(result) == _expected((6, 3, 3, 4, 2, 2), (5, 3, 2, 4, 2, 2))
    scale = result.data["score_tables"][0]["rows"][1]["scale"]
    assert scale == ["Ban hành đúng hạn: 3 điểm", "Ban hành chậm: 1 điểm"]
    assert result.data["score_tables"][0]["stated_total_max"] == 10.0


# A dump's head (the header's "Điểm tự chấm" wrapped) and close, around each table below.
DUMP_HEAD = """UBND XA HAI DINH CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phuc

So: 74/BC-UBND Hai Dinh, ngay 23 thang 02 nam 2024

BAO CAO
Tu danh gia, cham diem xac dinh Chi so cai cach hanh chinh nam 2023

TT Linh vuc, tieu chi Diem tu Tai lieu kiem chung
cham
"""
DUMP = (
    DUMP_HEAD
    + """1. Cong tac chi dao, dieu hanh cai cach hanh chinh 9,75 Thong bao so 254/TB-
(10 diem) UBND ngay
15/7/2023
2. Xay dung va to chuc thuc hien van ban quy 10 Bao cao so 253/BC-
pham phap luat tai tinh (10 diem) UBND ngay
18/05/2023
3. Cai cach thu tuc hanh chinh (14,5 diem) 14,5 Hoan thanh 100% ke
hoach
4. Cai cach to chuc bo may hanh chinh (11 diem) 10,5
5. Xay dung va nang cao chat luong doi ngu can bo, cong chuc (16 diem)
Tong so diem (61,5 diem) 44,75
Noi nhan: TM. UY BAN NHAN DAN
- Luu: VT, VP. CHU TICH

Bui Thanh Loc
"""
)


def test_dump_reads_the_maximum_from_the_name_lines(tmp_path: Path):
    """An OCR dump of such a table: the mention after the name, or on the wrapped name's next
    line, is the row's maximum, the one figure its self points (not the maximum)."""
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    result = cchc_extract.convert(path)
    read = [(code, mx, sf) for code, _name, mx, sf in _read(result)]
    assert read == [("1", 10.0, 9.75), ("2", 10.0, 10.0), ("3", 14.5, 14.5), ("4", 11.0, 10.5), ("5", 16.0, None)]
    table = result.data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (61.5, 44.75)


def test_total_label_merged_across_the_code_and_name_columns(tmp_path: Path):
    """ "Tổng cộng (10 điểm)" in a cell spanning STT and the name: the total's maximum, no row."""
    rows = [
        ("STT", "Nội dung đánh giá", "Điểm tự chấm", "Ghi chú"),
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính (6 điểm)", "5", ""),
        ("1.1", "Kế hoạch cải cách hành chính năm (3 điểm)", "3", ""),
        ("1.2", "Báo cáo cải cách hành chính định kỳ (3 điểm)", "2", ""),
        ("2", "Cải cách thủ tục hành chính (4 điểm)", "4", ""),
        ("Tổng cộng (10 điểm)", "", "9", ""),
    ]
    document = docx.Document()
    for text in SCORE_REPORT_HEAD:
        document.add_paragraph(text)
    table = document.add_table(rows=0, cols=4)
    table.style = "Table Grid"
    for row in rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
        if row[0].startswith("Tổng"):
            cells[0].merge(cells[1]).text = row[0]
    for text in CLOSE:
        document.add_paragraph(text)
    document.save(str(tmp_path / "merged_total.docx"))
    result = cchc_extract.convert(tmp_path / "merged_total.docx")
    assert [(code, mx, sf) for code, _, mx, sf in _read(result)] == [
        ("1", 6.0, 5.0),
        ("1.1", 3.0, 3.0),
        ("1.2", 3.0, 2.0),
        ("2", 4.0, 4.0),
    ]
    table_read = result.data["score_tables"][0]
    assert (table_read["stated_total_max"], table_read["stated_total_self"]) == (10.0, 9.0)


# The "(tối đa 2 điểm)" wording as OCR and the line break leave it: cut between two lines ("(toi da
# 9,75 …" / "10 diem) UBND"), its diacritics garbled ("t6i da"), on the total's line too.
DUMP_CUT = (
    DUMP_HEAD
    + """1. Cong tac chi dao, dieu hanh cai cach hanh chinh (toi da 9,75 Thong bao so 254/TB-
10 diem) UBND ngay
15/7/2023
2. Xay dung va to chuc thuc hien van ban quy 10 Bao cao so 253/BC-
pham phap luat tai tinh (tối đa 10 diem) UBND ngay
18/05/2023
3. Cai cach thu tuc hanh chinh (t6i da 14,5 diém) 14,5 Hoan thanh 100% ke
hoach
4. Cai cach to chuc bo may hanh chinh (toi da 11 10,5
diem)
Tong so diem (toi da 45,5 diem) 44,75
Noi nhan: TM. UY BAN NHAN DAN
- Luu: VT, VP. CHU TICH

Bui Thanh Loc
"""
)


def test_dump_reads_a_maximum_the_line_break_cut(tmp_path: Path):
    path = tmp_path / "dump_cut.txt"
    path.write_text(DUMP_CUT, encoding="utf-8")
    result = cchc_extract.convert(path)
    read = [(code, mx, sf) for code, _name, mx, sf in _read(result)]
    assert read == [("1", 10.0, 9.75), ("2", 10.0, 10.0), ("3", 14.5, 14.5), ("4", 11.0, 10.5)]
    table = result.data["score_tables"][0]
    assert (table["stated_total_max"], table["stated_total_self"]) == (45.5, 44.75)
