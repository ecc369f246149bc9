"""A speck OCR read as a dash between the two syllables of one word ("báo cáo định kỳ về cải - cách
hành chính"): a plan's own dash in a task's or a product's words stands between names or phrases
("Văn hóa - Xã hội", "chính trị - xã hội"), never inside a compound, and the repair model's
bigrams say which pairs are one: the syllable before almost always takes the one after next
("cải" → "cách", "thủ" → "tục"), where a phrase's last word and the next phrase's first do not
("trị" → "xã", "hóa" → "xã"). The dash is taken out, the row noted (a mend, not queued: no word
is changed, and the words read either side are the compound's).

A speck read as a stop, a colon or a semicolon between them is the same ("làm.việc", "giải:
quyết"): a sentence's or a list's mark closes a phrase, never the first syllable of a compound.
And a syllable a speck split (a space OCR saw inside it: "hết h iệu lực") is two pieces neither
of which is a syllable, joined one."""

from __future__ import annotations

import regex as re

from normalize.lazy_regex import lazy_compile
from normalize.vietnamese.model import RepairModel

# A row's note that a dash inside a compound was taken out.
COMPOUND_DASH = "compound_dash_dropped"
# A dash standing alone between two small-lettered words ("cải - cách"; "cải -cách", "cải- cách"
# are ``task_doubts``' stray marks held to one word).
_SPACED_DASH = lazy_compile(r"(?<=(?<!\p{L})(\p{Ll}+)) [-–] (?=(\p{Ll}+)(?!\p{L}))")
# A row's note that a mark inside a compound was taken out.
COMPOUND_MARK = "compound_mark_dropped"
# A stop, colon or semicolon glued to a small-lettered word before another ("làm.việc", "giải:
# quyết", "giải ; quyết").
_COMPOUND_MARK = lazy_compile(r"(?<=(?<!\p{L})(\p{Ll}+))(?:[.:;] ?| [.:;] )(?=(\p{Ll}+)(?!\p{L}))")
# A row's note that a syllable split by a space was joined.
SPLIT_SYLLABLE = "split_syllable_joined"
# Two small-lettered pieces a space stands between ("h iệu").
_SPACED_PIECES = lazy_compile(r"(?<!\p{L})(\p{Ll}+) (\p{Ll}+)(?!\p{L})")


def compound_dashes(text: str, model: RepairModel, min_bigram: float) -> tuple[str, list[str]]:
    """``text`` with each dash between the syllables of one compound taken out (the bigram of the
    two, the dash skipped, at least ``min_bigram``), and the pairs joined ("cải cách")."""
    return _compounds_spaced(_SPACED_DASH, text, model, min_bigram)


def compound_marks(text: str, model: RepairModel, min_bigram: float) -> tuple[str, list[str]]:
    """``text`` with each stop, colon or semicolon between the syllables of one compound (as
    ``compound_dashes`` weighs them) read as the space it stands in, and the pairs joined."""
    return _compounds_spaced(_COMPOUND_MARK, text, model, min_bigram)


def _compounds_spaced(between: re.Pattern, text: str, model: RepairModel, min_bigram: float) -> tuple[str, list[str]]:
    """``text`` with each match of ``between`` (the syllables before and after as its groups 1
    and 2) read as a space where the two are one compound, and the pairs so joined."""
    joined: list[str] = []

    def join(m: re.Match) -> str:
        before, after = m.group(1), m.group(2)
        if before not in model.syllables or after not in model.syllables:
            return m.group(0)
        if model.bigram(before, after) < min_bigram:
            return m.group(0)
        joined.append(f"{before} {after}")
        return " "

    return between.sub(join, text), joined


def split_syllables(text: str, model: RepairModel) -> tuple[str, list[str]]:
    """``text`` with two spaced pieces that are no syllables but one together joined ("h iệu" →
    "hiệu"), and the syllables so joined."""
    joined: list[str] = []

    def join(m: re.Match) -> str:
        head, tail = m.group(1), m.group(2)
        whole = head + tail
        if head in model.syllables or tail in model.syllables or whole not in model.syllables:
            return m.group(0)
        joined.append(whole)
        return whole

    return _SPACED_PIECES.sub(join, text), joined
