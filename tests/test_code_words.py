"""A code column printing a word before each code ("Lĩnh vực 1", "TC1.1", "Tiêu chí 1.2"), as a
real DOCX and its LibreOffice PDF: the codes are what follows the word. Before, no code parsed,
and the table was told unread (not recognised as a score table)."""

import pytest

import cchc_extract
from layout_docs import CLOSE, SCORE_REPORT_HEAD, plain_docx
from metadata_docs import libreoffice_pdfs
from normalize.codes import column_code_words, without_code_word


@pytest.mark.parametrize(
    "cell, code",
    [
        ("TC1.1", "1.1"),
        ("Tiêu chí 1.2", "1.2"),
        ("Tiêu chí thành phần 1.1.2", "1.1.2"),
        ("Lĩnh vực 2", "2"),
        ("Mục II", "II"),
        ("Phần I.", "I."),
        ("1.1", "1.1"),
        ("TC", "TC"),
        ("Tỷ lệ 98%", "Tỷ lệ 98%"),
        ("Tổng cộng", "Tổng cộng"),
    ],
)
def test_the_word_before_a_code_is_dropped(cell, code):
    assert without_code_word(cell) == code


def test_a_score_table_whose_codes_carry_a_word_is_read(tmp_path):
    rows = [
        ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
        ("Lĩnh vực 1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9"),
        ("TC1.1", "Kế hoạch cải cách hành chính năm", "4", "4"),
        ("TC1.2", "Báo cáo cải cách hành chính", "6", "5"),
        ("Lĩnh vực 2", "Cải cách thủ tục hành chính", "12", "11,5"),
        ("TC2.1", "Công khai thủ tục hành chính", "6", "6"),
        ("TC2.2", "Giải quyết hồ sơ đúng hạn", "6", "5,5"),
    ]
    docx = plain_docx(tmp_path / "code_words.docx", SCORE_REPORT_HEAD, rows, CLOSE + ("Nguyễn Văn An",))
    expected = [
        ("1", 10.0, 9.0),
        ("1.1", 4.0, 4.0),
        ("1.2", 6.0, 5.0),
        ("2", 12.0, 11.5),
        ("2.1", 6.0, 6.0),
        ("2.2", 6.0, 5.5),
    ]
    for path in [docx, *libreoffice_pdfs([docx], tmp_path).values()]:
        data = cchc_extract.convert(path).data
        read = [(r["code"], r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]]
        assert read == expected, path.suffix
        assert not data["unread"], path.suffix


def test_a_word_the_column_prints_before_every_code_is_learnt_from_the_column():
    """Words no list holds ("LV", "Nội dung") are the column's when they open two or more of its
    cells before a code; a word one cell prints is that cell's text."""
    cells = ["LV1", "TC1.1", "TC1.2", "LV2", "TC2.1", "Nội dung 1", "Tổng cộng", ""]
    words = column_code_words(cells)
    assert words == {"lv", "tc"}
    assert [without_code_word(c, words) for c in cells[:5]] == ["1", "1.1", "1.2", "2", "2.1"]
    assert without_code_word("Nội dung 1", words) == "Nội dung 1"  # once: the cell's own text
    assert column_code_words(["Nội dung 1", "Nội dung 2", "Nội dung 3"]) == {"noi dung"}
    assert without_code_word("Nội dung 12", frozenset({"noi dung"})) == "12"
    assert column_code_words(["Năm 2024", "Năm 2025", "Tỷ lệ 98%", "Tỷ lệ 99%"]) == frozenset()
    assert column_code_words(["l1", "l2", "I3"]) == frozenset()  # a ruling line OCR read as a letter


