"""Plans and reports (issue 20) on real generated files: task frameworks (grids and numbered
paragraphs), targets and score statements read from DOCX, text PDFs and text exports, scored against
the generator's own truth (tools/make_corpus.py families P01–P06; benchmarks/plan_scoring.py)."""

import json
from dataclasses import replace
from pathlib import Path

import pytest

from benchmarks.plan_scoring import score_plan
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from corpus_helpers import make_corpus
from extract.model import IngestedDocument
from extract.segment.statements import find_score_statements
from extract.segment.targets import find_targets
from extract.segment.task_line_rows import _row_start as row_start
from extract.segment.task_lines import find_task_lines, header_columns
from extract.segment.task_paragraphs import find_task_paragraphs, parse_task
from extract.segment.task_tables import split_footnote
from extract.segment.task_wording import catalogue_wording, marked_doubles, specks_dropped, year_digits
from extract.text_reader import parse_text

ROOT = Path(__file__).resolve().parents[1]
FAMILIES = "P01,P02,P03,P04"


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("plans"), FAMILIES)


@pytest.mark.needs_libreoffice
@pytest.mark.needs_tesseract  # the generator makes an OCR dump of P02/P04 with Tesseract
@pytest.mark.slow  # corpus-wide/property check: `pytest -m slow`
def test_generated_plans_read_against_truth(corpus):
    docs = json.loads((corpus / "manifest.json").read_text(encoding="utf-8"))["documents"]
    assert {d["format"] for d in docs} >= {"docx", "pdf", "txt"}
    for doc in docs:
        truth = json.loads((corpus / (doc["path"] + ".truth.json")).read_text(encoding="utf-8"))
        output = result_to_json(convert_file(corpus / doc["path"], doc["path"], PipelineOptions()))
        c = score_plan(truth, output)["tally"]
        if doc["variant"] == "ocr-dump":  # OCR text: the grid read from its lines (extract/segment/task_lines)
            assert c["statements_points_right"] >= 0.9 * c["statements"], (doc["path"], c)
            assert c["targets_found"] >= 0.9 * c["targets"], (doc["path"], c)
            assert c["task_found"] >= 0.9 * c["task_rows"], (doc["path"], c)
            continue
        assert c["task_found"] >= 0.95 * c["task_rows"], (doc["path"], c)
        assert c["task_fields_right"] >= 0.95 * c["task_fields"], (doc["path"], c)
        assert c["targets_found"] >= 0.9 * c["targets"], (doc["path"], c)
        assert c["statements_points_right"] == c["statements"], (doc["path"], c)
        mismatched = {ch["code"] for ch in output["checks"] if ch["status"] == "mismatch"}
        planted = {f["code"] for f in truth["faults"] if f["kind"] == "statement_sum"}
        assert planted <= mismatched, doc["path"]
        assert not {ch["code"] for ch in output["checks"] if ch["kind"] == "group_statement"} & (mismatched - planted)


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


def test_task_paragraph_fields_in_any_order():
    got = parse_task(
        "1.2. Rà soát thủ tục hành chính (phối hợp: Các đoàn thể; thời gian: Quý II/2025; chủ trì: Công an xã)."
    )
    assert got == {
        "code": "1.2",
        "task": "Rà soát thủ tục hành chính",
        "coordinator": "Các đoàn thể",
        "deadline": "Quý II/2025",
        "lead": "Công an xã",
    }
    # a speck OCR read after a scanned paragraph's closing bracket is no part of the last field
    assert parse_task("a) Sắp xếp thôn (chủ trì: Công an xã; sản phẩm: Kết quả giải quyết). |")["product"] == (
        "Kết quả giải quyết"
    )
    # a 150-dpi scan's specks inside a label and before its colon, and before an item's number
    got = parse_task("__ 1.1. Rà soát thủ tục. Chủ trì Ì: Phòng Kinh tế. Thời . gian thực hiện: Tháng 04/2024.")
    assert (got["code"], got["lead"], got["deadline"]) == ("1.1", "Phòng Kinh tế", "Tháng 04/2024")
    got = parse_task("4.1. Xây dựng Quy chế. Thời gian: Thường xuyên. Bộ phận chủ. trì: Công an xã.")
    assert (got["deadline"], got["lead"]) == ("Thường xuyên", "Công an xã")
    # one label is a sentence, not a task
    assert parse_task("- Thời gian: theo kế hoạch của huyện.") is None


