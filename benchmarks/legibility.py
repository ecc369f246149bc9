"""How many of a text document's truth numbers its text still prints: the ceiling of any reader.

An OCR dump is Tesseract's text of a degraded scan, and Tesseract drops and garbles cells: some truth
numbers are not in the text at all, and no reader can read them (at most infer a few from the sums).
Without this ceiling a dump's "numbers right" mixes what OCR lost with what our reader lost.

A truth cell is legible when its row's own lines print a number token of its value (decimal comma or
point, thousands dots allowed), each token standing for one cell at most; a blank truth cell is legible
(there is nothing to read). A row's own lines are the lines its name prints on (found by the name's
words, diacritics folded: a name wrapped over lines spans them) and the lines between, and a line or two
after them before the next row's name (a one-line name beside a wrapped explanation prints its
numbers on the next line; a sparse-text dump prints one cell a line). A figure
printed elsewhere on the page — a scale value, a date, another row's cell, a column block of numbers
Tesseract set apart from the names — is not the cell's: counting it would flatter what the text still
prints. A token glued to a slash is a date or a document number ("25/3/2013", "216/BC"), never a cell,
but for a fraction of two short figures, the scored one no larger ("0,25/1": two cells, self and max).
A row whose name the text lost has no line of its own and its printed cells are not legible. It is
still an estimate: a row's own line may print another figure of the same value (its explanation).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz

from benchmarks.corpus_scoring import ROW_KINDS, number_fields
from normalize.numbers import fraction_sides
from normalize.text import fold

TEXT_FORMATS = ("txt", "md", "tsv")
_NUMBER = re.compile(r"(?<![\d/])\d+(?:[.,]\d+)*(?![\d/])")
# Specks OCR glues to a fraction's edge ("9,75/10|", "~0,5/1").
_FRACTION_EDGE = "_|~`'\"—:;()[]"
_WORD = re.compile(r"[a-z]+")


@dataclass(frozen=True)
class LegibilitySettings:
    # A name's word is found on a line holding a word at least this near (folded, rapidfuzz ratio);
    # words this short or shorter must match exactly ("va", "cac" are everywhere).
    word_ratio: float = 75.0
    exact_below: int = 4
    # A name's word is also found inside a line's word this many letters longer (words run together).
    glued_extra: int = 3
    # A row's name is found where at least this share of its letters print on a run of lines ...
    min_name_share: float = 0.45
    # ... each line of words the run spans beyond its first costing this many letters found, and each
    # letter of the words its first line prints before the name's first word this many ...
    line_cost: float = 3.5
    lead_cost: float = 0.5
    # ... no longer than this (a name wraps over a few lines, centred numbers sit between them).
    max_name_lines: int = 8
    # The best runs of lines kept for each row, of which the rows' order chooses (``table_spans``).
    candidate_runs: int = 8
    # Lines of text (blank lines not counted) after the name's last line, before the next row's
    # name, that still belong to the row: a one-line name's numbers printed on its explanation's
    # next line, a sparse-text dump's one cell a line.
    lines_after: int = 2


def token_values(token: str) -> set[float]:
    """The values a printed number token can stand for: "2,5" and "2.5" are 2.5; a mark followed by
    groups of three digits can also be a thousands mark ("1.234" is also 1234)."""
    values = set()
    if re.fullmatch(r"\d+(?:[.,]\d{3})+", token):
        values.add(float(re.sub(r"[.,]", "", token)))
    parts = re.split(r"[.,]", token)
    if len(parts) <= 2:
        values.add(float(".".join(parts)))
    return values


def line_number_tokens(line: str) -> list[str]:
    """A line's printed number tokens: the figures standing alone, then both sides of each
    fraction whose scored side is no larger than its maximum."""
    figures: list[str] = []
    fractions: list[str] = []
    for word in line.split():
        sides = fraction_sides(word.strip(_FRACTION_EDGE))
        scored, top = sides if sides else ("", "")
        if scored and top and min(token_values(scored)) <= max(token_values(top)):
            fractions += [scored, top]
        else:
            figures.append(word)
    return list(_NUMBER.findall(" ".join(figures))) + fractions


def truth_rows(truth: dict) -> Iterable[tuple[str, int, str, str, list[str], list[float | None]]]:
    """Every truth row (its kind's key, table index, code and name) and the cells the benchmark's
    `numbers` counter counts (fields, values), score and statistics tables."""
    for kind in ROW_KINDS:
        for ti, table in enumerate(truth.get(kind.key) or []):
            fields = number_fields(kind, table)
            for row in table.get("rows") or []:
                name = " ".join(str(row.get(f) or "") for f in kind.truth_text)
                yield kind.key, ti, str(row.get("code") or ""), name, fields, [row.get(f) for f in fields]


def truth_cells(truth: dict) -> Iterable[float | None]:
    """Every truth cell the benchmark's `numbers` counter counts, score and statistics tables."""
    for *_, values in truth_rows(truth):
        yield from values


def _word_found(word: str, line_words: list[str], name_words: set[str], s: LegibilitySettings) -> bool:
    """Whether a line prints a name's word: as it is, or OCR's near reading of it; a line's word that
    is another word of the name is that word's, not a near reading ("chuan" is not "chua")."""
    if word in line_words:
        return True
    if len(word) < s.exact_below:
        return False
    others = [w for w in line_words if w not in name_words]
    # words run together ("nhantrongky"), as a one-block dump prints them ("chuan" holds no "chua")
    if any(len(w) >= len(word) + s.glued_extra and word in w for w in others):
        return True
    return any(fuzz.ratio(word, w) >= s.word_ratio for w in others)


def name_runs(name: str, lines_words: list[list[str]], s: LegibilitySettings) -> list[tuple[float, int, int]]:
    """The runs of lines a row's name may print on, (score, first, last), best first: for each first
    line, the run holding the most of its words (weighed by their letters: "va", "do" are weak
    evidence), less ``line_cost`` for each line of words the run spans beyond its first (a word of
    the name found lines away is another line's) and ``lead_cost`` for each letter of the words its
    first line prints before the name's; only runs holding ``min_name_share`` of the name's letters
    and two of its words, at most ``candidate_runs`` of them."""
    words = list(dict.fromkeys(_WORD.findall(fold(name))))
    if not words:
        return []
    weights = [len(w) for w in words]
    known = set(words)
    masks = [sum(1 << k for k, w in enumerate(words) if _word_found(w, lw, known, s)) for lw in lines_words]
    runs: list[tuple[float, int, int]] = []
    for a, mask in enumerate(masks):
        if not mask:
            continue
        lead = s.lead_cost * _lead_letters(lines_words[a], words, known, s)
        union, spanned, best = 0, 0, None
        for b in range(a, min(a + s.max_name_lines, len(masks))):
            spanned += b > a and bool(lines_words[b])
            if not masks[b] and b > a:
                continue
            union |= masks[b]
            found = sum(w for k, w in enumerate(weights) if union >> k & 1)
            sure = found >= s.min_name_share * sum(weights) and (len(words) == 1 or bin(union).count("1") >= 2)
            score = found - s.line_cost * spanned - lead
            if sure and (best is None or score > best[0]):
                best = (score, a, b)
        if best is not None:
            runs.append(best)
    return sorted(runs, key=lambda r: (-r[0], r[1]))[: s.candidate_runs]


def table_spans(names: list[str], lines_words: list[list[str]], s: LegibilitySettings) -> list[range | None]:
    """The lines of each row of one table: a run of its name (``name_runs``) for each row, the
    rows' runs starting in the rows' order (a table prints its rows in order: "Kế hoạch CCHC năm"
    is not 1.1.1's "Ban hành kế hoạch CCHC năm" line, nor a name's words on another row's line),
    with the most score in all; a row none of whose runs fits is not found (None)."""
    # states: the last start line used → (score so far, spans so far)
    states: dict[int, tuple[float, list[range | None]]] = {-1: (0.0, [])}
    for name in names:
        runs = name_runs(name, lines_words, s)
        nxt: dict[int, tuple[float, list[range | None]]] = {}
        for last, (total, spans) in states.items():
            options = [(total, last, [*spans, None])]
            options += [(total + score, a, [*spans, range(a, b + 1)]) for score, a, b in runs if a > last]
            for value, at, chosen in options:
                if at not in nxt or value > nxt[at][0]:
                    nxt[at] = (value, chosen)
        states = nxt
    return max(states.values(), key=lambda st: st[0])[1] if names else []


def _lead_letters(line_words: list[str], words: list[str], known: set[str], s: LegibilitySettings) -> int:
    """Letters of the words a line prints before the first of a name's words: a name opens its cell,
    so words before it are another name's ("Ban hành" before "kế hoạch CCHC năm" is 1.1.1's line, not
    1.1's)."""
    for k, w in enumerate(line_words):
        if any(_word_found(n, [w], known, s) for n in words):
            return sum(len(x) for x in line_words[:k])
    return 0


def _own_lines(
    span: range, starts: list[int], lines: list[str], lines_words: list[list[str]], s: LegibilitySettings
) -> range:
    """A row's name lines and the lines between, and up to ``lines_after`` lines of text after them before
    the next row's name (the numbers' line of a row whose name is one line and its explanation
    wraps; a sparse-text dump's one cell a line), never a totals line."""
    end, taken = span.stop, 0
    nxt = min((a for a in starts if a > span.start), default=len(lines_words))
    while end < nxt and taken < s.lines_after and lines_words[end][:1] != ["tong"]:
        taken += bool(lines[end].strip())
        end += 1
    return range(span.start, end)


def legible_numbers(truth: dict, text: str, s: LegibilitySettings = LegibilitySettings()) -> tuple[int, int]:
    """(legible cells, cells) of one document (``legible_cells``)."""
    cells = legible_cells(truth, text, s)
    return sum(c[-1] for c in cells), len(cells)


def legible_cells(
    truth: dict, text: str, s: LegibilitySettings = LegibilitySettings()
) -> list[tuple[str, int, str, str, bool]]:
    """Each truth cell (kind's key, table index, row code, field) and whether it is legible: its
    row's own lines print its value, each token used for one cell at most; a blank cell is."""
    lines = text.splitlines()
    lines_words = [_WORD.findall(fold(line)) for line in lines]
    tokens = [[token_values(t) for t in line_number_tokens(line)] for line in lines]
    used = [[False] * len(t) for t in tokens]
    rows = list(truth_rows(truth))
    spans: list[range | None] = []
    for table in dict.fromkeys((key, ti) for key, ti, *_ in rows):
        spans += table_spans([r[3] for r in rows if (r[0], r[1]) == table], lines_words, s)
    starts = [sp.start for sp in spans if sp]
    out = []
    for (key, ti, code, _, fields, values), span in zip(rows, spans):
        own = _own_lines(span, starts, lines, lines_words, s) if span else range(0)
        for field, value in zip(fields, values):
            legible = value is None or bool(_take(own, tokens, used, float(value)))
            out.append((key, ti, code, field, legible))
    return out


def _take(own: range, tokens: list[list[set[float]]], used: list[list[bool]], value: float) -> int:
    for i in own:
        for k, values in enumerate(tokens[i]):
            if not used[i][k] and any(abs(v - value) < 1e-6 for v in values):
                used[i][k] = True
                return 1
    return 0


def legibility_line(label: str, legible: int, right: int, cells: int, right_legible: int | None = None) -> str:
    """One printed line: the ceiling and what the reader got, over the same cells. ``right`` counts
    values the set or a sum gave for cells the text lost too, so it may pass the ceiling; of the
    legible cells, ``right_legible`` were read right."""
    if not cells:
        return f"{label}: no number cells"
    of_legible = (
        f"{right_legible}/{legible} of the legible ({100 * right_legible / legible if legible else 0:.1f}%)"
        if right_legible is not None
        else f"{100 * right / legible if legible else 0:.1f}% of the legible"
    )
    return (
        f"{label}: numbers legible in the text {legible}/{cells} ({100 * legible / cells:.1f}%, the ceiling "
        f"of any reader), read right {right}/{cells} ({100 * right / cells:.1f}%; {of_legible})"
    )
