"""A count's breakdown closed by a "Cộng" row, as a spreadsheet sums a group.

An annex may print each count's parts and close them with a row of no code labelled "Cộng"
("Cộng:", "Cộng mục 2", "Cộng (2)") holding their sum, the count's own row left blank (the figure
only on "Cộng") or holding it too. That row is no indicator of its own: it is the count's figure,
printed where the parts end. Read as a row it is an invented, uncoded indicator (or one the code
column repair numbers as the next item), and the count's blank row keeps no value, so the parts
are checked against nothing. The sum row gives its figure to the count it closes when the count's
own cell is blank and is then dropped; where the count prints a figure too the sum row is dropped
and, if the two differ, its figure stays in the count's note, nothing printed lost. The count it
closes is the one its label names ("Cộng (2)", "Cộng mục 2"), else the coded row the lettered
items or bullets just above belong to, else the nearest row above whose code encloses the code
of the row just above it (the last part's). A "Cộng" with no such count (a
flat list's total) is left as it was, and so is one read by OCR whose figure is not its parts' sum
(OCR splits "Cộng (4)" into the label "Cộng" and a figure "4": a typed page's sum is printed, a
scan's may be a misreading)."""

from __future__ import annotations

from extract.segment.stat_code_column import StatDraft
from normalize.codes import letter_item
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number
from normalize.text import fold

# "Cộng", "Cộng:", "Cộng mục 2", "Cộng (2)", "Cộng nhóm II": the word alone, then at most the
# group's name; never "Tổng cộng" (the annex's total) or "Cộng chuyển trang" (a page's carry).
_GROUP_SUM = lazy_compile(
    r"^cong\s*(?:(?:muc|nhom|phan)\s*)?(?:\(?\s*(?P<code>[0-9]+(?:\.[0-9]+)*|[ivx]+)\s*\)?)?\s*[:.]?$"
)


def sum_label_code(indicator: str) -> tuple[bool, str | None]:
    """(whether the label is a group's sum, the code it names if any)."""
    found = _GROUP_SUM.match(fold(indicator).strip())
    if found is None:
        return False, None
    return True, found.group("code")


def _encloses(outer: str, inner: str) -> bool:
    return inner.startswith(f"{outer}.")


def _closed_count(drafts: list[StatDraft], named: str | None) -> int | None:
    """Index of the count a sum row after ``drafts`` closes (see the module's docstring)."""
    if named is not None:
        found = [k for k, d in enumerate(drafts) if d.printed is not None and d.printed.upper() == named.upper()]
        return found[-1] if found else None
    if drafts and drafts[-1].printed is None and (drafts[-1].bullet or letter_item(drafts[-1].token or "")):
        # the parts are items ("a)", "b)", bullets) of the coded row above them: that row is the count
        return next((k for k in range(len(drafts) - 1, -1, -1) if drafts[k].printed), None)
    last = next((d.printed for d in reversed(drafts) if d.printed), None)
    if last is None:
        return None
    return next(
        (k for k in range(len(drafts) - 1, -1, -1) if drafts[k].printed and _encloses(drafts[k].printed or "", last)),
        None,
    )


def _figure(text: str) -> float | None:
    parsed = parse_number(text, kind="auto")
    return parsed.value if parsed is not None else None


def _sum_of_parts(drafts: list[StatDraft], head: int) -> float | None:
    """The sum of the figures of the rows the count at ``head`` encloses, None when one is unread."""
    code = drafts[head].printed or ""
    parts = [_figure(d.value_raw) for d in drafts[head + 1 :] if _encloses(code, d.printed or "")]
    if not parts or any(p is None for p in parts):
        return None
    return sum(p for p in parts if p is not None)


def _sum_holds(drafts: list[StatDraft], head: int, figure: str) -> bool:
    total, value = _sum_of_parts(drafts, head), _figure(figure)
    return total is not None and value is not None and abs(total - value) < 1e-6


def closed_groups(drafts: list[StatDraft]) -> list[StatDraft]:
    """The drafts with each group's "Cộng" row given to the count it closes."""
    out: list[StatDraft] = []
    for draft in drafts:
        is_sum, named = sum_label_code(draft.indicator) if draft.printed is None else (False, None)
        head = _closed_count(out, named) if is_sum and draft.value_raw.strip() else None
        if head is not None and draft.ocr and not _sum_holds(out, head, draft.value_raw):
            head = None
        if head is None:
            out.append(draft)
            continue
        count = out[head]
        if not count.value_raw.strip():
            count.value_raw, count.unit = draft.value_raw, count.unit or draft.unit
        elif count.value_raw.strip() != draft.value_raw.strip():
            count.note = "; ".join(
                t for t in (count.note, f"{draft.indicator.strip()}: {draft.value_raw.strip()}") if t
            )
        count.line_end = max(count.line_end, draft.line_end)
    return out
