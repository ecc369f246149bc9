"""A score table a report announces ("… chấm điểm như sau:") that OCR left only scraps of is told
(issue 16: nothing lost silently). The dump is real Tesseract output (vie, 200 dpi, degraded) of
the corpus generator (seed 599) with its truth beside it: a three-row table of which OCR kept a
header's "tối đa chấm", two explanation cells' dates and a name's wrapped "quy phạm pháp luật tại
tỉnh": no code, no points, nothing any other tell knows."""

from __future__ import annotations

from pathlib import Path

from corpus_helpers import converted_with_truth
from extract.model import IngestedDocument, Line, Page
from extract.segment.unread_announced import unread_announced_tables

DUMP = Path(__file__).parent / "data" / "dumps_told" / "s599-d01-i4-ruled-top-vie-200dpi-degraded.txt"


def test_a_table_lost_to_scraps_under_its_announcing_sentence_is_told():
    out, truth = converted_with_truth(DUMP)
    assert [r["code"] for r in truth["score_tables"][0]["rows"]] == ["1", "2", "3"]
    assert not [r for t in out["score_tables"] for r in t["rows"]]
    told = [u for u in out["unread"] if "announced" in u["reason"]]
    assert len(told) == 1
    lines = DUMP.read_text(encoding="utf-8").splitlines()
    span = lines[told[0]["line_start"] - 1 : told[0]["line_end"]]
    assert span[0].strip("`. ") == "tối đa chấm"
    assert "quy phạm pháp luật tại tỉnh" in told[0]["text_sample"]
    assert not any("Nơi nhận" in line for line in span)  # the signature block ends the table
    assert any("announced" in (q.get("reason") or q.get("message") or "") for q in out["review"])


def _doc(texts: list[str]) -> IngestedDocument:
    lines = [Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)]
    return IngestedDocument(path="x.txt", format="txt", pages=[Page(number=1, method="text", blocks=list(lines))])


_LEAD_IN = "Thực hiện Kế hoạch số 12/KH-UBND; UBND xã báo cáo kết quả tự đánh giá, chấm điểm như sau:"


def test_prose_under_the_sentence_is_no_table():
    doc = _doc([_LEAD_IN, "Xã đã ban hành kế hoạch đúng thời hạn, đạt kết quả tốt.", "Nơi nhận:"])
    assert unread_announced_tables(doc, lambda line, page: False) == []


def test_a_table_read_under_the_sentence_is_not_told():
    texts = [_LEAD_IN, "STT Nội dung Điểm tối đa Điểm tự chấm", "1 Công tác chỉ đạo 10 9", "Nơi nhận:"]
    doc = _doc(texts)
    assert unread_announced_tables(doc, lambda line, page: line.number == 3) == []
    told = unread_announced_tables(doc, lambda line, page: False)
    assert len(told) == 1 and (told[0].line_start, told[0].line_end) == (2, 3)


def test_the_sentence_as_a_latin_only_ocr_writes_it_still_announces_the_table():
    # English-trained Tesseract has no "ư": "như sau" comes out "nhw sau" or "nhv sau", "tự" "ty".
    for lead_in in (
        "Két qua ty danh gia, cham diém nam 2014 nhw sau: :",
        "UBND xa Tan Phu bao cao két qua ty danh gia nhv sau:",
        "danh gia, cham diém nhvu sau:",
        "Két qua tu danh gia, cham diém nhvw sau:",
        "2024; UBND xa Ditc Chau bao cdo két qua ty danh gid, cham diém nh sau:",  # ("ư" lost whole)
        "tự đánh giá, chấm điểm nhự s sau:",  # (a smudge read as a letter of its own)
    ):
        texts = [
            lead_in,
            "eel toy Bf B N6i dung danh gia Thang | Diém Giai trinh",
            "fae diém | tw tu cham",
            "BLOG ie ee eee",
            "i _| 92/QD-UBND ngay 10/5/2014",
            "Noi nhan:",
        ]
        told = unread_announced_tables(_doc(texts), lambda line, page: False)
        assert [(t.kind, t.line_start, t.line_end) for t in told] == [("table", 2, 5)], lead_in
    # "như" read as "nha" ("nhà sau") is another word: no sentence announcing anything.
    texts = ["Xây dựng nhà sau: tự đánh giá", "Điểm tối đa Điểm tự chấm", "Nơi nhận:"]
    assert unread_announced_tables(_doc(texts), lambda line, page: False) == []


ACROSS = (
    Path(__file__).parent / "data" / "dumps_told" / "s5161-d15-i3-n28-bonus-penalty-rows-eng-psm6-250dpi-degraded.txt"
)


