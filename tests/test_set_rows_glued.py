"""Rows of OCR dumps found again by the criteria set's wording (issue 11, with 16): a short parent's
wording whose words OCR glued, a code OCR printed in pieces, and a table of garbage rows alone
withdrawn so its region goes to the set. The dumps are real Tesseract output of the corpus
generator (seed 357), with the generator's truth beside them; every value asserted is the truth's."""

from __future__ import annotations

import re
from pathlib import Path

from corpus_helpers import score_rows_with_truth
from extract.segment.set_rows import FLAG_FROM_SET_ORDER
from extract.segment.unread_coded import garbage_row
from schemas.records import ScoreRow

DATA = Path(__file__).parent / "data" / "dumps_tableb18"


def _rows(name: str) -> tuple[dict[str, dict], dict[str, dict], dict]:
    return score_rows_with_truth(DATA / name)


def test_a_short_parents_glued_wording_opens_its_row_between_rows_read():
    # "J 12- 1 ĐáocáoCCHC 2 15 175": 1.2 "Báo cáo CCHC", its words glued, between 1.1.4 and 1.2.1 read.
    rows, want, out = _rows("s357-d04-i4-ruled-center-vie-300dpi-degraded.txt")
    assert set(rows) == set(want)
    row = rows["1.2"]
    assert row["name"] == want["1.2"]["name"] == "Báo cáo CCHC"
    assert FLAG_FROM_SET_ORDER in row["flags"]
    assert row["max_points"] == want["1.2"]["max_points"] == 2.0
    # '15' is no score within 2: the self score is told lost, not guessed
    assert row["self_points"] is None
    assert any(re.search(r"points of (?:[\d.]+, )*1\.2(?:,| not read)", u["reason"]) for u in out["unread"])
    assert any(i["code"] == "1.2" for i in out["review"])


def test_a_code_printed_in_pieces_is_no_other_code_and_a_heading_above_the_region_is_found():
    # "i: 2. 1 | Tat ca bao cao duoc gui dung thoi gian quy": 1.2.1, its code cut into pieces; the
    # first piece alone ("2.") said it was no 1.2.1.
    rows, want, out = _rows("s357-d06-i5-f05-i5-portrait-eng-psm3-300dpi-degraded.txt")
    assert "1.2.1" in rows
    assert rows["1.2.1"]["name"] == want["1.2.1"]["name"]
    assert set(rows) <= set(want)  # nothing invented
    # 1.2 (its line OCR lost) is restored from its children under the set's name and maximum, its
    # self points not read and queued (the truth's: "Báo cáo CCHC", 2)
    assert set(want) == set(rows)
    assert (rows["1.2"]["name"], rows["1.2"]["max_points"]) == (want["1.2"]["name"], want["1.2"]["max_points"])
    assert rows["1.2"]["self_points"] is None and any(i["code"] == "1.2" for i in out["review"])
    # the part heading above the withdrawn region, its code lost ("“CONG TAC CHi DAO, DIEU HANH" / "CCHC")
    assert rows["1"]["name"] == want["1"]["name"]
    assert rows["1"]["source"]["line_start"] == 21
    assert any("1.2.1" in u["reason"] and "not read" in u["reason"] for u in out["unread"])


def test_a_row_of_specks_or_an_unprinted_code_is_garbage():
    def row(code: str, name: str, flags: list[str]) -> ScoreRow:
        return ScoreRow(code=code, level=code.count(".") + 1, name=name, flags=flags, max_points=5.0, self_points=5.0)

    assert garbage_row(row("4", "GF êê", []), 2)
    assert garbage_row(row("1.1", "Kế hoạch CCHC năm", ["code_inferred"]), 2)
    assert not garbage_row(row("1.1", "Kế hoạch CCHC năm", []), 2)


def test_a_dump_table_of_garbage_rows_alone_is_withdrawn_whole_and_told():
    from extract.model import IngestedDocument, Line, Page
    from extract.segment.unread_withdrawn import withdraw_unsure_tables
    from schemas.records import ExtractionResult, ScoreTable, SourceInfo, SourceRef

    texts = ["STT Noi dung Diem toi da Diem tu cham", "1 ØjcS 7 5", "Ké hoach CCHC nam", "2 ỆG 3 3"]
    page = Page(number=1, method="text", blocks=[Line(text=t, page=1, number=i + 1) for i, t in enumerate(texts)])
    doc = IngestedDocument(path="dump.txt", format="txt", pages=[page])

    def rows() -> list[ScoreRow]:
        return [
            ScoreRow(
                code="1",
                level=1,
                name="ØjcS",
                max_points=7.0,
                self_points=5.0,
                source=SourceRef(page=1, line_start=2, line_end=2),
            ),
            ScoreRow(
                code="2",
                level=1,
                name="ỆG",
                max_points=3.0,
                self_points=3.0,
                source=SourceRef(page=1, line_start=4, line_end=4),
            ),
        ]

    result = ExtractionResult(source=SourceInfo(path="dump.txt", read_by_ocr=True))
    result.score_tables = [ScoreTable(pages=[1], rows=rows(), read_from="lines")]
    parts = withdraw_unsure_tables(doc, result)
    assert result.score_tables == []
    assert len(parts) == 1 and (parts[0].line_start, parts[0].line_end) == (2, 4)
    # typed text (not read by OCR) keeps what it read
    typed = ExtractionResult(source=SourceInfo(path="dump.txt", read_by_ocr=False))
    typed.score_tables = [ScoreTable(pages=[1], rows=rows(), read_from="lines")]
    assert withdraw_unsure_tables(doc, typed) == [] and len(typed.score_tables[0].rows) == 2
