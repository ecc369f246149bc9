"""Scoring of a row's split into cells: each printed line of a task row is split into one part per
column, jointly over the row's lines (a beam search): each part should continue its column's text
under the repair stage's syllable language model, a part opening a cell on the row's first line
starts with a capital, a ruling bar OCR read as "|" sits between parts, the content says the column
(codes, deadlines, unit names), unit and deadline cells follow their grammars, and parts fit the
columns' learnt widths (``task_line_widths``)."""

from __future__ import annotations

import regex as re

from extract.segment.line_common import BAR, ends_dangling
from extract.segment.line_split import _advance, _continuation_logprob
from extract.segment.task_columns import _CODE_CELL, _DEADLINE_CELL, _UNIT_CELL
from extract.segment.task_line_rows import RowLines, line_tokens, printed_text
from extract.segment.task_line_settings import TaskLineSettings
from extract.segment.task_line_widths import NO_WRAP, column_ceilings, column_widths, text_width
from normalize.lazy_regex import lazy_compile
from normalize.text import fold
from normalize.units import deadline_status, one_unit_status, product_status, unit_status
from normalize.vietnamese.model import BOS, EOS, load_model

_DATE_TOKEN = lazy_compile(r"^\S*\d{1,2}/(?:\d{1,2}/)?\d{4}\W*$|^[IVXT]{1,4}/\d{4}\W*$")


def _kind_fit(column: str, part: list[str], first: bool) -> float:
    """+1 when a part's content is its column's kind, -1 when it is another column's kind, 0 else."""
    text = " ".join(part)
    folded = fold(text).strip(" |")
    dated = any(_DATE_TOKEN.match(t) for t in part)
    if column == "criterion_code":
        return 1.0 if len(part) == 1 and _CODE_CELL.match(part[0].strip(".")) else -1.0
    if any(_CODE_CELL.match(t) for t in part) and len(part) == 1:
        return -1.0
    if column == "deadline":
        return 1.0 if dated or (first and _DEADLINE_CELL.search(folded)) else 0.0
    if dated:
        return -1.0
    if column in ("lead", "coordinator") and first:
        return 1.0 if _UNIT_CELL.match(folded) else 0.0
    if column in ("task", "product") and first and _UNIT_CELL.match(folded) and not folded.startswith("ban "):
        return -0.5
    return 0.0


# A beam hypothesis: (score, open columns, each column's words so far, each column's widest part,
# the last line's part widths, each column's narrowest wrap).
_Hyp = tuple[float, tuple[bool, ...], tuple, tuple[float, ...], tuple[float, ...], tuple[float, ...]]


def _tail(parts: tuple[tuple[str, ...], ...], c: int) -> list[tuple[str, str]]:
    return [(t, t) for t in parts[c][-3:]]


def _line_split(
    tokens: list[str],
    columns: list[str],
    state: tuple,
    first: bool,
    settings: TaskLineSettings,
    widths: tuple[float, ...] | None = None,
    ceilings: tuple[float, ...] | None = None,
) -> list[_Hyp]:
    """Every split of one line into one part per column (bars dropped), scored, from one beam
    state (score, open columns, each column's text so far, each column's widest part, the last
    line's part widths, each column's narrowest wrap)."""
    score0, opens, texts, longest, previous, wraps = state
    words = [t for t in tokens if t != BAR]
    bars = set()  # boundaries (word index) where a bar sits
    n = 0
    for t in tokens:
        if t == BAR:
            bars.add(n)
        else:
            n += 1
    C = len(columns)
    out: list[_Hyp] = []
    # Dynamic programme over columns: the ``line_splits`` best (score, cuts) ending column c at
    # word b (more than the best one: a split a later line of the row makes better survives).
    best: dict[tuple[int, int], list[tuple[float, tuple[int, ...]]]] = {(-1, 0): [(0.0, ())]}
    for c in range(C):
        nxt: dict[tuple[int, int], list[tuple[float, tuple[int, ...]]]] = {}
        for (_, a), items in best.items():
            last = c == C - 1
            for b in [len(words)] if last else range(a, len(words) + 1):
                part = words[a:b]
                gain = _part_score(columns[c], part, texts, c, opens[c], first, settings)
                if widths is not None and part:
                    gain -= settings.overflow * max(0, text_width(" ".join(part)) - widths[c] - settings.width_slack)
                    # A cell wraps when its next word does not fit: a line with room left for
                    # this part's first word was the cell's last.
                    room = widths[c] - previous[c] - text_width(" ") - settings.room_slack
                    if not first and previous[c] and text_width(part[0]) <= room:
                        gain -= settings.wrap_room
                if ceilings is not None and part:
                    over = text_width(" ".join(part)) - ceilings[c] - settings.ceiling_slack
                    gain -= settings.over_ceiling * max(0.0, over)
                inside = sum(1 for x in bars if a < x < b)
                gain -= settings.bar_inside * inside
                if part and b in bars and not last:
                    gain += settings.bar_split
                nxt.setdefault((c, b), []).extend((sc + gain, cuts + (b,)) for sc, cuts in items)
        best = {key: _distinct_splits(items, words, settings.line_splits) for key, items in nxt.items()}
    for (_, _b), (sc, cuts) in ((key, item) for key, items in best.items() for item in items):
        bounds = (0,) + cuts
        parts = [words[bounds[i] : bounds[i + 1]] for i in range(C)]
        # A cell is top-aligned: empty on the row's first line it is empty; a part left empty
        # on a later line ends the column's text.
        new_opens = tuple(bool(parts[i]) and (first or opens[i]) for i in range(C))
        new_texts = tuple(texts[i] + tuple(parts[i]) for i in range(C))
        lengths = tuple(text_width(" ".join(parts[i])) for i in range(C))
        new_longest = tuple(max(longest[i], lengths[i]) for i in range(C))
        # Where a cell wrapped, its line and the next line's first word did not fit the column.
        new_wraps = tuple(
            min(wraps[i], previous[i] + text_width(" ") + text_width(parts[i][0]))
            if not first and parts[i] and previous[i]
            else wraps[i]
            for i in range(C)
        )
        out.append((score0 + sc, new_opens, new_texts, new_longest, lengths, new_wraps))
    return out


