"""A score table printing no code: its codes derived from the name cells' marks and emphasis
(``extract/segment/marked_levels.py``), numbered in order as the set's tree numbers them and flagged
``code_derived``."""

from __future__ import annotations

import pytest

from extract.segment.marked_levels import CODE_DERIVED, codes_from_marks, derived_codes, name_mark
from tests.corpus_helpers import converted_corpus


def _never(_name: str) -> bool:
    return False


@pytest.mark.parametrize(
    ("name", "bold", "kind", "printed", "rest"),
    [
        ("Công tác chỉ đạo", True, "field", None, "Công tác chỉ đạo"),
        ("CÔNG TÁC CHỈ ĐẠO", False, "field", None, "CÔNG TÁC CHỈ ĐẠO"),
        ("II. CÔNG TÁC CHỈ ĐẠO", False, "field", "2", "CÔNG TÁC CHỈ ĐẠO"),
        ("- Kế hoạch năm", False, "-", None, "Kế hoạch năm"),
        ("– Kế hoạch năm", False, "-", None, "Kế hoạch năm"),
        ("• Kế hoạch năm", False, "•", None, "Kế hoạch năm"),
        ("+ Ban hành kịp thời", False, "+", None, "Ban hành kịp thời"),
        ("a) Ban hành kịp thời", False, "a)", "a", "Ban hành kịp thời"),
        ("đ. Ban hành kịp thời", False, "a.", "đ", "Ban hành kịp thời"),
        ("2) Ban hành kịp thời", False, "1)", "2", "Ban hành kịp thời"),
        ("Ban hành kịp thời", False, "plain", None, "Ban hành kịp thời"),
    ],
)
def test_a_names_mark(name, bold, kind, printed, rest):
    mark = name_mark(name, bold)
    assert (mark.kind, mark.printed, mark.name) == (kind, printed, rest)


def test_levels_follow_the_marks_first_appearance():
    names = ["Công tác A", "- x", "+ y", "+ z", "- w", "Công tác B", "- v", "Tổng cộng"]
    bolds = [True, False, False, False, False, True, False, True]
    read = codes_from_marks(names, bolds, lambda n: n.startswith("Tổng"))
    assert read is not None
    assert [r[0] if r else None for r in read] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2", "2.1", None]
    assert read[2] == ("1.1.1", "y")


def test_letters_are_kept_for_the_repair_to_place():
    names = ["I. CÔNG TÁC A", "* x", "a) y", "b) z", "II. CÔNG TÁC B", "* v"]
    codes = derived_codes([name_mark(n, False) for n in names])
    assert codes == ["1", "1.1", "a)", "b)", "2", "2.1"]


def _read_unbolded(names: list[str]) -> list:
    """The codes a scan's name cells derive: OCR tells no bold, the total row left out."""
    read = codes_from_marks(names, [False] * len(names), lambda n: n.startswith("Tổng"))
    assert read is not None
    return read


def test_an_items_dot_ocr_read_as_a_comma_keeps_its_level():
    """The name cells of a scanned score table numbered "1." to "5." with no code column (seed 6161,
    S20 instance 2, the scan of N31's codes in the names), as Tesseract read them: the first and the
    last dots came out commas. They were no item marks, so "1," and "5," became fields and "2." to
    "4." their criteria 1.2 to 1.4. A figure, a comma and a capital opens no criterion's phrase."""
    names = [
        "1, Công tác chỉ đạo, điều hành cải cách hành chính",
        "2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh",
        "3. Cải cách thủ tục hành chính",
        "4. Cải cách tổ chức bộ máy hành chính",
        "5, Xây dựng và nâng cao chất lượng đội ngũ công chức, viên chức",
        "Tổng cộng",
    ]
    read = _read_unbolded(names)
    assert [r[0] if r else None for r in read] == ["1", "2", "3", "4", "5", None]
    assert read[0] == ("1", "Công tác chỉ đạo, điều hành cải cách hành chính")
    assert name_mark("1, 2 và 3 tháng", False).kind == "plain"  # a comma before no capital is text


def test_a_dash_ocr_read_as_a_tilde_is_the_dash_bullet():
    """The name cells of a scanned bulleted table (seed 6162, S18 instance 3, the scan of N23) as
    Tesseract read them: one criterion's "-" came out "~". It opened a field of its own ("2"), and
    every row after it was one field off."""
    names = [
        "Công tác chỉ đạo, điều hành cải cách hành chính",
        "- Kế hoạch cải cách hành chính năm",
        "+ Ban hành kế hoạch cải cách hành chính năm kịp thời",
        "+ Mức độ hoàn thành kế hoạch cải cách hành chính năm",
        "~ Thực hiện chế độ báo cáo cải cách hành chính định kỳ",
        "- Công tác tuyên truyền cải cách hành chính",
        "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật",
        "- Ban hành văn bản quy phạm pháp luật theo thẩm quyền",
        "Tổng số điểm",
    ]
    read = _read_unbolded(names)
    assert [r[0] if r else None for r in read] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "1.3", "2", "2.1", None]
    assert read[4] == ("1.2", "Thực hiện chế độ báo cáo cải cách hành chính định kỳ")


