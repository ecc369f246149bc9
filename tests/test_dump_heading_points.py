"""A field heading across a dump's score table, its points said in a bracket ("2. Xây dựng … (tối
đa 8 điểm, tự chấm 6,5" / "điểm)"), is read as the field's row: its code, its name without the
bracket's words, its maximum and self points (``extract.segment.heading_points_lines``). Before,
the bracket's words stayed in the name ("Cải cách thủ tục hành chính (t6i đã 18 điểm, tự chấm
14,5 điểm)") and its first figure was read as the maximum where the bracket wrapped (8 read 6,5).

The dump is Tesseract's English text of a generated document (spent seed 18001, D29 i1); the
values asserted are the generator's truth file's."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import Line
from extract.segment.heading_points_lines import field_points_into_lines

DATA = Path(__file__).parent / "data" / "heading_points_lines"


def _fields() -> dict[str, dict]:
    result = result_to_json(convert_file(DATA / "field-headings-s18001-d29-i1.txt"))
    return {str(r["code"]): r for t in result["score_tables"] for r in t["rows"] if "." not in str(r["code"])}


def test_field_headings_read_as_rows_with_their_points() -> None:
    fields = _fields()
    # (truth: max, self of each field; field 4's code OCR read "4," is no heading's code)
    truth = {"1": (12, 8.25), "2": (8, 6.5), "3": (18, 14.5), "5": (10, 6), "6": (7, 3)}
    for code, (most, own) in truth.items():
        assert (fields[code]["max_points"], fields[code]["self_points"]) == (most, own), code
    assert fields["1"]["name"] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert fields["3"]["name"] == "Cải cách thủ tục hành chính"
    assert fields["6"]["name"] == "Cải cách tài chính công"
    for code in truth:
        assert "(" not in fields[code]["name"] and "điểm" not in fields[code]["name"], code


def _line(text: str, number: int) -> Line:
    return Line(text=text, page=1, number=number)


def test_a_wrapped_bracket_is_closed_from_the_next_line() -> None:
    lines = [
        _line("2. Xay dung va to chuc thuc hien van ban (t6i da 8 diém, tu cham 6,5", 30),
        _line("diém)", 31),
        _line("2.1 | Ban hanh van ban quy pham phap luat 3 1,5 Ké hoach s6 73/KH-", 33),
    ]
    out = field_points_into_lines(lines)
    assert [ln.text for ln in out] == [
        "2. Xay dung va to chuc thuc hien van ban 8 6,5",
        "2.1 | Ban hanh van ban quy pham phap luat 3 1,5 Ké hoach s6 73/KH-",
    ]


def test_a_name_printing_its_own_figures_or_no_code_is_left() -> None:
    lines = [
        _line("2. Xay dung van ban 8 6,5 (t6i da 8 diém, tu cham 6,5 diém)", 1),
        _line("Ket qua cham diem (tối đa 100 điểm, tự chấm 90 điểm)", 2),
    ]
    assert field_points_into_lines(lines) == lines
