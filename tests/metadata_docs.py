"""Official letters of fictional communes laid out the ways Decree 30/2020/NĐ-CP documents are typed:
header and signature blocks as borderless tables (2 rows × 2 columns, or one row of multi-paragraph
cells, or a table nested in a cell), or typed as paragraphs with tabs between the two columns.

Each spec carries its truth, written by hand in the spec (not taken from what the program prints).
The builders write real files: DOCX through python-docx, PDF through LibreOffice, text exports.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from docx import Document
from docx.enum.text import WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
MOTTO_2 = "Độc lập - Tự do - Hạnh phúc"


@dataclass(frozen=True)
class LetterSpec:
    name: str
    layout: str  # table-2x2 | table-1row | tabs | nested
    issuer: tuple[str, ...]  # the issuer column's lines, top to bottom
    number_line: str
    date_line: str
    kind_word: str
    title: tuple[str, ...]
    signature: tuple[str, ...]  # the signature column: titles, "(Đã ký)", the name
    body: tuple[str, ...] = (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
        "Thực hiện Kế hoạch cải cách hành chính của tỉnh, Ủy ban nhân dân ban hành văn bản này.",
        "1. Mục đích, yêu cầu",
        "Nâng cao chất lượng thực hiện thủ tục hành chính trên địa bàn.",
    )
    recipients: tuple[str, ...] = ("Nơi nhận:", "- Như trên;", "- Lưu: VT.")
    # the truth
    number: str | None = None
    kind: str | None = None
    date: str | None = None
    place: str | None = None
    commune: str | None = None
    issuer_name: str | None = None
    signer: str | None = None
    title_text: str | None = None


def _font(doc: Document) -> None:
    style = doc.styles["Normal"]
    style.font.name = "Times New Roman"  # LibreOffice prints it with the metric-compatible Liberation Serif
    style.font.size = Pt(13)
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Times New Roman")
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin, section.right_margin = Cm(3), Cm(2)


def _no_borders(table) -> None:
    """An explicit ``w:tblBorders`` with every edge ``nil``: what Word writes for a borderless table."""
    tbl_pr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    tbl_pr.append(borders)


def _fill(cell, lines, bold_upto: int = 0, size: float = 12) -> None:
    for i, text in enumerate(lines):
        p = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
        run = p.add_run(text)
        run.bold = i < bold_upto
        run.font.size = Pt(size)
        p.alignment = 1


def _widths(table, widths_cm) -> None:
    table.autofit = False
    for row in table.rows:
        for cell, w in zip(row.cells, widths_cm):
            cell.width = Cm(w)


def _header(doc: Document, spec: LetterSpec) -> None:
    left_top, right_top = list(spec.issuer), [MOTTO, MOTTO_2]
    if spec.layout == "table-2x2":
        table = doc.add_table(rows=2, cols=2)
        _no_borders(table)
        _fill(table.cell(0, 0), left_top, bold_upto=len(left_top))
        _fill(table.cell(0, 1), right_top, bold_upto=2)
        _fill(table.cell(1, 0), [spec.number_line])
        _fill(table.cell(1, 1), [spec.date_line])
        _widths(table, [6.5, 9.5])
    elif spec.layout == "table-1row":
        table = doc.add_table(rows=1, cols=2)
        _no_borders(table)
        _fill(table.cell(0, 0), left_top + ["", spec.number_line], bold_upto=len(left_top))
        _fill(table.cell(0, 1), right_top + ["", spec.date_line], bold_upto=2)
        _widths(table, [6.5, 9.5])
    elif spec.layout == "nested":
        # one outer cell holding a 2 × 2 table: the whole header is a table inside a table
        outer = doc.add_table(rows=1, cols=1)
        _no_borders(outer)
        inner = outer.cell(0, 0).add_table(rows=2, cols=2)
        _no_borders(inner)
        _fill(inner.cell(0, 0), left_top, bold_upto=len(left_top))
        _fill(inner.cell(0, 1), right_top, bold_upto=2)
        _fill(inner.cell(1, 0), [spec.number_line])
        _fill(inner.cell(1, 1), [spec.date_line])
    elif spec.layout == "tabs":
        rights = right_top + [""] * max(0, len(left_top) - 2)
        lefts = left_top + [""] * max(0, 2 - len(left_top))
        for left, right in zip(lefts, rights):
            p = _tabbed(doc)
            p.add_run(left).bold = True
            if right:
                p.add_run("\t" + right).bold = True
            for run in p.runs:
                run.font.size = Pt(12)
        _tabbed(doc).add_run(f"{spec.number_line}\t{spec.date_line}")
    else:
        raise ValueError(spec.layout)


def _tabbed(doc: Document):
    """A paragraph with one centred tab stop in the middle of the right column, as a header typed
    without a table is set up."""
    p = doc.add_paragraph()
    p.paragraph_format.tab_stops.add_tab_stop(Cm(11.0), WD_TAB_ALIGNMENT.CENTER)
    return p


def _signature(doc: Document, spec: LetterSpec) -> None:
    if spec.layout == "tabs":
        n = max(len(spec.recipients), len(spec.signature))
        lefts = list(spec.recipients) + [""] * (n - len(spec.recipients))
        rights = list(spec.signature) + [""] * (n - len(spec.signature))
        for left, right in zip(lefts, rights):
            _tabbed(doc).add_run(f"{left}\t{right}" if right else left)
        return
    table = doc.add_table(rows=1, cols=2)
    _no_borders(table)
    _fill(table.cell(0, 0), list(spec.recipients), size=11)
    _fill(table.cell(0, 1), list(spec.signature), bold_upto=len(spec.signature) - 2)
    _widths(table, [7.0, 9.0])


def build_docx(spec: LetterSpec, path: Path) -> Path:
    doc = Document()
    _font(doc)
    _header(doc, spec)
    doc.add_paragraph("")
    p = doc.add_paragraph()
    p.add_run(spec.kind_word).bold = True
    p.alignment = 1
    for line in spec.title:
        p = doc.add_paragraph()
        p.add_run(line).bold = True
        p.alignment = 1
    for text in spec.body:
        doc.add_paragraph(text)
    doc.add_paragraph("")
    _signature(doc, spec)
    doc.save(str(path))
    return path


def text_export(spec: LetterSpec, path: Path) -> Path:
    """What "save as plain text" gives for a letter whose header and signature are tables: each
    cell's paragraphs on their own lines, cells one after the other (left cell first)."""
    lines = list(spec.issuer) + [spec.number_line, MOTTO, MOTTO_2, spec.date_line, "", spec.kind_word]
    lines += list(spec.title) + [""] + list(spec.body) + [""] + list(spec.recipients) + list(spec.signature)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def layout_text_export(spec: LetterSpec, path: Path, width: int = 100) -> Path:
    """A text export that keeps the page layout (``pdftotext -layout`` style): the two columns
    side by side on one line, separated by runs of spaces."""

    def row(left: str, right: str) -> str:
        return f"{left.center(40)}{' ' * 4}{right.center(width - 44)}".rstrip()

    rights = [MOTTO, MOTTO_2] + [""] * max(0, len(spec.issuer) - 2)
    lefts = list(spec.issuer) + [""] * max(0, 2 - len(spec.issuer))
    lines = [row(left, r) for left, r in zip(lefts, rights)] + [row(spec.number_line, spec.date_line), ""]
    lines += [spec.kind_word.center(width)] + [t.center(width) for t in spec.title] + [""] + list(spec.body) + [""]
    n = max(len(spec.recipients), len(spec.signature))
    recips = list(spec.recipients) + [""] * (n - len(spec.recipients))
    sigs = list(spec.signature) + [""] * (n - len(spec.signature))
    lines += [f"{left:<40}{' ' * 4}{s.center(width - 44)}".rstrip() for left, s in zip(recips, sigs)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def libreoffice_pdfs(sources: list[Path], out_dir: Path) -> dict[Path, Path]:
    """The DOCX files printed to PDF by LibreOffice in one call; only those that came out."""
    if not sources or shutil.which("soffice") is None:
        return {}
    with tempfile.TemporaryDirectory() as profile:
        try:
            subprocess.run(
                [
                    "soffice",
                    f"-env:UserInstallation=file://{profile}",
                    "--headless",
                    "--convert-to",
                    "pdf",
                    "--outdir",
                    str(out_dir),
                    *map(str, sources),
                ],
                check=False,
                capture_output=True,
                timeout=300,
            )
        except (subprocess.TimeoutExpired, OSError):
            return {}
    return {s: out_dir / (s.stem + ".pdf") for s in sources if (out_dir / (s.stem + ".pdf")).exists()}


# Developed against: the mechanisms were written while running these.
DEV = (
    LetterSpec(
        name="tan-lac-kh",
        layout="table-2x2",
        issuer=("UBND HUYỆN TÂN LẠC", "ỦY BAN NHÂN DÂN XÃ MỸ HÒA"),
        number_line="Số: 15/KH-UBND",
        date_line="Mỹ Hòa, ngày 12 tháng 3 năm 2024",
        kind_word="KẾ HOẠCH",
        title=("Cải cách hành chính năm 2024",),
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"),
        number="15/KH-UBND",
        kind="KH",
        date="2024-03-12",
        place="Mỹ Hòa",
        commune="Mỹ Hòa",
        issuer_name="UBND xã Mỹ Hòa",
        signer="Nguyễn Văn An",
        title_text="Cải cách hành chính năm 2024",
    ),
    LetterSpec(
        name="hoa-thuan-dong-bc",
        layout="table-1row",
        issuer=("ỦY BAN NHÂN DÂN", "PHƯỜNG HÒA THUẬN ĐÔNG"),
        number_line="Số: 207/BC-UBND",
        date_line="Hòa Thuận Đông, ngày 05 tháng 12 năm 2025",
        kind_word="BÁO CÁO",
        title=("Kết quả thực hiện công tác cải cách hành chính", "năm 2025"),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký, đóng dấu)", "Trần Thị Bích Ngọc"),
        number="207/BC-UBND",
        kind="BC",
        date="2025-12-05",
        place="Hòa Thuận Đông",
        commune="Hòa Thuận Đông",
        issuer_name="UBND phường Hòa Thuận Đông",
        signer="Trần Thị Bích Ngọc",
        title_text="Kết quả thực hiện công tác cải cách hành chính năm 2025",
    ),
    LetterSpec(
        name="muong-xen-qd",
        layout="tabs",
        issuer=("UBND HUYỆN KỲ SƠN", "UBND THỊ TRẤN MƯỜNG XÉN"),
        number_line="Số: 88/QĐ-UBND",
        date_line="Mường Xén, ngày 30 tháng 9 năm 2023",
        kind_word="QUYẾT ĐỊNH",
        title=("Về việc ban hành Kế hoạch kiểm tra cải cách hành chính năm 2023",),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lò Văn Thành"),
        number="88/QĐ-UBND",
        kind="QĐ",
        date="2023-09-30",
        place="Mường Xén",
        commune="Mường Xén",
        issuer_name="UBND thị trấn Mường Xén",
        signer="Lò Văn Thành",
        title_text="Về việc ban hành Kế hoạch kiểm tra cải cách hành chính năm 2023",
    ),
)