def test_a_table_announced_at_a_pages_foot_runs_on_over_the_page_break():
    """Real Tesseract output (eng, 250 dpi, degraded; corpus seed 5161, D15 of N28): the sentence
    "… cham diém nhw sau:" stands on page 1, 26 lines of the table's scraps under it, and the
    header "Noi dung danh gia | Diém | Diémty | …" opens page 2 after the form feed. Its 44 rows
    were all lost, and told nowhere: the lines looked at under the sentence stopped at the page's
    end, where nothing named a points column."""
    out, truth = converted_with_truth(ACROSS)
    assert len(truth["score_tables"][0]["rows"]) == 44
    assert not [r for t in out["score_tables"] for r in t["rows"]]
    told = [u for u in out["unread"] if "announced" in u["reason"]]
    assert len(told) == 1
    assert (told[0]["page"], told[0]["page_end"]) == (1, 2)
    lines = ACROSS.read_text(encoding="utf-8").replace("\f", "\n").splitlines()
    assert "nhw sau:" in lines[told[0]["line_start"] - 2]
    assert "Noi nhgn" not in (told[0]["text_sample"] or "")


def test_the_lines_under_the_sentence_go_on_over_the_page_end_up_to_the_signature():
    page1 = [_LEAD_IN, "eel toy Bf B", "fae | oe ee", "BLOG ie ee eee"]
    page2 = [
        "N6i dung danh gia | Diém tối đa | Diém tự chấm",
        "i _| 92/QD-UBND ngay 10/5/2014",
        "Nơi nhận:",
        "Điểm tối đa",
    ]
    lines1 = [Line(text=t, page=1, number=k) for k, t in enumerate(page1, 1)]
    lines2 = [Line(text=t, page=2, number=k) for k, t in enumerate(page2, len(page1) + 1)]
    doc = IngestedDocument(
        path="x.txt",
        format="txt",
        pages=[Page(number=1, method="text", blocks=list(lines1)), Page(number=2, method="text", blocks=list(lines2))],
    )
    told = unread_announced_tables(doc, lambda line, page: False)
    assert [(t.page, t.page_end, t.line_start, t.line_end) for t in told] == [(1, 2, 2, 6)]
    # a row read on the next page is the table read: nothing told
    assert unread_announced_tables(doc, lambda line, page: page == 2 and line.number == 6) == []


NARRATIVE = "\n".join(
    [
        "ỦY BAN NHÂN DÂN XÃ TÂN HƯNG",
        "Số: 15/BC-UBND",
        "BÁO CÁO",
        "Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2024",
        "Thực hiện Kế hoạch số 12/KH-UBND của UBND huyện, UBND xã Tân Hưng báo cáo kết quả tự đánh giá, chấm điểm như sau:",  # noqa: E501
        "I. KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH",
        "1. Công tác chỉ đạo, điều hành cải cách hành chính (lĩnh vực 1): tự chấm 9/10 điểm (đạt 90%), trong đó tiêu chí 1.1 (Kế hoạch cải cách hành chính) đạt 2/2 điểm.",  # noqa: E501
        "2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại xã (lĩnh vực 2): tự chấm 7/8 điểm.",
        "3. Cải cách thủ tục hành chính (lĩnh vực 3): tự chấm 15/18 điểm; UBND xã đã công khai đầy đủ các thủ tục hành chính.",  # noqa: E501
        "4. Cải cách tổ chức bộ máy hành chính (lĩnh vực 4): tự chấm 6/7 điểm.",
        "Nơi nhận:",
        "- UBND huyện;",
        "- Lưu: VT.",
        "TM. ỦY BAN NHÂN DÂN",
        "CHỦ TỊCH",
        "Nguyễn Văn An",
        "",
    ]
)


def test_scores_told_field_by_field_under_the_sentence_are_the_announced_scores_read(tmp_path: Path):
    """A narrative report walks the criteria set field by field under "… chấm điểm như sau:", each
    field's line opening the set's wording: its score statements are the scores announced, read;
    no table was lost."""
    import cchc_extract

    path = tmp_path / "bao-cao.txt"
    path.write_text(NARRATIVE, encoding="utf-8")  # (long lines: as typed)
    result = cchc_extract.convert(path)
    assert [(s["code"], s["points"]) for s in result.data["score_statements"]] == [
        ("1", 9.0),
        ("1.1", 2.0),
        ("2", 7.0),
        ("3", 15.0),
        ("4", 6.0),
    ]
    assert result.data["unread"] == []
