"""When figures stated beside a total are its shares: the sentence must say so.

Real reports print fractions of one whole side by side for two reasons. They may be its shares
("7/12 chỉ tiêu đạt, còn 5/12 chỉ tiêu chưa đạt"), which must add up; or they may count the same
whole under different conditions ("4/9 huyện đạt tỷ lệ này dưới 3% và cả 9/9 huyện đạt tỷ lệ dưới
10%"), which need not. Adding the second kind up tells a commune its figures disagree when they do
not. So fractions are joined as shares only where the wording makes them shares: the later one is
the remainder ("còn 5/12 …", "còn lại"), or their labels come from one set that partitions a total
(đạt / chưa đạt, trước hạn / đúng hạn / trễ hạn …), or the sentence goes on to state the rest of the
whole in the fractions' own noun ("31/47 cơ quan, đơn vị xếp hạng Tốt …; 12/47 … Khá …; còn 4 đơn vị
…", "21/36 vụ việc …, 15 vụ còn lại …": a rest is only said of shares). Otherwise each fraction is a
count of its own: its part no larger than its whole is all that is checked.

A part opening with the remainder word "còn" inside a breakdown is its last share when its label
completes a set that partitions the total ("đúng và trước hạn …, còn 3.577 hồ sơ quá hạn"), and a
sibling clause of the total otherwise ("…, còn 20 hồ sơ đang giải quyết").

A rate printed after a total, with the total's parts in brackets after it ("đã giải quyết 480 hồ
sơ, đạt tỷ lệ 99,75% (số hồ sơ đúng hạn là 479 hồ sơ, trễ hạn là 1 hồ sơ)"), states its breakdown:
the bracket is read as the total's when the rate is the total's own ("đạt", "chiếm", "tỷ lệ") and
every part in it is counted in the total's unit.
"""

from __future__ import annotations

import regex as re

from extract.segment.count_words import complete_labels, is_tok
from normalize.lazy_regex import lazy_compile

# The clause of the later fraction opens with the remainder word (accent-free shadow).
_REMAINDER = lazy_compile(r"(?:^|[,;:]|\bva\b)\s*(?:con lai|con|so con lai)\s*(?:la\s*|co\s*)?$")
# A rate of the total itself, not a change against another figure ("tăng 12% so với …").
_OWN_RATE = lazy_compile(r"^\s*,?\s*(?:dat|chiem)?\s*(?:ty le|ti le)?\s*:?\s*$")
# A bracket opening with "chiếm" (making up) or "tỷ lệ" states its count's share of the whole.
_SHARE_BRACKET = lazy_compile(r"^\W*(?:chiem|ty le|ti le)\b")


def are_shares(between_low: str, labels: list[str]) -> bool:
    """Whether a fraction of the same whole as the fractions before it is one more share of it:
    ``between_low`` is the shadow from the fraction before up to this one, ``labels`` the shares'
    labels, this one's last."""
    clause = re.split(r"[,;]", between_low)[-1] if between_low else ""
    return bool(_REMAINDER.search(between_low) or _REMAINDER.search(clause)) or complete_labels(labels)


def rate_of_the_total(words_low: str) -> bool:
    """Whether the words between a total and a percentage make the percentage the total's own rate
    ("…, đạt tỷ lệ 99,75%", "… (chiếm 12%)"), not a change against another figure."""
    return bool(_OWN_RATE.match(words_low))


def share_bracket(bracket_low: str) -> bool:
    """Whether a bracket after a count states the count's share ("(chiếm 8,33%)"), never a
    breakdown of it, even where OCR split the figure and lost its sign ("(chiếm 8 ,23)")."""
    return bool(_SHARE_BRACKET.match(bracket_low))


def completes_as_remainder(item: list, labels_before: list[str], label: str) -> bool:
    """Whether a part opening with the remainder word "còn" is the last share of the breakdown, not
    a sibling clause of its total: "trong đó, đúng và trước hạn có 198.330 hồ sơ, đạt tỷ lệ 98,23%,
    còn 3.577 hồ sơ quá hạn". It is when its label completes a set of labels that partitions a total
    with the labels before and those alone did not ("…, còn 20 hồ sơ đang giải quyết" after "đúng hạn"
    names no share of the resolved: a sibling)."""
    words = [n.text for n in item if is_tok(n, "word") and n.text != "va"]
    return words[:1] == ["con"] and complete_labels([*labels_before, label]) and not complete_labels(labels_before)


def ratio_whole(ratio: tuple[float, float], parts: list[float | None]) -> float:
    """The total a breakdown after a ratio breaks down: "đã giải quyết 1.208/1.342 hồ sơ, trong đó
    đúng hạn …" breaks down the done (1.208); parts that add up to the whole (1.342) and not to the
    done break down the whole."""
    done, whole = ratio
    if all(p is not None for p in parts) and sum(p or 0 for p in parts) == whole != done:
        return whole
    return done


# The rest of a whole after its fractions: "còn 4 đơn vị …", "còn lại 3 hồ sơ", "15 vụ còn lại …"
# (accent-free shadow; the noun after the figure says what it counts).
_REST = lazy_compile(
    r"\bcon(?:\s+lai)?\s+(?:la\s+|co\s+)?(?P<a>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<ua>[a-z]+)\b"
    r"|(?<![\d/.,])(?P<b>\d{1,3}(?:\.\d{3})+|\d+)\s+(?P<ub>[a-z]+)(?:\s+[a-z]+)?\s+con lai\b"
)
_SENTENCE_END = lazy_compile(r"\.(?=\s|$)")
# The fraction's noun phrase, where the rest's noun must be found: "21/36 vụ việc …, 15 vụ còn lại".
_NOUN_PHRASE_CHARS = 40


def rest_of_the_whole(low: str, noun_start: int, after: int) -> tuple[str, int, int] | None:
    """(figure, where it starts, where its clause ends) of the rest of a whole stated after its last
    fraction in the same sentence, counted in a noun of the fraction's own noun phrase (``noun_start``
    in ``low``); None when the sentence states none. Stating the rest makes the fractions before it
    shares of the whole: "31/47 cơ quan, đơn vị xếp hạng Tốt …; 12/47 … Khá …; còn 4 đơn vị …"."""
    end = _SENTENCE_END.search(low, after)
    sentence = low[after : end.start() if end else len(low)]
    m = _REST.search(sentence)
    if m is None:
        return None
    figure, noun = (m["a"], m["ua"]) if m["a"] else (m["b"], m["ub"])
    phrase = low[noun_start : min(noun_start + _NOUN_PHRASE_CHARS, after + m.start())]
    if not re.search(rf"\b{noun}\b", phrase):
        return None
    return figure, after + m.start(), after + m.end()


def one_sentence(low: str, start: int, end: int) -> bool:
    """Whether no sentence ends between two places of a line."""
    return _SENTENCE_END.search(low, start, end) is None
