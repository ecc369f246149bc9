"""Nothing lost silently: every table and page of a document is read, is layout, or is in the
output's ``unread`` list (and so in the review queue and the summary). Real DOCX, real PDFs
(LibreOffice and pypdfium2) and real Tesseract on a blank page."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
import regex as re
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from cchc_extract.reconcile.restored import FLAG_RESTORED
from extract.base import ingest
from extract.segment.unread_grids import data_rows, is_layout_table
from extract.segment.unread_pages import BLANK_PAGE
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]

SCORE_HEADER = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm"]
SCORE_ROWS = [
    ["1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"],
    ["1.1", "Kế hoạch cải cách hành chính năm", "3", "3"],
    ["1.2", "Báo cáo cải cách hành chính định kỳ", "3", "2"],
    ["2", "Cải cách thủ tục hành chính", "4", "4"],
    ["2.1", "Công khai thủ tục hành chính", "2", "2"],
    ["2.2", "Giải quyết hồ sơ đúng hạn", "2", "2"],
]
# A data table no segmenter knows: numbers by year, not points, tasks or annex indicators.
BUDGET = [
    ["TT", "Nguồn vốn", "Năm 2024 (triệu đồng)", "Năm 2025 (triệu đồng)"],
    ["1", "Ngân sách xã tự cân đối", "120", "150"],
    ["2", "Ngân sách huyện hỗ trợ", "80", "95"],
    ["3", "Nguồn xã hội hóa", "35", "40"],
]


def _borderless(table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{side}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    table._tbl.tblPr.append(borders)


def _add_table(document, rows: list[list[str]], borderless: bool = False):
    table = document.add_table(rows=len(rows), cols=len(rows[0]))
    if not borderless:
        table.style = "Table Grid"
    else:
        _borderless(table)
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    return table


def _decree30_docx(path: Path, tables: list[list[list[str]]]) -> Path:
    """Header and signature blocks as borderless tables (the Decree 30 layout), data tables between."""
    document = docx.Document()
    _add_table(
        document,
        [
            [
                "ỦY BAN NHÂN DÂN\nXÃ HÒA BÌNH\nSố: 27/BC-UBND",
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHòa Bình, ngày 14 tháng 6 năm 2024",
            ]
        ],
        borderless=True,
    )
    document.add_paragraph("BÁO CÁO")
    document.add_paragraph("Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024")
    for i, rows in enumerate(tables):
        if i:
            document.add_paragraph("Kinh phí thực hiện kế hoạch cải cách hành chính của xã được bố trí như sau:")
        _add_table(document, rows)
        document.add_paragraph("")
    _add_table(
        document,
        [["Nơi nhận:\n- Phòng Nội vụ huyện;\n- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n(Đã ký)\nLê Văn Thành"]],
        borderless=True,
    )
    document.save(str(path))
    return path


def _converted(path: Path) -> dict:
    data = result_to_json(convert_file(path))
    assert schema_errors(data) == []
    return data


def assert_accounted(path: Path, data: dict) -> None:
    """The invariant: every data table of the ingested model gave rows or is in ``unread``."""
    doc = ingest(path)
    read_pages = {
        r["source"]["page"]
        for kind in ("score_tables", "statistics", "task_tables")
        for t in data[kind]
        for r in t["rows"]
    }
    unread_pages = {u["page"] for u in data["unread"]}
    for table in doc.tables():
        if is_layout_table(table) or len(data_rows(table)) < 2:
            continue
        assert table.page in read_pages | unread_pages, f"table on page {table.page} neither read nor in unread"


def test_layout_tables_and_a_read_score_table_leave_nothing_unread(tmp_path):
    path = _decree30_docx(tmp_path / "bc.docx", [[SCORE_HEADER] + SCORE_ROWS])
    data = _converted(path)
    assert len(data["score_tables"][0]["rows"]) == len(SCORE_ROWS)
    assert data["unread"] == []
    assert not any(item["item"].startswith("/unread/") for item in data["review"])


def test_a_table_no_segmenter_knows_is_unread_and_in_the_queue(tmp_path):
    path = _decree30_docx(tmp_path / "bc.docx", [[SCORE_HEADER] + SCORE_ROWS, BUDGET])
    data = _converted(path)
    assert len(data["score_tables"][0]["rows"]) == len(SCORE_ROWS)  # the score table is still read
    tables = [u for u in data["unread"] if u["kind"] == "table"]
    assert len(tables) == 1, data["unread"]
    assert "Ngân sách xã tự cân đối" in tables[0]["text_sample"]
    assert "4 rows × 4 columns" in tables[0]["reason"]
    queue = [item for item in data["review"] if item["item"] == "/unread/0"]
    assert queue and queue[0]["confidence"] == 0.0 and queue[0]["reason"].startswith("not read:")
    assert_accounted(path, data)


def test_numbering_jump_in_a_score_table_is_reported(tmp_path):
    rows = [
        SCORE_HEADER,
        ["1", "Công tác chỉ đạo, điều hành", "10", "9"],
        ["1.1", "Kế hoạch cải cách hành chính", "2", "2"],
        ["1.2", "Báo cáo định kỳ", "2", "2"],
        ["1.5", "Kiểm tra cải cách hành chính", "2", "1"],
        ["1.6", "Tuyên truyền", "4", "4"],
    ]
    path = tmp_path / "diem.txt"
    path.write_text("BẢNG TỰ CHẤM ĐIỂM\n\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    data = _converted(path)
    gaps = [u for u in data["unread"] if u["kind"] == "rows"]
    assert len(gaps) == 1, data["unread"]
    assert "1.2 to 1.5" in gaps[0]["reason"] and "1.3, 1.4" in gaps[0]["reason"]


# An OCR dump of a score table printed in two panels side by side (rows 1, 2 left, row 3 right,
# read line by line: 1, 3, then 2), cut from a generated corpus document whose truth has rows 1, 2
# and 3 (10/10, 10/8.5, 14.5/14.5), all of them printed.
TWO_PANEL_DUMP = """BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH
NĂM 2024 CỦA UBND XÃ THÁI NGHĨA

