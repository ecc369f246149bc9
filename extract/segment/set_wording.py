"""How near a dump line's opening is to a criterion of the set: its wording compared over the
opening (cut at a word's end where another column's words run in), a short wording compared whole
with the spaces OCR glued or dropped, and a code printed in pieces; whether a line opens a
criterion's row (``opens``, ``opens_here``: an ``Aligned`` pair with the figures after the name)
and the code it prints. ``set_rows`` aligns the lines to the set's criteria with these."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from rapidfuzz import fuzz

from extract.model import Line
from extract.segment.line_common import is_score_token
from extract.segment.unread_coded import syllables
from normalize.codes import read_code_token
from normalize.criteria import CriterionDef
from normalize.lazy_regex import lazy_re_compile
from normalize.numbers import parse_number
from normalize.text import fold_words

if TYPE_CHECKING:  # the settings live with the row recovery that passes them down
    from extract.segment.set_rows import SetRowSettings

# A row recovered from its name's place in the criteria set (its code and numbers not read as a row).
FLAG_FROM_SET_ORDER = "row_from_set_order"


def _prefix_ratio(text: str, wording: str, settings: SetRowSettings) -> tuple[float, int] | None:
    """How near the line's opening is to the wording's (fuzz.ratio over as many characters of
    each), and over how many: the whole overlap, or the line cut at a word's end past half of it
    (another column's words run in after the name's first line: "… rõ ràng, Báo cáo số 12")."""
    n = min(len(text), len(wording))
    if n < settings.min_chars:
        return None
    best = (fuzz.ratio(text[:n], wording[:n]), n)
    for cut, ch in enumerate(text[:n]):
        if ch == " " and cut >= max(settings.min_chars, n // 2):
            near = fuzz.ratio(text[:cut], wording[:cut])
            if near > best[0]:
                best = (near, cut)
    return best


def _glued_ratio(text: str, wording: str, settings: SetRowSettings) -> tuple[float, int] | None:
    """How near the line's opening is to the whole of a short wording with the spaces of both
    dropped: OCR glued the words of a short name ("ĐáocáoCCHC 2 15" for "Báo cáo CCHC"), which
    the opening's comparison and the syllable count both miss. Only a wording compared whole, of
    at least ``min_chars`` characters, and an opening of letters."""
    if len(wording) < settings.min_chars:
        return None
    whole = wording.replace(" ", "")
    compact = text.replace(" ", "")[: len(whole)]
    if len(compact) < len(whole) or sum(c.isalpha() for c in compact) < 0.9 * len(whole):
        return None
    return fuzz.ratio(compact, whole), len(wording)


def _pieced_code(before: list[str], code: str | None, plain: bool, crit: CriterionDef) -> tuple[str | None, bool]:
    """The code printed before the name in pieces OCR cut apart ("i: 2. 1 |" for 1.2.1): the first
    piece alone is no code the line prints. The pieces joined are the criterion's code (a letter
    read for a 1 taken as one: "i:2.1"), or its last pieces (the first lost) say nothing against it;
    other pieces leave the first piece's reading."""
    pieces = [t.strip("|_~-—:;'\"") for t in before]
    pieces = [t for t in pieces if any(c.isdigit() for c in t) or t.lower() in ("i", "l")]
    if len(pieces) < 2:
        return code, plain
    digits = "".join(pieces).lower().replace("i", "1").replace("l", "1").replace(".", "")
    own = crit.code.replace(".", "")
    if digits == own:
        return crit.code, True
    # (pieces of the code whose first OCR lost: nothing against it; any other, the first piece stands)
    return (None, False) if digits.isdigit() and own.endswith(digits) else (code, plain)


@dataclass
class Aligned:
    line: Line
    crit: CriterionDef
    ratio: float
    name_chars: int  # characters of the line's folded text the wording took
    tail: list[str] = field(default_factory=list)  # tokens after the name
    # Every run of points-shaped tokens after the name, in print order (``tail`` is the first):
    # an explanation printed before the points may hold a figure of its own ("văn 1 bản").
    runs: list[list[str]] = field(default_factory=list)
    required: bool = False  # opened as a criterion the set requires there (``min_ratio_required``)
    words_after: int = 0  # syllable-shaped words of the line past the name's characters


