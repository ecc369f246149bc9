"""OCR text dumps of a score list typed with dot leaders (issue 11): "1.2 Thực hiện chế độ báo cáo
cải cách hành" / "chính địnhký 7c 5c. cốc... .2 : 1" — a name broken over lines, a leader of dots
(OCR keeps some of it) running from its last words to the figures. The header "Điểm chuẩn — Điểm
đạt" names the table's points columns; the figures' line closes the name above it, it opens no row.
A real Tesseract dump of the corpus generator (seed 3182, N24 "tab-aligned-dots", 200 dpi, degraded)
with its truth beside it; each value asserted here was checked against the truth and the dump's lines.
"""

from pathlib import Path

from benchmarks.corpus_scoring import score_document
from corpus_helpers import converted_with_truth
from extract.model import Line
from extract.segment.leader_lines import leader_lines
from extract.segment.line_common import LineTableSettings, line_tokens
from extract.segment.line_header import header_concepts, header_layout, is_header_line, keyed_concepts

DEGRADED = Path(__file__).parent / "data" / "dumps_degraded"
DUMP = DEGRADED / "s3182-d14-i4-n24-i4-tab-aligned-dots-vie-psm6-200dpi-degraded.txt"


def _rows() -> tuple[dict[str, dict], dict]:
    output, truth = converted_with_truth(DUMP)
    rows = {r["code"]: r for t in output["score_tables"] for r in t["rows"]}
    return rows, score_document(truth, output)["tally"]


def test_a_leadered_lists_figures_line_closes_the_name_above():
    rows, tally = _rows()
    # Lines 17-18 "1.2 Thực hiện chế độ báo cáo cải cách hành :" / ": chính địnhký 7c 5c. cốc... .2 : 1":
    # truth 1.2 "Thực hiện chế độ báo cáo cải cách hành chính định kỳ", 2 / 1.
    assert rows["1.2"]["name"].startswith("Thực hiện chế độ báo cáo cải cách hành chính")
    assert (rows["1.2"]["source"]["line_start"], rows["1.2"]["source"]["line_end"]) == (17, 18)
    assert (rows["1.2"]["max_points"], rows["1.2"]["self_points"]) == (2.0, 1.0)
    # Lines 28-29 "- 2,2 -. Rà soát, hệ thống hóa văn bản quy phạm" / ": ° pháp luật pc c0 ca c2 2 ,":
    # truth 2.2, 2 / 2.
    assert (rows["2.2"]["source"]["line_start"], rows["2.2"]["source"]["line_end"]) == (28, 29)
    assert (rows["2.2"]["max_points"], rows["2.2"]["self_points"]) == (2.0, 2.0)
    # Lines 10-11 "1. Công tác chỉ đạo, điều hành cải cách hành :" / ": Chỉnh ốc C6. co 12. 9/25.": the
    # figures' line opens in a capital OCR made ("Chỉnh" for "chính") and still closes row 1, 12 / 9,25
    # in the truth (before it opened a row "1" of its own and row 1 was taken for a part "I").
    assert (rows["1"]["source"]["line_start"], rows["1"]["source"]["line_end"]) == (10, 11)
    assert (rows["1"]["max_points"], rows["1"]["self_points"]) == (12.0, 9.25)
    assert "I" not in rows
    # Line 43 "3.4... Rà soát, đánh giá thủ tục hành chính.......... n4 3,5": truth 3.4, 4 / 3,5.
    assert (rows["3.4"]["max_points"], rows["3.4"]["self_points"]) == (4.0, 3.5)
    # The figures' lines 16, 18, 27, 29 (no code, the name's last words, the leader, the figures) open no row.
    starts = {r["source"]["line_start"] for r in rows.values()}
    assert not starts & {16, 18, 27, 29}
    # Before, the header was not read as one (its self column "Điểm đạt" unknown to the line reader)
    # and 3 of 44 rows came only from the set's wording; now the table is read.
    assert tally["found"] >= 20


def test_the_header_words_diem_dat_name_the_self_column():
    # (as a keyed word, "đạt" after "Điểm": no fuzzy phrase, which "Điểm tự", "Điểm tối đa" would
    # come near on a garbled header and take a line for another column)
    line = Line(text="TT  Nộidung n Điểm chuẩn — Điểm đạt", page=1, number=9)
    assert is_header_line(line)
    assert header_layout([line]).points == ("max", "self")
    assert keyed_concepts(line.text) == {"max", "self"}
    assert header_concepts("Đạt 5 điểm") == set()


def test_leader_lines_need_several_dotted_lines():
    def lines(texts: list[str]) -> list[Line]:
        return [Line(text=t, page=1, number=k) for k, t in enumerate(texts, 1)]

    dotted = lines(
        [
            "1.1 Kế hoạch cải cách hành chính năm.............Ä. - 1,75",
            "1.1.2 Mức độ hoàn thành kế hoạch cải cách hành",
            "chnnnm ốc cv... 2 1,5",
            "hành Chính.......................ccee Ð 2.20",
            "3.4... Rà soát, đánh giá thủ tục hành chính.......... n4 3,5",
        ]
    )
    assert leader_lines(dotted)
    # A grid's dump: bars and figures, one stray run of dots — no leadered list.
    grid = lines(["1.1 | Kế hoạch CCHC năm | 3 | 2,75", "1.2 | Báo cáo.... | 2 | 2", "1.3 | Tuyên truyền | 2 | 1"])
    assert not leader_lines(grid)
    assert not leader_lines(dotted, LineTableSettings(leader_min_lines=4))


def test_a_rules_underscore_glued_to_a_code_is_the_rules():
    line = Line(text="7.2.1_| Tỷ lệ hồ sơ nộp trực tuyến ___ 4 3,75_", page=1, number=1)
    tokens = [t for t, _ in line_tokens(line)]
    assert tokens[0] == "7.2.1" and tokens[-3:] == ["___", "4", "3,75"]
