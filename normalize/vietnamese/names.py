"""Personal names: the syllables Vietnamese names are made of, and the marks of a name a Latin-only
OCR read without them.

A person's name has no context that decides its marks: the repair's language model knows words,
not people, and turns "Trinh Van An" into "Trình Văn An". A name is a surname, middle names and a
given name, each drawn from a small stock of syllables (``data/person_names.txt``, our own list,
weighted by how common each is in its place). A Latin-only reading is restored syllable by
syllable: the readings the OCR channel allows (``channel.word_candidates``: the syllables of the
spelling and of its OCR confusions, "Ditc" = "Đức") that the stock holds in that place, the
cheapest by channel cost less the weight. When two readings tie ("Thuy": Thủy or Thúy) or no
reading is a name syllable, the name is not restored: a wrong name is worse than none.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .channel import word_candidates
from .model import load_model
from .settings import RepairSettings
from .syllable import fold, nfc

DATA = Path(__file__).parent / "data" / "person_names.txt"
PLACES = ("surname", "middle", "given")


@dataclass(frozen=True)
class NameSettings:
    # A weight step is worth this much channel cost: "Anh" (3) is read over "Ánh" (2) at the same
    # cost; a reading one confusion dearer (about 1.0-1.5) needs a weight step more to win.
    weight_cost: float = 1.0
    # The best reading must beat the next by this much, else the syllable is ambiguous.
    margin: float = 0.5
    # Channel candidates dearer than this are not readings of the token at all ("Vé" = "Võ", a
    # Latin-only OCR's é standing for a mark it could not read, costs 4.2).
    max_channel_cost: float = 5.0
    # A middle name read from the given names' stock or the other way round costs this much more
    # ("Thu" in the middle is Thu, not Thư; "Toan" in the middle is Toàn, not a confusion's "Tuấn").
    other_place_cost: float = 2.0
    repair: RepairSettings = field(default_factory=RepairSettings)


DEFAULT_NAME_SETTINGS = NameSettings()


@dataclass(frozen=True)
class NameReading:
    """A restored name, or None with the syllables that could not be decided and their rivals."""

    name: str | None
    doubts: tuple[str, ...] = ()  # "Thuy: Thủy/Thúy", "Ditc: no name syllable"


_UNKNOWN = "no name syllable"


@lru_cache(maxsize=1)
def name_stock() -> dict[str, dict[str, int]]:
    """place → syllable (NFC, as capitalised in names) → weight."""
    stock: dict[str, dict[str, int]] = {p: {} for p in PLACES}
    place = None
    for raw in DATA.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("["):
            place = line.strip("[]")
            continue
        weight, *syllables = line.split()
        for s in syllables:
            key = nfc(s)
            stock[place or "given"][key] = max(int(weight), stock[place or "given"].get(key, 0))
    return stock


@lru_cache(maxsize=1)
def _name_letters() -> frozenset[str]:
    """The letters (folded) of every name syllable of the stock, in any place."""
    return frozenset(fold(s) for place in name_stock().values() for s in place)


def is_surname(word: str) -> bool:
    """The word (any case, marks or not) is a surname of the stock."""
    folded = fold(nfc(word)).lower()
    return any(fold(s).lower() == folded for s in name_stock()["surname"])


def _place_weights(place: str, settings: NameSettings) -> dict[str, float]:
    """A syllable's weight in this place: its own stock's, or for a middle or given name the other
    one's less ``other_place_cost`` (a given name may be used as a middle name and the other way
    round, less often)."""
    stock = name_stock()
    weights: dict[str, float] = {}
    for other in {"middle": ["given"], "given": ["middle"]}.get(place, []):
        for s, w in stock[other].items():
            weights[s.lower()] = w - settings.other_place_cost / settings.weight_cost
    for s, w in stock[place].items():
        weights[s.lower()] = max(float(w), weights.get(s.lower(), 0.0))
    return weights


def restore_syllable(token: str, place: str, settings: NameSettings = DEFAULT_NAME_SETTINGS) -> tuple[str | None, str]:
    """(the syllable capitalised, "") or (None, why)."""
    scored = _scored(token, _place_weights(place, settings), settings)
    if not scored:
        return None, f"{token}: {_UNKNOWN}"
    ranked = sorted(scored, key=lambda s: scored[s])
    if len(ranked) > 1 and scored[ranked[1]] - scored[ranked[0]] < settings.margin:
        rivals = [s for s in ranked if scored[s] - scored[ranked[0]] < settings.margin]
        return None, f"{token}: " + "/".join(s.capitalize() for s in rivals)
    return ranked[0].capitalize(), ""


def _scored(token: str, weights: dict[str, float], settings: NameSettings) -> dict[str, float]:
    """The token's readings that the stock holds: channel cost less the weight. A token of plain
    Latin letters that spell a name syllable of any place ("Minh" read where the surname stands)
    is read with those letters: the OCR saw them and lost only the marks, so a syllable of other
    letters ("Mạnh") is a guess, not a reading; other tokens ("Ditc", "Vii", or "Vé": a mark the
    OCR put for one it could not read) are read through the channel's letter confusions."""
    key = fold(token)
    same_letters = token.isascii() and token.isalpha() and key in _name_letters()
    scored: dict[str, float] = {}
    for syl, cost in word_candidates(token, settings.repair, ocr=True):
        if same_letters and fold(syl) != key:
            continue
        w = weights.get(syl)
        if w is not None and cost <= settings.max_channel_cost:
            scored[syl] = min(scored.get(syl, 1e9), cost - settings.weight_cost * w)
    return scored


