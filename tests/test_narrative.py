"""Score statements, targets and counts stated in the seed documents' text."""

from functools import cache
from pathlib import Path

import pytest

from extract.base import ingest
from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts
from extract.segment.statements import find_score_statements
from extract.segment.targets import find_targets

SAMPLES = Path(__file__).resolve().parent.parent / "samples"


@cache
def _doc(name: str):
    return ingest(SAMPLES / name)


def _lines_doc(*texts: str) -> IngestedDocument:
    return IngestedDocument(
        path="x", format="txt", pages=[Page(1, [Line(text=t, page=1, number=k + 1) for k, t in enumerate(texts)])]
    )


def test_000_statements_groups_and_criteria():
    statements = find_score_statements(_doc("000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt"))
    assert len(statements) == 37  # 8 groups + 29 criteria, as in golden/reference
    first = next(s for s in statements if s.code == "1.1")
    assert (first.kind, first.points, first.max_points, first.group) == ("criterion", 0, 2, "a")
    assert first.name == "Kế hoạch CCHC"
    group_c = next(s for s in statements if s.kind == "group" and s.code == "c")
    assert (group_c.points, group_c.max_points) == (13.5, 14)
    spaced = next(s for s in statements if s.code == "2.3")  # "Tiêu chí 2. 3."
    assert (spaced.points, spaced.max_points, spaced.group) == (0.5, 1, "b")
    assert next(s for s in statements if s.code == "1.2").reason == "Trong năm 2022 có một báo cáo trễ hạn"


def test_statements_survive_lost_diacritics():
    (s,) = find_score_statements(_lines_doc("+ Tieu chi 4.2. Danh gia can bo dat 1,5/3 diem, ly do: thieu tai lieu."))
    assert (s.code, s.points, s.max_points, s.reason) == ("4.2", 1.5, 3, "thieu tai lieu")


def test_statements_joined_in_one_ocr_paragraph_are_each_read():
    # OCR of a scan (S05 of the corpus, seed 7) that lost the blank lines between paragraphs: the
    # second statement follows a stop, the criterion after a field follows its score's "điểm".
    text = (
        "Tiêu chí 1.2 - Thực hiện chế độ báo cáo định kỳ: 0,5/1 điểm. Tiêu chí 1.3. Công tác kiểm tra "
        "cải cách hành chính đạt 1,75/2 điểm, lý do: thực hiện chưa đúng thời gian quy định. "
        "Lĩnh vực 2. Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật đạt 2,75/4,5 điểm "
        "Tiêu chí 2.1 - Theo dõi thi hành pháp luật: 1,5/2,5 điểm."
    )
    found = [(s.kind, s.code, s.points, s.max_points) for s in find_score_statements(_lines_doc(text))]
    assert found == [
        ("criterion", "1.2", 0.5, 1),
        ("criterion", "1.3", 1.75, 2),
        ("group", "2", 2.75, 4.5),
        ("criterion", "2.1", 1.5, 2.5),
    ]
    # a criterion named inside a sentence does not cut it
    line = "Tiêu chí 1.1: Kế hoạch, đạt 1/2 điểm, lý do: như tiêu chí 1.3 năm trước."
    (one,) = find_score_statements(_lines_doc(line))
    assert (one.code, one.reason) == ("1.1", "như tiêu chí 1.3 năm trước")
    # a fraction slash OCR set beside the slash (own seed 51 dump)
    (slashed,) = find_score_statements(_lines_doc("- Tiêu chí 3.3 - Kết quả giải quyết hồ sơ: 3,75/⁄4 điểm."))
    assert (slashed.code, slashed.points, slashed.max_points) == ("3.3", 3.75, 4)


