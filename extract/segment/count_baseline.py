"""A count set against an earlier period: the comparison is never the count nor one of its parts.

Reports state a count beside the same count a year before, in two shapes:

- the change inside the sentence: "đã giải quyết 3.341 hồ sơ, tăng 391 hồ sơ so với cùng kỳ năm
  2022; trong đó: …" — "391" is the change, no total of its own, and stands between the total and
  its breakdown as an annotation does;
- the earlier figure in a bracket after the total: "tiếp nhận 1.789 hồ sơ (cùng kỳ năm 2013: 1.865
  hồ sơ); trong đó: …" — the bracket restates the total for another period, no breakdown of it.

Both are told by their words (accent-free shadow): a change opens with "tăng"/"giảm" and its clause
names the earlier period or the comparison ("so với", "cùng kỳ", "năm trước"); a bracket opens with
the earlier period's words.
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# The earlier period or the comparison a figure is measured against.
_EARLIER = r"(?:so voi|cung ky|cung thoi ky|ky truoc|nam truoc)"
# A change's verb right before its figure: "tăng 391", "giảm 163", "tăng thêm 12", "giảm đi 5".
_CHANGE_BEFORE = lazy_compile(r"(?<![a-z])(?:tang|giam)(?:\s+(?:them|di|hon|la))?\s*$")
# ... and the comparison later in its clause (up to the clause's end).
_CLAUSE_END = lazy_compile(r"[;:.()]|,\s*(?:trong do|trong so|gom|bao gom)\b")
# (an OCR dump's "so vdi", "cing ky" too: the change verb before the figure already narrows it)
_COMPARED = lazy_compile(rf"(?<![a-z])(?:{_EARLIER}|so\s+v[a-z0-9]{{1,2}}i|c[a-z]ng\s+k[yi])(?![a-z])")
# A bracket opening with the earlier period: "(cùng kỳ năm 2013: 1.865 hồ sơ)", "(so với năm trước …)".
_EARLIER_BRACKET = lazy_compile(rf"^\W*(?:{_EARLIER}|nam truoc)(?![a-z])")
# How far before a figure its change verb is looked for (the verb, a word after it, spaces).
_BEFORE_CHARS = 16


def change_figure(low: str, start: int, end: int) -> bool:
    """Whether the figure at ``low[start:end]`` is a change against an earlier period ("tăng 391 hồ
    sơ so với cùng kỳ năm 2022"): its verb before it and the comparison in its clause after it."""
    if not _CHANGE_BEFORE.search(low[max(0, start - _BEFORE_CHARS) : start]):
        return False
    stop = _CLAUSE_END.search(low, end)
    return _COMPARED.search(low, end, stop.start() if stop else len(low)) is not None


def earlier_bracket(bracket_low: str) -> bool:
    """Whether a bracket after a count restates it for an earlier period ("(cùng kỳ năm 2013: 1.865
    hồ sơ)"): an annotation of the count, never its breakdown."""
    return bool(_EARLIER_BRACKET.match(bracket_low))
