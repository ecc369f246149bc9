"""Word's automatic numbering in real DOCX files: a score table whose STT column is numbered by a
two-level list ("%1." and "%1.%2."), a plan's roman headings and lettered items numbered by Word.
The labels are what LibreOffice shows for the same file (its PDF is read and compared). Before,
the codes were not in the text: the score table had no codes, was not recognised and was told
unread."""

from pathlib import Path

import pytest

import cchc_extract
from extract.base import ingest
from extract.docx_numbering import Level, _formatted
from extract.model import Line
from layout_docs import CLOSE, SCORE_REPORT_HEAD
from metadata_docs import libreoffice_pdfs

W_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _abstract(abstract_id: int, levels: list[tuple[str, str, int]]) -> str:
    lvls = "".join(
        f'<w:lvl w:ilvl="{k}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/><w:lvlText w:val="{text}"/>'
        f'<w:lvlJc w:val="left"/></w:lvl>'
        for k, (fmt, text, start) in enumerate(levels)
    )
    kind = '<w:multiLevelType w:val="multilevel"/>'
    return f'<w:abstractNum {W_NS} w:abstractNumId="{abstract_id}">{kind}{lvls}</w:abstractNum>'


def _numbered_doc(path: Path, body) -> Path:
    """A document with list definitions 90 (decimal "1." / "1.1."), 91 (roman "I." / letters
    "a)") and instances 90, 91, 92 (91 again, restarting its letters at a)."""
    from docx import Document
    from docx.oxml import parse_xml

    doc = Document()
    numbering = doc.part.numbering_part.element
    first_num = numbering.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}num")
    for abstract in (
        _abstract(90, [("decimal", "%1.", 1), ("decimal", "%1.%2.", 1)]),
        _abstract(91, [("upperRoman", "%1.", 1), ("lowerLetter", "%2)", 1)]),
    ):
        element = parse_xml(abstract)
        if first_num is not None:
            first_num.addprevious(element)
        else:
            numbering.append(element)
    for num_id, abstract_id, restart in (
        (90, 90, ""),
        (91, 91, ""),
        (92, 91, '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>'),
    ):
        numbering.append(
            parse_xml(f'<w:num {W_NS} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/>{restart}</w:num>')
        )
    body(doc)
    doc.save(str(path))
    return path


def _number(paragraph, num_id: int, ilvl: int) -> None:
    from docx.oxml import parse_xml

    ppr = paragraph._p.get_or_add_pPr()
    ppr.append(parse_xml(f'<w:numPr {W_NS}><w:ilvl w:val="{ilvl}"/><w:numId w:val="{num_id}"/></w:numPr>'))


HEAD = SCORE_REPORT_HEAD
SCORES = [  # (level, name, max, self)
    (0, "Công tác chỉ đạo, điều hành", "10", "9"),
    (1, "Kế hoạch năm", "4", "4"),
    (1, "Báo cáo định kỳ", "6", "5"),
    (0, "Cải cách thủ tục hành chính", "12", "11,5"),
    (1, "Công khai thủ tục", "6", "6"),
    (1, "Giải quyết hồ sơ đúng hạn", "6", "5,5"),
]


def _score_table(doc) -> None:
    for text in HEAD:
        doc.add_paragraph(text)
    table = doc.add_table(rows=1, cols=4)
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, ("STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm")):
        cell.text = text
    for level, name, top, scored in SCORES:
        cells = table.add_row().cells
        _number(cells[0].paragraphs[0], 90, level)
        for cell, text in zip(cells[1:], (name, top, scored)):
            cell.text = text
    for text in CLOSE + ("Nguyễn Văn An",):
        doc.add_paragraph(text)


def _plan(doc) -> None:
    for text in HEAD[:5] + ("KẾ HOẠCH", "Cải cách hành chính năm 2025"):
        doc.add_paragraph(text)
    for num_id, level, text in (
        (91, 0, "MỤC ĐÍCH, YÊU CẦU"),
        (91, 1, "Nâng cao chất lượng phục vụ"),
        (91, 1, "Công khai thủ tục hành chính"),
        (91, 0, "NHIỆM VỤ"),
        (92, 1, "Rà soát thủ tục hành chính"),
        (92, 1, "Số hóa hồ sơ"),
    ):
        _number(doc.add_paragraph(text), num_id, level)


@pytest.fixture(scope="module")
def files(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("numbering")
    scores = _numbered_doc(out / "scores.docx", _score_table)
    plan = _numbered_doc(out / "plan.docx", _plan)
    pdfs = libreoffice_pdfs([scores, plan], out)
    return {"scores": scores, "plan": plan, **{f"{p.stem}.pdf": q for p, q in pdfs.items()}}


EXPECTED_SCORES = [
    ("1", 10.0, 9.0),
    ("1.1", 4.0, 4.0),
    ("1.2", 6.0, 5.0),
    ("2", 12.0, 11.5),
    ("2.1", 6.0, 6.0),
    ("2.2", 6.0, 5.5),
]


@pytest.mark.parametrize("name", ["scores", "scores.pdf"])
def test_a_score_table_numbered_by_word_is_read_with_its_codes(files, name):
    if name not in files:
        pytest.fail("LibreOffice printed no PDF")
    data = cchc_extract.convert(files[name]).data
    rows = [(r["code"], r["max_points"], r["self_points"]) for t in data["score_tables"] for r in t["rows"]]
    assert rows == EXPECTED_SCORES
    assert not data["unread"]


def test_numbered_headings_and_items_carry_their_labels_as_libreoffice_prints_them(files):
    lines = [b.text for p in ingest(files["plan"]).pages for b in p.blocks if isinstance(b, Line)]
    numbered = lines[7:]
    assert numbered == [
        "I. MỤC ĐÍCH, YÊU CẦU",
        "a) Nâng cao chất lượng phục vụ",
        "b) Công khai thủ tục hành chính",
        "II. NHIỆM VỤ",
        "a) Rà soát thủ tục hành chính",  # instance 92 restarts the letters
        "b) Số hóa hồ sơ",
    ]
    if "plan.pdf" not in files:
        pytest.fail("LibreOffice printed no PDF")
    import pdfplumber

    with pdfplumber.open(files["plan.pdf"]) as pdf:  # the lines as LibreOffice laid them out
        printed = [" ".join(t.split()) for page in pdf.pages for t in (page.extract_text() or "").splitlines()]
    assert printed[-6:] == numbered


def test_label_formats():
    assert [
        _formatted(v, f) for v, f in ((4, "upperRoman"), (14, "lowerRoman"), (2, "lowerLetter"), (3, "decimalZero"))
    ] == ["IV", "xiv", "b", "03"]
    assert Level().text == "%1."