def opening_line(line: Line) -> Line:
    """The line with the ruling's specks parted off its code ("13”|Kigm" → "13” Kigm")."""
    return replace(line, text=_spaced(line.text))


def opens_here(
    line: Line,
    crit: CriterionDef,
    settings: SetRowSettings,
    required: frozenset[str],
    sole: frozenset[str] = frozenset(),
) -> Aligned | None:
    """``opens``, or, for a criterion the set requires here, the line is its short line: nearer
    than ``min_ratio_required``, nothing but specks after the name, its figures within the
    criterion's maximum. The ``sole`` criterion the set leaves between the rows read around the
    region, its whole wording opening the line, is its row even inside another row's span."""
    found = opens(line, crit, settings)
    if found is not None and crit.code in sole and found.name_chars >= len(fold_words(crit.name)):
        found.required = True
        return found
    if crit.code not in required:
        return found
    short = found or opens(line, crit, replace(settings, min_ratio=settings.min_ratio_required))
    if short is not None and _short_line(short, crit):
        short.required = True  # (a line another row's span holds too: the set puts it here)
        return short
    return found


def _short_line(found: Aligned, crit: CriterionDef) -> bool:
    """The line holds the criterion's name and nothing more of words (specks, a garbled code, its
    figures: no syllable-shaped word past the name's), and its figures fit the maximum."""
    if found.words_after:
        return False
    values = [p.value for t in found.tail if (p := parse_number(t, "score")) is not None and p.value is not None]
    return crit.max_points is None or all(0 <= v <= crit.max_points for v in values)


def _spaced(text: str) -> str:
    """The line's text with the ruling's specks glued to words parted off ("~Tat_[Ké hoạch")."""
    return _GLUED_SPECKS.sub(" ", text)


_GLUED_SPECKS = lazy_re_compile(r"[|\[\]_]")


def opens(line: Line, crit: CriterionDef, settings: SetRowSettings) -> Aligned | None:
    """Whether the line starts with the criterion's wording (its first line at least)."""
    tokens = _spaced(line.text).split()
    code = None
    k = 0
    plain = False  # the code printed with its dots, or short: not digits whose dots OCR lost
    while k < len(tokens) and not _wordish(tokens[k]):
        if code is None:
            code, plain = code_token(tokens[k])
        k += 1
    code, plain = _pieced_code(tokens[:k], code, plain, crit)
    starts = [k, k + 1] if k < len(tokens) and len(tokens[k].strip(_SPECKS)) <= 3 else [k]
    if code is None and len(starts) == 2 and k + 1 < len(tokens):
        # (a speck OCR made letters of, then the code: "Fie 1.1.1 | Ban hành …")
        code, plain = code_token(tokens[k + 1])
        if code is not None:
            m = k + 2
            while m < len(tokens) and not _wordish(tokens[m]):
                m += 1
            starts = [m]
    if code is not None and plain and code != crit.code:
        return None  # (the line prints another code: "1 Kiểm tra …" is no 1.3)
    wording = fold_words(crit.name)
    found = None
    # (a speck of a ruling line or a stamp may still stand before the name: "FP _ | Xác định …")
    for start in starts:
        rest = tokens[start:]
        near = _glued_ratio(fold_words(" ".join(rest)), wording, settings)
        if syllables(" ".join(rest)) >= settings.min_syllables:
            opening = _prefix_ratio(fold_words(" ".join(rest)), wording, settings)
            if opening is not None and (near is None or opening[0] > near[0]):
                near = opening
        if near is not None and (found is None or near[0] > found[0]):
            found = (near[0], near[1], rest)
    if found is None:
        return None
    ratio, n, rest = found
    if code == crit.code:
        ratio += settings.code_bonus
    if ratio < settings.min_ratio:
        return None
    past = fold_words(" ".join(rest))[n:].split()
    words_after = syllables(" ".join(w for w in past if not any(c.isdigit() for c in w)))
    runs = _runs(rest)
    return Aligned(line, crit, ratio, n, runs[0] if runs else [], runs=runs, words_after=words_after)


