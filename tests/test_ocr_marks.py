"""A text file is told for an OCR dump by the marks Tesseract leaves of a printed grid, even when
its Vietnamese words came out clean (``extract.ocr_marks``), and the pipeline answers "read by
OCR?" once (``SourceInfo.read_by_ocr``). The lines below are real Tesseract ``vie`` output (psm 4)
of a typed score table with a scale column; the typed texts are the samples and a portal export."""

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file
from cchc_extract.reconcile.misread import ocr_read
from extract.base import IngestOptions, ingest
from extract.model import Line
from extract.ocr_marks import (
    OcrMarkSettings,
    laid_out_by_ocr,
    line_marks,
    mid_line_page_breaks,
    ocr_layout_marks,
    printed_page,
    roman_repeats,
    stray_letters,
)
from extract.segment.line_cells import read_line
from extract.segment.scale_lines import is_scale_line, scale_line_text

ROOT = Path(__file__).resolve().parents[1]

# Clean words (the repair takes them for typed text); specks and bars only OCR writes.
CLEAN_VIE_DUMP = """ỦY BAN NHÂN DÂN XÃ HÒA AN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

Số: 145/BC-UBND Hòa An, ngày 9 tháng 2 năm 2014

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2013 của UBND xã Hòa An

STT Lĩnh vực/Tiêu chí/Tiêu chí thành phần Cách tính điểm ˆ Thang Điểm | Giải trình .
: điểm UBND
xã tự
chấm
1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC_ | 10 7,75
1.1 | Kế hoạch CCHC năm 5 2,75
1.1.1 | Ban hành kế hoạch CCHC năm : + Ban hành kịp thời: 1 1 0
: ' + Ban hành không kịp thời: 0,5
h + Không ban hành: 0
1.1.2 | Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực 2 2
1.1.3 | Các kết quả phải đạt được xác định rõ ràng, cụ + Đạt yêu cầu: 1 1 0,25 - | Tỷ lệ đạt 65%
1.1.4 | Mức độ thực hiện kế hoạch CCHC 2 2
"""


def _line(text: str) -> Line:
    return Line(text=text, page=1, number=1)


def test_specks_and_partial_bars_are_ocr_marks():
    assert line_marks(_line(": : : chấm")) == 3
    assert line_marks(_line("- Lưu: VF, VP. ˆ ^ 4")) == 2  # lone spacing accents
    assert line_marks(_line("1.1 | Kế hoạch CCHC năm 5 4 3,5")) == 1  # a bar after the code, none between figures
    assert line_marks(_line("|__1. | Công tác chỉ đạo")) >= 1  # a speck stuck to the code
    # What typed text prints: bullets, dashes, dot leaders, rules, a sloppy "Số :", an export's bars.
    for typed in (
        "- UBND huyện (b/c);",
        "Độc lập - Tự do - Hạnh phúc",
        "Số : 123/BC-UBND ……………",
        "________________",
        "1. | Công tác chỉ đạo | 10 | 10 | Không |",
        "(1) (2) (3) (4)",
        "+ Ban hành kịp thời: 1",
    ):
        assert line_marks(_line(typed)) == 0, typed


def test_clean_vietnamese_dump_is_read_by_ocr(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(CLEAN_VIE_DUMP, encoding="utf-8")
    doc = ingest(path, IngestOptions())
    assert ocr_layout_marks(doc) >= 3 and laid_out_by_ocr(doc)
    result = convert_file(path)
    assert result.source.text_damage == ""  # the words are clean ...
    assert result.source.read_by_ocr is True and ocr_read(result)  # ... the layout is OCR's
    assert result.errors == []


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "samples").glob("00[0124]_*.txt")))
def test_typed_samples_show_no_ocr_marks(name):
    path = ROOT / "samples" / name
    assert ocr_layout_marks(ingest(path, IngestOptions())) == 0
    assert convert_file(path).source.read_by_ocr is False


