"""An annex printed as lines whose header sets a plan's column before the result's ("Kế hoạch năm
2024 | Thực hiện 6 tháng đầu năm 2024"): a row printing two figures prints the plan first, and the
figure the annex reports is the second (the grid reader takes the result's column by its label,
``statistics.column_roles``; a line has no columns, only the labels' order). A row printing one
figure printed its result alone (the plan cell of a part's row is blank), so it stays the value."""

from __future__ import annotations

from extract.segment.stat_line_cells import _is_figure
from extract.segment.stat_line_figures import _FIGURE_SPECKS
from normalize.numbers import parse_number
from normalize.text import fold

# A plan and its result count the same thing over one period: a figure after the first more than
# this many times smaller or larger is a speck or a note's, not the result ("49 4").
_PLAN_RESULT_RATIO = 4.0
# Label words as OCR leaves them: "Kế hoạch" glued ("Kếhoạch") or its first word garbled ("Ỷ
# hoạch"); "Thực hiện" wrapped ("Thực" / "hiện"), "Kết quả".
_PLAN_WORDS = ("hoach", "kehoach")
_RESULT_WORDS = ("thuc", "thuchien", "ket", "ketqua")
# "Chỉ tiêu kế" / "hoạch": a plan's label wrapped after "kế", its "hoạch" on the header's next line,
# after the result's label of the first; "kế" alone is the plan's only after "tiêu" ("thống kê" is
# a statistic's word, not a plan's).
_PLAN_OPENING = ("tieu", "ke")
# The plan's label with its words glued by OCR ("Chitiêuké", "Kếhoạch" read "kehoach").
_PLAN_GLUED = ("tieuke", "kehoach")


# The row number's label, the header's first column: the words before it are the annex's title
# above the header ("SỐ LIỆU KẾT QUẢ THỰC HIỆN …"), whose "thực hiện" labels no column.
_NUMBER_LABELS = ("tt", "stt")


def plan_first(header: str) -> bool:
    """Whether a header's folded words name the plan's column before the result's."""
    words = _column_labels([w.strip(".,:;|()_-") for w in fold(header).split()])
    plan = next(
        (
            k
            for k, w in enumerate(words)
            if w in _PLAN_WORDS or w.endswith(_PLAN_GLUED) or (k > 0 and (words[k - 1], w) == _PLAN_OPENING)
        ),
        None,
    )
    result = next((k for k, w in enumerate(words) if w in _RESULT_WORDS), None)
    if result is not None and (plan is None or plan > result):
        plan = _plan_label_wrapped(words, result)
    return plan is not None and result is not None and plan < result


def _column_labels(words: list[str]) -> list[str]:
    """The header's words from its row number's label on (all of them when none is read)."""
    opening = next((k for k, w in enumerate(words) if w in _NUMBER_LABELS), 0)
    return words[opening:]


# The indicator's label ("Nội dung"): where the header prints it, a "Chỉ tiêu" after it labels
# another column, the plan's ("Chỉ tiêu kế hoạch").
_INDICATOR_LABEL = ("noi", "dung")
_TARGET = ("chi", "tieu")
_TARGET_GLUED = "chitieu"


def _plan_label_wrapped(words: list[str], result: int) -> int | None:
    """Where the plan's label opens when its words wrap across the header's lines and the joined
    text sets them apart ("… Nội dung | ĐVT | Chỉtiêu | Kết quả | …" / "kế hoạch | thực hiện | …":
    the plan's "kế hoạch" comes after the result's "Kết quả" in the text, not on the page). A
    "Chỉ tiêu" before the result's label, after the indicator's "Nội dung", with "hoạch" after it,
    is the plan's label, another label standing between them: the indicator's column is labelled
    already. None otherwise."""
    indicator = next((k for k in range(1, len(words)) if (words[k - 1], words[k]) == _INDICATOR_LABEL), None)
    if indicator is None:
        return None
    # (another label between them, "ĐVT": "Nội dung chỉ tiêu" is the indicator's label whole)
    for k in range(indicator + 2, result):
        opens = k if words[k] == _TARGET_GLUED else k - 1 if (words[k - 1], words[k]) == _TARGET else None
        if opens is not None and opens > indicator + 1:
            return opens if any(w in _PLAN_WORDS for w in words[k + 1 :]) else None
    return None


def result_after_plan(value: str, note: str) -> tuple[str, str]:
    """(figure, note) of a row under a plan-first header: the note's opening figure is the
    result's, the figure read before it the plan's (kept at the note's head, nothing dropped)."""
    words = note.split()
    while words and not any(ch.isalnum() for ch in words[0]):
        words = words[1:]  # (the grid's specks between the two cells: "50 : 42")
    if not value or not words:
        return value, note
    result = words[0].rstrip(".,:;").strip(_FIGURE_SPECKS)  # ("26°": the grid's speck glued on)
    if _is_figure(result):
        return (result, " ".join([value, *words[1:]])) if _same_magnitude(value, result) else (value, note)
    if any(ch.isdigit() for ch in words[0]):
        # (the result's figure OCR garbled, "100 | B888": lost, not the plan's 100 in its place)
        return "", " ".join([value, *words])
    return value, note


def _same_magnitude(plan: str, result: str) -> bool:
    """Whether two printed figures can be a plan and its result (within ``_PLAN_RESULT_RATIO``)."""
    read = parse_number(plan, kind="auto"), parse_number(result, kind="auto")
    if read[0] is None or read[1] is None:
        return False
    a, b = read[0].value, read[1].value
    if a == 0 or b == 0:
        return a == b
    return 1 / _PLAN_RESULT_RATIO <= b / a <= _PLAN_RESULT_RATIO