def holds_piece_of(line: Line, crit: CriterionDef, settings: SetRowSettings) -> Aligned | None:
    """Whether the line (a row's name as read) is a piece of the criterion's wording at least
    ``piece_chars`` long, ``min_ratio`` near (partial similarity), or holds its whole wording with
    other words around it: a name's wrapped middle line that kept the row's code ("lĩnh vực theo
    kế hoạch năm của UBND tỉnh và" for 1.1.2), or a name run into the next column's words."""
    text = fold_words(_spaced(line.text))
    wording = fold_words(crit.name)
    if min(len(text), len(wording)) < settings.piece_chars:
        return None
    ratio = fuzz.partial_ratio(text, wording)
    if ratio < settings.min_ratio:
        return None
    return Aligned(line, crit, ratio, min(len(text), len(wording)))


def _wordish(token: str) -> bool:
    """Whether the token is a word of the name: letters mostly, and no digit (a word holds none;
    a token of letters and a digit before a name is its code OCR read partly as letters: "FER2
    [Tất cả báo cáo …" for 1.2.2, "Ilã1 Í lim hành …" for 1.1.1)."""
    letters = sum(c.isalpha() for c in token)
    return letters >= 2 and letters >= 0.6 * len(token) and not any(c.isdigit() for c in token)


def _runs(tokens: list[str]) -> list[list[str]]:
    """The runs of points-shaped tokens after the name's words (specks and bars between them
    skipped), in print order: where the line prints its numbers, if it still does (the first
    run, unless an explanation printed before the points held a figure)."""
    runs: list[list[str]] = []
    run: list[str] = []
    for tok in tokens:
        cell = tok.strip(_SPECKS)
        if cell and is_score_token(cell):
            run.append(cell)
        elif run and (_wordish(tok) or any(c.isdigit() for c in tok)):
            runs.append(run)
            run = []
    if run:
        runs.append(run)
    return runs


_SPECKS = "|[]()_:;“”\"'‘’.,~-—"


def printed_code(line: Line) -> str | None:
    """The code a line opens with, printed plainly ("1.", "1.2.1"), else None."""
    tokens = line.text.split()
    code, plain = code_token(tokens[0]) if tokens else (None, False)
    return code if plain else None


def code_token(token: str) -> tuple[str | None, bool]:
    """(the code a token reads as, digits taken as they are; whether it is printed plainly: with
    its dots, or short, and opening with a digit — not digits whose dots OCR lost, "143", nor a
    code whose first digit it lost, ".2.1", which say nothing against a criterion's code)."""
    raw = token.strip("|_~-—“”\"'‘’")  # (a speck OCR made a quote of beside the code: "13”")
    read = read_code_token(raw)
    if read is None or not read.components or read.lookalikes:
        return None, False
    code = ".".join(str(c) for c in read.components)
    return code, raw[:1].isdigit() and ("." in raw.rstrip(".") or len(read.digits) <= 2)


def line_figure_runs(line: Line) -> list[list[tuple[str, float]]]:
    """Every run of figures (token, value) a whole line prints, in print order (a recovered row's
    wrapped line: ``set_row_figures.figures_below``)."""
    return [values for run in _runs(_spaced(line.text).split()) if (values := _run_figures(run))]


def _run_figures(run: list[str]) -> list[tuple[str, float]]:
    """The run's tokens that read as points, with their values."""
    numbers = [(t, parse_number(t, "score")) for t in run]
    return [(t, p.value) for t, p in numbers if p is not None and p.value is not None]


def points_figures(a: Aligned, set_max: float) -> list[tuple[str, float]]:
    """The figures (token, value) of the run after the name that holds the row's points: the
    first run, unless a later run of two figures or more opens with the set's maximum, the others
    within it, while the first does not (an explanation printed before the points held a figure of its own: "Xây
    dựng … văn 1 bản quy phạm pháp | Đã ban hành đúng thời gian quy định 10 10 10")."""
    first = _run_figures(a.tail)
    if first and abs(first[0][1] - set_max) <= 0.01:
        return first
    for run in a.runs[1:]:
        values = _run_figures(run)
        if (
            len(values) >= 2
            and abs(values[0][1] - set_max) <= 0.01
            and all(0 <= v <= values[0][1] for _, v in values[1:])
        ):
            return values
    return first
