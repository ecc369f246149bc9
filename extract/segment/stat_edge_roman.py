"""The grid's left ruling line read as a capital that is also a Roman numeral ("L 2.2 | Số hồ sơ
…", ": L 2 | Tổng số …", "I 2.3 | Tỷ lệ …").

``stat_line_rows`` drops a capital OCR read for the grid's edge before a row's code, but not when
that capital is itself a code: "L" and "I" are Roman numerals, so the line kept "L" as its code
and the real one went into the indicator ("2.2 Số hồ sơ …"). The column repair then read the run
of "L"s as headings II, II.1, II.2 …, and every row under them lost its code. A Roman heading is
followed by its words ("I. Kết quả …", "II | Công tác …"), never by an arabic code closed by its
cell's bar: a lone Roman capital standing so is the edge."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# Specks before the edge (":", "'", "[" of a dotted or ruled margin), one Roman capital, a dash or
# underscore of the edge, then a code (its dot read as a colon or comma) and its cell's bar or
# bracket.
_ROMAN_EDGE = lazy_compile(r"^[\[|(:;.,'`_\s]{0,4}[IVXLC][\s\-_]?(?=\d{1,2}(?:[.,:]\d{1,2})*\.?[\s_]*[|\[])")


def without_roman_edge(text: str) -> str | None:
    """The line without the Roman-looking capital OCR read for the grid's edge before its code
    ("L 2.2 | Số …" → "2.2 | Số …"), or None when the line does not open so."""
    cut = _ROMAN_EDGE.sub("", text, count=1)
    return cut if cut != text else None
