"""The typed-layout families of the corpus (tools/corpusgen/typed_forms.py, typed_annexes.py): each
layout is really in the DOCX written (Word's numbering in numbering.xml and not in the cells, the
header in two text boxes, fractions, bullets, a plan column, no "Nơi nhận", words before codes), the
truth adds up, and appending them left every other family's instances as they were."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tools")]


def _typed() -> tuple[str, ...]:
    from corpusgen.typed_annexes import TYPED_ANNEX_FAMILIES
    from corpusgen.typed_forms import TYPED_FORM_FAMILIES

    return (*TYPED_FORM_FAMILIES, *TYPED_ANNEX_FAMILIES)


def _instances(family: str, seed: int = 0):
    import make_corpus as mc

    return mc.instances(family, mc.load_sets(), 4, seed)


def _docx(family: str, index: int, tmp_path: Path, seed: int = 0) -> tuple[Path, object]:
    import make_corpus as mc
    from corpusgen.render_docx import write_docx

    inst = _instances(family, seed)[index - 1]
    built = mc.FAMILIES[family](inst)
    path = tmp_path / f"{inst.name}.docx"
    write_docx(next(o for o in built.outputs if o.fmt == "docx").document, path)
    return path, built


def _xml(path: Path, member: str) -> str:
    with zipfile.ZipFile(path) as z:
        return z.read(member).decode("utf-8")


def test_typed_families_rank_last_so_no_other_family_moves():
    import make_corpus as mc

    ranks = {f: mc.family_rank(f) for f in mc.FAMILIES}
    settled = [f for f in mc.FAMILIES if f not in mc.LATE_FAMILIES]
    assert set(_typed()) <= set(mc.LATE_FAMILIES)
    assert max(ranks[f] for f in settled) < min(ranks[f] for f in _typed())
    assert sorted(settled) == [f for f in sorted(ranks, key=ranks.get) if f in settled]


def test_word_numbering_puts_the_codes_in_numbering_xml_not_in_the_cells(tmp_path):
    path, built = _docx("F18_word_numbering", 1, tmp_path, seed=761)
    import docx

    table = [t for t in docx.Document(str(path)).tables if len(t.rows) > 3][0]
    codes = [r["code"] for r in built.score_tables[0]["rows"]]
    assert [row.cells[0].text for row in table.rows[1 : 1 + len(codes)]] == [""] * len(codes)  # no code typed
    document = _xml(path, "word/document.xml")
    assert len(_ilvls(document)) == len(codes)
    levels = [code.count(".") for code in codes]
    assert [int(x) for x in _ilvls(document)] == levels
    assert "%1.%2" in _xml(path, "word/numbering.xml")


def _ilvls(document: str) -> list[str]:
    import re

    return re.findall(r"<w:numPr[^>]*><w:ilvl w:val=\"(\d)\"/>", document)


def test_header_in_two_text_boxes_holds_number_and_motto(tmp_path):
    path, built = _docx("F19_header_text_boxes", 1, tmp_path)
    document = _xml(path, "word/document.xml")
    assert document.count("<w:txbxContent>") == 4  # two boxes, each as DrawingML and as VML
    right, _, left, _ = document.split("<w:txbxContent>")[1:]  # the right box stored first
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right and built.document["commune"] in right
    assert built.document["number"].split("/")[1] in left and "ỦY BAN NHÂN DÂN" in left


def test_fractions_print_score_and_maximum_in_one_cell():
    import make_corpus as mc
    from corpusgen.grid import fraction

    assert fraction(9.0, 10.0, "self/max") == "9/10"
    assert fraction(5.5, 6.0, "max/self") == "6/5,5"
    assert fraction(None, 3.0, "self/max") == "-/3"
    built = mc.FAMILIES["F20_fraction_points"](_instances("F20_fraction_points")[0])
    grid = next(b for b in built.outputs[0].document.blocks if hasattr(b, "grid")).grid
    rows = built.score_tables[0]["rows"]
    first = grid.rows[1].cells
    assert len(first) == 4 and first[2].text == fraction(rows[0]["self_points"], rows[0]["max_points"], "self/max")


def test_bulleted_items_print_no_code_and_their_ratios_add_up():
    import make_corpus as mc
    from corpusgen.check import planted, ratio_adds_up, truth_problems

    rows = [
        {"code": "1", "indicator": "Số hồ sơ", "unit": "Hồ sơ", "value": 10.0},
        {"code": None, "indicator": "Trực tuyến", "unit": "Hồ sơ", "value": 7.0},
        {"code": None, "indicator": "Trực tiếp", "unit": "Hồ sơ", "value": 3.0},
        {"code": "1.1", "indicator": "Tỷ lệ trực tuyến", "unit": "%", "value": 70.0},
    ]
    assert ratio_adds_up(rows, rows[3])  # the bullets are 1's items: 7 of 10
    wrong = rows[:3] + [{**rows[3], "value": 60.0}]
    assert not ratio_adds_up(wrong, wrong[3])
    # a faulted ratio among its count's items (no parent row for the ratio) does not explain itself
    coded = [
        {"code": "4", "indicator": "Tổng số thủ tục", "unit": "Thủ tục", "value": 100.0},
        {"code": "4.1", "indicator": "Toàn trình", "unit": "Thủ tục", "value": 68.0},
        {"code": "4.2", "indicator": "Một phần", "unit": "Thủ tục", "value": 32.0},
        {"code": "4.3", "indicator": "Tỷ lệ toàn trình", "unit": "%", "value": 60.75},
    ]
    assert not ratio_adds_up(coded, coded[3])
    right = coded[:3] + [{**coded[3], "value": 68.0}]
    assert ratio_adds_up(right, right[3])
    built = mc.FAMILIES["F21_annex_items_lettered_bulleted"](_instances("F21_annex_items_lettered_bulleted")[1])
    stats = built.statistics[0]["rows"]
    assert any(r["code"] is None for r in stats)
    truth = {
        "score_tables": [],
        "counts": [],
        "statistics": built.statistics,
        "faults": [f.truth() for f in built.faults],
    }
    assert truth_problems(truth) == planted(truth)


def test_plan_column_beside_the_results_and_a_close_without_recipients(tmp_path):
    import docx

    path, built = _docx("F22_annex_plan_actual", 1, tmp_path)
    annex = docx.Document(str(path)).tables[-1]
    assert [c.text for c in annex.rows[0].cells][3:5] == ["Kế hoạch", "Thực hiện"]
    values = [r["value"] for r in built.statistics[0]["rows"]]
    printed = [row.cells[4].text for row in annex.rows[1:]]
    assert printed == ["" if v is None else f"{v:g}".replace(".", ",") for v in values]
    path, _ = _docx("F23_signer_alone", 1, tmp_path)
    text = _xml(path, "word/document.xml")
    assert "Nơi nhận" not in text and "CHỦ TỊCH" in text


def test_code_words_before_the_codes(tmp_path):
    import docx

    path, built = _docx("F24_code_words", 1, tmp_path)
    table = [t for t in docx.Document(str(path)).tables if len(t.rows) > 3][0]
    words = ("Lĩnh vực ", "Tiêu chí ", "Tiêu chí thành phần ")
    rows = built.score_tables[0]["rows"]
    printed = [row.cells[0].text for row in table.rows[1 : 1 + len(rows)]]
    assert printed == [words[r["code"].count(".")] + r["code"] for r in rows]
