"""Score tables printing two periods' self points side by side ("Năm 2023 | Năm 2024 | Tăng (+),
giảm (-)"): the evaluation period's column is the self points, the other kept as context, the
change column checked and never a note (extract/segment/period_points.py, period_lines.py)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import convert_file
from extract.segment.period_lines import header_years
from extract.segment.period_points import (
    CHANGE_FLAG,
    EARLIER_FLAG,
    SELF_LABEL,
    change_disagreement,
    period_columns,
)
from extract.segment.score_tables import map_columns
from tests.corpus_helpers import make_corpus, manifest_documents, read_truth


def test_the_later_year_is_the_self_points_in_either_order():
    last_first = ["STT", "Tiêu chí đánh giá", "Điểm chuẩn", "Năm 2023", "Năm 2024", "So sánh", "Ghi chú"]
    periods = period_columns(last_first)
    assert (periods.this, periods.earlier, periods.change) == (4, (3,), 5)
    assert map_columns(periods.labels)["self"] == 4
    this_first = [
        "TT",
        "Nội dung",
        "Thang điểm",
        "Điểm tự đánh giá năm 2024",
        "Điểm tự đánh giá năm 2023",
        "Chênh lệch",
    ]
    periods = period_columns(this_first)
    assert (periods.this, periods.earlier, periods.change) == (3, (4,), 5)
    assert map_columns(periods.labels)["self"] == 3 and periods.labels[4] == ""


def test_an_appraisal_and_its_difference_name_no_period():
    labels = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Điểm thẩm định", "Chênh lệch (+/-)", "Ghi chú"]
    assert period_columns(labels).labels == labels
    one_year = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá năm 2024", "Ghi chú"]
    assert period_columns(one_year).labels == one_year


def test_a_plans_target_is_never_the_self_points():
    labels = ["STT", "Tiêu chí", "Điểm tối đa", "Kết quả năm 2023", "Kế hoạch/Chỉ tiêu năm 2024", "Ghi chú"]
    periods = period_columns(labels)
    assert periods.targets == (4,) and periods.labels[4] == ""
    assert map_columns(periods.labels).get("self") != 4
    scored = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá năm 2023", "Điểm phấn đấu năm 2024"]
    assert map_columns(period_columns(scored).labels)["self"] == 3
    assert SELF_LABEL not in period_columns(scored).labels  # one period scored: nothing to choose


def test_the_change_is_this_period_less_the_earlier():
    assert change_disagreement(2.5, 1.0, "+1,5") is None
    assert change_disagreement(0.5, 2.0, "-1,5") is None
    assert change_disagreement(3.0, 3.0, "0") is None
    assert change_disagreement(5.7, 10.25, "-4,5") is not None  # 5,75 read 5,7
    assert change_disagreement(None, 1.0, "+1") is None and change_disagreement(1.0, 1.0, "") is None


def test_header_years_in_the_order_printed():
    from extract.model import Line

    lines = [Line("Căn cứ kết quả năm 2024, Kế hoạch năm 2025 như sau:", 1, 1), Line("2024 ;..2023 : :", 1, 2)]
    assert header_years(lines) == [2024, 2023]
    assert header_years([Line("năm 2024", 1, 1)]) == []


def test_two_years_on_a_text_dump_the_later_is_the_self_points(tmp_path: Path):
    text = "\n".join(
        (
            "ỦY BAN NHÂN DÂN XÃ AN BÌNH",
            "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
            "STT Tiêu chí Điểm tối đa Điểm tự đánh giá Điểm tự đánh giá So sánh Ghi chú",
            "năm 2023 năm 2024",
            "1 Công tác chỉ đạo, điều hành cải cách hành chính 6 4 5 +1",
            "1.1 Kế hoạch cải cách hành chính năm 3 2 3 +1 Đạt",
            "1.2 Báo cáo cải cách hành chính 3 2 2 0",
            "2 Cải cách thủ tục hành chính 4 3 1,5 -1,5",
            "2.1 Công khai thủ tục hành chính 4 3 1,5 -1,5",
        )
    )
    path = tmp_path / "two-years.txt"
    path.write_text(text + "\n", encoding="utf-8")
    rows = {r.code: r for t in convert_file(path).score_tables for r in t.rows}
    assert rows["1.1"].self_points == 3.0 and rows["2"].self_points == 1.5 and rows["1"].self_points == 5.0
    assert all(r.appraised_points is None for r in rows.values())
    assert f"{EARLIER_FLAG}năm 2023=2" in rows["1.1"].flags
    assert rows["1.1"].explanation.strip() == "Đạt" and not any(f.startswith(CHANGE_FLAG) for f in rows["1.1"].flags)


def test_generated_two_years_tables_read_this_years_points(tmp_path: Path):
    corpus = make_corpus(tmp_path / "n19", "N19", "docx", True, 2438)
    documents = [d for d in manifest_documents(corpus) if d["path"].endswith(".docx")]
    assert documents
    for doc in documents:
        truth = read_truth(corpus, doc)["score_tables"][0]
        result = convert_file(corpus / doc["path"])
        assert not result.statistics, doc["path"]  # the years' table is no annex
        read = {r.code: r for r in result.score_tables[0].rows}
        for row in truth["rows"]:
            got = read[row["code"]]
            assert (got.max_points, got.self_points) == (row["max_points"], row["self_points"]), (doc["path"], row)
            assert got.appraised_points is None
        assert any(f.startswith(EARLIER_FLAG) for r in read.values() for f in r.flags)
        assert not any(f.startswith(CHANGE_FLAG) for r in read.values() for f in r.flags)  # typed: it agrees


def test_rounds_of_one_years_assessment_the_last_is_the_self_points():
    labels = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm lần 1", "Điểm tự chấm lần 2", "Chênh lệch", "Ghi chú"]
    periods = period_columns(labels)
    assert (periods.this, periods.earlier, periods.change) == (4, (3,), 5)
    assert map_columns(periods.labels)["self"] == 4
    evidence = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng (kế hoạch, báo cáo)"]
    assert period_columns(evidence).labels == evidence  # "kế hoạch" undated, no points: no target


def test_the_captions_year_is_the_evaluation_when_a_column_is_of_it():
    labels = ["STT", "Tiêu chí", "Điểm tối đa", "Năm 2023", "6 tháng đầu năm 2024", "Ghi chú"]
    assert period_columns(labels).this == 4  # the latest, when nothing says otherwise
    assert period_columns(labels, lambda: "KẾT QUẢ TỰ ĐÁNH GIÁ NĂM 2023").this == 3
    assert period_columns(labels, lambda: "KẾ HOẠCH NÂNG CAO CHỈ SỐ NĂM 2025").this == 4  # no column of 2025
