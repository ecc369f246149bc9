"""The report an annex is attached to, as the annex's heading cites it.

An annex's heading names its report by the report's own number and date ("(Kèm theo Báo cáo số
117/BC-UBND ngày 01/03/2025 của UBND xã …)"; OCR'd: "(Kém he Bdo cdo s6.117/BC-UBND ngay
01/03/2025"): a second reading of the header's number and date, which OCR may have garbled there
("Số 17 /BG-UBND", "ngay 01 | Bang 03 nam 2025").
"""

from __future__ import annotations

from extract.letter_lines import line_text
from extract.model import Line
from normalize.lazy_regex import lazy_re_compile
from normalize.vietnamese.syllable import fold
from schemas.records import DocumentMeta

_ANNEX_NOTE = lazy_re_compile(
    r"\(?\s*k\w{1,2}m\b.{0,30}?(?<!\d)(\d{1,4})\s*/\s*([a-z]{2,4})\s*-\s*ubnd\b\W*"
    r"ng\w{1,2}y\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})"
)


def read_annex_note(lines: list[Line], meta: DocumentMeta, kinds: dict[str, tuple[str, str]]) -> None:
    """The number and date an annex's heading cites for the document's own kind (``kinds``: a
    number's folded kind code → canonical code and name), where the header lost them or read the
    number with a digit lost: OCR drops a digit far more often than it makes one up. A note citing
    another number is another document's (a plan attached to a decision) and changes nothing."""
    if meta.kind is None:
        return
    for line in lines:
        m = _ANNEX_NOTE.search(fold(line_text(line)))
        code = kinds.get(m.group(2)) if m else None
        if not m or code is None or code[0] != meta.kind:
            continue
        cited, printed = m.group(1).lstrip("0"), (meta.number or "").split("/")[0]
        if printed and printed != cited and not _digit_dropped(printed, cited):
            continue
        meta.number = cited + meta.number[len(printed) :] if meta.number else f"{cited}/{meta.kind}-UBND"
        day, month, year = int(m.group(3)), int(m.group(4)), int(m.group(5))
        if meta.date is None and 1 <= day <= 31 and 1 <= month <= 12:
            meta.date = f"{year:04d}-{month:02d}-{day:02d}"
        return


def _digit_dropped(short: str, full: str) -> bool:
    """``short`` is ``full`` with one digit lost."""
    return len(full) == len(short) + 1 and any(full[:i] + full[i + 1 :] == short for i in range(len(full)))
