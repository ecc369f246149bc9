"""Rows a dump lost whole, told (issue 16): a score table a report announces of which OCR left one
row and scraps. Seed 12001's
D25 i1 (an N66 report: eng, psm 6, 200 dpi; tests/data/dumps_unread67 with the generator's truth):
its twenty criteria under "tw danh gia, cham diém nhw sau:" lost every code and figure but one
line's ("~Ti_[Kéhoach ei edch hinhchinhim 3 [3| SSS"), the rest name tails ("cach hanh chinh nam
hoach") and the header ("So Linh vue, tiéu chi Diém | Diémtuy …"). Before, the one row read
(its name running on over the lines below) made the table read, and nineteen rows were lost
without a word. Now a table announced that gave one row while many lines under it started
none, its header naming its points columns among them, is told (``unread_announced``)."""

import json
from pathlib import Path

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_announced import unread_announced_tables

DUMP = (
    Path(__file__).parent / "data" / "dumps_unread67" / "s12001-d25-i1-n66-i1-field-points-repeated-eng-psm6-200dpi.txt"
)


def test_a_table_that_gave_one_row_of_twenty_is_told():
    truth = json.loads(DUMP.with_name(DUMP.name + ".truth.json").read_text(encoding="utf-8"))
    assert len(truth["score_tables"][0]["rows"]) == 20
    output = result_to_json(convert_file(DUMP))
    read = [r for t in output["score_tables"] for r in t["rows"]]
    assert len(read) <= 2  # OCR left no more (every other line lost its code and figures)
    # told once: by the announcement it stands under, or (as here, the merge with unread67) by the one
    # row that swallowed its lines (``unread_lone_rows``), which tells the same lines first
    told = [u for u in output["unread"] if u["kind"] == "rows"]
    assert len(told) == 1  # before: nothing told
    assert told[0]["line_end"] - told[0]["line_start"] >= 20


_LEAD_IN = "Thực hiện Kế hoạch số 12/KH-UBND; UBND xã báo cáo kết quả tự đánh giá, chấm điểm như sau:"


def _doc(texts: list[str]) -> IngestedDocument:
    lines = [Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)]
    return IngestedDocument(path="x.txt", format="txt", pages=[Page(number=1, method="text", blocks=list(lines))])


def test_a_table_of_rows_read_is_not_told():
    header = "STT Nội dung Điểm tối đa Điểm tự chấm"
    rows = [f"{k} Tiêu chí số {k} của lĩnh vực 2 2" for k in range(1, 15)]
    doc = _doc([_LEAD_IN, header, *rows, "Nơi nhận:"])
    starts = lambda line, page: 3 <= line.number <= 16  # noqa: E731
    assert unread_announced_tables(doc, starts, row_read=starts, row_start=starts) == []
    # one row read whose name ran on over the rest: told
    first = lambda line, page: line.number == 3  # noqa: E731
    spans = lambda line, page: 3 <= line.number <= 16  # noqa: E731
    told = unread_announced_tables(doc, spans, row_read=spans, row_start=first)
    assert len(told) == 1 and told[0].kind == "rows"
