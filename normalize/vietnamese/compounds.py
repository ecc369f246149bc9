"""Corrupted compounds of clean text: a token that is two syllables, a missing space ("cơchế") or a
first half replaced the same way throughout a document ("Sonchính" = "tài chính")."""

from __future__ import annotations

from functools import lru_cache

from .model import RepairModel, load_model
from .settings import RepairSettings
from .slots import Cand
from .syllable import apply_case, case_of, fold, has_diacritic, normalize_syllable
from .tokens import parse_token


def compound_splits(core: str, model: RepairModel) -> list[tuple[str, str, int]]:
    """(head, tail, position) splits of a non-syllable token whose tail is a syllable."""
    low = normalize_syllable(core.lower())
    out = []
    for i in range(2, len(low) - 1):
        head, tail = low[:i], normalize_syllable(low[i:])
        if tail in model.syllables and len(fold(tail)) >= 3:
            out.append((head, tail, i))
    return out


def consensus_substitutes(tokens: list[str], model: RepairModel) -> tuple[tuple[str, str], ...]:
    """A corrupted first half is corrupted the same way throughout a document ("Son" for "tài"
    in "Sonchính", "Sónsản", "Sonkhoản"): per diacritic-free head, the syllable that precedes
    most of its tails in the model, the strongest compound breaking ties."""
    tails: dict[str, set[str]] = {}
    for splits in map(_split_votes, set(tokens)):
        for head, tail in splits:
            tails.setdefault(head, set()).add(tail)
    out = []
    for head, ts in tails.items():
        votes: dict[str, tuple[int, float]] = {}
        # In a fixed order (a set of strings is ordered differently in every process): the sums of
        # log-probabilities and the first of equal votes do not depend on PYTHONHASHSEED.
        for t in sorted(ts):
            for sub in model.left_of(t):
                n, lp = votes.get(sub, (0, 0.0))
                votes[sub] = (n + 1, lp + model.bigram(sub, t))
        if votes:
            out.append((head, max(votes.items(), key=lambda kv: kv[1])[0]))
    return tuple(sorted(out))


@lru_cache(maxsize=100_000)
def _split_votes(piece: str) -> tuple[tuple[str, str], ...]:
    """(folded head, tail) of each split of a token that may be a corrupted compound (most have
    none: ``consensus_substitutes`` reads every token of every line)."""
    core = parse_token(piece).core
    if not core or not core.isalpha() or core.isupper() or not may_split(core):
        return ()
    return tuple((fold(head), tail) for head, tail, _i in compound_splits(core, load_model()))


@lru_cache(maxsize=100_000)
def may_split(core: str) -> bool:
    """Could ``classify`` read this token as two syllables with a substituted head: a marked
    token of five letters or more that is not a syllable (an unmarked one is stripped or OCR'd
    text, never a substituted word). Only such tokens vote for, and use, the substitutes."""
    low = normalize_syllable(core.lower())
    return len(low) >= 5 and has_diacritic(low) and low not in load_model().syllables


def split_candidates(
    core: str, model: RepairModel, settings: RepairSettings, substitutes: tuple[tuple[str, str], ...] = ()
) -> list[Cand]:
    """A non-syllable token as two syllables: a missing space ("cơchế") or a corrupted first
    half ("Sonchính" = "tài chính"), replaced by the document's consensus substitute for that
    head, or else by the syllables the model has seen before the tail."""
    agreed = dict(substitutes)
    out: list[Cand] = []
    nfc_core = normalize_syllable(core)
    upper = case_of(core) == "upper"
    for head, tail, i in compound_splits(core, model):
        tail_text = apply_case(tail, case_of(nfc_core[i:]))
        if head in model.syllables:  # a missing space: each half keeps its own case
            text = apply_case(head, case_of(nfc_core[:i])) + " " + tail_text
            out.append(Cand((head, tail), text, settings.split_cost, cased=True))
        sub = agreed.get(fold(head))
        for s in (sub,) if sub else model.left_of(tail):
            # A substituted head: its case is noise ("Sonchính" mid-sentence), written lower.
            text = (s.upper() + " " + tail.upper()) if upper else f"{s} {tail_text}"
            out.append(Cand((s, tail), text, settings.substitute_cost, cased=True))
    return out


# A word boundary of a glued token is kept only where the model has seen the two syllables side
# by side: an unseen pair scores near the model's floor (about -11.5), a seen one above this.
_SEEN_BIGRAM = -10.0


@lru_cache(maxsize=100_000)
def glued_syllables(core: str) -> tuple[str, ...]:
    """A token OCR printed without its spaces ("thôngtin", "Cônganxã", "Biênbảnkiểm") as its
    syllables, each as printed; ``()`` when the token is a syllable, or is not two or more
    syllables of two letters or more each side by side as the model has seen them (an OCR-damaged
    word such as "Tiấp" is "ti" + "ấp" only by letters: the model never saw that pair)."""
    model = load_model()
    if len(core) < 4 or not core.isalpha() or core.isupper() or normalize_syllable(core.lower()) in model.syllables:
        return ()
    # best[i]: (score, pieces) of the best reading of core[:i] as seen syllables.
    best: dict[int, tuple[float, tuple[str, ...]]] = {0: (0.0, ())}
    for j in range(2, len(core) + 1):
        options = []
        for i in range(max(0, j - 7), j - 1):
            if i not in best:
                continue
            low = normalize_syllable(core[i:j].lower())
            if low not in model.syllables:
                continue
            score, pieces = best[i]
            if pieces:
                link = model.bigram(normalize_syllable(pieces[-1].lower()), low)
                if link < _SEEN_BIGRAM:
                    continue
                score += link
            options.append((score, pieces + (core[i:j],)))
        if options:
            best[j] = max(options)
    found = best.get(len(core))
    return found[1] if found and len(found[1]) > 1 else ()
