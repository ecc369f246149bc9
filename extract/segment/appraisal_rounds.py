"""A points column given in rounds: "Lần 1 | Lần 2 (sau giải trình)" under one merged "Điểm thẩm
định", the appraisers' first points and their points after the commune's explanations. The points
are the final round's, the later column; the earlier rounds are context, neither points nor a
column left unread.

The header matcher finds the points' label on the round that carries it ("Điểm thẩm định Lần 1",
the merged label read into its first column) and nothing on the rounds after ("Lần 2"). A run of
columns each naming a round, starting at a points column, moves that points field to the run's
last column. The rounds are read from the header's words alone ("lần", "vòng" and a number, "sau
giải trình"): no layout is named."""

from __future__ import annotations

from dataclasses import dataclass

from normalize.lazy_regex import lazy_compile
from normalize.text import fold

# A round's label: "Lần 1", "Lần thứ 2", "Vòng 2", "(sau giải trình)".
_ROUND = lazy_compile(r"\b(?:lan|vong)\s*(?:thu\s*)?(?:\d|hai|ba|mot)\b|\bsau\s+giai\s+trinh\b")


# An appraisal's label: "thẩm định" (appraised), points "đề xuất" (proposed) by an appraiser, or
# the appraising body named ("Phòng Nội vụ", "Sở Nội vụ", "Hội đồng", "Tổ/Đoàn thẩm định, kiểm tra").
_APPRAISAL = lazy_compile(
    r"\b(?:tham dinh|de xuat|(?:phong|so) noi vu|hoi dong|(?:to|doan) (?:tham dinh|kiem tra|danh gia))\b"
)


@dataclass(frozen=True)
class RoundColumns:
    """The columns with each points field at its final round, and the earlier rounds' columns."""

    columns: dict[str, int]
    earlier: frozenset[int] = frozenset()


def names_round(label: str) -> bool:
    return bool(_ROUND.search(" ".join(fold(label or "").split())))


def final_rounds(labels: list[str], columns: dict[str, int], points_keys: tuple[str, ...]) -> RoundColumns:
    """Each points field whose column names a round, moved to the last of the round columns that
    follow it (none of them another field's); the columns passed over are the earlier rounds."""
    out = dict(columns)
    earlier: set[int] = set()
    taken = set(columns.values())
    # "Sau giải trình" (after the explanations) names a round, though the matcher, reading
    # "giải trình", took it for the explanation column: following a round, it is the final round.
    as_round = {columns.get("explanation")} - {None}
    for key in points_keys:
        col = columns.get(key)
        if col is None or not names_round(labels[col]):
            continue
        last = col
        while last + 1 < len(labels) and (last + 1 not in taken or last + 1 in as_round):
            if not names_round(labels[last + 1]):
                break
            last += 1
        if last != col:
            out[key] = last
            earlier.update(range(col, last))
            if out.get("explanation") in range(col + 1, last + 1):
                out.pop("explanation")
                after = [c for c in range(last + 1, len(labels)) if c not in taken]
                if after:  # the explanation is the column after the rounds ("Lý do"), if any
                    out["explanation"] = after[0]
    # Appraisals by two bodies side by side ("Phòng Nội vụ thẩm định | Hội đồng thẩm định"): the
    # appraised points are the later column the matcher took; an appraisal column just before it
    # that no field took is the earlier round, context (not a points column left unread).
    col = out.get("appraised")
    while col is not None and col - 1 >= 0 and col - 1 not in taken and names_appraisal(labels[col - 1]):
        col -= 1
        earlier.add(col)
    return RoundColumns(out, frozenset(earlier))


def names_appraisal(label: str) -> bool:
    """Whether a column's label names an appraisal of the points ("Phòng Nội vụ thẩm định", "Điểm
    Phòng Nội vụ đề xuất")."""
    return bool(_APPRAISAL.search(" ".join(fold(label or "").split())))