def test_statements_behind_a_scans_specks_are_each_read():
    # OCR of scanned plans (S05 of the corpus, seeds 1006 and 662): a bar the page's rule left after
    # a statement's closing stop, a quote mark before the next statement's label, in one paragraph
    # (the blank lines lost) or opening its own line.
    text = (
        "Tiêu chí 7.3. Dịch vụ công trực tuyến: đạt điểm tối đa (3/3 điểm). | Tiêu chí 7.4. Thanh toán "
        "trực tuyến: không đạt điểm (0/1,5), lý do: chưa có tài liệu kiểm chứng. “Tiêu chí 1.3. Công "
        "tác kiểm tra cải cách hành chính đạt 1,25/2 điểm, lý do: thực hiện chưa đúng thời gian quy định."
    )
    found = [(s.kind, s.code, s.points, s.max_points) for s in find_score_statements(_lines_doc(text))]
    assert found == [("criterion", "7.3", 3, 3), ("criterion", "7.4", 0, 1.5), ("criterion", "1.3", 1.25, 2)]
    line = "“Tiêu chí 1.3. Công tác kiểm tra cải cách hành chính đạt 1,25/2 điểm."
    (one,) = find_score_statements(_lines_doc("Tiêu chí 1.2: Báo cáo đạt 1/1 điểm.", line))[1:]
    assert (one.code, one.points, one.max_points, one.name) == ("1.3", 1.25, 2, "Công tác kiểm tra cải cách hành chính")


def test_002_counts_with_breakdowns():
    counts = find_counts(_doc("002_huong-son_2024_bao-cao-6-thang.txt"))
    received = next(c for c in counts if c.total == 281)
    assert received.unit == "hồ sơ" and [(p.label, p.value) for p in received.parts] == [
        ("mức độ 2", 84),
        ("mức độ 3", 197),
    ]
    solved = next(c for c in counts if c.total == 276)
    assert solved.label == "hồ sơ đã giải quyết"
    assert [(p.label, p.value) for p in solved.parts] == [("trước hạn", 256), ("đúng hạn", 20), ("trễ hạn", 0)]
    ratio = next(c for c in counts if c.total == 19)
    assert ratio.unit == "nhiệm vụ" and [(p.label, p.value) for p in ratio.parts] == [("đã hoàn thành", 15)]
    assert next(c for c in counts if c.total == 137).parts[2].value == 9


def test_000_ratio_counts_share_one_total():
    counts = find_counts(_doc("000_quang-thanh_2023_ke-hoach-nang-cao-chi-so.txt"))
    twelve = next(c for c in counts if c.total == 12)
    assert [(p.label, p.value) for p in twelve.parts] == [("đạt và vượt kế hoạch", 7), ("chưa đạt kế hoạch", 5)]
    assert not any(c.total in (100, 141) for c in counts)  # "81.186/100 điểm", rank "thứ 36/141"


def test_004_targets():
    targets = find_targets(_doc("004_cam-nhuong_2025_quyet-dinh-ke-hoach.txt"))
    on_time = next(t for t in targets if t.value == 99.9)
    assert (on_time.comparator, on_time.unit, on_time.year) == (">=", "%", 2025)
    assert on_time.indicator == "hồ sơ TTHC được giải quyết trước và đúng hạn"
    assert on_time.section == "3. Cải cách thủ tục hành chính"
    budget = next(t for t in targets if t.unit == "tỷ đồng")
    assert (budget.value, budget.comparator) == (14.8, "=")
    assert next(t for t in targets if t.value == 90 and t.comparator == ">").unit == "%"  # "đạt >90%"
    # legal references and dates in the decision's preamble are not targets
    assert all(t.source.line_start >= 78 for t in targets)


def test_001_targets_by_year_and_comparator():
    targets = find_targets(_doc("001_trieu-son_2021-2025_ke-hoach-cchc.txt"))
    online = [t for t in targets if t.indicator.startswith("Tỷ lệ hồ sơ giải quyết trực tuyến mức độ 3 và 4")]
    assert [(t.value, t.year, t.comparator) for t in online] == [(50, 2025, ">="), (80, 2030, ">=")]
    assert any(t.value == 99 and t.comparator == ">=" for t in targets)  # "đạt từ 99% trở lên"
    assert not any(t.section.startswith("III") or "Nhiệm vụ" in t.section for t in targets)


