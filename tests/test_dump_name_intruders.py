"""Other cells' words an OCR dump's lines leave inside a criterion's name (issue 11), for a
criteria set no dictionary holds (``extract/segment/name_intruders.py``): runs the repair model
says break the name, specks ending it, its own code printed again, documents cited (to the
explanation). Expected names are the generator's truth files' (seed 7191's dump under
tests/data, and rows of seed 19001's dumps as main b1d58c76 read them)."""

import json
from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.name_intruders import drop_intruders_in_tables, without_intruders
from normalize.criteria import load_criteria_sets
from schemas.records import ScoreRow, ScoreTable

DATA = Path(__file__).parent / "data" / "dump_lone_max_s7191"
DUMP = DATA / "d15-i3-n28-i3-bonus-penalty-rows-eng-psm3-300dpi-degraded.txt"


def test_a_dumps_names_lose_the_specks_other_cells_left_in_them():
    truth = json.loads(Path(f"{DUMP}.truth.json").read_text(encoding="utf-8"))
    names = {r["code"]: r["name"] for t in truth["score_tables"] for r in t["rows"]}
    out = result_to_json(convert_file(DUMP))
    read = {r["code"]: r for t in out["score_tables"] for r in t["rows"]}
    # main read "… cải cách hành chính ọe", "… thủ tục hành chính ọe", "… hành chính ọe a ọe",
    # "… chuyển đổi số fe 18)": now the truth's names
    for code in ("1.3", "3.4", "7", "8.2"):
        assert read[code]["name"] == names[code], code
        assert "name_intruders_dropped" in read[code]["flags"]


# (name as main read it from a seed 19001 dump, its row's code, the truth's name)
READ = [
    # D26 instance 3: a speck inside the name, between two words that read on
    (
        "Số hóa hồ sơ, kết quả giải quyết thủ ibs tục hành chính",
        "3.2.3",
        "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    ),
    # D26 instance 3: the row's code printed again at the name's head
    ("8.2. Sự hài lòng về thủ tục hành chính", "8.2", "Sự hài lòng về thủ tục hành chính"),
    # D15 instance 3: a speck ending the name
    ("Kế hoạch cải cách hành chính năm ốt", "1.1", "Kế hoạch cải cách hành chính năm"),
    # D19 instance 3: a speck the repair read as a syllable, before a frequent word
    ("Công tác tuyên truyền cải cách ọe hành chính", "1.3", "Công tác tuyên truyền cải cách hành chính"),
    # D26 instance 3: the explanation's document number and date beside the name's end
    (
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật UBND ngày i 24/9/2024",
        "2.2",
        "Rà soát, hệ thống hóa văn bản quy phạm pháp luật",
    ),
]


@pytest.mark.parametrize("read, code, name", READ)
def test_a_name_read_with_another_cells_words_is_its_own(read, code, name):
    assert without_intruders(read, code).name == name


def test_a_document_cited_goes_to_the_explanation():
    # D15 instance 3 (seed 19001), row 2.1: the explanation "Kế hoạch số 260/KH-UBND ngày
    # 14/2/2024" printed beside the name's two lines
    parted = without_intruders(
        "Ban hành văn bản quy phạm pháp luật theo 275 Kế hoạch số 260/KH- fo thẩm quyền— UBND ngày 14/2/2024", "2.1"
    )
    assert parted.name == "Ban hành văn bản quy phạm pháp luật theo"
    assert parted.explanation.startswith("Kế hoạch số 260/KH-")


@pytest.mark.parametrize(
    "wording",
    sorted({r.name for s in load_criteria_sets() for r in s.rows})
    + [
        # a name's own dash, figures and cited instrument (the repair model's phrase list)
        "Mức độ thực hiện các chỉ tiêu phát triển kinh tế - xã hội do HĐND xã và UBND huyện giao",
        "Tỷ lệ hồ sơ TTHC được xử lý trực tuyến mức độ 3 và 4",
        "Căn cứ Nghị quyết số 76/NQ-CP ngày 15 tháng 7 năm 2021 của Chính phủ ban hành Chương trình "
        "tổng thể cải cách hành chính nhà nước giai đoạn 2021 - 2030",
    ],
)
def test_a_clean_wording_is_left_whole(wording):
    assert without_intruders(wording).name == wording


def test_typed_lines_and_snapped_names_are_left_alone():
    def table():
        rows = [
            ScoreRow(code="1.1", name="Kế hoạch cải cách hành chính năm ốt"),
            ScoreRow(code="1.2", name="Kế hoạch cải cách hành chính năm ốt", flags=["name_from_criteria_set:x"]),
        ]
        return ScoreTable(rows=rows, read_from="lines")

    typed, dump = table(), table()
    assert drop_intruders_in_tables([typed], ocr=False) == 0
    assert drop_intruders_in_tables([dump], ocr=True) == 1
    assert [r.name for r in dump.rows] == ["Kế hoạch cải cách hành chính năm", "Kế hoạch cải cách hành chính năm ốt"]
    assert dump.rows[0].name_raw == "Kế hoạch cải cách hành chính năm ốt"
