"""Tables typed as lines at tab stops or wide gaps, with no table (extract/segment/tab_tables.py):
a run under a header whose labels the grid readers' dictionaries know (any wording, any order) is
read as a grid, by the whole pipeline, from real DOCX and text files; names broken by hand are
one row's; a run recognised but not read is told unread; prose and a header block typed with
tabs stay lines."""

from __future__ import annotations

from pathlib import Path

import docx

from cchc_extract.pipeline import convert_file
from extract.base import ingest
from extract.model import Table
from extract.segment.tab_tables import TYPED_COLUMNS, typed_tables

# A plan's score table typed as lines (the criteria of the Ministry's set, the figures as the
# generator's N24 prints them): code, name broken by hand (a line break, no tab), max, points.
PLAN_ROWS = [
    "1.\tCông tác chỉ đạo, điều hành cải cách hành\nchính\t7\t5",
    "1.1\tKế hoạch cải cách hành chính năm\t3\t1,5",
    "1.2\tThực hiện chế độ báo cáo cải cách hành\nchính định kỳ\t2\t1,5",
    "1.3\tCông tác tuyên truyền cải cách hành chính\t2\t2",
    "2.\tCải cách thủ tục hành chính\t8\t7",
    "2.1\tCông khai thủ tục hành chính tại Bộ phận\nmột cửa\t3\t2",
    "2.2\tTiếp nhận, xử lý phản ánh, kiến nghị của\ncá nhân, tổ chức\t5\t5",
    "\tTỔNG ĐIỂM\t15\t12",
]
WANT = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 7.0, 5.0),
    ("1.1", "Kế hoạch cải cách hành chính năm", 3.0, 1.5),
    ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", 2.0, 1.5),
    ("1.3", "Công tác tuyên truyền cải cách hành chính", 2.0, 2.0),
    ("2", "Cải cách thủ tục hành chính", 8.0, 7.0),
    ("2.1", "Công khai thủ tục hành chính tại Bộ phận một cửa", 3.0, 2.0),
    ("2.2", "Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân, tổ chức", 5.0, 5.0),
]
# The first rows again, as a dotted tab table prints them: a name broken over lines, the figures
# after its last line (where the leader of dots runs up to them).
DOTTED = [
    "1.\tCông tác chỉ đạo, điều hành cải cách hành\nchính\t7\t5",
    "1.1\tKế hoạch cải cách\nhành chính\nnăm\t3\t1,5",
    "1.2\tThực hiện chế độ báo cáo cải cách hành\nchính định kỳ\t2\t1,5",
    "1.3\tCông tác tuyên truyền cải cách hành chính\t2\t2",
]


def _plan(tmp_path: Path, header: str, rows: list[str], name: str = "plan.docx") -> Path:
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("KẾ HOẠCH")
    document.add_paragraph("Nâng cao Chỉ số cải cách hành chính năm 2025")
    document.add_paragraph(
        "Căn cứ kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024, UBND xã An Bình "
        "ban hành Kế hoạch nâng cao Chỉ số cải cách hành chính năm 2025 như sau:"
    )
    document.add_paragraph(header).runs[0].bold = True
    for row in rows:
        document.add_paragraph(row)
    document.add_paragraph("Nơi nhận:\tTM. ỦY BAN NHÂN DÂN")
    path = tmp_path / name
    document.save(str(path))
    return path


def _rows(result) -> list[tuple]:
    return [(r.code, r.name, r.max_points, r.self_points) for t in result.score_tables for r in t.rows]


def test_a_plans_score_table_typed_at_tab_stops_is_read_whole(tmp_path):
    # ("Tối đa" / "Điểm đạt": the grid's wording of the max and the self points; the line reader's
    # header words named only the max, and its 44 rows were read as none, told nowhere)
    result = convert_file(_plan(tmp_path, "TT\tNội dung\tTối đa\tĐiểm đạt", PLAN_ROWS))
    assert _rows(result) == WANT
    table = result.score_tables[0]
    assert table.read_from == TYPED_COLUMNS
    assert (table.stated_total_max, table.stated_total_self) == (15.0, 12.0)
    assert not result.unread
    assert not [c for c in result.checks if c.status == "mismatch"]
    # each row points at the lines it was typed on, its broken name's included
    first = table.rows[0].source
    assert first.line_end == first.line_start + 1


def test_the_columns_are_the_headers_in_its_order_and_a_blank_cell_is_the_last(tmp_path):
    # (the self points typed before the maximum; 1.2's self points blank)
    swapped = [f"{code}\t{name}\t{_typed(own)}\t{_typed(top)}" for code, name, top, own in WANT[:4]]
    swapped[2] = swapped[2].replace("\t1,5\t", "\t\t")
    result = convert_file(_plan(tmp_path, "STT\tTiêu chí\tĐiểm tự chấm\tĐiểm tối đa", swapped))
    got = [(r.code, r.max_points, r.self_points) for t in result.score_tables for r in t.rows]
    # ("⇥⇥2": the blank self points typed as no piece; the figure left is the first column's)
    assert got == [("1", 7.0, 5.0), ("1.1", 3.0, 1.5), ("1.2", None, 2.0), ("1.3", 2.0, 2.0)]


def _typed(points: float) -> str:
    """Points as a Vietnamese document types them ("1,5", "7")."""
    return f"{points:g}".replace(".", ",")


def test_figures_after_a_broken_names_last_line_are_that_rows(tmp_path):
    result = convert_file(_plan(tmp_path, "TT\tLĩnh vực, tiêu chí\tĐiểm chuẩn\tTự chấm", DOTTED))
    assert _rows(result) == WANT[:4]


