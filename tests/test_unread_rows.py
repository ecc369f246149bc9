"""A partly read OCR dump says what it lost: rows whose points OCR lost, parents whose whole line
it lost, row-shaped lines no table took. The texts are real Tesseract output of the corpus
generator's dumps (tools/corpusgen/dumps.py), cut to the table."""

from __future__ import annotations

from cchc_extract.pipeline import convert_file, result_to_json

HEAD = "UBND XÃ QUY QUANG\nSố: 12/BC-UBND\nBÁO CÁO\nTự đánh giá, chấm điểm\n"
# d03-i1 (eng, 300 dpi): the lines of rows 1.1, 1.1.1, 1.1.4 and 1.2 lost their codes and points.
LOST_PARENTS = """TT Noi dung danh gia Diém | Diém tw
chuan danh
gia
| 1. | CONG TAC CHIDAO, DIEUHANHCCHC | 10 | 8
Ban hanh ké hoach CCHC nam
1.1.2 | Xac dinh day du cac nhiém vu CCHC trén cac linh vuc theo ké 1 1
hoach nam cua UBND tinh va b6 tri kinh phi thc hién
1.1.3. | Cac két qua phai dat dudc xac dinh r6 rang, cu thé va dinh ro trach 1 0
nhiém trién khai cua phong, ban, don vi tru'c thu6c
Mitc dé thyrc hién ké hoach CCHC
1.2.1 | Tat cd bao cao direc gui ding thdi gian quy dinh (bao cao qui I, qui 1 1
III, bao cao 6 thang va bao cao nam)
Noi nhan: KT. CHU TICH
"""


def _convert(tmp_path, text: str) -> dict:
    path = tmp_path / "dump.txt"
    path.write_text(HEAD + text, encoding="utf-8")
    return result_to_json(convert_file(path, path.name))


def test_lost_parents_are_told(tmp_path):
    out = _convert(tmp_path, LOST_PARENTS)
    codes = [r["code"] for t in out["score_tables"] for r in t["rows"]]
    assert {"1", "1.1.2", "1.1.3", "1.2.1"} <= set(codes)
    reasons = [u["reason"] for u in out["unread"]]
    assert any(r.startswith("row 1.1 not read") for r in reasons)
    assert any(r.startswith("row 1.2 not read") for r in reasons)
    assert all(u["kind"] == "rows" and u["line_start"] for u in out["unread"])


def test_points_lost_are_told_and_the_row_kept(tmp_path):
    # d03-i4 (vie, 200 dpi, degraded): row 1.2's points read as a speck ("Ụ").
    text = """ST Nội dung đánh giá Điểm Điểm tự
ch ng, tối đa chấm
.__. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC : 10 7,75
11 .KếhoạchCCHC nằm 5 3,75
12. Báo cáoCCHC : Ụ
1.2.2... Tất cả báo cáo có đầy đủ nội dung theo hướng dẫn ¿ 1 0`
1.3. Kiểm ra công tác CCHC : 3 3
Nơi nhận: : TM. ỦY BAN NHÂN DÂN,
"""
    out = _convert(tmp_path, text)
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # Its self points lost are still told; after the checks the table's sums give them: 1's 7,75
    # less 1.1's 3,75 and 1.3's 3 (``reconcile.derived``), a value not read.
    assert rows["1.2"]["name"].startswith("Báo cáo") and rows["1.2"]["self_points"] == 1.0
    assert rows["1.2"]["self_points_raw"] is None and "derived_from_sums:self_points" in rows["1.2"]["flags"]
    assert any("points of 1.2 not read" in u["reason"] for u in out["unread"])
    # The criteria set, surely recognised from the other rows' codes, names and maxima, gives the
    # maximum the document prints (1.1 + 1.2 + 1.3 = 5 + 2 + 3 = 10), with its source said.
    assert rows["1.2"]["max_points"] == 2.0 and "max_from_criteria_set:ca-mau_2013" in rows["1.2"]["flags"]


def test_a_dump_read_whole_lists_nothing_unread(tmp_path):
    text = """TT Lĩnh vực, tiêu chí Điểm tối đa Điểm tự chấm
1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 7,75
1.1 Kế hoạch CCHC năm 5 3,75
1.2 Báo cáo CCHC 2 1
1.3 Kiểm tra công tác CCHC 3 3
TM. ỦY BAN NHÂN DÂN
"""
    assert _convert(tmp_path, text)["unread"] == []


