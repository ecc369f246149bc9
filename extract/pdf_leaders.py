"""Leaders in a text layer: the run of dots a typist (or a tab stop's leader) prints between a
criterion's name and its figures ("Kế hoạch CCHC năm..........5"). The PDF's text layer glues
the run to the words on both sides, so one "word" holds the name's last word, the leader and the
maximum: the figure is lost in the name's cell and the column it stands in is never seen. The
leader is layout, not text: this cuts it out of each word, keeping the text on both sides as
words of their own at the place their characters print.
"""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile

# Four or more dots, underscores or middle dots, or two or more ellipses (mixed runs too): a
# leader. Three dots are an ellipsis in running text ("v.v..."), not a leader.
LEADER = lazy_compile(r"(?:[._·…]*…[._·…]*…[._·…]*|[._·…]{4,})")
# The leader is ink: it binds a name to its figure across the columns' gap, so no gap inside the
# name's column may open where it ran (a gutter found there would cut the names of the rows whose
# first line runs further). The piece before a leader reaches over part of it (``leader_reach``),
# at least this many font sizes short of the figure (``PdfTableSettings.chunk_gap`` is 1.8).
CELL_PADDING = 2.0
# A word that is wholly dots or ellipses (the leader printed apart from the words beside it).
# Underscores alone are kept: a row of them is a rule (a form's blank, a line under a title).
_ONLY_DOTS = lazy_compile(r"^[.·…]+$")


def is_leader_word(text: str) -> bool:
    """Whether a whole word is a leader of dots (``LEADER`` and nothing else but dots)."""
    return bool(_ONLY_DOTS.match(text)) and LEADER.fullmatch(text) is not None


def leader_pieces(text: str) -> list[tuple[int, int]]:
    """The character spans of ``text`` left when its leaders are cut out, in order; the whole
    text's span when it has none; none when it is all leader."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in LEADER.finditer(text):
        if m.start() > start:
            spans.append((start, m.start()))
        start = m.end()
    if start < len(text):
        spans.append((start, len(text)))
    return spans


def split_leaders(raw_words: list[dict]) -> list[dict]:
    """pdfplumber words (read with ``return_chars``) with their leaders cut out: a word holding
    a leader becomes the words on its sides, each boxed by its own characters; a word that is all
    leader is dropped. Words without a leader pass unchanged."""
    out: list[dict] = []
    for w in raw_words:
        text = w["text"]
        chars = w.get("chars") or []
        if LEADER.search(text) is None or len(chars) != len(text):
            # (no leader; or characters that do not map one to one onto the text, as a
            # ligature's: left whole rather than boxed wrongly)
            out.append(w)
            continue
        pieces = leader_pieces(text)
        if not pieces:
            if not is_leader_word(text):
                out.append(w)  # (a rule of underscores: kept)
            continue
        for k, (a, b) in enumerate(pieces):
            piece = dict(w)
            piece["text"] = text[a:b]
            piece["chars"] = chars[a:b]
            piece["x0"] = min(c["x0"] for c in chars[a:b])
            piece["x1"] = max(c["x1"] for c in chars[a:b])
            if k + 1 < len(pieces):
                piece["x1"] = leader_reach(piece["x1"], chars[pieces[k + 1][0]]["x0"], _size(w, chars))
            out.append(piece)
    return out


def leader_reach(name_end: float, figure_start: float, size: float) -> float:
    """Where the piece before a leader is taken to end: over the leader's first half, and at
    least ``CELL_PADDING`` font sizes short of the figure (a column's header label, wider than
    its figures, starts over the leader's far end: that part is the columns' gap)."""
    return max(name_end, min((name_end + figure_start) / 2, figure_start - CELL_PADDING * size))


def _size(word: dict, chars: list[dict]) -> float:
    return float(word.get("size") or chars[0].get("size") or (word["bottom"] - word["top"]))
