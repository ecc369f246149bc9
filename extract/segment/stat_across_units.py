"""A table printed across whose body is a row per unit of the commune (hamlet, residential group)
and the commune's own row: "STT | Thôn, tổ dân phố | 1. Số văn bản … | 2.1. Giải quyết đúng hạn |
…", a header row of units under the labels ("ĐVT | (Văn bản) | (Hồ sơ) | …"), then "1 | Thôn 1 |
…", "2 | Thôn 2 | …" and "| Toàn xã | …" (no number; first or last). An annex turned over: the
indicators are the columns, and the commune's figures are its total row's.

Read here into the one row ``stat_across`` reads: the commune's row (its label a total's words and
no row number, the only such row, every other row a named unit), the units from their own header
row, and the codes the labels print ("2.1. …" is 2.1 under 2). The units' own rows are no figures
of the commune's: not read, and told so by a flag on every row read (``UNITS_ROWS_FLAG``).
Before, several rows of figures were a matrix left to ``unread`` whole, the commune's figures with
it."""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from extract.segment.across_code_gaps import codes_across_gaps
from extract.segment.joined import JoinedRow
from extract.segment.units_sums import whole_count
from normalize.codes import letter_item
from normalize.lazy_regex import lazy_compile
from normalize.text import fold


@dataclass(frozen=True)
class UnitsAcrossSettings:
    # A commune's own row's label, folded: the whole commune's figures beside its units'.
    total_labels: tuple[str, ...] = (
        "toan xa",
        "toan phuong",
        "toan thi tran",
        "tong so",
        "tong cong",
        "tong",
        "cong",
        "ca xa",
    )
    # Labels of a header row of units under the indicators ("ĐVT", "Đơn vị tính"), folded.
    unit_row_labels: tuple[str, ...] = ("dvt", "don vi tinh", "don vi")
    # A header row is the units' when at least this many of its cells are bracketed units.
    min_unit_cells: int = 2
    # Rows of units beside the commune's own row a table must hold to be one by unit.
    min_unit_rows: int = 2


# A unit as a header row prints it under its indicator: "(Hồ sơ)", "(%)"; on a dump a letter OCR
# read as a digit ("(H6 sơ)"), never a column's number alone ("(3)"). On a scan one of its two
# brackets may be lost to the cell's rule ("(Lượt"): one bracket still marks a unit, the row's
# other cells (all units, or the "ĐVT" label) saying the rest.
_UNIT_WORDS = r"(?=[^()]*[\p{L}%])[^()]{1,20}?"
_BRACKETED_UNIT = lazy_compile(rf"^(?:\(\s*(?P<unit>{_UNIT_WORDS})\s*\)?|(?P<unit>{_UNIT_WORDS})\s*\))$")
# What a scan leaves beside a cell's bracket: a speck read as a dash, a quote, a bar or a dot
# ("-(Nhiệm vụ)"); such a cell is the unit all the same.
_SPECKS = "-–—'‘’`|_.,:; "
# A label's printed code: "2.1. Giải quyết đúng hạn", "3 Số cuộc …", a lettered item "a) …".
# (the dot after it a scan may read as a comma: "1, Số sáng kiến …")
_NUMBERED = lazy_compile(r"^(?P<code>\d{1,2}(?:\.\d{1,2})*)[.,]?\s+(?P<words>\S.*)$", re.S)
# (its letter as a scan may print it, "©)" or "€j" for "c)": ``normalize.codes.letter_item``).
_LETTERED = lazy_compile(r"^(?P<token>\S\)|[€©]j)\s*(?P<words>\S.*)$", re.S)
# A row's number in the cell before its label: "3", "3." or, on a band naming a group of the rows
# below it ("II | Lĩnh vực Tư pháp - Hộ tịch"), the group's roman numeral.
_ROW_NUMBER = lazy_compile(r"(?:\d{1,3}|[IVX]{1,4})\.?")
# The longest mark a band's numeral leaves on a scan (``_band_mark``).
_BAND_MARK_CHARS = 3


def label_key(text: str) -> str:
    """A label as the settings list it: folded, without the marks around it (a colon, a dot, and
    on a scan a speck Tesseract read as a quote or a comma: "'Tống số")."""
    return fold(text).strip(" .:;,'\"`‘’“”")


def unit_row_apart(
    header: list[list[str]], settings: UnitsAcrossSettings = UnitsAcrossSettings()
) -> tuple[list[list[str]], dict[int, str]]:
    """The header without its row of bracketed units, and each column's unit by index; the header
    as it is and no units when no lower row is one (its filled cells bracketed units, or the
    units' label "ĐVT")."""
    for k, cells in enumerate(header[1:], start=1):
        units = row_units(cells, header[k - 1], settings)
        if units is not None:
            return header[:k] + header[k + 1 :], units
    return header, {}


