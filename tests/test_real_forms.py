"""Forms of published commune plans and reports that the generated corpus lacks, in small documents
written for the project (tests/data/real_forms/README.md says where each form was seen), read
through the whole pipeline."""

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json

DATA = Path(__file__).resolve().parent / "data" / "real_forms"


def _convert(name: str) -> dict:
    return result_to_json(convert_file(DATA / name, name, PipelineOptions()))


def test_self_assessment_report_states_the_maximum_first():
    out = _convert("self_assessment_report.txt")
    got = [(s["kind"], s["code"], s["points"], s["max_points"]) for s in out["score_statements"]]
    assert got == [
        ("group", "1", 5.5, 6),  # "Tổng số điểm là 6 điểm, tự chấm là 5,5 điểm"
        ("criterion", "1.1", 1, 1),  # the report's own item number "1.1." before "Tiêu chí 1.1"
        ("criterion", "1.2", 1, 1.5),  # "điểm tối đa 1,5 điểm, tự chấm 1 điểm"
        ("group", "2", 3, 4),  # "(tối đa 4 điểm): tự chấm 3 điểm"
        ("criterion", "2.3", 1, 1.5),  # "bị trừ 0,5 điểm (đạt 1/1,5 điểm)"
        ("criterion", "2.4", 2, 2),
    ]
    # the whole index's total is no field's statement
    assert all(s["max_points"] != 50 for s in out["score_statements"])
    assert [s["group"] for s in out["score_statements"] if s["kind"] == "criterion"] == ["1", "1", "2", "2"]


def test_yearly_plan_targets_in_published_wordings():
    out = _convert("yearly_plan_targets.txt")
    got = [(t["indicator"], t["comparator"], t["value"], t["unit"], t["year"]) for t in out["targets"]]
    assert got == [
        # "đạt mức trên": the cue words are not the indicator's
        ("Mức độ hài lòng của người dân đối với sự phục vụ của cơ quan hành chính", ">", 80, "%", 2025),
        ("hồ sơ thủ tục hành chính được giải quyết đúng hạn", "=", 100, "%", 2025),
        ("Tỷ lệ hồ sơ nộp trực tuyến", ">=", 50, "%", 2025),
        ("Tỷ lệ số hóa hồ sơ, kết quả giải quyết thủ tục hành chính", ">=", 80, "%", 2025),
        # the index's score as a target, behind a comparator ("đạt 8,5 điểm" alone states a score)
        ("Chỉ số cải cách hành chính của xã", ">=", 85, "điểm", 2025),
    ]
