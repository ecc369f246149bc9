"""The STT cell's code as OCR prints it at a line's start, its specks and rule stubs stripped."""

from __future__ import annotations

import regex as re

from extract.segment.line_common import BAR
from normalize.codes import read_code_token

# Specks and rule stubs OCR reads around a code ("_1.2", "1.3|", "—6.": a rule's stub read as a
# long dash; a bullet's hyphen stands apart from its text).
CODE_NOISE = "_|~`'\"—–"
# The STT cell's right ruling OCR read as a closing bracket glued to its code ("2.2] Rà soát …",
# "5.3} Giải quyết …"): no code closes so (an item's mark closes with ")", kept).
_CLOSING_RULE = "]}"


def code_head(token: str) -> str:
    """A line's first token as its STT cell prints it: OCR's specks and rule stubs around it
    stripped (``CODE_NOISE``), and a closing bracket after a code printed in digits."""
    head = token.strip(CODE_NOISE)
    bare = head.rstrip(_CLOSING_RULE)
    # (only after a code of digits, "2.2]", "1.]": a letter's "a]" is left as read)
    return bare if bare != head and re.fullmatch(r"\d[\d.]*", bare) else head


def ruled_code_head(tokens: list[tuple[str, str]]) -> str:
    """``code_head`` of a line's first token; and when that reads as no code, the code after a
    hyphen OCR glued to it from the STT cell's left ruling, where a ruling bar closes the cell
    ("-71 | Ứng dụng …", "-3.4 | Tỷ lệ …"): a penalty's minus belongs to a points cell, which
    opens no line before a bar and a name."""
    head = code_head(tokens[0][1]) if tokens else ""
    if read_code_token(head) is not None or len(tokens) < 2 or tokens[1][1] != BAR:
        return head
    rest = head[1:] if head.startswith("-") else ""
    return rest if rest[:1].isdigit() and read_code_token(rest) is not None else head