def row_units(
    cells: list[str], above: list[str], settings: UnitsAcrossSettings = UnitsAcrossSettings()
) -> dict[int, str] | None:
    """Each column's unit of a header row of units under the labels ``above``, None when the row
    is no such row: at least ``min_unit_cells`` bracketed units, every other filled cell the
    units' label ("ĐVT"), the label above merged down, or a unit a scan garbled ("94" for
    "(%)"). Such a row holds no figure of the table, even where OCR made one of a unit."""
    units = {c: m["unit"] for c, text in enumerate(cells) if (m := _BRACKETED_UNIT.match(text.strip(_SPECKS)))}
    others = [  # (a cell merged down from the row above repeats its text)
        text
        for c, text in enumerate(cells)
        if c not in units
        and text.strip()
        and label_key(text) not in settings.unit_row_labels
        and not (c < len(above) and above[c].strip() == text.strip())
        and not _garbled_unit(text, units)
    ]
    return units if len(units) >= settings.min_unit_cells and not others else None


def _garbled_unit(text: str, units: dict[int, str]) -> bool:
    """Whether a cell in a row of bracketed units is one a scan garbled ("®)" for "(%)"): a few
    marks with no word in them, beside at least two units read whole. Its unit is not known."""
    return len(units) >= 2 and len(text.strip()) <= 3 and not re.search(r"\p{L}{2}", text)


def commune_row(
    body: list[JoinedRow], settings: UnitsAcrossSettings = UnitsAcrossSettings()
) -> tuple[JoinedRow, int] | None:
    """The commune's own row of a table by unit and the column of its label: the one row whose
    first words are a total's ("Toàn xã", "Tổng số") with no row number before them, every other
    row opening with a unit's name (a number before it allowed); None for any other body."""
    found = []
    for row in body:
        words = [(c, text.strip()) for c, text in enumerate(row.cells) if text.strip()]
        if not words:
            return None
        col, first = row_label(row) or words[0]
        if col != words[0][0]:
            if label_key(first) in settings.total_labels:
                return None  # a numbered total is a unit's row, not the commune's
        elif label_key(first) in settings.total_labels:
            found.append((row, col))
            continue
        if not re.search(r"\p{L}{2}", first):
            return None  # a row of figures only: no unit named
    if len(found) != 1 or len(body) - 1 < settings.min_unit_rows:
        return None
    return found[0]


def row_label(row: JoinedRow) -> tuple[int, str] | None:
    """The column and text of a row's label: its first filled cell, or the next one when the first
    is the row's number ("1 | T1 | …", "II | Lĩnh vực …"); None for an empty row."""
    words = [(c, text.strip()) for c, text in enumerate(row.cells) if text.strip()]
    if len(words) > 1 and (_ROW_NUMBER.fullmatch(words[0][1]) or _band_mark(row, words)):
        return words[1]
    return words[0] if words else None


def _band_mark(row: JoinedRow, words: list[tuple[int, str]]) -> bool:
    """Whether a row's first filled cell is a band's numeral a scan garbled ("Hị", "1H" for II,
    III): a short mark before a label, and no figure after it (a band names its group only)."""
    return len(words[0][1]) <= _BAND_MARK_CHARS and not any(
        whole_count(t) is not None for t in row.cells[words[1][0] + 1 :]
    )


def prints_figures(row: JoinedRow) -> bool:
    """Whether a row prints a figure in any cell after its label: a band across the table naming a
    group of the rows below it ("Lĩnh vực Tư pháp - Hộ tịch") prints none, and is no unit's row."""
    label = row_label(row)
    return label is not None and any(whole_count(t) is not None for t in row.cells[label[0] + 1 :])


def heading_columns(labels: list[str], cells: list[str], label_col: int) -> list[int]:
    """The columns after the commune row's label whose cell is blank under a label printing a
    code ("2. Kết quả giải quyết hồ sơ"): a group's heading, whose items are the columns after it."""
    return [
        c
        for c in range(label_col + 1, min(len(labels), len(cells)))
        if not cells[c].strip() and printed_code(labels[c], None) is not None
    ]


def printed_code(label: str, last: str | None) -> tuple[str, str] | None:
    """(code, words) of a label printing its code ("2.1. Giải quyết đúng hạn" → ("2.1", …)); a
    lettered item under the last numbered code ("a) …" → "2.1.a"); None when it prints none."""
    text = label.strip().lstrip(_SPECKS)  # (a scan's speck before the code: "-4. Số cuộc …")
    numbered = _NUMBERED.match(text)
    if numbered:
        return numbered["code"], numbered["words"].strip()
    lettered = _LETTERED.match(text)
    letter = letter_item(lettered["token"]) if lettered else None
    if lettered and letter and last:
        return f"{last}.{letter}", lettered["words"].strip()
    return None


def printed_codes(labels: list[str]) -> list[tuple[str, str]] | None:
    """Every label's printed code and words, in order; None unless every label prints one or
    stands where its neighbours' codes leave it one (a scan lost its "c)": ``across_code_gaps``)."""
    return codes_across_gaps(labels, printed_code)
