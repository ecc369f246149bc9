"""Score tables whose evidence column prints before the STT: "Tài liệu kiểm chứng | STT | Nội dung
| Thang điểm | Điểm đạt được", as forms that list what proves a criterion print it.

A text dump gives such a row as one line with the evidence's words first and the code after them
("Chưa đầy đủ tài liệu 1.1.1 | Ban hành kế hoạch CCHC năm 1"): a reader that looks for the code
at the line's opening finds none, and the row is lost into its neighbour's name. The header says
the order (its first keyed word is the explanation's), and the line shows where the code stands:
the first dotted code after the evidence's words, a name (a capital) or a rule's bar after it.
"""

from __future__ import annotations

from extract.segment.line_common import JUNK
from normalize.lazy_regex import lazy_compile

# A criterion's code printed after the evidence: dotted ("1.1.1", "1.3", a field's "4."; OCR's rule
# stubs stripped). A bare "2" inside evidence text is a count or a figure ("2 báo cáo"), never taken
# for a code.
_DOTTED_CODE = lazy_compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?$|^\d{1,2}\.$")
# What follows a code in the STT cell: the name's capital, or a rule OCR read as a bar.
_OPENS_NAME = lazy_compile(r"^(?:\||\p{Lu})")
# OCR's specks on a code's edges ("1.2.2|", "_1.3").
_CODE_EDGES = "_|~`'\"—–"


def evidence_leads(keys_by_line: list[list[str]]) -> bool:
    """Whether a header line names the explanation column first and another column after it
    ("Văn bản, tài liệu kiểm chứng | Số TT | Nội dung …"): the evidence prints before the code.
    ``keys_by_line``: each header line's keyed words, left to right."""
    return any(
        len(keys) > 1 and keys[0] == "explanation" and any(k != "explanation" for k in keys) for keys in keys_by_line
    )


def lead_code_at(tokens: list[tuple[str, str]]) -> int | None:
    """The index of the code standing after the evidence's words on a row's line, None when the
    line holds none there (a wrapped name's or evidence's line, a field's line opening with its
    code). The evidence must hold a word: a line of figures before a code is no evidence."""
    for k, (_, raw) in enumerate(tokens):
        if k == 0 or k + 1 >= len(tokens):
            continue
        if not _DOTTED_CODE.match(raw.strip(_CODE_EDGES)):
            continue
        before = [t for _, t in tokens[:k] if not JUNK.match(t)]
        if any(ch.isalpha() for t in before for ch in t) and _OPENS_NAME.match(tokens[k + 1][1]):
            return k
        return None  # (the first dotted figure is the code or nothing: a later one is the name's)
    return None
