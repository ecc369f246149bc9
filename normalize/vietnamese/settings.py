"""The repair's knobs (``RepairSettings``): one frozen dataclass, the key of every cached look-up."""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import cached_property


@dataclass(frozen=True)
class RepairSettings:
    channel_weight: float = 1.0  # weight of the channel cost against LM log-probabilities
    rare_mark_gap: float = 4.5  # log-frequency gap at which a clean line's rare syllable is doubted
    changed_mark_cost: float = 2.0  # observed token carried marks, candidate differs from it
    mark_mismatch_cost: float = 0.6  # per vowel whose marked/unmarked state differs
    plain_to_marked_cost: float = 0.0  # observed token had no marks at all (stripped text)
    heavy_damage: float = 0.5  # share of suspicious tokens that triggers full decoding
    heavy_min_words: int = 3
    # A typed line (a DOCX, a PDF's text layer, in a document not stripped of its marks) that
    # carries marks on some word and holds only syllables was typed with its marks: its bare words
    # are as the author typed them ("quan, UBMTTQ Việt Nam xã", a cell's line a page break cut),
    # never decoded whole. Set on typed pages only (``typed_marks``).
    keep_marked_typed_lines: bool = False
    beam: int = 6
    # Hypotheses this many nats below the best are dropped (speed): 6 keeps every held-out figure
    # of benchmarks/repair and seed 003 (9 was as accurate, at 1.4× the decoding time; 5 loses a
    # name of seed 003).
    beam_margin: float = 6.0
    name_bonus: float = 3.0  # two capitalised tokens read as consecutive syllables of a gazetteer name
    confidence_rivals: int = 4  # most frequent candidates a choice's confidence is weighed against
    max_candidates: int = 12  # candidates reached through OCR confusions (own-key ones: all)
    per_confusion_key: int = 3  # of those, per diacritic-free key reached
    max_confusions: int = 2
    split_cost: float = 3.0  # a token decoded as two syllables
    substitute_cost: float = 5.0  # first half of a compound replaced from context
    keep_code_cost: float = 0.0
    inner_digit_keep_cost: float = 3.0  # keeping "X4y" as written: a code never looks like that
    light_max_cost: float = 1.5  # in a clean line, only cheap repairs of non-syllables
    valid_confusion_cost: float = 1.5  # reading a valid syllable as an OCR confusion
    # A vowel OCR lost whole ("cp" = "cấp", "b" = "bộ", "d" = "độ"): a heavily marked vowel is
    # the glyph OCR drops. Dearer than any one confusion: it invents a letter.
    dropped_vowel_cost: float = 2.0
    phrase_min_score: float = 90.0
    phrase_min_score_long: float = 86.0  # phrases of 6+ tokens: OCR damage spreads over more
    phrase_min_tokens: int = 3
    phrase_min_shared: float = 0.6  # share of a phrase's distinct words the line must hold to be tried
    # A catalogue phrase's letters against a token's written ones, per edit no OCR confusion
    # explains: dearer than any one confusion (at most 1.4), so that a letter the phrase changes
    # for no known reason counts against it.
    snap_edit_cost: float = 1.5

    # The settings key every cached look-up of a token (``classify``, ``word_candidates``):
    # hashing 25 fields per token would cost the repair a tenth of its time.
    @cached_property
    def _hash(self) -> int:
        return hash(tuple(getattr(self, f.name) for f in fields(self)))

    def __hash__(self) -> int:
        return self._hash
