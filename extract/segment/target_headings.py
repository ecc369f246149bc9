"""A plan part's heading as OCR reads it off a scan, put back on a line of its own for the targets'
reader (``extract.segment.targets``): joined to the paragraph under it, its roman numeral misread
or glued to its title, or joined to the end of the paragraph above it."""

from __future__ import annotations

from dataclasses import replace

import regex as re

from extract.model import Line
from extract.segment.narrative import NarrativeSettings, heading_level, shadow
from normalize.lazy_regex import lazy_compile

__all__ = ["heading_parted"]


# A part's heading OCR joined to the paragraph under it (".L MỤC TIÊU ._ Tỷ lệ hồ sơ …"): a
# roman numeral (in OCR's look-alikes, specks around it), a title in capitals, then a sentence.
_JOINED_HEADING = lazy_compile(
    r"^[^\p{L}\p{N}]{0,3}(?P<num>[IVXLTHl|]{1,4})[^\p{L}\p{N}]{1,3}(?P<title>(?:\p{Lu}+\s+){0,6}\p{Lu}{2,})"
    r"[^\p{L}\p{N}]*?\s(?=[^\p{L}\p{N}]{0,2}\p{Lu}\p{Ll})"
)


# A part's heading alone on its line whose roman numeral OCR read as "L" or "l" and whose full
# stop it lost ("L MỤC TIÊU" for "I. MỤC TIÊU"): ``heading_level`` wants an I, V, X or H in a
# numeral without its stop ("TL CHỦ TỊCH" is a signature's title), so the title must name a plan's
# part (settings' objectives and tasks words) for the line to be taken as one.
_LONE_NUMERAL_HEADING = lazy_compile(
    r"^[^\p{L}\p{N}]{0,3}(?P<num>[Ll|])\s+(?P<title>\p{Lu}{2,}(?:\s+\p{Lu}+){1,8})[^\p{L}\p{N}]{0,3}$"
)


# A part's title after a numeral OCR glued to it, its stop read as a letter ("ILMỤC TIÊU _" for
# "II. MỤC TIÊU"), or after a numeral OCR misread behind a speck ("- I.MỤC TIÊU", "- HL NHIỆM VỤ"
# for "II." and "III.": the speck keeps the line from reading as a heading): the numeral's
# look-alikes, its stop or none, then the title in capitals ending the line.
_GLUED_TITLE = lazy_compile(r"[.,:)]?\s*(?P<title>\p{Lu}{2,}(?:\s+\p{Lu}+){1,8})[^\p{L}\p{N}]{0,3}")
_NUMERAL_LOOKALIKES = "IVXLTHl|"


# The same heading joined to its paragraph with its numeral glued to the title, the stop lost or
# read as a letter ("- LMỤC TIÊU | Tỷ lệ hồ sơ …" for "I. MỤC TIÊU" over "Tỷ lệ hồ sơ …"): taken
# only when the title names a plan's part, since capitals glued to capitals are words too ("HĐND").
_GLUED_JOINED_HEADING = lazy_compile(
    r"^[^\p{L}\p{N}]{0,3}[IVXLl|]{1,3}(?P<title>(?:\p{Lu}+\s+){0,6}\p{Lu}{2,})"
    r"[^\p{L}\p{N}]*?\s(?=[^\p{L}\p{N}]{0,2}\p{Lu}\p{Ll})"
)


def _lone_part_heading(line: Line, settings: NarrativeSettings) -> Line | None:
    """The line as a level-1 heading "I. TITLE" when it is a plan part's title under a numeral OCR
    misread (``_LONE_NUMERAL_HEADING``) or glued to it (``_GLUED_TITLE``: where the numeral ends is
    where the rest names a part); else None."""
    text = line.text.strip()
    m = _LONE_NUMERAL_HEADING.match(text)
    titles = [m.group("title")] if m else _glued_titles(text)
    title = next((t for t in titles if _names_a_part(t, settings)), None)
    if title is None or heading_level(line, settings):
        return None
    return replace(line, text=f"I. {title}", raw=None)