Thực hiện Kế hoạch số 159/KH-UBND ngày 07/03/2024 của UBND huyện Phú Thái Đông về việc triển khai
công tác cải cách hành chính năm 2024; UBND xã Thái Nghĩa báo cáo kết quả tự đánh giá, chấm điểm như sau: :

TT : Nội dung tiêu chí”. .| Điểm Điểm TT Nội dung tiêu chí Điểm Điểm
Ỷ cn tối đa . tự : tối đa tự
chấm h Ti chấm
1: Công tác chỉ đạo, điều hành cải cách hành chính 10 10 | 3. Cải cách thủ tục hành chính : 14,5 14,5 |
2. | Xây dựng và tố chức thực hiện văn bản quy phạm 10 8,5 : : ._ Tổng số điểm 33,5 33
| pháp luật tại tỉnh :
"""


def test_a_code_read_after_the_rows_it_sits_between_is_no_numbering_gap(tmp_path):
    path = tmp_path / "diem.txt"
    path.write_text(TWO_PANEL_DUMP, encoding="utf-8")
    data = _converted(path)
    rows = {r["code"]: (r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]}
    assert rows == {"1": (10.0, 10.0), "2": (10.0, 8.5), "3": (14.5, 14.5)}  # every row read …
    assert not [u["reason"] for u in data["unread"] if "numbering" in u["reason"]]  # … so none told lost


def test_a_consecutive_table_has_no_gap(tmp_path):
    path = tmp_path / "diem.txt"
    path.write_text(
        "BẢNG TỰ CHẤM ĐIỂM\n\n" + "\n".join("\t".join(r) for r in [SCORE_HEADER] + SCORE_ROWS) + "\n", encoding="utf-8"
    )
    assert _converted(path)["unread"] == []


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract not installed (tesseract-ocr)")
def test_a_blank_page_in_a_pdf_is_unread(tmp_path):
    import pypdfium2 as pdfium

    source = pdfium.PdfDocument(str(ROOT / "samples" / "renderings" / "stats_annex.pdf"))
    pdf = pdfium.PdfDocument.new()
    pdf.import_pages(source, [0])
    width, height = source[0].get_size()
    pdf.new_page(width, height)  # a blank page, as a scanner feeds one
    path = tmp_path / "with_blank.pdf"
    pdf.save(str(path))
    data = _converted(path)
    pages = [u for u in data["unread"] if u["kind"] == "page"]
    assert [u["page"] for u in pages] == [2]
    # nothing printed on it (no character, picture or stroke): told blank for certain, not OCR'd
    assert pages[0]["reason"] == BLANK_PAGE


def _long_table_pdf(tmp_path: Path) -> Path | None:
    """A 60-row score table printed over pages with no repeated header, through LibreOffice."""
    if shutil.which("libreoffice") is None:
        return None
    rows = [SCORE_HEADER]
    for i in range(1, 11):
        rows.append([str(i), f"Lĩnh vực thứ {i} của bộ tiêu chí", "6", "5"])
        for j in range(1, 6):
            rows.append(
                [
                    f"{i}.{j}",
                    f"Tiêu chí thành phần {i}.{j} về công tác cải cách hành chính",
                    "1.2",
                    "1" if j % 2 else "1.2",
                ]
            )
    path = _decree30_docx(tmp_path / "long.docx", [rows])
    subprocess.run(
        ["libreoffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
        capture_output=True,
        timeout=180,
    )
    pdf = path.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def test_every_page_of_a_long_table_is_read_or_accounted_for(tmp_path):
    pdf = _long_table_pdf(tmp_path)
    if pdf is None:
        pytest.skip("LibreOffice cannot convert DOCX to PDF here (install libreoffice-writer)")
    data = _converted(pdf)
    assert data["source"]["pages"] >= 2
    assert_accounted(pdf, data)
    read = sum(len(t["rows"]) for t in data["score_tables"])
    if read < 60:  # what was not read is said, with where
        assert data["unread"], f"{read} of 60 rows read and nothing in unread"


def test_batch_summary_tables_and_queue_name_the_unread(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    _decree30_docx(inputs / "ok.docx", [[SCORE_HEADER] + SCORE_ROWS])
    _decree30_docx(inputs / "budget.docx", [[SCORE_HEADER] + SCORE_ROWS, BUDGET])
    out = tmp_path / "out"
    import io

    stream = io.StringIO()
    summary = run_convert([inputs], out, PipelineOptions(), BatchSettings(workers=1, lang="en"), stream=stream)
    assert summary.with_unread == ["budget.docx"]
    text = stream.getvalue()
    assert "1 with parts not read" in text and "not all read: budget.docx: 1 part(s)" in text
    unread_csv = (out / "tables" / "unread.csv").read_text(encoding="utf-8-sig")
    assert "budget.docx" in unread_csv and "ok.docx" not in unread_csv
    review = (out / "review.csv").read_text(encoding="utf-8-sig")
    assert "/unread/0" in review


def test_a_total_short_because_of_rows_not_read_is_incomplete_not_the_communes_fault(tmp_path):
    rows = [
        SCORE_HEADER,
        ["1", "Công tác chỉ đạo, điều hành", "6", "5"],
        ["1.1", "Kế hoạch cải cách hành chính", "3", "3"],
        ["1.2", "Báo cáo định kỳ", "3", "2"],
        ["3", "Cải cách tổ chức bộ máy", "4", "4"],
        ["3.1", "Sắp xếp tổ chức", "4", "4"],
        ["", "Tổng cộng", "15", "13"],
    ]
    path = tmp_path / "diem.txt"
    path.write_text("BẢNG TỰ CHẤM ĐIỂM\n\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    data = _converted(path)
    assert [u["reason"] for u in data["unread"]] == ["numbering jumps from 1 to 3: 2 not read"]
    totals = [c for c in data["checks"] if c["kind"] in ("stated_total", "coverage")]
    assert totals and all(c["status"] == "incomplete" for c in totals), totals
    coverage = [c for c in totals if c["kind"] == "coverage" and c["field"] == "max_points"]
    assert coverage[0]["actual"] == 10 and coverage[0]["expected"] == 15
    assert "10 of the stated total 15" in coverage[0]["message"]
    assert not [c for c in data["checks"] if c["status"] == "mismatch"]


def test_a_wrong_total_with_everything_read_stays_a_mismatch(tmp_path):
    rows = [SCORE_HEADER] + SCORE_ROWS + [["", "Tổng cộng", "11", "10"]]
    path = tmp_path / "diem.txt"
    path.write_text("BẢNG TỰ CHẤM ĐIỂM\n\n" + "\n".join("\t".join(r) for r in rows) + "\n", encoding="utf-8")
    data = _converted(path)
    assert data["unread"] == []
    assert [c["kind"] for c in data["checks"] if c["status"] == "mismatch"] == ["stated_total", "stated_total"]


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract not installed (tesseract-ocr)")
def test_a_sideways_photo_is_turned_upright_before_it_is_read(tmp_path):
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(str(ROOT / "samples" / "renderings" / "stats_annex.pdf"))[0]
    image = page.render(scale=300 / 72).to_pil().convert("L")
    top = image.crop((0, 0, image.width, int(image.height * 0.35)))  # the letter's head: number, date, title
    path = tmp_path / "sideways.png"
    top.rotate(90, expand=True).save(path, dpi=(300, 300))  # put in the scanner sideways
    data = _converted(path)
    assert data["document"]["number"] == "341/BC-UBND"
    assert data["document"]["date"] == "2024-06-10"
    assert data["unread"] == []


@pytest.mark.skipif(shutil.which("tesseract") is None, reason="Tesseract not installed (tesseract-ocr)")
def test_a_blank_frame_of_a_scan_is_one_unread_page_and_in_the_queue(tmp_path):
    import pypdfium2 as pdfium
    from PIL import Image

    page = pdfium.PdfDocument(str(ROOT / "samples" / "renderings" / "stats_annex.pdf"))[0]
    image = page.render(scale=200 / 72).to_pil().convert("L")
    top = image.crop((0, 0, image.width, int(image.height * 0.3)))
    blank = Image.new("L", top.size, 255)  # the scanner fed an empty sheet
    path = tmp_path / "two_pages.tif"
    top.save(path, save_all=True, append_images=[blank], dpi=(200, 200))
    data = _converted(path)
    assert [(u["kind"], u["page"]) for u in data["unread"]] == [("page", 2)]
    assert data["review"][0]["item"] == "/unread/0" and data["review"][0]["page"] == 2


# An OCR dump of a score table whose middle rows lost their codes and whose names OCR garbled
# past the criteria set's wording: rows 1 and 5 are read whole (code, name, points), rows 2-4 are not.
GARBLED_DUMP = """UY BAN NHAN DAN CONG HOA XA HOI CHU NGHIA VIET NAM
XA AN BINH Doc lap - Tu do - Hanh phuc