def restore_name(
    tokens: list[str], fallback: list[str] | None = None, settings: NameSettings = DEFAULT_NAME_SETTINGS
) -> NameReading:
    """The marks of a name read without them: surname, middle names, given name, each syllable
    from its place's stock (``restore_syllable``); None when a syllable is undecided. A syllable
    the stock does not hold at all (a rare name: "Thoang") is taken from ``fallback`` (the
    repair's reading of the same name) when that spells the same letters as a Vietnamese syllable:
    the stock is not every name there is, but for surnames: they are a closed list, and a first
    syllable none of them spells ("3 ve Minh Giang": the surname "Vũ" read as a speck, the middle
    name first) is no surname. A tie between two name syllables is never settled so."""
    out: list[str] = []
    doubts: list[str] = []
    spare = fallback if fallback is not None and len(fallback) == len(tokens) else [""] * len(tokens)
    for i, (token, other) in enumerate(zip(tokens, spare, strict=True)):
        place = "surname" if i == 0 else "given" if i == len(tokens) - 1 else "middle"
        syllable, why = restore_syllable(token, place, settings)
        if (
            syllable is None
            and why.endswith(_UNKNOWN)
            and place != "surname"
            and other
            and fold(nfc(other)).lower() == fold(nfc(token)).lower()
            # a Vietnamese syllable: OCR garbage the repair left ("Cuwoéng") is no rare name
            and nfc(other).lower() in load_model().syllables
        ):
            syllable = other
        if syllable is None:
            doubts.append(why)
        else:
            out.append(syllable)
    if doubts or not out:
        return NameReading(None, tuple(doubts))
    return NameReading(" ".join(out))


def common_surnames(min_weight: int) -> tuple[str, ...]:
    """The stock's common surnames (``SURNAMES``)."""
    return tuple(s for s, w in name_stock()["surname"].items() if w >= min_weight)


# A surname of the stock with at least this weight is a common one (``surnames``).
COMMON_SURNAME_WEIGHT = 3


@lru_cache(maxsize=1)
def surnames() -> tuple[str, ...]:
    """The common surnames: they break a tie between name-like lines of a signature block and snap
    an OCR-damaged surname that is no syllable at all ("{guyén" → Nguyễn). Read on first use: a
    document without a signature block never needs the stock (issue 18's start-up)."""
    return common_surnames(COMMON_SURNAME_WEIGHT)


# --- place names ---------------------------------------------------------------------------------

# A place syllable's reading is restored when the gazetteer writes its letters this way at least
# this many times as often as any other way ("Nam" over "Năm", "Vĩnh" over "Vinh"); a closer call
# ("Vân"/"Văn", "Hà"/"Hạ") keeps the repair's reading.
PLACE_RATIO = 3.0


