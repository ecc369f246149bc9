"""Words of other cells that an OCR dump's lines put inside a criterion's name.

A dump prints a row's cells side by side on each line; where the line parser could not part the
name column from its neighbours (the points cells garbled, a rule's specks, the explanation's
words beside the name's wrap), the row's name holds their pieces: "Công tác tuyên truyền cải cách
hành mà a5 995 chính", "Kiểm tra việc thực hiện văn bản 250/KH-UBND ọe ưu êê ngày 4/10/2024",
"Công khai tài chính, ngân sách theo quy định êê". No criteria set names such a row when its set
is one no dictionary holds, so the name is judged by the language itself: the repair model's
syllable bigrams (``normalize.vietnamese.model``).

- A run of tokens inside the name whose two edges the model has hardly seen (a word and the
  run's first, the run's last and the next word) while the words either side of it read on well
  together ("hành … chính") is another cell's: dropped.
- A run ending the name whose first token the model has hardly seen after the word before it,
  a word that ends a phrase well, is another cell's too: dropped when it is specks and short
  tokens, given to the explanation when it opens the way an explanation does ("Chưa hoàn thành
  2/7 nhiệm vụ …", "Kế hoạch số …").
- A name opening with its own row's code printed again ("8.2. Sự hài lòng …") or with a short
  token the model has hardly seen before a capitalised word ("ui Bố trí cán bộ") drops it.

Only rows no criteria set snapped are looked at (a snapped name is the set's wording), only on
lines read from OCR'd text. What was read stays in ``name_raw``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from extract.segment.line_split import opens_explanation
from extract.segment.note_openings import opens_note
from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.model import load_model
from normalize.vietnamese.tokens import EOS, NUM, lm_unit, parse_token

if TYPE_CHECKING:
    from normalize.vietnamese.model import RepairModel
    from schemas.records import ScoreRow, ScoreTable

FLAG_INTRUDERS = "name_intruders_dropped"
# A document's number or a date ("303/KH-UBND", "9/4/2024"): the explanation's, never a name's word.
_REFERENCE = lazy_compile(r"\d+/(?:\d|[\p{Lu}Đ])")


@dataclass(frozen=True)
class NameIntruderSettings:
    # The words either side of a run read on at least this well (log P of the bigram)...
    join_min: float = -5.0
    # ... and each edge of the run at most this well: a pair the model has all but never seen.
    edge_max: float = -7.0
    # At most this many tokens in a run inside the name (a cell's line: a few words, a reference).
    max_run: int = 6
    # A run ending the name: the word before it ends a phrase at least this well.
    end_min: float = -4.5
    # ... a run of specks and short tokens at most this many, each at most this many letters.
    max_tail: int = 4
    # ... whose first token the model has seen after that word at most this well.
    tail_edge_max: float = -9.0
    short_token: int = 3
    # An explanation's opening words stand after at least this many words of the name.
    min_name_words: int = 3
    # A short token opening the name before a capitalised word: at most this many letters.
    max_head_letters: int = 4
    on: bool = True


def _unit(token: str) -> str | None:
    return lm_unit(parse_token(token).core)


def _lp(model: RepairModel, a: str | None, b: str | None) -> float:
    """log P(b | a); a token the model has no unit for reads as the rarest."""
    if a is None or b is None:
        return model.floor_lp
    return model.bigram(a, b)


def _inner_run(tokens: list[str], units: list[str | None], model: RepairModel, s: NameIntruderSettings):
    """The best run inside the name to drop: (start, end) or None."""
    best: tuple[float, int, int] | None = None
    n = len(tokens)
    for i in range(1, n - 1):
        if _breaks(tokens[i - 1]) or units[i - 1] is None:
            continue
        into = _lp(model, units[i - 1], units[i])
        if into > s.edge_max:
            continue
        for j in range(i + 1, min(n, i + s.max_run + 1)):
            if units[j] is None:
                continue
            join = _lp(model, units[i - 1], units[j])
            out = _lp(model, units[j - 1], units[j])
            if join < s.join_min or out > s.edge_max or _breaks(tokens[j - 1]):
                continue
            if j - i == 1 and not _short(tokens[i], s) and units[i] != NUM:
                continue  # (one long word: the name's own, damaged — "công chifc theo")
            gain = join - (into + out) / 2
            if best is None or gain > best[0]:
                best = (gain, i, j)
    return None if best is None else (best[1], best[2])


def _breaks(token: str) -> bool:
    """A token whose punctuation ends the phrase: the next word need not read on from it."""
    trail = parse_token(token).trail
    return any(ch in ",.;:!?)" for ch in trail)


def _short(token: str, s: NameIntruderSettings) -> bool:
    core = parse_token(token).core
    return len(core) <= s.short_token


def _tail(tokens: list[str], units: list[str | None], model: RepairModel, s: NameIntruderSettings) -> int:
    """Where specks ending the name start (its length when none do): a few short tokens the model
    has all but never seen after the word before them, nor one after another, that word one a
    phrase ends on well ("… hành chính êê", "… đúng hạn tế ảo ảo")."""
    for j in range(max(1, len(tokens) - s.max_tail), len(tokens)):
        if units[j - 1] is None or _lp(model, units[j - 1], EOS) < s.end_min:
            continue
        if _lp(model, units[j - 1], units[j]) > s.tail_edge_max:
            continue
        chained = all(_lp(model, a, b) <= s.edge_max for a, b in zip(units[j:], units[j + 1 :]))
        if chained and all(_short(t, s) for t in tokens[j:]):
            return j
    return len(tokens)


def _folded(token: str) -> str:
    return fold(parse_token(token).core).lower()


def _without_references(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(the tokens without documents' numbers and dates and the "số" / "ngày" announcing them,
    those taken out)."""
    out: list[str] = []
    taken: list[str] = []
    for k, t in enumerate(tokens):
        dated = k > 0 and _REFERENCE.search(tokens[k - 1]) is not None and _folded(t) == "ngay"
        if _REFERENCE.search(t) or dated:  # (a document's number, then "ngày" of its date)
            if out and _folded(out[-1]) in ("so", "ngay"):
                taken.append(out.pop())
            taken.append(t)
            continue
        out.append(t)
    return out, taken


