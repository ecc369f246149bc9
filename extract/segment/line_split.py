"""Splitting a printed line of an interleaved score table into its name part and its explanation
part: a beam search over the split points of a row's lines, scored by the repair stage's syllable
language model, explanation cues and the columns' widths."""

from __future__ import annotations

from functools import lru_cache

import regex as re
from rapidfuzz import fuzz, process

from extract.segment.line_common import BAR, LineTableSettings
from normalize.criteria import load_criteria_sets
from normalize.lazy_regex import lazy_compile
from normalize.text import EXPLANATION_OPENING, fold, fold_words
from normalize.vietnamese.model import BOS, DATA as _CATALOGUE_DIR, load_model
from normalize.vietnamese.tokens import breaks_context, lm_unit, parse_token

_REFERENCE = lazy_compile(r"\d+/(?:\d|[\p{Lu}])", re.I)
# A document number broken at the end of a line ("30/KH-") and the rest of it ("UBND", "CP").
_BROKEN_REFERENCE = lazy_compile(r"\d+/[\p{Lu}Đ]*-$")
_REFERENCE_REST = lazy_compile(r"^[\p{Lu}Đ][\p{Lu}Đ\d]*(?:-[\p{Lu}Đ\d]+)*[,;.]?$")


def name_split(
    tokens: list[tuple[str, str]],
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    width: int,
    explanation_width: int,
    explanation_open: bool = True,
    settings: LineTableSettings = LineTableSettings(),
) -> int:
    """How many of one number-less line's tokens are the name's (the rest are the explanation's),
    the line taken alone: see ``split_score``."""
    scores = [
        (split_score(tokens, k, name, explanation, width, explanation_width, explanation_open, settings), k)
        for k in split_points(tokens, width, settings)
    ]
    return max(scores, key=lambda s: (s[0], -s[1]))[1]


def split_points(tokens: list[tuple[str, str]], width: int, settings: LineTableSettings) -> range:
    """The word boundaries a name part may end at: no name part much wider than its column."""
    k = 1
    while k <= len(tokens) and printed_width(tokens[:k]) <= width + settings.name_overflow:
        k += 1
    return range(k)


def split_score(
    tokens: list[tuple[str, str]],
    k: int,
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    width: int,
    explanation_width: int,
    explanation_open: bool,
    settings: LineTableSettings,
) -> float:
    """How well a line reads split after its k-th token. Each printed line holds the name column's
    words, then the explanation column's: both texts should continue well under the syllable
    language model, the explanation part may open the way explanations do, neither part is wider
    than its column, and a running column (the name, and the explanation when
    ``explanation_open``) should not skip a line."""
    score = _continuation_logprob(name, tokens[:k]) + _continuation_logprob(explanation, tokens[k:])
    broken = bool(explanation) and bool(_BROKEN_REFERENCE.search(explanation[-1][1]))
    if broken:
        # The explanation's line above broke a document number at a hyphen: its part of this
        # line opens with the number's rest, not with a new item.
        if k < len(tokens) and _REFERENCE_REST.match(tokens[k][1]):
            score += settings.broken_reference
    elif opens_explanation(tokens[k:]):
        score += settings.explanation_cue
    if 0 < k < len(tokens) and tokens[k][1] == BAR:
        score += settings.bar_split  # the column's ruling line, read as a bar
    score -= settings.reference_in_name * sum(1 for _, raw in tokens[:k] if _REFERENCE.search(raw))
    if k == 0 or (k < len(tokens) and not explanation_open) or (k == len(tokens) and explanation_open):
        score -= settings.column_gap
    if 0 < k < len(tokens) and printed_width(tokens[:k]) + settings.name_end_room <= width:
        score -= settings.name_close  # a short name part ends the name
    if printed_width(tokens[k:]) > explanation_width + settings.name_overflow:
        score -= settings.column_overflow
    return score


