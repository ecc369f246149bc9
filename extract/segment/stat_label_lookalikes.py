"""An annex header's two-word label OCR glued and garbled by one letter ("Soliéeu" for "Số liệu",
"Ghichi" for "Ghi chú", "Đơnvj" for "Đơn vị"): the label all the same.

``stat_line_header`` finds a glued label only spelled right ("Kếtquả", "Ghichú"), and a garbled one
only as whole words ("Ghi cha"). A header whose labels OCR both glued and garbled ("SEL |. Noi dung
i DVI Soliéeu | Ghichi |") then names no figure and no note, and the whole annex is lost. One
letter off a glued label of two words is still that label: no word of a sentence or of a score
table's header is one edit from "solieu" or "ghichu" (a single short word is: "dvi", "tt" — those
stay exact)."""

from __future__ import annotations

from dataclasses import dataclass

from rapidfuzz.distance import Levenshtein


@dataclass(frozen=True)
class LabelLookalikeSettings:
    # A glued label this long at least (letters) may be read one edit off; shorter ones are too
    # like other words ("donvi" is a short "đơn vị" of any sentence only as two words, but five
    # letters are too few to tell a garble from another word).
    min_label_letters: int = 6
    # Edits (Levenshtein) a header word may be off the glued label.
    max_edits: int = 1


def names_label_garbled(
    folded: str, labels: tuple[str, ...], settings: LabelLookalikeSettings = LabelLookalikeSettings()
) -> bool:
    """Whether a folded header text holds a word that is one of ``labels`` (of two words or more)
    glued and at most ``max_edits`` letters off."""
    glued_labels = [w.replace(" ", "") for w in labels if " " in w]
    glued_labels = [w for w in glued_labels if len(w) >= settings.min_label_letters]
    words = [w for w in folded.split() if w.isalpha() and len(w) >= settings.min_label_letters - settings.max_edits]
    return any(
        Levenshtein.distance(word, label, score_cutoff=settings.max_edits) <= settings.max_edits
        for word in words
        for label in glued_labels
    )
