#!/usr/bin/env python3
"""Make the real renderings of seed content that the DOCX, PDF and OCR readers are tested on.

    python tools/make_samples.py    # writes samples/renderings/, golden/reference/renderings/,
                                    # tools/SAMPLES.md and tests/data/bad/
    python tools/make_samples.py --only score_table_unruled_scan.png   # that rendering alone

Outputs (all reproducible: fixed random seed, fixed fonts):
  samples/renderings/score_table.docx       a commune CCHC score table: every row of the reference,
                                            roman parts, bold sections, a closing "Tổng" row; merged
                                            header cells (gridSpan, vMerge) repeated on every page
                                            (w:tblHeader), so the PDF exercises the cross-page join
  samples/renderings/stats_annex.docx       narrative of a six-month report, a hard page break, then a
                                            statistics annex table with merged header cells
  samples/renderings/task_list_unruled.docx a task list as a borderless table (columns by alignment
                                            only): bold header row, then one-line data rows
  samples/renderings/*.pdf                  the same through LibreOffice: text-layer PDFs, ruled tables
  samples/renderings/score_table_scan.pdf   every score-table page scanned: 200 dpi bilevel images
  samples/renderings/score_table_scan.png   one photographed page at 300 dpi (rotated, scanner noise):
                                            the largest complete section that fits one page, its total
  samples/renderings/score_table_unruled_scan.png  one photographed page of a score table printed
                                            without borders (columns by alignment only): another
                                            complete section, a few short explanations right of the
                                            numbers, its total ("Tổng")
  samples/renderings/mixed_text_and_scan.pdf  page 1 with a text layer, page 2 a bilevel scan
  samples/renderings/stats_annex_scan.tif   two scanned pages in one bilevel TIFF (Group 4)
  samples/renderings/*.truth                the text layer of the page(s) each image scan was made from,
                                            the known text OCR accuracy is measured against
  golden/reference/renderings/<name>.reference.json  what each rendering holds, in the format of the
                                            seed references (golden/reference/README.md), written from
                                            the same rows that are rendered
  tools/SAMPLES.md                          provenance (kept out of samples/: it would be converted)
  tests/data/bad/*                          inputs every reader must refuse with a one-line error

The score-table rows come from the golden reference of the OCR'd score-table seed
(``golden/reference/003_ngoc-ky_2023_bang-diem-ocr.txt.reference.json``): scores the reference has as
null stay blank.
"""

from __future__ import annotations

import json
import os
import random
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from docx.enum.text import WD_BREAK  # noqa: E402
from docx.shared import Cm, Pt  # noqa: E402
from docx_blocks import grid_table, header_two_rows, new_document, repeat_as_header, set_cell  # noqa: E402
from libreoffice import libreoffice_pdf  # noqa: E402
from PIL import Image, ImageFilter  # noqa: E402
from sample_references import (  # noqa: E402
    STATS_SEED,
    code_level,
    printed_code,
    rendering_document,
    score_reference,
    stats_reference,
    task_reference,
    write_reference,
)

OUT = ROOT / "samples" / "renderings"
BAD = ROOT / "tests" / "data" / "bad"
REFERENCE = ROOT / "golden" / "reference" / "003_ngoc-ky_2023_bang-diem-ocr.txt.reference.json"
PNG_MAX_ROWS = 16  # the one-page score table of the photographed page
TASKS_SEED = ROOT / "samples" / "000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt"


@dataclass(frozen=True)
class ScanSettings:
    dpi: int = 300
    rotate_deg: float = 0.8
    speckles_per_mpx: int = 400  # dark specks per million pixels
    blur_radius: float = 0.6
    seed: int = 7


def _fmt_points(value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, (int, float)):
        return f"{value:g}"
    return str(value)


@dataclass(frozen=True)
class ScoreSource:
    """The score-table rows (reference format: code, name, max_points, self_points, ...), the
    stated grand total and where they came from."""

    rows: list[dict]
    total_max: float | None
    total_self: float | None
    origin: str
    title: str


def score_source() -> ScoreSource:
    """The hand-checked rows of the OCR'd score-table seed: what every score rendering prints."""
    data = json.loads(REFERENCE.read_text(encoding="utf-8"))
    table = data["score_tables"][0]
    return ScoreSource(
        table["rows"],
        table.get("stated_total_max"),
        table.get("stated_total_self"),
        f"every row of {REFERENCE.relative_to(ROOT).as_posix()}",
        table.get("title") or "",
    )


