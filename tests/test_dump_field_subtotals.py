"""A score table whose field rows print no points, each field closed by a subtotal row ("Cộng",
"Cộng lĩnh vực 1", "Cộng mục 1", "Cộng (1)"), read from an OCR text dump (issue 11): the line
reader takes the subtotal by the grammar the typed reader uses (``field_subtotals``), so the
subtotal's figures are its field's and the subtotal is no row of its own, and a bare "Cộng" under
the first field does not end the table as its total. The dumps are text files written here and
run through the whole pipeline; one line is as Tesseract read it from a generated scan (dev seed
4374, N35: "|Cộng | 12 | 775 |")."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.api import convert
from extract.segment.field_subtotals import line_subtotal
from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.score_grid_drafts import grid_drafts
from tests.score_dumps import read_score_dump

HEAD = [
    "UBND XÃ TÂN LẬP",
    "BÁO CÁO KẾT QUẢ TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    "",
    "STT | Tiêu chí đánh giá | Điểm tối đa | Điểm tự đánh giá",
]


@pytest.mark.parametrize(
    ("line", "read"),
    [
        ("|Cộng | 12 | 775 |", (None, ["12", "775"])),
        ("Cộng lĩnh vực 1 | 5 | 4,5", ("1", ["5", "4,5"])),
        ("Cộng mục 2 6 3", ("2", ["6", "3"])),
        ("Cộng (3) | 8 | 7,25", ("3", ["8", "7,25"])),
        ("Cộng 5 4,5", (None, ["5", "4,5"])),  # a bare figure after "Cộng" is a cell, not its number
        ("Tổng cộng | 11 | 7,5", None),
        ("Công tác chỉ đạo, điều hành | 5 | 4", None),
        ("Cộng lĩnh vực 1", ("1", [])),  # names its field: a subtotal, its figures lost
        ("Cộng", None),  # a bare "Cộng" printing nothing: a name's wrapped word ("Công") as well
        ("Cộng đồng dân cư 5 4", None),
        # as Tesseract read a degraded dump's subtotals (dev seed 6221, N35): specks at the words'
        # edges, letters garbled from a figure, and more figures than points columns (past telling)
        ("Cộng lĩnh vực 3 18 14,5-", ("3", ["18", "14,5"])),
        ("_| Cộng lĩnh vực 2ˆ : tằm nã 8 1", ("2", ["8", "1"])),
        ("| Cộng lĩnh vực 8 50] Mãn |", ("8", ["50"])),
        ("Cộng lĩnh vực 7 ` 1H 7 16,5", ("7", [])),
        ("Cộng lĩnh vực 4 giao cho văn phòng 7 3", None),  # words after the label: no subtotal
    ],
)
def test_a_subtotal_line_gives_its_number_and_figures(line, read):
    assert line_subtotal(line.split()) == read


@pytest.mark.parametrize("label", ["Cộng", "Cộng lĩnh vực {n}", "Cộng mục {n}", "Cộng ({n})"])
def test_a_dumps_subtotal_lines_give_their_fields_points(tmp_path: Path, label: str):
    lines = [
        *HEAD,
        "1 | Công tác chỉ đạo, điều hành",
        "1.1 | Kế hoạch cải cách hành chính | 3 | 3",
        "1.2 | Kiểm tra công tác cải cách hành chính | 2 | 1,5",
        f"{label.format(n=1)} | 5 | 4,5",
        "2 | Cải cách thể chế",
        "2.1 | Ban hành văn bản theo thẩm quyền | 2 | 2",
        "2.2 | Rà soát văn bản | 3 | 1",
        f"{label.format(n=2)} | 6 | 3",  # 2 + 3 = 5, not 6: the field's maximum is wrong
        "Tổng cộng | 11 | 7,5",
        "",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
    ]
    path = tmp_path / "subtotals.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = convert(path)
    (table,) = result.to_dict()["score_tables"]
    got = {r["code"]: (r["max_points"], r["self_points"]) for r in table["rows"]}
    assert set(got) == {"1", "1.1", "1.2", "2", "2.1", "2.2"}  # no subtotal read as a criterion
    assert got["1"] == (5, 4.5) and got["2"] == (6, 3)
    assert (table["stated_total_max"], table["stated_total_self"]) == (11, 7.5)  # the grand total's
    assert [(m.kind, m.code) for m in result.mismatches] == [("sum_children", "2")]


def test_a_cong_under_fields_printing_points_is_still_the_tables_total(tmp_path: Path):
    lines = [
        *HEAD,
        "1 | Công tác chỉ đạo, điều hành | 5 | 4,5",
        "1.1 | Kế hoạch cải cách hành chính | 3 | 3",
        "1.2 | Kiểm tra công tác cải cách hành chính | 2 | 1,5",
        "Cộng | 5 | 4,5",
        "",
        "CHỦ TỊCH",
    ]
    path = tmp_path / "total.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (table,) = convert(path).to_dict()["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1", "1.1", "1.2"]
    assert (table["stated_total_max"], table["stated_total_self"]) == (5, 4.5)


def test_a_dumps_subtotal_names_the_field_after_it_whose_code_ocr_lost(tmp_path: Path):
    # As Tesseract read a degraded dump (dev seed 6222, N35): the field row's code a speck ("5š",
    # "ã"), the subtotal's cells with specks ("Cộng mục 1 : 5 4,5 + |"): the row after a subtotal
    # naming field 1 is field 2, and the subtotal is no row and no name's line.
    lines = [
        *HEAD,
        "1 | Công tác chỉ đạo, điều hành",
        "1.1 | Kế hoạch cải cách hành chính | 3 | 3",
        "1.2 | Kiểm tra công tác cải cách hành chính | 2 | 1,5",
        "Cộng mục 1 : 5 4,5 + |",
        "5š Cải cách thể chế",
        "2.1 | Ban hành văn bản theo thẩm quyền | 2 | 2",
        "2.2 | Rà soát văn bản | 3 | 1",
        "; Cộng mục2 ˆ : 5 3 ;",
        "Tổng cộng | 10 | 7,5",
        "",
        "CHỦ TỊCH",
    ]
    out, rows = read_score_dump(tmp_path, "\n".join(lines) + "\n")
    assert len(out["score_tables"]) == 1
    got = {code: (r["max_points"], r["self_points"], r["name"]) for code, (_, r) in rows.items()}
    assert list(got) == ["1", "1.1", "1.2", "2", "2.1", "2.2"]
    assert got["1"][:2] == (5, 4.5) and got["2"][:2] == (5, 3)
    assert got["2"][2] == "Cải cách thể chế" and "Cộng" not in got["2.1"][2]


def test_a_scanned_grids_subtotal_closes_its_field_past_a_code_whose_dot_ocr_lost():
    # The grid rows exactly as Tesseract read a real scan (dev seed 7161, S21 instance 2, the scan
    # of N35; page 2): 7.3's code read "73", one level, which was taken for a field printing its
    # points, so "Cộng lĩnh vực 7" found no open field and field 7's points were lost (told unread).
    # An OCR'd grid's codes lose their dots as a dump's do: the subtotal naming field 7 closes it.
    printed = [
        ("6.", "Cải cách tài chính công", "", ""),
        ("6.3", "Quản lý, sử dụng tài sản công", "2", "0,5"),
        ("", "Cộng lĩnh vực 6", "7", "4,75"),
        ("7.", "Xây dựng chính quyền số, chuyển đổi số", "", ""),
        ("7.1", "Ứng dụng công nghệ thông tin trong hoạt đông của Ủy ban nhân dân xã", "6", "6"),
        ("7.2", "Dịch vụ công trực tuyến", "8", "4"),
        ("73", "Cập nhật thông tin trên Trang thông tin điện tử của xã", "4", "4"),
        ("", "Cộng lĩnh vực 7", "18", "14"),
        ("8.", "Sự hài lòng của người dân đối với sự phục vụ của Ủy ban nhân dân xã", "", ""),
        ("8.1", "Sự hài lòng về tiếp cận dịch vụ", "5", "5"),
        ("", "Cộng lĩnh vực 8", "5", "5"),
    ]
    rows = [
        JoinedRow(cells=list(r), bold=[False] * 4, page=2, line_start=k, line_end=k, fragment=0)
        for k, r in enumerate(printed)
    ]
    header = [["TT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm UBND xã tự chấm"]]
    joined = JoinedTable(header, rows, [2], 4, "ocr-lines", 0, len(rows) - 1, 0)
    drafts = grid_drafts(joined, {"code": 0, "name": 1, "max": 2, "self": 3})[0]
    fields = {d.code: (d.max_raw, d.self_raw) for d in drafts if d.code in ("6.", "7.", "8.")}
    assert fields == {"6.": ("7", "4,75"), "7.": ("18", "14"), "8.": ("5", "5")}