def _distinct_splits(
    items: list[tuple[float, tuple[int, ...]]], words: list[str], n: int
) -> list[tuple[float, tuple[int, ...]]]:
    """The ``n`` best splits that differ in more than where a mark stands: a lone dash or comma
    ("Tài chính -") scores the same in either column beside it, and two such splits would take
    the places of a split that reads the line otherwise."""
    out: list[tuple[float, tuple[int, ...]]] = []
    seen = set()
    for score, cuts in sorted(items, key=lambda x: -x[0]):
        bounds = (0, *cuts)
        key = tuple(
            tuple(w for w in words[bounds[i] : bounds[i + 1]] if _WORD_CHAR.search(w)) for i in range(len(cuts))
        )
        if key not in seen:
            seen.add(key)
            out.append((score, cuts))
            if len(out) == n:
                break
    return out


def _part_score(
    column: str, part: list[str], texts: tuple, c: int, open_: bool, first: bool, settings: TaskLineSettings
) -> float:
    if not part:
        return -settings.empty_first if first else 0.0
    gain = 0.0
    if not first and not open_:
        gain -= settings.column_gap
    context = [] if first else _tail(texts, c)
    gain += _continuation_logprob(context, [(t, t) for t in part])
    if first:
        head = next((ch for ch in part[0] if ch.isalnum()), "")
        if head and not (head.isupper() or head.isdigit()):
            gain -= settings.capital_start
    gain += settings.content_fit * _kind_fit(column, part, first)
    if column == "product" and not first and c < len(texts) - 1 and _product_overrun(texts[c], part):
        gain -= settings.grammar_break
    grammar = _GRAMMARS.get(column)
    if grammar is not None:
        status = grammar(" ".join(texts[c] + tuple(part)))
        if status == "broken" and grammar(" ".join(texts[c])) != "broken":
            gain -= settings.grammar_break
        elif status in ("prefix", "complete"):
            gain += settings.grammar_word * sum(1 for t in part if any(ch.isalnum() for ch in t))
        if column == "lead" and not first and status in ("prefix", "complete"):
            # One body presides: a second unit wrapped onto a later line is the coordinators'.
            before, after = " ".join(texts[c]), " ".join(texts[c] + tuple(part))
            if one_unit_status(before) in ("prefix", "complete") and one_unit_status(after) not in (
                "prefix",
                "complete",
            ):
                gain -= settings.second_lead
    return gain


def _end_logprob(words: tuple[str, ...]) -> float:
    """log P(the cell ends here | its last words): a wrapped word the column beside took ends
    this cell mid-phrase ("Danh mục" without "công bố")."""
    model = load_model()
    context = [BOS, BOS]
    for text in words[-3:]:
        context = _advance(context, text)
    return model.score(context[0], context[1], EOS) if context[1] != BOS else 0.0