def table_rows(rows: list[dict], total: tuple | None) -> list[tuple[str, str, str, str, str]]:
    """Printed cells of score rows (null stays blank), then the closing total row."""
    out = [
        (
            printed_code(str(r.get("code") or "")),
            str(r.get("name") or ""),
            _fmt_points(r.get("max_points")),
            _fmt_points(r.get("self_points")),
            str(r.get("explanation") or ""),
        )
        for r in rows
    ]
    if total is not None:
        out.append(("", "Tổng", _fmt_points(total[0]), _fmt_points(total[1]), ""))
    return out


def subtrees(rows: list[dict]) -> list[list[dict]]:
    """Every row with all its descendants (the rows after it down to the next row of its level or
    higher), whose scores are all known: candidates for a self-contained one-page table."""
    out = []
    for i, row in enumerate(rows):
        level = code_level(str(row.get("code") or ""))
        j = i + 1
        while j < len(rows) and code_level(str(rows[j].get("code") or "")) > level:
            j += 1
        tree = rows[i:j]
        if len(tree) > 1 and all(r.get("max_points") is not None and r.get("self_points") is not None for r in tree):
            out.append(tree)
    return sorted(out, key=len, reverse=True)


# ---------------------------------------------------------------------------------------------- docx


def build_score_docx(path: Path, rows: list[tuple[str, str, str, str, str]], title: str) -> None:
    doc = new_document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN XÃ").runs[0].bold = True
    doc.add_heading(title, level=1)
    doc.add_paragraph("(Kèm theo Báo cáo tự đánh giá của Ủy ban nhân dân xã)")
    table = grid_table(doc, 5, [1.6, 7.4, 1.6, 1.8, 4.6])
    header_two_rows(
        table, ["STT", "Lĩnh vực, tiêu chí", "Điểm", "Nội dung giải trình"], (2, "Điểm", ["Tối đa", "Tự đánh giá"])
    )
    for row in table.rows:
        repeat_as_header(row)
    for code, name, max_p, self_p, explanation in rows:
        section = not code or code.count(".") <= 1 and code.endswith(".")
        cells = table.add_row().cells
        for i, text in enumerate((code, name, max_p, self_p, explanation)):
            set_cell(cells[i], text, bold=section and i < 4)
    doc.add_paragraph("")
    doc.add_paragraph("CHỦ TỊCH").runs[0].bold = True
    doc.save(path)


def stats_content():
    """Narrative paragraphs and the first statistics annex (header + rows) of the six-month report
    seed, through our own text reader."""
    from extract.base import ingest

    doc = ingest(STATS_SEED)
    lines = [ln for ln in doc.lines() if ln.text.strip()]
    narrative = lines[:14]
    tables = list(doc.tables())
    annex_rows = tables[0].text_rows() + tables[1].text_rows()  # one annex split by a blank line
    bold_rows = {
        r for t in tables[:2] for c in t.cells if c.bold for r in [c.row + (0 if t is tables[0] else tables[0].n_rows)]
    }
    return narrative, annex_rows, bold_rows


