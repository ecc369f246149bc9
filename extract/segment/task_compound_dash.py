"""A speck OCR read as a dash between the two syllables of one word ("báo cáo định kỳ về cải - cách
hành chính"): a plan's own dash in a task's or a product's words stands between names or phrases
("Văn hóa - Xã hội", "chính trị - xã hội"), never inside a compound, and the repair model's
bigrams say which pairs are one: the syllable before almost always takes the one after next
("cải" → "cách", "thủ" → "tục"), where a phrase's last word and the next phrase's first do not
("trị" → "xã", "hóa" → "xã"). The dash is taken out, the row noted (a mend, not queued: no word
is changed, and the words read either side are the compound's)."""

from __future__ import annotations

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import RepairModel

# A row's note that a dash inside a compound was taken out.
COMPOUND_DASH = "compound_dash_dropped"
# A dash standing alone between two small-lettered words ("cải - cách"; "cải -cách", "cải- cách"
# are ``task_doubts``' stray marks held to one word).
_SPACED_DASH = lazy_compile(r"(?<=(?<!\p{L})(\p{Ll}+)) [-–] (?=(\p{Ll}+)(?!\p{L}))")


def compound_dashes(text: str, model: RepairModel, min_bigram: float) -> tuple[str, list[str]]:
    """``text`` with each dash between the syllables of one compound taken out (the bigram of the
    two, the dash skipped, at least ``min_bigram``), and the pairs joined ("cải cách")."""
    joined: list[str] = []

    def join(m: re.Match) -> str:
        before, after = m.group(1), m.group(2)
        if before not in model.syllables or after not in model.syllables:
            return m.group(0)
        if model.bigram(before, after) < min_bigram:
            return m.group(0)
        joined.append(f"{before} {after}")
        return " "

    return _SPACED_DASH.sub(join, text), joined
