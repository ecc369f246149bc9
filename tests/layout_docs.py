"""Score-table documents in layouts other communes use, written for the tests as real files: DOCX
through python-docx (gridSpan, vMerge, landscape sections, long tables whose header is not
repeated), their LibreOffice PDFs, and web-portal text exports. Fictional communes and criteria;
every expected value is the generator's own data, never what the pipeline printed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.enum.section import WD_ORIENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt


@dataclass
class Criterion:
    code: str
    name: str
    max_points: float
    self_points: float
    scale: list[str] = field(default_factory=list)
    note: str = ""

    @property
    def printed_scale(self) -> list[str]:
        """The scale as printed: each line behind a bullet, the last one a "+"."""
        return [("+ " if k == len(self.scale) - 1 else "- ") + line for k, line in enumerate(self.scale)]

    @property
    def level(self) -> int:
        return self.code.count(".") + 1


def points(value: float) -> str:
    """Vietnamese notation: decimal comma, no trailing zeros."""
    text = f"{value:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ",")


_FIELDS = [
    "Công tác chỉ đạo, điều hành cải cách hành chính",
    "Xây dựng và tổ chức thực hiện văn bản",
    "Cải cách thủ tục hành chính",
    "Cải cách tổ chức bộ máy hành chính",
    "Xây dựng đội ngũ cán bộ, công chức",
    "Cải cách tài chính công",
    "Xây dựng chính quyền số",
    "Tác động của cải cách hành chính",
]
_TOPICS = [
    "Ban hành kế hoạch thực hiện nhiệm vụ năm",
    "Mức độ hoàn thành kế hoạch đã đề ra",
    "Tổ chức kiểm tra việc thực hiện tại các thôn",
    "Tuyên truyền bằng nhiều hình thức trên loa truyền thanh",
    "Tỷ lệ hồ sơ được giải quyết đúng hạn",
    "Cập nhật dữ liệu lên hệ thống thông tin của tỉnh",
    "Bố trí công chức làm việc tại bộ phận một cửa",
    "Sáng kiến được cấp có thẩm quyền công nhận",
    "Thực hiện chế độ báo cáo định kỳ theo quy định",
    "Công khai danh mục thủ tục tại trụ sở",
]


def catalogue(parents: int, children: int, with_scale: bool = True, seed: int = 0) -> list[Criterion]:
    """A consistent set: each parent's max and self are the sums of its children's; every other
    child carries a scoring scale of three lines."""
    out: list[Criterion] = []
    for p in range(parents):
        kids = []
        for k in range(children):
            topic = _TOPICS[(p * children + k + seed) % len(_TOPICS)]
            max_points = [1.0, 1.5, 2.0, 0.5][(p + k + seed) % 4]
            self_points = max_points - (0.5 if (p + k) % 3 == 0 and max_points > 0.5 else 0.0)
            scale = []
            if with_scale and k % 2 == 0:
                scale = [
                    f"Hoàn thành 100%: {points(max_points)} điểm",
                    f"Hoàn thành từ 50% đến dưới 100%: {points(max_points / 2)} điểm",
                    "Dưới 50%: 0 điểm",
                ]
            kids.append(
                Criterion(
                    f"{p + 1}.{k + 1}",
                    f"{topic} ({p + 1}.{k + 1})",
                    max_points,
                    self_points,
                    scale,
                    note=f"Văn bản số {p * 10 + k + 3}/UBND" if k % 3 == 1 else "",
                )
            )
        out.append(
            Criterion(
                str(p + 1),
                _FIELDS[(p + seed) % len(_FIELDS)],
                sum(c.max_points for c in kids),
                sum(c.self_points for c in kids),
            )
        )
        out.extend(kids)
    return out


# ------------------------------------------------------------------------------------ DOCX


def _grid_span(cell, span: int) -> None:
    tc_pr = cell._tc.get_or_add_tcPr()
    el = OxmlElement("w:gridSpan")
    el.set(qn("w:val"), str(span))
    tc_pr.append(el)


def _landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = section.page_height, section.page_width


def _widths(table, widths) -> None:
    table.autofit = False
    for column, width in zip(table.columns, widths):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths):
            cell.width = width


def _running_header(section, text: str) -> None:
    """A header printed on every page (longer than any page number: real text between the
    fragments of a table)."""
    section.header.is_linked_to_previous = False
    section.header.paragraphs[0].text = text


def _fill(cell, paragraphs: list[str]) -> None:
    cell.text = paragraphs[0] if paragraphs else ""
    for extra in paragraphs[1:]:
        cell.add_paragraph(extra)


def write_indent_docx(
    path: Path,
    rows: list[Criterion],
    commune: str = "Xã Phú Lâm",
    landscape: bool = False,
    total: bool = True,
    codes_in_indent: bool = False,
) -> Path:
    """One score table whose name header spans two grid columns (an indent column, then the
    name): a parent's name spans both, a child's name sits in the second. The header is a
    2-row block (a vMerged "TT", "Điểm" over "Tối đa" / "Tự chấm") and is NOT repeated on the
    next pages; scale lines are paragraphs of their own in the name cell. ``codes_in_indent``
    prints the sub-criteria's codes in the indent column instead of the TT column."""
    document = docx.Document()
    if landscape:
        _landscape(document.sections[0])
    document.add_paragraph(f"ỦY BAN NHÂN DÂN {commune.upper()}")
    document.add_paragraph("BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    n = 2 + len(rows) + (1 if total else 0)
    table = document.add_table(rows=n, cols=6)
    table.style = "Table Grid"
    _widths(table, [Cm(1.2), Cm(0.6), Cm(8.0), Cm(1.8), Cm(1.8), Cm(3.0)])
    head = table.rows[0].cells
    head[0].merge(table.cell(1, 0)).text = "TT"
    head[1].merge(table.cell(1, 2)).text = "Tiêu chí, tiêu chí thành phần"
    head[3].merge(head[4]).text = "Điểm"
    table.cell(1, 3).text = "Tối đa"
    table.cell(1, 4).text = "Tự chấm"
    head[5].merge(table.cell(1, 5)).text = "Ghi chú"
    for r, item in enumerate(rows, start=2):
        cells = table.rows[r].cells
        if item.level == 1:
            cells[0].text = item.code
            _fill(cells[1].merge(cells[2]), [item.name])
        else:
            (cells[1] if codes_in_indent else cells[0]).text = item.code
            _fill(cells[2], [item.name] + item.printed_scale)
        cells[3].text = points(item.max_points)
        cells[4].text = points(item.self_points)
        cells[5].text = item.note
    if total:
        cells = table.rows[n - 1].cells
        cells[1].merge(cells[2]).text = "Tổng cộng"
        top = [c for c in rows if c.level == 1]
        cells[3].text = points(sum(c.max_points for c in top))
        cells[4].text = points(sum(c.self_points for c in top))
    document.add_paragraph("CHỦ TỊCH")
    document.save(str(path))
    return path


def write_split_docx(path: Path, rows: list[Criterion], landscape_pages: bool = True) -> Path:
    """A long plain table (TT / Tiêu chí / Điểm tối đa / Điểm tự chấm / Ghi chú) printed without a
    repeated header: its second half in a landscape section of its own, written as a second
    table with the same grid and no header row (how such documents are typed after a section
    break)."""
    document = docx.Document()
    running = "Xã Đồng Tâm - Bảng chấm điểm cải cách hành chính năm 2025"
    _running_header(document.sections[0], running)
    document.add_paragraph("ỦY BAN NHÂN DÂN XÃ ĐỒNG TÂM")
    document.add_paragraph("BẢNG CHẤM ĐIỂM CẢI CÁCH HÀNH CHÍNH NĂM 2025")
    header = ["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Ghi chú"]
    half = len(rows) // 2

    def table_of(items: list[Criterion], with_header: bool) -> None:
        table = document.add_table(rows=len(items) + (1 if with_header else 0), cols=5)
        table.style = "Table Grid"
        _widths(table, [Cm(1.2), Cm(8.0), Cm(2.0), Cm(2.0), Cm(2.8)])
        offset = 0
        if with_header:
            for cell, text in zip(table.rows[0].cells, header):
                cell.text = text
            offset = 1
        for r, item in enumerate(items, start=offset):
            cells = table.rows[r].cells
            cells[0].text = item.code
            _fill(cells[1], [item.name] + item.printed_scale)
            cells[2].text = points(item.max_points)
            cells[3].text = points(item.self_points)
            cells[4].text = item.note

    table_of(rows[:half], True)
    if landscape_pages:
        section = document.add_section()
        _landscape(section)
        _running_header(section, running)
        # LibreOffice drops a section break whose paragraph is followed directly by a table.
        document.add_paragraph("")
    else:
        document.add_page_break()
    table_of(rows[half:], False)
    document.save(str(path))
    return path


def to_pdf(source: Path) -> Path | None:
    """The DOCX printed to PDF by LibreOffice; None when LibreOffice is missing or fails (the
    caller skips)."""
    binary = shutil.which("soffice") or shutil.which("libreoffice")
    if binary is None:
        return None
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run(
                [
                    binary,
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(source.parent),
                    str(source),
                ],
                check=True,
                capture_output=True,
                timeout=180,
            )
        except (subprocess.SubprocessError, OSError):
            return None
    pdf = source.with_suffix(".pdf")
    return pdf if pdf.exists() else None


def scanned_page(pdf: Path, stem: Path, dpi: int = 300) -> Path:
    """The PDF's first page as a grey PNG scan at ``dpi`` (poppler's pdftoppm), ``stem`` + ".png"."""
    subprocess.run(["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(stem)], check=True)
    return stem.with_suffix(".png")


# ------------------------------------------------------------------------------------ portal text


def portal_export(rows: list[Criterion], width: int = 72, commune: str = "Xã Hòa Sơn") -> str:
    """A web portal's text export: every cell ends in "|", one logical row per line, and the
    line hard-wrapped at ``width`` characters wherever that falls (inside a cell or between
    cells)."""
    header = ["STT", "Tiêu chí đánh giá", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"]
    logical = [header]
    for item in rows:
        logical.append(
            [
                item.code,
                " ".join([item.name] + item.printed_scale),
                points(item.max_points),
                points(item.self_points),
                item.note,
            ]
        )
    top = [c for c in rows if c.level == 1]
    logical.append(
        ["", "Tổng cộng", points(sum(c.max_points for c in top)), points(sum(c.self_points for c in top)), ""]
    )
    lines = [f"ỦY BAN NHÂN DÂN {commune.upper()}", "", "KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025", ""]
    for cells in logical:
        text = "".join(f"{c}|" for c in cells)
        while len(text) > width:
            cut = text.rfind(" ", 0, width)
            cut = cut if cut > 0 else width
            lines.append(text[:cut].rstrip())
            text = text[cut:].lstrip()
        lines.append(text)
    lines += ["", "Người lập biểu"]
    return "\n".join(lines) + "\n"


CLOSE = ("Nơi nhận:", "- Lưu: VT.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")


def decree30_head(unit: str, number: str, date_line: str, kind: str, title: str) -> tuple[str, ...]:
    """A Decree 30 header as plain paragraphs ("ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Số: …", the motto,
    the place-date line), the kind word and the title."""
    motto = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
    return (f"ỦY BAN NHÂN DÂN {unit}", f"Số: {number}", *motto, date_line, kind, title)


# The head of a commune's self-assessment report (Hòa Bình, 2024), shared by the layout tests.
SCORE_REPORT_HEAD = decree30_head(
    "XÃ HÒA BÌNH",
    "15/BC-UBND",
    "Hòa Bình, ngày 10 tháng 12 năm 2024",
    "BÁO CÁO",
    "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024",
)


def plain_docx(path: Path, before: tuple[str, ...], rows: list[tuple[str, ...]], after: tuple[str, ...]) -> Path:
    """A DOCX of paragraphs, one ruled table of ``rows`` (none when empty), paragraphs."""
    doc = docx.Document()
    for text in before:
        doc.add_paragraph(text)
    if rows:
        table = doc.add_table(rows=0, cols=max(len(r) for r in rows))
        table.style = "Table Grid"
        for row in rows:
            for cell, text in zip(table.add_row().cells, row):
                cell.text = text
    for text in after:
        doc.add_paragraph(text)
    doc.save(str(path))
    return path


def typed_at_stops(
    document, text: str, stops, bold: bool = False, indent_cm: float = 1.2, space_after_pt: float | None = None
) -> None:
    """A paragraph typed at ``stops`` under a hanging indent, its lines broken by hand at "\\n"
    (a plan's or score table's lines typed at tab stops, as communes type them without a table)."""
    para = document.add_paragraph()
    fmt = para.paragraph_format
    fmt.left_indent = Cm(indent_cm)
    fmt.first_line_indent = Cm(-indent_cm)
    if space_after_pt is not None:
        fmt.space_after = Pt(space_after_pt)
    for at, align in stops:
        fmt.tab_stops.add_tab_stop(Cm(at), align)
    parts = text.split("\n")
    for k, part in enumerate(parts):
        run = para.add_run(part)
        run.bold = bold
        run.font.size = Pt(12)
        if k < len(parts) - 1:
            run.add_break()