def build_stats_docx(path: Path) -> None:
    narrative, annex_rows, bold_rows = stats_content()
    doc = new_document()
    for line in narrative:
        if line.heading:
            doc.add_heading(line.text, level=min(line.heading, 3))
        else:
            para = doc.add_paragraph()
            para.add_run(line.text).bold = line.bold
    # A hard page break inside its own paragraph: the annex starts on a new page.
    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    doc.add_paragraph().add_run("Phụ lục 2").bold = True
    doc.add_paragraph().add_run(
        "BIỂU MẪU THỐNG KÊ SỐ LIỆU BÁO CÁO CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    ).bold = True
    table = grid_table(doc, 5, [1.4, 8.2, 2.4, 1.8, 3.2])
    header = annex_rows[0]
    header_two_rows(table, [header[0], header[1], header[2], header[4]], (2, header[2], annex_rows[1][2:4]))
    for r, row in enumerate(annex_rows[2:], start=2):
        cells = table.add_row().cells
        for i, text in enumerate(row):
            set_cell(cells[i], text, bold=r in bold_rows, size=10.5)
    doc.save(path)


TASK_COLUMNS = (0, 1, 4, 5, 7)  # TT, TC, Thời gian hoàn thành, Bộ phận chủ trì, Công chức ...
TASK_LIMITS = (4, 7, 34, 22, 20)  # data rows short enough for one line per cell
TASK_WIDTHS_CM = (1.3, 1.9, 7.2, 5.6, 9.6)  # landscape A4: the header fits on one line


def task_rows(max_rows: int = 14) -> tuple[list[str], list[list[str]]]:
    """The header and the first one-line data rows of the task appendix of a plan, in the picked
    columns."""
    from extract.base import ingest

    header: list[str] = []
    rows = []
    for table in ingest(TASKS_SEED).tables():
        for r, row in enumerate(table.text_rows()):
            values = [row[i] if i < len(row) else "" for i in TASK_COLUMNS]
            if r == 0 and not header and not values[0].isdigit():
                header = values
            elif (
                values[0].isdigit()
                and all(len(v) <= n for v, n in zip(values, TASK_LIMITS))
                and sum(bool(v) for v in values) >= 4
            ):
                rows.append(values)
    return header, rows[:max_rows]


def build_unruled_docx(path: Path, header: list[str], rows: list[list[str]]) -> None:
    """Short columns of the task appendix of a plan, in a table without borders: its PDF has no
    ruling lines, only aligned text. Bold header row, then the data rows."""
    from docx.enum.section import WD_ORIENT

    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21)
    doc.add_paragraph().add_run("PHỤ LỤC: PHÂN CÔNG NHIỆM VỤ").bold = True
    table = doc.add_table(rows=0, cols=len(header))  # default style: no borders
    for col, w in zip(table.columns, TASK_WIDTHS_CM):
        col.width = Cm(w)
    for r, values in enumerate([header] + rows):
        cells = table.add_row().cells
        for i, text in enumerate(values):
            set_cell(cells[i], text, bold=r == 0, size=10)
            cells[i].width = Cm(TASK_WIDTHS_CM[i])
    doc.save(path)


UNRULED_SCORE_HEADER = ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Giải trình")
UNRULED_SCORE_WIDTHS_CM = (1.4, 8.2, 1.8, 1.8, 3.8)
UNRULED_SCORE_FONT_PT = 10  # the section's 21 rows on one page
UNRULED_SCORE_SECTION = "1"  # a section that fits one page, other than the bordered photo's
# Short explanations a commune writes beside some criteria (composed for this tool), by code.
UNRULED_EXPLANATIONS = {
    "1.1.1": "Kế hoạch ban hành ngày 28/12.",
    "1.2": "Báo cáo đúng hạn.",
    "1.3.2": "Đã khắc phục.",
    "1.4.2": "Loa truyền thanh, hội nghị.",
    "1.6": "Chưa tổ chức đối thoại.",
    "1.7": "Hoàn thành đúng hạn.",
}