So: 12/BC-UBND An Binh, ngay 20 thang 12 nam 2024

BANG TU DANH GIA, CHAM DIEM CHI SO CAI CACH HANH CHINH
NAM 2024 CUA UBND XA AN BINH

TT Linh vuc, tieu chi Noi dung giai trinh Diem toi da Diem tu danh gia
1 | Cong tac chi dao, dieu hanh cai cach hanh chinh | Thong bao so 10/TB-UBND | 10 | 8.5
Ee | Xay dung va tu chuc thuc hien van ban quy pham | 10 | 10
a | Gxi cqch thx tnc hxnh | Chua day du | 14,5 | 13,75
Eo | Cqi cxch t6 chxc bq mxy | Quyet dinh 140 | iW | 10.75
5 | Xay dung va nang cao chat luong doi ngu cong chuc | Thong bao | 16 | 16
TONG DIEM | 60,5 | 58,5
"""


def test_an_ocr_dump_table_loses_only_its_unsure_rows_and_says_where(tmp_path):
    path = tmp_path / "bao-cao.txt"
    path.write_text(GARBLED_DUMP, encoding="utf-8")
    result = convert_file(path)
    # The rows read whole are kept, with their points; the unsure rows' cells are not read.
    # Row 2 ("Ee | Xay dung va tu chuc … quy pham | 10 | 10", line 11) is kept too: its code lost,
    # its name takes 2's wording and its max 10 is the recognised set's (bnv-tinh_2948: 2 = 10).
    # Rows 3 and 4 were printed (lines 12-13, "a | Gxi cqch thx tnc hxnh | … | 14,5 | 13,75" and
    # "Eo | Cqi cxch t6 chxc bq mxy | … | iW | 10.75"), the numbering jumps from 2 to 5 over them and
    # the set names 3 and 4 there: they are restored with the set's names, flagged, their self scores
    # blank (the maxima are the set's, 14,5 and 11, taken after the checks), and queued whole.
    rows = [(r.code, r.max_points, r.self_points) for t in result.score_tables for r in t.rows]
    assert rows == [("1", 10.0, 8.5), ("2", 10.0, 10.0), ("3", 14.5, None), ("4", 11.0, None), ("5", 16.0, 16.0)]
    restored = [r for t in result.score_tables for r in t.rows if FLAG_RESTORED in r.flags]
    assert [(r.code, r.name, r.name_raw) for r in restored] == [
        ("3", "Cải cách thủ tục hành chính", ""),
        ("4", "Cải cách tổ chức bộ máy hành chính", ""),
    ]
    assert {q.item for q in result.review if q.field is None} >= {"/score_tables/0/rows/2", "/score_tables/0/rows/3"}
    # Rows 3 and 4 are one unread part, on their lines (12-13 of the dump), told once: the
    # numbering jump from 2 to 5 lies in it and is not a second entry.
    parts = [p for p in result.unread if p.kind == "rows" and p.line_end is not None]
    assert [(p.line_start, p.line_end) for p in parts] == [(12, 13)]
    assert "2 rows of this table (of 5)" in parts[0].reason
    # ... and says that the rows are there now, the set's, their cells not read.
    assert parts[0].reason.endswith("; 3, 4 restored from the criteria set there, cells not read")
    # The totals the kept rows fall short of are not reported as the commune's fault.
    totals = [c for c in result.checks if c.kind == "stated_total"]
    assert totals and all(c.status in ("incomplete", "misread") for c in totals)
    assert not [c for c in result.checks if c.status == "mismatch"]
    # The shortfall against the total is told (it lies in rows 3 and 4, the set's 14,5 and 11: no
    # part claims rows after 5): by the total's own check, which names the set's top criteria not
    # read (24,5 short: more than the smallest of them, not all, though no set of them makes it
    # exactly: recode19), or, where the sum first called it a mismatch, by a coverage check.
    told = [c for c in totals if c.field == "max_points" and "3, 4" in (c.message or "")]
    assert any(c.kind == "coverage" for c in result.checks) or told
    assert not any(p.reason.startswith("rows after") for p in result.unread)


# Rows 3 and 4 of GARBLED_DUMP, printed garbled between 2 and 5: restored from the set, self scores blank.
RESTORED_3_4 = [("3", 14.5, None), ("4", 11.0, None)]


def _kept_rows(tmp_path, text: str) -> tuple[list[tuple], list[tuple]]:
    """The rows kept, and the lines of the parts reported unread."""
    path = tmp_path / "bao-cao.txt"
    path.write_text(text, encoding="utf-8")
    result = convert_file(path)
    rows = [(r.code, r.max_points, r.self_points) for t in result.score_tables for r in t.rows]
    return rows, [(p.line_start, p.line_end) for p in result.unread if p.kind == "rows"]


def test_a_kept_row_whose_code_ocr_misread_takes_the_code_its_name_is(tmp_path):
    # "5" read as "7": the row's name is the criteria set's wording of 5, which no row holds.
    text = GARBLED_DUMP.replace("5 | Xay dung va nang cao", "7 | Xay dung va nang cao")
    # Row 2 ("Ee | Xay dung va tu chuc … quy pham | 10 | 10", line 11) is kept too: its code lost,
    # its name took 2's wording and its max 10 is the set's (bnv-tinh_2948: 2 = 10). Lines 12-13
    # (rows 3 and 4, garbled) are restored from the set and told as not read; the total's
    # shortfall lies in them (the set's 3 and 4), so no part claims rows after 5.
    rows, parts = _kept_rows(tmp_path, text)
    assert rows == [("1", 10.0, 8.5), ("2", 10.0, 10.0), *RESTORED_3_4, ("5", 16.0, 16.0)]
    assert parts == [(12, 13)]


def test_a_kept_row_whose_name_is_a_held_code_s_wording_is_not_kept(tmp_path):
    # The row coded 7 is named as criterion 1, which the table already holds: rows shifted.
    text = GARBLED_DUMP.replace(
        "TONG DIEM", "7 | Cong tac chi dao, dieu hanh cai cach hanh chinh | Bao cao | 16 | 15\nTONG DIEM"
    )
    # ... and its line is told as not read (row 2 kept: see the test above).
    rows, parts = _kept_rows(tmp_path, text)
    assert rows == [("1", 10.0, 8.5), ("2", 10.0, 10.0), *RESTORED_3_4, ("5", 16.0, 16.0)]
    assert (12, 13) in parts and (15, 15) in parts


def test_a_kept_row_named_by_ocr_specks_is_not_kept(tmp_path):
    text = GARBLED_DUMP.replace("TONG DIEM", "6 | oe 0 | 7 | 7\nTONG DIEM")
    # ... and its line is told as not read (row 2 kept: see the test above).
    rows, parts = _kept_rows(tmp_path, text)
    assert rows == [("1", 10.0, 8.5), ("2", 10.0, 10.0), *RESTORED_3_4, ("5", 16.0, 16.0)]
    assert (12, 13) in parts and (15, 15) in parts


def test_a_points_table_whose_numbers_ocr_lost_is_found_by_its_names_and_its_points_told(tmp_path):
    # A real dump's score table with every figure gone from its row lines (and its total row), as
    # OCR loses a faint column: the rows hold codes and names, no number behaves as points, and
    # the score reader sets the table aside. Its header names the points columns ("Thang diém",
    # "Diém ty cham"), no other reader read its lines: it is told as a table not read, once.
    source = Path(__file__).parent / "data" / "dumps" / "d01-i1-ruled-top-eng-150dpi.txt"
    number = r"(?:\s+\d{1,2}(?:,\d{1,2})?){1,2}"
    lines = [
        "Tong cong" if t.startswith("Tong cong") else re.sub(rf"^(\d[\d.]*\.?\s.*?){number}(?=\s|$)", r"\1", t)
        for t in source.read_text(encoding="utf-8").splitlines()
    ]
    path = tmp_path / source.name
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = result_to_json(convert_file(path, path.stem))
    # Its name lines are still the criteria set's (Cà Mau's, 1 … 1.3): the rows are found by their
    # names' place in the set, and every one of their points is told lost, once.
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == ["1", "1.1", "1.1.1", "1.1.2", "1.1.3", "1.1.4", "1.2", "1.2.1", "1.2.2", "1.3"]
    # No self points survive; the maxima come from the set the names follow (Cà Mau's), flagged as
    # derived and queued: each is the figure the source dump printed before its column was stripped
    # (1.1 5, 1.1.1–1.1.3 1, 1.1.4 2, 1.2 2, 1.2.1–1.2.2 1, 1.3 3); row 1's stays blank.
    assert all(r["self_points"] is None for r in rows)
    assert [r["max_points"] for r in rows] == [None, 5, 1, 1, 1, 2, 2, 1, 1, 3]
    assert all("derived_from_criteria_set:max_points" in r["flags"] for r in rows[1:])
    assert [(p["kind"], p["line_start"]) for p in out["unread"]] == [("rows", 15)]
    assert out["unread"][0]["reason"].startswith("points of 1, 1.1, 1.1.1, 1.1.2, 1.1.3, 1.1.4, 1.2, 1.2.1, 1.2.2, 1.3")
    # Each row is queued whole, and the part is told on those entries, not asked once more
    # (``reconcile.queue_once``): it stays in ``unread`` for coverage.
    assert {r["item"] for r in out["review"] if r["field"] is None} >= {f"/score_tables/0/rows/{i}" for i in range(10)}
    assert not any(r["item"] == "/unread/0" for r in out["review"])
    told = out["unread"][0]["reason"]
    assert all(told in r["reason"] for r in out["review"] if r["item"].startswith("/score_tables/0/rows/"))


def test_a_page_holding_only_the_signers_name_is_the_signature_read():
    # Seed 272 p06-i1-report.pdf: the signer's name alone went onto page 4, which the reader OCR'd
    # (too little text layer): the signature block, read, not a page that gave nothing.
    from extract.model import IngestedDocument, Line, Page
    from extract.segment.unread import find_unread
    from schemas.records import DocumentMeta, ExtractionResult

    page = Page(number=4, blocks=[Line("Vũ Mỹ Nga", 4, 1)], method="ocr", width=2481, height=3508)
    doc = IngestedDocument(path="p06-i1-report.pdf", format="pdf", pages=[page])
    signed = ExtractionResult(document=DocumentMeta(signer="Vũ Mỹ Nga"))
    assert find_unread(doc, signed) == []
    # With another signer (or none read), a page with nine characters on a scan is one not read.
    other = ExtractionResult(document=DocumentMeta(signer="Mạc Công Trung"))
    assert [u.kind for u in find_unread(doc, other)] == ["page"]


def test_a_page_holding_the_signed_mark_and_the_signers_name_is_the_signature_read():
    # Seed 309 p06-i4-report.pdf: page 3 OCR'd to "(Đã ký)" / "Trương Hữu Tâm": the signature
    # block's mark of a signed copy and the signer, read, not a page that gave nothing.
    from extract.model import IngestedDocument, Line, Page
    from extract.segment.unread import find_unread
    from schemas.records import DocumentMeta, ExtractionResult

    lines = [Line("(Đã ký)", 3, 1), Line("Trương Hữu Tâm", 3, 2)]
    page = Page(number=3, blocks=lines, method="ocr", width=2481, height=3508)
    doc = IngestedDocument(path="p06-i4-report.pdf", format="pdf", pages=[page])
    assert find_unread(doc, ExtractionResult(document=DocumentMeta(signer="Trương Hữu Tâm"))) == []
    # Another signer's block, or a page of a few other words, is still a page not read.
    assert [u.kind for u in find_unread(doc, ExtractionResult(document=DocumentMeta(signer="Vũ Mỹ Nga")))] == ["page"]


# Seed 272 p06-i1-report.pdf dumped by Tesseract (eng, psm 6, degraded), cut to its task list:
# tasks 1.4 ("1.4,") and 2.2 ("~ 2.2.") lost their place as tasks, their lines went into the
# task above, and nothing said so.
P06_TASKS_DUMP = """UY BAN NHAN DAN : CONG HOA XA HOI CHU NGHiA VIET NAM
XA GIA LAC TAY -_. Déc lap - Ty do - Hanh phiic
’ $6: 205 /BC-UBND Gia Lac Tay, ngdy 11 thdng 01 ndm 2026 ee
oe oo BAO CAO 7
Két qua thc hién céng tac cai cach hanh chinh 6 thang dau nam 2025
Phan dau 6 thang cuéi nam: mic do hai long cua ngu6i dan, t6 chitc déi véi su phuc vu cia
UBND xa phan dau dat tir 87% dén 92%, - : aS oo
2, Nhiém vu trong tam: ne :
1. Cong tac chi dao, diéu hanh cai cach hanh chinh .
_ L1. Dang ky va trién khai sang kién, giai phdp mdi trong cai cach hanh chinh; thoi gian
_hoan thanh: Thang 10/2025; phéi hop: UBMTTQ Viét Nam xa; Chu tri thurc hién: Cong
~ chifc Tai chinh - Ké todn; San pham: Quyét dinh. ee So
1.2. Thuc hién ché d6 bao cdo dinh ky vé.cai cach hanh chinh: bd phan chai tri: Van phong
_ HDND va UBND; don vi phéi hop: Cac doan thé; san pham: Théng bao; thoi gian:
11/06/2025.
1.3. Xdy dung Ké hoach tuyén truyén cai cach hanh chinh; San pham: Thong bdo; Chu tri
thu hién: Cong chifc Tai chinh - Ké toan: phdi hgp: Cac bé phan chuyén mén, Cac nganh
lién quan; thdi gian: Ca nim 2025. a
1.4, XAy dng, ban hanh Ké hoach cai céch hanh chinh nam 2025; két qua, san pham: Ke
: hoach; Phéi hop thuc hién: Cac doan thé; thoi gian: Truc ngay 25/01/2025; Chu tri thirc’ -
hién: Phong Kinh té, - :
2. Cai cach thé ché = oe
2.1. T6 chifc phé bién, giao duc phap luat cho can.bé va nhan dan; thoi han: Thuong xuyén; .
Chu tri thyc hién: Phong Kinh té; San pham: Trang théng tin duc cap nhat; Phdi hop thuc
hién: Cac doan thé. ee :
~ 2.2. Céng b6 danh muc van ban hét hiéu lye, ngung hiéu luc; thoi han: Quy III/2025; don vi
phoi hgp: Cac thon, t6 dan phé, Cac bé phan chuyén mé6n; don vi cha tri: Van phong -
_ Thong ké; San pham: Bao cdo.
2.3. Ra soat, kiém tra van ban quy pham phap luat do HDND, UBND x4 ban hanh; chi tri:
_ Phong Van héa - Xa héi; thoi gian: Ca ném 2025; phdi hop: Ban Chi dao CCHC xa,
UBMTTQ Viét Nam xa; san pham: Thong bao. —3. Cai cach tha tuc hanh chinh : | :
"""


def test_a_task_printed_but_not_read_is_told(tmp_path):
    path = tmp_path / "report.txt"
    path.write_text(P06_TASKS_DUMP, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    codes = {r["code"] for t in out["task_tables"] for r in t["rows"]}
    assert {"1.2", "1.3", "2.1", "2.3"} <= codes and not {"1.4", "2.2"} & codes
    told = [u for u in out["unread"] if u["reason"].startswith("tasks ")]
    assert [u["reason"].split(" printed")[0] for u in told] == ["tasks 1.4, 2.2"]


def test_a_task_whose_statement_is_stated_elsewhere_is_still_told(tmp_path):
    # A report states the score of criterion 2.2 and 1.4 above its task list (P06's layout): the
    # statement is no task, so tasks 1.4 and 2.2 lost in the list are still told.
    statements = (
        "1. Kết quả tự đánh giá, chấm điểm các tiêu chí:\n"
        "Lĩnh vực 2 — Cải cách thể chế: đạt 3,75/4,5 điểm\n"
        "- Tiêu chí 2.1 - Theo dõi thi hành pháp luật: 2,5/2,5 điểm.\n"
        "- Tiêu chí 2.2: Công bố văn bản hết hiệu lực, ngưng hiệu lực, đạt 0,25 điểm/0,5 điểm.\n"
        "- Tiêu chí 1.4: Kiểm tra công tác cải cách hành chính, đạt 1/1 điểm.\n"
    )
    head, tasks = P06_TASKS_DUMP.split("2, Nhiém vu trong tam")
    path = tmp_path / "report.txt"
    path.write_text(head + statements + "2, Nhiém vu trong tam" + tasks, encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    assert {s["code"] for s in out["score_statements"]} >= {"1.4", "2.2"}
    told = [u for u in out["unread"] if u["reason"].startswith("tasks ")]
    assert [u["reason"].split(" printed")[0] for u in told] == ["tasks 1.4, 2.2"]


def test_a_bulleted_task_lost_into_the_task_above_is_told_by_its_fields():
    # Seed 283 p02-i2 (bulleted task paragraphs) dumped by Tesseract eng psm 6, degraded: ": - Xay
    # dung Ké hoach …", "= Quan ly, sv dung tai san …" and a task run onto its section's heading
    # line lost their bullets; their lines went into the task above, with no code to miss. The
    # task above then prints its fields twice. The vie psm 3 dump of the same plan is read whole.
    data = Path(__file__).parent / "data" / "dumps_told"
    lost = data / "s283-p02-i2-paragraphs-eng-psm6.txt"
    out = result_to_json(convert_file(lost, lost.name))
    truth = json.loads((data / f"{lost.name}.truth.json").read_text(encoding="utf-8"))
    assert sum(len(t["rows"]) for t in out["task_tables"]) < len(truth["task_rows"])
    told = [u for u in out["unread"] if u["reason"].startswith("tasks printed but not read")]
    assert told and all(18 <= u["line_start"] <= 42 for u in told)
    whole = data / "s283-p02-i2-paragraphs-vie-psm3.txt"
    out = result_to_json(convert_file(whole, whole.name))
    assert sum(len(t["rows"]) for t in out["task_tables"]) == len(truth["task_rows"])
    assert out["unread"] == []


def test_a_task_grid_ocr_garbled_whole_is_told_by_its_title():
    # Seed 283 p01-i4 (a landscape task appendix) dumped by Tesseract eng psm 6, degraded: the grid
    # came out as one block of garbled lines, no task was read, and nothing said so. Its title
    # ("KHUNG KẾ HOẠCH THỰC HIỆN NHIỆM VỤ …") is printed: the list is told. The vie psm 3 dump of
    # the same plan is read whole and tells nothing.
    data = Path(__file__).parent / "data" / "dumps_told"
    lost = data / "s283-p01-i4-annex-landscape-eng-psm6.txt"
    out = result_to_json(convert_file(lost, lost.name))
    assert not any(t["rows"] for t in out["task_tables"])
    told = [u for u in out["unread"] if u["reason"].startswith("a task list is printed")]
    assert len(told) == 1 and "NHIỆM VỤ" in told[0]["text_sample"]
    whole = data / "s283-p01-i4-annex-landscape-vie-psm3.txt"
    out = result_to_json(convert_file(whole, whole.name))
    truth = json.loads((data / f"{whole.name}.truth.json").read_text(encoding="utf-8"))
    assert sum(len(t["rows"]) for t in out["task_tables"]) == len(truth["task_rows"])
    assert out["unread"] == []
