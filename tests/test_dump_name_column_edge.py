"""The name column's edge in an OCR dump whose explanation prints before the points: where the
explanations open with a document's cue says it only after short names ("Cải cách thủ tục hành
chính | Thông báo số …"), so the lines whose text opens with a catalogued criterion name's opening
say the column is at least that wide (``line_column_widths._catalogue_edge``,
``line_split.catalogued_opening``): a long name's first line keeps its last words ("… văn bản quy
phạm pháp | Tỷ lệ đạt 77%" over "luật tại tỉnh"), not given to the explanation (issue 11, names)."""

from __future__ import annotations

from pathlib import Path

from cchc_extract.pipeline import PipelineOptions, convert_file, result_to_json
from extract.segment.line_split import catalogued_opening
from normalize.criteria.match_settings import MatchSettings

# A landscape table, unruled: STT, criterion, "Ghi chú", the maximum, the self score.
DUMP = """\
ỦY BAN NHÂN DÂN XÃ PHÚ LỘC CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 58/BC-UBND Phú Lộc, ngày 20 tháng 12 năm 2023

BÁO CÁO
Kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm 2023

TT Lĩnh vực/Tiêu chí Ghi chú Điểm Điểm tự
tối đa đánh
giá
Tổng số điểm 100 97
I. CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH 45,5 44,75
TRỌNG TÂM
1. Công tác chỉ đạo, điều hành cải cách hành chính Đã ban hành đúng thời gian quy 10 10
định
2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp Tỷ lệ đạt 77% 10 9,25
luật tại tỉnh
3. Cải cách thủ tục hành chính Thông báo số 104/TB-UBND ngày 14,5 14,5
24/10/2023
4. Cải cách tổ chức bộ máy hành chính Không phát sinh 11 11
II. CÁC NHIỆM VỤ CÒN LẠI 54,5 52,25
1. Xây dựng và nâng cao chất lượng đội ngũ công chức, viên 16 15
chức
2. Cải cách tài chính công Tỷ lệ đạt 72% 7 6,25
3. Hiện đại hóa hành chính Thông báo số 319/TB-UBND ngày 16 15,5
05/09/2023
4. Tác động của CCHC đến người dân, tổ chức và phát triển Thực hiện đầy đủ, đúng quy định 15,5 15,5
kinh tế xã hội của tỉnh
Nơi nhận: TM. ỦY BAN NHÂN DÂN
- Lưu: VT. CHỦ TỊCH
"""


def _tokens(text: str) -> list[tuple[str, str]]:
    return [(w, w) for w in text.split()]


def test_a_lines_catalogued_name_opening_is_measured_to_its_last_word():
    line = "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp Tỷ lệ đạt 77%"
    assert catalogued_opening(_tokens(line)) == 12  # up to "pháp", not "Tỷ"
    whole = "Công tác chỉ đạo, điều hành cải cách hành chính Đã ban hành đúng thời gian quy"
    assert catalogued_opening(_tokens(whole)) == 10
    assert catalogued_opening(_tokens("Thông báo số 104/TB-UBND ngày 24/10/2023")) == 0


def test_a_long_names_first_line_keeps_its_last_words(tmp_path: Path):
    path = tmp_path / "dump.txt"
    path.write_text(DUMP, encoding="utf-8")
    # (names as read, not snapped to a set's wording: the split itself is under test)
    out = result_to_json(convert_file(path, options=PipelineOptions(criteria=MatchSettings(snap_names=False))))
    names = [r["name"] for t in out["score_tables"] for r in t["rows"]]
    assert "Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh" in names
    assert "Tác động của CCHC đến người dân, tổ chức và phát triển kinh tế xã hội của tỉnh" in names
    rows = {r["name"]: r for t in out["score_tables"] for r in t["rows"]}
    assert rows["Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh"]["explanation"] == "Tỷ lệ đạt 77%"
