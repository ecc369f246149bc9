"""Newer layouts on OCR lines (issues 11, 14): a verdict with its points inside a printed line, and
its points wrapped onto the line below (``extract.segment.line_verdicts``); a share whose per cent
sign OCR read as a last "9" in a report's numbered statistics lines, read unsure and checked
(``extract.segment.body_stat_ocr.sign_as_nine_share``); the shared digit rule
(``extract.segment.target_signs.sign_read_as_nine``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from corpus_helpers import score_rows_with_truth
from extract.model import Line
from extract.segment.line_cells import read_line
from extract.segment.line_verdicts import verdict_figures_joined, verdicts_as_figures
from extract.segment.target_signs import sign_read_as_nine

DUMPS = Path(__file__).parent / "data" / "dumps_verdicts"
# A real Tesseract dump (vie, psm 6, 300 dpi, degraded) of dev seed 7281's N44 "verdict-colon" report.
N44_DUMP = DUMPS / "s7281-d19-i2-n44-i2-verdict-colon-vie-psm6-300dpi-degraded.txt"


def test_a_dumped_verdict_with_points_reads_as_the_self_points():
    rows, want, out = score_rows_with_truth(N44_DUMP)
    # "1.1.4 | Mức độ … CCHC ˆ 2) Đạt: 2 điểm Công văn số '" (the verdict inside the line), "1.2.2 |
    # … - 1 _ | Đạt 1,25 điểm | Không phát sinh" (its colon lost), and four rows whose "Đạt một phần:"
    # ends the line, its "0,5 điểm" on the line below: every one of them read as the truth's self
    # points (main e440d9d8: none, each told missing).
    for code in ("1.1.2", "1.1.3", "1.1.4", "1.2.1", "1.2.2"):
        assert rows[code]["self_points"] == want[code]["self_points"], code
    # "1.3 | Kiểm tra công tác CCHC - & Đạt một phần: | …": its maximum OCR garbled ("&"), no figure
    # before the verdict says it is the self cell's (a scale in a name is words, then a verdict):
    # left unread, told missing.
    assert rows["1.3"]["self_points"] is None and "missing_self" in rows["1.3"]["flags"]
    # The planted fault on a row now read (1.2.2's self 1,25 over its maximum 1) is flagged.
    over = [c for c in out["checks"] if c["kind"] == "self_le_max" and c["status"] == "mismatch"]
    at = [r["code"] for t in out["score_tables"] for r in t["rows"]].index("1.2.2")
    assert [c["id"].split(":")[1] for c in over] == [f"/score_tables/0/rows/{at}"]
    assert rows["1.2.2"]["self_points"] == 1.25 and rows["1.2.2"]["max_points"] == 1.0


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("1.1.4 | Mức độ thực hiện kế hoạch 2 Đạt: 2 điểm Công văn số 239", ("2", "2")),
        ("1.2 | Tất cả báo cáo - 1 _ | Đạt 1,25 điểm | Không phát sinh", ("1", "1,25")),
        ("2.1 Ban hành văn bản 3 Không đạt (0) Chưa ban hành", ("3", "0")),
        ("2.2 Rà soát văn bản 2 Chưa đạt đầy đủ: 1,5 điểm Thiếu 2 văn bản", ("2", "1,5")),
    ],
)
def test_a_verdict_phrase_is_one_points_token_of_its_line(text, figures):
    cells = read_line(Line(text=text, page=1, number=1), False)
    assert (cells.max_raw, cells.self_raw) == figures
    assert not any("đạt" in repaired.lower() for repaired, _ in cells.text_tokens)


@pytest.mark.parametrize(
    "text",
    [
        "Hoàn thành 100% kế hoạch Đạt chuẩn năm 2024 Kế hoạch (2)",
        # a scale printed in the criterion's name: its verdicts follow words, not the row's maximum
        "1.1 Ban hành kế hoạch + Đạt yêu cầu: 1 điểm; + Không đạt yêu cầu: 0 điểm 1 1",
    ],
)
def test_words_that_are_no_verdict_with_points_stay_words(text):
    tokens = [(t, t) for t in text.split()]
    assert verdicts_as_figures(tokens) == tokens


def test_a_verdicts_points_wrapped_below_are_put_back_after_its_colon():
    lines = [
        Line(text="1.1.2 | Xác định đầy đủ các nhiệm vụ | - 1 Đạt một phần: .", page=1, number=1),
        Line(text="trên các lĩnh vực theo kế hoạch năm. 0,5 điểm _ :", page=1, number=2),
        Line(text="1.1.3 | Các kết quả 1 Đạt: 1 điểm Kế hoạch số 12", page=1, number=3),
    ]
    joined = verdict_figures_joined(lines)
    assert joined[0].text == "1.1.2 | Xác định đầy đủ các nhiệm vụ | - 1 Đạt một phần: 0,5 ."
    assert joined[1].text == "trên các lĩnh vực theo kế hoạch năm. _ :"
    assert joined[2] == lines[2]
    # ... never from the next row's line: its points are its own.
    cut = [lines[0], lines[2]]
    assert verdict_figures_joined(cut) == cut


@pytest.mark.parametrize(
    ("figure", "digits_before", "share"),
    [("959", 2, 95.0), ("1009", 2, 100.0), ("96,229", 2, 96.22), ("59", 1, 5.0), ("59", 2, None), ("1019", 2, None)],
)
def test_a_per_cent_sign_read_as_a_last_nine(figure, digits_before, share):
    assert sign_read_as_nine(figure, digits_before) == share


_STAT_DUMP = [
    "I. KET QUA THUC HIEN CONG TAC CAI CACH HANH CHINH",
    "Két qua cu thé nhv sau:",
    "1. S6 cudc kiém tra CCHC da thc hién: 5 coc.",
    "2. S6 can bd, céng chifc cap xa: 18 ngwoi (trong d6: so can bd, cong chit dat chuan: 15",
    "ngudi; s6 can bd, cong chirc chua dat chuan: 3 ngudi; ty 1é cdn b6, cong chirc dat Chuan",
    "dat {share}).",
    "3. S6 phan anh, kién nghi tiép nhan: 11 phan anh (trong 6: so phan anh da xu ly: 9 phan anh;"
    " ty lé phan anh duoc xu ly dat 81,82%).",
    "4. S6 van ban chi dao, diéu hanh CCHC da ban hanh: 10 van ban.",
    "Il. PHUONG HUONG NHIEM VU THOI GIAN TOI",
]


@pytest.mark.parametrize(
    ("share", "value", "status"),
    [
        ("909", 90.0, "misread"),  # 90% printed, 15/18 is 83,33%: the commune's fault, told misread
        ("83,339", 83.33, "ok"),  # 83,33% printed: the share holds, to its printed decimals
    ],
)
def test_a_share_whose_sign_ocr_read_as_nine_is_read_unsure_and_checked(tmp_path, share, value, status):
    path = tmp_path / "bao-cao.txt"
    path.write_text("\n\n".join(_STAT_DUMP).format(share=share), encoding="utf-8")
    out = result_to_json(convert_file(path, path.name))
    rows = [r for a in out["statistics"] for r in a["rows"]]
    shares = [r for r in rows if r["unit"] == "%"]
    assert [(r["value"], r["value_raw"]) for r in shares] == [(value, share), (81.82, "81,82")]
    unsure = shares[0]
    assert "percent_sign_read_as_9" in unsure["flags"] and unsure["confidence"] < 0.5
    ratio = next(c for c in out["checks"] if c["kind"] == "ratio" and "rows/4" in c["id"])
    assert ratio["status"] == status
    # A share its counts do not make goes to review, the figure as printed beside the one read; one
    # they make to its printed decimals is vouched for by them (the calibrated confidence's say).
    queued = [(q["raw"], q["value"]) for q in out["review"] if q["item"] == "/statistics/0/rows/4"]
    assert queued == ([(share, value)] if status == "misread" else [])
    assert not [u for u in out["unread"] if share in (u.get("text_sample") or "")]
