"""A task's budget printed in its deadline's cell: "Quý II - III⏎Kinh phí: 15 triệu đồng", or in
brackets after the deadline, "Quý I/2025 (15)", under a header naming both ("Thời gian, kinh phí
thực hiện", "Thời gian (kinh phí, triệu đồng)"). The deadline is the quarter or date alone; the
budget goes to the task's ``budget`` (as printed), never into the deadline nor into a footnote
marker ("(15)" read as a note's number). A bracket after a deadline under a header that names no
budget stays the deadline's ("Quý I (trước 15/3)")."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from normalize.text import fold


@dataclass(frozen=True)
class TaskBudgetSettings:
    # Folded words of a header that names the budget beside the deadline in one column.
    budget_words: tuple[str, ...] = ("kinh phi", "du toan")
    # The words and colon that open a budget's own line or clause in the cell ("Kinh phí: 15 triệu
    # đồng"); the colon is required, so a deadline's own words ("trước khi cấp kinh phí") stay.
    budget_label: str = r"(?:kinh\s+phí|dự\s+toán)(?:\s+thực\s+hiện)?\s*:"
    # What OCR reads an opening bracket as, glued to the figure after it ("G6)", "C15)", "{6)",
    # "q2)"), under a header naming the budget: a closing bracket with no opening one. Any one glyph
    # but a digit, a space or a bracket (a regex class): the bracket's curve comes back as whatever
    # letter or mark it looks like, never as a word.
    bracket_lookalikes: str = r"^\s\d()"


_SETTINGS = TaskBudgetSettings()
# A total row's label opening its first printed cell ("Tổng cộng", "Tổng kinh phí", "Cộng"; OCR may
# drop the marks), and a figure of its sums ("97", "57,5", an unpriced "-").
_TOTAL_LABEL = re.compile(r"(?i)^\s*(?:t[oổ]ng(?:\s+(?:c[oộ]ng|kinh\s+ph[ií]))?|c[oộ]ng)\s*:?\s*$")
_SUM = re.compile(r"^\s*(?:\d[\d.,]*|[-–])\s*$")


def header_names_budget(label: str, settings: TaskBudgetSettings = _SETTINGS) -> bool:
    """Whether a column's label names a budget ("… kinh phí …")."""
    folded = fold(label)
    return any(word in folded for word in settings.budget_words)


def deadline_and_budget(text: str, bracketed: bool, settings: TaskBudgetSettings = _SETTINGS) -> tuple[str, str]:
    """(deadline, budget) of a deadline cell: a clause opened by the budget's label ("Kinh phí:
    …") is the budget wherever it stands; with ``bracketed`` (the header names the budget), so is
    a bracket closing the cell ("Quý I/2025 (15)", "Quý II - III (Ngân sách xã)"). ("", "") for a
    blank cell; the budget "" when the cell prints none."""
    labelled = re.search(rf"(?i)[\s;,.–-]*\b(?:{settings.budget_label})\s*(?P<budget>.*)$", text, re.S)
    if labelled and labelled.start() > 0:
        return text[: labelled.start()].strip(), " ".join(labelled["budget"].split())
    closing = re.search(r"\s*\((?P<budget>[^()]+)\)\s*$", text) if bracketed else None
    if bracketed and closing is None and "(" not in text:
        # a scan's opening bracket read as a letter glued to the figure ("Quý I, II G6)" for
        # "(6)", "Quý I/2026 q2)"): a closing bracket with no opening one, after a figure alone
        closing = re.search(rf"\s+[{settings.bracket_lookalikes}](?P<budget>\d[\d.,]*)\)\s*$", text)
        # ... or the bracket and the figure's first digit read as one glyph ("IV Œ,5)" for "IV
        # (7,5)"): the glyph stands for a digit, so the budget is kept as read, glyph and all
        closing = closing or re.search(rf"\s+(?P<budget>[{settings.bracket_lookalikes}][.,]\d+)\)\s*$", text)
    if bracketed and closing is None and text.count("(") == 1 and ")" not in text:
        # a scan's closing bracket OCR lost ("Thường xuyên (25"): a bracket opened on a figure
        # alone, closing the cell
        # (a year is the deadline's own: "Tháng 3 (2023")
        closing = re.search(r"\s*\((?P<budget>(?!(?:19|20)\d\d\s*$)\d[\d.,]*)\s*$", text)
    if closing and closing.start() > 0:
        return text[: closing.start()].strip(), " ".join(closing["budget"].split())
    return text, ""


def budget_apart(values: dict[str, str], labels: dict[str, str], settings: TaskBudgetSettings = _SETTINGS) -> None:
    """Move a budget printed in the deadline's cell to ``values["budget"]`` (when no budget column
    of its own holds one). ``labels``: each mapped field's header label."""
    deadline = values.get("deadline") or ""
    if not deadline or values.get("budget"):
        return
    bracketed = header_names_budget(labels.get("deadline", ""), settings)
    when, budget = deadline_and_budget(deadline, bracketed, settings)
    if budget:
        values["deadline"], values["budget"] = when, budget


def total_row(cells: list[str]) -> bool:
    """Whether a task grid's row is its total ("Tổng cộng | | | 57,5"): a total's label alone in
    its first printed cell and nothing but sums after it. It sums the costs and is no task; read
    before the sections are, so a total printed first, right under the header, neither opens a
    section nor moves the numbering of the headings under it."""
    printed = [c for c in cells if c.strip()]
    label = printed[0].strip() if printed else ""
    # (a label merged across the code, task and product cells: repeated in each)
    return bool(_TOTAL_LABEL.match(label)) and all(_SUM.match(c) or c.strip() == label for c in printed[1:])
