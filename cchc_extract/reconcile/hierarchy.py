"""Rows' places in a table: parents from codes ("1.2.3" under "1.2"), orphans, children."""

from __future__ import annotations

from functools import lru_cache

from normalize.code_repair import children_of  # noqa: F401  (re-exported: the reconcilers' one name for it)
from normalize.lazy_regex import lazy_compile
from normalize.text import strip_markup
from schemas.records import ScoreRow

_DIGITS = lazy_compile(r"\d+")
_ROMAN_LETTERS = lazy_compile(r"[IVXL]+")
_SPACE = lazy_compile(r"\s+")
_ROMAN = lazy_compile(r"[ivxlIVXL]+")


def norm_code(code: str | None) -> str | None:
    """ "3. 1" → "3.1", "2.1." → "2.1"; roman numerals upper-cased."""
    if code is None:
        return None
    return _norm_code(str(code))


@lru_cache(maxsize=1 << 12)
def _norm_code(code: str) -> str | None:
    # Kept per code: the checks ask for the same few hundred codes thousands of times a document.
    text = _SPACE.sub("", strip_markup(code)).strip(".)")
    return text.upper() if _ROMAN.fullmatch(text) else text or None


def parent_indices(rows: list) -> list[int | None]:
    """Index of each row's parent (see ``resolve_parents``)."""
    return resolve_parents(rows)[0]


def resolve_parents(rows: list) -> tuple[list[int | None], set[int]]:
    """(parent index of each row, orphans). The parent is the row's stated ``parent`` code, else
    its code minus the last segment ("1.2.3" → "1.2"), resolved to the nearest row above with that
    code; an undotted code under a roman section belongs to the section above it. A row whose
    parent is missing from the table (lost by OCR) is an orphan, attached to its nearest present
    ancestor: its lost parent may have had other children, so sums over it are only partial."""
    out: list[int | None] = []
    orphans: set[int] = set()
    for i, row in enumerate(rows):
        code = norm_code(row.code)
        wanted = norm_code(row.parent)
        if wanted is None and code and "." in code:
            wanted = code.rsplit(".", 1)[0]
        found = None
        if wanted is not None:
            ancestor: str | None = wanted
            while ancestor and found is None:
                found = next((j for j in range(i - 1, -1, -1) if norm_code(rows[j].code) == ancestor), None)
                if found is None:
                    ancestor = ancestor.rsplit(".", 1)[0] if "." in ancestor else None
            if found is not None and ancestor != wanted:
                orphans.add(i)
        elif code and _DIGITS.fullmatch(code):
            found = next((j for j in range(i - 1, -1, -1) if _is_roman(norm_code(rows[j].code))), None)
        out.append(found)
    return out, orphans


def _is_roman(code: str | None) -> bool:
    return bool(code) and _ROMAN_LETTERS.fullmatch(code) is not None


def block_prints(
    rows: list,
    i: int,
    field: str,
    kids: dict[int, list[int]],
    parent_of: dict[int, int],
    top_level: list[int] | None = None,
) -> bool:
    """Whether the block of row ``i`` prints ``field``: its children when it has any, else its
    siblings (itself left out; ``top_level``: the siblings a top-level row is judged by, none by
    default). A score is printed blank only with its whole block (a part left unscored leaves
    every row of it blank, and its parent), so a blank in a block that prints the field is a cell
    lost, and one in a block that prints none is the document's blank."""
    if kids.get(i):
        block = kids[i]
    else:
        parent = parent_of.get(i)
        block = kids.get(parent, []) if parent is not None else (top_level or [])
    return any(getattr(rows[k], field) is not None for k in block if k != i)


def effective(rows: list[ScoreRow], kids: dict[int, list[int]], i: int, field_: str) -> float | None:
    """A row's own value, or for a row printed without one the sum of its children's (None when
    any of them is unknown too)."""
    own = getattr(rows[i], field_)
    if own is not None or not kids.get(i):
        return own
    parts = [effective(rows, kids, c, field_) for c in kids[i]]
    known = [p for p in parts if p is not None]
    return None if len(known) < len(parts) else sum(known)