def _product_overrun(before: tuple[str, ...], part: list[str]) -> bool:
    """Whether a later line's words carry a whole known product on with words no product has
    ("Báo cáo | năm 2026", "Báo cáo | đúng quy định"): a product printed whole on its first line
    ends there, and the words beside the task's wrapped line are the task's. Only Vietnamese words
    tell it: specks and marks a scan printed after a product ("Quyết định mm", ": 2025") belong
    to no column. (The caller weighs it only where a column follows the product's: the grid's
    last column takes a line's remainder, a footer or a repeated header, whatever it holds.)"""
    if not any(_syllable_word(t) for t in part):
        return False
    return product_status(" ".join(before)) == "complete" and product_status(" ".join(before + tuple(part))) == "broken"


def _syllable_word(token: str) -> bool:
    """Whether a token is a Vietnamese word of two letters or more (a task's wrapped word: "năm",
    "đúng"), not a speck OCR read from a scan's dirt or ruling ("mm", "ỗ", "R")."""
    low = token.strip(" |.,;:-_'\"()").lower()
    return len(low) > 1 and load_model().is_syllable(low)


# Columns whose cells follow a grammar (normalize/units.py).
_GRAMMARS = {"lead": unit_status, "coordinator": unit_status, "deadline": deadline_status}


# Columns whose cells are finished or not by a grammar at a row's end: the grammars' and the
# product's (a product's words are free past its kind, so only its unfinished start is told: "Danh
# mục" without "công bố", whose words the task beside took).
_OPEN_GRAMMARS = {**_GRAMMARS, "product": product_status}


def _open_cells(columns: list[str], texts: tuple) -> int:
    """Unit, deadline and product cells left unfinished (a prefix of one) at a row's end."""
    return sum(
        1
        for c, column in enumerate(columns)
        if column in _OPEN_GRAMMARS and _OPEN_GRAMMARS[column](" ".join(texts[c])) == "prefix"
    )


def _row_beam(
    row: RowLines,
    columns: list[str],
    settings: TaskLineSettings,
    widths: tuple[float, ...] | None,
    ceilings: tuple[float, ...] | None,
) -> list[_Hyp]:
    """The beam of the row's splits after its last line (each line split into one part per
    column, the row's lines jointly)."""
    C = len(columns)
    empty: tuple = tuple(() for _ in range(C))
    zeros = tuple(0.0 for _ in range(C))
    beam: list[_Hyp] = [(0.0, tuple(True for _ in range(C)), empty, zeros, zeros, tuple(NO_WRAP for _ in range(C)))]
    for i, line in enumerate(row.lines):
        tokens = row.first_tokens if i == 0 else line_tokens(printed_text(line).strip())
        if i and settings.number_specks:
            tokens = _past_number_cell(tokens)
        if not [t for t in tokens if t != BAR]:
            continue
        grown: dict[tuple, _Hyp] = {}
        for state in beam:
            for hyp in _line_split(tokens, columns, state, i == 0, settings, widths, ceilings):
                key = (hyp[1], tuple(t[-2:] for t in hyp[2]), hyp[4])
                if key not in grown or grown[key][0] < hyp[0]:
                    grown[key] = hyp
        beam = sorted(grown.values(), key=lambda h: -h[0])[: settings.beam]
    return beam


def _final(h: _Hyp, columns: list[str], settings: TaskLineSettings, others: tuple[frozenset[str], ...] | None) -> float:
    """A split's score once its cells are whole: unfinished unit and deadline cells, cells
    ending on a dangling word, and (``others``) cells another row reads the same."""
    C = len(columns)
    score = h[0] - settings.grammar_open * _open_cells(columns, h[2])
    score -= settings.dangling_end * sum(1 for c in range(C) if ends_dangling(h[2][c]))
    score += settings.cell_end * sum(_end_logprob(h[2][c]) for c in range(C) if h[2][c])
    if others is not None:
        score += settings.repeat_cell * sum(
            1 for c in range(C) if h[2][c] and clean_cell(" ".join(h[2][c])) in others[c]
        )
    return score


def split_row(
    row: RowLines,
    columns: list[str],
    settings: TaskLineSettings = TaskLineSettings(),
    widths: tuple[float, ...] | None = None,
    ceilings: tuple[float, ...] | None = None,
    others: tuple[frozenset[str], ...] | None = None,
) -> tuple[dict[str, str], tuple[float, ...], tuple[float, ...]]:
    """The row's cells (each line split into one part per column, the row's lines jointly),
    each column's widest part and each column's narrowest wrap (inf: none wrapped). ``others``:
    each column's cells as the other rows read them."""
    best = max(_row_beam(row, columns, settings, widths, ceilings), key=lambda h: _final(h, columns, settings, others))
    texts = best[2]
    return {columns[c]: " ".join(texts[c]) for c in range(len(columns))}, best[3], best[5]