def opens_explanation(tokens: list[tuple[str, str]]) -> bool:
    tokens = [t for t in tokens if t[1] != BAR]
    if tokens and EXPLANATION_OPENING.match(" ".join(fold(t) for t, _ in tokens)):
        return True
    # the rest of a document number broken at the line's end ("… số 203/QĐ-" / "UBND ngày …"):
    # an issuer's capitals, then the date it was issued
    return len(tokens) >= 2 and bool(_REFERENCE_REST.match(tokens[0][0])) and fold(tokens[1][0]) == "ngay"


def ends_columns(
    tokens: list[tuple[str, str]], k: int, width: int, explanation_width: int, settings: LineTableSettings
) -> tuple[bool, bool]:
    """Whether a line split after its k-th token ends the name column, the explanation column:
    a column's text is top-aligned and fills each line up to about one syllable, so a part with
    room left (or an empty part) was the column's last."""
    room = settings.name_end_room
    name_ends = k < len(tokens) and (k == 0 or printed_width(tokens[:k]) + room <= width)
    explanation_ends = k == len(tokens) or printed_width(tokens[k:]) + 2 * room <= explanation_width
    return name_ends, explanation_ends


def joint_split(
    lines: list[tuple[list[tuple[str, str]], int, int]],
    name: list[tuple[str, str]],
    explanation: list[tuple[str, str]],
    open_columns: tuple[bool, bool],
    settings: LineTableSettings = LineTableSettings(),
    centred: bool = False,
    name_reopens: bool = False,
) -> tuple[list[int], tuple[bool, bool]]:
    """Split points of a row's consecutive number-less lines (tokens, name width, explanation
    width), decided together: a beam search over each line's split, where a column once ended
    stays ended and a line left after both ended costs ``column_overrun``. Returns the splits and
    which columns are still open after the last line. ``centred``: the table centres its cells
    in tall rows, so a name part with room left may still wrap on (at ``name_goes_on``).
    ``name_reopens``: the name was closed only by the room its numbers' line left, so the first
    line may go on with it, at the setting ``name_reopens``'s cost."""
    # hypothesis: (score, splits, (name open, explanation open), name tail, explanation tail)
    beam = [(0.0, (), open_columns, tuple(name[-3:]), tuple(explanation[-3:]))]
    for n, (tokens, width, explanation_width) in enumerate(lines):
        grown: dict[tuple, tuple] = {}
        for score, splits, (name_open, explanation_open), name_tail, explanation_tail in beam:
            # A name the row's first line closed may reopen on the line after it (``name_reopens``),
            # unless it ended on a stop ("… và bố trí kinh phí:" is a scale label, whole).
            reopens = name_reopens and n == 0 and not name_open and not centred and _ends_open(name)
            for k in split_points(tokens, width, settings) if name_open or reopens else range(1):
                reopened = reopens and k > 0
                open_name = name_open or reopened
                # An explanation part that opens like one (a dash, "Kế hoạch số") starts a new
                # paragraph of the explanation cell: the column had not ended.
                running = explanation_open or opens_explanation(tokens[k:])
                if open_name:
                    gain = split_score(
                        tokens, k, list(name_tail), list(explanation_tail), width, explanation_width, running, settings
                    )
                else:
                    gain = _continuation_logprob(list(explanation_tail), tokens)
                    gain -= 0.0 if running else settings.column_overrun
                if reopened:
                    gain -= settings.name_reopens
                name_ends, explanation_ends = ends_columns(tokens, k, width, explanation_width, settings)
                # Once the name has ended, a short explanation line is a paragraph break, not its end.
                explanation_state = running and not (explanation_ends and open_name)
                states = [(score + gain, open_name and not name_ends)]
                if centred and open_name and name_ends and 0 < k < len(tokens):
                    # The room a line leaves is measured in characters, and OCR'd text has no
                    # fixed pitch: a centred name's part above its numbers' line with room left
                    # may still wrap on, at a cost (the catalogue's whole name, read over the
                    # next lines, can pay it). (In a top-aligned table a line after the name's
                    # end is the next row's, which the row reader opens: not weighed here.)
                    states.append((score + gain - settings.name_goes_on, True))
                for total, name_state in states:
                    hyp = (
                        total,
                        splits + (k,),
                        (name_state, explanation_state),
                        (name_tail + tuple(tokens[:k]))[-3:],
                        (explanation_tail + tuple(tokens[k:]))[-3:],
                    )
                    key = hyp[2:]
                    if key not in grown or grown[key][0] < hyp[0]:
                        grown[key] = hyp
        beam = sorted(grown.values(), key=lambda h: -h[0])[: settings.split_beam]
    best = max(beam, key=lambda h: h[0] + _catalogue_bonus(name, lines, h[1], settings))
    return list(best[1]), best[2]