def test_a_noun_label_whose_colon_ocr_read_as_a_semicolon_still_opens_its_field():
    got = parse_task(
        "- Thực hiện chế độ báo cáo định kỳ; thời gian: Quý III/2023; đơn vị chủ trì: Công chức Tư pháp"
        " - Hộ tịch; đơn vị phối hợp; Các ngành liên quan."
    )
    assert (got["lead"], got["coordinator"]) == ("Công chức Tư pháp - Hộ tịch", "Các ngành liên quan")
    # a bare verb before a semicolon is the sentence's own word: the lead's value keeps it
    got = parse_task("- Rà soát văn bản; thời gian: Quý I/2025; chủ trì: Công an xã, Các đoàn thể phối hợp; Y tế.")
    assert got["lead"] == "Công an xã, Các đoàn thể phối hợp; Y tế" and "coordinator" not in got


def test_a_semicolon_ocr_read_inside_a_task_name_is_its_comma():
    text = (
        "III. NHIỆM VỤ\n4. Cải cách chế độ công vụ\n"
        "a) Kiểm tra việc chấp hành kỷ luật; kỷ cương hành chính (chủ trì: Công an xã; thời gian: Cả năm 2023).\n"
    )
    (table,) = find_task_paragraphs(_doc(text))
    assert table.rows[0].task == "Kiểm tra việc chấp hành kỷ luật, kỷ cương hành chính"


def test_paragraph_tasks_keep_their_section():
    text = "III. NHIỆM VỤ\n2. Cải cách thể chế\na) Rà soát văn bản. Chủ trì: Tư pháp. Thời gian: Tháng 3/2025.\n"
    (table,) = find_task_paragraphs(_doc(text))
    assert table.form == "paragraphs"
    (row,) = table.rows
    assert (row.section, row.section_title, row.lead, row.deadline) == (
        "2",
        "Cải cách thể chế",
        "Tư pháp",
        "Tháng 3/2025",
    )


def test_footnote_markers_come_off():
    assert split_footnote("Công an xã(*)") == ("Công an xã", "(*)")
    assert split_footnote("Văn phòng UBND¹") == ("Văn phòng UBND", "¹")
    assert split_footnote("Quý II/2025") == ("Quý II/2025", None)


def test_targets_comparators_ranges_and_years():
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2025\nI. MỤC TIÊU\n"
        "- Tỷ lệ hồ sơ trực tuyến đạt từ 60% đến 70%.\n"
        "- Mức độ hài lòng đạt trên 90%; tỷ lệ hồ sơ quá hạn dưới 2%.\n"
        "- Tỷ lệ số hóa đạt 60% vào năm 2026, 70% vào năm 2027 và không quá 80% vào năm 2028.\n"
    )
    got = [(t.comparator, t.value, t.value_max, t.year) for t in find_targets(_doc(text))]
    assert got == [
        (">=", 60, 70, 2025),
        (">", 90, None, 2025),
        ("<", 2, None, 2025),
        ("=", 60, None, 2026),
        ("=", 70, None, 2027),
        ("<=", 80, None, 2028),
    ]
    later = find_targets(_doc(text))[4]
    assert later.indicator == "Tỷ lệ số hóa"


def test_a_target_sentence_wrapped_without_a_bullet():
    # A P02 OCR dump (dev seed 179): the item's bullet lost, its figure wrapped onto a line alone
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\n"
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết trước và đúng hạn phấn đấu đạt không dưới\n"
        "97%.\n"
        "Thu ngân sách nhà nước trên địa bàn đạt tối thiểu 8,5 tỷ đồng.\n"
    )
    got = [(t.comparator, t.value, t.year) for t in find_targets(_doc(text))]
    assert got[0] == (">=", 97, 2026)
    assert len(got) == 2


