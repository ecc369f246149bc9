"""The code column of a statistics annex settled as one sequence (issues 11, 14): each row's code
as printed, repaired or inferred from the column's order, weighed with what the rows count (a
group's whole over its parts, a part counted in another unit, a share closing a group's items).
Split from ``statistics`` (the annex reader), which drafts the rows and builds them from these
codes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re
from rapidfuzz import fuzz

from extract.segment.count_words import UNIT_KEYS
from extract.segment.joined import JoinedRow
from extract.segment.stat_headings import (
    counts_nothing,
    heading_rows,
    headings_after_a_share,
    headings_under_a_count,
    worded_as_share,
)
from extract.segment.stat_numbering import printed_depth
from extract.segment.stat_values import parse_stat_value
from normalize.code_repair import CodeChoice, repair_codes
from normalize.codes import format_codes, letter_item
from normalize.count_units import unit_key

if TYPE_CHECKING:  # the settings live with the annex reader that passes them down
    from extract.segment.statistics import StatisticsSettings


@dataclass
class StatDraft:
    """One annex row before its code is settled."""

    row: JoinedRow
    indicator: str
    unit: str
    value_raw: str
    note: str
    printed: str | None  # the code as printed, when the cell reads cleanly
    token: str | None  # what the code column shows, for the column repair (None: nothing)
    ocr: bool
    coded: bool = True  # takes part in the code column (False: a total, a bullet of typed text)
    line_end: int = 0  # last line, wrapped text included
    bullet: bool = False  # a bullet in the code column: an item of the coded row above
    share_doubt: bool = False  # a part over its whole whose printed share it does not give


def settle_codes(drafts: list[StatDraft], settings: StatisticsSettings) -> list[tuple[str | None, str | None]]:
    """(code, how) per draft: how is None (as printed), "repaired" or "inferred". The column is
    repaired as one sequence; a typed page's clean code is kept as printed."""
    coded = [d for d in drafts if d.coded]
    tokens = [d.token for d in coded]
    closed = wholes_closed_by_shares(coded, settings)
    parents = [a or b or c for a, b, c in zip(_group_heads(coded, settings), heading_rows(coded), closed)]
    # (the whole of a group its share closes is no part of the row above: that row is outside the group)
    oversized = [a or b for a, b in zip(headings_under_a_count(coded), closed)]
    new_groups = [a or b or c for a, b, c in zip(_counting_another_unit(coded), headings_after_a_share(coded), closed)]
    depth = printed_depth(tokens)  # no code inferred deeper than the column prints one
    choices = repair_codes(tokens, parents=parents, oversized=oversized, new_groups=new_groups, max_level=depth)
    placed = _shares_taken_for_items(coded, choices)
    if placed:  # the column read again with each share in its place after the items
        tokens = [placed.get(k, t) for k, t in enumerate(tokens)]
        choices = repair_codes(tokens, parents=parents, oversized=oversized, new_groups=new_groups, max_level=depth)
        for k in placed:
            choices[k].inferred = True
    labels = format_codes([c.code for c in choices])
    settled = {id(d): (c, label) for d, c, label in zip(coded, choices, labels)}
    out: list[tuple[str | None, str | None]] = []
    for d in drafts:
        if id(d) not in settled:
            out.append((d.printed, None))
            continue
        choice, label = settled[id(d)]
        if d.printed is None and letter_item(d.token or "") and label and not choice.inferred:
            out.append((label, None))  # "a)" under 2.1 printed as it is: 2.1.a
        elif d.printed is not None and (not d.ocr or label is None or label == d.printed):
            out.append((d.printed, None))
        elif label is None:
            out.append((d.printed, None))
        elif choice.inferred:
            out.append((label, "inferred"))
        else:
            out.append((label, "repaired" if label != d.printed else None))
    return out


def _shares_taken_for_items(drafts: list[StatDraft], choices: list[CodeChoice]) -> dict[int, str]:
    """Rows of a share whose code OCR lost and the column repair inferred as one more item of the
    count above ("2.1.d" after "2.1.c", "3.1.3" after "3.1.2") or as the next group ("6" after
    "5.1.3"), as {row: the code after the items' count ("2.2", "3.2", "5.2")}: an annex's items
    break a count down, and the share of that count is its sibling, not an item of it nor a group
    of its own (the forms print no share among a count's parts). Not where that code is the
    column's already."""
    out: dict[int, str] = {}
    taken = {format_codes([c.code])[0] for c in choices if c.code is not None and not c.inferred}
    for k, (draft, choice) in enumerate(zip(drafts, choices)):
        code = choice.code
        if not choice.inferred or code is None or draft.token or not _reads_as_share(draft):
            continue
        if code.letter and len(code.path) >= 2:
            after = ".".join(str(n) for n in (*code.path[:-2], code.path[-2] + 1))
        else:
            above = choices[k - 1].code if k else None
            if above is None or above.letter or len(above.path) < 3:
                continue
            after = ".".join(str(n) for n in (*above.path[:-2], above.path[-2] + 1))
        if after not in taken:
            out[k] = after
    return out


