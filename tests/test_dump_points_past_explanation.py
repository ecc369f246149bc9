"""A score table printing its self points after the explanation column ("STT | Nội dung | Điểm chuẩn |
Thuyết minh kết quả | Điểm tự chấm | Tài liệu kiểm chứng"), read from a text dump (real Tesseract
output of generated reports, their truth beside them): each row's first line prints the maximum, the
explanation's first words, the self score, then the evidence ("10 Thực hiện đầy đủ, 10 Công văn số
199/CV-"). The header names a points column after the explanation (``line_header``'s
``after_explanation``), so the figure past the explanation's words is the self score
(``explanation_between``); before, every row whose explanation was not blank lost its self score, and
one whose explanation began after a figure-like run gave its maximum to the name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from extract.model import Line
from extract.segment.line_header import header_layout

DATA = Path(__file__).parent / "data" / "dumps_between70"


def _printed(path: Path) -> dict[str, tuple[float | None, float | None]]:
    truth = json.loads(path.with_name(path.name + ".truth.json").read_text(encoding="utf-8"))
    return {r["code"]: (r["max_points"], r["self_points"]) for r in truth["score_tables"][0]["rows"]}


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "max_explanation_self_15001.txt",
            {"1": (10.0, 10.0), "2": (10.0, 10.0), "3": (14.5, 13.5), "4": (11.0, 11.0), "5": (16.0, 16.0)},
        ),
        (
            # (row 5's explanation "Quyết định số" wrapped its number: "16 Quyết định số 16 Báo cáo …")
            "max_explanation_self_14001.txt",
            {
                "1": (10.0, 10.0),
                "2": (10.0, 10.0),
                "3": (14.5, 14.25),
                "4": (11.0, 10.0),
                "5": (16.0, 16.0),
                "6": (7.0, 5.5),
                "7": (16.0, 16.0),
                "8": (15.5, None),
            },
        ),
    ],
)
def test_the_self_score_past_the_explanation_is_read(name, expected):
    path = DATA / name
    assert _printed(path) == expected  # the generator's truth
    result = convert_file(path)
    read = {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows}
    assert read == expected


def test_the_header_says_which_points_print_after_the_explanation():
    def layout(*texts: str):
        return header_layout([Line(text=t, page=1, number=k) for k, t in enumerate(texts)])

    between = ("STT | Linh vwe/Tiéu chi | Diém | Thuyét minh két qua | Diém | Tai liéu kiém chitng", "chuan tu cham")
    assert layout(*between).after_explanation == 1
    # (an explanation printed after both points columns, or before them, has none past it)
    assert layout("STT | Nội dung | Điểm tối đa | Điểm tự chấm | Giải trình").after_explanation == 0
    assert layout("STT | Nội dung | Giải trình | Điểm tối đa | Điểm tự chấm").after_explanation == 0
    assert layout("TT Tiéu chi danh gia Thang | Giaitrinh cia UBND | Diém | Van ban kiém ching").after_explanation == 1


def test_an_explanation_label_ocr_glued_still_places_the_self_column():
    # "Thang | Giaitrinh cia UBND | Diém | Van ban kiém ching": the explanation's two words glued
    path = DATA / "glued_label_16147.txt"
    truth = _printed(path)
    assert truth["1"] == (10.0, 9.75) and truth["3"] == (14.5, 14.5)
    result = convert_file(path)
    read = {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows}
    assert read["1"] == (10.0, 9.75) and read["3"] == (14.5, 14.5)
    # (no self score read wrong: a row whose figure the dump lost stays blank)
    assert all(self is None or self == truth[code][1] for code, (_, self) in read.items())


def test_an_explanation_label_glued_to_the_next_word_too_places_the_self_column():
    # "Diém | Giaitrinhcia UBND | Diém | …": "Giải trình của" glued whole; row 1's "Quyết định số 9":
    # the explanation's "số" wrapped its document's number onto the next line, the 9 is the score
    path = DATA / "glued_label_16153.txt"
    expected = {
        "1": (10.0, 9.0),
        "2": (10.0, 9.75),
        "3": (14.5, 13.5),
        "4": (11.0, 11.0),
        "5": (16.0, 15.25),
        "6": (7.0, 7.0),
        "7": (16.0, 16.0),
        "8": (15.5, None),
    }
    assert _printed(path) == expected  # the generator's truth
    result = convert_file(path)
    assert {r.code: (r.max_points, r.self_points) for t in result.score_tables for r in t.rows} == expected