def test_a_per_cent_signs_ring_read_as_a_nine():
    # S05 scans (dev seed 179, --degrade extreme): "85%" read "859%"; a printed 109% stays
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2026\nI. MỤC TIÊU\n"
        "- Tỷ lệ hồ sơ được số hóa đạt tỷ lệ ít nhất 859%.\n"
        "- Thu ngân sách đạt 109% dự toán.\n"
    )
    assert [t.value for t in find_targets(_doc(text))] == [85, 109]


def test_a_heading_ocr_joined_to_its_paragraph():
    # S05 scan (dev seed 179, --degrade extreme): "I. MỤC TIÊU" read ".L MỤC TIÊU ._" and joined
    # to the items under it
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2024\n"
        ".L MỤC TIÊU ._ Tỷ lệ hồ sơ được xử lý trên môi trường mạng đạt tỷ lệ không dưới 85%. "
        "Số cuộc kiểm tra công tác cải cách hành chính là không dưới 04 cuộc.\n"
    )
    assert [(t.comparator, t.value, t.year) for t in find_targets(_doc(text))] == [(">=", 85, 2024), (">=", 4, 2024)]


def test_field_statements_coded_and_wordings():
    text = (
        "Lĩnh vực 3 – Cải cách thủ tục hành chính: đạt 4/5 điểm\n"
        "+ Tiêu chí 3.1. Công khai TTHC: đạt điểm tối đa (2/2 điểm).\n"
        "+ Tiêu chí 3.2. Một cửa: không đạt điểm (0/3), lý do: thiếu hồ sơ.\n"
    )
    got = [(s.kind, s.code, s.points, s.max_points, s.group) for s in find_score_statements(_doc(text))]
    assert got == [("group", "3", 4, 5, None), ("criterion", "3.1", 2, 2, "3"), ("criterion", "3.2", 0, 3, "3")]


# Lines of a real Tesseract dump (vie, psm 4, 300 dpi) of a generated plan's task grid: the columns'
# words side by side, bars where OCR saw the ruling, "L" for the roman "I", the page's footer glued on.
_OCR_GRID = """Các nhiệm vụ khắc phục tiêu chí bị trừ điểm như sau:

T 'Tên nhiệm vụ Bộ phận chủ Bộ phận Thời gian | Sản phẩm đầu | TC
T trì phối hợp hoàn ra
thành
L | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH
1 | Tổ chức hội nghị sơ kết công tác Công chức Các bộ phận | Quý Kế hoạch 1.4
cải cách hành chính 6 tháng đầu Văn hóa - Xã | chuyên môn, | II/2025
năm hội Ban Chỉ đạo
CCHC xã
2 | Xây dựng Kế hoạch tuyên truyền | Công chức Tư | Các ngành Trước ngày | Thông báo 1.6
cải cách hành chính pháp - Hộ tịch | liên quan 08/11/2025
II | CẢI CÁCH THỂ CHẾ
3 | Xây dựng Kế hoạch theo dõi thi Công chức UBMTTQ Quý Hồ sơ lưu trữ 2.4
hành pháp luật trên địa bàn xã Địa chính - Việt Nam TV/2025
Xây dựng xã, Các thôn,
tổ dân phố
Nơi nhận: KT. CHỦ TỊCH
"""


def test_dotted_sections_in_sentence_case_with_ocr_numerals():
    # "I." read "L.", "II." read "TII." (corpus P04 dumps): with the dot, a title in sentence case
    # is a section too
    text = _OCR_GRID.replace("L | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", "L. Công tác chỉ đạo, điều hành")
    text = text.replace("II | CẢI CÁCH THỂ CHẾ", "TII. Cải cách thể chế")
    (table,) = find_task_lines(_doc(text))
    assert [(r.section, r.section_title) for r in table.rows] == [
        ("I", "Công tác chỉ đạo, điều hành"),
        ("I", "Công tác chỉ đạo, điều hành"),
        ("II", "Cải cách thể chế"),
    ]
    assert table.rows[1].task == "Xây dựng Kế hoạch tuyên truyền cải cách hành chính"


