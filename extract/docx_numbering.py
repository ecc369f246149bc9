"""Word's automatic numbering, written out: the "1.", "1.1.", "a)", "II." a paragraph shows but
does not hold in its text. Communes number a score table's STT column, a plan's headings and its
tasks with Word's numbering button as often as by hand; the text of such a paragraph is only what
follows the number, so a table whose codes were all numbering read as a table with no codes (not
recognised, told unread) and a numbered heading as plain text.

The labels are computed once per document, in the body's order (``numbering.xml``: each list
instance ``w:num`` points to an abstract definition's levels — start, format, the label pattern
"%1.%2." — and may restart a level with ``startOverride``; a paragraph joins a list by its own
``w:numPr`` or its style's). Counters are kept per abstract definition, as Word continues a list
across instances that restart nothing; a level's count restarts after a shallower level's item.
"""

from __future__ import annotations

from dataclasses import dataclass

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
LEVELS = 9
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_LETTERS = "abcdefghijklmnopqrstuvwxyz"


@dataclass(frozen=True)
class Level:
    start: int = 1
    fmt: str = "decimal"  # decimal, decimalZero, lowerLetter, upperLetter, lowerRoman, upperRoman, bullet, none
    text: str = "%1."  # the label's pattern: %k is level k's count
    legal: bool = False  # w:isLgl: every count written in decimal ("1.1." under a roman part)


def list_labels(document) -> dict:
    """{paragraph element: its number's label} for every numbered paragraph of the body."""
    try:
        numbering = document.part.numbering_part.element
    except Exception:  # no numbering.xml: nothing is numbered
        return {}
    if numbering.find(W + "num") is None:
        return {}  # no list instance: nothing is numbered (python-docx's template has none)
    abstract = {a.get(W + "abstractNumId"): _levels(a) for a in numbering.iter(W + "abstractNum")}
    instances = {}
    for num in numbering.iter(W + "num"):
        ref = num.find(W + "abstractNumId")
        overrides = {}
        for override in num.iter(W + "lvlOverride"):
            start = override.find(W + "startOverride")
            if start is not None and (start.get(W + "val") or "").isdigit():
                overrides[_int(override.get(W + "ilvl"))] = int(start.get(W + "val"))
        instances[num.get(W + "numId")] = (ref.get(W + "val") if ref is not None else None, overrides)
    counts: dict[str, list[int | None]] = {}
    restarted: set[tuple[str, int]] = set()
    labels = {}
    body = document.element.body
    by_style = _style_lists(document, {st.get(W + "val") for st in body.iter(W + "pStyle")})
    # Only paragraphs with a list property of their own or a numbering style can be numbered: found
    # by the parser's search, not by a look at every paragraph (a long report has thousands).
    # (elements, not ids: a set holding them keeps lxml's proxies alive, so the body's walk below
    # meets the same objects)
    candidates = {pr.getparent().getparent() for pr in body.iter(W + "numPr")}
    candidates |= {st.getparent().getparent() for st in body.iter(W + "pStyle") if st.get(W + "val") in by_style}
    if not candidates:
        return {}
    # the VML copies of text boxes: their shapes' own paragraphs are counted
    copies = {q for fallback in body.iter(MC_FALLBACK) for q in fallback.iter(W + "p")}
    for p in body.iter(W + "p"):
        if p not in candidates or p in copies:
            continue
        num_id, ilvl = _num_pr(p, by_style)
        if num_id is None or num_id not in instances:
            continue
        abstract_id, overrides = instances[num_id]
        levels = abstract.get(abstract_id, {})
        if ilvl not in levels:
            continue
        count = counts.setdefault(abstract_id or "", [None] * LEVELS)
        if ilvl in overrides and (num_id, ilvl) not in restarted:
            restarted.add((num_id, ilvl))  # a list instance restarting this level: from its start
            count[ilvl] = overrides[ilvl] - 1
        last = count[ilvl]
        count[ilvl] = levels[ilvl].start if last is None else last + 1
        for deeper in range(ilvl + 1, LEVELS):
            count[deeper] = None
        label = _label(levels, count, ilvl)
        if label:
            labels[p] = label
    return labels


