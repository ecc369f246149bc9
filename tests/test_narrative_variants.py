"""Narrative figures and statistics annexes as other communes and OCR write them.

The seed narratives are re-typed here the way a scan comes back (diacritics lost, "Đ" read as
"P", "ô" as "6", decimal commas read as points, bold markers gone) and run through the whole
pipeline, which repairs the diacritics first: the same figures must come out as from the clean
seed (its golden file). Short documents in other communes' wording check each phrasing."""

import json
import re
from pathlib import Path

import pytest
from unidecode import unidecode

from cchc_extract.pipeline import convert_file, result_to_json
from extract.model import IngestedDocument
from extract.segment.counts import find_counts
from extract.segment.statements import find_score_statements
from extract.segment.statistics import enumerated_value, find_statistics
from extract.segment.targets import find_targets
from extract.text_reader import parse_text

ROOT = Path(__file__).resolve().parent.parent
SEED_000 = "000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt"
SEED_002 = "002_huong-son_2024_bao-cao-6-thang.txt"


def _narrative(name: str) -> list[str]:
    """The seed's running text: the lines before its first annex ("Phụ lục" heading)."""
    lines = (ROOT / "samples" / name).read_text(encoding="utf-8").splitlines()
    end = next(k for k, line in enumerate(lines) if re.match(r"^[*#\s]*Phụ lục", line))
    return lines[:end]


def _ocr_damage(line: str) -> str:
    """Every other word as a poor scan reads it: "Đ" → "P", "ô" → "6"."""
    words = line.split(" ")
    return " ".join(w.replace("Đ", "P").replace("ô", "6") if k % 2 == 0 else w for k, w in enumerate(words))


def _ocr_numbers(line: str) -> str:
    """Bold markers lost and the decimal comma of a score read as a point: "0,75/1" → "0.75/1"."""
    return re.sub(r"(\d),(\d+\s*/)", r"\1.\2", line.replace("**", ""))


VARIANTS = {
    "accents_lost": unidecode,
    "ocr_letters": lambda line: unidecode(_ocr_damage(line)),
    "ocr_letters_and_numbers": lambda line: _ocr_numbers(unidecode(_ocr_damage(line))),
}


def _convert(tmp_path: Path, name: str, variant: str) -> dict:
    path = tmp_path / f"{variant}_{name}"
    path.write_text("\n".join(VARIANTS[variant](line) for line in _narrative(name)) + "\n", encoding="utf-8")
    return result_to_json(convert_file(path))


def _golden(name: str) -> dict:
    return json.loads((ROOT / "golden" / f"{name}.json").read_text(encoding="utf-8"))


def _statements(data: dict) -> list[tuple]:
    return [(s["kind"], s["code"], s["points"], s["max_points"], s["group"]) for s in data["score_statements"]]


def _counts(data: dict) -> list[tuple]:
    return [(c["total"], [p["value"] for p in c["parts"]]) for c in data["counts"]]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_ocr_narrative_000_same_score_statements(tmp_path, variant):
    data = _convert(tmp_path, SEED_000, variant)
    golden = _golden(SEED_000)
    assert len(data["score_statements"]) == 37
    assert _statements(data) == _statements(golden)
    assert _counts(data) == _counts(golden) == [(902, [11]), (12, [7, 5])]
    # the repaired text is what the statement quotes
    first = next(s for s in data["score_statements"] if s["code"] == "1.2")
    assert (first["points"], first["max_points"], first["group"]) == (0.75, 1, "a")
    assert "Tiêu chí" in first["text"]


@pytest.mark.parametrize("variant", sorted(VARIANTS))
def test_ocr_narrative_002_same_counts(tmp_path, variant):
    data = _convert(tmp_path, SEED_002, variant)
    golden = _golden(SEED_002)
    assert _counts(data) == _counts(golden)
    assert (281, [84, 197]) in _counts(data) and (276, [256, 20, 0]) in _counts(data)
    assert data["score_statements"] == []


# ------------------------------------------------------------------ other communes' phrasings


def _doc(text: str) -> IngestedDocument:
    return IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))