def test_section_numeral_with_an_ocr_mark_and_a_speck_before_a_code():
    # "III." read "THỊ." (a P04 dump, dev seed 179): a numeral has no diacritics, the mark is OCR's;
    # the section is the one after the last. A speck before a code ("|} 7.4") is no part of it.
    text = _OCR_GRID_CODES_FIRST.replace("I_| CẢI CÁCH THỂ CHẾ", "I_| CẢI CÁCH THỂ CHẾ".replace("_", ""))
    text = text.replace("2 12.2 Công bố", "THỊ. Cải cách thủ tục hành chính\n2 |} 2.2 Công bố")
    (table,) = find_task_lines(_doc(text))
    assert [(r.section, r.criterion_code) for r in table.rows] == [("I", "2.3"), ("II", "2.2"), ("II", "4.3")]
    assert table.rows[1].section_title == "Cải cách thủ tục hành chính"
    assert table.rows[0].task == "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"


def test_a_fixed_terms_marks_come_from_the_catalogue():
    # Tesseract reads the printed "Quy chế chi tiêu nội bộ" as "chỉ tiêu" (dev seed 179: P02, P04
    # dumps, S05 scans); a run of four words matching a catalogue phrase accent-free takes the
    # phrase's marks where one word alone differs, and a word outside such a run is left alone.
    assert catalogue_wording("Xây dựng Quy chế chỉ tiêu nội bộ năm 2024") == "Xây dựng Quy chế chi tiêu nội bộ năm 2024"
    assert catalogue_wording("Mức độ thực hiện các chỉ tiêu phát triển kinh tế") == (
        "Mức độ thực hiện các chỉ tiêu phát triển kinh tế"
    )
    assert catalogue_wording("Giao chỉ tiêu năm 2025") == "Giao chỉ tiêu năm 2025"
    assert catalogue_wording("Chế chỉ tiêu, nội bộ") == "Chế chỉ tiêu, nội bộ"  # no run of four words


def test_a_years_digits_read_as_letters():
    # "năm 2026" read "năm 202G" (a P02 dump, dev seed 179); a "Z" stays (OCR's 2 and 7 alike)
    assert year_digits("Kế hoạch cải cách hành chính năm 202G") == "Kế hoạch cải cách hành chính năm 2026"
    assert year_digits("Năm 20l5, năm 2024") == "Năm 2015, năm 2024"
    assert year_digits("năm 202Z") == "năm 202Z"
    assert year_digits("năm 2026G") == "năm 2026G"


def test_a_consonant_read_twice_with_a_speck():
    # "Niêm yết" read "NÑiêm yết" (S05 scan, dev seed 179): a marked consonant is no Vietnamese letter
    assert marked_doubles("NÑiêm yết, công khai thủ tục") == "Niêm yết, công khai thủ tục"
    assert marked_doubles("Đăng ký và triển khai") == "Đăng ký và triển khai"


def test_ocr_specks_dropped_from_cells():
    # S05 scans at the far end of degradation (dev seed 179, --degrade extreme)
    assert specks_dropped("Thực hiện chế độ báo ‹ cáo định kỳ") == "Thực hiện chế độ báo cáo định kỳ"
    assert specks_dropped("Trang thông . tin được cập nhật") == "Trang thông tin được cập nhật"
    assert specks_dropped("Vận hành hệ thống quản lý chất. lượng") == "Vận hành hệ thống quản lý chất lượng"
    assert specks_dropped("Tháng 08/2024:") == "Tháng 08/2024"
    assert specks_dropped("g Cả năm 2024") == "Cả năm 2024"
    # a unit's dash, a list's comma, a code's full stop are the print's
    assert specks_dropped("Công chức Văn hóa - Xã hội") == "Công chức Văn hóa - Xã hội"
    assert specks_dropped("Rà soát, kiểm tra văn bản") == "Rà soát, kiểm tra văn bản"
    assert specks_dropped("Kế hoạch số 12/KH-UBND.") == "Kế hoạch số 12/KH-UBND."