def test_ocr_dump_sample_is_judged_once():
    result = convert_file(ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt")
    assert result.source.read_by_ocr is True
    # the answer recorded is the one every later stage gets, whatever the rows say after
    result.source.read_by_ocr = False
    assert not ocr_read(result)


def test_scale_item_value_before_the_points_is_no_cell():
    cells = read_line(_line("1.1.1 | Ban hành kế hoạch CCHC năm : + Ban hành kịp thời: 1 1 0"), False)
    assert (cells.code, cells.max_raw, cells.self_raw) == ("1.1.1", "1", "0")
    cells = read_line(_line("1.1.3 | Các kết quả phải đạt, cụ + Đạt yêu cầu: 1 1 0,25 - | Tỷ lệ đạt 65%"), False)
    assert (cells.max_raw, cells.self_raw) == ("1", "0,25")
    # a colon OCR glued to the name, fewer figures after it than columns: the figures are cells
    cells = read_line(_line("3. Cải cách thủ tục hành chính: 14,5 14"), False)
    assert (cells.max_raw, cells.self_raw) == ("14,5", "14")


def test_scale_line_with_a_stray_letter_before_its_bullet():
    assert is_scale_line("h + Không ban hành: 0") and scale_line_text("h + Không ban hành: 0") == "Không ban hành: 0"
    assert not is_scale_line("Tổng cộng 10 7,25")


# Real Tesseract ``eng`` output (psm 3) of an unruled landscape table: page 2 opens with the
# repeated header, then a row whose name has header words ("nội dung") and no figures.
PAGE_TOP_ROW_DUMP = """STT Tiéu chi danh gia Tai liéu kiém chitng Diém Tw
chuan cham
Tong cong 10 7,75
I. CAC NHIEM VU CAI CACH HANH CHiNH 5 4,5
TRONG TAM
1. Ké hoach CCHC nam 5 4,5
a) Ban hanh ké hoach CCHC nam Quyét dinh s6 207/QD-UBND ngay 1 0,5
19/5/2013
b) Xac dinh day dt cac nhiém vu CCHC trén cac linh vuc 1 1
theo ké hoach nam cia UBND tinh va b6 tri kinh phi thc
hién
C) Cac két qua phai dat du¢c xac dinh r6 rang, cu thé va dinh + Da ban hanh dung thoi gian quy 1 1
r6 trach nhiém trién khai cua phong, ban, don vi trutc dinh
thudc
d) Mitc do thu hién ké hoach CCHC Cong van s6 43/CV-VP ngay 2 2
18/06/2013
I. CAC NHIEM VU CON LAI 5 3,25,
1. Bao cao CCHC 2 0,5
a) Tat ca bao cao duc giti ding thoi gian quy dinh (bao cao ~=— Cong van so 244/CV-UBND ngay 1 0,25

qui I, qui III, bao cao 6 thang va bao cao nam) 08/03/2013STT Tiéu chi danh gia
b) Tat ca bao céo cé day du ndi dung theo hudéng dan

2. Kiém tra cong tac CCHC

"""


def test_row_under_a_repeated_header_at_a_page_top_is_read(tmp_path):
    path = tmp_path / "bang-diem.txt"
    path.write_text(PAGE_TOP_ROW_DUMP, encoding="utf-8")
    rows = [row for table in convert_file(path).score_tables for row in table.rows]
    assert [row.code_raw for row in rows if row.name.startswith("Tất cả báo cáo có")] == ["b)"]


def test_a_broken_document_number_rest_opens_an_explanation_not_a_row():
    from extract.segment.line_split import opens_explanation

    assert opens_explanation([("UBND", "UBND"), ("ngày", "ngày"), ("12/09/2013;", "12/09/2013;")])
    assert not opens_explanation([("Xác", "Xác"), ("định", "định"), ("đầy", "đầy")])
    assert not opens_explanation([("CÔNG", "CÔNG"), ("TÁC", "TÁC")])


def test_a_typed_range_tilde_is_no_mark():
    assert line_marks(_line("- Thực hiện từ 70% ~ 90% kế hoạch: 1")) == 0
    assert line_marks(_line("~ TT Đảng ủy, HĐND xã (b/c);")) == 1  # a speck opening the line


# Real Tesseract ``vie`` output (psm 4) of an unruled typed table with two roman parts: clean
# words, one speck ("_ Chủ tịch"), no bars; part II printed as "I." (a stroke lost).
CLEAN_PAGE_DUMP = (
    ROOT / "tests" / "data" / "dumps_misread" / "s278-d06-i2-f10-i2-unruled-total-last-vie-psm4-200dpi.txt"
)


def _text_page_lines(path: Path) -> list[Line]:
    return [line for page in ingest(path, IngestOptions()).pages if page.method == "text" for line in page.lines]


def test_a_printed_pages_lines_with_one_mark_say_ocr():
    doc = ingest(CLEAN_PAGE_DUMP, IngestOptions())
    lines = _text_page_lines(CLEAN_PAGE_DUMP)
    assert ocr_layout_marks(doc) < OcrMarkSettings().min_marks  # too few marks alone ...
    assert printed_page(lines) and roman_repeats(lines) == 1  # ... on a printed page's lines
    assert laid_out_by_ocr(doc)
    # the same lines joined into paragraphs, as a typed export writes them, are no printed page
    opening = next(k for k, line in enumerate(lines) if line.text.startswith("Thực hiện"))
    paragraph = " ".join(line.text for line in lines[opening : opening + 3])
    joined = [*lines[:opening], Line(text=paragraph, page=1, number=1), *lines[opening + 3 :]]
    assert not printed_page(joined)


def test_signs_of_a_printed_page_that_typed_text_has_not():
    assert stray_letters(_line("- TT Đảng ủy, HĐND xã (b/c); l")) == 1  # a rule read as "l"
    assert stray_letters(_line("a) Ban hành kế hoạch: x y tế ạ")) == 0  # items, ticks, words
    assert line_marks(_line("€) Các kết quả phải đạt được")) == 1  # c) read as a symbol
    assert line_marks(_line("*) Ghi chú: điểm thưởng")) == 0  # a footnote's mark is typed
    parts = [_line("I. Phần một 10 9"), _line("1. Công tác 10 9"), _line("II. Phần hai 5 5")]
    assert roman_repeats(parts) == 0
    assert roman_repeats([*parts, _line("I. KẾT QUẢ KHÁC 3 3"), _line("I. Lại 1 1")]) == 1


@pytest.mark.parametrize("name", sorted(p.name for p in (ROOT / "samples").glob("00[0124]_*.txt")))
def test_typed_samples_are_no_printed_page(name):
    # one line per paragraph: typed exports print lines longer than a page holds
    assert not printed_page(_text_page_lines(ROOT / "samples" / name))


def test_a_page_break_mid_line_is_tesseracts(tmp_path):
    body = "\n".join(f"{k}. Tiêu chí số {k} 2 1" for k in range(1, 6))
    ocr = tmp_path / "ocr.txt"
    ocr.write_text(body + "\nBáo cáo số 12/BC-UBND\fTT Tiêu chí Điểm\n" + body, encoding="utf-8")
    typed = tmp_path / "typed.txt"
    typed.write_text(body + "\nBáo cáo số 12/BC-UBND\n\fTT Tiêu chí Điểm\n" + body, encoding="utf-8")
    assert mid_line_page_breaks(ingest(ocr, IngestOptions())) == 1
    assert mid_line_page_breaks(ingest(typed, IngestOptions())) == 0
