"""Label rows of a statistics annex: "Trong đó:", "Chia ra:", "Bao gồm:" printed on a row of their
own between a count and its items, with no code and no figure. Such a row counts nothing and names
no indicator: it only says the rows after it break the count above down. It is no row of the
annex, and it must not take a code of its own (an inferred "3.2" would move the items after it
under a row that is not there, and the ratio row below would be read against the wrong count);
dropped, the items stay under their count as printed ("2" then "2.1", or "4.1" then "a)")."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.text import fold


@dataclass(frozen=True)
class LabelRowSettings:
    # Labels (accent-free, lower case, without the closing colon) that open a count's breakdown
    # when printed alone on a row: "of which", "divided into", "made up of", "namely".
    labels: tuple[str, ...] = (
        "trong do",
        "trong so do",
        "chia ra",
        "bao gom",
        "gom",
        "cu the",
        "chi tiet",
    )


def label_of(text: str) -> str:
    """A cell's text as a label: accent-free, lower case, spaces single, the colon, full stop and
    dashes around it dropped ("Trong đó:" → "trong do")."""
    return fold(text).strip(" .:;-–")


def is_label_row(code: str, cells: tuple[str, ...], settings: LabelRowSettings) -> bool:
    """Whether a row is a breakdown label row: no code, and every cell printed is one of the
    settings' labels (the label in the indicator's cell and the others blank, or one cell across
    the indicator, unit, figure and note, which a reader gives to each column it spans)."""
    if code.strip():
        return False
    printed = [label_of(c) for c in cells if c.strip()]
    return bool(printed) and all(p in settings.labels for p in printed)