def test_task_paragraph_broken_by_ocr_is_joined():
    # S05 scan (dev seed 179, --degrade extreme): a speck read as a bullet before a field's
    # wrapped label, a blank line OCR saw inside a paragraph
    text = (
        "II. NHIỆM VỤ CỤ THỂ\n"
        "1.3. Số hóa hồ sơ; đơn vị phối hợp: Các đoàn thể; thời hạn: Quý II/2023; bộ\n"
        "- phận chủ trì: Công chức Tư pháp - Hộ tịch.\n"
        "1.4. Quản lý tài sản công; sản phẩm: Danh mục công bố; đơn vị phối hợp: Các\n\n"
        "đoàn thể, Ban Chỉ đạo CCHC xã; chủ trì: Văn phòng - Thống kê.\n"
    )
    (table,) = find_task_paragraphs(_doc(text))
    assert [(r.deadline, r.lead, r.coordinator) for r in table.rows] == [
        ("Quý II/2023", "Công chức Tư pháp - Hộ tịch", "Các đoàn thể"),
        ("", "Văn phòng - Thống kê", "Các đoàn thể, Ban Chỉ đạo CCHC xã"),
    ]


def test_header_of_an_ocr_grid_gives_the_columns_in_order():
    assert header_columns("T 'Tên nhiệm vụ Bộ phận chủ Bộ phận Thời gian | Sản phẩm đầu | TC") == [
        "code",
        "task",
        "lead",
        "coordinator",
        "deadline",
        "product",
        "criterion_code",
    ]
    # a task paragraph names the fields too, with colons: no header
    assert header_columns("Xây dựng kế hoạch; chủ trì: Văn phòng; thời gian: Quý I/2025") is None


def test_task_grid_read_from_ocr_lines():
    (table,) = find_task_lines(_doc(_OCR_GRID))
    rows = table.rows
    assert [r.code for r in rows] == ["1", "2", "3"]
    assert [r.section for r in rows] == ["I", "I", "II"]
    assert rows[0].task == "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"
    assert rows[0].lead == "Công chức Văn hóa - Xã hội"
    assert rows[0].coordinator == "Các bộ phận chuyên môn, Ban Chỉ đạo CCHC xã"
    assert rows[0].deadline == "Quý II/2025"  # as OCR read it (the print says III)
    assert (rows[0].product, rows[0].criterion_code) == ("Kế hoạch", "1.4")
    assert (rows[1].task, rows[1].lead, rows[1].coordinator) == (
        "Xây dựng Kế hoạch tuyên truyền cải cách hành chính",
        "Công chức Tư pháp - Hộ tịch",
        "Các ngành liên quan",
    )
    assert rows[1].deadline == "Trước ngày 08/11/2025"
    # the third row's wrapped unit names are placed by the units' grammar (normalize/units.py),
    # its quarter's numeral OCR read as "TV" is spelt back
    assert rows[2].task == "Xây dựng Kế hoạch theo dõi thi hành pháp luật trên địa bàn xã"
    assert (rows[2].lead, rows[2].coordinator) == (
        "Công chức Địa chính - Xây dựng",
        "UBMTTQ Việt Nam xã, Các thôn, tổ dân phố",
    )
    assert (rows[2].product, rows[2].deadline, rows[2].criterion_code) == ("Hồ sơ lưu trữ", "Quý IV/2025", "2.4")


