"""Fast lookups in WordprocessingML trees.

``el.find(tag)`` runs lxml's path machinery (the path parsed, looked up in a cache, a generator
stepped in Python) on every call, and the DOCX reader asks a paragraph, each run and each cell for
their properties thousands of times per document: in a typed score table that was a sixth of the
reading. ``child`` gives the same answer from lxml's C-level child iterator.
"""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def child(el, tag: str):
    """``el.find(tag)`` for one plain (namespaced) tag: the first child element with it, or None."""
    for found in el.iterchildren(tag):
        return found
    return None


def on_off(el, tag: str) -> bool | None:
    """A Word on/off property (``<w:b/>``, ``<w:b w:val="0"/>``) under ``el``: True, False or None
    when not set (or ``el`` is None)."""
    if el is None:
        return None
    for prop in el.iterchildren(W + tag):
        return prop.get(W + "val", "true").lower() not in ("0", "false", "off", "none")
    return None
