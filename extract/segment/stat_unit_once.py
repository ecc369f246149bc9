"""An annex's unit printed once for the rows that share it: the unit cell merged down over the run
(every format gives it once, at its first row: ``JoinedRow.above`` holds it for the rows under
it), or the run's later cells marked "nt", "-nt-", "Nt", "như trên" or a ditto mark ("as above").
Each row's unit is its own: the merged cell's text, or the unit of the row above for a ditto; read
as printed, the rows under a merge had no unit and those marked "nt" had the unit "nt".

A run's blank cell with no merge over it (a text PDF printing the unit once, its rows ruled apart
or not at all) is left blank: nothing on the page says it is the run's and not a row with no
unit."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# "nt", "-nt-", "Nt", "n.t", "như trên", or a ditto mark alone ('"', "〃", "”").
_DITTO = lazy_compile(r"[\s\-–—(]*(?:n\s*\.?\s*t|nhu\s+tren)[\s\-–—.)]*|\s*[\"“”〃]+\s*")


def is_ditto(printed: str) -> bool:
    """Whether a unit cell says "as above" (folded, so "Nt", "NT" and "như trên" alike)."""
    return bool(printed.strip()) and _DITTO.fullmatch(fold(printed)) is not None


def own_unit(printed: str, merged: str | None, above: str) -> str:
    """A row's unit: ``printed`` in its own cell; where blank, the text of a cell merged down onto
    it (``merged``); a ditto's, the unit of the row above (``above``: blank when none came before,
    which leaves the ditto as printed)."""
    if is_ditto(printed):
        return above or printed
    if not printed.strip() and merged:
        return " ".join(merged.split())
    return printed