def test_targets_range_floor_accented_cues_and_verb_phrases():
    from extract.model import IngestedDocument
    from extract.segment.targets import find_targets
    from extract.text_reader import parse_text

    text = (
        "KẾ HOẠCH\nCải cách hành chính giai đoạn 2021-2025\n\nI. MỤC TIÊU\n\n"
        "- Mức độ hài lòng về lĩnh vực đất đai, xây dựng, đầu tư đạt tối thiểu 85%.\n"
        "- Thực hiện xử lý 100% văn bản QPPL cần được xử lý sau kiểm tra.\n"
        "- Mỗi năm có từ 1-2 sáng kiến được triển khai có hiệu quả.\n"
        "- Tỷ lệ hồ sơ trực tuyến trong lĩnh vực đầu tư 40%.\n"
    )
    doc = IngestedDocument(path="x.txt", format="txt", pages=parse_text(text))
    targets = {t.value: t for t in find_targets(doc)}
    assert targets[85].indicator.endswith("đầu tư") and targets[85].comparator == ">="
    assert targets[100].indicator.startswith("văn bản QPPL")
    assert (targets[1].comparator, targets[1].unit) == (">=", "sáng kiến")
    assert targets[40].comparator == "="  # "đầu tư" (investment) is not "từ" (from)


@pytest.mark.needs_tesseract
def test_pdf_and_scan_paragraphs_give_the_docx_figures():
    # A PDF or a scan prints a sentence over several lines; the narrative reads paragraphs, so the
    # same report gives the same counts whatever its format.
    from cchc_extract.pipeline import convert_file

    renderings = Path(__file__).resolve().parents[1] / "samples" / "renderings"
    counts = {}
    for name in ("stats_annex.docx", "stats_annex.pdf", "stats_annex_scan.tif"):
        result = convert_file(renderings / name)
        counts[name] = [(c.total, [p.value for p in c.parts]) for c in result.counts]
    assert counts["stats_annex.docx"] == [(19.0, [15.0])]
    assert counts["stats_annex.pdf"] == counts["stats_annex_scan.tif"] == counts["stats_annex.docx"]


def test_a_range_wrapped_at_its_dash_on_a_pdf_page_is_one_target():
    # A typed PDF prints "… đạt tỷ lệ từ 76" / "- 86%.": the dash opening the second line is the
    # range's, not a bullet's, so the paragraph goes on and the target keeps its figure.
    printed = [
        "I. MỤC TIÊU",
        "+ Phấn đấu năm 2025: tỷ lệ hồ sơ công việc được xử lý trên môi trường mạng đạt tỷ lệ từ 76",
        "- 86%.",
        "- Mỗi năm có từ 1 sáng kiến được triển khai.",
    ]
    lines = [
        Line(text=t, page=1, number=k + 1, bbox=(50, 100 + 14 * k, 500, 112 + 14 * k)) for k, t in enumerate(printed)
    ]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, list(lines), method="pdf-text")])
    targets = find_targets(doc)
    assert [(t.value, t.comparator, t.year) for t in targets if t.indicator.startswith("tỷ lệ hồ sơ")] == [
        (76.0, ">=", 2025)
    ]
    assert all(t.indicator for t in targets)  # no target of the range's rest alone


def test_a_scanned_targets_unit_is_the_word_whatever_case_ocr_read():
    # a scanned plan's objective: OCR read the unit's "c" as a capital ("03 Cuộc"); the counted
    # abbreviation of another keeps its case
    printed = [
        "II. MỤC TIÊU",
        "- Số cuộc kiểm tra công tác cải cách hành chính năm 2024 đạt ít nhất 03 Cuộc.",
        "- Rà soát, đơn giản hóa năm 2024 ít nhất 05 TTHC.",
    ]
    lines = [Line(text=t, page=1, number=k + 1, conf=0.9) for k, t in enumerate(printed)]
    doc = IngestedDocument(path="x.pdf", format="pdf", pages=[Page(1, list(lines), method="ocr")])
    units = {t.value: t.unit for t in find_targets(doc)}
    assert units[3.0] == "cuộc"
    assert units.get(5.0) in (None, "TTHC")