def contested_cells(
    row: RowLines,
    columns: list[str],
    settings: TaskLineSettings = TaskLineSettings(),
    widths: tuple[float, ...] | None = None,
    ceilings: tuple[float, ...] | None = None,
) -> tuple[dict[str, str], frozenset[str]]:
    """The row's best reading and the columns whose cell in it the row's other splits contest
    closely (some split reading the cell otherwise scores within ``sure_cell`` of the best): such
    a cell is a guess, and another row's cell read as that guess is no evidence for it (two rows
    whose wrapped word each fits the task or the product as well would back each other's
    misreading)."""
    scored = sorted(
        ((_final(h, columns, settings, None), h[2]) for h in _row_beam(row, columns, settings, widths, ceilings)),
        key=lambda x: -x[0],
    )
    top, texts = scored[0]
    contested = set()
    for c, column in enumerate(columns):
        rival = next((score for score, other in scored[1:] if other[c] != texts[c]), None)
        if rival is not None and top - rival < settings.sure_cell:
            contested.add(column)
    return {columns[c]: " ".join(texts[c]) for c in range(len(columns))}, frozenset(contested)


def whole_cells(cells: list[str]) -> frozenset[str]:
    """The cells that are no other cell's first words: "Trang thông tin" beside "Trang thông tin
    được cập nhật" is that cell with its wrapped words read into the column beside it."""
    return frozenset(c for c in cells if not any(o != c and o.startswith(c + " ") for o in cells))


def cells_elsewhere(readings: list[tuple[dict[str, str], frozenset[str]]], i: int, column: str) -> frozenset[str]:
    """The cells of ``column`` the rows other than row ``i`` read, as evidence for row ``i``'s:
    whole cells (``whole_cells``, over every other row's reading) their rows did not contest."""
    cells = [(clean_cell(r[column]), column in contested) for j, (r, contested) in enumerate(readings) if j != i]
    whole = whole_cells([c for c, _ in cells if c])
    return frozenset(c for c, unsure in cells if c in whole and not unsure)


_WORD_CHAR = lazy_compile(r"[\p{Lu}\p{Ll}\p{Lo}\p{N}]")  # no modifier letter ("ˆ": a speck)


def _past_number_cell(tokens: list[str]) -> list[str]:
    """A row's later line without the number column's specks and its rule ("ˆ_ | cách hành
    chính …"): the number's cell prints nothing below the number, and a speck before its rule
    read as the task's part would put the task's words in the column beside."""
    if BAR in tokens[:3] and not any(_WORD_CHAR.search(t) for t in tokens[: tokens.index(BAR)]):
        return tokens[tokens.index(BAR) + 1 :]
    return tokens


def clean_cell(text: str) -> str:
    text = re.sub(r"\s*\|\s*", " ", text)
    text = re.sub(r"\s+", " ", text).strip(" |_;:")  # a colon closing a cell is OCR's speck
    if "(" not in text:  # a closing bracket with no opening one is a speck OCR read ("UBND) xã")
        text = re.sub(r"(?<=\w)\)(?=\s|$)", "", text)
    return re.sub(r"(?<=\w)\s+([,.;:])", r"\1", text)


def learn_widths(
    rows: list[RowLines], columns: list[str], settings: TaskLineSettings, floors: tuple[float, ...] | None = None
) -> tuple[tuple[float, ...] | None, tuple[float, ...] | None]:
    """Each column's width and ceiling, learnt over ``width_rounds`` readings of the rows (each
    reading with the last one's). ``floors``: each column's least width (its header label's first
    line printed inside it): a column of short cells ("Báo cáo", "Kế hoạch") fills its width in no
    row, and learnt from its cells alone it seems too narrow for a wrapped word to have fitted."""
    widths: tuple[float, ...] | None = None
    ceilings: tuple[float, ...] | None = None
    for _ in range(settings.width_rounds):
        readings = [split_row(row, columns, settings, widths, ceilings) for row in rows]
        widths = column_widths([r[1] for r in readings], settings)
        if widths is not None and floors is not None:
            widths = tuple(max(w, f) for w, f in zip(widths, floors, strict=True))
        ceilings = column_ceilings([r[2] for r in readings], settings)
    return widths, ceilings
