"""Words of an OCR'd criterion name that are no Vietnamese syllable ("công chifc", "xin 16i", "một
cifa"), restored from a word the same document prints correctly beside the same neighbour.

A Latin-only OCR writes ư, ỗ, ử as two glyphs or a digit ("chifc" = "chức", "16i" = "lỗi", "cifa"
= "cửa"). The repair's channel does not take every such rewrite: a rewrite that mends one word
invents a word elsewhere (``normalize.vietnamese.channel``, "if"). Here the evidence is the
document's own: another of its criterion names, or a wording of the criteria sets we know, prints
a syllable within ``max_edits`` letters of the damaged word next to the word the damaged one has
beside it ("công chức" where this name reads "công chifc"). A name that is not a set's criterion
is no dictionary entry: only its word pairs count, as any other name's of the document do. Only a
word that is no syllable is ever replaced, and only when one syllable has the most support.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rapidfuzz.distance import Levenshtein

from normalize.criteria import CriteriaSet
from normalize.vietnamese.channel import CONFUSIONS
from normalize.vietnamese.model import load_model
from normalize.vietnamese.syllable import apply_case, case_of, fold, normalize_syllable
from normalize.vietnamese.tokens import is_code, parse_token

if TYPE_CHECKING:
    from schemas.records import ScoreTable


@dataclass(frozen=True)
class DocumentWordSettings:
    # Letters (diacritics aside) a damaged word may differ by from the syllable it stands for:
    # OCR's two glyphs for one letter ("if" for ư) is two; more reaches other words.
    max_edits: int = 2
    # A damaged word of fewer letters is a speck or an abbreviation, not a misread syllable.
    min_letters: int = 2
    # Letters a damaged word may have more or fewer than its syllable: one glyph of two ("if" for
    # ư). Two syllables glued ("Sựhài", "Kéhoach") lose their first to a syllable two shorter.
    max_length_change: int = 1


def restore_document_words(
    tables: Sequence[ScoreTable],
    lines: Sequence[str],
    pool: Sequence[CriteriaSet],
    s: DocumentWordSettings = DocumentWordSettings(),
) -> int:
    """Replace, in the names of ``tables``' rows, each word that is no syllable by the syllable the
    document (its ``lines`` as repaired, its rows' names and explanations) and ``pool``'s wordings
    print beside its neighbour; returns the words replaced. The name as read stays in
    ``name_raw``."""
    texts = [text for t in tables for r in t.rows for text in (r.name, r.explanation) if text]
    words, pairs = _vocabulary([*lines, *texts, *(c.name for cs in pool for c in cs.rows)])
    done = 0
    for table in tables:
        for row in table.rows:
            if row.name:
                mended, n = mend_name(row.name, words, pairs, s)
                if n:
                    row.name = mended
                    done += n
    return done


def mend_name(
    name: str, words: Counter[str], pairs: frozenset[tuple[str, str]], s: DocumentWordSettings
) -> tuple[str, int]:
    """``name`` with its damaged words replaced (``restore_document_words``), and how many."""
    pieces = name.split(" ")
    keys = [_syllable(p) for p in pieces]
    done = 0
    for i, piece in enumerate(pieces):
        core = parse_token(piece).core
        if keys[i] or not _damaged(core, s):
            continue
        before = keys[i - 1] if i > 0 and not parse_token(pieces[i - 1]).trail else None
        after = keys[i + 1] if i + 1 < len(pieces) and not parse_token(piece).trail else None
        found = _best(core, before, after, words, pairs, s)
        if found is not None:
            tok = parse_token(piece)
            # (a capital inside a name is OCR's, "quy Shai pháp", unless the name is in capitals)
            case = case_of(core) if i == 0 or case_of(core) == "upper" else "lower"
            pieces[i] = tok.lead + apply_case(found, case) + tok.trail
            keys[i] = found
            done += 1
    return " ".join(pieces), done


def _best(
    core: str,
    before: str | None,
    after: str | None,
    words: Counter[str],
    pairs: frozenset[tuple[str, str]],
    s: DocumentWordSettings,
) -> str | None:
    """The syllable with the most support (neighbours it is printed beside, then fewest letters
    changed, then most printed); None when none is beside a neighbour or two tie."""
    seen = fold(core).translate(_DIGIT_LETTERS)
    if len(seen) < 3 and not any(ch in _VOWELS for ch in seen):
        # (two letters, no vowel, none a digit stands for: OCR's junk, "mm...", not a syllable;
        # a longer word may have lost every vowel to its glyphs: "lvgng" = "lượng")
        return None
    ranked = []
    for word, count in words.items():
        key = fold(word)
        if abs(len(key) - len(seen)) > s.max_length_change:
            continue
        edits = Levenshtein.distance(seen, key, score_cutoff=s.max_edits)
        # (half the word's letters at most: "18i" is not "với")
        if edits > min(s.max_edits, len(seen) // 2):
            continue
        beside = ((before, word) in pairs) + ((word, after) in pairs)
        if beside:
            ranked.append(((beside, -edits, count), word))
    if not ranked:
        return None
    ranked.sort(reverse=True)
    if len(ranked) > 1 and ranked[0][0] == ranked[1][0]:
        return None
    return ranked[0][1]


# The letter a digit inside a word stands for: the repair's channel's reading of it ("16i" = "loi").
_DIGIT_LETTERS = str.maketrans(
    {src: dst for src, dst, _cost in reversed(CONFUSIONS) if len(src) == 1 and src.isdigit() and len(dst) == 1}
)


_VOWELS = frozenset("aeiouy")


def _vocabulary(texts: Sequence[str]) -> tuple[Counter[str], frozenset[tuple[str, str]]]:
    """The syllables the texts print and the pairs of them printed side by side (no punctuation
    between)."""
    words: Counter[str] = Counter()
    pairs = set()
    for text in texts:
        pieces = text.split()
        keys = [_syllable(p) for p in pieces]
        words.update(k for k in keys if k)
        for k, (a, b) in enumerate(zip(keys, keys[1:])):
            if a and b and not parse_token(pieces[k]).trail:
                pairs.add((a, b))
    return words, frozenset(pairs)


def _syllable(piece: str) -> str | None:
    """The piece's word, lower-case in the house tone placement, when it is a syllable."""
    core = parse_token(piece).core
    key = normalize_syllable(core.lower())
    return key if core.isalpha() and key in load_model().syllables else None


def _damaged(core: str, s: DocumentWordSettings) -> bool:
    """A word OCR may have misread: letters (digits among them allowed) and no syllable; not a
    code, a number or a capitalised abbreviation."""
    if len(core) < s.min_letters or not any(ch.isalpha() for ch in core) or is_code(core):
        return False
    return not (core.isupper() and core.isalpha())
