"""A scanned plan's target sentences that were not read as targets: told, not dropped.

A plan states its targets as sentences of figures under its objectives ("100% thủ tục hành chính
được công khai", "Tỷ lệ hồ sơ … đạt 95%", "tối thiểu 02 sáng kiến"). ``extract.segment.targets``
reads them under a heading it recognises as objectives; on a scan OCR spoils that heading ("I.MUC
TIÊU" read "LMỤC TLÊU") or a sentence's sign, and the targets were then lost with nothing said:
the output looked like a plan that states no target. Every OCR'd line of a plan that states such a
figure (a share, or a count after "tối thiểu / ít nhất / không dưới"), that no item read came
from, and that stands where no heading says tasks or past results, is gathered into one unread
part (kind ``rows``) per page, with its lines' text, so a person reads the targets. Typed pages
are left alone: their headings and signs are printed as typed, and a sentence that gave no target
there was not a target.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line
from extract.segment.narrative import NarrativeSettings, heading_level, shadow
from extract.segment.paragraphs import reading_lines
from extract.segment.targets import in_target_context, percent_signs, undecided
from normalize.lazy_regex import lazy_compile
from schemas.records import UnreadPart

# A figure a target states (folded text): a share ("85%", "100 %"), or a count with a floor
# ("tối thiểu 02", "ít nhất 3", "không dưới 5").
_TARGET_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)?\s*%|\b(?:toi thieu|it nhat|khong duoi)\s+(?:co\s+)?\d")
# Points are a score stated ("đạt 2/4 điểm", "77,23 điểm"), a report's result, not a target.
_POINTS = lazy_compile(r"\bdiem\b|\d\s*/\s*\d")
# A plan's title line ("KẾ HOẠCH Cải cách hành chính năm 2024"), folded.
_PLAN_TITLE = lazy_compile(r"^[\s*#]*ke hoach\b")
# Headings of a report's past results: their shares are what was achieved, not targets.
_RESULT_WORDS = ("ket qua", "danh gia", "tinh hinh")


@dataclass(frozen=True)
class UnreadTargetSettings:
    # Characters of the lines' text kept in ``text_sample`` (a few sentences, enough to find them).
    sample_chars: int = 240


def unread_targets(
    doc: IngestedDocument,
    line_read: Callable[[Line, int], bool],
    settings: UnreadTargetSettings = UnreadTargetSettings(),
    narrative: NarrativeSettings = NarrativeSettings(),
) -> list[UnreadPart]:
    """One part per page of a plan whose OCR'd target-like sentences gave no item
    (``line_read(line, page)`` says whether an item read came from a line)."""
    lines = reading_lines(doc)
    if not any(_PLAN_TITLE.match(shadow(line.text)) for line in lines):
        return []
    stack: list[tuple[int, str]] = []
    lost: dict[int, list[Line]] = {}
    for line in lines:
        level = heading_level(line, narrative)
        if level:
            stack = [h for h in stack if h[0] < level] + [(level, line.text)]
            continue
        if line.conf is None:
            continue  # typed text: what gave no target was none
        low = shadow(percent_signs(line.text))
        if not _TARGET_FIGURE.search(low) or _POINTS.search(low):
            continue
        if not (in_target_context(stack, narrative) or _undecided_plan(stack, narrative)):
            continue  # under tasks, solutions or past results
        if line_read(line, line.page):
            continue
        lost.setdefault(line.page, []).append(line)
    return [_part(page, found, settings) for page, found in sorted(lost.items())]


def _undecided_plan(stack: list[tuple[int, str]], narrative: NarrativeSettings) -> bool:
    """No heading above says objectives, tasks or results (an objectives heading OCR spoilt reads
    as none of them)."""
    return undecided(stack, narrative) and not any(w in shadow(h) for _level, h in stack for w in _RESULT_WORDS)


def _part(page: int, lines: list[Line], settings: UnreadTargetSettings) -> UnreadPart:
    text = " | ".join(line.text.strip() for line in lines)
    sample = text if len(text) <= settings.sample_chars else text[: settings.sample_chars - 1] + "…"
    return UnreadPart(
        page=page,
        kind="rows",
        reason=f"{len(lines)} line(s) of the plan state a target's figure (a share, a floor) that was not read "
        "as a target (its objectives heading or its figure spoilt by OCR)",
        text_sample=sample,
        line_start=min(line.number for line in lines),
        line_end=max(line.number for line in lines),
    )