SCORES = """KẾT QUẢ CHẤM ĐIỂM CHỈ SỐ CCHC

1. Công tác chỉ đạo điều hành: 8,5/10 điểm
- Tiêu chí 1.1. Kế hoạch CCHC được 1,5/2 điểm
- Tiêu chí 1.2. Báo cáo định kỳ đạt 1,5 điểm/2 điểm
- Tiêu chí 1.3. Công tác kiểm tra đạt 1,5 điểm (tối đa 2 điểm), lý do: thiếu biên bản
- Tiêu chí 1.4. Công tác tuyên truyền đạt 1,5/2đ
- Tiêu chí 2.3: đạt 0,5/1 điểm
- Tiêu chí 2.4. Rà soát văn bản đạt 0.75/1 điểm
b) Công tác tuyên truyền đạt 8,5 trên 10 điểm
- Tiêu chí 3.1 Kế hoạch tuyên truyền: 1,5/2 điểm
Lĩnh vực cải cách thủ tục hành chính đạt 8,5 điểm/10 điểm
2. Chỉ số CCHC năm 2024 của xã đạt 85,5/100 điểm
"""


@pytest.mark.parametrize("fold", [False, True], ids=["accented", "accents_lost"])
def test_score_phrasings(fold):
    text = unidecode(SCORES) if fold else SCORES
    got = [(s.kind, s.code, s.points, s.max_points, s.group) for s in find_score_statements(_doc(text))]
    assert got == [
        ("group", "1", 8.5, 10, None),
        ("criterion", "1.1", 1.5, 2, "1"),
        ("criterion", "1.2", 1.5, 2, "1"),
        ("criterion", "1.3", 1.5, 2, "1"),
        ("criterion", "1.4", 1.5, 2, "1"),
        ("criterion", "2.3", 0.5, 1, "2"),  # numbered groups: by the code's first part
        ("criterion", "2.4", 0.75, 1, "2"),
        ("group", "b", 8.5, 10, None),
        ("criterion", "3.1", 1.5, 2, "b"),
        ("group", None, 8.5, 10, None),  # a field named without a label
        # "85,5/100": the whole index, not a group
    ]


WRAPPED = """Lĩnh vực 4-— Cải cách tổ chức bộ máy: đạt 4,5/5 điểm
Lĩnh vực 1 — Công tác chỉ đạo, điều hành cải cách hành chính của Ủy ban nhân dân xã: đạt
6/10 điểm
Tiêu chí 1.5. Thực hiện nhiệm vụ của Chủ tịch Ủy ban nhân dân xã về công tác cải cách hành chính đạt
0,5/1 điểm, lý do: thiếu tài liệu kiểm chứng.
Tiêu chí 1.6. Một tiêu chí không có điểm nào
được nêu ở đây.
Tiêu chí 1.7: đạt 1/1 điểm.
"""


def test_statements_wrapped_over_printed_lines():
    """A long criterion or field name pushes the score onto the next printed line (a text dump of
    a scan keeps printed lines): the statement is read over both, and its source spans them."""
    got = find_score_statements(_doc(WRAPPED))
    assert [(s.kind, s.code, s.points, s.max_points) for s in got] == [
        ("group", "4", 4.5, 5),  # OCR doubled the dash after the field's number
        ("group", "1", 6, 10),
        ("criterion", "1.5", 0.5, 1),
        ("criterion", "1.7", 1, 1),
    ]
    assert got[2].reason == "thiếu tài liệu kiểm chứng"
    assert got[2].source.line_end == got[2].source.line_start + 1


def test_score_phrasings_names_and_reasons():
    statements = {s.code: s for s in find_score_statements(_doc(SCORES))}
    assert statements["1"].name == "Công tác chỉ đạo điều hành"
    assert statements["1.3"].name == "Công tác kiểm tra" and statements["1.3"].reason == "thiếu biên bản"
    assert statements["1.4"].name == "Công tác tuyên truyền"
    assert statements["2.3"].name == ""
    assert statements[None].name == "Lĩnh vực cải cách thủ tục hành chính"


COUNTS = """- UBND xã tiếp nhận tổng số 120 hồ sơ; trong đó: trực tuyến 100 hồ sơ, trực tiếp 20 hồ sơ.
- Đã giải quyết 118/120 hồ sơ đúng hạn (đạt 98,3%).
- Tổng số hồ sơ tiếp nhận: 120 hồ sơ, trong đó: trực tuyến: 100 hồ sơ; trực tiếp: 20 hồ sơ.
- Tổng số TTHC thuộc thẩm quyền là 1.250 thủ tục, trong đó: cấp xã 1.000 thủ tục, cấp huyện 250 thủ tục.
"""


