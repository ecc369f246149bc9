"""A task's deadline OCR placed in the unit's cell beside it. On a scan of a task table typed at
tab stops the words of two neighbouring cells may sit closer than the columns' finder takes for a
gap, and the deadline ("Thường xuyên") comes out at the end of the lead's cell ("Công chức Tài
chính - Kế toán - Thường xuyên") with the deadline's cell blank. The grammars of units and deadlines
(``normalize.units``) say where the cell parts: a head that reads as a whole unit and a tail that
reads as a whole deadline, the deadline's own cell empty. What the cells hold says it: no layout is
named."""

from __future__ import annotations

from normalize.units import deadline_status, unit_status

# A row's note that its deadline was read at the end of the unit's cell beside it (a mend, not queued).
DEADLINE_MOVED = "deadline_from_unit_cell"
# The unit fields whose cell may hold a deadline's words spilled from the column after it.
UNIT_FIELDS = ("lead", "coordinator")


def deadline_apart(values: dict[str, str], mapping: dict[str, int]) -> bool:
    """Move a deadline read at the end of the unit cell just left of an empty deadline cell into
    that cell (``values`` changed in place); whether one was moved."""
    at = mapping.get("deadline")
    if at is None or (values.get("deadline") or "").strip():
        return False
    left = next((f for f in UNIT_FIELDS if mapping.get(f) == at - 1), None)
    text = (values.get(left) or "").strip() if left else ""
    tokens = text.split()
    for k in range(len(tokens) - 1, 0, -1):  # the shortest tail first
        head = " ".join(tokens[:k]).rstrip(" -–—,;")
        tail = " ".join(tokens[k:]).lstrip(" -–—,;")
        if tail and deadline_status(tail) == "complete" and unit_status(head) == "complete":
            values[left or ""], values["deadline"] = head, tail
            return True
    return False
