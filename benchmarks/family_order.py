"""The order families and their documents are listed in: by the family's code, its letters then its
number, so "N99" comes before "N100" and "N10" before both (a plain sort puts "N100_…" before
"N10_…": "0" sorts before "_"). For the codes of two digits every plain sort already gave, the
order is the same."""

from __future__ import annotations

import re

_CODE = re.compile(r"([A-Z]+)(\d+)")


def family_order(name: str) -> tuple[str, int, str]:
    """The sort key of a family's name, or of a document's path under its family's folder: the
    code's letters, its number, then the rest as text (a name with no code: itself, before any
    coded name of the same letters)."""
    m = _CODE.match(name)
    return (m.group(1), int(m.group(2)), name[m.end() :]) if m else (name, -1, "")