def _ends_open(name: list[tuple[str, str]]) -> bool:
    """Whether a name's text so far may go on: its last word is a syllable the language model
    weighs the next line's words after (not words OCR glued into one, "Sựhàilòngvềthủ…", nor a
    figure), and no stop ends it."""
    words = [text for text, _ in name if any(ch.isalpha() for ch in text)]  # (a bar or dash aside)
    if not words or words[-1].rstrip().endswith((":", ";", ".")):
        return False
    return lm_unit(parse_token(words[-1]).core) is not None


def _catalogue_bonus(
    name: list[tuple[str, str]],
    lines: list[tuple[list[tuple[str, str]], int, int]],
    splits: tuple[int, ...],
    settings: LineTableSettings,
) -> float:
    """How much a split's whole name reads as a catalogued criterion name: the index's criteria
    are few and fixed, so a name that comes out as one of them (no explanation word in it, none of
    its words left in the explanation) is the likelier split."""
    tokens = list(name) + [t for (line, _, _), k in zip(lines, splits) for t in line[:k] if t[1] != BAR]
    # A criterion's printed name may go on, after its catalogued wording, with a qualifier in
    # brackets ("… tại đơn vị (Có kế hoạch riêng …)", "… cấp xã (qua điều tra XHH)"): the wording
    # before the bracket counts as the whole name, so the bonus does not cut the qualifier off.
    bracket = next((k for k, (text, _) in enumerate(tokens) if k and text.startswith("(")), None)
    # Likewise a scoring note after a colon ("… tổ chức trong năm: 0,25 điểm").
    colon = next((k + 1 for k, (text, _) in enumerate(tokens) if k and text.endswith(":")), None)
    heads = [tokens] + [tokens[:cut] for cut in (bracket, colon) if cut is not None and cut < len(tokens)]
    score = max(_catalogue_similarity(head) for head in heads)
    floor = settings.catalogue_name_floor
    if score < floor:
        return 0.0
    return settings.catalogue_name_bonus * (score - floor) / (100.0 - floor)


def _catalogue_similarity(tokens: list[tuple[str, str]]) -> float:
    folded = fold_words(" ".join(t for t, _ in tokens))
    if not folded:
        return 0.0
    best = process.extractOne(folded, criterion_catalogue(), scorer=fuzz.ratio)
    return 0.0 if best is None else best[1]


def printed_width(tokens: list[tuple[str, str]]) -> int:
    """How many characters the tokens print over, one space between them."""
    return len(" ".join(raw for _, raw in tokens))


def _continuation_logprob(before: list[tuple[str, str]], tokens: list[tuple[str, str]]) -> float:
    """log P(tokens | the text before them) under the repair stage's syllable trigram model;
    punctuation and non-syllables restart the context, as in the repair stage."""
    model = load_model()
    context = [BOS, BOS]
    for text, _ in before[-3:]:
        context = _advance(context, text)
    total = 0.0
    for text, _ in tokens:
        token = parse_token(text)
        unit = lm_unit(token.core)
        if any(ch in '([{"“-–' for ch in token.lead):
            context = [BOS, BOS]
        if unit is not None:
            total += model.score(context[0], context[1], unit)
        context = _advance(context, text)
    return total


