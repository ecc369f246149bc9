"""The grammars of a task framework's unit and deadline cells (normalize/units.py), on cells as
OCR printed them in the generated plans' dumps and as plans write them."""

from normalize.units import deadline_status, product_status, spell_deadline, spell_units, unit_status


def test_unit_cells_complete_prefix_broken_unknown():
    assert unit_status("Công chức Tư pháp - Hộ tịch") == "complete"
    assert unit_status("Các thôn,tổ dân phố") == "complete"  # OCR lost the comma's space
    assert unit_status("UBMTTQ Việt Nam xã, Các thôn, tổ dân phố") == "complete"
    assert unit_status("Công an phường") == "complete"  # a name's "xã" stands for the other places
    assert unit_status("Văn phòng HĐND và") == "prefix"
    assert unit_status("Công chức Địa chính -") == "prefix"
    # a whole word: "xã" (the next cell's) is no start of "Xây dựng"
    assert unit_status("Công chức Địa chính xã,") == "broken"
    assert unit_status("Công an xã công bố") == "broken"  # the product's wrapped word
    assert unit_status("Ông Nguyễn Văn A") == "unknown"  # a unit the list lacks: left alone
    assert unit_status("") == "empty"


def test_product_cells_a_list_names_what_it_lists():
    # a kind of document is a product alone; a list, a page or a result is a product's start
    assert product_status("Báo cáo") == "complete"
    assert product_status("Văn bản chỉ đạo") == "complete"
    assert product_status("Danh mục") == "prefix"
    assert product_status("Trang thông tin") == "prefix"
    assert product_status("Danh mục công bố") == "complete"
    # a whole product carried on with a task's words; a product the list lacks
    assert product_status("Báo cáo năm 2025") == "broken"
    assert product_status("Bảng tổng hợp") == "unknown"


def test_deadline_cells():
    assert deadline_status("Trước ngày 08/11/2025") == "complete"
    assert deadline_status("Quý") == "prefix"
    assert deadline_status("Quý IH/2024") == "complete"
    assert deadline_status("Cả năm 2025 Các thôn, tổ dân phố") == "broken"
    assert deadline_status("Khi có yêu cầu của huyện") == "unknown"


def test_cells_spelt_as_the_gazetteer_writes_them():
    assert spell_units("Các thôn,tổ dân phố") == "Các thôn, tổ dân phố"
    assert spell_units("Công chức Văn hóa -Xã hội") == "Công chức Văn hóa - Xã hội"
    assert spell_units("UBMTTQ - Việt Nam xã Các đoàn thể") == "UBMTTQ Việt Nam xã, Các đoàn thể"
    assert spell_units("Văn phòng HĐND và UBND") == "Văn phòng HĐND và UBND"
    # OCR ran narrow words together (S05 seed 120): the letters still spell the units
    assert spell_units("Công anxã") == "Công an xã"
    assert spell_units("Công anxã và Các đoàn thể") == "Công an xã và Các đoàn thể"
    assert spell_units("Côngchức Tư pháp-Hộ tịch, Các thôn") == "Công chức Tư pháp - Hộ tịch, Các thôn"
    assert spell_units("Phòng Vănhóa mới") == "Phòng Vănhóa mới"  # not units: as printed
    # a letter OCR doubled in a unit's word (S05 seed 122): the one unit word an edit away
    assert spell_units("UBMTTTQ Việt Nam xã") == "UBMTTQ Việt Nam xã"
    assert spell_units("Hội Người cao tuổi") == "Hội Người cao tuổi"  # no unit of the list: as printed
    assert spell_units("Ông Nguyễn Văn A,Bà B") == "Ông Nguyễn Văn A, Bà B"  # unknown: commas spaced only
    assert spell_deadline("Quý 12024") == "Quý I/2024"  # "I/" OCR'd as "1"
    assert spell_deadline("Quý TV/2025") == "Quý IV/2025"
    assert spell_deadline("Quý IH/2024") == "Quý III/2024"  # two I's close together read as "H"
    assert spell_deadline("Quý HI/2023") == "Quý III/2023"
    assert spell_deadline("Quý H/2025") == "Quý II/2025"
    assert spell_deadline("Quý IHI/2025") == "Quý III/2025"  # H one I with a speck: IIII is no quarter
    assert spell_deadline("Quý IHH/2025") == "Quý IHH/2025"  # no quarter: kept as printed
    assert spell_deadline("Quý IIH/2024") == "Quý III/2024"  # the last I with the slash's speck on it
    assert spell_deadline("Quý TIV/2024") == "Quý IV/2024"  # IV the one quarter with a V: a speck as a stroke
    assert spell_deadline("Quý IIIII/2024") == "Quý IIIII/2024"  # no V, no quarter: kept as printed
    assert spell_deadline("Quý I/⁄2026") == "Quý I/2026"  # a fraction slash beside the slash
    assert spell_deadline("Quý 1/2025") == "Quý I/2025"
    assert spell_deadline("Thường Xuyên") == "Thường xuyên"
    assert spell_deadline("Hàng năm") == "Hàng năm"  # a word the table does not spell keeps its print
    assert spell_deadline("Theo yêu cầu") == "Theo yêu cầu"


