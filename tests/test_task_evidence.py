"""A scanned task grid's row confidence weighed against what the document confirms of its unsure
cells (extract/segment/task_evidence.py): the rows are a fictional commune's plan as a grid's OCR
gives them, each cell with Tesseract's confidence noted by task_tables."""

from extract.segment.task_evidence import cell_conf_flags, weigh_cells
from schemas.records import TaskRow, TaskTable


def _row(
    code: str, criterion: str, confs: dict[str, float], lead: str = "Công an xã", deadline: str = "Cả năm 2025", **kw
) -> TaskRow:
    return TaskRow(
        code=code,
        section="IV",
        criterion_code=criterion,
        task=f"Nhiệm vụ {code}",
        lead=lead,
        deadline=deadline,
        confidence=min([0.96, *confs.values()]),
        flags=cell_conf_flags(confs),
        **kw,
    )


def test_unsure_cells_the_document_confirms_no_longer_hold_a_row_down():
    rows = [
        _row("1", "4.1", {}),
        _row("2", "4.2", {"code": 0.59}),  # its number follows 1: confirmed
        _row("3", "4.1", {"criterion_code": 0.65}),  # 4.1 stated, its section's field is 4: confirmed
        _row("4", "4.3", {"criterion_code": 0.7}),  # 4.3 stated by no statement: kept unsure
        _row("6", "4.2", {"code": 0.6}),  # 6 after 4: out of sequence, kept unsure
        _row("7", "4.2", {"deadline": 0.54}),  # a date is no vocabulary: kept unsure
        _row("8", "4.2", {"lead": 0.62}, lead="Công chức Văn hóa - Xã hội"),  # a whole unit: confirmed
        _row("9", "4.2", {"lead": 0.62}, lead="Công an xã Thường"),  # a wrapped word no unit has: kept unsure
        _row("10", "4.2", {"code": 0.7}),
    ]
    rows[-1].flags.append("realigned")  # the grid's own cap (0.8) stays
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1", "4.2"})
    assert [r.confidence for r in out.rows] == [0.96, 0.9, 0.9, 0.7, 0.6, 0.54, 0.9, 0.62, 0.8]


def test_a_code_stated_but_of_another_field_than_its_sections_stays_unsure():
    rows = [_row("1", "4.1", {}), _row("2", "4.2", {}), _row("3", "7.1", {"criterion_code": 0.66})]
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1", "4.2", "7.1"})
    assert out.rows[2].confidence == 0.66


def test_a_quarter_three_in_the_plans_period_is_confirmed():
    # OCR's miscounts of a quarter's strokes lose one (III read II, II read I): a III read is as
    # printed; its year must be one the plan's period names.
    rows = [
        _row("1", "4.1", {"deadline": 0.38}, deadline="Quý III/2025"),  # confirmed
        _row("2", "4.1", {"deadline": 0.55}, deadline="Quý II/2025"),  # a stroke lost? kept unsure
        _row("3", "4.1", {"deadline": 0.59}, deadline="Quý III/2023"),  # a year outside 2025: kept unsure
        _row("4", "4.1", {"deadline": 0.59, "criterion_code": 0.4}, deadline="Quý III/2025"),  # 4.1 stated: confirmed
        _row("5", "4.9", {"deadline": 0.59, "criterion_code": 0.4}, deadline="Quý III/2025"),  # 4.9 is not: 0.4
    ]
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1"}, period="2025")
    assert [r.confidence for r in out.rows] == [0.9, 0.55, 0.59, 0.9, 0.4]
    # no period read: no year to hold the deadline to
    (bare,) = weigh_cells([TaskTable(rows=rows[:1])], stated={"4.1"})
    assert bare.rows[0].confidence == 0.38


