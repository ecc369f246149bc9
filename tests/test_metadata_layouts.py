"""Metadata of letters whose header and signature blocks are two columns: borderless tables (2 × 2,
one row of multi-paragraph cells, a table nested in a table), paragraphs typed with tabs, and what
those become as LibreOffice PDFs and text exports (cells one after the other; columns side by side
on a line with runs of spaces). Real files, built by tests/metadata_docs.py; the expected values are
the specs' hand-written truth.

DEV specs were run while the mechanisms were written; HELD_OUT specs were written afterwards with
other wording and units (a nested header, "THỊ XÃ" above a ward, "Q. CHỦ TỊCH", a Central
Highlands name) to check them.
"""

from pathlib import Path

import pytest

from extract.base import ingest
from extract.columns import fragments, reading_lines, serialize
from extract.docx_reader import DocxReader
from extract.letter_shapes import ANCHORS
from extract.metadata import extract_metadata
from extract.model import IngestedDocument, Line, Page, Word
from layout_docs import decree30_head, plain_docx
from metadata_docs import (
    DEV,
    HELD_OUT,
    PUBLISHED,
    build_docx,
    layout_text_export,
    libreoffice_pdfs,
    text_export,
)
from normalize.text import column_pieces
from normalize.vietnamese import repair_document

SPECS = {s.name: s for s in DEV + HELD_OUT + PUBLISHED}
FORMATS = ("docx", "pdf", "txt", "layout.txt")
FIELDS = {
    "number": "number",
    "kind": "kind",
    "date": "date",
    "place": "place",
    "commune": "commune",
    "issuer": "issuer_name",
    "signer": "signer",
    "title": "title_text",
}


@pytest.fixture(scope="module")
def letters(tmp_path_factory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("letters")
    files: dict[tuple[str, str], Path] = {}
    for spec in SPECS.values():
        files[spec.name, "docx"] = build_docx(spec, out / f"{spec.name}.docx")
        files[spec.name, "txt"] = text_export(spec, out / f"{spec.name}.txt")
        files[spec.name, "layout.txt"] = layout_text_export(spec, out / f"{spec.name}.layout.txt")
    pdfs = libreoffice_pdfs([files[name, "docx"] for name in SPECS], out)
    for name in SPECS:
        if files[name, "docx"] in pdfs:
            files[name, "pdf"] = pdfs[files[name, "docx"]]
    return files


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", list(SPECS))
def test_letter_metadata(letters, name, fmt):
    if (name, fmt) not in letters:
        pytest.skip("LibreOffice did not produce the PDF (not installed?)")
    spec = SPECS[name]
    meta = extract_metadata(repair_document(ingest(letters[name, fmt])))
    got = {field: getattr(meta, field) for field in FIELDS}
    want = {field: getattr(spec, attr) for field, attr in FIELDS.items()}
    assert got == want


def test_layout_tables_are_not_data(letters):
    """The header and signature tables give no score, statistics or task rows."""
    from cchc_extract.pipeline import convert_file

    for name in SPECS:
        for fmt in ("docx", "pdf"):
            if (name, fmt) not in letters:
                continue
            result = convert_file(letters[name, fmt])
            assert not result.errors
            assert (result.score_tables, result.statistics, result.task_tables) == ([], [], []), (name, fmt)


def test_docx_cells_keep_their_paragraphs_and_nested_tables_read_by_column(letters):
    doc = DocxReader().read(letters["an-phu-ttr", "docx"])  # the header: a 2 × 2 table inside a 1 × 1 table
    header = next(doc.tables())  # the one-cell frame is read as what it holds (extract.docx_nested)
    assert (header.n_rows, header.n_cols) == (2, 2)
    assert [(c.row, c.col, c.lines) for c in header.cells] == [
        (0, 0, ["UBND THỊ XÃ HƯƠNG TRÀ", "ỦY BAN NHÂN DÂN PHƯỜNG AN PHÚ"]),
        (0, 1, ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]),
        (1, 0, ["Số: 41/TTr-UBND"]),
        (1, 1, ["An Phú, ngày 18 tháng 02 năm 2022"]),
    ]
    doc = DocxReader().read(letters["tan-lac-kh", "docx"])
    header = next(doc.tables())
    assert header.cells[0].lines == ["UBND HUYỆN TÂN LẠC", "ỦY BAN NHÂN DÂN XÃ MỸ HÒA"]
    # the segmenters' text of a cell is unchanged: its paragraphs joined by spaces
    assert header.cells[0].text == "UBND HUYỆN TÂN LẠC ỦY BAN NHÂN DÂN XÃ MỸ HÒA"


def test_docx_tab_paragraph_keeps_its_pieces(letters):
    doc = DocxReader().read(letters["muong-xen-qd", "docx"])
    lines = list(doc.lines())
    assert lines[0].text == "UBND HUYỆN KỲ SƠN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert lines[0].columns == ["UBND HUYỆN KỲ SƠN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert lines[2].columns == ["Số: 88/QĐ-UBND", "Mường Xén, ngày 30 tháng 9 năm 2023"]