def test_one_unit_and_unit_counts():
    # A lead cell names one unit: a later line adding a second is the coordinators' column's.
    from normalize.units import one_unit_status, unit_count

    assert one_unit_status("Văn phòng HĐND và") == "prefix"
    assert one_unit_status("Công chức Tài chính - Kế toán Các ngành") == "broken"
    assert unit_count("Các thôn,tổ dân phố") == 1 and unit_count("Công an xã, Các đoàn thể") == 2
    assert unit_count("Ông A") == 0


def test_a_units_cell_with_one_ocr_damaged_word_is_mended():
    # P02/P04 OCR dumps: one letter added, changed or split off; mended only when exactly one unit
    # word one edit away makes the cell a sequence of units
    assert spell_units("Các thôn, tổ dân phố, UBMTTTQ Việt Nam xã") == "Các thôn, tổ dân phố, UBMTTQ Việt Nam xã"
    assert spell_units("UBMTT(Q Việt Nam xã") == "UBMTTQ Việt Nam xã"
    # "hội" is one edit from "phối" too, but does not make the cell a sequence of units
    assert spell_units("Các thôn, tổ dân phối") == "Các thôn, tổ dân phố"
    assert spell_units("Ban quản lý chợ") == "Ban quản lý chợ"  # no unit of the list: as printed
    # a speck read as a short word (S05 scan, dev seed 179 --degrade extreme); the cell then in the
    # gazetteer's spelling ("Bản" → "Ban"); a longer unknown word is no speck
    assert spell_units("Bản Chỉ đạo CCHC xã, Các thôn, tổ dân nn phố") == "Ban Chỉ đạo CCHC xã, Các thôn, tổ dân phố"
    assert spell_units("Phòng Kinh †e") == "Phòng Kinh †e"


def test_a_look_alike_capital_ocr_read_in_a_units_name_is_spelt_small():
    # OCR read the small "x" of "xã" a size too large; "X" and "x" differ by size alone, so the
    # gazetteer's case stands. A capital of another shape ("Đoàn", "Thôn") is the typist's.
    assert spell_units("Ban Chỉ đạo CCHC Xã") == "Ban Chỉ đạo CCHC xã"
    assert spell_units("UBMTTQ Việt Nam Xã, Công an Xã") == "UBMTTQ Việt Nam xã, Công an xã"
    assert spell_units("Công chức Văn hóa - Xã hội") == "Công chức Văn hóa - Xã hội"  # the name's own capital
    assert spell_units("Các Thôn, tổ dân phố") == "Các Thôn, tổ dân phố"


def test_a_quarter_list_and_a_bar_after_a_deadline_are_spelt_as_typed():
    # OCR lost the space after a list's comma (S27, N53's "Quý I, II"); a numeral's strokes read
    # as look-alikes are read as in a single quarter; the list's order is task_doubts' to judge
    assert spell_deadline("Quý I,II") == "Quý I, II"
    assert spell_deadline("Quý II-III/2025") == "Quý II - III/2025"
    assert spell_deadline("Quý ii, H") == "Quý II, II"
    assert spell_deadline("Quý 1, 2") == "Quý 1, 2"  # no roman list: as printed
    assert spell_deadline("Quý I,II", roman=False) == "Quý I,II"
    # a bar after a deadline (a speck or a rule's stub on a tab-stop scan) is no part of it
    assert spell_deadline("02/03/2023 |") == "02/03/2023"
    assert spell_deadline("Quý IV/2025 |") == "Quý IV/2025"
    assert spell_deadline("Phòng Kinh tế |") == "Phòng Kinh tế |"


def test_a_budgets_opening_bracket_read_as_a_letter_is_still_the_budget():
    from extract.segment.task_budget import deadline_and_budget

    assert deadline_and_budget("Quý I, II G6)", bracketed=True) == ("Quý I, II", "6")
    assert deadline_and_budget("Quý II C15)", bracketed=True) == ("Quý II", "15")
    # whatever one glyph the bracket came back as (S27: "q2)")
    assert deadline_and_budget("Quý I/2026 q2)", bracketed=True) == ("Quý I/2026", "2")
    # a word before the figure is no bracket: the cell stays as printed
    assert deadline_and_budget("Tháng 12/2025 12)", bracketed=True) == ("Tháng 12/2025 12)", "")
    # under a header naming no budget, or with no closing bracket, the cell is the deadline's
    assert deadline_and_budget("Quý I, II G6)", bracketed=False) == ("Quý I, II G6)", "")
    assert deadline_and_budget("Trước 15/3)", bracketed=True) == ("Trước 15/3)", "")


def test_a_chevron_or_an_arrow_before_words_is_a_bullet():
    from normalize.text import after_bullet

    # a small bullet OCR read as a chevron (S26, seed 9281: "» Cử cán bộ, …" kept in the task)
    assert after_bullet("» Cử cán bộ, công chức tham gia đào tạo") == "Cử cán bộ, công chức tham gia đào tạo"
    assert after_bullet("➢ Rà soát thủ tục") == "Rà soát thủ tục"
    assert after_bullet("»5") is None  # a mark before a figure is no bullet