def _glued_titles(text: str) -> list[str]:
    """The titles a line may print after a numeral glued to it, one per place the numeral may end."""
    core = re.sub(r"^[^\p{L}\p{N}]{0,3}", "", text)
    out = []
    for k in range(1, 5):
        if k >= len(core) or core[k - 1] not in _NUMERAL_LOOKALIKES:
            break
        m = _GLUED_TITLE.fullmatch(core[k:])
        if m:
            out.append(m.group("title"))
    return out


# A plan part's heading a scan's reading joined to the end of the paragraph above it ("… trong tổ
# chức thực hiện. 1I. CHỈ TIÊU CỤ THỂ", "… 01 sáng kiến. _ H,NHIỆM VỤ CỤ THỂ"): after a sentence's
# end, a numeral in OCR's look-alikes ("1I", "H"), its stop or none, a title in capitals ending the line.
_TRAILING_HEADING = lazy_compile(
    r"(?<=[.;:!?])\s+[^\p{L}\p{N}\s]{0,2}\s*(?P<num>(?=[IVXLTHl|1]*[IVXLH])[IVXLTHl|1]{1,4})\s*[.,:)]?\s*"
    r"(?P<title>\p{Lu}{2,}(?:[\s,]+\p{Lu}+){0,8})[^\p{L}\p{N}]{0,3}$"
)


def _names_a_part(title: str, settings: NarrativeSettings) -> bool:
    """Whether a heading's title opens a plan's objectives or tasks part (settings' words)."""
    low = shadow(title)
    return any(low.startswith(w) for w in settings.target_heading_words + settings.task_heading_words)


def _trailing_part_heading(line: Line, settings: NarrativeSettings) -> list[Line] | None:
    """The line as its paragraph and a plan part's heading joined to its end (``_TRAILING_HEADING``),
    the heading as "I. TITLE"; else None."""
    if heading_level(line, settings):
        return None
    m = _TRAILING_HEADING.search(line.text)
    if m is None or not _names_a_part(m.group("title"), settings):
        return None
    head = replace(line, text=f"I. {m.group('title')}", raw=None)
    return [replace(line, text=line.text[: m.start()].rstrip(), raw=None), head]


def heading_parted(line: Line, settings: NarrativeSettings) -> list[Line]:
    """The line as its heading and its body when OCR joined the two (``_JOINED_HEADING``) and
    the heading part reads as a part's heading; a plan part's heading whose numeral OCR misread
    as that heading (``_lone_part_heading``); its paragraph and a part's heading joined to its
    end (``_trailing_part_heading``); else the line."""
    lone = _lone_part_heading(line, settings)
    if lone is not None:
        return [lone]
    trailing = _trailing_part_heading(line, settings)
    if trailing is not None:
        return trailing
    m = _JOINED_HEADING.match(line.text)
    if m is None and not heading_level(line, settings):
        return _glued_joined_heading(line, settings)
    if m is None or heading_level(line, settings):
        return [line]
    head = replace(line, text=f"{m.group('num')}. {m.group('title')}", raw=None)
    if heading_level(head, settings) != 1:
        return [line]
    return [head, replace(line, text=line.text[m.end() :], raw=None)]


def _glued_joined_heading(line: Line, settings: NarrativeSettings) -> list[Line]:
    """A part's heading whose numeral OCR glued to its title, joined to the paragraph under it
    (``_GLUED_JOINED_HEADING``), as the heading "I. TITLE" and the paragraph; else the line."""
    m = _GLUED_JOINED_HEADING.match(line.text)
    if m is None or not _names_a_part(m.group("title"), settings):
        return [line]
    head = replace(line, text=f"I. {m.group('title')}", raw=None)
    # a rule's speck between the two ("| Tỷ lệ"): no part of the paragraph
    return [head, replace(line, text=line.text[m.end() :].lstrip(" |_"), raw=None)]