def test_space_aligned_text_is_read_as_the_typed_grid(tmp_path):
    lines = ["KẾ HOẠCH", "TT    Nội dung    Tối đa    Điểm đạt"]
    lines += [row.replace("\t", "    ").replace("\n", "\n      ") for row in PLAN_ROWS[:-1]]
    path = tmp_path / "plan.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = convert_file(path)
    assert _rows(result) == WANT


def test_a_tab_separated_text_cut_by_broken_names_is_joined_and_the_signature_stays_one(tmp_path):
    path = tmp_path / "plan.txt"
    body = ["KẾ HOẠCH", "TT\tNội dung\tTối đa\tĐiểm đạt", *PLAN_ROWS, "Nơi nhận:\tTM. ỦY BAN NHÂN DÂN"]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    doc = typed_tables(ingest(path))
    grids = [b for b in doc.blocks() if isinstance(b, Table)]
    assert [(g.source, g.n_rows, g.n_cols) for g in grids] == [(TYPED_COLUMNS, 9, 4)]
    assert doc.pages[0].lines[-1].columns == ["Nơi nhận:", "TM. ỦY BAN NHÂN DÂN"]
    result = convert_file(path)
    assert _rows(result) == WANT
    assert (result.score_tables[0].stated_total_max, result.score_tables[0].stated_total_self) == (15.0, 12.0)


def test_an_annex_typed_at_tab_stops_gives_its_rows(tmp_path):
    document = docx.Document()
    document.add_paragraph("Phụ lục")
    document.add_paragraph("SỐ LIỆU THỐNG KÊ CÔNG TÁC CẢI CÁCH HÀNH CHÍNH NĂM 2024")
    document.add_paragraph("STT\tChỉ tiêu\tĐơn vị tính\tSố lượng")
    for row in (
        "1\tSố thủ tục hành chính được công khai tại Bộ\nphận một cửa\tThủ tục\t215",
        "2\tSố hồ sơ tiếp nhận trong kỳ\tHồ sơ\t1.254",
        "3\tSố hồ sơ giải quyết đúng hạn\tHồ sơ\t1.250",
    ):
        document.add_paragraph(row)
    path = tmp_path / "annex.docx"
    document.save(str(path))
    result = convert_file(path)
    rows = [(r.code, r.indicator, r.unit, r.value) for a in result.statistics for r in a.rows]
    assert rows == [
        ("1", "Số thủ tục hành chính được công khai tại Bộ phận một cửa", "Thủ tục", 215.0),
        ("2", "Số hồ sơ tiếp nhận trong kỳ", "Hồ sơ", 1254.0),
        ("3", "Số hồ sơ giải quyết đúng hạn", "Hồ sơ", 1250.0),
    ]
    assert not result.score_tables


def test_a_typed_table_recognised_but_not_read_is_told_unread(tmp_path):
    path = tmp_path / "plan.txt"
    body = ["KẾ HOẠCH", "TT    Nội dung    Tối đa    Điểm đạt"]
    body += [
        "1.    Công tác chỉ đạo    ??    ??",
        "2.    Cải cách thể chế    ?    ?",
        "3.    Cải cách thủ tục    ??    ?",
    ]
    path.write_text("\n".join(body) + "\n", encoding="utf-8")
    result = convert_file(path)
    assert not _rows(result)
    assert any(p.kind == "table" and p.line_start == 2 for p in result.unread)


def test_prose_and_a_header_block_typed_with_tabs_stay_lines(tmp_path):
    document = docx.Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ AN BÌNH\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM")
    document.add_paragraph("Số: 12/KH-UBND\tAn Bình, ngày 05 tháng 01 năm 2025")
    # a line naming the columns with prose under it: no row typed in its columns
    document.add_paragraph("Tiêu chí\tĐiểm tối đa\tĐiểm tự chấm")
    document.add_paragraph("Năm 2024 xã đạt 85,5 điểm, tăng 2 điểm so với năm trước, xếp thứ 3 của huyện.")
    document.add_paragraph("1. Mục tiêu\tnâng cao chất lượng phục vụ\t2025")
    path = tmp_path / "prose.docx"
    document.save(str(path))
    doc = ingest(path)
    assert typed_tables(doc) is doc
    assert not _rows(convert_file(path))


def test_a_tab_separated_text_whose_broken_names_end_with_the_figures_is_one_rows_each(tmp_path):
    # (LibreOffice's text export of a dotted tab table: every line holds a tab, so the text reader
    # makes one grid of them, a name's last line and its figures a row of three cells)
    every_line_tabbed = [DOTTED[0], PLAN_ROWS[1], *DOTTED[2:]]  # (no name's line without its figures)
    path = tmp_path / "plan.txt"
    path.write_text(
        "\n".join(["KẾ HOẠCH", "TT\tNội dung\tTối đa\tĐiểm đạt", *every_line_tabbed]) + "\n", encoding="utf-8"
    )
    assert [b.source for b in ingest(path).blocks() if isinstance(b, Table)] == ["tsv"]
    assert _rows(convert_file(path)) == WANT[:4]


def test_a_total_typed_with_no_tab_before_its_label_closes_the_table(tmp_path):
    result = convert_file(_plan(tmp_path, "TT\tNội dung\tTối đa\tĐiểm đạt", [*PLAN_ROWS[:-1], "Tổng cộng\t15\t12"]))
    assert _rows(result) == WANT
    assert (result.score_tables[0].stated_total_max, result.score_tables[0].stated_total_self) == (15.0, 12.0)
