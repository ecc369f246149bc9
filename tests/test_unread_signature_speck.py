"""A seal's speck before the signature block ("* TM. ỦY BAN NHÂN DÂN") is still the signature: a
table read from a dump's lines ends there, its ink below it (the seal's letters garbled past any
word) is no totals row lost, and no row is made of it (issues 14, 16: nothing told that was not
lost). A dash before "Chủ tịch" stays what it may be, a bullet of an explanation."""

from __future__ import annotations

import pytest

from cchc_extract.pipeline import convert_file, result_to_json
from extract.segment.table_end import is_signature
from normalize.text import fold

DUMP = """BÁO CÁO TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024
STT   Tiêu chí đánh giá                                   Điểm tối đa   Điểm tự chấm
1     Công tác chỉ đạo, điều hành cải cách hành chính        6             5
1.1   Ban hành kế hoạch cải cách hành chính năm              2             2
1.2   Thực hiện chế độ báo cáo cải cách hành chính định kỳ   1             0,5
1.3   Công tác tuyên truyền cải cách hành chính              2             2
1.4   Kiểm tra công tác cải cách hành chính tại các bộ phận  1             0,5
{speck} TM. ỦY BAN NHÂN DÂN
eG oe a
CHỦ TỊCH
Nguyễn Văn An
"""


@pytest.mark.parametrize("speck", ["*", "»", "'*", "|"])
def test_a_signature_under_a_seals_speck_ends_the_table_with_nothing_lost(tmp_path, speck):
    path = tmp_path / "ky-ten.txt"
    path.write_text(DUMP.format(speck=speck), encoding="utf-8")
    out = result_to_json(convert_file(path))
    (table,) = out["score_tables"]
    assert [r["code"] for r in table["rows"]] == ["1", "1.1", "1.2", "1.3", "1.4"]
    assert out["unread"] == []
    assert out["review"] == []


@pytest.mark.parametrize(
    "line, signature",
    [
        ("* TM. ỦY BAN NHÂN DÂN", True),
        ("» KT. CHỦ TỊCH", True),
        ("TM. UBND", True),
        ("- Chủ tịch UBND xã chỉ đạo", False),  # a bullet of an explanation
        ("* Chủ tịch UBND xã chỉ đạo", False),
        ("1.2 TM. ỦY BAN", False),
    ],
)
def test_specks_are_skipped_before_the_dotted_abbreviations_only(line, signature):
    assert is_signature(fold(line)) is signature