def _advance(context: list[str], text: str) -> list[str]:
    token = parse_token(text)
    unit = lm_unit(token.core)
    if unit is None or breaks_context(token):
        return [BOS, BOS]
    return [context[1], unit]


@lru_cache(maxsize=1)
def criterion_catalogue() -> tuple[str, ...]:
    """Diacritic-free criterion names of the CCHC index catalogue (the part of
    ``cchc_phrases.txt`` above its administrative phrases, which explanations also use) and of the
    transcribed criteria sets (their official wordings: the names tables print)."""
    names = [fold_words(c.name) for s in load_criteria_sets() for c in s.rows]
    for line in (_CATALOGUE_DIR / "cchc_phrases.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("# Administrative phrases"):
            break
        if line.strip() and not line.startswith("#"):
            names.append(fold_words(line))
    return tuple(dict.fromkeys(names))


def is_criterion_name(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> bool:
    """A capitalised text block close to a catalogued criterion name: as repaired, or as OCR
    printed it (the repair may take a damaged word further off: "Hign" made "Hươn")."""
    text = " ".join(t for t, _ in tokens)
    if not text[:1].isupper():
        return False
    raw = " ".join(r for _, r in tokens)
    return _catalogued(fold_words(text), settings) or (raw != text and _catalogued(fold_words(raw), settings))


def _catalogued(folded: str, settings: LineTableSettings) -> bool:
    best = process.extractOne(folded, criterion_catalogue(), scorer=fuzz.ratio)
    if best is not None and best[1] >= settings.criterion_name_similarity:
        return True
    # Words OCR glued together ("KểhoạachCCHC năm", "Cảicáchtốchứcbộmáy"): compared without spaces.
    if not any(len(w) >= _GLUED_WORD_CHARS for w in folded.split()):
        return False
    glued = process.extractOne(folded.replace(" ", ""), _glued_catalogue(), scorer=fuzz.ratio)
    return glued is not None and glued[1] >= settings.criterion_name_similarity


# A word this long is syllables OCR glued together (no Vietnamese syllable has more than 7 letters).
_GLUED_WORD_CHARS = 9


@lru_cache(maxsize=1)
def _glued_catalogue() -> tuple[str, ...]:
    return tuple(dict.fromkeys(name.replace(" ", "") for name in criterion_catalogue()))


def opens_criterion_name(text: str, settings: LineTableSettings = LineTableSettings()) -> bool:
    """A line that opens with a catalogued criterion name, whole (the explanation's words may
    follow it on the line): a row's text, whatever header words it shares ("chỉ đạo", "đánh
    giá"). (A line that is only the first line of one is ``first_name_line``: the readers that
    wait for a name's numbers ask it apart. A column of names alone must not, where a heading's
    second line in capitals — "CẢI CÁCH HÀNH CHÍNH" under "I KẾT QUẢ … CÁC NHIỆM VỤ" — would open
    a criterion of its own and unpair the names from the numbers' column.)"""
    if not text[:1].isupper():
        return False
    folded = fold_words(text)
    return any(
        len(name) >= settings.opening_name_chars
        and fuzz.ratio(folded[: len(name)], name) >= settings.criterion_name_similarity
        for name in criterion_catalogue()
    )


def opens_name_part(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> bool:
    """A line whose first words (past one short token OCR made of the ruling line, a capital
    first) are, at least ``opening_name_chars`` of them, the opening of a catalogued criterion
    name, whatever follows them (the explanation's words: "Tất cả báo cáo được gửi đúng thời gian
    quy Tỷ lệ đạt 76%")."""
    if len(tokens) > 1 and len(tokens[0][1].strip(".,:;|")) <= 2:
        tokens = tokens[1:]
    if not " ".join(t for t, _ in tokens)[:1].isupper():
        return False
    words = [fold_words(text) for text, _ in tokens]
    for k in range(len(tokens), 1, -1):
        folded = " ".join(w for w in words[:k] if w)
        if len(folded) < settings.opening_name_chars:
            break
        if any(
            fuzz.ratio(folded, name[: len(folded)]) >= settings.criterion_name_similarity
            for name in criterion_catalogue()
        ):
            return True
    return False


def catalogued_opening(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> int:
    """How many of a line's first tokens are a catalogued criterion name's opening (or the whole
    name), at least ``opening_name_chars`` of it, its last word the name's own word there (a
    word OCR garbled at the end is left out, never the explanation's first word taken in): the
    name column is at least that wide. 0 when the line opens with none."""
    words = [fold_words(text) for text, _ in tokens]
    for k in range(len(tokens), 1, -1):
        folded = " ".join(w for w in words[:k] if w)
        if len(folded) < settings.opening_name_chars:
            break
        if not words[k - 1]:
            continue
        for name in criterion_catalogue():
            head = name[: len(folded)]
            if (
                len(name) >= len(folded)
                and (len(name) == len(folded) or name[len(folded)] == " ")
                and head.endswith(words[k - 1])
                and fuzz.ratio(folded, head) >= settings.criterion_name_similarity
            ):
                return k
    return 0


def first_name_line(text: str, settings: LineTableSettings = LineTableSettings()) -> bool:
    """A line that is, whole, the first line of a longer catalogued criterion name (at least
    ``opening_name_chars`` of it, a capital first): the name wraps onto the line below, its
    numbers' line ("CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH" over "1. CCHC 10 6,75")."""
    if not text[:1].isupper():
        return False
    folded = fold_words(text)
    return len(folded) >= settings.opening_name_chars and any(
        len(folded) < len(name) and fuzz.ratio(folded, name[: len(folded)]) >= settings.criterion_name_similarity
        for name in criterion_catalogue()
    )


def opens_name_line(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> bool:
    """A line whose words, past one short token before a capital (what OCR made of the cell's
    ruling line: "mã Các kết quả …"), open as a catalogued criterion name does, at least
    ``opening_name_chars`` of it: a name's first line, whatever runs after it."""
    if len(tokens) > 1 and len(tokens[0][1].strip(".,:;|")) <= 2:
        tokens = tokens[1:]
    text = " ".join(t for t, _ in tokens)
    if not text[:1].isupper():
        return False
    folded = fold_words(text)
    for name in criterion_catalogue():
        n = min(len(name), len(folded))
        if n >= settings.opening_name_chars and fuzz.ratio(folded[:n], name[:n]) >= settings.criterion_name_similarity:
            return True
    return False


def criterion_name_prefix(tokens: list[tuple[str, str]], settings: LineTableSettings = LineTableSettings()) -> int:
    """How many of a line's first tokens are, whole, a catalogued criterion name (at least
    ``opening_name_chars`` long, a capital first) that other text follows on the line (OCR's
    specks, the explanation's words); 0 when the line opens with none."""
    first = next((ch for ch in tokens[0][0] if ch.isalnum()), "") if tokens else ""
    if not first.isupper():
        return 0  # a bracket or a speck before the capital is OCR's ("[Ban hành …")
    words = [fold_words(text) for text, _ in tokens]
    best, best_k = 0.0, 0
    for k in range(2, len(tokens)):
        folded = " ".join(w for w in words[:k] if w)
        if len(folded) < settings.opening_name_chars:
            continue
        hit = process.extractOne(folded, criterion_catalogue(), scorer=fuzz.ratio)
        if hit is not None and hit[1] > best:
            best, best_k = hit[1], k
    return best_k if best >= settings.criterion_name_similarity else 0


def is_heading(tokens: list[tuple[str, str]], settings: LineTableSettings) -> bool:
    letters = [ch for _, raw in tokens for ch in raw if ch.isalpha()]
    if len(tokens) < 2 or len(letters) < 6:
        return False
    return sum(ch.isupper() for ch in letters) / len(letters) >= settings.heading_upper_share