@pytest.mark.parametrize("fold", [False, True], ids=["accented", "accents_lost"])
def test_count_phrasings(fold):
    text = unidecode(COUNTS) if fold else COUNTS
    counts = find_counts(_doc(text))
    assert [(c.total, [p.value for p in c.parts], c.source.line_start) for c in counts] == [
        (120, [100, 20], 1),
        (120, [118], 2),
        (120, [100, 20], 3),
        (1250, [1000, 250], 4),
    ]
    assert [shadow_label(p.label) for p in counts[0].parts] == ["truc tuyen", "truc tiep"]
    assert shadow_label(counts[0].label) == "ho so tiep nhan"
    assert shadow_label(counts[1].parts[0].label) == "dung han"
    assert shadow_label(counts[2].label) == "ho so tiep nhan"  # the clause before the colon
    assert [shadow_label(p.label) for p in counts[3].parts] == ["cap xa", "cap huyen"]


def shadow_label(text: str) -> str:
    return unidecode(text).lower()


TARGETS = """KẾ HOẠCH
Cải cách hành chính của xã

I. MỤC TIÊU

- Phấn đấu 100% hồ sơ TTHC được giải quyết đúng hạn.
- Tỷ lệ hài lòng của người dân không dưới 95%.
- Số văn bản giấy giảm ít nhất 10% so với năm 2024.
- Đến năm 2026 đạt trên 80% hồ sơ được số hóa.
- Tỷ lệ hồ sơ trực tuyến >60%.
"""


@pytest.mark.parametrize("fold", [False, True], ids=["accented", "accents_lost"])
def test_target_phrasings(fold):
    text = unidecode(TARGETS) if fold else TARGETS
    got = [(t.value, t.comparator, t.unit, t.year) for t in find_targets(_doc(text))]
    assert got == [
        (100, "=", "%", None),
        (95, ">=", "%", None),
        (10, ">=", "%", None),  # 2024 is the baseline
        (80, ">", "%", 2026),  # "trên" (above) is strict (issue 20)
        (60, ">", "%", None),
    ]


def test_per_cent_signs_ocr_broke_are_read_as_per_cent():
    # a scan's per cent sign read as its parts ("°/o", "o/o") or with a ring left after it ("%o")
    text = (
        "KẾ HOẠCH\nCải cách hành chính năm 2025\n\nI. MỤC TIÊU\n\n"
        "- Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt tối thiểu 30°/o.\n"
        "- Tỷ lệ văn bản điện tử đạt 90 o/o trở lên.\n"
        "- Tỷ lệ hồ sơ được số hóa đạt 75%o.\n"
        "- Tỷ lệ hồ sơ quá hạn không quá 2 °/0.\n"
    )
    got = [(t.value, t.comparator, t.unit, t.year) for t in find_targets(_doc(text))]
    assert got == [(30, ">=", "%", 2025), (90, ">=", "%", 2025), (75, "=", "%", 2025), (2, "<=", "%", 2025)]


def test_targets_under_a_heading_ocr_misnumbered_with_a_speck_after_it():
    # A scan's "II. CHỈ TIÊU CỤ THỂ" read with its numeral as "TI" and the ruling beside the line
    # as a bar after it: still the objectives heading, its figures targets; the tasks heading
    # after it closes them. Body lines keep their figures out.
    text = (
        "KẾ HOẠCH\nThực hiện công tác cải cách hành chính năm 2024\n\n"
        "I. MỤC ĐÍCH, YÊU CẦU\n"
        "Triển khai đồng bộ, có hiệu quả các nhiệm vụ cải cách hành chính.\n"
        "TI. CHỈ TIÊU CỤ THỂ |\n"
        "- Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa đạt tỷ lệ ít nhất 75%.\n"
        "- Tỷ lệ thanh toán trực tuyến phí, lệ phí đạt tỷ lệ trên 41%.\n"
        "- Thu ngân sách nhà nước trên địa bàn đạt 8 tỷ đồng.\n"
        "HI. NHIỆM VỤ CỤ THỂ |\n"
        "- Số hóa 100% hồ sơ lưu trữ; thời gian: Quý II/2024.\n"
    )
    got = [(t.indicator, t.comparator, t.value, t.unit, t.year) for t in find_targets(_doc(text))]
    assert got == [
        ("Tỷ lệ hồ sơ giải quyết thủ tục hành chính được số hóa", ">=", 75, "%", 2024),
        ("Tỷ lệ thanh toán trực tuyến phí, lệ phí", ">", 41, "%", 2024),
        ("Thu ngân sách nhà nước trên địa bàn", "=", 8, "tỷ đồng", 2024),
    ]


