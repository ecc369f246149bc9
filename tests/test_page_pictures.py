"""A picture of a page pasted into a DOCX (the signed score table, scanned): OCR'd as a page of its
own in its place; a small picture (a logo) is left alone; a picture of a page that holds no text
is told in the unread account. The score table is written here (fictional commune), printed by
LibreOffice, rasterised by pdftoppm and pasted into a second DOCX with python-docx."""

from __future__ import annotations

import random
import re
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.shared import Cm
from PIL import Image

from cchc_extract.pipeline import convert_file
from extract.docx_reader import DocxReader, DocxReaderSettings
from extract.model import Table
from extract.pdf_reader import PdfReader
from layout_docs import scanned_page, to_pdf

pytestmark = [pytest.mark.needs_tesseract]

ROWS = [
    ("1", "Công tác chỉ đạo, điều hành cải cách hành chính", "6", "5"),
    ("1.1", "Ban hành kế hoạch cải cách hành chính năm", "2", "2"),
    ("1.2", "Mức độ hoàn thành kế hoạch cải cách hành chính", "4", "3"),
    ("2", "Cải cách thủ tục hành chính", "4", "4"),
    ("2.1", "Công khai đầy đủ thủ tục hành chính", "4", "4"),
]


def table_page_png(tmp_path: Path) -> Path:
    document = Document()
    document.add_paragraph("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2025 CỦA XÃ TÂN HƯNG")
    table = document.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, label in zip(table.rows[0].cells, ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"]):
        cell.text = label
    for row in ROWS:
        for cell, text in zip(table.add_row().cells, row):
            cell.text = text
    source = tmp_path / "bang-diem.docx"
    document.save(str(source))
    pdf = to_pdf(source)
    if pdf is None or not shutil.which("pdftoppm"):
        pytest.skip("LibreOffice or pdftoppm missing")
    return scanned_page(pdf, tmp_path / "trang", dpi=200)


def report_with_picture(tmp_path: Path, picture: Path, width_cm: float) -> Path:
    document = Document()
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ TÂN HƯNG")
    document.add_paragraph("BÁO CÁO Kết quả cải cách hành chính năm 2025")
    document.add_paragraph("Bảng tự chấm điểm kèm theo (bản chụp có chữ ký):")
    document.add_picture(str(picture), width=Cm(width_cm))
    document.add_paragraph("Nơi nhận: Phòng Nội vụ huyện.")
    path = tmp_path / "bao-cao.docx"
    document.save(str(path))
    return path


def test_picture_of_a_score_table_is_read(tmp_path):
    path = report_with_picture(tmp_path, table_page_png(tmp_path), 16)
    result = convert_file(path)
    assert [e.stage for e in result.errors] == ["warning"]
    assert len(result.score_tables) == 1
    rows = result.score_tables[0].rows
    assert [r.code for r in rows] == [r[0] for r in ROWS]
    assert [r.max_points for r in rows] == [float(r[2]) for r in ROWS]
    assert [r.self_points for r in rows] == [float(r[3]) for r in ROWS]
    # The picture is a page of its own, in its place: typed text before and after it.
    doc = DocxReader().read(path)
    assert [p.method for p in doc.pages] == ["docx", "ocr", "docx"]
    assert "Nơi nhận" in " ".join(line.text for line in doc.pages[2].lines)
    assert any("picture of a page" in w for w in doc.warnings)


def test_small_picture_is_left_alone(tmp_path):
    logo = tmp_path / "logo.png"
    Image.new("L", (300, 300), 255).save(logo)
    doc = DocxReader().read(report_with_picture(tmp_path, logo, 2.5))
    assert [p.method for p in doc.pages] == ["docx"]
    assert not any("picture" in w for w in doc.warnings)


def test_picture_of_a_page_without_text_is_told(tmp_path):
    blank = tmp_path / "trang-trang.png"
    Image.new("L", (1600, 2200), 255).save(blank)
    result = convert_file(report_with_picture(tmp_path, blank, 16))
    pages = [u for u in result.unread if u.kind == "page"]
    assert [u.page for u in pages] == [2]


def test_pictures_left_unread_when_switched_off(tmp_path):
    path = report_with_picture(tmp_path, table_page_png(tmp_path), 16)
    doc = DocxReader(settings=DocxReaderSettings(ocr_page_pictures=False)).read(path)
    assert [p.method for p in doc.pages] == ["docx"]


def as_vml_picture(path: Path) -> Path:
    """The same file with its picture written the older way Word still writes for an embedded
    object's preview and compatibility-mode files: VML ``w:pict/v:shape/v:imagedata``."""
    with zipfile.ZipFile(path) as source:
        items = {name: source.read(name) for name in source.namelist()}
    xml = items["word/document.xml"].decode("utf-8")
    rid = re.search(r'r:embed="([^"]+)"', xml).group(1)
    vml = f'<w:pict><v:shape style="width:453.5pt;height:641pt"><v:imagedata r:id="{rid}"/></v:shape></w:pict>'
    items["word/document.xml"] = re.sub(r"<w:drawing>.*?</w:drawing>", vml, xml, flags=re.S).encode("utf-8")
    out = path.with_name("bao-cao-vml.docx")
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in items.items():
            target.writestr(name, data)
    return out


def test_vml_picture_of_a_score_table_is_read(tmp_path):
    path = as_vml_picture(report_with_picture(tmp_path, table_page_png(tmp_path), 16))
    assert "<w:drawing>" not in zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    result = convert_file(path)
    assert len(result.score_tables) == 1
    assert [r.code for r in result.score_tables[0].rows] == [r[0] for r in ROWS]
    assert [r.max_points for r in result.score_tables[0].rows] == [float(r[2]) for r in ROWS]


def photograph(tmp_path: Path) -> Path:
    """A photograph (reports show their meetings full width): a dim room, people and a banner
    in mid-tones, no paper-white background."""
    rng = random.Random(7)
    photo = tmp_path / "hoi-nghi.png"
    image = Image.new("RGB", (1200, 800))
    image.putdata(
        [
            (30 + y // 8 + rng.randrange(30), 25 + y // 9 + rng.randrange(30), 20 + y // 10)
            for y in range(800)
            for _ in range(1200)
        ]
    )
    image.save(photo)
    return photo


def test_photograph_is_not_read_as_a_page(tmp_path):
    photo = photograph(tmp_path)
    path = report_with_picture(tmp_path, photo, 16)
    doc = DocxReader().read(path)
    assert [p.method for p in doc.pages] == ["docx"]
    assert any("photograph" in w for w in doc.warnings)
    assert not [u for u in convert_file(path).unread if u.kind == "page"]


def table_cut_to_its_ink(tmp_path: Path) -> Path:
    """The table's page as a scanner's auto-crop leaves it: the caption and the table, no sheet
    around them (a strip as wide as the text and a few rows high)."""
    from PIL import ImageOps

    page = Image.open(table_page_png(tmp_path)).convert("L")
    left, top, right, bottom = ImageOps.invert(page).point(lambda v: 255 if v > 64 else 0).getbbox()
    strip = tmp_path / "bang-cat.png"
    page.crop((left - 20, top - 20, right + 20, bottom + 20)).save(strip)
    return strip


def test_picture_of_a_table_cut_to_its_ink_is_read(tmp_path):
    # A strip a few rows high pasted at two thirds of the text width: no whole page's height,
    # still the table.
    path = report_with_picture(tmp_path, table_cut_to_its_ink(tmp_path), 11)
    with zipfile.ZipFile(path) as z:
        extent = re.search(r'<wp:extent cx="(\d+)" cy="(\d+)"', z.read("word/document.xml").decode("utf-8"))
    assert int(extent.group(2)) / 12700 < 0.3 * 842  # shorter than a third of the page
    result = convert_file(path)
    rows = result.score_tables[0].rows
    assert [r.code for r in rows] == [r[0] for r in ROWS]
    assert [r.self_points for r in rows] == [float(r[3]) for r in ROWS]


@pytest.mark.needs_libreoffice
def test_picture_beside_text_in_a_pdf_is_read_in_its_place(tmp_path):
    # The report printed to PDF: the picture shares its page with typed text, so the page is read
    # from its text layer; the picture is cut from the page, OCR'd, and its table read where it
    # stands: the typed lines above it numbered before the table, "Nơi nhận" after it.
    path = report_with_picture(tmp_path, table_cut_to_its_ink(tmp_path), 16)
    pdf = to_pdf(path)
    assert pdf is not None
    result = convert_file(pdf)
    rows = result.score_tables[0].rows
    assert [r.code for r in rows] == [r[0] for r in ROWS]
    assert [r.max_points for r in rows] == [float(r[2]) for r in ROWS]
    assert [r.self_points for r in rows] == [float(r[3]) for r in ROWS]
    assert not [u for u in result.unread if "picture" in u.reason]
    doc = PdfReader().read(pdf)
    page = doc.pages[0]
    assert page.method == "pdf-text" and not page.pictures
    kinds = ["table" if isinstance(b, Table) else b.text for b in page.blocks]
    assert kinds.index("table") > kinds.index("Bảng tự chấm điểm kèm theo (bản chụp có chữ ký):")
    assert kinds.index("table") < next(k for k, b in enumerate(kinds) if b.startswith("Nơi nhận"))
    numbers = [b.line_start if isinstance(b, Table) else b.number for b in page.blocks]
    assert numbers == sorted(numbers) and len(set(numbers)) == len(numbers)
    table = page.tables[0]
    assert 40 < table.bbox[0] < table.bbox[2] < 560  # the picture's place, in the page's points


@pytest.mark.needs_libreoffice
def test_picture_of_paper_with_no_table_beside_text_in_a_pdf_is_told(tmp_path):
    # A picture of paper whose OCR finds no table (a blank sheet, a page too faint to read): its
    # contents are told unread with its box, not dropped.
    blank = tmp_path / "giay-trang.png"
    Image.new("L", (1600, 700), 250).save(blank)
    pdf = to_pdf(report_with_picture(tmp_path, blank, 16))
    assert pdf is not None
    result = convert_file(pdf)
    told = [u for u in result.unread if u.kind == "table" and "picture" in u.reason]
    assert [u.page for u in told] == [1]
    x0, y0, x1, y1 = told[0].bbox
    assert x1 - x0 > 400 and y1 - y0 > 150  # the picture's box, 16 cm wide, in points
    assert any("picture" in (r.reason or "") for r in result.review)


@pytest.mark.needs_libreoffice
def test_photograph_beside_text_in_a_pdf_is_not_told(tmp_path):
    pdf = to_pdf(report_with_picture(tmp_path, photograph(tmp_path), 16))
    assert pdf is not None
    assert not [u for u in convert_file(pdf).unread if "picture" in u.reason]


def sheet_on_a_desk(tmp_path: Path) -> Path:
    """A phone photo of a typed page on a desk: the sheet (A4's shape, lines of text) turned a
    little, the lamp's light falling off by 30% down it, a dark desk around it: less than half
    the picture is as bright as its bright end, though the sheet is paper."""
    from PIL import ImageDraw

    sheet = Image.new("L", (840, 1188), 250)
    draw = ImageDraw.Draw(sheet)
    for y in range(120, 1000, 36):
        draw.rectangle((90, y, 90 + (y * 37) % 600 + 100, y + 12), fill=40)
    light = Image.linear_gradient("L").resize(sheet.size).point(lambda v: 255 - v * 3 // 10)  # 1.0 → 0.7
    sheet = Image.composite(sheet, Image.new("L", sheet.size, 0), light)
    desk = Image.new("L", (1200, 1500), 70)
    desk.paste(sheet.rotate(3, expand=True, fillcolor=70), (150, 140))
    path = tmp_path / "anh-chup-trang.jpg"
    desk.save(path, quality=85)
    return path


def test_photo_of_a_sheet_on_a_desk_is_paper_the_meeting_photo_is_not(tmp_path):
    from extract.paper_picture import PaperSettings, looks_like_paper

    photo = Image.open(sheet_on_a_desk(tmp_path))
    assert not looks_like_paper(photo, PaperSettings(sheet_in_photo=False))  # whole, the desk and shade win
    assert looks_like_paper(photo)  # the sheet it shows is paper
    assert not looks_like_paper(Image.open(photograph(tmp_path)))


def slide_in_a_meeting(tmp_path: Path) -> Path:
    """A photograph of a meeting in a dim hall: a projected slide (16:9, bright, a title and a few
    lines of bullets) on the wall above the rows of heads; the slide covers a third of the picture."""
    from PIL import ImageDraw

    rng = random.Random(11)
    hall = Image.new("RGB", (1600, 900))
    hall.putdata(
        [
            (35 + y // 12 + rng.randrange(25), 30 + y // 14 + rng.randrange(25), 28)
            for y in range(900)
            for _ in range(1600)
        ]
    )
    draw = ImageDraw.Draw(hall)
    left, top, width, height = 360, 70, 880, 495
    draw.rectangle((left, top, left + width, top + height), fill=(238, 240, 236))
    draw.rectangle((left + 60, top + 50, left + 700, top + 95), fill=(30, 60, 140))  # the slide's title
    for k in range(5):
        y = top + 150 + 60 * k
        draw.rectangle((left + 80, y, left + 80 + 300 + (k * 97) % 400, y + 22), fill=(40, 40, 40))
    for k in range(14):  # heads of the audience in the front rows
        x, y = 40 + 115 * k + rng.randrange(30), 700 + rng.randrange(120)
        draw.ellipse((x, y, x + 80, y + 100), fill=(20 + rng.randrange(30), 18, 15))
    path = tmp_path / "hoi-nghi-trinh-chieu.jpg"
    hall.save(path, quality=85)
    return path


def test_a_slide_on_the_wall_of_a_meeting_photo_is_no_sheet(tmp_path):
    """The page-finder finds the slide (a bright quadrilateral on a darker ground), but its shape
    is a screen's, not a sheet's: the photograph is not taken for a page, not OCR'd, and not told
    as an unread page; a sheet photographed on a desk still is paper."""
    from extract.image_prep import aspect_error, page_quadrilateral
    from extract.paper_picture import PaperSettings, looks_like_paper

    photo = slide_in_a_meeting(tmp_path)
    image = Image.open(photo)
    quad = page_quadrilateral(image.convert("L"))
    assert quad is not None and 0.2 < aspect_error(quad) < 0.35  # found, and within the warp's tolerance
    assert looks_like_paper(image, PaperSettings(sheet_max_aspect_error=0.35))  # judged as the warp does: paper
    assert not looks_like_paper(image)
    assert looks_like_paper(Image.open(sheet_on_a_desk(tmp_path)))
    path = report_with_picture(tmp_path, photo, 16)
    doc = DocxReader().read(path)
    assert [p.method for p in doc.pages] == ["docx"]
    assert not [u for u in convert_file(path).unread if u.kind == "page"]
