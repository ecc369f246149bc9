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