def test_target_indicators_drop_the_comparator_words():
    targets = find_targets(_doc(TARGETS))
    assert [t.indicator for t in targets] == [
        "hồ sơ TTHC được giải quyết đúng hạn",
        "Tỷ lệ hài lòng của người dân",
        "Số văn bản giấy giảm",
        "hồ sơ được số hóa",
        "Tỷ lệ hồ sơ trực tuyến",
    ]


# ------------------------------------------------------------------ statistics annex variants

MARKDOWN_ANNEX = """BÁO CÁO CÔNG TÁC CCHC

Phụ lục 3
THỐNG KÊ KẾT QUẢ GIẢI QUYẾT TTHC

| TT | Tên chỉ tiêu | Đơn vị tính | Giá trị | Ghi chú |
|---|---|---|---|---|
| 1 | Tổng số hồ sơ tiếp nhận | Hồ sơ | 1.250 | |
| 1.1 | Tỷ lệ hồ sơ trực tuyến | % | 12,5% | |
| 2 | Có bộ phận một cửa hiện đại | Có = 1; Không = 0 | Có | |
| 3 | Có niêm yết công khai | Có = 1; Không = 0 | Không | |
"""

HTML_ANNEX = """Phụ lục 4
THỐNG KÊ CÔNG TÁC CHỈ ĐẠO

<table>
<tr><th>STT</th><th>Nội dung</th><th>ĐVT</th><th>Số liệu</th></tr>
<tr><td>1.</td><td>Số văn bản ban hành</td><td>Văn bản</td><td>1.250</td></tr>
<tr><td>2.</td><td>Tỷ lệ hoàn thành</td><td>%</td><td>12,5</td></tr>
<tr><td>3.</td><td>Ban hành kế hoạch</td><td>Có = 1, Không = 0</td><td>Có</td></tr>
</table>
"""

TSV_ANNEX = (
    "Biểu số 2\nTHỐNG KÊ CÔNG TÁC KIỂM TRA\n\n"
    "STT\tChỉ tiêu\tĐơn vị\tKết quả\n"
    "1\tSố cuộc kiểm tra\tCuộc\t1.250\n"
    "2\tTỷ lệ kiến nghị được xử lý\t%\t12,5%\n"
    "3\tCó kế hoạch kiểm tra\tKhông = 0; Có = 1\tkhong\n"
)


def _rows(text: str):
    (annex,) = find_statistics(_doc(text))
    return annex, [(r.code, r.unit, r.value, r.flags) for r in annex.rows]


def test_markdown_annex_with_other_headers():
    annex, rows = _rows(MARKDOWN_ANNEX)
    assert (annex.annex, annex.title) == ("Phụ lục 3", "THỐNG KÊ KẾT QUẢ GIẢI QUYẾT TTHC")
    assert rows == [
        ("1", "Hồ sơ", 1250, []),
        ("1.1", "%", 12.5, []),
        ("2", "Có = 1; Không = 0", 1, []),
        ("3", "Có = 1; Không = 0", 0, []),
    ]
    assert annex.rows[2].allowed_values == {"Có": 1, "Không": 0} and annex.rows[2].value_raw == "Có"
    assert annex.rows[1].parent == "1" and annex.rows[0].indicator == "Tổng số hồ sơ tiếp nhận"


def test_html_annex():
    annex, rows = _rows(HTML_ANNEX)
    assert (annex.annex, annex.title) == ("Phụ lục 4", "THỐNG KÊ CÔNG TÁC CHỈ ĐẠO")
    assert rows == [("1", "Văn bản", 1250, []), ("2", "%", 12.5, []), ("3", "Có = 1, Không = 0", 1, [])]
    assert [r.indicator for r in annex.rows] == ["Số văn bản ban hành", "Tỷ lệ hoàn thành", "Ban hành kế hoạch"]


def test_tab_annex_unit_header_without_tinh_and_ocr_text_value():
    annex, rows = _rows(TSV_ANNEX)
    assert annex.annex == "Biểu số 2"
    assert rows == [("1", "Cuộc", 1250, []), ("2", "%", 12.5, []), ("3", "Không = 0; Có = 1", 0, [])]


def test_text_value_outside_the_codes_stays_unparsed():
    assert enumerated_value("Có", {"Có": 1, "Không": 0}) == 1
    assert enumerated_value("KHÔNG", {"Có": 1, "Không": 0}) == 0
    assert enumerated_value("Đang xây dựng", {"Có": 1, "Không": 0}) is None
    annex, rows = _rows(HTML_ANNEX.replace("<td>Có</td></tr>\n</table>", "<td>Đang xây dựng</td></tr>\n</table>"))
    assert rows[2][2] is None and rows[2][3] == ["value_unparsed"]
