"""What a statistics row is: a percentage, a count, a coded answer; its reference in the queue."""

from __future__ import annotations

import regex as re

from cchc_extract.reconcile.core import _plain
from cchc_extract.reconcile.settings import (
    _CODE_LEGEND,
    _COUNT_UNITS,
    _DENOMINATOR_WORDS,
)
from normalize.count_units import same_unit, unit_key, unit_words
from normalize.lazy_regex import lazy_compile
from normalize.text import any_word, strip_markup
from schemas.records import MISSING_FLAG, ReviewItem, StatRow


def _unit_key(row: StatRow) -> str:
    """A row's unit as compared with another's (``normalize.count_units``): digits kept."""
    return unit_key(row.unit, keep_figures=True)


def same_unit_rows(a: StatRow, b: StatRow) -> bool:
    """Whether two rows count in one unit, one of them perhaps abbreviated (``same_unit``)."""
    return same_unit(a.unit, b.unit)


# A share's label opens with "Tỷ lệ", after what OCR left of a bullet or of its code ("-Tỷ lệ",
# ".Tỷ lệ", "4.3°_ Tỷ lệ": tokens with a digit or no letter) and with OCR's slips in its two words
# ("Tỷ Iệ": I for l; "Tylệ": the space lost). A share taken for a count spoils its group's sum
# (seed 2301: "-Tỷ lệ … 99,54" added to "436 = 234 + 200 + 2" queued five right figures).
_SHARE_LABEL = lazy_compile(r"(?:\S*\d\S*\s+|[^\p{L}\s]+\s*)*ty ?[li]e")


def is_percent(row: StatRow) -> bool:
    return (
        "%" in row.unit
        or (row.value_raw or "").strip().endswith("%")
        or _SHARE_LABEL.match(_plain(row.indicator)[:60]) is not None  # (its opening words)
    )


# Any counted unit as whole words of a unit cell.
_COUNT_UNIT = any_word(_COUNT_UNITS, r"\b", r"\b")


def lost_with_unit(row: StatRow) -> bool:
    """Whether an OCR'd row lost its figure and its unit together (the line's cells gone, its
    indicator kept): it is still a part of its group, blank, not a part of another unit. A dump's
    "3.1 Số hồ sơ tiếp nhận trực tuyến" lost "405 Hồ sơ", so its total 482 was
    weighed against 3.2's 77 alone, a false fault queuing two right counts."""
    return row.value is None and not _unit_key(row)


def is_count(row: StatRow) -> bool:
    unit = unit_words(row.unit)
    return (
        bool(unit)
        and "%" not in unit
        and "=" not in unit
        and "dong" not in unit
        and _COUNT_UNIT.search(unit) is not None
    )


def code_legend(row: StatRow) -> dict[str, float] | None:
    """The coded answers a row allows: its ``allowed_values``, else the legend in its unit cell
    ("Chưa = 0 Đang làm = 1 Hoàn thành = 2")."""
    if row.allowed_values:
        return row.allowed_values
    pairs = {m["label"].strip(" ;,"): float(m["code"]) for m in _CODE_LEGEND.finditer(strip_markup(row.unit))}
    return pairs if len(pairs) >= 2 else None


def _stat_ref(ai: int, ri: int, row: StatRow, annex: str) -> ReviewItem:
    return ReviewItem(
        item=f"/statistics/{ai}/rows/{ri}",
        field="value",
        table=annex,
        code=row.code,
        page=row.source.page,
        raw=row.value_raw or None,
        value=row.value,
        confidence=row.confidence,
    )


def _denominator(candidates: list[tuple[int, StatRow]]) -> int | None:
    for word in _DENOMINATOR_WORDS:
        for j, row in candidates:
            if re.search(rf"\b{word}\b", _plain(row.indicator)):
                return j
    return None


# Words any ratio's or count's label may hold whatever it counts: they tell no two counts apart.
_GENERIC_WORDS = frozenset("ty le so tong duoc da dat cac cua va co trong ky nam thang quy tren voi khong chua".split())


def worded_apart(ratio: StatRow, numerators: list[StatRow], whole: StatRow) -> bool:
    """Whether a percentage's label names what none of the counts it would be of counts: its own
    words (less the whole's and the words any label holds) are at least two and no numerator's
    label holds one ("Tỷ lệ hồ sơ giải quyết đúng hạn" under "Trực tuyến" and "Trực tiếp" of
    "Tổng số hồ sơ tiếp nhận": a share of counts the annex does not print, no pair of these).
    Words are compared without marks, so a label OCR stripped of them still holds its words."""
    own = set(_plain(ratio.indicator).split()) - set(_plain(whole.indicator).split()) - _GENERIC_WORDS
    own = {w for w in own if w.isalpha()}
    if len(own) < 2:
        return False
    return not any(own & set(_plain(row.indicator).split()) for row in numerators)