def test_column_pieces():
    assert column_pieces("ỦY BAN NHÂN DÂN\tCỘNG HÒA") == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA"]
    assert column_pieces("\t\tĐộc lập - Tự do - Hạnh phúc") == ["", "Độc lập - Tự do - Hạnh phúc"]
    assert column_pieces("  XÃ AN PHÚ        Độc lập") == ["XÃ AN PHÚ", "Độc lập"]
    assert column_pieces("Một dòng  có hai dấu cách") == []
    # a piece after a leading tab sits in a right column; it is read so only inside a two-column block
    assert column_pieces("\tNguyễn Văn An") == ["", "Nguyễn Văn An"]


def _pdf_line(pieces: list[tuple[str, float]], top: float = 70.0, number: int = 1) -> Line:
    """A text-layer line of 12-point words starting at the given x positions (one word ≈ 6 pt a letter)."""
    words = []
    for text, x in pieces:
        for token in text.split():
            words.append(Word(token, (x, top, x + 6 * len(token), top + 12)))
            x += 6 * len(token) + 3
    return Line(
        text=" ".join(w.text for w in words),
        page=1,
        number=number,
        words=words,
        bbox=(words[0].bbox[0], top, words[-1].bbox[2], top + 12),
    )


def test_word_gaps_cut_a_printed_line_into_its_columns():
    """Issuer and motto 14 pt apart: closer than the PDF reader's chunk gap, wider than a word gap."""
    first = _pdf_line([("ỦY BAN NHÂN DÂN", 110.0), ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 224.0)])
    second = _pdf_line([("XÃ ĐÔNG SƠN", 122.0), ("Độc lập - Tự do - Hạnh phúc", 250.0)], top=86.0, number=2)
    rows = [fragments(first, ANCHORS), fragments(second, ANCHORS)]
    assert [f.line.text for f in rows[0]] == ["ỦY BAN NHÂN DÂN", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"]
    assert [ln.text for ln in serialize(rows, ANCHORS)] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ ĐÔNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]


def _text_doc(lines: list[str]) -> IngestedDocument:
    return IngestedDocument(
        path="x.txt",
        format="txt",
        pages=[Page(number=1, blocks=[Line(text=t, page=1, number=i + 1) for i, t in enumerate(lines)])],
    )


def test_anchors_cut_a_line_with_nothing_between_its_columns():
    """A text export that lost the gaps: the motto and the place-date line are cut out by their words."""
    doc = _text_doc(
        [
            "ỦY BAN NHÂN DÂN CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "XÃ TRÀ VÂN Độc lập - Tự do - Hạnh phúc",
            "Số: 31/KH-UBND Trà Vân, ngày 02 tháng 8 năm 2024",
            "KẾ HOẠCH",
            "Kiểm tra công tác cải cách hành chính năm 2024",
            "Căn cứ Luật",
        ]
    )
    assert [ln.text for ln in reading_lines(doc, ANCHORS)][:6] == [
        "ỦY BAN NHÂN DÂN",
        "XÃ TRÀ VÂN",
        "Số: 31/KH-UBND",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Trà Vân, ngày 02 tháng 8 năm 2024",
    ]
    meta = extract_metadata(doc)
    assert (meta.number, meta.date, meta.commune, meta.place) == ("31/KH-UBND", "2024-08-02", "Trà Vân", "Trà Vân")
    assert meta.title == "Kiểm tra công tác cải cách hành chính năm 2024"


def test_anchor_inside_a_glued_word_cuts_the_word():
    """OCR (or an export) glued the issuer's last word to the motto's first: "XUÂNCỘNG HÒA"."""
    doc = _text_doc(
        [
            "ỦY BAN NHÂN DÂN XÃ ĐỒNG XUÂNCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 276 /KH-UBND Đồng Xuân, ngày 26 tháng 1 năm 2025",
            "KẾ HOẠCH",
            "Nâng cao Chỉ số cải cách hành chính năm 2025",
        ]
    )
    assert [ln.text for ln in reading_lines(doc, ANCHORS)][:2] == ["ỦY BAN NHÂN DÂN XÃ ĐỒNG XUÂN", "Số: 276 /KH-UBND"]
    assert extract_metadata(doc).commune == "Đồng Xuân"


@pytest.mark.parametrize(
    "issuer, commune",
    [
        (["UBND TỈNH QUẢNG TRỊ", "ỦY BAN NHÂN DÂN", "XÃ HẢI LĂNG"], "Hải Lăng"),  # after 2025: no district
        (["UBND THÀNH PHỐ HÀ TIÊN", "UBND PHƯỜNG TÔ CHÂU"], "Tô Châu"),
        (["UBND THỊ XÃ BA ĐỒN", "ỦY BAN NHÂN DÂN XÃ QUẢNG", "HÒA"], "Quảng Hòa"),  # a long name wrapped in its cell
        (["UBND THỊ XÃ BA ĐỒN"], None),  # a town is not a commune
    ],
)
def test_issuer_column_gives_its_lowest_unit(issuer, commune):
    doc = _text_doc(issuer + ["Số: 5/BC-UBND", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "BÁO CÁO", "Kết quả"])
    meta = extract_metadata(doc)
    assert meta.commune == commune
    assert meta.issuer == (f"UBND {'phường' if 'PHƯỜNG' in ' '.join(issuer) else 'xã'} {commune}" if commune else None)


