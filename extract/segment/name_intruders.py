"""Words of other cells that an OCR dump's lines put inside a criterion's name.

A dump prints a row's cells side by side on each line; where the line parser could not part the
name column from its neighbours (the points cells garbled, a rule's specks, the explanation's
words beside the name's wrap), the row's name holds their pieces: "Công tác tuyên truyền cải cách
hành mà a5 995 chính", "Kiểm tra việc thực hiện văn bản 250/KH-UBND ọe ưu êê ngày 4/10/2024",
"Công khai tài chính, ngân sách theo quy định êê". No criteria set names such a row when its set
is one no dictionary holds, so the name is judged by the language itself: the repair model's
syllable bigrams (``normalize.vietnamese.model``).

- A run of tokens inside the name whose first the model has hardly seen after the word before
  it, and whose last is a poor context for the word after it, while those two words read on well
  together ("hành … chính"), is another cell's: dropped.
- A few short tokens ending the name that the model has hardly seen after its last word, nor
  after one another, are specks ("… hành chính êê"), and one or two bare figures ending it are a
  points cell the readers left there (not after "năm", "số", "mức độ … và"): dropped.
- A document cited ("Kế hoạch số …", "UBND ngày", a date) or a verdict ("Chưa hoàn thành …")
  inside the name opens the explanation: the rest goes there, as do documents' numbers and
  dates standing alone in it. A legal instrument the name cites itself ("Thực hiện Quyết định
  số 1291/QĐ-TTg ngày …") keeps its number and date.
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
from extract.segment.note_openings import TIME_WORDS, opens_note
from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.vietnamese.model import load_model
from normalize.vietnamese.tokens import ABBR, EOS, NUM, parse_token, token_unit

if TYPE_CHECKING:
    from normalize.vietnamese.model import RepairModel
    from schemas.records import ScoreRow, ScoreTable

FLAG_INTRUDERS = "name_intruders_dropped"
# A figure standing alone ("18)", "1,5"), a speck of bracket or stop around it.
_BARE_FIGURE = lazy_compile(r"[(\[]?\d+(?:[,.]\d+)?[)\]]?[.,:;]?")
# Words a figure follows in a name's own wording ("số 61", "mức độ 3 và 4", "giai đoạn 2021 - 2030"), folded.
_NUMBERED = frozenset({"so", "va", "do", "den", "tu", "cap", "muc", "khoan", "dieu", "loai", "nhom", "doan"})
# Legal instruments a criterion's name may cite by number, folded.
_INSTRUMENTS = frozenset({"nghi dinh", "nghi quyet", "thong tu", "chi thi", "quyet dinh"})
_DASH = lazy_compile(r"[-–]")
# A document's number or a date ("303/KH-UBND", "9/4/2024").
_REFERENCE = lazy_compile(r"\d+/(?:\d|[\p{Lu}Đ])")


@dataclass(frozen=True)
class NameIntruderSettings:
    # The words either side of a run read on at least this well (log P of the bigram)...
    join_min: float = -5.0
    # ... and each edge of the run at most this well: a pair the model has all but never seen.
    edge_max: float = -7.0
    # ... or the run's last word that much worse a context for the next word than the word before
    # the run (a frequent word after a speck backs off to its own frequency: "ọe hành").
    out_margin: float = 3.0
    # At most this many tokens in a run inside the name (a cell's line: a few words, a reference).
    max_run: int = 6
    # A run ending the name: the word before it ends a phrase at least this well.
    end_min: float = -4.5
    # ... a run of specks and short tokens at most this many, each at most this many letters.
    max_tail: int = 4
    # ... whose first token the model has seen after that word at most this well.
    tail_edge_max: float = -9.0
    short_token: int = 3
    # At most this many bare figures end a name (a points cell or two the readers left in it).
    max_figures: int = 2
    # An explanation's opening words stand after at least this many words of the name.
    min_name_words: int = 3
    # A short token opening the name before a capitalised word: at most this many letters.
    max_head_letters: int = 4
    # Specks then a capitalised phrase after the name ("… công chức mm êm 4 SE XI Chấp hành kỷ
    # luật", "… hành chính 11. ni ng. -3.1.. Công khai …"): the next row's or cell's words, at most
    # this many specks, the phrase's first two words reading on at least ``join_min``.
    max_glued_specks: int = 6
    on: bool = True


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
        if _breaks(tokens[i - 1]) or units[i - 1] in (None, NUM, ABBR):
            continue
        into = _lp(model, units[i - 1], units[i])
        if into > s.edge_max:
            continue
        for j in range(i + 1, min(n, i + s.max_run + 1)):
            if _breaks(tokens[j - 1]):
                break  # (a comma's list is not run through)
            if units[j] in (None, NUM, ABBR):
                continue  # (words either side of the run)
            join = _lp(model, units[i - 1], units[j])
            out = _lp(model, units[j - 1], units[j])
            if join < s.join_min or (out > s.edge_max and join - out < s.out_margin):
                continue
            if all(_DASH.fullmatch(t) for t in tokens[i:j]):
                continue  # (a dash joining two words: "kinh tế - xã hội")
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


def _figures_ending(tokens: list[str], s: NameIntruderSettings) -> int:
    """Where bare figures ending the name start ("… theo 275", "… chuyển đổi số 18)"): a points
    cell the readers left in it, unless a word of time or a number's "số" stands before them
    ("năm 2024", "Quyết định số 61")."""
    k = len(tokens)
    while k > s.min_name_words and len(tokens) - k < s.max_figures and _BARE_FIGURE.fullmatch(tokens[k - 1]):
        k -= 1
    if k < len(tokens) and (_folded(tokens[k - 1]) in TIME_WORDS | _NUMBERED or _DASH.fullmatch(tokens[k - 1])):
        return len(tokens)
    return k


def _folded(token: str) -> str:
    return fold(parse_token(token).core).lower()


def _cited(before: list[str]) -> bool:
    """Whether the words before a document's number name a legal instrument the name itself
    cites ("Thực hiện Nghị định số 61/2018/NĐ-CP"), not a plan or report the explanation cites."""
    words = [_folded(t) for t in before[-3:] if _folded(t) != "so"]
    return " ".join(words[-2:]) in _INSTRUMENTS or (bool(words) and words[-1] == "luat")


def _without_references(tokens: list[str]) -> tuple[list[str], list[str]]:
    """(the tokens without documents' numbers and dates and the "số" / "ngày" announcing them,
    those taken out). An instrument the name cites keeps its number and date (``_cited``)."""
    out: list[str] = []
    taken: list[str] = []
    cites = False  # (the last number kept was a cited instrument's: its "ngày" and date stay)
    for k, t in enumerate(tokens):
        if _REFERENCE.search(t) and (_cited(out) or (cites and out and _folded(out[-1]) == "ngay")):
            cites = True
            out.append(t)
            continue
        dated = _folded(t) == "ngay" and any(_REFERENCE.search(p) for p in tokens[max(0, k - 2) : k])
        if (_REFERENCE.search(t) or dated) and not (dated and cites):  # ("ngày" of a date, a speck between)
            if out and _folded(out[-1]) in ("so", "ngay"):
                taken.append(out.pop())
            taken.append(t)
            continue
        out.append(t)
    return out, taken


def _explanation_opening(tokens: list[str], model: RepairModel, s: NameIntruderSettings) -> int | None:
    """Where a note's opening words stand inside the name: a document cited ("Kế hoạch số …",
    "UBND ngày", a date: ``opens_explanation``) or a verdict ("Chưa hoàn thành …": ``opens_note``),
    the latter after a word the model has hardly seen it after or after no word (specks, a
    figure), the former anywhere but a legal instrument's, which a name may cite itself
    ("Thực hiện Quyết định số …"). The name stops there. (A dash opening no note inside it
    joins two words: "kinh tế - xã hội".)"""
    for j in range(s.min_name_words, len(tokens)):
        rest = [(t, t) for t in tokens[j:]]
        if parse_token(tokens[j]).lead or not (opens_explanation(rest) or opens_note(rest)):
            continue
        if _REFERENCE.search(tokens[j - 1]) and _cited(tokens[: j - 1]):
            continue  # (the date of the instrument the name cites)
        if opens_explanation(rest) and not _cited(tokens[j : j + 3]):
            return j  # (a plan, report or letter cited, a date: never a name's words)
        before = token_unit(tokens[j - 1])
        if before in (None, NUM, ABBR) or _lp(model, before, token_unit(tokens[j])) <= s.edge_max:
            return j
    return None


def _speck(token: str, unit: str | None, s: NameIntruderSettings) -> bool:
    """A token of a ruling's or a garbled cell's specks: a figure, an abbreviation, or a short
    token (a long one the model has no word for is a word OCR damaged: "sinh’hé")."""
    return unit in (NUM, ABBR) or _short(token, s)


def _titled(token: str) -> bool:
    core = parse_token(token).core
    return core[:1].isupper() and core[1:2].islower()


def _glued_phrase(tokens: list[str], units: list[str | None], model: RepairModel, s: NameIntruderSettings) -> int:
    """Where specks before another row's or cell's phrase start (the name's length when none do):
    after at least ``min_name_words`` words, a run of specks (not figures and abbreviations alone:
    "năm 2024", "TTHC") whose first is no word or one the model has all but never seen after the word before
    it, then a capitalised word the next word reads on from: a phrase of its own, glued after the
    name by the line parser. (A short capitalised speck may stand before it: "nể Bị Bố trí".)"""
    n = len(tokens)

    def _reads_on(i: int) -> bool:  # (two words of a phrase are no specks: "vụ của", "Mức độ")
        words = units[i - 1] not in (None, NUM, ABBR) and units[i] not in (None, NUM, ABBR)
        return words and _lp(model, units[i - 1], units[i]) > s.edge_max

    def _unseen(i: int) -> bool:  # (no word, or a word the model has all but never seen there)
        if units[i] is None:
            return True
        return units[i] not in (NUM, ABBR) and _lp(model, units[i - 1], units[i]) <= s.edge_max

    for k in range(s.min_name_words, n - 2):
        if not _speck(tokens[k], units[k], s) or _titled(tokens[k]):
            continue
        if units[k] not in (None, NUM, ABBR) and _lp(model, units[k - 1], units[k]) > s.edge_max:
            continue
        if units[k] == NUM and _folded(tokens[k - 1]) in TIME_WORDS | _NUMBERED:
            continue  # ("ngày 15 tháng 7 năm 2021 của Chính phủ")
        m = k
        while m < n and m - k < s.max_glued_specks and _speck(tokens[m], units[m], s) and not _reads_on(m):
            m += 1
        for j in range(k + 1, min(m, n - 2) + 1):
            if not any(_unseen(t) for t in range(k, j)):
                continue  # (an abbreviation or a figure the name holds: "hồ sơ TTHC Mức độ 3")
            if (
                _titled(tokens[j])
                and units[j] not in (None, NUM, ABBR)
                and units[j + 1] not in (None, NUM, ABBR)
                and _lp(model, units[j], units[j + 1]) >= s.join_min
            ):
                return k
    return n


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
    tokens = tokens[_head(tokens, [token_unit(t) for t in tokens], code, model, s) :]
    opening = _explanation_opening(tokens, model, s)
    tokens, explanation = (tokens, []) if opening is None else (tokens[:opening], tokens[opening:])
    tokens, references = _without_references(tokens)
    explanation = references + explanation
    tokens = tokens[: _glued_phrase(tokens, [token_unit(t) for t in tokens], model, s)]
    while (run := _inner_run(tokens, [token_unit(t) for t in tokens], model, s)) is not None:
        tokens = tokens[: run[0]] + tokens[run[1] :]
    tokens = tokens[: _figures_ending(tokens, s)]
    tail = _tail(tokens, [token_unit(t) for t in tokens], model, s)
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
