"""A speck OCR reads as a spacing accent ("ˆ") is paper dust, not a column of a borderless table
(seed 72's S02: the speck made a column of its own under "số" of a "Mã số" header, which took
the codes' place, and every code of the table was inferred)."""

from extract.model import Word
from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings

ROWS = [
    ("I", "KẾT QUẢ THỰC HIỆN NHIỆM VỤ", "45,5", "45,25"),
    ("1", "Công tác chỉ đạo điều hành", "10", "9,75"),
    ("2", "Xây dựng văn bản pháp luật", "10", "10"),
    ("3", "Cải cách thủ tục hành chính", "14,5", "14,5"),
    ("4", "Cải cách tổ chức bộ máy", "11", "11"),
    ("II", "KẾT QUẢ NHIỆM VỤ KHÁC", "54,5", "37,75"),
    ("1", "Cải cách tài chính công", "7", "7"),
    ("2", "Hiện đại hóa hành chính", "16", "15,75"),
]


def _words(text: str, x: float, top: float) -> list[Word]:
    out = []
    for token in text.split():
        out.append(Word(token, (x, top, x + 14 * len(token), top + 30), 90.0))
        x += 14 * len(token) + 12
    return out


def test_a_speck_read_as_an_accent_is_no_column():
    words = _words("Mã", 40, 100) + _words("số", 110, 100) + _words("Tiêu chí", 300, 100)
    words += _words("Điểm tối đa", 1000, 100) + _words("Điểm tự chấm", 1300, 100)
    for k, (code, name, top_points, self_points) in enumerate(ROWS):
        top = 160 + 60 * k
        words += _words(code, 50, top) + _words(name, 300, top)
        words += _words(top_points, 1050, top) + _words(self_points, 1350, top)
        if k == 0:
            words += _words("ˆ", 125, top)  # the speck, under "số"
    found = unruled_ocr_tables(words, 1, OcrSettings())
    assert len(found) == 1
    rows = found[0][0].text_rows()
    assert [r[0] for r in rows[1:]] == [code for code, *_ in ROWS]
    assert all("ˆ" not in cell for r in rows for cell in r)