# Written after the corpus showed the repair stage renaming typed people and places
# ("Phan" → "Phân", "Mai" → "Mái", "Nam" → "Năm"): names the repair must leave as typed.
DEV += (
    LetterSpec(
        name="gia-xuan-nam-bc",
        layout="table-2x2",
        issuer=("UBND HUYỆN GIA VIỄN", "ỦY BAN NHÂN DÂN XÃ GIA XUÂN NAM"),
        number_line="Số: 64/BC-UBND",
        date_line="Gia Xuân Nam, ngày 20 tháng 10 năm 2024",
        kind_word="BÁO CÁO",
        title=("Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024",),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Phan Kim Mai"),
        number="64/BC-UBND",
        kind="BC",
        date="2024-10-20",
        place="Gia Xuân Nam",
        commune="Gia Xuân Nam",
        issuer_name="UBND xã Gia Xuân Nam",
        signer="Phan Kim Mai",
        title_text="Kết quả tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2024",
    ),
)

# Kept aside: written after the mechanisms, run only to check them (different wording and units:
# a town-level "THỊ XÃ" above a ward, a nested header table, an acting chairman, a proposal).
HELD_OUT = (
    LetterSpec(
        name="an-phu-ttr",
        layout="nested",
        issuer=("UBND THỊ XÃ HƯƠNG TRÀ", "ỦY BAN NHÂN DÂN PHƯỜNG AN PHÚ"),
        number_line="Số: 41/TTr-UBND",
        date_line="An Phú, ngày 18 tháng 02 năm 2022",
        kind_word="TỜ TRÌNH",
        title=("Đề nghị phê duyệt danh mục thủ tục hành chính", "thực hiện tại bộ phận một cửa"),
        signature=("TM. ỦY BAN NHÂN DÂN", "Q. CHỦ TỊCH", "(Đã ký)", "Đinh Công Lượng"),
        number="41/TTr-UBND",
        kind="TTr",
        date="2022-02-18",
        place="An Phú",
        commune="An Phú",
        issuer_name="UBND phường An Phú",
        signer="Đinh Công Lượng",
        title_text="Đề nghị phê duyệt danh mục thủ tục hành chính thực hiện tại bộ phận một cửa",
    ),
    LetterSpec(
        name="ea-kao-kh",
        layout="table-1row",
        issuer=("ỦY BAN NHÂN DÂN", "XÃ CƯ ÊBUR"),
        number_line="Số: 112/KH-UBND",
        date_line="Cư Êbur, ngày 03 tháng 7 năm 2025",
        kind_word="KẾ HOẠCH",
        title=("Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",),
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "H'Linh Niê"),
        number="112/KH-UBND",
        kind="KH",
        date="2025-07-03",
        place="Cư Êbur",
        commune="Cư Êbur",
        issuer_name="UBND xã Cư Êbur",
        signer="H'Linh Niê",
        title_text="Tuyên truyền cải cách hành chính 6 tháng cuối năm 2025",
    ),
    LetterSpec(
        name="vinh-thanh-bc",
        layout="tabs",
        issuer=("ỦY BAN NHÂN DÂN", "XÃ VĨNH THẠNH TRUNG"),
        number_line="Số: 09/BC-UBND",
        date_line="Vĩnh Thạnh Trung, ngày 28 tháng 01 năm 2021",
        kind_word="BÁO CÁO",
        title=("Tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2020",),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Huỳnh Minh Trí"),
        number="09/BC-UBND",
        kind="BC",
        date="2021-01-28",
        place="Vĩnh Thạnh Trung",
        commune="Vĩnh Thạnh Trung",
        issuer_name="UBND xã Vĩnh Thạnh Trung",
        signer="Huỳnh Minh Trí",
        title_text="Tự đánh giá, chấm điểm chỉ số cải cách hành chính năm 2020",
    ),
)

