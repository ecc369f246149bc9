"""The repair reads ư with its tone as a Latin-only OCR writes it in two glyphs ("chivc" =
"chức", "ctva" = "cửa", "stv" = "sử") or as a "v" closing a word ("xv" = "xử", "dv" = "dự": no
Vietnamese syllable ends in "v").

The lines are criterion names as Tesseract's English model wrote them in the OCR dumps of the
generated corpus (spent seed 18001: D26, D29); each expected line is the name in the
generator's truth file for that row."""

from __future__ import annotations

import pytest

from normalize.vietnamese import repair_text


@pytest.mark.parametrize(
    "line, truth",
    [
        # d26-i1 row 5.1
        ("B6 tri can bd, cong chivc theo vi tri viéc lam", "Bố trí cán bộ, công chức theo vị trí việc làm"),
        # d26-i1 row 6.3
        ("Quan ly, stv dung tai san cng", "Quản lý, sử dụng tài sản công"),
        # d26-i1 row 8.3
        (
            "Sw hai long vé cong chivc truc tiép gidi quyét cong viéc",
            "Sự hài lòng về công chức trực tiếp giải quyết công việc",
        ),
    ],
)
def test_horn_read_as_two_glyphs_or_a_closing_v(line, truth):
    assert repair_text(line) == truth


def test_xu_read_with_its_horn_as_a_closing_v():
    # d29-i1 row 3.3 (its last words "t6 chifc" are left: "if" is not read as ư yet)
    line = "Tiép nhan, xv ly phan anh, kién nghi ctia ca nhan, t6 chifc"
    assert repair_text(line).startswith("Tiếp nhận, xử lý phản ánh, kiến nghị của cá nhân,")


def test_cua_read_with_its_horn_as_tv():
    # d29-i1 row 3.1: "một ctva" is "một cửa" (the "thai" OCR made of "thủ" is another damage)
    assert repair_text("Cong khai thai tuc hanh chinh tai B6 phan mot ctva").endswith("tại Bộ phận một cửa")


def test_a_valid_syllable_or_an_abbreviation_is_not_reread():
    # a word that is a syllable as written keeps it; capitals abbreviations stay
    assert repair_text("Tham dự hội nghị trực tuyến về TTHC") == "Tham dự hội nghị trực tuyến về TTHC"
