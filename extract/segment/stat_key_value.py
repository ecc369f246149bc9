"""Statistics printed as key and value: a two-column table "indicator | figure" whose key cell
opens with the row's code ("2.1. Số hồ sơ tiếp nhận trực tuyến", "a) Giải quyết trước hạn") and
whose value cell prints the figure with its unit in words ("669 hồ sơ", "97,81%").

Reports print their figures this way as often as in a form with STT and unit columns: under a
header "Chỉ tiêu | Số liệu", or with no header at all, each key ending in a colon. Such a table is
read as an annex whose code column is the key's opening code (the column repair then settles it
and its parent chain as for a printed code column), whose indicator is the rest of the key, and
whose unit is the words printed after the figure. A table reads as one when its rows read so:
two filled columns, the keys mostly coded, the values mostly figures (``key_value_roles``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

import regex as re

from extract.segment.grid_codes import split_code
from extract.segment.joined import JoinedTable
from normalize.codes import CodeSettings, parse_code, transition_cost
from normalize.lazy_regex import lazy_compile
from normalize.numbers import parse_number


@dataclass(frozen=True)
class KeyValueSettings:
    # Rows a headerless table needs before its shape says anything.
    min_rows: int = 3
    # Shares of the rows whose key opens with a code, and of the filled value cells that print a
    # figure, for a headerless two-column table to read as statistics (a signature block, a list
    # of recipients or a table of names prints neither).
    coded_share: float = 0.5
    figure_share: float = 0.6
    # Words a unit printed after a figure may have ("hồ sơ", "thủ tục hành chính"): more is a
    # sentence, not a unit.
    unit_words: int = 4


# A lettered item opening a key ("a) Giải quyết trước hạn", "(b) …").
_LETTER_KEY = lazy_compile(r"^\s*\(?([a-zđ])\)\s*(.*)$", re.S)
# A bulleted item opening a key ("- Số hồ sơ tiếp nhận trực tuyến"): an item of the coded key above.
_BULLET_KEY = lazy_compile(r"^\s*([-+•–*])\s+(.*)$", re.S)
# A figure opening a value cell and what follows it: "669 hồ sơ", "97,81%", "1.250 triệu đồng".
_FIGURE_THEN_WORDS = lazy_compile(r"^\s*(\d[\d.,]*(?:\s*%)?)\s*(.*?)\s*$", re.S)
_UNIT_WORDS = lazy_compile(r"[\p{L}%/ ]+")
# What is left of a scanned key's bullet when OCR garbled it: dash-like marks and specks before the
# words ("~ Giải quyết …", "~- …", "-.Số …"); nothing at all when it lost it.
_GARBLED_BULLET = lazy_compile(r"^\s*[-–—~+•*.,'`]+\s*(?=\p{L})")


def key_code(cell: str) -> tuple[str, str]:
    """(code as printed, indicator) of a key cell: ("2.1.", "Số hồ sơ …") from "2.1. Số hồ sơ …:",
    ("a)", "Giải quyết trước hạn") from "a) Giải quyết trước hạn:", ("-", "Số hồ sơ …") from a
    bulleted item "- Số hồ sơ …"; ("", text) when no code opens it. The colon that ends a key ("… đã
    thực hiện:") is the layout's, not the indicator's."""
    text = cell.strip()
    code, rest = split_code(text)
    for pattern, mark in ((_LETTER_KEY, "{})"), (_BULLET_KEY, "{}")):
        m = pattern.match(text) if not code else None
        if m:
            code, rest = mark.format(m.group(1)), m.group(2)
    return code, rest.strip().rstrip(":").rstrip()


def bullet_key(code: str) -> bool:
    """Whether a key's opening (``key_code``) is a bullet: an item of the coded key above, no code."""
    return bool(code) and _BULLET_KEY.match(f"{code} x") is not None


def figure_and_unit(raw: str, settings: KeyValueSettings = KeyValueSettings()) -> tuple[str, str]:
    """(figure, unit) of a value cell printing its unit in words after the figure: ("669", "hồ sơ")
    from "669 hồ sơ", ("97,81%", "%") from "97,81%"; (raw, "") when the cell is not a figure and a
    few words (a bare figure, an enumerated answer "Có", a sentence)."""
    m = _FIGURE_THEN_WORDS.match(raw or "")
    if not m or parse_number(m.group(1).replace("%", "").strip(), kind="auto") is None:
        return raw, ""
    figure, words = m.group(1).strip(), m.group(2).strip()
    if figure.endswith("%"):
        return (figure, "%") if not words else (raw, "")
    if not words or not _UNIT_WORDS.fullmatch(words) or len(words.split()) > settings.unit_words:
        return raw, ""
    return figure, words


def keys_coded(keys: list[str], settings: KeyValueSettings = KeyValueSettings()) -> bool:
    """Whether the key cells carry the rows' codes: most filled ones open with a code, a lettered or
    a bulleted item, as a code column would print them, one at least with a code (bullets alone
    are a list's, not a table's rows)."""
    filled = [k for k in keys if k.strip()]
    openings = [key_code(k)[0] for k in filled]
    numbered = sum(1 for code in openings if code and not bullet_key(code))
    marked = sum(1 for code in openings if code)
    return numbered > 0 and marked >= settings.coded_share * len(filled)


def key_value_roles(table: JoinedTable, settings: KeyValueSettings = KeyValueSettings()) -> dict[str, int]:
    """{"indicator": key column, "value": value column} for a table with no column labels whose rows
    read as coded keys and figures; {} otherwise."""
    if any(label.strip() for label in table.header_text):
        return {}
    filled = sorted({c for row in table.rows for c, text in enumerate(row.cells) if text.strip()})
    if len(filled) != 2 or len(table.rows) < settings.min_rows:
        return {}
    key_col, value_col = filled
    keys = [row.cells[key_col] for row in table.rows]
    values = [row.cells[value_col].strip() for row in table.rows if value_col < len(row.cells)]
    values = [v for v in values if v]
    figures = sum(1 for v in values if figure_and_unit(v)[1] or parse_number(v, kind="auto") is not None)
    if not values or figures < settings.figure_share * len(values) or not keys_coded(keys, settings):
        return {}
    return {"indicator": key_col, "value": value_col}


class ItemDraft(Protocol):
    """What ``unmarked_items`` reads and sets of an annex row before its code is settled."""

    indicator: str
    printed: str | None
    token: str | None
    ocr: bool
    coded: bool
    bullet: bool


def unmarked_items(drafts: list, keyed: bool) -> list:
    """Keyed rows on a scan whose bullet OCR lost or garbled ("~ Giải quyết trước hạn", or no mark
    at all, among "- Giải quyết đúng hạn" items): items of the coded key above, as their neighbours
    are, not rows whose code OCR lost. Before, each took the next code inferred in the column
    ("4.1"), a code the document never printed, and its garbled mark opened its name.

    The table's numbering is the evidence a code was not lost: such a run of rows sits next to a
    bullet item, after a printed code, and the next printed code follows that one with none skipped
    ("4." … "5."). Where a code is missing in between, or nothing printed follows and no bullet
    closes the run, the rows keep the column repair's reading. ``drafts`` are changed in place."""
    if not keyed:
        return drafts
    loose = [_unopened(d) for d in drafts]
    k = 0
    while k < len(drafts):
        if not loose[k]:
            k += 1
            continue
        end = k
        while end < len(drafts) and loose[end]:
            end += 1
        before = drafts[k - 1] if k else None
        after = drafts[end] if end < len(drafts) else None
        bulleted = (before is not None and before.bullet) or (after is not None and after.bullet)
        if bulleted and _numbering_whole(drafts[:k], drafts[end:], after is not None and after.bullet):
            for draft in drafts[k:end]:
                draft.indicator = _GARBLED_BULLET.sub("", draft.indicator, count=1)
                draft.bullet, draft.coded, draft.token = True, False, None
        k = end
    return drafts


def _unopened(draft: ItemDraft) -> bool:
    """An OCR'd row whose key opens with no code and no bullet the page's ink confirmed, its words
    opening with a capital (a wrapped line goes on in small letters)."""
    words = _GARBLED_BULLET.sub("", draft.indicator, count=1)
    return (
        draft.ocr
        and draft.coded
        and not draft.bullet
        and draft.printed is None
        and draft.token is None
        and words[:1].isupper()
    )


def _numbering_whole(above: Sequence[ItemDraft], below: Sequence[ItemDraft], closed: bool) -> bool:
    """Whether the codes printed around a run of rows lose none: the last printed above it and the
    first printed below follow one another directly (a sibling's next, a first child); with none
    printed below, the run must be closed by a bullet item."""
    last = next((parse_code(d.printed) for d in reversed(above) if d.printed), None)
    nxt = next((parse_code(d.printed) for d in below if d.printed), None)
    if last is None:
        return False
    if nxt is None:
        return closed
    cost = transition_cost(last, nxt)
    return cost is not None and cost <= CodeSettings().child
