"""Rows of a code-less, marked table that the line reader glued to the row above (issue 11).

A table printing no code gives each row's level by the mark opening its name (``marked_levels``):
"- …" a criterion, "+ …" a sub-criterion, a field's name unmarked. On a degraded OCR dump a row's
figures are often garbled past reading ("… định kỳ 22 “oe", "… theo thẩm caine 2"): the line
reader then finds no numbers to open a row on that line and takes it, with its mark, as the row
above's wrapped name or explanation. The row is lost without a word, and every code derived after
it in order is one place off: a whole field's criteria numbered under the field above, read as
invented rows.

The mark says what the reader could not: inside a row's lines, a later line opening with one of
the table's bullets and a capital ("- Thực hiện chế độ báo cáo …") opens a row of its own, as does
an unmarked line opening with a catalogued criterion's wording (a field's name: "Cải cách thủ tục
hành chính 18 17"); no wrapped name line or explanation opens so. Each such line is split off as a
row: its name the words from its line on, its figures lost (told by the unread reporter as a row
whose points were not read, never guessed), unless the row's figures are the ones printed at the
end of that very line (its own line garbled them), which then go with it.

The line reader opens a row on a bulleted line itself (``bullet_rows``), but only once three rows
have opened so: it cannot know the table's marks before. Here the whole table's marks are known,
so its first rows' glued lines ("+ Mức độ hoàn thành …" under its first criterion) are split too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import dropwhile, takewhile

from rapidfuzz import fuzz

from extract.model import Line
from extract.segment.line_common import line_tokens
from extract.segment.line_split import criterion_catalogue
from extract.segment.marked_levels import (
    MARK_SPECKS,
    MarkedLevelSettings,
    line_bullet,
    mark_line,
    marked_names,
    name_mark,
    unspecked,
)
from extract.segment.row_draft import RowDraft
from normalize.lazy_regex import lazy_compile
from normalize.text import fold, fold_words


@dataclass(frozen=True)
class GluedMarkSettings:
    # The glued row's line prints at least this many words before its figures, and that many of
    # them, in order, are looked for in the row above's name and explanation to take them back.
    match_words: int = 2
    # An unmarked line opens a field's row when its words (``_field_name``), this many characters
    # at least, are this near (fuzz.ratio, folded) to a catalogued wording's opening.
    field_chars: int = 20
    field_similarity: float = 85.0
    # Off: rows stay as the line reader glued them.
    on: bool = True


def split_glued_marks(
    drafts: Sequence[RowDraft],
    line_of: Mapping[int, Sequence[Line]],
    settings: GluedMarkSettings = GluedMarkSettings(),
    marks: MarkedLevelSettings = MarkedLevelSettings(),
) -> list[RowDraft]:
    """``drafts`` (rows read from lines) with each row glued inside another split off (see the
    module's note); as given when the table prints codes or its names carry no marks."""
    printed = sum(d.code is not None for d in drafts)
    if not settings.on or not drafts or printed > marks.max_printed_share * len(drafts):
        return list(drafts)
    firsts = [mark_line(d, line_of) for d in drafts]
    read = [name_mark(unspecked(f.text, MARK_SPECKS), f.bold, marks) if f is not None else None for f in firsts]
    if not marked_names(read, marks):
        return list(drafts)
    kinds = {m.kind for m in read if m is not None and m.kind not in ("field", "plain")}
    out: list[RowDraft] = []
    for draft, first in zip(drafts, firsts):
        if first is None:
            out.append(draft)
            continue
        cuts = [ln for ln in _lines_after(draft, first, line_of) if _opens_row(ln, kinds, settings)]
        out.extend(_split(draft, cuts, settings))
    return out


def _lines_after(draft: RowDraft, first: Line, line_of: Mapping[int, Sequence[Line]]) -> list[Line]:
    """The row's lines after the one its mark opens, on its page."""
    return [
        line
        for number in range(first.number + 1, draft.line_end + 1)
        for line in line_of.get(number, ())
        if line.page == draft.page
    ]


def _opens_row(line: Line, kinds: set[str], settings: GluedMarkSettings) -> bool:
    """A line that opens a row of its own: one of the table's bullets before a capital, or no mark
    and a catalogued criterion's wording (a field's name)."""
    text = _opening(line.text)
    bullet = line_bullet(text)
    if bullet is not None:
        return bullet in kinds
    text = unspecked(text)
    return name_mark(text, line.bold).kind in ("field", "plain") and _field_name(text, settings)


def _field_name(text: str, settings: GluedMarkSettings) -> bool:
    """The line opens a catalogued criterion's wording: its words up to the garbled cells OCR left
    at its end (short tokens, tokens with digits) near the wording's as many opening characters.
    The line's end is no part of the comparison: a field's figures garbled ("… quy phạm ee 55s")
    take a near wording under ``opens_criterion_name``'s bar, and an explanation's words ("Chưa đầy
    đủ tài liệu kiểm chứng") come no nearer than 75."""
    if not text[:1].isupper():
        return False
    words = fold_words(text).split()
    while words and (len(words[-1]) <= 2 or any(c.isdigit() for c in words[-1])):
        words.pop()
    core = " ".join(words)
    if len(core) < settings.field_chars:
        return False
    return any(
        len(name) >= settings.field_chars and fuzz.ratio(core, name[: len(core)]) >= settings.field_similarity
        for name in criterion_catalogue()
    )


def _opening(text: str) -> str:
    """The line with the marks before its first word cleaned: a ruling's bar OCR printed between
    a bullet and its words dropped, the bullet printed twice over it read once ("-| - Ban hành …"
    is the "- Ban hành …" printed)."""
    lead = _LEAD.match(text)
    marks = "".join(c for c in lead.group(0) if c not in _SPECKS).split() if lead else []
    if not marks or len(set(marks)) != 1:
        return text
    return f"{marks[0]} {text[lead.end() :]}" if lead else text


def _split(draft: RowDraft, cuts: list[Line], settings: GluedMarkSettings) -> list[RowDraft]:
    """``draft`` cut at each line of ``cuts``: the glued row named by that line's words (up to its
    figures), the words it gave the row above taken back from that row's name or explanation."""
    rows = [draft]
    for line in cuts:
        head = rows[-1]
        tokens = list(dropwhile(lambda t: bool(_MARK_TOKEN.match(t[1])), line_tokens(line)))
        name = list(takewhile(lambda t: not _figure(t[1]), tokens))
        if len(name) < settings.match_words:
            continue
        glued = RowDraft(
            name=name,
            page=head.page,
            line_start=line.number,
            line_end=head.line_end,
            confs=list(head.confs),
            started_by="text",
        )
        words = [fold(r) for _, r in name[: settings.match_words]]
        kept = replace(
            head,
            name=_before(head.name, words),
            explanation=_before(head.explanation, words),
            line_end=line.number - 1,
        )
        if _figures_at_end(line, head):  # (the row above garbled its own: these are the glued row's)
            glued.max_raw, glued.self_raw = head.max_raw, head.self_raw
            kept.max_raw = kept.self_raw = None
        rows[-1:] = [kept, glued]
    return rows


def _before(tokens: list[tuple[str, str]], words: list[str]) -> list[tuple[str, str]]:
    """``tokens`` up to where ``words`` (folded raw) run in them, past the first; all when not."""
    raws = [fold(raw) for _, raw in tokens]
    for k in range(1, len(raws) - len(words) + 1):
        if raws[k : k + len(words)] == words:
            return tokens[:k]
    return tokens


def _figure(raw: str) -> bool:
    return any(c.isdigit() for c in raw) and not any(c.isalpha() for c in raw)


def _figures_at_end(line: Line, draft: RowDraft) -> bool:
    """The row's figures read (both) are the last tokens of ``line``."""
    if draft.max_raw is None or draft.self_raw is None:
        return False
    tail = line.text.split()[-2:]
    return tail == [draft.max_raw, draft.self_raw]


# What precedes a line's first word or figure, and the specks among it that are no mark.
_LEAD = lazy_compile(r"^[^\p{L}\d]+")
_SPECKS = "|_:;'`‘’"
# A token that is a mark or specks alone ("-", "+", "|", "•").
_MARK_TOKEN = lazy_compile(r"^[^\p{L}\d]+$")
