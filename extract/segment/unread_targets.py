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

A line inside the paragraph a target was read from is read only when a target of that paragraph
states its figure: a paragraph of four target sentences (OCR ran their lines into one) that gave two
targets lost the other two, whose lines the paragraph's place alone would hide.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from extract.model import IngestedDocument, Line, union_bbox
from extract.segment.narrative import NarrativeSettings, heading_level, shadow
from extract.segment.paragraphs import reading_lines
from extract.segment.target_signs import range_digits
from extract.segment.targets import in_target_context, percent_sign_read, percent_signs, undecided
from extract.segment.unread_set_aside import overlaps
from normalize.lazy_regex import lazy_compile
from schemas.records import Target, UnreadPart

# A figure a target states (folded text): a share ("85%", "100 %"), or a count with a floor or a
# bound ("tối thiểu 02", "ít nhất 3", "không dưới 5", "đạt trên 02 cuộc", "đạt dưới 3 hồ sơ"), or
# the floor of a range ("đạt từ 78 - 88%": its "%" may be what OCR spoilt, "từ 78 - B89,").
# (a floor's figure whole, its "%" with it: "ít nhất 75%" is one figure, 75)
_TARGET_FIGURE = lazy_compile(
    r"\b(?:(?:toi thieu|it nhat|khong duoi)\s+(?:co\s+)?|dat\s+(?:tren|duoi|tu)\s+)\d+(?:[.,]\d+)?(?:\s*%)?"
    r"|\d+(?:[.,]\d+)?\s*%"
)
# The figures a line prints ("02" is 2, "2,5" is 2.5).
_FIGURE = lazy_compile(r"\d+(?:[.,]\d+)?")
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
    targets: list[Target] | None = None,
) -> list[UnreadPart]:
    """One part per page of a plan whose OCR'd target-like sentences gave no item
    (``line_read(line, page)`` says whether an item read came from a line; a line a ``targets``'
    paragraph covers whose figure none of them states gave none)."""
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
        low = shadow(percent_signs(range_digits(line.text)))
        if not _TARGET_FIGURE.search(low) or _POINTS.search(low):
            continue
        if not (in_target_context(stack, narrative) or _undecided_plan(stack, narrative)):
            continue  # under tasks, solutions or past results
        if line_read(line, line.page) and _stated(line, targets or []):
            continue
        lost.setdefault(line.page, []).append(line)
    return [_part(page, found, settings) for page, found in sorted(lost.items())]


def _stated(line: Line, targets: list[Target]) -> bool:
    """Whether the targets read from the paragraph ``line`` lies in (their source covers it) state
    every target figure the line prints; a line no target's source covers was read by another item
    (a task row, a count), as ``line_read`` says."""
    covering = [t for t in targets if _covers(t, line)]
    if not covering:
        return True
    low = shadow(percent_signs(range_digits(line.text)))
    stated = {
        _stated_value(f.group(), m.group()) for m in _TARGET_FIGURE.finditer(low) for f in _FIGURE.finditer(m.group())
    }
    read = {v for t in covering for v in (t.value, t.value_max) if v is not None}
    return stated <= read


def _covers(target: Target, line: Line) -> bool:
    src = target.source
    if src.page != line.page:
        return False
    if src.line_start is not None and src.line_start <= line.number <= (src.line_end or src.line_start):
        return True
    return bool(src.bbox and line.bbox and overlaps(src.bbox, line.bbox, 0.5))


def _number(text: str) -> float:
    return float(text.replace(",", "."))


def _stated_value(figure: str, stated: str) -> float:
    """A figure's value as the target reader takes it: a share whose per cent sign's ring OCR read
    as a last "9" ("đạt 459%") states 45, as the target read from it does (``percent_sign_read``)."""
    value = _number(figure)
    return (percent_sign_read(figure, value) or value) if "%" in stated else value


def _undecided_plan(stack: list[tuple[int, str]], narrative: NarrativeSettings) -> bool:
    """No heading above says objectives, tasks or results (an objectives heading OCR spoilt reads
    as none of them)."""
    return undecided(stack, narrative) and not any(w in shadow(h) for _level, h in stack for w in _RESULT_WORDS)


# Where a sentence ends inside a line OCR's paragraph ran together ("… thực hiện. Số cuộc …").
_SENTENCE_END = lazy_compile(r"(?<=[.;])\s+(?=\S)")


def _figure_sentences(text: str) -> str:
    """The sentences of a line that state a target's figure (a paragraph OCR ran together holds
    others: the purpose above, a heading), all of it when none is found apart."""
    kept = [s for s in _SENTENCE_END.split(text.strip()) if _TARGET_FIGURE.search(shadow(percent_signs(s)))]
    return " ".join(kept) if kept else text.strip()


def _part(page: int, lines: list[Line], settings: UnreadTargetSettings) -> UnreadPart:
    text = " | ".join(_figure_sentences(line.text) for line in lines)
    sample = text if len(text) <= settings.sample_chars else text[: settings.sample_chars - 1] + "…"
    boxes = [line.bbox for line in lines if line.bbox]
    return UnreadPart(
        page=page,
        kind="rows",
        reason=f"{len(lines)} line(s) of the plan state a target's figure (a share, a floor) that was not read "
        "as a target (its objectives heading or its figure spoilt by OCR)",
        text_sample=sample,
        line_start=min(line.number for line in lines),
        line_end=max(line.number for line in lines),
        bbox=list(union_bbox(boxes)) if boxes else None,
    )