@pytest.mark.parametrize(
    "field_word, criterion_word",
    [("LV", "TC"), ("Nội dung ", "Nội dung ")],
)
def test_a_score_table_whose_codes_carry_a_word_no_list_holds_is_read(tmp_path, field_word, criterion_word):
    rows = [
        ("Mã", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"),
        (f"{field_word}1", "Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9"),
        (f"{criterion_word}1.1", "Kế hoạch cải cách hành chính năm", "4", "4"),
        (f"{criterion_word}1.2", "Báo cáo cải cách hành chính", "6", "5"),
        (f"{field_word}2", "Cải cách thủ tục hành chính", "12", "11,5"),
        (f"{criterion_word}2.1", "Công khai thủ tục hành chính", "6", "6"),
        (f"{criterion_word}2.2", "Giải quyết hồ sơ đúng hạn", "6", "5,5"),
    ]
    docx = plain_docx(tmp_path / "column_words.docx", SCORE_REPORT_HEAD, rows, CLOSE + ("Nguyễn Văn An",))
    expected = [("1", 10.0, 9.0), ("1.1", 4.0, 4.0), ("1.2", 6.0, 5.0), ("2", 12.0, 11.5), ("2.1", 6.0, 6.0)]
    expected.append(("2.2", 6.0, 5.5))
    for path in [docx, *libreoffice_pdfs([docx], tmp_path).values()]:
        data = cchc_extract.convert(path).data
        read = [(r["code"], r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]]
        assert read == expected, path.suffix
        assert not data["unread"], path.suffix


@pytest.mark.parametrize(
    "field_word, criterion_word",
    [("Lĩnh vực ", "Tiêu chí "), ("LV", "TC"), ("Nội dung ", "Nội dung ")],
)
def test_a_score_table_whose_names_open_with_a_word_and_a_code_is_read(tmp_path, field_word, criterion_word):
    """No code column: each name's cell opens with the code after a word ("Tiêu chí 1.1. Kế hoạch
    …"), a word of the list or one the column prints before two or more codes. Before, no name
    opened with a code, the rows had none, and the table was told unread."""
    rows = [
        ("Nội dung đánh giá", "Điểm tối đa", "Điểm tự chấm"),
        (f"{field_word}1. Công tác chỉ đạo, điều hành cải cách hành chính", "10", "9"),
        (f"{criterion_word}1.1. Kế hoạch cải cách hành chính năm", "4", "4"),
        (f"{criterion_word}1.2. Báo cáo cải cách hành chính", "6", "5"),
        (f"{field_word}2. Cải cách thủ tục hành chính", "12", "11,5"),
        (f"{criterion_word}2.1. Công khai thủ tục hành chính", "6", "6"),
        (f"{criterion_word}2.2. Giải quyết hồ sơ đúng hạn", "6", "5,5"),
    ]
    docx = plain_docx(tmp_path / "name_words.docx", SCORE_REPORT_HEAD, rows, CLOSE + ("Nguyễn Văn An",))
    expected = [
        ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", 10.0),
        ("1.1", "Kế hoạch cải cách hành chính năm", 4.0),
        ("1.2", "Báo cáo cải cách hành chính", 6.0),
        ("2", "Cải cách thủ tục hành chính", 12.0),
        ("2.1", "Công khai thủ tục hành chính", 6.0),
        ("2.2", "Giải quyết hồ sơ đúng hạn", 6.0),
    ]
    for path in [docx, *libreoffice_pdfs([docx], tmp_path).values()]:
        data = cchc_extract.convert(path).data
        read = [
            (r["code"], r.get("name_raw") or r["name"], r["max_points"])
            for t in data["score_tables"]
            for r in t["rows"]
        ]
        assert read == expected, path.suffix
        assert not data["unread"], path.suffix


def test_a_name_opening_with_no_code_after_its_word_keeps_its_text():
    from extract.segment.grid_codes import split_code

    assert split_code("Mục tiêu 1 của kế hoạch") == ("", "Mục tiêu 1 của kế hoạch")
    assert split_code("LV2. Xây dựng văn bản", frozenset({"lv"})) == ("2.", "Xây dựng văn bản")
    assert split_code("LV2. Xây dựng văn bản") == (
        "",
        "LV2. Xây dựng văn bản",
    )  # a word the column does not print twice