def build_unruled_score_docx(path: Path, rows: list[tuple[str, str, str, str, str]], title: str) -> None:
    """A score table in a table without borders (columns by alignment only): one bold header row,
    numbers centred in their columns, bold sections."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    doc = new_document()
    doc.add_paragraph("ỦY BAN NHÂN DÂN XÃ").runs[0].bold = True
    doc.add_heading(title, level=1)
    table = doc.add_table(rows=0, cols=len(UNRULED_SCORE_HEADER))  # default style: no borders
    table.autofit = False
    for col, w in zip(table.columns, UNRULED_SCORE_WIDTHS_CM):
        col.width = Cm(w)
    for r, values in enumerate([UNRULED_SCORE_HEADER] + list(rows)):
        code = values[0]
        section = r == 0 or not code or code.count(".") <= 1 and code.endswith(".")
        cells = table.add_row().cells
        for i, text in enumerate(values):
            set_cell(cells[i], text, bold=section and i < 4, size=UNRULED_SCORE_FONT_PT)
            cells[i].width = Cm(UNRULED_SCORE_WIDTHS_CM[i])
            para = cells[i].paragraphs[0]
            para.paragraph_format.space_after = Pt(3)  # rows apart by white space only
            para.paragraph_format.line_spacing = 1.0
            if i in (0, 2, 3):
                para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    doc.add_paragraph("")
    doc.add_paragraph("CHỦ TỊCH").runs[0].bold = True
    doc.save(path)


def unruled_score_rows(source_rows: list[dict]) -> list[dict]:
    """The complete section picked for the unruled photo, with the composed explanations."""
    tree = next((t for t in subtrees(source_rows) if t[0].get("code") == UNRULED_SCORE_SECTION), None)
    if tree is None:
        raise SystemExit(f"section {UNRULED_SCORE_SECTION} of the score table is not complete")
    return [{**r, "explanation": UNRULED_EXPLANATIONS.get(r["code"], r.get("explanation") or "")} for r in tree]


def make_unruled_score_png(source: ScoreSource, settings: ScanSettings) -> None:
    """The unruled score table photographed (as ``make_photo_png``), its truth and its reference."""
    rows = unruled_score_rows(source.rows)
    total = (rows[0]["max_points"], rows[0]["self_points"])
    name = "score_table_unruled_scan.png"
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "score_table_unruled_scan.docx"
        build_unruled_score_docx(docx_path, table_rows(rows, total), PNG_TITLE)
        pdf = libreoffice_pdf(docx_path, Path(tmp))
        pages = render_pages(pdf, settings.dpi)
        if len(pages) != 1:
            raise RuntimeError(f"the unruled score table runs onto {len(pages)} pages")
        scanned(pages[0], settings, 2).quantize(16).save(OUT / name, optimize=True, dpi=(settings.dpi,) * 2)
        (OUT / "score_table_unruled_scan.truth").write_text(pdf_text(pdf, 0) + "\n", encoding="utf-8")
    table = score_reference(rows, total, PNG_TITLE)
    table["columns"] = list(UNRULED_SCORE_HEADER)
    write_reference(
        name,
        f"section {UNRULED_SCORE_SECTION} of {source.origin}; explanations composed",
        rendering_document(
            PNG_TITLE, "One complete section of the score table, printed without borders, and its total."
        ),
        score_tables=[table],
    )


# ------------------------------------------------------------------------------------ pdf and scans


def render_pages(pdf: Path, dpi: int) -> list[Image.Image]:
    import pypdfium2 as pdfium

    pdf_doc = pdfium.PdfDocument(str(pdf))
    try:
        return [page.render(scale=dpi / 72).to_pil().convert("L") for page in pdf_doc]
    finally:
        pdf_doc.close()


def scanned(page: Image.Image, settings: ScanSettings, index: int = 0) -> Image.Image:
    """A page as a flatbed scanner gives it: slightly rotated, a little blurred, specks of dust."""
    rng = random.Random(settings.seed + index)
    angle = settings.rotate_deg * (1 if index % 2 == 0 else -0.7)
    img = page.rotate(angle, resample=Image.BICUBIC, fillcolor=255, expand=False)
    img = img.filter(ImageFilter.GaussianBlur(settings.blur_radius))
    px = img.load()
    w, h = img.size
    for _ in range(settings.speckles_per_mpx * w * h // 1_000_000):
        x, y = rng.randrange(w - 2), rng.randrange(h - 2)
        shade = rng.randrange(40, 140)
        for dx, dy in ((0, 0), (1, 0), (0, 1)):
            px[x + dx, y + dy] = shade
    return img


def pdf_text(pdf: Path, page_index: int) -> str:
    import pdfplumber

    with pdfplumber.open(pdf) as doc:
        return doc.pages[page_index].extract_text() or ""


def bilevel(page: Image.Image) -> Image.Image:
    return page.point(lambda v: 255 if v > 160 else 0).convert("1")


def make_score_scan_pdf(score_pdf: Path, settings: ScanSettings, dpi: int = 200) -> None:
    """Every page of the score table scanned the way office scanners file them: 200 dpi, bilevel
    (CCITT Group 4 inside the PDF), one image per page."""
    pages = [scanned(p, settings, i) for i, p in enumerate(render_pages(score_pdf, settings.dpi))]
    small = [
        bilevel(p.resize((p.width * dpi // settings.dpi, p.height * dpi // settings.dpi), Image.LANCZOS)) for p in pages
    ]
    small[0].save(OUT / "score_table_scan.pdf", save_all=True, append_images=small[1:], resolution=dpi)


def make_photo_png(rows: list[tuple], settings: ScanSettings) -> None:
    """The one photographed page: its table is rendered on its own (it must fit on one page)."""
    with tempfile.TemporaryDirectory() as tmp:
        docx_path = Path(tmp) / "score_table_scan.docx"
        build_score_docx(docx_path, rows, PNG_TITLE)
        pdf = libreoffice_pdf(docx_path, Path(tmp))
        pages = render_pages(pdf, settings.dpi)
        if len(pages) != 1:
            raise RuntimeError(f"the photographed score table runs onto {len(pages)} pages")
        # PNG: 16 grey levels keep the file small and still look like a greyscale scan.
        scanned(pages[0], settings, 0).quantize(16).save(
            OUT / "score_table_scan.png", optimize=True, dpi=(settings.dpi,) * 2
        )
        (OUT / "score_table_scan.truth").write_text(pdf_text(pdf, 0) + "\n", encoding="utf-8")


def make_stats_tif(stats_pdf: Path, settings: ScanSettings) -> None:
    stats_pages = [scanned(p, settings, i + 1) for i, p in enumerate(render_pages(stats_pdf, settings.dpi))]
    pages = [bilevel(p) for p in stats_pages]
    pages[0].save(
        OUT / "stats_annex_scan.tif",
        save_all=True,
        append_images=pages[1:],
        compression="group4",
        dpi=(settings.dpi,) * 2,
    )
    truth = "\n\f\n".join(pdf_text(stats_pdf, i) for i in range(len(stats_pages)))
    (OUT / "stats_annex_scan.truth").write_text(truth + "\n", encoding="utf-8")


def make_mixed_pdf(text_pdf: Path, scan_source_pdf: Path, settings: ScanSettings) -> None:
    """A PDF whose first page has a text layer and whose second is a bilevel scan (an annex
    printed, signed and scanned back in): each page must choose its own way in."""
    import pypdfium2 as pdfium

    page = render_pages(scan_source_pdf, settings.dpi)[1]
    with tempfile.TemporaryDirectory() as tmp:
        scan_pdf = Path(tmp) / "scan.pdf"
        bilevel(scanned(page, settings, 3)).save(scan_pdf, resolution=settings.dpi)
        doc, scan = pdfium.PdfDocument(str(text_pdf)), pdfium.PdfDocument(str(scan_pdf))
        try:
            doc.import_pages(scan)
            doc.save(str(OUT / "mixed_text_and_scan.pdf"))
        finally:
            scan.close()
            doc.close()


# ------------------------------------------------------------------------------------- bad inputs


def make_bad_inputs(text_pdf: Path, docx_path: Path) -> None:
    BAD.mkdir(parents=True, exist_ok=True)
    data = text_pdf.read_bytes()
    (BAD / "truncated.pdf").write_bytes(data[: len(data) // 3])
    (BAD / "empty.pdf").write_bytes(b"")
    (BAD / "not_a_zip.docx").write_bytes("Đây không phải là tệp Word.\n".encode())
    noise = random.Random(3)
    (BAD / "binary.txt").write_bytes(bytes(noise.randrange(256) for _ in range(2048)))
    (BAD / "notes.rtf").write_bytes(b"{\\rtf1\\ansi Bao cao}\n")
    blank = Image.new("L", (1240, 1754), 255)
    px = blank.load()
    rng = random.Random(5)
    for _ in range(300):
        px[rng.randrange(1240), rng.randrange(1754)] = rng.randrange(150, 230)
    blank.save(BAD / "blank_page.png", dpi=(150, 150))
    # Encrypted: LibreOffice's PDF export with an open password (no pypdf/qpdf needed).
    opts = json.dumps(
        {
            "EncryptFile": {"type": "boolean", "value": "true"},
            "DocumentOpenPassword": {"type": "string", "value": "matkhau"},
        }
    )
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "encrypted.docx"
        shutil.copy(docx_path, src)
        shutil.move(str(libreoffice_pdf(src, Path(tmp), opts)), BAD / "encrypted.pdf")


# ------------------------------------------------------------------------------------- references


PNG_TITLE = "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ (TRÍCH)"
SCORE_TITLE = "CHỈ SỐ ĐÁNH GIÁ, XÁC ĐỊNH CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2023"


def main(argv: list[str]) -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    settings = ScanSettings()
    source = score_source()
    if argv[:1] == ["--only"]:
        if argv[1:] != ["score_table_unruled_scan.png"]:
            raise SystemExit("--only knows: score_table_unruled_scan.png")
        make_unruled_score_png(source, settings)
        return 0
    total = (source.total_max, source.total_self)
    score_docx, stats_docx = OUT / "score_table.docx", OUT / "stats_annex.docx"
    build_score_docx(score_docx, table_rows(source.rows, total), SCORE_TITLE)
    build_stats_docx(stats_docx)
    header, tasks = task_rows()
    unruled_docx = OUT / "task_list_unruled.docx"
    build_unruled_docx(unruled_docx, header, tasks)
    libreoffice_pdf(unruled_docx, OUT)
    score_pdf = libreoffice_pdf(score_docx, OUT)
    stats_pdf = libreoffice_pdf(stats_docx, OUT)
    make_score_scan_pdf(score_pdf, settings)
    # The photographed page: the largest complete section that fits on one page, with its total.
    for tree in (t for t in subtrees(source.rows) if len(t) <= PNG_MAX_ROWS):
        try:
            png_total = (tree[0]["max_points"], tree[0]["self_points"])
            make_photo_png(table_rows(tree, png_total), settings)
            break
        except RuntimeError:
            continue
    else:
        raise SystemExit("no complete section of the score table fits on one page")
    make_unruled_score_png(source, settings)
    make_stats_tif(stats_pdf, settings)
    make_mixed_pdf(OUT / "task_list_unruled.pdf", stats_pdf, settings)
    make_bad_inputs(stats_pdf, score_docx)

    score_doc = rendering_document(SCORE_TITLE, "Rendering: no number, date, place or signer name printed.")
    table = score_reference(source.rows, total, SCORE_TITLE)
    for name in ("score_table.docx", "score_table.pdf", "score_table_scan.pdf"):
        write_reference(name, source.origin, score_doc, score_tables=[table])
    write_reference(
        "score_table_scan.png",
        f"section {tree[0]['code']} of {source.origin}",
        rendering_document(PNG_TITLE, "One complete section of the score table and its total."),
        score_tables=[score_reference(tree, png_total, PNG_TITLE)],
    )
    _, annex_rows, _ = stats_content()
    stats = stats_reference(annex_rows)
    stats_origin = f"Phụ lục 2 of {STATS_SEED.relative_to(ROOT).as_posix()}"
    for name in ("stats_annex.docx", "stats_annex.pdf", "stats_annex_scan.tif"):
        write_reference(
            name,
            stats_origin,
            rendering_document(None, "Narrative and annex of a six-month report."),
            statistics=[stats],
        )
    tasks_ref = task_reference(header, tasks)
    tasks_origin = f"task appendix of {TASKS_SEED.relative_to(ROOT).as_posix()}"
    for name in ("task_list_unruled.docx", "task_list_unruled.pdf"):
        write_reference(name, tasks_origin, rendering_document(None, "A task list only."), task_tables=[tasks_ref])
    write_reference(
        "mixed_text_and_scan.pdf",
        f"{tasks_origin}; {stats_origin}",
        rendering_document(None, "Page 1 the task list (text layer), page 2 the annex page scanned."),
        task_tables=[tasks_ref],
        statistics=[stats],
    )

    (OUT / "SOURCE.md").unlink(missing_ok=True)  # provenance lives in tools/SAMPLES.md: not an input
    (ROOT / "tools" / "SAMPLES.md").write_text(
        "# samples/renderings: provenance\n\n"
        "Made by `python tools/make_samples.py` (see its docstring); references of each rendering in "
        "`golden/reference/renderings/`.\n\n"
        f"- score_table.docx/.pdf/_scan.pdf: {source.origin}, with its closing total row.\n"
        f"- score_table_scan.png: section {tree[0]['code']} (all its rows) of the same, with its own total.\n"
        f"- score_table_unruled_scan.png: section {UNRULED_SCORE_SECTION} of the same printed without "
        f"borders, with its own total and a few composed explanations.\n"
        f"- stats_annex.*, page 2 of mixed_text_and_scan.pdf: narrative and {stats_origin}.\n"
        f"- task_list_unruled.*, page 1 of mixed_text_and_scan.pdf: header and short one-line rows of the "
        f"{tasks_origin}.\n",
        encoding="utf-8",
    )
    size = sum(p.stat().st_size for p in OUT.iterdir())
    pages = {p.name: len(render_pages(p, 10)) for p in (score_pdf, OUT / "score_table_scan.pdf")}
    print(f"score rows: {source.origin}; pages {pages}; renderings: {size / 1e6:.2f} MB in {OUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    os.environ.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    sys.exit(main(sys.argv[1:]))
