"""An annex form with no unit column prints each indicator's unit in brackets at its end ("Số cán
bộ, công chức đạt chuẩn (người) 25", "Tỷ lệ … (%) 92,46"): the bracket closing the indicator is
the unit's cell there, and the figure after it the row's, as after a unit column's cell. Without
it a figure after the bracket was only read where it ended the line clean: a speck after it ("25:",
"92,46 :") or before it ("(%) oe 92,46") lost the row's figure."""

from __future__ import annotations

# Specks OCR leaves on a bracket's edge ("(ngwéi):", "(%).").
_EDGE = ",.;:_-|"


def bracketed_unit(before: list[str], max_words: int) -> int | None:
    """Where a bracketed unit ending ``before`` (the tokens before a figure) starts: the last
    token closes a bracket opened at most ``max_words`` tokens back, after at least one word of
    the indicator; None otherwise."""
    if not before or not before[-1].strip(_EDGE).endswith(")"):
        return None
    for start in range(len(before) - 1, max(0, len(before) - max_words) - 1, -1):
        token = before[start].strip(_EDGE)
        if ")" in token[:-1]:
            return None  # (another bracket closed inside: no one unit)
        if token.startswith("("):
            return start if start > 0 else None
    return None