def _reads_as_share(draft: StatDraft) -> bool:
    """Whether a row is a share: its unit "%", its words opening as one ("Tỷ lệ …", after a code
    OCR garbled into a word: "Đi2 Tỷ lệ …"), or its unit in brackets at its end ("… (%)")."""
    if unit_key(draft.unit).strip() == "%" or _BRACKETED_SHARE.search(f"{draft.indicator} {draft.unit}"):
        return True
    words = draft.indicator.split()
    return worded_as_share(draft.indicator) or (
        len(words) > 1 and any(ch.isdigit() for ch in words[0]) and worded_as_share(" ".join(words[1:]))
    )


# A share's unit printed in brackets after its indicator, where a form has no unit column.
_BRACKETED_SHARE = re.compile(r"\(\s*%\s*\)")


# A word of an indicator: two letters or more.
_WORD = re.compile(r"[^\W\d_]{2,}")


# Units a count is kept in, as their letters (``unit_key``): the ones the language knows.
COUNTED_UNITS = frozenset(UNIT_KEYS) | frozenset({"phan anh"})


def _counting_another_unit(drafts: list[StatDraft]) -> list[bool]:
    """OCR'd rows whose code OCR lost (no token), or printed right under a share (whatever OCR made
    of the code: "9" for 5 under "4.3 Tỷ lệ …"), that count in another unit than the nearest row
    above counting in one ("Người" under rows of "Hồ sơ" and their share): a group's parts count
    what its whole counts, so such a row opens a group of its own, and the column repair weighs
    it as neither the child nor the next sibling of the row above (the code ``new_sections``
    would give it afterwards, but for the rows after it too)."""
    out = [False] * len(drafts)
    counted = ""  # the unit the nearest row above counts in
    for i, draft in enumerate(drafts):
        unit = unit_key(draft.unit).strip()
        if unit not in COUNTED_UNITS:
            continue  # none, a share, or a unit OCR garbled ("Newer" for "Người"): it says nothing
        # (under a heading that counts nothing, the heading opened the group: no evidence)
        heading_above = i > 0 and not (drafts[i - 1].unit.strip() or drafts[i - 1].value_raw.strip())
        # (a code OCR misread, "9" for 5, right under the share that closes the group above: the
        # share ends that group's parts, and the count in another unit opens the next group)
        closed = i > 0 and _reads_as_share(drafts[i - 1])
        out[i] = draft.ocr and (not draft.token or closed) and bool(counted) and unit != counted and not heading_above
        counted = unit
    return out


def _group_heads(drafts: list[StatDraft], settings: StatisticsSettings) -> list[bool]:
    """OCR'd rows whose figure is the sum of the two or more rows right below them counting in
    its unit ("Phản ánh 29" over "Phản ánh 29" and "Phản ánh 0"): the whole of a group, so the
    rows below are its parts even where OCR lost their codes (they are not the next sections).
    A group's parts count what its whole counts; its share (%) ends them."""
    values = [parse_stat_value(d.value_raw, d.unit, d.indicator, ocr=d.ocr)[0] for d in drafts]
    units = [unit_key(d.unit).replace(" ", "") for d in drafts]
    heads = [False] * len(drafts)
    for i, (draft, target) in enumerate(zip(drafts, values)):
        if not draft.ocr or target is None or target <= 0 or units[i] in ("", "%"):
            continue
        total, parts = 0.0, 0
        for value, unit in zip(values[i + 1 :], units[i + 1 :]):
            if value is None or fuzz.ratio(unit, units[i]) < settings.same_unit_ratio or total + value > target + 1e-6:
                break
            total, parts = total + value, parts + 1
        heads[i] = parts >= 2 and abs(total - target) < 1e-6
    return heads