def test_a_product_printed_as_the_list_names_it_is_confirmed():
    # A plan's products are a closed list: a cell Tesseract was unsure of that still prints one
    # letter for letter (S05 paragraphs: "Thông báo" at 0.51, "Danh mục công bố" at 0.78, both
    # printed so) needs no look; a tone mark misread ("Thông bảo") leaves no product of the list,
    # and a product another opens ("Văn bản" of "Văn bản chỉ đạo") may have lost its wrapped words.
    rows = [
        _row("1", "4.1", {"product": 0.51}, product="Thông báo"),  # confirmed
        _row("2", "4.1", {"product": 0.78}, product="Danh mục công bố"),  # confirmed
        _row("3", "4.1", {"product": 0.62}, product="Thông bảo"),  # a mark misread: kept unsure
        _row("4", "4.1", {"product": 0.62}, product="Văn bản"),  # a longer product's start: kept unsure
        _row("5", "4.1", {"product": 0.7, "deadline": 0.66}, product="Báo cáo"),  # the date holds it: 0.66
    ]
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1"})
    assert [r.confidence for r in out.rows] == [0.9, 0.9, 0.62, 0.62, 0.66]


def test_a_quarter_four_in_the_plans_period_is_confirmed():
    # A V is no stroke of a run that OCR miscounts: a "Quý IV" read unsurely is as printed, its
    # year held to the plan's period; a lower-case or spaced numeral is another reading.
    rows = [
        _row("1", "4.1", {"deadline": 0.46}, deadline="Quý IV/2025"),  # confirmed
        _row("2", "4.1", {"deadline": 0.54}, deadline="Quý IV/2023"),  # a year outside 2025: kept unsure
        _row("3", "4.1", {"deadline": 0.54}, deadline="Quý Iv/2025"),  # no numeral as printed: kept unsure
        _row("4", "4.1", {"deadline": 0.54}, deadline="Quý I/2025"),  # a run of strokes: kept unsure
    ]
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1"}, period="2025")
    assert [r.confidence for r in out.rows] == [0.9, 0.54, 0.54, 0.54]


def test_a_grid_deadline_cell_notes_the_least_its_words_can_be_read_at():
    # The grid gives a cell its words' mean confidence: of two words at a mean of 0.9 neither is
    # under 0.8, the least sure word a paragraph would note; one word's mean is its own.
    from extract.segment.task_deadline_doubts import strokes_read_sure
    from extract.segment.task_evidence import deadline_words_flags

    assert deadline_words_flags({"deadline": 0.9}, "Quý I/2025") == ["deadline_word_conf:0.80"]
    assert deadline_words_flags({"deadline": 0.89}, "Quý II/2025") == ["deadline_word_conf:0.78"]
    assert deadline_words_flags({"deadline": 0.2}, "Trước ngày 30/6/2025") == ["deadline_word_conf:0.00"]
    assert deadline_words_flags({"lead": 0.9}, "Quý I/2025") == []  # no deadline cell read: nothing said
    sure = TaskRow(
        task="Nhiệm vụ 1", deadline="Quý I/2025", flags=deadline_words_flags({"deadline": 0.95}, "Quý I/2025")
    )
    unsure = TaskRow(
        task="Nhiệm vụ 2", deadline="Quý II/2025", flags=deadline_words_flags({"deadline": 0.89}, "Quý II/2025")
    )
    assert strokes_read_sure(sure) and not strokes_read_sure(unsure)


def test_a_list_of_quarters_three_and_four_in_the_plans_period_is_confirmed():
    # Seed 18221's S21 scan of a plan for 2023: tasks 8 and 9 print "Quý III - IV/2023" (the
    # generator's truth file), read so at 0.69 and 0.77 and queued for that alone. Each numeral of
    # the list is as printed (III the longest run, IV holds a V), as a single quarter's is.
    rows = [
        _row("1", "4.1", {"deadline": 0.69}, deadline="Quý III - IV/2023"),  # confirmed
        _row("2", "4.1", {"deadline": 0.77}, deadline="Quý III và quý IV/2023"),  # confirmed
        _row("3", "4.1", {"deadline": 0.6}, deadline="Quý II - IV/2023"),  # II may be III: kept unsure
        _row("4", "4.1", {"deadline": 0.6}, deadline="Quý IV - III/2023"),  # out of order: kept unsure
        _row("5", "4.1", {"deadline": 0.6}, deadline="Quý III - IV/2024"),  # a year outside 2023: kept
    ]
    (out,) = weigh_cells([TaskTable(rows=rows)], stated={"4.1"}, period="năm 2023")
    assert [r.confidence for r in out.rows] == [0.9, 0.9, 0.6, 0.6, 0.6]
