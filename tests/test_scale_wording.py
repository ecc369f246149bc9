"""Scoring-scale lines OCR damaged, restored from the recognised set's transcribed scale
(normalize/criteria/scale_wording.py): rows of ca-mau_2013 as a 150-dpi scan's grid reads them,
against the set's CSV (its 1.1.1–1.2.2 print their scales)."""

from __future__ import annotations

from normalize.criteria.match import apply_criteria_sets
from normalize.criteria.scale_wording import is_damaged_scale
from schemas.records import ScoreRow, ScoreTable

PLAN_112 = (
    "Xác định đầy đủ các nhiệm vụ CCHC trên các lĩnh vực theo kế hoạch năm của UBND tỉnh và bố trí kinh phí thực hiện"
)
RESULTS_113 = (
    "Các kết quả phải đạt được xác định rõ ràng, cụ thể và định rõ trách nhiệm triển khai "
    "của phòng, ban, đơn vị trực thuộc"
)
REPORTS_121 = "Tất cả báo cáo được gửi đúng thời gian quy định (báo cáo quí I, quí III, báo cáo 6 tháng và báo cáo năm)"
LEVEL_114 = "Mức độ thực hiện kế hoạch CCHC"


def _table(read_from: str, scales: dict[str, list[str]], raw: dict[str, str] | None = None) -> ScoreTable:
    rows = [
        ("1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 20),
        ("1.1", "Kế hoạch CCHC năm", 5),
        ("1.1.1", "Ban hành kế hoạch CCHC năm", 1),
        ("1.1.2", PLAN_112, 1),
        ("1.1.3", RESULTS_113, 1),
        ("1.1.4", LEVEL_114, 2),
        ("1.2", "Báo cáo CCHC", 2),
        ("1.2.1", REPORTS_121, 1),
    ]
    return ScoreTable(
        title="BẢNG ĐIỂM",
        read_from=read_from,
        rows=[
            ScoreRow(
                code=code,
                name=name,
                name_raw=(raw or {}).get(code, name),
                max_points=most,
                self_points=most,
                scale=list(scales.get(code, [])),
                flags=[],
            )
            for code, name, most in rows
        ],
    )


DAMAGED = {
    # A speck after the points, a tone mark lost at 150 dpi, a dash between figures lost.
    "1.1.2": [
        "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1 .",
        "Không xác định đầy đủ nhiệm vụ hoặc không bố tíí kinh phí: 0",
    ],
    "1.1.3": ["Đạt yêu cầu: 1", "Không đạt yêu câu: 0"],
    # A lost bullet: two items run into one line.
    "1.1.4": ["Thực hiện trên 90% kế hoạch: 2", "Thực hiện từ 70% 90% kế hoạch: 1 Dưới 70% kế hoạch: 0"],
}


def test_a_scans_damaged_scale_lines_take_the_sets_items():
    table = _table("ocr-lines", DAMAGED)
    assert apply_criteria_sets([table]) is not None
    rows = {r.code: r for r in table.rows}
    assert rows["1.1.2"].scale == [
        "Xác định đầy đủ nhiệm vụ và có bố trí kinh phí: 1",
        "Không xác định đầy đủ nhiệm vụ hoặc không bố trí kinh phí: 0",
    ]
    assert rows["1.1.3"].scale == ["Đạt yêu cầu: 1", "Không đạt yêu cầu: 0"]
    assert rows["1.1.4"].scale == [
        "Thực hiện trên 90% kế hoạch: 2",
        "Thực hiện từ 70% - 90% kế hoạch: 1",
        "Dưới 70% kế hoạch: 0",
    ]
    assert rows["1.1.2"].name == PLAN_112  # the name untouched


def test_a_scale_left_in_the_raw_name_by_a_speck_on_its_colon_is_found_there():
    # "…kinh phí:.0": the speck kept the reader from splitting the scale off; the name is the
    # wording, the raw name holds the scale after it.
    raw = {
        "1.2.1": f"{REPORTS_121} - Đủ số lượng, và đúng thời gian quy định: 1 - Không đủ số lượng báo cáo hoặc "
        "không đúng thời gian quy định:.0"
    }
    table = _table("ocr-lines", {}, raw)
    apply_criteria_sets([table])
    row = next(r for r in table.rows if r.code == "1.2.1")
    assert row.scale == [
        "Đủ số lượng và đúng thời gian quy định: 1",
        "Không đủ số lượng báo cáo hoặc không đúng thời gian quy định: 0",
    ]


def test_a_typed_scale_and_a_communes_own_points_stay_as_printed():
    typed = _table("docx", DAMAGED)
    apply_criteria_sets([typed])
    assert {r.code: r.scale for r in typed.rows if r.scale} == DAMAGED
    # The commune gives 0,5 for 70–90%: its own scale, not the set's damaged.
    own = {"1.1.4": ["Thực hiện trên 90% kế hoạch: 2", "Thực hiện từ 70% - 90% kế hoạch: 0,5", "Dưới 70% kế hoạch: 0"]}
    scanned = _table("ocr-lines", own)
    apply_criteria_sets([scanned])
    assert next(r for r in scanned.rows if r.code == "1.1.4").scale == own["1.1.4"]


def test_another_scale_or_words_past_the_scale_are_not_the_sets():
    items = ["Đạt yêu cầu: 1", "Không đạt yêu cầu: 0"]
    assert is_damaged_scale("Đạt yêu câu: 1 Không đạt yêu cầu: 0", items)
    assert not is_damaged_scale("Có báo cáo: 1 Không có báo cáo: 0", items)
    assert not is_damaged_scale("Đạt yêu cầu: 1 Không đạt yêu cầu: 0 Phòng Nội vụ thẩm định lại", items)
