"""An annex whose plan column's label wraps over the header's lines, as a real Tesseract 5 dump gives
it (``annex69/d14001-n74-plan-first-wrapped-psm4.txt``: the D27 dump of seed 14001, ``eng``,
``--psm 4``, N74's "ratio to plan, plan first"):

    ST Noi dung DVT Chitiéu | Két qua | Ty lé dat Ghi
    T ké hoach | thuc hién | so voi ké chi
    hoach (%)
    2 | S6 can bé, cong chifc cap xa Nguoi 37 25 67,57

The header's first line names the result ("Kết quả") before the plan's "kế hoạch", which OCR set
on the next line; the rows' first figure, the plan's, was read as the value (12 of 26 figures
wrong, two of them in no queue). The "Chỉ tiêu" after the indicator's own "Nội dung", another
label between, opens the plan's label; read with the lines under the header, the plan comes
first and each row's result is its value (25 of 37 is the 67,57 % printed). The values asserted
are the generator's truth."""

from __future__ import annotations

from annex69_data import DATA, truth_values
from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.stat_plan_column import plan_first

DUMP = DATA / "d14001-n74-plan-first-wrapped-psm4.txt"


def test_each_rows_result_is_its_value_under_a_plan_label_wrapped_over_two_lines():
    values = truth_values(DUMP)
    (annex,) = result_to_json(convert_file(DUMP))["statistics"]
    read = {r["code"]: r["value"] for r in annex["rows"]}
    assert (values["2"], values["3.1"], values["5.1"], values["6"]) == (25.0, 97.0, 443.0, 37.0)
    assert read == values


def test_a_target_label_after_the_indicators_opens_the_plans():
    assert plan_first("ST Noi dung DVT Chitiéu | Két qua | Ty lé dat Ghi T ké hoach | thuc hién | so voi ké chi hoach")
    # "Nội dung chỉ tiêu" is the indicator's label whole; "Chỉ tiêu" alone labels the indicator
    assert not plan_first("ST Nội dung chỉ tiêu DVT Kết quả thực hiện Kế hoạch năm sau")
    assert not plan_first("STT Chỉ tiêu ĐVT Kết quả thực hiện Ghi chú")
    assert not plan_first("STT Nội dung ĐVT Chỉ tiêu Kết quả Ghi chú")  # (no plan's "hoạch")
