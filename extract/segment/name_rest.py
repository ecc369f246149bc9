"""A criterion's name whose last wrapped line an OCR dump's lines left in the explanation.

A dump prints a row's cells side by side on each line; where the name wraps, its last line often
shares a line with the explanation's words (a document cited, "Tỷ lệ đạt 68%"), and the line
parser gives the whole line to the explanation: "Thực hiện chế độ báo cáo cải cách hành" /
"Công văn số 246/CV- ngày 6/8/2024 chính định kỳ", "Cập nhật thông tin trên Trang thông tin điện" /
"Tỷ lệ đạt 68% tử của xã". No criteria set names such a row when its set is one no dictionary
holds (a set recognised moves the words back by its wording: ``normalize.criteria.name_runs``),
so the language judges it: the repair model's syllable bigrams (``normalize.vietnamese.model``).

A run of the explanation's words in lower case goes back to the end of the name when it opens
the explanation or follows another cell's token (a figure, a reference, a speck), its first word
reads on from the name's last word as the second syllable of a word does ("hành chính", "điện
tử", "tài chính"), its words read on from one another, and the explanation's next word does not
read on from its last (then it is a piece of the explanation's sentence: "664/664 hồ sơ 100%").
A document's number or an abbreviation of it ending the name ("… cải cách hành -UBND") is the
explanation's and goes there.

Only rows no criteria set snapped are looked at, only on lines read from OCR'd text. What was
read stays in ``name_raw``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from normalize.criteria.match_settings import FLAG_SNAPPED
from normalize.text import fold
from normalize.vietnamese.model import load_model
from normalize.vietnamese.tokens import ABBR, NUM, parse_token, token_unit

if TYPE_CHECKING:
    from normalize.vietnamese.model import RepairModel
    from schemas.records import ScoreRow, ScoreTable

FLAG_REST = "name_rest_from_explanation"
# Words a date follows ("ngày 20/07/2024", "tháng 7"), folded: a reference's, never a name's last.
_DATE_WORDS = frozenset({"ngay", "thang"})


@dataclass(frozen=True)
class NameRestSettings:
    # The run's first word reads on from the name's last word at least this well (log P of the
    # bigram): the second syllable of a word ("hành chính" -1.7, "điện tử" -0.4), not a new phrase.
    join_min: float = -2.5
    # ... or this well when the run opens the explanation: a line of its own in lower case.
    join_min_open: float = -4.0
    # Each next word of the run reads on from the one before it at least this well.
    chain_min: float = -7.0
    # A run the explanation's next word reads on from at least this well (log P) is a piece of
    # its sentence, not a line of the name's: "… giải quyết đúng hạn" / "664/664 hồ sơ 100% …".
    read_on_max: float = -7.0
    # At most this many words go back (a name's last line: a few words).
    max_run: int = 6
    # At most this many tokens of a document's number or abbreviation ending the name go to the
    # explanation first ("… hành -UBND").
    max_reference: int = 1
    # The name keeps at least this many words before the run.
    min_name_words: int = 2
    on: bool = True


def _word(unit: str | None) -> bool:
    return unit is not None and unit not in (NUM, ABBR)


def _date_word(token: str) -> bool:
    return fold(parse_token(token).core).lower() in _DATE_WORDS


def _lp(model: RepairModel, a: str | None, b: str | None) -> float:
    if a is None or b is None:
        return model.floor_lp
    return model.bigram(a, b)


def _read_on(words: list[str], units: list[str | None], j: int, model: RepairModel, s: NameRestSettings) -> bool:
    """Whether the explanation's word after a run (at ``j``) reads on from the run's last: a word
    in lower case, no punctuation between, the bigram seen (a speck or a new cell's word is not)."""
    if j >= len(words) or not _word(units[j]) or parse_token(words[j - 1]).trail or parse_token(words[j]).lead:
        return False
    return parse_token(words[j]).core[:1].islower() and _lp(model, units[j - 1], units[j]) > s.read_on_max


def _run(last: str, words: list[str], model: RepairModel, s: NameRestSettings) -> tuple[int, int] | None:
    """The run of the explanation's words (start, end) that the name's last word reads on into."""
    units = [token_unit(w) for w in words]
    best: tuple[float, int, int] | None = None
    for i, unit in enumerate(units):
        # A wrapped line's first word goes on the name in lower case (the explanation's own
        # sentence or document cited opens with a capital: "Kế hoạch số …", "Đạt …"), opening the
        # explanation or after another cell's token: a figure, a reference, a speck. (Inside the
        # explanation's sentence a word reading on from the name is that sentence's: "… tại địa
        # phương" / "lĩnh vực pháp luật về lao động".)
        core = parse_token(words[i]).core
        if not _word(unit) or not core[:1].islower() or parse_token(words[i]).lead or _date_word(words[i]):
            continue
        if i and _word(units[i - 1]):
            continue
        if _lp(model, last, unit) < (s.join_min_open if i == 0 else s.join_min):
            continue
        j = i + 1
        while (
            j < len(words)
            and j - i < s.max_run
            and _word(units[j])
            and not parse_token(words[j - 1]).trail
            and not parse_token(words[j]).lead
            and _lp(model, units[j - 1], units[j]) >= s.chain_min
        ):
            j += 1
        # (a word a figure follows is that figure's: "năm 2024", "số 12"; a date's "ngày" ends no name)
        if j < len(words) and units[j] == NUM:
            j -= 1
        while j > i and _date_word(words[j - 1]):
            j -= 1
        # (a run cut at its comma is a list the explanation goes on with: "công chức, viên chức";
        # one a word of the explanation's sentence reads on from is that sentence's: "hồ sơ")
        if j > i and ("," in parse_token(words[j - 1]).trail or _read_on(words, units, j, model, s)):
            continue
        join = _lp(model, last, unit)
        if j > i and (best is None or join > best[0]):
            best = (join, i, j)
    return None if best is None else (best[1], best[2])


def rest_from_explanation(
    name: str, explanation: str, s: NameRestSettings = NameRestSettings()
) -> tuple[str, str] | None:
    """(name, explanation) with the name's last line taken back from the explanation
    (``_run``), or None when the explanation holds none."""
    tokens, words = name.split(), explanation.split()
    if not tokens or not words:
        return None
    model = load_model()
    cut = len(tokens)
    while len(tokens) - cut < s.max_reference and cut > 0 and token_unit(tokens[cut - 1]) in (NUM, ABBR):
        cut -= 1
    if cut < s.min_name_words or not _word(token_unit(tokens[cut - 1])) or parse_token(tokens[cut - 1]).trail:
        return None
    found = _run(token_unit(tokens[cut - 1]) or "", words, model, s)
    if found is None:
        return None
    i, j = found
    rest = [*tokens[cut:], *words[:i], *words[j:]]
    return " ".join([*tokens[:cut], *words[i:j]]), " ".join(rest)


def names_rest(rows: Sequence[ScoreRow], s: NameRestSettings = NameRestSettings()) -> int:
    """Rows' names with their last line taken back from the explanation. Returns how many."""
    if not s.on:
        return 0
    changed = 0
    for row in rows:
        if not row.name or not row.explanation or any(f.startswith(FLAG_SNAPPED) for f in row.flags):
            continue
        parted = rest_from_explanation(row.name, row.explanation, s)
        if parted is None:
            continue
        if not row.name_raw:
            row.name_raw = row.name
        row.name, row.explanation = parted
        row.flags.append(FLAG_REST)
        changed += 1
    return changed


def names_rest_in_tables(
    tables: Sequence[ScoreTable], ocr: bool | None, s: NameRestSettings = NameRestSettings()
) -> int:
    """``names_rest`` on the score tables read from lines of OCR'd text. Returns how many."""
    if not ocr:
        return 0
    return sum(names_rest(t.rows, s) for t in tables if t.read_from == "lines")
