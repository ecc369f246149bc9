"""A header label of a table by unit whose printed code a scan lost, given the one code its
neighbours leave it.

A table across prints its indicators' codes in its header ("2.1. Tổng số …", "a) Số TTHC …",
"b) …", "c) …", "2.2. Tỷ lệ …"): the codes are the annex's tree, which the sums and shares are
checked on. OCR drops a short token now and then: "c)" before "Giải quyết quá hạn" read as
nothing. One label without its code among printed ones does not make the others unprinted: its
place does say its code when the codes on each side leave exactly one (after "b)" of 3.1 and
before "3.2", only "3.1.c"; after "2.1" and before "2.3", only "2.2"). Anything else (two labels
running without a code, a code the neighbours leave open) stays unsaid, and the table is coded by
its columns as before.
"""

from __future__ import annotations

from collections.abc import Callable

from normalize.codes import item_letter, item_place

# (code, words) of a label, given the code of the last numbered label before it.
Reader = Callable[[str, "str | None"], "tuple[str, str] | None"]


def codes_across_gaps(labels: list[str], read: Reader) -> list[tuple[str, str]] | None:
    """Every label's code and words, in order: the printed code, or for a label printing none
    between two that do the one code they leave it (``gap_code``); None when a label's code is
    neither printed nor left."""
    found: list[tuple[str, str] | None] = []
    last: str | None = None
    for label in labels:
        code = read(label, last)
        if code is not None and code[0][-1].isdigit():  # (a lettered item is no parent of the next)
            last = code[0]
        found.append(code)
    out: list[tuple[str, str]] = []
    for k, code in enumerate(found):
        if code is None:
            before = out[-1][0] if out else None
            after = found[k + 1] if k + 1 < len(found) else None
            gap = gap_code(before, after[0] if after else None)
            if gap is None:
                return None
            code = (gap, labels[k].strip())
        out.append(code)
    return out


def gap_code(before: str | None, after: str | None) -> str | None:
    """The one code between two printed codes of a header's labels: the next letter of a
    lettered item whose group the next label closes ("3.1.b", "3.2" → "3.1.c") or goes on
    ("3.1.a", "3.1.c" → "3.1.b"); the number between two numbered siblings ("2.1", "2.3" →
    "2.2"); "1" for the first label before "2". None when a label printing no code is first (but
    that) or last, or the two leave more than one code or none."""
    if before is None and after == "2":
        return "1"  # the first label, before the second top-level code
    if before is None or after is None:
        return None
    group, _, item = before.rpartition(".")
    if item.isalpha():  # a lettered item: its group goes on to the next letter
        nxt = f"{group}.{item_letter(item_place(item) + 1)}"
        if item_letter(item_place(item) + 1) == "":
            return None
        a_group, _, a_item = after.rpartition(".")
        if a_group == group and a_item.isalpha():
            return nxt if item_place(a_item) == item_place(item) + 2 else None
        return nxt if _closes(group, after) else None
    if item.isdigit():
        a_group, _, a_item = after.rpartition(".")
        if a_group == group and a_item.isdigit() and int(a_item) == int(item) + 2:
            return f"{group}.{int(item) + 1}" if group else str(int(item) + 1)
    return None


def _closes(group: str, after: str) -> bool:
    """Whether a numbered code is the next one after a lettered group's parent or one of its
    ancestors ("3.1" closed by "3.2" or "4"): the group's items end before it."""
    parts, nxt = group.split("."), after.split(".")
    if not all(p.isdigit() for p in parts + nxt) or len(nxt) > len(parts):
        return False
    head = parts[: len(nxt)]
    return nxt[:-1] == head[:-1] and int(nxt[-1]) == int(head[-1]) + 1
