"""Whether the rows read under a parent are all its children, said by the criteria set through the
rows' names where the table numbers its rows its own way: a document that groups the set's fields
into parts of its own and numbers each part afresh (``code_names.own_numbered``: "I", "1", "1.a"
… over the set's 1.1, 1.1.1 …) prints codes the set has for other criteria ("1" is the set's
field 1, but the page's "1" is the set's 1.1, "Kế hoạch CCHC năm"). Compared by code, the set's
children of "1" (1.1, 1.2, 1.3) are never the page's (1.a … 1.d), and no sum under such a parent
could give a lost cell; compared by name, the parent is the criterion its name words and its
children are whole when their names word every child the set gives that criterion, none twice
(``derived_members.whole_children``)."""

from __future__ import annotations

from cchc_extract.reconcile.hierarchy import norm_code
from normalize.criteria import CriteriaSet, CriterionDef
from normalize.criteria.code_names import named_as, norm, own_numbered
from normalize.criteria.match_settings import MatchSettings
from schemas.records import ScoreRow


def own_numbered_table(rows: list[ScoreRow], cset: CriteriaSet | None, s: MatchSettings = MatchSettings()) -> bool:
    """Whether a table numbers its rows in parts of its own, not the set's codes (``own_numbered``)."""
    return cset is not None and own_numbered(rows, cset.by_code(), _names(cset), s)


def criterion_of(
    row: ScoreRow, cset: CriteriaSet, own: bool, s: MatchSettings = MatchSettings()
) -> CriterionDef | None:
    """The set's criterion a row stands for: its code's, or, in a table numbered its own way
    (``own``), the one its name words (``named_as``); None when the set has none."""
    return named_as(row, _names(cset), s) if own else cset.by_code().get(norm_code(row.code) or "")


def children_named_whole(
    rows: list[ScoreRow], p: int, children: list[int], cset: CriteriaSet, s: MatchSettings = MatchSettings()
) -> bool:
    """Whether the rows under ``p`` are all its children by their names: the parent's name words a
    criterion of the set that has children, and the children's names word each of those, every
    one once. A row whose name OCR garbled past the set's wording (``named_as``: near-identical)
    answers no: the sum is then not known whole."""
    names = _names(cset)
    parent = named_as(rows[p], names, s)
    wanted = sorted(c.code for c in cset.children(parent.code)) if parent is not None else []
    named = [named_as(rows[k], names, s) for k in children]
    return bool(wanted) and all(c is not None for c in named) and sorted(c.code for c in named if c) == wanted


def _names(cset: CriteriaSet) -> list[tuple[str, CriterionDef]]:
    """The set's wordings folded, each with its criterion, as ``named_as`` compares them."""
    return [(norm(c.name), c) for c in cset.rows]
