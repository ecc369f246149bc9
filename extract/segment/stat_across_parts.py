"""The tree of a table by unit printed across (``stat_across_units``) read from its own arithmetic
where its header does not draw it. Each unit's row is a small sum of its own, so:

- flat columns right after a column that add up to it in every unit's row are its parts ("Đã giải
  quyết | Đúng hạn | Quá hạn": on time and late make the resolved files, row by row), coded under
  it (2, 2.1, 2.2) as a spanning header's sub-columns are;
- a share column printed last ("Tỷ lệ đúng hạn (%)", "Tỷ lệ trước và đúng hạn (%)") is a share of
  one group's counts: the group whose parts, a run of them, over its whole give every unit's share
  is the one it belongs to, and it is that group's last part (2.3), checked against its siblings
  there, not a count of its own at the top (3, 5); when two groups give it, the one that gives it in
  more units' rows (a group of none in some rows vouches for nothing there).

Only the units' rows vouch (never the commune's own row alone: its share may be the commune's
fault, which the reconciliation is to find), each relation holding in every unit's row that
prints its figures and in at least ``min_rows`` of them. A table printing its codes keeps them."""

from __future__ import annotations

from dataclasses import dataclass, field

from extract.segment.points_words import share_label, share_value
from extract.segment.units_sums import whole_count
from schemas.records import StatRow


@dataclass(frozen=True)
class AcrossPartsSettings:
    # Unit rows a relation must hold in (each printing its figures) to draw the tree by it.
    min_rows: int = 2
    # A share printed to two decimals (or one) against the parts over the whole, in points.
    share_tolerance: float = 0.06


@dataclass
class _Node:
    row: StatRow
    col: int | None
    parts: list[_Node] = field(default_factory=list)


def nested_by_sums(
    read: list[tuple[StatRow, int | None]],
    units: list[list[str]],
    settings: AcrossPartsSettings = AcrossPartsSettings(),
) -> list[StatRow]:
    """The rows ``read`` (each with its column, in print order, coded by column) recoded by the
    sums and shares the ``units``' rows (their cells by column) print; as read where none holds."""
    nodes = _tree(read)
    if len(units) < settings.min_rows:
        return [r for r, _ in read]
    nodes = _captions_opened(nodes, units, settings)
    nodes = _summed_parts(nodes, units, settings)
    nodes = _shares_placed(nodes, units, settings)
    return _coded(nodes)


def _tree(read: list[tuple[StatRow, int | None]]) -> list[_Node]:
    """The top-level rows with their parts, by the codes given."""
    out: list[_Node] = []
    by_code: dict[str, _Node] = {}
    for row, col in read:
        node = _Node(row, col)
        head = by_code.get(row.parent or "") if row.parent else None
        (head.parts if head is not None else out).append(node)
        by_code[row.code or ""] = node
    return out


def _captions_opened(nodes: list[_Node], units: list[list[str]], settings: AcrossPartsSettings) -> list[_Node]:
    """``nodes`` with each spanning header that prints no figure of its own and whose columns add
    up, in every unit's row, to a column printed after them ("Số hồ sơ theo lĩnh vực" over the
    fields, then "Tổng số") replaced by its columns: such a header names how the total is split
    (by field), no count of its own, and its columns stand beside the total as the table's rows."""
    out: list[_Node] = []
    for k, node in enumerate(nodes):
        if node.col is None and _caption_of_total(node, nodes[k + 1 :], units, settings):
            out.extend(node.parts)
        else:
            out.append(node)
    return out


def _caption_of_total(node: _Node, after: list[_Node], units: list[list[str]], settings: AcrossPartsSettings) -> bool:
    parts = [_column(units, p.col) for p in node.parts if not p.parts]
    if len(parts) < 2 or len(parts) != len(node.parts) or any(f is None for p in parts for f in p):
        return False
    sums = [sum(f or 0 for f in figures) for figures in zip(*parts)]
    for total in after:
        if total.parts or total.col is None or share_label(total.row.indicator):
            continue
        if _column(units, total.col) == sums and sum(1 for s in sums if s) >= settings.min_rows:
            return True
    return False