def _label(levels: dict[int, Level], count: list[int | None], ilvl: int) -> str:
    level = levels[ilvl]
    if level.fmt == "none":
        return ""
    if level.fmt == "bullet":
        return "+" if level.text.strip() == "+" else "-"
    text = level.text
    for k in range(LEVELS - 1, -1, -1):
        if f"%{k + 1}" in text:
            shown = levels.get(k, Level())
            counted = count[k]
            value = counted if counted is not None else shown.start
            fmt = "decimal" if level.legal and k != ilvl else shown.fmt
            text = text.replace(f"%{k + 1}", _formatted(value, fmt))
    return text.strip()


def _formatted(value: int, fmt: str) -> str:
    if fmt in ("lowerLetter", "upperLetter"):
        letters = _LETTERS[(value - 1) % 26] * ((value - 1) // 26 + 1) if value >= 1 else str(value)
        return letters.upper() if fmt == "upperLetter" else letters
    if fmt in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman, rest = "", value
        for size, glyphs in _ROMAN:
            while rest >= size:
                roman, rest = roman + glyphs, rest - size
        return roman.upper() if fmt == "upperRoman" else roman
    if fmt == "decimalZero":
        return f"{value:02d}"
    return str(value)


def _levels(abstract) -> dict[int, Level]:
    out = {}
    for lvl in abstract.iter(W + "lvl"):
        start, fmt, text = lvl.find(W + "start"), lvl.find(W + "numFmt"), lvl.find(W + "lvlText")
        out[_int(lvl.get(W + "ilvl"))] = Level(
            start=_int(start.get(W + "val")) if start is not None else 1,
            fmt=fmt.get(W + "val", "decimal") if fmt is not None else "decimal",
            text=text.get(W + "val", "") if text is not None else "",
            legal=lvl.find(W + "isLgl") is not None,
        )
    return out


def _num_pr(p, by_style: dict[str, tuple[str, int]]) -> tuple[str | None, int]:
    """(list instance id, level) of a paragraph: its own ``w:numPr``, else its style's; "0" is none."""
    ppr = p.find(W + "pPr")
    own = ppr.find(W + "numPr") if ppr is not None else None
    style = ppr.find(W + "pStyle") if ppr is not None else None
    from_style = by_style.get(style.get(W + "val")) if style is not None else None
    num_id, ilvl = from_style if from_style else (None, 0)
    if own is not None:
        num, lvl = own.find(W + "numId"), own.find(W + "ilvl")
        num_id = num.get(W + "val") if num is not None else num_id
        ilvl = _int(lvl.get(W + "val")) if lvl is not None else ilvl
    return (None if num_id in (None, "0") else num_id), min(max(ilvl, 0), LEVELS - 1)


def _style_lists(document, used: set[str]) -> dict[str, tuple[str, int]]:
    """{style id: (list instance, level)} of the paragraph styles among ``used`` that number (List
    Number), through ``basedOn``: a style looked up by id along its chain, not every style of the
    document read (a template holds hundreds)."""
    try:
        root = document.styles.element
    except Exception:
        return {}
    if root.find(f".//{W}numPr") is None:
        return {}  # no style numbers
    by_id = {st.get(W + "styleId"): st for st in root.iterchildren(W + "style")}
    out = {}
    for sid in used:
        at, seen = by_id.get(sid), 0
        while at is not None and seen < 20:
            num_pr = at.find(f"{W}pPr/{W}numPr")
            if num_pr is not None and num_pr.find(W + "numId") is not None:
                lvl = num_pr.find(W + "ilvl")
                out[sid] = (num_pr.find(W + "numId").get(W + "val"), _int(lvl.get(W + "val")) if lvl is not None else 0)
                break
            parent = at.find(W + "basedOn")
            at, seen = (by_id.get(parent.get(W + "val")) if parent is not None else None), seen + 1
    return out


def _int(text: str | None) -> int:
    return int(text) if text and text.lstrip("-").isdigit() else 0
