"""Bonus and penalty points printed after a score table's total row, and the total they make.

Some provinces' indices add points for an initiative ("Điểm thưởng", "Điểm cộng (thưởng)") and
take points for a breach or a late report ("Điểm trừ", "Điểm bị trừ") after the criteria's sum,
then print the result ("Tổng điểm sau khi cộng, trừ", "Tổng điểm cuối cùng"). They are no
criteria: read as rows they were invented criteria whose points broke the table's sums, and the
adjusted total is not the criteria's stated total. So a codeless row under the total that names
one of them is kept as an adjustment of the table (``ScoreTable.adjustments``), and the adjusted
total is checked against the sum, the bonus and the penalty (``cchc_extract.reconcile.adjusted``).
"""

from __future__ import annotations

import regex as re

from extract.model import IngestedDocument, Line, Table
from extract.segment.joined import JoinedTable
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold, fold_words
from schemas.records import ScoreAdjustment

BONUS, PENALTY, ADJUSTED = "bonus", "penalty", "adjusted_total"
# The maximum with the criteria not scored counted out ("Tổng điểm tối đa sau khi trừ: 57,5 điểm",
# "tổng điểm chuẩn tính lại là 57,5 điểm"), printed under the table: no total of the points scored.
COUNTED_OUT = "counted_out_max"
# Folded label openings. A bonus: "điểm thưởng", "điểm cộng (thưởng)", "điểm được cộng", "điểm
# cộng thêm"; a penalty: "điểm trừ", "điểm bị trừ"; the adjusted total: a total said to come after
# the adding and taking ("sau khi cộng, trừ", "sau cộng trừ"), or the final one ("cuối cùng").
_BONUS = lazy_compile(r"^diem\s+(?:duoc\s+)?(?:thuong|cong(?:\s+thuong|\s+them)?)\b")
_PENALTY = lazy_compile(r"^diem\s+(?:bi\s+)?tru\b")
_ADJUSTED = lazy_compile(r"^tong\b.*\b(?:sau\s+(?:khi\s+)?cong\s+tru|sau\s+(?:khi\s+)?(?:cong|tru)|cuoi\s+cung)\b")


def adjustment_kind(label: str) -> str | None:
    """``BONUS``, ``PENALTY`` or ``ADJUSTED`` for a row's label that names one, else None."""
    folded = fold_words(label)
    if _ADJUSTED.match(folded):
        return ADJUSTED
    if _PENALTY.match(folded):
        return PENALTY
    if _BONUS.match(folded):
        return BONUS
    return None


def adjustment(kind: str, label: str, figures: list[str | None], note: str = "") -> ScoreAdjustment:
    """The adjustment a row prints: its first figure read as points, unsigned (a penalty printed
    "-1,5" takes the same 1.5 points as one printed "1,5"); None when no cell holds a figure."""
    points = None
    for raw in figures:
        parsed = parse_number(raw, "score") if raw else None
        if parsed is not None and parsed.value is not None:
            points = abs(parsed.value)
            break
    return ScoreAdjustment(kind=kind, label=" ".join(label.split()), points=points, note=" ".join(note.split()))


# A line under the table that states one ("- Điểm thưởng: 1,5 điểm (sáng kiến …).", "+ Điểm bị
# trừ: -1,5 điểm", "Tổng điểm sau khi cộng, trừ: 84 điểm"): its label, its figure, its reason.
_STATED = lazy_compile(
    r"^\s*[-+•*–]?\s*(?P<label>[^:]{4,80}?)\s*:\s*(?P<figure>[-–+]?\s*\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*"
    r"(?:\((?P<note>.*)\))?\s*[.;]?\s*$",
    re.I,
)
# How many lines under a table are looked at for them: they follow it at once, one a line.
_LINES_UNDER = 6


# The counted-out maximum anywhere in its line (folded): after a note's opening ("Ghi chú: …") or a
# count of the points taken out ("… không chấm điểm (không phát sinh): 11 điểm; …").
_COUNTED_OUT = lazy_compile(
    r"\bdiem\s+(?:toi\s+da|chuan)\b[^.;:\d]{0,30}?\b(?:sau\s+khi\s+tru|tinh\s+lai)\b\D{0,12}?"
    r"(?P<figure>\d+(?:[.,]\d+)?)"
)


def stated_adjustment(text: str) -> ScoreAdjustment | None:
    """The adjustment a line under a table states, else None."""
    m = _STATED.match(text)
    kind = adjustment_kind(m.group("label")) if m else None
    counted = _COUNTED_OUT.search(fold(text)) if not kind else None
    if counted:
        return adjustment(COUNTED_OUT, " ".join(text.split()), [counted.group("figure")])
    if not m or not kind:
        return None
    figure = m.group("figure").replace(" ", "").replace("–", "-")
    return adjustment(kind, m.group("label"), [figure], m.group("note") or "")


def adjustments_under(doc: IngestedDocument, table: JoinedTable) -> list[ScoreAdjustment]:
    """The adjustments stated in the lines just under a table, one a line, up to the first line
    that states none (after at least one that does) or the next table."""
    found: list[ScoreAdjustment] = []
    texts: list[str] = []
    for block in list(doc.blocks())[table.block_index + 1 :]:
        if isinstance(block, Table):
            if block.line_end <= table.line_end:
                continue  # a later fragment of the same table
            break
        if not isinstance(block, Line):
            break
        if block.number <= table.line_end or not block.text.strip():
            continue
        texts.append(block.text)
        if len(texts) >= _LINES_UNDER:
            break
    for text in statements(texts):
        stated = stated_adjustment(text)
        if stated:
            found.append(stated)
        elif found:
            break
    return found


def statements(texts: list[str]) -> list[str]:
    """The lines under a table as the statements they print: a line whose bracket is left open
    runs on to the next (a PDF wraps "- Điểm thưởng …: 1,5 điểm (Mô hình … được" onto "nhân
    rộng)."; a DOCX keeps the paragraph whole), up to the line that closes it."""
    out: list[str] = []
    for text in texts:
        if out and out[-1].count("(") > out[-1].count(")"):
            out[-1] = f"{out[-1]} {text.strip()}"
        else:
            out.append(text)
    return out