@lru_cache(maxsize=1)
def place_syllables() -> dict[str, list[tuple[int, str]]]:
    """Folded syllable → (count, spelling) in the gazetteer's unit names (``data/names.txt``: real
    administrative units, before and after the 2025 merger), most frequent first."""
    counts: dict[str, int] = {}
    for name in load_model().names:
        for word in name.split():
            if word.isalpha():
                counts[word] = counts.get(word, 0) + 1
    by_key: dict[str, list[tuple[int, str]]] = {}
    for word, n in counts.items():
        by_key.setdefault(fold(word).lower(), []).append((n, word))
    return {k: sorted(v, reverse=True) for k, v in by_key.items()}


# A syllable's spellings at its place in names of as many syllables ("Đông" ends 88 of the
# 3-syllable names spelled "… dong", "Đồng" none) decide when the gazetteer has this many of them;
# fewer, and the spellings anywhere in a name do.
PLACE_POSITION_MIN = 20


@lru_cache(maxsize=1)
def _positional_syllables() -> dict[tuple[int, int, str], list[tuple[int, str]]]:
    """(syllables in the name, index, folded syllable) → (count, spelling), most frequent first."""
    counts: dict[tuple[int, int, str], dict[str, int]] = {}
    for name in load_model().names:
        words = name.split()
        for k, word in enumerate(words):
            if word.isalpha():
                spellings = counts.setdefault((len(words), k, fold(word).lower()), {})
                spellings[word] = spellings.get(word, 0) + 1
    return {key: sorted(((n, w) for w, n in v.items()), reverse=True) for key, v in counts.items()}


def _readings(words: list[str], k: int, ratio: float) -> list[tuple[int, str]]:
    """The gazetteer's spellings of the name's k-th syllable, anywhere in a name; when those leave
    its marks open, at that place in names as long, if there are enough of them
    (``PLACE_POSITION_MIN``) and their far most common spelling is the most common anywhere too
    (two counts that agree; a place's own count alone could say "Thanh" where names say "Thành")."""
    key = fold(nfc(words[k])).lower()
    anywhere = place_syllables().get(key, [])
    if _decided(anywhere, ratio):
        return anywhere
    placed = _positional_syllables().get((len(words), k, key), [])
    if sum(n for n, _ in placed) >= PLACE_POSITION_MIN and _decided(placed, ratio) and placed[0][1] == anywhere[0][1]:
        return placed
    return anywhere


def _decided(readings: list[tuple[int, str]], ratio: float) -> bool:
    return len(readings) == 1 or (len(readings) > 1 and readings[0][0] >= ratio * readings[1][0])


def restore_place(words: list[str], ratio: float = PLACE_RATIO) -> list[str]:
    """The marks of a place's name read without them, syllable by syllable: the gazetteer's
    spelling of the same letters when it is far the most common one; else the word as given (the
    repair's reading). The case of each word is kept."""
    out = []
    for k, word in enumerate(words):
        readings = _readings(words, k, ratio)
        strong = readings and (len(readings) == 1 or readings[0][0] >= ratio * readings[1][0])
        spelling = readings[0][1] if strong else word
        out.append(spelling.upper() if word.isupper() and len(word) > 1 else spelling)
    return out


def place_doubts(words: list[str], marked: list[bool], ratio: float = PLACE_RATIO) -> tuple[str, ...]:
    """The syllables of a place's name whose marks neither the text nor the gazetteer decides:
    read without any mark (``marked`` is False: no mention printed one), and spelled several
    ways in unit names none of which is far the most common ("Thanh: Thành/Thanh/Thạnh"). The
    repair's choice among them would be a guess."""
    doubts = []
    for k, (word, read) in enumerate(zip(words, marked, strict=True)):
        readings = _readings(words, k, ratio)
        if read or len(readings) < 2 or readings[0][0] >= ratio * readings[1][0]:
            continue
        rivals = [spelling for n, spelling in readings if n * ratio >= readings[0][0]]
        doubts.append(f"{fold(nfc(word)).capitalize()}: {'/'.join(rivals)}")
    return tuple(doubts)


def is_place(name: str) -> bool:
    """Every syllable of the name is written so in some unit's name of the gazetteer."""
    words = nfc(name).split()
    return bool(words) and all(
        any(spelling.lower() == w.lower() for _, spelling in place_syllables().get(fold(w).lower(), [])) for w in words
    )