# Written in our own words after reading published commune and province letters (Decree 30
# layouts as they are posted): separator rules under the issuer, a normative decision numbered with
# its year ("Số: 07/2024/QĐ-UBND"), the body of a decision opening with the issuing authority's
# line, "Kính gửi" under a proposal's title, a three-line issuer column, the number typed with a
# space before its slash. Fictional communes and people.
PUBLISHED = (
    LetterSpec(
        name="thanh-my-qd-year",
        layout="table-2x2",
        issuer=("ỦY BAN NHÂN DÂN", "XÃ THANH MỸ", "-------"),
        number_line="Số: 07/2024/QĐ-UBND",
        date_line="Thanh Mỹ, ngày 15 tháng 4 năm 2024",
        kind_word="QUYẾT ĐỊNH",
        title=("Ban hành Quy chế làm việc của Ủy ban nhân dân xã Thanh Mỹ", "nhiệm kỳ 2021 - 2026"),
        body=(
            "ỦY BAN NHÂN DÂN XÃ THANH MỸ",
            "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015;",
            "Theo đề nghị của công chức Văn phòng - Thống kê xã.",
            "QUYẾT ĐỊNH:",
            "Điều 1. Ban hành kèm theo Quyết định này Quy chế làm việc của Ủy ban nhân dân xã.",
        ),
        recipients=("Nơi nhận:", "- Như Điều 3;", "- TT Đảng ủy, HĐND xã;", "- Lưu: VT."),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Bế Văn Khải"),
        number="07/2024/QĐ-UBND",
        kind="QĐ",
        date="2024-04-15",
        place="Thanh Mỹ",
        commune="Thanh Mỹ",
        issuer_name="UBND xã Thanh Mỹ",
        signer="Bế Văn Khải",
        title_text="Ban hành Quy chế làm việc của Ủy ban nhân dân xã Thanh Mỹ nhiệm kỳ 2021 - 2026",
    ),
    LetterSpec(
        name="loc-binh-bc-three-lines",
        layout="table-1row",
        issuer=("UBND HUYỆN PHÚ LỘC", "ỦY BAN NHÂN DÂN", "XÃ LỘC BÌNH", "-------"),
        number_line="Số: 133/BC-UBND",
        date_line="Lộc Bình, ngày 08 tháng 12 năm 2023",
        kind_word="BÁO CÁO",
        title=("Công tác cải cách hành chính năm 2023", "và phương hướng, nhiệm vụ năm 2024"),
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký)", "Hoàng Thị Thu Trang"),
        number="133/BC-UBND",
        kind="BC",
        date="2023-12-08",
        place="Lộc Bình",
        commune="Lộc Bình",
        issuer_name="UBND xã Lộc Bình",
        signer="Hoàng Thị Thu Trang",
        title_text="Công tác cải cách hành chính năm 2023 và phương hướng, nhiệm vụ năm 2024",
    ),
    LetterSpec(
        name="tan-hung-ttr-kinh-gui",
        layout="tabs",
        issuer=("ỦY BAN NHÂN DÂN", "XÃ TÂN HƯNG"),
        number_line="Số: 26/TTr-UBND",
        date_line="Tân Hưng, ngày 11 tháng 3 năm 2025",
        kind_word="TỜ TRÌNH",
        title=("Đề nghị công nhận xã đạt chuẩn tiếp cận pháp luật năm 2024",),
        body=(
            "Kính gửi: Ủy ban nhân dân huyện Châu Thành.",
            "Căn cứ Quyết định số 25/2021/QĐ-TTg ngày 22 tháng 7 năm 2021 của Thủ tướng Chính phủ;",
            "Ủy ban nhân dân xã kính trình Ủy ban nhân dân huyện xem xét, công nhận.",
        ),
        recipients=("Nơi nhận:", "- Như trên;", "- Lưu: VT, VP."),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lương Đình Phú"),
        number="26/TTr-UBND",
        kind="TTr",
        date="2025-03-11",
        place="Tân Hưng",
        commune="Tân Hưng",
        issuer_name="UBND xã Tân Hưng",
        signer="Lương Đình Phú",
        title_text="Đề nghị công nhận xã đạt chuẩn tiếp cận pháp luật năm 2024",
    ),
    LetterSpec(
        name="dong-son-kh-spaced-number",
        layout="nested",
        issuer=("UBND HUYỆN HOÀNH BỒ", "ỦY BAN NHÂN DÂN XÃ ĐỒNG SƠN"),
        number_line="Số: 52 /KH-UBND",
        date_line="Đồng Sơn, ngày 02 tháng 01 năm 2025",
        kind_word="KẾ HOẠCH",
        title=("Kiểm tra công tác cải cách hành chính năm 2025",),
        signature=("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Ký tên, đóng dấu)", "Nông Thị Hoa"),
        number="52/KH-UBND",
        kind="KH",
        date="2025-01-02",
        place="Đồng Sơn",
        commune="Đồng Sơn",
        issuer_name="UBND xã Đồng Sơn",
        signer="Nông Thị Hoa",
        title_text="Kiểm tra công tác cải cách hành chính năm 2025",
    ),
    LetterSpec(
        name="quang-trung-tb",
        layout="table-2x2",
        issuer=("ỦY BAN NHÂN DÂN", "PHƯỜNG QUANG TRUNG", "-------"),
        number_line="Số: 19/TB-UBND",
        date_line="Quang Trung, ngày 27 tháng 6 năm 2024",
        kind_word="THÔNG BÁO",
        title=("Kết luận của Chủ tịch Ủy ban nhân dân phường", "tại cuộc họp giao ban cải cách hành chính quý II"),
        signature=("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "(Đã ký và đóng dấu)", "Trương Quý Dũng"),
        number="19/TB-UBND",
        kind="TB",
        date="2024-06-27",
        place="Quang Trung",
        commune="Quang Trung",
        issuer_name="UBND phường Quang Trung",
        signer="Trương Quý Dũng",
        title_text="Kết luận của Chủ tịch Ủy ban nhân dân phường tại cuộc họp giao ban cải cách hành chính quý II",
    ),
)