def _explanation_opening(tokens: list[str], model: RepairModel, s: NameIntruderSettings) -> int | None:
    """Where a note's opening words stand inside the name: a document cited ("Kế hoạch số …",
    "UBND ngày", a date: ``opens_explanation``), which no criterion's name goes on with, or a
    verdict ("Chưa hoàn thành …": ``opens_note``) after a word the model has hardly seen it
    after. The name stops there."""
    for j in range(s.min_name_words, len(tokens)):
        rest = [(t, t) for t in tokens[j:]]
        if opens_explanation(rest):
            return j
        if opens_note(rest) and _lp(model, _unit(tokens[j - 1]), _unit(tokens[j])) <= s.edge_max:
            return j
    return None


def _head(tokens: list[str], units: list[str | None], code: str | None, model: RepairModel, s: NameIntruderSettings):
    """How many tokens opening the name are no part of it."""
    if len(tokens) < 3:
        return 0
    first = parse_token(tokens[0]).core
    if code and first.rstrip(".") == code:
        return 1
    nxt = parse_token(tokens[1]).core
    if (
        len(first) <= s.max_head_letters
        and nxt[:1].isupper()
        and nxt[1:2].islower()
        and not first[:1].isupper()
        and _lp(model, units[0], units[1]) <= s.edge_max
    ):
        return 1
    return 0


class Parted(NamedTuple):
    name: str
    explanation: str  # the explanation's words found in the name, to go before its own


def without_intruders(name: str, code: str | None = None, s: NameIntruderSettings = NameIntruderSettings()) -> Parted:
    """The name with other cells' runs taken out: its own code printed again or a speck opening it,
    documents' numbers and dates, a note opening inside it (these go to the explanation), runs
    inside it the model says break it, and specks ending it."""
    model = load_model()
    tokens = name.split()
    tokens = tokens[_head(tokens, [_unit(t) for t in tokens], code, model, s) :]
    opening = _explanation_opening(tokens, model, s)
    tokens, explanation = (tokens, []) if opening is None else (tokens[:opening], tokens[opening:])
    tokens, references = _without_references(tokens)
    explanation = references + explanation
    while (run := _inner_run(tokens, [_unit(t) for t in tokens], model, s)) is not None:
        tokens = tokens[: run[0]] + tokens[run[1] :]
    tail = _tail(tokens, [_unit(t) for t in tokens], model, s)
    return Parted(" ".join(tokens[:tail]), " ".join(explanation))


def drop_intruders(rows: Sequence[ScoreRow], s: NameIntruderSettings = NameIntruderSettings()) -> int:
    """Rows' names with other cells' runs taken out (``without_intruders``). Returns how many."""
    if not s.on:
        return 0
    changed = 0
    for row in rows:
        if not row.name or any(f.startswith(FLAG_SNAPPED) for f in row.flags):
            continue
        name, explanation = without_intruders(row.name, str(row.code) if row.code else None, s)
        if name == row.name or not name:
            continue
        if not row.name_raw:
            row.name_raw = row.name
        row.name = name
        if explanation:
            row.explanation = f"{explanation} {row.explanation or ''}".strip()
        row.flags.append(FLAG_INTRUDERS)
        changed += 1
    return changed


def drop_intruders_in_tables(
    tables: Sequence[ScoreTable], ocr: bool | None, s: NameIntruderSettings = NameIntruderSettings()
) -> int:
    """``drop_intruders`` on the score tables read from lines of OCR'd text (a dump, a scan whose
    grid was not found): a typed line's name holds no other cell's words. Returns how many."""
    if not ocr:
        return 0
    return sum(drop_intruders(t.rows, s) for t in tables if t.read_from == "lines")