def test_a_coded_table_with_a_dash_now_and_then_is_left_alone():
    names = ["Kế hoạch", "- chi tiết", "Báo cáo", "Tuyên truyền", "Kiểm tra", "Sáng kiến"]
    assert codes_from_marks(names, [False] * len(names), _never) is None


def test_bulleted_score_tables_read_whole(tmp_path):
    """N23 (tools/CORPUS.md): no code column, fields bold, criteria "- …", sub-criteria "+ …" or "a)";
    every row read with the truth's code, name and points, its code flagged derived."""
    for doc, truth, out in converted_corpus(tmp_path / "c", "N23", seed=7):
        expected = [(r["code"], r["name"], r["max_points"], r["self_points"]) for r in truth["score_tables"][0]["rows"]]
        rows = [row for table in out["score_tables"] for row in table["rows"]]
        assert [(r["code"], r["name"], r["max_points"], r["self_points"]) for r in rows] == expected, doc["path"]
        assert all(CODE_DERIVED in r["flags"] for r in rows)


def test_rows_read_from_lines_take_their_first_lines_marks():
    """An OCR dump's rows: the line reader took the mark off the name; the line still has it (a
    cell's ruling read as "|" ahead of it), and the codes derived are flagged."""
    from extract.model import Line
    from extract.segment.marked_levels import mark_line_rows
    from extract.segment.row_draft import RowDraft

    texts = [
        "Cong tac chi dao 12 8",
        "- Ke hoach nam 3 2",
        "| + Ban hanh kip thoi 1 1",
        "+ Muc do 2 1",
        "- Bao cao 2 2",
    ]
    lines = [Line(text=t, page=1, number=i + 1) for i, t in enumerate(texts)]
    drafts = [RowDraft(line_start=i + 1) for i in range(len(texts))]
    mark_line_rows(drafts, lines)
    assert [d.code for d in drafts] == ["1", "1.1", "1.1.1", "1.1.2", "1.2"]
    assert all(d.code_derived for d in drafts)


def test_a_dash_ocr_read_as_an_equals_sign_is_the_dash_bullet():
    """The bulleted dump (s5161 d14-i3, English-trained Tesseract, 300 dpi, degraded) printed the
    criterion "- Kế hoạch cải cách hành chính năm" as "| = Ké hoach …": read as no mark, it was a
    field of its own, and every code after it one field off (1.1 read as 2, 1.1.1 as 2.1 …)."""
    from extract.model import Line
    from extract.segment.marked_levels import mark_line_rows
    from extract.segment.row_draft import RowDraft

    texts = [
        "| Cong tac chi dao, dieu hanh cai cach hanh chinh 12 11,25",
        "| = Ke hoach cai cach hanh chinh nam 3 2,25",
        "+ Ban hanh ke hoach cai cach hanh chinh nam kip 1 0,25",
        "+ Muc do hoan thanh ke hoach cai cach hanh chinh 2 2",
        "- Thuc hien che do bao cao cai cach hanh chinh dinh ky 2 2",
        "Xay dung va to chuc thuc hien van ban quy pham phap luat 8 7,25",
    ]
    lines = [Line(text=t, page=1, number=i + 1) for i, t in enumerate(texts)]
    drafts = [RowDraft(line_start=i + 1) for i in range(len(texts))]
    mark_line_rows(drafts, lines)
    assert [d.code for d in drafts] == ["1", "1.1", "1.1.1", "1.1.2", "1.2", "2"]
    # an equals sign inside a name is no mark
    lines[1] = Line(text="| Ke hoach = cai cach 3 2", page=1, number=2)
    drafts = [RowDraft(line_start=i + 1) for i in range(len(texts))]
    mark_line_rows(drafts, lines)
    assert drafts[1].code == "2"


def test_rows_read_from_lines_printing_codes_keep_them():
    from extract.model import Line
    from extract.segment.marked_levels import mark_line_rows
    from extract.segment.row_draft import RowDraft

    texts = ["1 Cong tac 12 8", "- a 3 2", "- b 1 1", "- c 2 1", "2 Xay dung 8 6"]
    lines = [Line(text=t, page=1, number=i + 1) for i, t in enumerate(texts)]
    drafts = [RowDraft(code=c, line_start=i + 1) for i, c in enumerate(["1", "1.1", "1.2", None, "2"])]
    mark_line_rows(drafts, lines)
    assert [d.code for d in drafts] == ["1", "1.1", "1.2", None, "2"]
    assert not any(d.code_derived for d in drafts)