def wholes_closed_by_shares(drafts: list[StatDraft], settings: StatisticsSettings) -> list[bool]:
    """OCR'd rows that are the whole of a group its share closes, where OCR lost the code column
    (a ``--psm 3`` page drops the STT column whole): a form prints a group as its whole, its parts
    counting what the whole counts, and their share (%) last ("Tổng số hồ sơ … | Hồ sơ", "Số hồ sơ
    … trực tuyến | Hồ sơ", …, "Tỷ lệ … | %"). So, between the share above (or the table's top) and
    a share, the rows counting the unit of the row right above the share, from the first of them
    on, are one group: its first row the whole (weighed as a parent and as a new group by the
    column repair), the rows before it counting something else groups of their own. Read as the
    column's order alone, each row was the next top-level code (2, 3, 4 … for 2, 2.1, 2.2 …).
    Only where the column was lost (a code token on at most one row in ``lost_code_column_rows``: a
    speck or a code a second page printed), the whole and the share printing none: a column that prints its
    codes says itself."""
    out = [False] * len(drafts)
    if settings.lost_code_column_rows * sum(bool(d.token) for d in drafts) > len(drafts):
        return out  # (the column prints codes on many rows: its own sequence places them)
    units = [_counted_unit(d.unit) for d in drafts]
    start = 0  # the first row after the share above
    for end, draft in enumerate(drafts):
        if not _reads_as_share(draft):
            continue
        run, start = range(start, end), end + 1
        group = drafts[run.start : end + 1]
        if len(run) < 2 or not all(d.ocr for d in group):
            continue
        counted = next((units[k] for k in reversed(run) if units[k]), "")
        if not counted:
            continue
        first = end - 1
        while first > run.start and units[first - 1] in ("", counted):
            first -= 1
        while units[first] != counted:
            first += 1  # (a row whose unit says nothing opens no group: the whole prints its unit)
        # a whole and one part at least before the share, the whole and the share printing no code;
        # not under a heading, which heads the group itself (``heading_rows``: the whole is its part)
        headed = first > 0 and counts_nothing(drafts[first - 1])
        # (a row with no indicator is a figure cut from its row, "Hồ sơ 598" under "Tổng số hồ sơ … 3":
        # the rows were split out of step with the form's, and their places say nothing)
        split = any(not _WORD.search(d.indicator) for d in drafts[first : end + 1])
        out[first] = first < end - 1 and not drafts[first].token and not draft.token and not headed and not split
    return out


def _counted_unit(unit: str) -> str:
    """The language's unit a row counts in, as its letters (``COUNTED_UNITS``): its first word alone
    where the cell wrapped the rest onto the next line ("Nhiệm" / "vụ"); "" for a unit OCR garbled
    past them ("Newoi" for "Người") or lost, which says nothing."""
    key = unit_key(unit).strip()
    if not key or key in COUNTED_UNITS:
        return key
    whole = [u for u in COUNTED_UNITS if u.startswith(key + " ")]
    return whole[0] if len(whole) == 1 else ""


def new_sections(
    drafts: list[StatDraft], codes: list[tuple[str | None, str | None]]
) -> list[tuple[str | None, str | None]]:
    """A code inferred from order as the next part of a group ("4.4" after 4.3) for a row counted
    in another unit than the group ("Lượt" where the whole and the other parts count "Người")
    opens the next section ("5"): a group's parts count what its whole counts, or give its share
    (%). Not when the next row's code goes on in the group (4.5): the column says otherwise."""
    out = list(codes)
    for k, (code, how) in enumerate(codes):
        if how != "inferred" or not code or "." not in code or not code.split(".")[0].isdigit():
            continue
        group = code.rsplit(".", 1)[0]
        nxt = next((c for c, _ in out[k + 1 :] if c), None)
        if nxt is not None and nxt.startswith(group + "."):
            continue
        counted = {
            unit_key(d.unit)
            for d, (c, _) in zip(drafts, out)
            if c and c != code and (c == group or c.startswith(group + "."))
        } - {"", "%"}
        unit = unit_key(drafts[k].unit)
        section = str(int(code.split(".")[0]) + 1)
        if counted and unit and unit != "%" and unit not in counted and all(c != section for c, _ in out):
            out[k] = (section, how)
    return out


def items_of_a_lost_count(
    drafts: list[StatDraft], codes: list[tuple[str | None, str | None]]
) -> list[tuple[str | None, str | None]]:
    """Lettered items read straight under an OCR'd top-level heading that prints neither a figure
    nor a unit ("4. Công khai thủ tục hành chính", then "a) Số TTHC …") belong to the heading's
    first count, whose line OCR lost or glued to the heading as wrapped words: items break a
    count down (its "Trong đó: a) …"), and a heading counts nothing. They are read under that
    count (4.1.a, 4.1.b), repaired, when no row of the column holds its code already."""
    out = list(codes)
    taken = {c for c, _ in codes if c}
    for k, (code, _how) in enumerate(codes):
        head = drafts[k]
        if not code or not code.isdigit() or not head.ocr or head.value_raw or head.unit:
            continue
        count = f"{code}.1"
        if any(c == count or c.startswith(count + ".") for c in taken):
            continue
        j = k + 1
        while j < len(out) and (item := out[j][0]) and re.fullmatch(rf"{code}\.[a-z]", item):
            out[j] = (f"{count}.{item[-1]}", "repaired")
            j += 1
    return out