def counts_named(ratio: StatRow, counts: list[StatRow]) -> list[bool]:
    """For each of a group's counts, whether a share's label names it: the words that tell that
    count apart from its siblings (less the words any label holds) all stand in the share's label
    ("Tỷ lệ hồ sơ giải quyết trước hạn và đúng hạn" names "Giải quyết trước hạn" and "Giải quyết
    đúng hạn", not "Giải quyết quá hạn"). A count with no words of its own is never named."""
    words = [set(_plain(row.indicator).split()) - _GENERIC_WORDS for row in counts]
    label = set(_plain(ratio.indicator).split())
    named = []
    for k, own in enumerate(words):
        others = set().union(*(w for j, w in enumerate(words) if j != k))
        # (a lone letter is OCR's speck, "J Giải quyết đúng hạn", no word of the count's own)
        apart = {w for w in own - others if w.isalpha() and len(w) > 1}
        named.append(bool(apart) and apart <= label)
    return named


# A part over its whole printed with a count's unit ("28/29 nhiệm vụ"): a row's figure, not words.
_PART_OVER_WHOLE = lazy_compile(r"\b(\d+)\s*/\s*(\d+)\s+\p{L}")


def figures_in_name(row: StatRow) -> bool:
    """Whether an OCR'd row's name holds a part over its whole ("Số nhiệm vụ đã hoàn thành : 28/29
    nhiệm vụ (96,55%"): the reader glued the next item's line onto this one, so the row's figure
    may be the next item's, and a relation failing on it is a pairing of ours."""
    return any(int(m[1]) <= int(m[2]) for m in _PART_OVER_WHOLE.finditer(row.indicator))


# A figure standing alone among a row's words: digits (a decimal part at most) with no letter, mark
# or digit glued to either side ("… tuyến _Hồ sơ 385", "… giải \"Thủ tục 120 3.3 Tỷ lệ …"), not a
# year ("năm 2025") and not a standard's number ("ISO 9001:2015").
_LONE_FIGURE = lazy_compile(r"(?<![\w.,/:%-])\d+(?:[.,]\d+)?(?![\w.,/:%-])")
_YEAR = lazy_compile(r"(?:19|20)\d\d")


def figure_left_in_name(row: StatRow) -> bool:
    """Whether a row's name holds a figure standing alone that is not its own code nor a year:
    the reader split a line's figures between the name and the value, so the value may be the
    line's other figure (a share taken for the count printed before it: "_Hồ sơ 385 91,45" read
    91,45), or a figure of the other panel's row a line joined (two panels side by side). A
    name's words hold no bare figure where a line was split right (``figures_in_name``' kin)."""
    own = (row.code or "").strip(".")
    return any(m[0].strip(".") != own and _YEAR.fullmatch(m[0]) is None for m in _LONE_FIGURE.finditer(row.indicator))


def _printed_nothing(row: StatRow) -> bool:
    """Whether a row's value cell printed nothing at all: no figure, no text, no cell the reader
    flagged lost (a cell lost keeps its place: the figures after it are still the rows' own)."""
    return row.value is None and not (row.value_raw or "").strip() and MISSING_FLAG["value"] not in row.flags


def follows_figureless(rows: list[StatRow], i: int) -> bool:
    """Whether an annex row holds the first figure after a row that printed none though it counts:
    a sibling just before it with no rows under it (not a heading), or its own parent just before
    it that names a unit. An OCR dump can print a block of labels and then a block of their figures
    ("- Số TTHC … toàn trình / - … một phần / - … chỉ cung cấp thông tin" then "79/134 … / 51/134 …
    / 4/134 …"): the line reader gives the block's first figure to the label it stands beside, the
    last, so the value may be a row's before it. A relation holding over the figure vouches for the
    number, not for the row it was placed on."""
    if i == 0 or rows[i].value is None:
        return False
    row, before = rows[i], rows[i - 1]
    if not _printed_nothing(before):
        return False
    if before.code and row.parent == before.code:
        return bool(before.unit.strip())
    heading = bool(before.code) and any(other.parent == before.code for other in rows)
    return before.parent == row.parent and before.level == row.level and not heading