def _column(units: list[list[str]], col: int | None) -> list[int | None]:
    """Each unit's whole count in column ``col``."""
    return [whole_count(r[col]) if col is not None and col < len(r) else None for r in units]


def _summed_parts(nodes: list[_Node], units: list[list[str]], settings: AcrossPartsSettings) -> list[_Node]:
    """``nodes`` with each flat column followed by flat columns adding up to it in every unit's row
    holding them as its parts (the fewest such columns, two at least)."""
    out: list[_Node] = []
    k = 0
    while k < len(nodes):
        whole = nodes[k]
        run = _parts_run(whole, nodes[k + 1 :], units, settings)
        out.append(whole if not run else _Node(whole.row, whole.col, run))
        k += 1 + len(run)
    return out


def _parts_run(whole: _Node, after: list[_Node], units: list[list[str]], settings: AcrossPartsSettings) -> list[_Node]:
    if whole.parts or whole.col is None or share_label(whole.row.indicator):
        return []
    totals = _column(units, whole.col)
    if any(t is None for t in totals):
        return []
    sums = [0] * len(units)
    for m, node in enumerate(after):
        if node.parts or node.col is None or share_label(node.row.indicator):
            return []
        figures = _column(units, node.col)
        if any(f is None for f in figures):
            return []
        sums = [s + (f or 0) for s, f in zip(sums, figures)]
        if m >= 1 and sums == totals and any(t for t in totals):
            return after[: m + 1]
        if any(s > (t or 0) for s, t in zip(sums, totals)):
            return []
    return []


def _shares_placed(nodes: list[_Node], units: list[list[str]], settings: AcrossPartsSettings) -> list[_Node]:
    """``nodes`` with each top-level share column moved under the group whose run of parts over its
    whole gives it in every unit's row, in the most rows (none on a tie)."""
    out = list(nodes)
    for node in nodes:
        if node.parts or node.col is None or not share_label(node.row.indicator):
            continue
        held = {id(g): _share_of(g, node, units, settings) for g in out if g is not node and g.parts}
        groups = [g for g in out if held.get(id(g), 0) >= settings.min_rows]
        best = max((held[id(g)] for g in groups), default=0)
        groups = [g for g in groups if held[id(g)] == best]
        if len(groups) == 1:
            out.remove(node)
            groups[0].parts.append(node)
    return out


def _share_of(group: _Node, share: _Node, units: list[list[str]], settings: AcrossPartsSettings) -> int:
    """The unit rows in which ``share`` is a run of ``group``'s parts over its whole, when that run
    holds in every unit's row printing the share and the group's whole (0 when none does). Two
    groups may both hold where the share is 100% and one of them counts nothing elsewhere (the
    files pending: a row of none pending says nothing of the share): the group that vouches for the
    share in more rows, those where it is not 100% among them, is its own. All of a group's parts
    over the whole they add up to vouch for nothing (100% in every row, any share of 100% "holds")."""
    totals = _column(units, group.col)
    shares = [share_value(r[share.col]) if share.col is not None and share.col < len(r) else None for r in units]
    parts = [_column(units, p.col) for p in group.parts if p.col is not None and not share_label(p.row.indicator)]
    most = 0
    for start in range(len(parts)):
        for end in range(start + 1, len(parts) + 1):
            held = 0
            for u, (whole, printed) in enumerate(zip(totals, shares)):
                figures = [p[u] for p in parts[start:end]]
                if not whole or printed is None or any(f is None for f in figures):
                    continue
                if end - start == len(parts) and sum(f or 0 for f in figures) == whole:
                    continue  # every part over the whole they make is 100%, whatever the share counts
                if abs(100.0 * sum(f or 0 for f in figures) / whole - printed) > settings.share_tolerance:
                    break
                held += 1
            else:
                most = max(most, held)
    return most


def _coded(nodes: list[_Node], parent: str | None = None) -> list[StatRow]:
    """The rows in tree order, coded by their place (1, 1.1 …), as the columns' codes are."""
    out: list[StatRow] = []
    for k, node in enumerate(nodes, start=1):
        code = f"{parent}.{k}" if parent else str(k)
        node.row.code, node.row.parent, node.row.level = code, parent, code.count(".") + 1
        out.append(node.row)
        out.extend(_coded(node.parts, code))
    return out
