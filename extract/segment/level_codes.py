"""A criterion code printed over several columns, one per level of the hierarchy: "I" | "1" | "a" (each
row fills the column of its own level, the rows above giving its parents), or "1" | "1.1" | "1.1.1" (the
full code in its level's column). The header may merge one label over them all ("TT", "Mã số") or name
each level ("Lĩnh vực | Tiêu chí | Tiêu chí thành phần"); either way the columns between the code
column and the name hold nothing but codes, and a row's code is the one its deepest filled column
prints. Its parents are the rows above (``normalize.code_repair`` places it by their order).

A level printed as a lone letter ("a", "b" under "1", as the provincial decisions print them) keeps
its letter: it is given to the code repair as the lettered item it is ("a)"), not left unread for the
repair to number ("1.1" where "1.a" was printed)."""

from __future__ import annotations

from extract.segment.grid_codes import compact_code
from extract.segment.joined import JoinedRow, JoinedTable
from normalize.codes import letter_item, parse_code

# Of the cells a column fills, the share that must read as codes for it to be a level column (the
# rest: a total row's label merged over the code columns and the name, "Tổng số điểm").
_CODE_SHARE = 0.8


def lone_letter(text: str) -> str | None:
    """The item letter of a cell printing a letter alone ("a", "đ"), or None."""
    return letter_item(f"{text.strip()})") if len(text.strip()) == 1 else None


def code_like(text: str) -> bool:
    """Whether a cell holds a code and nothing else: "I", "2.", "1.1.1", "a", "b)"."""
    text = compact_code(text.strip())
    return bool(parse_code(text) or lone_letter(text) or letter_item(text))


def _codes_only(joined: JoinedTable, col: int) -> bool:
    filled = [row.cells[col] for row in joined.rows if col < len(row.cells) and row.cells[col].strip()]
    return bool(filled) and sum(code_like(t) for t in filled) >= _CODE_SHARE * len(filled)


def level_columns(joined: JoinedTable, columns: dict[str, int]) -> list[int]:
    """The grid columns holding a code's levels, left to right: the code column's own (a header merged
    over them) and the unmapped columns after it, before the name, that print nothing but codes.
    Empty when the code has one column (read as it always was)."""
    code_col, name_col = columns.get("code"), columns.get("name")
    if code_col is None or name_col is None or name_col <= code_col:
        return []
    mapped = set(columns.values())
    levels = [c for c in joined.columns_of(code_col) if c < name_col]
    for col in range(max(levels) + 1, name_col):
        owner = joined.owners[col] if col < len(joined.owners) else col
        if col in mapped or owner not in (col, code_col) or not _codes_only(joined, col):
            break
        levels.append(col)
    levels = sorted(set(levels))
    return levels if len(levels) > 1 and all(_codes_only(joined, c) for c in levels[1:]) else []


def level_code(row: JoinedRow, levels: list[int]) -> str | None:
    """The code a row prints in its deepest filled level column, a lone letter as its item token ("a)");
    None when a filled cell is no code (a total's label over the code columns: read as before)."""
    filled = [row.cells[c].strip() for c in levels if c < len(row.cells) and row.cells[c].strip()]
    if not filled or not all(code_like(t) for t in filled):
        return None
    return item_token(compact_code(filled[-1]))


def item_token(code: str) -> str:
    """A code cell printing a letter alone read as the lettered item it is ("a" → "a)"); any other unchanged."""
    letter = lone_letter(code)
    return f"{letter})" if letter else code
