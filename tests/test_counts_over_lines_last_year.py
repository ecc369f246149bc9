"""Narrative counts set against last year and counts whose parts run over the next lines or sentence
(``count_baseline``, ``count_lines``, the "cụ thể" opener of ``count_words``). The sentences are
the twenty-seventh batch's (N110, N111) as the generator printed them at seed 22281, their totals and
parts those of its truth files: a change "tăng 391 hồ sơ so với cùng kỳ" or a bracket "(cùng kỳ năm
2013: 3.152 hồ sơ)" is neither the total nor a part; a "trong đó:" list of item paragraphs, and a
"Cụ thể:" sentence after the count, hold its parts."""

from extract.model import IngestedDocument, Line, Page
from extract.segment.counts import find_counts


def _read(*lines: str) -> list[tuple]:
    page = Page(1, [Line(text=t, page=1, number=k + 1) for k, t in enumerate(lines)])
    counts = find_counts(IngestedDocument(path="x", format="docx", pages=[page]))
    return [(c.total, [p.value for p in c.parts]) for c in counts]


def test_a_change_against_last_year_is_no_total_nor_part():
    sentence = (
        "Trong 6 tháng đầu năm 2023, UBND xã đã giải quyết 3.341 hồ sơ, tăng 391 hồ sơ so với cùng kỳ năm 2022; "
        "trong đó: trước hạn 1.638 hồ sơ, đúng hạn 1.662 hồ sơ, quá hạn 46 hồ sơ."
    )
    assert _read(sentence) == [(3341, [1638, 1662, 46])]


def test_a_decrease_against_last_year_is_no_total_either():
    sentence = (
        "Bộ phận Một cửa xã tiếp nhận 4.770 hồ sơ, giảm 163 hồ sơ so với cùng kỳ năm 2022; trong đó: trực tuyến "
        "2.493 hồ sơ, trực tiếp và qua dịch vụ bưu chính 2.277 hồ sơ."
    )
    assert _read(sentence) == [(4770, [2493, 2277])]


def test_last_years_figure_in_a_bracket_is_no_part():
    sentence = (
        "Lũy kế năm 2014, UBND xã đã giải quyết 3.579 hồ sơ (cùng kỳ năm 2013: 3.152 hồ sơ); trong đó: trước hạn "
        "2.105 hồ sơ, đúng hạn 1.429 hồ sơ, quá hạn 45 hồ sơ."
    )
    assert _read(sentence) == [(3579, [2105, 1429, 45])]


def test_parts_as_item_paragraphs_under_the_count():
    assert _read(
        "Tiếp nhận 478 hồ sơ, trong đó:",
        "+ Trực tuyến: 461 hồ sơ;",
        "+ Trực tiếp và qua bưu chính: 17 hồ sơ.",
    ) == [(478, [461, 17])]
    assert _read(
        "Giải quyết 594 hồ sơ, cụ thể như sau:",
        "- Trước hạn: 247 hồ sơ;",
        "- Đúng hạn: 229 hồ sơ;",
        "- Quá hạn: 114 hồ sơ.",
    ) == [(594, [247, 229, 114])]


def test_the_item_list_ends_with_its_sentence():
    # the paragraph after the list's closing full stop is a count of its own (N111's share line)
    read = _read(
        "Tiếp nhận 478 hồ sơ, trong đó:",
        "+ Trực tuyến: 461 hồ sơ;",
        "+ Trực tiếp và qua bưu chính: 17 hồ sơ.",
        "- Giải quyết 400 hồ sơ, trong đó trước hạn 300 hồ sơ, đúng hạn 100 hồ sơ.",
    )
    assert read == [(478, [461, 17]), (400, [300, 100])]


def test_parts_in_the_next_sentence_opened_by_cu_the():
    sentence = (
        "Cung cấp 98 thủ tục hành chính. Cụ thể: 88 thủ tục hành chính trực tuyến toàn trình, 07 thủ tục hành "
        "chính trực tuyến một phần và 03 thủ tục hành chính chỉ cung cấp thông tin."
    )
    assert _read(sentence) == [(98, [88, 7, 3])]


def test_a_year_wrapped_before_the_breakdown_goes_on_in_a_dump():
    # D36's OCR dump of N110 at seed 22282 (lines 18-19, as Tesseract gave them): the year and the
    # ';' before "trong do" wrapped to a line of their own; truth total 3105, parts 2567, 420, 118
    page = Page(
        1,
        [
            Line(
                text="Liy ké ndm 2013, UBND xa da giai quyét 3.105 h6 so, giam 57 ho so so véi cling ky nam",
                page=1,
                number=1,
            ),
            Line(
                text="2012; trong do: trudc han 2.567 h6 so, ding han 420 ho so, qua han 118 hé so.", page=1, number=2
            ),
        ],
    )
    counts = find_counts(IngestedDocument(path="x", format="txt", pages=[page]))
    assert [(c.total, [p.value for p in c.parts]) for c in counts] == [(3105, [2567, 420, 118])]