def test_tab_after_a_list_marker_is_not_a_column_gap(tmp_path):
    """ "I.<tab>ĐÁNH GIÁ …" is a numbered heading: the body starts there, it is not a column
    beside "I." that would run the upper-case title on."""
    from docx import Document

    doc = Document()
    for text in (
        "ỦY BAN NHÂN DÂN\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "XÃ PHÚ MỸ\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 12/BC-UBND\tPhú Mỹ, ngày 9 tháng 5 năm 2024",
        "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH",
        "I.\tĐÁNH GIÁ KẾT QUẢ THỰC HIỆN",
        "1.\tCông tác chỉ đạo, điều hành",
    ):
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "numbered.docx"))
    meta = extract_metadata(ingest(tmp_path / "numbered.docx"))
    assert meta.title == "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"
    assert (meta.number, meta.commune, meta.date) == ("12/BC-UBND", "Phú Mỹ", "2024-05-09")


@pytest.mark.parametrize(
    "commune, wrapped",
    [
        ("AN LẠC", "VIỆT NAM"),  # LibreOffice's wrap of each header (checked in the test)
        ("TÂN HIỆP BẮC", "NGHĨA VIỆT NAM"),
        ("TRUNG MINH BẮC", "NGHĨA VIỆT NAM"),  # the motto cut inside "CHỦ NGHĨA", its head on the issuer's line
    ],
)
def test_a_motto_cut_short_keeps_its_last_words(tmp_path, commune, wrapped):
    """A tab header whose motto ran out of line: LibreOffice wraps the motto's last words to the
    page's left edge, under the issuer. They are the motto's, not the commune's name going on."""
    from docx import Document

    from extract.external import convert_to_pdf

    doc = Document()
    for text in (
        f"ỦY BAN NHÂN DÂN XÃ {commune}\tCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "\tĐộc lập - Tự do - Hạnh phúc",
        "Số: 8/BC-UBND\tngày 9 tháng 5 năm 2024",
        "BÁO CÁO",
        "Kết quả công tác cải cách hành chính năm 2024",
    ):
        doc.add_paragraph(text)
    doc.save(str(tmp_path / "header.docx"))
    ingested = ingest(convert_to_pdf(tmp_path / "header.docx", tmp_path))
    assert wrapped in [ln.text for ln in ingested.pages[0].lines]  # the wrap this test is about
    meta = extract_metadata(ingested)
    name = " ".join(w.capitalize() for w in commune.lower().split())
    assert (meta.commune, meta.issuer) == (name, f"UBND xã {name}")


def test_a_commune_name_wrapped_in_its_cell_keeps_its_last_word():
    """The motto printed whole: a short line under the issuer is its commune's name going on."""
    issuer = ["ỦY BAN NHÂN DÂN XÃ HIỆP NGHĨA", "NAM"]
    doc = _text_doc(issuer + ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 8/BC-UBND", "BÁO CÁO", "Kết quả"])
    assert extract_metadata(doc).commune == "Hiệp Nghĩa Nam"


@pytest.mark.parametrize(
    "close, signer",
    [
        (("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "(Đã ký)", "Nguyễn Văn An"), "Nguyễn Văn An"),
        (("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "", "Trần Thị Bình"), "Trần Thị Bình"),
    ],
)
def test_a_short_document_closing_without_recipients_keeps_its_signer(tmp_path, close, signer):
    """A score table's caption and one body sentence no opener starts, then the signature block
    with no "Nơi nhận" list: the header zone ran to the signer's name and the signer, looked for
    after the header, was never found. The close starts at its signature title."""
    title = "BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"
    head = decree30_head("XÃ HÒA BÌNH", "15/BC-UBND", "Hòa Bình, ngày 10 tháng 12 năm 2024", "", title)
    rows = [("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm"), ("1", "Kế hoạch", "4", "4")]
    meta = extract_metadata(ingest(plain_docx(tmp_path / "short.docx", head, rows, close)))
    assert meta.signer == signer
    assert (meta.number, meta.commune) == ("15/BC-UBND", "Hòa Bình")


def test_a_special_zone_is_a_commune_level_issuer(tmp_path):
    """ "ĐẶC KHU", the island special zones the 2025 reorganisation made at commune level beside
    xã and phường (Lâm Đồng's 2025 criteria cover "xã, phường, đặc khu"), names the issuer."""
    title = "Kết quả thực hiện công tác cải cách hành chính năm 2025"
    head = decree30_head("ĐẶC KHU CÔN ĐẢO", "45/BC-UBND", "Côn Đảo, ngày 20 tháng 11 năm 2025", "BÁO CÁO", title)
    meta = extract_metadata(ingest(plain_docx(tmp_path / "zone.docx", head, [], ("I. KẾT QUẢ",))))
    assert (meta.issuer, meta.commune, meta.place) == ("UBND đặc khu Côn Đảo", "Côn Đảo", "Côn Đảo")
    assert meta.title == title
