"""A score table whose evidence column prints before the STT ("Văn bản, tài liệu kiểm chứng | Số TT
| Nội dung …"), as Tesseract dumps it: each row's line opens with the evidence's words and its code
stands after them ("Chưa đầy đủ tài liệu 1.1.1 | Ban hành …"). The code is the row's, the words
before it the row's explanation (``extract/segment/evidence_lead.py``)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.segment.evidence_lead import evidence_leads, lead_code_at
from normalize.criteria.match_settings import MatchSettings
from normalize.text import fold

# A psm 6 dump (eng, no marks) of an evidence-first table, lines as Tesseract printed them.
DUMP = """\
UY BAN NHAN DAN XA LOI CHAU CONG HOA XA HOI CHU NGHIA VIET NAM
Doc lap - Tu do - Hanh phic
S6: 137/BC-UBND Loi Chau, ngay 11 thang 3 nam 2014
BAO CAO
Tu danh gia, cham diém xac dinh Chi s6 cai cach hanh chinh nam 2013
UBND xa Loi Chau bao cao két qua tu danh gia, cham diém nhv sau:
Van ban, tai liéu kiém | S6 NOi dung danh gia, cham diém S6 diém | Diém dat
ching TT toi da dugc
duoc
cham
1. | CONG TAC CHI DAO, DIEU 10 5,75
HANH CCHC
Thu hién day dui, ding | 1.1.2 | Xac dinh day du cdc nhiém vu CCHC 1 1
quy dinh trén cac linh vuc theo ké hoach nam
Khong phat sinh 1.2.1 | Tat ca bao cdo due gti ding thoi gian 1 1
quy dinh (bao cao qui I, qui III, bao cao
Ké hoach s6 222/KH- 1.2.2 | Tat ca bao cdo c6 day du ndi dung theo 1 1
UBND ngay 16/12/2013 hu6ng dan
Bao cao s6 287/BC- 1.3 | Kiém tra céng tac CCHC 3 2
UBND ngay 21/12/2013
Noi nhén: TM. UY BAN NHAN DAN
CHU TICH
"""


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(t, t) for t in text.split()]


def test_the_code_after_the_evidence_words_is_found():
    assert lead_code_at(_tokens("Khong phat sinh 1.2.1 | Tat ca bao cdo")) == 3
    assert lead_code_at(_tokens("Ké hoach s6 222/KH- 1.2.2 | Tat ca")) == 4
    assert lead_code_at(_tokens("Bao cao sé 294/BC- 4. | Cai cach té chitc")) == 4
    # (a line opening with its code, a wrapped line, a figure in the evidence: no code after words)
    assert lead_code_at(_tokens("1.3 | Kiém tra céng tac CCHC 3")) is None
    assert lead_code_at(_tokens("quy dinh trén cac linh vuc theo ké hoach nam")) is None
    assert lead_code_at(_tokens("Tỷ lệ đạt 63 hồ sơ đúng hạn")) is None
    assert lead_code_at(_tokens("Ty lé dat 2.5 diém trong nam")) is None


def test_the_header_says_the_evidence_leads():
    assert evidence_leads([["explanation", "explanation", "self"], ["code", "max"]])
    assert not evidence_leads([["code", "explanation", "max", "self"]])
    assert not evidence_leads([["explanation"], ["max", "self"]])


def test_rows_whose_evidence_prints_before_their_code(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    options = PipelineOptions(criteria=MatchSettings(snap_names=False))
    out = result_to_json(convert_file(path, options=options))
    rows = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    assert {"1.2.1", "1.2.2", "1.3"} <= set(rows)
    assert (rows["1.3"]["max_points"], rows["1.3"]["self_points"]) == (3.0, 2.0)
    assert (rows["1.2.2"]["max_points"], rows["1.2.2"]["self_points"]) == (1.0, 1.0)
    # (the repair stage restores the marks: compared without them)
    assert fold(rows["1.2.1"]["name"]).startswith("tat ca bao cao")
    assert fold(rows["1.2.1"]["explanation"]) == "khong phat sinh"
    assert fold(rows["1.3"]["explanation"]).startswith("bao cao so 287/bc-")
    assert "287" not in rows["1.3"]["name"]