def test_a_criterion_name_line_whose_code_and_points_were_lost_is_a_row(tmp_path):
    # Interleaved eng-like dump: row 1.1's line kept only its name ("Kế hoạch CCHC năm i").
    text = """TT Lĩnh vực, tiêu chí Điểm tối đa Điểm tự chấm Tài liệu kiểm chứng
1 CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC 10 7,75
Kế hoạch CCHC năm i
1.1.1 Ban hành kế hoạch CCHC năm 1 1 Kế hoạch số 23/KH-UBND
1.1.2 Xác định đầy đủ các nhiệm vụ CCHC 1 0,25 Tỷ lệ đạt 72%
TM. ỦY BAN NHÂN DÂN
"""
    out = _convert(tmp_path, text)
    names = [r["name"] for t in out["score_tables"] for r in t["rows"]]
    assert names[1].startswith("Kế hoạch CCHC năm")
    assert any(u["reason"].startswith("points of 1.1 not read") for u in out["unread"])


def test_a_two_row_table_whose_codes_ocr_lost_is_recovered_by_its_names(tmp_path):
    # Seed 272 d03-i3 (eng, 300 dpi, degraded): the header names the criteria and the self points,
    # the two rows under it lost their codes (the first) and their points columns' layout; nothing
    # is shaped like a row and no codes run in order. The header tells the table not read, and its
    # two lines print fields 1 and 2's long wordings whole, in order: the rows are those criteria
    # (named by the set), their points not read told.
    text = """TT Noi dung danh gia 7 tha | pie : :
oe diém | danh oo
Cong tac chi dao, diéu hanh cai cach hanh chinh Po 5
— 2 Xay dung va té chifc thuc hién van ban quy pham phap luat tai 10 it a
: tinh : : : : |
Noi nhan: Fe 7 KT. CHU TICH.__ :
"""
    out = _convert(tmp_path, text)
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == ["1", "2"]
    assert rows[0]["name"] == "Công tác chỉ đạo, điều hành cải cách hành chính"
    assert rows[1]["name"].startswith("Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật")
    assert all("row_from_set_order" in r["flags"] and r["self_points"] is None for r in rows)
    assert any(u["reason"].startswith("points of 1, 2 not read") for u in out["unread"])


def test_a_scale_line_beside_its_explanation_is_the_rows_scale(tmp_path):
    # Seed 272 d06-i1 (F07 layout, eng psm 4): row 3's first scale line carries the explanation
    # cell's wrapped line after its points ("… quy định: 14,5 UBND ngày 28/12/2024"). It is the
    # row's scale, not a row of its own (which was withdrawn and told unread on a document read whole).
    text = """STT Tiéu chi, tiéu chi thanh phan Thang Diém Ghi cha
diém UBND
xa tu
cham
1. Cong tac chi dao, diéu hanh cai cach hanh 10 10 Dat yéu cau theo hudng
chinh dan
2. Xay dung va té chirc thc hién van ban 10 10 Da ban hanh dung thoi
quy pham phap luat tai tinh gian quy dinh
3. Cai cach tha tuc hanh chinh 14,5 14 Thong bao sé 26/TB-
- Ban hanh dung thoi gian quy dinh: 14,5 UBND ngay 28/12/2024
diém
- Ban hanh cham so véi quy dinh: 7,25
diém
- Khong ban hanh: 0 diém
4. Cai cach té chifc b6 may hanh chinh 11 0
- Ban hanh dung thoi gian quy dinh: 11
diém
Tong cong 45,5 34
Noi nhan: KT. CHU TICH
"""
    out = _convert(tmp_path, text)
    rows = [r for t in out["score_tables"] for r in t["rows"]]
    assert [r["code"] for r in rows] == ["1", "2", "3", "4"]
    assert out["unread"] == []


def test_points_lost_over_pages_name_the_last_page_too():
    # 003's scanned rendering: rows whose points the page prints blank stand on pages 2, 3 and 4;
    # the part said page 2 alone, so a person turned to one page of three.
    from extract.segment.unread_rows import _lost_points
    from schemas.records import ScoreRow, SourceRef

    rows = [
        ScoreRow(code=code, code_raw=code, name=f"Tiêu chí {code} được đánh giá", source=SourceRef(page, line, line))
        for code, page, line in (("2.2.3", 2, 35), ("4.1", 3, 75), ("5.3.3", 4, 90))
    ]
    (part,) = _lost_points(rows)
    assert (part.page, part.page_end, part.line_start, part.line_end) == (2, 4, 35, 90)
    (one_page,) = _lost_points(rows[:1])
    assert (one_page.page, one_page.page_end) == (2, None)