_OCR_GRID_CODES_FIRST = """S | Chỉ Nội dung công việc Sản phẩm đầu | Đơn vị chủ Cơ quan Tiến độ
T số ra trì phối hợp thực hiện
I_| CẢI CÁCH THỂ CHẾ
1 12.3 Rà soát, kiểm tra văn bản quy Kế hoạch Công chức Tư | UBMTTQ Cả năm
phạm pháp luật do HĐND, pháp - Hộ tịch | Việt Nam xã | 2024
UBND xã ban hành
2 12.2 Công bố danh mục văn bản hết Danh mục Công an xã Các bộ phận | Cả năm
hiệu lực, ngưng hiệu lực công bố chuyên môn, | 2024
Ban Chỉ đạo
CCHC xã
3.143 Thực hiện quy chế làm việc của Trang thông tin | Văn phòng UBMTTQ Tháng
UBND) xã được cập nhật | HĐND và Việt Nam xã | 12/2024
UBND
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""


def test_ocr_grid_rows_whose_number_is_glued_to_the_code():
    # P04's OCR dump (dev i2): the bar after a row's number or before its code read as "1"
    # ("1 | 2.3" → "1 12.3", "3 | 4.3" → "3.143"); commune fields number 1..8.
    (table,) = find_task_lines(_doc(_OCR_GRID_CODES_FIRST))
    rows = table.rows
    assert [(r.code, r.criterion_code) for r in rows] == [("1", "2.3"), ("2", "2.2"), ("3", "4.3")]
    assert rows[2].task.startswith("Thực hiện quy chế làm việc của UBND xã")  # the stray ")" dropped
    assert (rows[2].lead, rows[2].coordinator, rows[2].deadline) == (
        "Văn phòng HĐND và UBND",
        "UBMTTQ Việt Nam xã",
        "Tháng 12/2024",
    )


def test_ocr_grid_row_number_behind_a_lower_case_speck():
    # A P04 dump (dev seed 221): row 7 read "z7 .13.3 Niêm yết …" (a speck before the number, one
    # before the code and the bar glued on as "1"); missed, it took every row below into row 6.
    # A row whose number is one past the expected, a code glued to a bar after it ("3 13.1"),
    # starts a row too.
    text = _OCR_GRID_CODES_FIRST.replace("2 12.2 Công bố", "z2 .12.2 Công bố")
    (table,) = find_task_lines(_doc(text))
    assert [(r.code, r.criterion_code) for r in table.rows] == [("1", "2.3"), ("2", "2.2"), ("3", "4.3")]
    assert table.rows[1].task.startswith("Công bố danh mục văn bản hết hiệu lực")
    assert row_start("3 14.3 Thực hiện quy chế", last_code="1") == ("3", 2)
    assert row_start("3 tháng đầu năm", last_code="1") is None


def test_printed_widths_are_times_new_romans():
    # A cell wraps where its next word passes the column's edge: "Trang thông tin" fits a plan's
    # product column that "Danh mục công" does not (Times New Roman advances, not letter counts).
    from extract.segment.task_line_widths import text_width as _width

    assert _width("Trang thông tin") < _width("Danh mục công")
    assert _width("mM") == pytest.approx((778 + 889) / 500)  # thousandths of an em, in half-ems
    assert _width("Đư") == (722 + 542) / 500


def test_a_count_series_in_one_sentence_gives_each_year_its_count():
    # The cue ("trên") opens the series; later counts of the same unit carry it on without one,
    # each with its own year and its own comparator.
    text = (
        "I. MỤC TIÊU\n- Số sáng kiến, giải pháp cải cách hành chính được công nhận đạt trên 02 sáng kiến"
        " vào năm 2022, 03 sáng kiến vào năm 2023 và trên 01 sáng kiến vào năm 2025.\n"
    )
    got = [(t.comparator, t.value, t.unit, t.year) for t in find_targets(_doc(text))]
    assert got == [(">", 2, "sáng kiến", 2022), ("=", 3, "sáng kiến", 2023), (">", 1, "sáng kiến", 2025)]
    assert {t.indicator for t in find_targets(_doc(text))} == {
        "Số sáng kiến, giải pháp cải cách hành chính được công nhận"
    }


def test_a_bracket_left_open_carries_a_task_over_a_line_that_starts_like_an_item():
    # A text dump keeps printed lines: "Văn phòng" / "- Thống kê; …)" is one unit inside the
    # task's brackets, not a new list item.
    text = (
        "1. Công tác chỉ đạo\n"
        "1.4. Đăng ký và triển khai sáng kiến, giải pháp mới (kết quả, sản\n"
        "phẩm: Quyết định; thời hạn: Thường xuyên; bộ phận chủ trì: Văn phòng\n"
        "- Thống kê; phối hợp: Ban Chỉ đạo CCHC xã).\n"
        "- Một dòng khác.\n"
    )
    (table,) = find_task_paragraphs(_doc(text))
    (row,) = table.rows
    assert (row.lead, row.coordinator) == ("Văn phòng - Thống kê", "Ban Chỉ đạo CCHC xã")
    # an item lettered "a)" leaves its own bracket open all the same (S05 seed 122: "… chủ trì:
    # Công chức Tài chính" / "- Kế toán).")
    from extract.segment.paragraphs import open_bracket

    assert open_bracket("a) Rà soát thủ tục (Sản phẩm: Báo cáo; chủ trì: Công chức Tài chính")
    assert not open_bracket("a) Rà soát thủ tục (Sản phẩm: Báo cáo)")


_OCR_GRID_BAR_LOST = """T | Mã Nội dung công việc Sản phẩm đầu Đầu mối Bộ phận Tiến độ
T | tiêu ra thực hiện phối hợp thực hiện
chí
I. Công tác chỉ đạo, điều hành cải cách hành chính
1 |J1.5 Xây dựng, ban hành Kế hoạch cải | Báo cáo Văn phòng - Các ngành Trước ngày
cách hành chính năm 2026 Thống kê liên quan 01/10/2026
2 | 7.2 Vận hành hệ thống quản lý chất Văn bản chỉ Công chức Các ngành Quý
lượng theo TCVN ISO 9001:2015 | đạo Địa chính - liên quan, IV/2024
Xây dựng
37.4 Duy trì Trang thông tin điện tử Thông báo Công an xã Các đoàn thể | Trước ngày
của xã 02/08/2024
Nơi nhận: TM. ỦY BAN NHÂN DÂN
"""


def test_ocr_grid_row_whose_bar_was_lost_or_read_as_j():
    # OCR dumps of P04 (seeds 7 and 11): "3 | 7.4" printed "37.4" (the bar lost), "| 1.5" read "J1.5".
    (table,) = find_task_lines(_doc(_OCR_GRID_BAR_LOST))
    rows = table.rows
    assert [(r.code, r.criterion_code) for r in rows] == [("1", "1.5"), ("2", "7.2"), ("3", "7.4")]
    assert (rows[2].task, rows[2].product, rows[2].deadline) == (
        "Duy trì Trang thông tin điện tử của xã",
        "Thông báo",
        "Trước ngày 02/08/2024",
    )
    assert rows[1].task == "Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015"


def test_words_ocr_glued_together_are_split_into_seen_syllables():
    from normalize.vietnamese.compounds import glued_syllables

    assert glued_syllables("thôngtin") == ("thông", "tin")
    assert glued_syllables("Cônganxã") == ("Công", "an", "xã")
    assert glued_syllables("Biênbảnkiểm") == ("Biên", "bản", "kiểm")
    assert glued_syllables("Tiấp") == ()  # "ti" + "ấp" are syllables, but never seen side by side
    assert glued_syllables("Nguyễn") == ()
    # The task grid of a generated P04 plan's OCR dump (seed 124, i1; tests/data/plan_dumps): OCR
    # lost the space in "Trang thôngtin", "Phòng Kinhtế", "hếthiệu"; read whole, those words
    # were one word too few for the columns' widths and the units' grammar
    text = (ROOT / "tests" / "data" / "plan_dumps" / "p04_glued_words.txt").read_text(encoding="utf-8")
    (table,) = find_task_lines(_doc(text))
    rows = {r.code: r for r in table.rows}
    assert rows["3"].product == rows["12"].product == rows["15"].product == "Trang thông tin được cập nhật"
    assert rows["6"].task == "Công bố danh mục văn bản hết hiệu lực, ngưng hiệu lực"
    assert rows["10"].lead == "Phòng Kinh tế"


def test_a_part_heading_whose_numeral_ocr_read_as_l_alone_on_its_line():
    # S05 scan (dev seed 1652, --degrade extreme): "I. MỤC TIÊU" read "L MỤC TIÊU" on its own line:
    # its count targets, which strive for nothing, were lost with nothing said
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2023\nL MỤC TIÊU\n"
        "+ Số cuộc kiểm tra công tác cải cách hành chính đạt không dưới 03 cuộc.\n"
        "L NHIỆM VỤ CỤ THỂ\n"
        "1.1. Kiểm tra công tác cải cách hành chính đạt 100% cơ quan.\n"
    )
    assert [(t.comparator, t.value, t.unit) for t in find_targets(_doc(text))] == [(">=", 3, "cuộc")]
    # a signature's title is no part's heading
    assert find_targets(_doc("KẾ HOẠCH\nL CHỦ TỊCH\n+ Tỷ lệ hồ sơ đạt không dưới 90%.\n")) == []


def test_a_speck_between_the_cue_and_the_figure():
    # S05 scan (dev seed 1652, --degrade extreme): "không dưới . 100%": the comparator is the cue's
    text = "KẾ HOẠCH\nCải cách hành chính năm 2023\nI. MỤC TIÊU\n- Tỷ lệ hồ sơ đúng hạn đạt tỷ lệ không dưới . 100%.\n"
    (t,) = find_targets(_doc(text))
    assert (t.comparator, t.value, t.indicator) == (">=", 100, "Tỷ lệ hồ sơ đúng hạn")


def test_a_share_whose_per_cent_sign_ocr_lost_is_said_unsure():
    # S05 scan (dev seed 1653, --degrade extreme): "không quá 5%." read "Không quá 59.": the target
    # is given, less the sign read as "9", under the review threshold; a typed text's bare number
    # (no OCR confidence) is no share of ours to guess
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2023\nI. MỤC TIÊU\n"
        "- Tỷ lệ phản ánh, kiến nghị quá hạn xử lý đạt tỷ lệ Không quá 59.\n"
        "- Tỷ lệ hồ sơ giải quyết đúng hạn đạt không dưới 96%.\n"
    )
    typed = _doc(text)
    assert [t.value for t in find_targets(typed)] == [96]
    scanned = IngestedDocument(
        path="x.pdf",
        format="pdf",
        pages=[replace(p, blocks=[replace(ln, conf=0.95) for ln in p.lines], method="ocr") for p in typed.pages],
    )
    shares = find_targets(scanned)
    assert [(t.comparator, t.value, t.unit) for t in shares] == [("<=", 5, "%"), (">=", 96, "%")]
    assert shares[0].confidence < 0.8 <= shares[1].confidence


def test_a_part_heading_joined_to_the_end_of_the_paragraph_above():
    # S05 scans: "II. CHỈ TIÊU CỤ THỂ" read "1I. CHỈ TIÊU CỤ THỂ" at the end of the purpose's
    # paragraph (issue 16, seed 904: its targets, which strive for nothing, lost with nothing
    # said); "II. NHIỆM VỤ" read "_ H,NHIỆM VỤ CỤ THỂ" after the last target (dev seed 1652,
    # --degrade extreme): the tasks under it are no targets
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2024\nI.MỤC ĐÍCH, YÊU CẦU\n"
        "Triển khai đồng bộ các nhiệm vụ cải cách hành chính. 1I. CHỈ TIÊU CỤ THỂ\n"
        "+ Thu ngân sách nhà nước trên địa bàn là không dưới 8,5 tỷ đồng.\n"
        "+ Tỷ lệ hồ sơ nộp trực tuyến toàn trình đạt tỷ lệ tối thiểu 75%. _ H,NHIỆM VỤ CỤ THỂ\n"
        "+ Tỷ lệ văn bản điện tử đạt 100% (chủ trì: Văn phòng; thời hạn: Quý IV/2024).\n"
    )
    assert [(t.comparator, t.value, t.unit) for t in find_targets(_doc(text))] == [
        (">=", 8.5, "tỷ đồng"),
        (">=", 75, "%"),
    ]


def test_a_speck_ocr_read_between_an_indicators_words():
    # S05 scan (dev seed 1651, --degrade extreme): "Thu.ngân sách nhà nước …"
    text = "KẾ HOẠCH\nI. MỤC TIÊU\n+ Thu.ngân sách nhà nước trên địa bàn là trên 15,5 tỷ đồng.\n"
    typed = _doc(text)
    scanned = IngestedDocument(
        path="x.pdf",
        format="pdf",
        pages=[replace(p, blocks=[replace(ln, conf=0.95) for ln in p.lines], method="ocr") for p in typed.pages],
    )
    assert [t.indicator for t in find_targets(scanned)] == ["Thu ngân sách nhà nước trên địa bàn"]
    assert [t.indicator for t in find_targets(typed)] == ["Thu.ngân sách nhà nước trên địa bàn"]  # as printed


def test_marks_before_a_cells_first_word_are_specks_and_a_quote_closed_is_kept():
    assert specks_dropped(".. Công khai dự toán ngân sách xã") == "Công khai dự toán ngân sách xã"
    assert specks_dropped("“Thực hiện chế độ báo cáo định kỳ") == "Thực hiện chế độ báo cáo định kỳ"
    assert specks_dropped("“Ngày Pháp luật” năm 2025") == "“Ngày Pháp luật” năm 2025"
