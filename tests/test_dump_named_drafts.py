"""Rows of OCR dumps lost whole or shifted, mended by what the lines carry (dumprows71).

A dump's line with a code and a criterion's whole name but no figures is a row, not a fragment of
the row above (``extract.segment.named_drafts``): code repair folds an OCR'd row with a code and no
figures into the row above (a wrapped line opening with a count, a speck read as a digit); a row
named, whole, as a catalogued criterion is none of those, its points were lost. It is kept where
its code is sure (printed, or the one place the codes around it leave); a code only guessed stays
folded, for a row guessed wrong is invented. A code the STT cell's ruling closed with a bracket is
a code (``extract.segment.stt_cell``). A row's bullet is looked for on its own page's half of a
line cut where the next page's header was glued (``marked_levels.mark_line``).

The dumps are Tesseract's text of generated documents (seed 16001), the values asserted are the
generator's truth."""

from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.named_drafts import _next
from extract.segment.stt_cell import code_head
from normalize.codes import CriterionCode
from normalize.text import fold

DATA = Path(__file__).parent / "data" / "dump_named_drafts"


def _rows(name: str) -> list[dict]:
    result = result_to_json(convert_file(DATA / name))
    return [r for t in result["score_tables"] for r in t["rows"]]


def _coded(rows: list[dict], words: str) -> list[str]:
    return [str(r["code"]) for r in rows if fold(words) in fold(r.get("name") or "")]


def test_a_misread_code_between_its_neighbours_keeps_the_row() -> None:
    # D16 i2 (six fields, 1 to 6): "9. Xây dựng và nâng cao chất lượng đội ngũ công" (the truth's 5,
    # its figures printed on another line) between "4. Cải cách tổ chức bộ máy hành chính" and "6.
    # Cải cách tài chính công": folded into row 4 it was lost, and row 4 held two names.
    rows = _rows("pasted-codes-s16001-d16-i2.txt")
    assert [str(r["code"]) for r in rows] == ["1", "2", "3", "4", "5", "6"]
    assert _coded(rows, "Xây dựng và nâng cao chất lượng đội ngũ") == ["5"]
    assert _coded(rows, "Cải cách tổ chức bộ máy hành chính") == ["4"]
    assert _coded(rows, "Cải cách tài chính công") == ["6"]


def test_a_printed_code_keeps_its_row_a_guessed_one_does_not() -> None:
    # D14 i4: "1.1.2 -Mức độ hoàn thành kế Hoa cải cách hành :" over a garbled line, its figures lost
    # (the truth's 1.1.2, 2 | 2): a row. "15 Sáng kiến, giải pháp mới trong cải cách" (the truth's
    # 1.5, rows 1.3 and 1.4 garbled above it) would be repaired to 1.3 after 1.2: a guess, left out.
    rows = _rows("tab-dots-s16001-d14-i4.txt")
    assert _coded(rows, "Mức độ hoàn thành kế") == ["1.1.2"]
    assert "1.3" not in _coded(rows, "Sáng kiến, giải pháp mới")


def test_the_one_place_the_codes_leave() -> None:
    four, five, six = (CriterionCode(0, (n,)) for n in (4, 5, 6))
    assert _next(four, five) and _next(five, six)
    assert _next(CriterionCode(0, (6,)), CriterionCode(0, (6, 1)))
    # (after 1.3, field 2 is no next sibling: 1.4 and 1.5 may come between)
    assert not _next(CriterionCode(0, (1, 3)), CriterionCode(0, (2,)))
    assert not _next(CriterionCode(0, (1, 2)), CriterionCode(0, (1, 4)))


def test_a_code_the_stt_cell_ruling_closed_with_a_bracket_opens_its_row() -> None:
    # D17 i2: "2.2] Rà soát, hệ thống ET văn bản quy phạm 2 mủ Tỷ lệ đạt 91%" (the truth's 2.2, 2 |
    # 0,5, its self score garbled): the right ruling of the STT cell read as "]" hid the code, and
    # the line went on with row 2.1's name; row 2.2 was lost, and nothing told.
    result = result_to_json(convert_file(DATA / "subtotals-s16001-d17-i2.txt"))
    rows = [r for t in result["score_tables"] for r in t["rows"]]
    assert _coded(rows, "Rà soát, hệ thống") == ["2.2"]
    assert _coded(rows, "Ban hành văn bản quy") == ["2.1"]
    review = next(r for r in rows if r["code"] == "2.2")
    assert review["max_points"] in (None, 2.0) and review["self_points"] in (None, 0.5)
    # (its points not read are told)
    assert any("2.2" in (p.get("reason") or "") for p in result["unread"])


def test_the_stt_cell_head() -> None:
    assert code_head("2.2]") == "2.2" and code_head("5.3}") == "5.3" and code_head("1.3__|") == "1.3"
    assert code_head("a]") == "a]" and code_head("2)") == "2)"


def test_a_line_cut_at_the_next_pages_header_keeps_its_rows_mark() -> None:
    # D14 i3 (a bulleted table, no code printed): Tesseract glued page 2's repeated header to the
    # last row of page 1, "+ Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính 5 0Lĩnh vực, tiêu
    # chí đánh giá Điểm …", and the line was cut in two that share its number. The row's mark was
    # looked for on the header's half (none: a field), and every code after it was one field off
    # (3.3 read as 4.1, 4 as 5, …). The truth: 3.2.3, 3.3, 3.4, then field 4 and its 4.1.
    rows = _rows("bulleted-s16001-d14-i3.txt")
    assert _coded(rows, "Số hóa hồ sơ") == ["3.2.3"]
    assert _coded(rows, "Rà soát, đánh giá thủ tục") == ["3.4"]
    assert _coded(rows, "Cải cách tổ chức bộ máy") == ["4"]
    assert _coded(rows, "Bố trí cán bộ, công chức") == ["5.1"]
    field = next(r for r in rows if r["code"] == "4")
    assert (field["max_points"], field["self_points"]) == (7.0, 7.0)