def test_a_continuation_page_whose_points_ocr_lost_is_told(tmp_path):
    # Seed 801 d06-i5 (eng, 200 dpi, degraded), its lines cut: the table runs onto a second page
    # (three blank lines, as the OCR dump breaks pages) that prints no header again; OCR garbled
    # nearly every points cell on both pages. The first page's rows are withdrawn as unsure and
    # told; on the second, rows 1.2.1, 1.2.2, 1.3 kept their codes and names, but nothing is
    # shaped like a row and no header stands above them: before, no row and nothing told there.
    text = """eel toy Bf B N6i dung danh gia Thang | Diém Giai trinh
fae diém | tw
: : ; danh ;
g ‘ . j : gia
CONG TAC CHI DAO, DIEU HANH 105) 975
CCHC
BLOG ie ee eee
1.1.1 | Ban hanh ké hoach CCHC nam : Pasa 1 Quyét dinh sé :
i _| 92/QD-UBND
ngay 10/5/2014
ae 1.1.2 | Xac dinh day di cdc nhiém vu CCHC trén el Ké hoach s6
cac linh vuc theo ké hoach nim ctia UBND 77/KH-UBND
tinh va bé trikinh phithwchién — - i ngay 23/05/2014
} oo : : Bao cao s6 89/BC-
_| 1.41.3 | Cac két qua phai dat duc xac dinh ro rang, vel 05 Thong bao sé :
"| cu thé va dinh r6 trach nhiém trién.khai ctia : 79/TB-UBND
phong, ban, don vi trutc thuéc | ngay 20/12/2014 :
. : : Bao cao s6 85/BC-
HDND va UBND



263/BC-UBND
ngay 05/07/2014
Quyét dinhsé) i
2 Be ee
1.2.1 | Tat ca bao céo duge giti ding thoi gian quy ih eesd Ké hoach s6 ;
dinh (bao cdo qui I, qui III, bao cdo 6 thang |. 74/KH-UBND
; ; va bao cdo naém) a ngay 20/05/2014 |.
1.2.2 | Tat ca bdo cao cé day di néi dung theo ik Céng van sé :
huéng dan : nee 108/CV-VP ngay
er : 26/5/2014 Théng |. as
1.3. | Kiém tra cong tac CCHC 3 feo! Cong van sé : :
d : : 229/CV-UBND :
ngay 18/10/2014
2 : : : j i phong HBND va
UBND xi
Noi nh@n: 2 - TM. UY BAN NHAN DAN | :
"""
    out = _convert(tmp_path, text)
    page2 = [u for u in out["unread"] if u["page"] == 2 and u["line_end"] != u["line_start"]]
    read2 = [r for t in out["score_tables"] for r in t["rows"] if r["source"]["page"] == 2]
    # With no table read around them, the page's rows are recovered by the criteria set's wording
    # (``set_rows``: the truth's 1.2.1, 1.2.2 and 1.3, 1.3's maximum 3 printed), their points told.
    # (Before, no row was read there and the part told the codes "continue the score table
    # headed on page 1".)
    assert [r["code"] for r in read2] == ["1.2.1", "1.2.2", "1.3"]
    assert read2[2]["max_points"] == 3
    # Told from the page's top (the row cut by the page's end: 1.1.4's explanation) to its last
    # coded line (the specks of 1.3's explanation, "2 : : : j i", taken for row 2's code).
    assert len(page2) == 1 and page2[0]["kind"] == "rows"
    assert page2[0]["reason"].startswith("points of 1.2.1, 1.2.2, 1.3 not read")
    lines = (tmp_path / "dump.txt").read_text(encoding="utf-8").split("\n")
    assert lines[page2[0]["line_start"] - 1].startswith("263/BC-UBND")
    assert lines[page2[0]["line_end"] - 1].startswith("2 : : : j i")


def test_a_points_claim_loses_the_codes_read_and_goes_when_none_is_left():
    # The rows read leave every "points of … not read (…)" clause of a part, whichever reader
    # said it; the part's other clauses stay as written.
    from extract.segment.unread_rows import points_claims_less
    from schemas.records import UnreadPart

    part = UnreadPart(
        page=1,
        kind="rows",
        reason="points of 4, 5 not read (the text holds the row's name, not its numbers); "
        "row 2 not read (its sub-criteria 2.1, 2.2 were); "
        "points of 1.1.3 not read (rows recovered by their names in the criteria set)",
    )
    assert points_claims_less(part, {"5", "1.1.3"}) == [
        "points of 4 not read (the text holds the row's name, not its numbers)",
        "row 2 not read (its sub-criteria 2.1, 2.2 were)",
    ]
    assert points_claims_less(part, {"4", "5", "1.1.3"}) == ["row 2 not read (its sub-criteria 2.1, 2.2 were)"]
    assert points_claims_less(part, set()) == part.reason.split("; ")
