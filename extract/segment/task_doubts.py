"""Doubt evidence for the fields of task rows OCR read (issue 14 with 20). A task row's fields have
no word confidence on an OCR dump, so a wrong field would go unqueued; these are the signs the
text itself gives that a field was misread, each a flag ``doubt: …`` the review queue turns
into an entry for the row (``cchc_extract.reconcile.queue``):

* a word that is no Vietnamese syllable (not in the repair model's inventory: "Niâm yết",
  "Tiấp nhận"; a letter glued to a digit, "x3"); capitals (abbreviations: "UBND") are left alone,
  unless a letter is of no alphabet a plan writes in ("ŒGCHC" for "CCHC": OCR's glyph for a
  speck-joined C);
* a word that is a syllable but whose other marking fits its neighbours far better ("Biên bản
  kiếm tra", "nhân dần"; the repair model's bigrams) — put in that marking, the reading kept;
* a quarter printed with an Arabic numeral ("Quý 1/2025", "Quý 11/2025"): plans number quarters
  I-IV and OCR reads the strokes as ones — rewritten in Roman numerals, the reading kept in the
  entry's reason;
* (a mend, not queued) a word inside a task's or product's phrase whose capital OCR read for its
  small letter of the same shape ("Sắp Xếp": c, o, s, v, w, x, z print alike in both cases) and
  that the word before almost always takes next (``lowered_capitals``): lowered, the row noted
  ``CAPITAL_LOWERED``; a name a plan capitalises inside a phrase ("Báo cáo Sở Nội vụ") is no
  word's usual successor and stays;
* (mends, not queued: ``task_word_mends``) a dash inside one compound ("cải - cách"), an
  abbreviation read with a one among its strokes ("I1SO"), a gazetteer phrase's marks ("tố dân phố");
* (a mend, not queued) a task read from a grid's lines that ends in a product's predicate ("…
  được cập nhật") while the product has none: the product cell's wrapped line ran into the task
  column — the predicate moved back, the row noted ``PREDICATE_MOVED``;
* (a mend, not queued) a periodic word read "hàng quý" where the table's other deadlines print
  "hằng" at least as often: the breve OCR lost put back (``periodic_words``);
* a deadline's year outside the plan's period;
* a date whose day or month has one digit ("9/09/2026") where the table's other deadlines print
  every date's day and month in two ("19/09/2026", "01/01/2026"): OCR lost a digit, and what is
  left is a date too, so nothing else tells;
* a quarter whose numeral a grid's line reader spelt from look-alikes ("1", "l", "|": the strokes
  counted, ``stroke_doubts``);
* a quarter numeral that is none of I-IV once spelt ("Quý IIII/2025");
* quarters listed out of order ("Quý II - II" for "Quý II - III": ``quarter_lists``);
* a quarter numeral of one to three strokes ("Quý II/2025"): OCR merges, drops or adds one of a run of
  like strokes ("III" read "II") and a text dump keeps no confidence to tell — doubted, kept; on a
  scan whose reader gave the deadline's word confidences, only when Tesseract was unsure of them;
* a deadline, lead, coordinator or product cell the grammar of deadlines, units and products
  (``normalize.units``) does not parse ("28/12/2025 và nhân dân": a neighbouring cell's wrapped
  words read into it; "Danh mục" without "công bố": the product's end read into the task);
* a word with a stray letter ("công bối" for "công bố": a speck read as a letter) whose shorter
  form fits its neighbours far better — put in the shorter form, the reading kept;
* a speck read as a mark inside a field's words ("thủ tục- hành", " .đào tạo", "Xây dựng,.ban",
  "sử dụng!") or a dash closing a task's or product's words ("… chuyên môn -"): taken out; a comma glued to the
  next word ("kỷ luật,kỷ cương"): its space put back; a colon inside a task's or a product's name
  ("định kỳ: về …", "Danh: mục công bố"): doubted, kept;
* (a mend, not queued) a bullet OCR read as a mark and a letter opening a task ("s* Duy trì …"):
  taken out;
* a word in capitals ("IO" in "TCVN IO 9001:2015") that is no abbreviation the CCHC catalogue or
  the list of administrative abbreviations (``normalize/vietnamese/data/abbreviations.txt``)
  prints, nor one another row of the table prints: OCR dropped or changed a capital letter, and
  what is left reads as an abbreviation;
* a criterion code read with a stroke before it ("1 1.3": the column's bar read as a digit): the
  code put ("1.3"), doubted;
* a criterion code numbered past 9 ("2.44") in a table whose other codes stay under 10 (a bar
  OCR read as a digit);
* a criterion code read whole that ``task_codes`` put right by its section's other codes (the
  section may be the guess that is wrong);
* a criterion code of another field than the one its section's other rows name ("9.4" or "4.5"
  under a heading whose rows read 5.1, 5.2 or 1.1, 1.2): a field digit OCR misread that no known
  code a character away put right, or a section heading OCR lost that left the row under the
  heading above;

Only documents read by OCR are weighed: a typed plan's words are what it prints."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache

import regex as re

from extract.segment.periodic_words import spelt_as_the_table
from extract.segment.quarter_lists import quarter_list_doubts, stroke_lost
from extract.segment.task_codes import FLAG as CODE_FROM_DOCUMENT, section_fields
from extract.segment.task_word_mends import LOOKALIKE_CAPITALS, mended_body, mended_words
from normalize.lazy_regex import lazy_compile
from normalize.units import deadline_status, product_status, unit_status
from normalize.vietnamese.model import RepairModel, data_lines, load_model
from normalize.vietnamese.syllable import apply_case, case_of, fold
from schemas.records import TaskRow, TaskTable

DOUBT = "doubt: "
# A row's note that its product's predicate was read at its task's end and moved back.
PREDICATE_MOVED = "product_predicate_moved"
# A row's note that a capital inside a phrase was read for its small letter and lowered.
CAPITAL_LOWERED = "capital_lowered"
# A word opening with a capital after a small-lettered word, a space between (no mark: after
# "." or ";" a capital opens a sentence).
_INNER_CAPITAL = lazy_compile(r"(?<=\b(\p{L}\p{Ll}*) )(\p{Lu}\p{Ll}*)\b")
# A row's flag giving the least OCR confidence of its deadline's words ("deadline_word_conf:0.83"),
# set by a reader that has them (``task_paragraphs`` on a scan).
DEADLINE_WORD_CONF = "deadline_word_conf"
# A row's flag: its deadline's quarter numeral was read as a run of I's that the page's ink shows
# as many stems of (``extract.ocr_numerals``, ``Word.strokes_agree``): its count read twice.
STROKES_COUNTED = "quarter_strokes_counted"
_WORD = lazy_compile(r"[\p{L}\d]+")
_LETTERS = lazy_compile(r"\p{L}+")
_WORDED_FIELDS = ("task", "activity", "product", "lead", "coordinator")
# A quarter's numeral as OCR gives it: Roman, Arabic, or Roman with its strokes read as ones ("11").
_QUARTER = lazy_compile(r"\b(Qu[ýy])\s*(IV|I{1,3}|[1I]V|1{1,3}|[2-4])\s*/\s*(20\d\d)\b", re.IGNORECASE)
_QUARTER_READ = lazy_compile(r"(?i)\bqu\S*\s*([^\s/]{1,4})\s*/")
_ROMAN = {"1": "I", "2": "II", "3": "III", "4": "IV", "11": "II", "111": "III", "1V": "IV"}
# A product's predicate ("Trang thông tin được cập nhật", "Kế hoạch được ban hành") closing a task
# read from a grid's lines: the product cell's wrapped words taken for the task's.
_PASSIVE_TAIL = lazy_compile(r"\sđược(\s+\p{Ll}+){1,2}\s*$")
_YEAR = lazy_compile(r"\b(20\d\d)\b")
# A date's day and month as printed ("19/09/2026", "9/9/2026"), a figure's digits on neither side.
_DATE = lazy_compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(20\d\d)\b")
_TEXT_FIELDS = ("task", "activity", "product", "lead", "coordinator", "deadline")
# A quarter numeral that is a run of like strokes: the count is what OCR gets wrong.
_STROKE_RUN = lazy_compile(r"(?i)\bqu[ýy]\s*(I{1,3})\s*/\s*20\d\d\b")
# A quarter IV as printed: capitals side by side (a lower-case "v" or a gap is another reading).
_QUARTER_IV = lazy_compile(r"\b[Qq]u[ýy]\s*IV\s*/\s*20\d\d\b")
# A quarter's numeral as the deadline keeps it once spelt: one that is none of I-IV ("IIII",
# "VI") is a misreading the spelling could not put right.
_QUARTER_NUMERAL = lazy_compile(r"(?i)\bqu[ýy]\s*([^\s/]{1,5})\s*/\s*20\d\d\b")
_QUARTERS = ("I", "II", "III", "IV")
_WHOLE_CODE = lazy_compile(r"\d{1,2}(?:\.\d{1,2}){1,2}")
# A code of digits and dots however many digits OCR ran together ("196.2": a bar and a speck
# read before 6.2's field): its field is what stands before the first dot.
_DIGIT_CODE = lazy_compile(r"\d+(?:\.\d+)+")
# A criterion code cell read as a stroke and a code ("1 1.3", "| 2.4"): the column's ruling bar OCR
# read as a digit or a bar before the code, set apart by a space.
_STROKE_BEFORE_CODE = lazy_compile(r"[1lI|!]\s+(\d{1,2}(?:\.\d{1,2}){1,2})")
# (A product the products' list reads as a product's start, "Danh mục" without "công bố", or as one
# run into by other words, "Danh mục HĐND, công bố", was cut by the task cell's wrapped words or run
# into by them: no product ends at a start.)
_GRAMMAR_FIELDS = (
    ("deadline", deadline_status),
    ("lead", unit_status),
    ("coordinator", unit_status),
    ("product", product_status),
)
# A speck OCR read as a mark inside a field's words: a dash held to one word ("thủ tục- hành",
# "Trang-thông tin": a unit's dash stands between spaces, "Tư pháp - Hộ tịch"), a full stop or
# comma held to the next word (" .đào tạo"), a "!" or "?" after a word. Taken out.
_STRAY_MARK = lazy_compile(r"(?<=\p{Ll})[-–](?=\s|\p{Ll})|(?<=[\s,])[.,](?=\p{L})|(?<=\p{L})[!?](?=\s|$)")
# A comma held between two words' letters ("kỷ luật,kỷ cương"): the space a plan types after every
# comma, OCR lost (a figure's decimal comma stands between digits). Put back.
_GLUED_COMMA = lazy_compile(r"(?<=\p{L}),(?=\p{L})")
# A colon inside a task's name before a word going on ("định kỳ: về cải cách"): a speck, or the
# plan's own colon; doubted, kept.
_NAME_COLON = lazy_compile(r"\p{L}:\s+\p{Ll}")
# A dash closing a free-text field ("… các bộ phận chuyên môn -", "Biên bản kiểm tra -"): a speck
# or a ruling's end OCR read (a bar "|", or an "l": no syllable is a lone l); a unit's dash has
# words after it, and units are not touched. Taken out.
_TRAILING_DASH = lazy_compile(r"\s+(?:[-–—|]+|l)\s*$")
_FREE_TEXT_FIELDS = ("task", "activity", "product")
# A bullet OCR read as a mark with a letter beside it ("s* Duy trì …" for "• Duy trì …", "_ Thông
# báo" for "- Thông báo"), before the capital a task's words open with: a mark no word holds, a
# letter at most; or a dash or bar with a speck read as a quote held to the first word ("-'Tổ
# chức …"). Taken out.
_MISREAD_BULLET = lazy_compile(r"^\s*(?:(?:\p{L}?[*«»©®°~^_`]+\p{L}?)\s+|[-–|]+['‘’`]\s*)(?=\p{Lu})")
# A word in capitals: an abbreviation as printed ("UBND", "HĐND"), two letters at least.
_CAPITALS = lazy_compile(r"(?<![\p{L}\d])\p{Lu}{2,}(?![\p{L}\d])")
_ROMAN_NUMERAL = lazy_compile(r"[IVX]+")


@dataclass(frozen=True)
class TaskDoubtSettings:
    # Letters a word needs to be weighed as a syllable (a lone letter is a list mark or a speck).
    min_letters: int = 2
    # Bigram log-probability (the repair model's, both neighbours summed) another marking of a word
    # must gain for the word to be OCR's misreading: the corpus's printed task words gain at most
    # 1.7 ("chi tiêu" / "chỉ tiêu", both right); OCR's "kiếm tra", "nhân dần" gain 9-13.
    lm_margin: float = 5.0
    # The gain a word one letter shorter ("bố" for "bối") must show: a letter dropped changes the
    # word more than a mark, so it must fit far better (OCR's "công bối" gains 9.6).
    stray_letter_margin: float = 8.0
    # A field's cells the grammar of deadlines and units must read (share, and cells at least) for
    # one it does not read to be doubted: the corpus's plans' columns read 95-100%, a commune
    # writing its own deadlines about half.
    grammar_share: float = 0.85
    grammar_min_cells: int = 5
    # The least OCR confidence of a deadline's words at which a quarter numeral of strokes is
    # taken as read (a scan; a text dump has none and is doubted): the scanned plans' numerals
    # read right came at 0.83-0.87, the two read wrong ("I" for "II", "II" for "III") at 0.74
    # and 0.34 (seeds 570, 481).
    stroke_sure_conf: float = 0.8
    # A quarter numeral printed as three I's is read as printed: OCR's miscounts on the corpus's
    # plans lose a stroke (III → II, II → I), and no loss makes the longest run; a stroke it added
    # came as a look-alike ("Quý I1I/2026" for II), which ``stroke_doubts`` tells. (A run of one or
    # two strokes stays doubted.)
    longest_run_as_printed: bool = True
    # The repair model's bigram log-probability at which a word is the one the word before takes
    # next (a compound's second syllable: "sắp xếp" -0.4, "hồ sơ" -0.2); a name a plan
    # capitalises after a word ("cáo Sở" -7.3, "khai Cổng" -8.3) is far less likely.
    capital_bigram: float = -2.0
    # The bigram log-probability at which two syllables a dash stands between are one compound and
    # the dash a speck ("cải - cách" -0.3; a phrase's end and the next one's start: "trị - xã" -5.6).
    compound_bigram: float = -2.0
    # A criterion code printed with no dot ("1") among a table's codes of which at least this many
    # and this share print one ("5.1", "4.1"): a code's dot and digit OCR lost ("|1" for 5.1), the
    # code doubted. (A plan numbering its criteria by whole numbers prints no dots at all.)
    dotted_min_codes: int = 3
    dotted_share: float = 0.8
    # Other rows of a section that must name one field by their codes, more of them than name
    # the row's own, for a row's code of another field to be doubted (a plan lists each field's
    # tasks under its heading; a section of one or two rows says too little).
    section_field_votes: int = 2
    # Dates a table's other deadlines must print, every day and month in two digits, for a date
    # with one of one digit to be doubted (a plan writing "9/9/2026" writes all its dates so).
    padded_min_dates: int = 3


@lru_cache(maxsize=1)
def known_abbreviations() -> frozenset[str]:
    """The words in capitals the CCHC catalogue prints and the hand-written list of administrative
    abbreviations (``abbreviations.txt``)."""
    lines = data_lines("cchc_phrases.txt") + data_lines("abbreviations.txt")
    return frozenset(w for line in lines for w in _CAPITALS.findall(line))


def _table_capitals(table: TaskTable) -> Counter[str]:
    """Each word in capitals of the table's worded fields, by the rows that print it."""
    return Counter(w for r in table.rows for w in {c for f in _WORDED_FIELDS for c in _CAPITALS.findall(getattr(r, f))})


def _unknown_capitals(row: TaskRow, printed: Counter[str]) -> list[str]:
    """Doubts of the row's words in capitals that are no known abbreviation (``known_abbreviations``)
    nor printed by another row of the table (``printed``: by rows); a Roman numeral is a number."""
    out = []
    known = known_abbreviations()
    for f in _WORDED_FIELDS:
        words = [w for w in _CAPITALS.findall(getattr(row, f)) if fold(w).isascii()]
        unknown = [w for w in words if w not in known and not _ROMAN_NUMERAL.fullmatch(w) and printed[w] < 2]
        if unknown:
            out.append(f"{DOUBT}{f}: '{unknown[0]}' is no abbreviation the catalogue or the plan's other rows print")
    return out


def _strange_words(text: str, vocab: frozenset[str], s: TaskDoubtSettings) -> list[str]:
    """Words of ``text`` no Vietnamese syllable: not in the inventory, not an abbreviation (all
    capitals) nor a number."""
    out = []
    for word in _WORD.findall(text):
        letters = [ch for ch in word if ch.isalpha()]
        if len(word) < s.min_letters or not letters or word.isdigit():
            continue
        if all(ch.isupper() for ch in letters) and not any(ch.isdigit() for ch in word) and fold(word).isascii():
            continue  # an abbreviation ("UBND", "HĐND"); "ŒGCHC" is of no alphabet a plan writes in
        if word.lower() not in vocab:
            out.append(word)
    return out


def _remarked(text: str, model: RepairModel, s: TaskDoubtSettings) -> tuple[str, list[tuple[str, str]]]:
    """``text`` with each syllable whose other marking (same letters: "kiếm" / "kiểm") fits both
    its neighbours far better (by ``lm_margin`` of the repair model's bigram log-probability) put
    in that marking, and the (read, put) pairs. OCR drops or swaps a tone mark and leaves a word
    that is Vietnamese, so the syllable test passes it: its neighbours do not."""
    tokens = list(_LETTERS.finditer(text))
    low = [m.group().lower() for m in tokens]
    known = model.syllables

    def fit(k: int, word: str) -> float:
        score = 0.0
        if k > 0 and low[k - 1] in known:
            score += model.bigram(low[k - 1], word)
        if k + 1 < len(low) and low[k + 1] in known:
            score += model.bigram(word, low[k + 1])
        return score

    changes: list[tuple[int, int, str, str]] = []
    for k, word in enumerate(low):
        if word not in known or (k == 0 and len(low) == 1):
            continue
        read = fit(k, word)
        gain, best = max(
            ((fit(k, o) - read, o) for o in model.by_key.get(fold(word), ()) if o != word), default=(0.0, "")
        )
        shorter = {word[:i] + word[i + 1 :] for i in range(len(word))} & known if len(word) > 2 else set()
        for o in shorter:
            if fit(k, o) - read - s.stray_letter_margin + s.lm_margin > gain:
                gain, best = fit(k, o) - read - s.stray_letter_margin + s.lm_margin, o
        if gain >= s.lm_margin:
            printed = tokens[k].group()
            changes.append((tokens[k].start(), tokens[k].end(), printed, apply_case(best, case_of(printed))))
    for start, end, _, put in reversed(changes):
        text = text[:start] + put + text[end:]
    return text, [(read, put) for _, _, read, put in changes]


def lowered_capitals(text: str, model: RepairModel, s: TaskDoubtSettings) -> tuple[str, list[str]]:
    """``text`` with each look-alike capital inside a phrase (``LOOKALIKE_CAPITALS`` opening a
    word after a small-lettered word) lowered when the word before takes the lowered word next
    (``capital_bigram``), and the words lowered: Vietnamese capitalises no common word inside a
    phrase, and a small "x" or "s" OCR read a size too large is a capital by shape alone."""
    lowered: list[str] = []

    def lower(m: re.Match) -> str:
        word = m.group(2)
        if fold(word[0]).upper() not in LOOKALIKE_CAPITALS or word.lower() not in model.syllables:
            return word
        if model.bigram(m.group(1).lower(), word.lower()) < s.capital_bigram:
            return word
        lowered.append(word)
        return word.lower()

    return _INNER_CAPITAL.sub(lower, text), lowered


def stroke_doubts(read: str, spelt: str, words_sure: bool = False) -> list[str]:
    """A quarter whose numeral the deadline spelling made out of look-alikes ("Quý 1/2024", "Quý
    lI/2024" → "Quý I/2024", "Quý II/2024"): how many strokes OCR read is a guess (a lost stroke
    turns II into I), so the row is doubted, the reading kept. A capital "H" is such a look-alike
    too: two strokes read together, or one with a speck on it, so the count it is spelt with is the
    spelling's guess ("Quý HI/2026" spelt III, printed II) — unless Tesseract was sure of the
    deadline's words (``words_sure``, a scan's reading; ``strokes_read_sure``): an H it is sure of
    is the strokes it saw, as a run of I's it is sure of is (a text dump keeps no confidence)."""
    numeral = _QUARTER_READ.search(read)
    look_alikes = r"[1l|th]" if words_sure else r"[1l|thH]"
    if numeral is None or spelt == read or not re.search(look_alikes, numeral.group(1)):
        return []
    return [f"{DOUBT}deadline: quarter numeral read '{read}', its strokes counted '{spelt}'"]


def quarter_as_printed(deadline: str, period: str | None, counted: bool = False) -> bool:
    """Whether a deadline is a quarter printed as three I's, or as IV, in a year of the plan's
    period ("Quý III/2025", "Quý IV/2025" in a plan for 2025): OCR's miscounts of a quarter's
    strokes lose one, so no miscount makes the longest run (``TaskDoubtSettings.longest_run_as_printed``),
    nor a V, which is no stroke of a run (the look-alikes a reading is spelt from, "1V", are
    doubted by ``stroke_doubts`` apart); and its year is one the plan's own period names.
    Tesseract's doubt of such a deadline's word is not about what it reads (seed 1652:
    scanned paragraphs' "Quý IV" read right at 0.46 and 0.54, each queued for that alone).
    ``counted``: the page's ink counted the numeral's stems as Tesseract read them
    (``STROKES_COUNTED``), so a run of one or two I's is as printed too; a deadline naming one
    quarter only (which of two the count was read twice for is not kept)."""
    run = _STROKE_RUN.search(deadline)
    numeral = run.group(1).upper() if run is not None else None
    twice = counted and numeral is not None and len(_QUARTER_NUMERAL.findall(deadline)) == 1
    if numeral != "III" and not twice and _QUARTER_IV.search(deadline) is None:
        return False
    years = {int(y) for y in _YEAR.findall(deadline)}
    return bool(years) and years <= _period_years(period)


def _romanised(deadline: str) -> str | None:
    """The deadline with its quarters' Arabic numerals in Roman ones, None if it has none."""
    if not any(any(ch.isdigit() for ch in m.group(2)) for m in _QUARTER.finditer(deadline)):
        return None
    return _QUARTER.sub(lambda m: f"{m.group(1)} {_ROMAN.get(m.group(2), m.group(2))}/{m.group(3)}", deadline)


def strokes_read_sure(row: TaskRow, s: TaskDoubtSettings = TaskDoubtSettings()) -> bool:
    """Whether Tesseract read the row's deadline words, its numeral among them, at least at
    ``stroke_sure_conf``: a stroke it merged, lost or added leaves it unsure of the word; or
    whether the page's ink counted the numeral's stems as Tesseract read them (``STROKES_COUNTED``):
    Tesseract is unsure of a numeral whose serifs join (seed 2801's scanned plans: 12 quarters
    "Quý I" / "Quý II" queued for that alone, all right), and the count read twice is what its
    doubt was about (dev seeds 2801 and 3161: 11 quarters read twice, all right; the one read
    wrong, "II" as "I", was not read twice and stays queued)."""
    if STROKES_COUNTED in row.flags and len(_QUARTER_NUMERAL.findall(row.deadline)) == 1:
        return True
    confs = [float(f.partition(":")[2]) for f in row.flags if f.startswith(f"{DEADLINE_WORD_CONF}:")]
    return bool(confs) and min(confs) >= s.stroke_sure_conf


def _code_put_doubts(row: TaskRow) -> list[str]:
    """A criterion code read whole ("6.3") that ``task_codes`` put right by its section's other
    codes ("3.3"): the section is a guess too (a section heading OCR lost keeps the rows under the
    one above, whose field they then take), so the code put goes to review with the one read. A
    code with a letter for a digit ("D.1") is no code as read: put right, not doubted."""
    out = []
    for flag in row.flags:
        read = flag.removeprefix(f"{CODE_FROM_DOCUMENT}:")
        if flag.startswith(f"{CODE_FROM_DOCUMENT}:") and _WHOLE_CODE.fullmatch(read):
            out.append(f"{DOUBT}criterion_code: read '{read}', put '{row.criterion_code}' by its section's other codes")
    return out


def _undotted_code_doubt(row: TaskRow, codes: list[str], s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code printed as a whole number where the table's codes print a dot
    (``codes``: the table's criterion codes): OCR's loss of a code's first digit and dot."""
    code = (row.criterion_code or "").strip()
    if not code.isdigit():
        return []
    dotted = sum(1 for c in codes if "." in c)
    if dotted < s.dotted_min_codes or dotted < s.dotted_share * len(codes):
        return []
    return [f"{DOUBT}criterion_code: '{code}' has no dot where the table's other codes print one"]


def _long_number_doubt(row: TaskRow, codes: list[str], s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code whose number past the field's dot has two digits ("2.44") where the
    table's other codes all have one: a ruling bar or speck OCR read as a digit beside the code
    ("| 2.4 |" → "2.44"), the code doubted."""
    code = (row.criterion_code or "").strip()
    m = _WHOLE_CODE.fullmatch(code)
    if m is None or not any(len(part) > 1 for part in code.split(".")[1:]):
        return []
    others = [c for c in codes if c != code and _WHOLE_CODE.fullmatch(c)]
    if len(others) < s.dotted_min_codes or any(len(part) > 1 for c in others for part in c.split(".")[1:]):
        return []
    return [f"{DOUBT}criterion_code: '{code}' numbers its criterion past 9 where the table's other codes stay under 10"]


def _stroke_code_doubt(row: TaskRow) -> tuple[str | None, list[str]]:
    """A criterion code read with a stroke before it ("1 1.3"): no code as read; the code put
    (its ruling bar dropped) and doubted, the reading kept in the entry."""
    read = (row.criterion_code or "").strip()
    m = _STROKE_BEFORE_CODE.fullmatch(read)
    if m is None:
        return None, []
    return m.group(1), [f"{DOUBT}criterion_code: read '{read}', a stroke before the code ('{m.group(1)}' put)?"]


def _section_field_doubt(row: TaskRow, table: TaskTable, s: TaskDoubtSettings) -> list[str]:
    """A row's criterion code whose field is not the one its section's other rows name
    (``section_field_votes`` of them at least, more than name its own): the field's digit OCR
    misread ("9.4" for 5.4, "{145" read "4.5" for 1.5, "196.2" for 6.2) or a heading OCR lost
    that left the row under the section above (its section then wrong too). A code
    ``task_codes`` put is doubted there already."""
    code = (row.criterion_code or "").strip()
    if row.section is None or not _DIGIT_CODE.fullmatch(code):
        return []
    if any(f.startswith(f"{CODE_FROM_DOCUMENT}:") for f in row.flags):
        return []
    votes = section_fields(table, row)
    if not votes:
        return []
    field, n = votes.most_common(1)[0]
    own = code.split(".")[0]
    if field == own or n < s.section_field_votes or n <= votes[own]:
        return []
    return [f"{DOUBT}criterion_code: '{code}' is of field {own} where its section's other rows name field {field}"]


def _deadline_dates(row: TaskRow) -> list[tuple[str, bool]]:
    """Each date of the row's deadline as printed, and whether its day and month both print two digits."""
    return [(m.group(), min(len(m.group(1)), len(m.group(2))) == 2) for m in _DATE.finditer(row.deadline)]


def _unpadded_date_doubt(
    own: list[tuple[str, bool]], others: list[tuple[str, bool]], s: TaskDoubtSettings
) -> list[str]:
    """A deadline's date (``own``, ``_deadline_dates``) with a day or month of one digit where every
    date of the table's other rows (``others``) prints both in two (``padded_min_dates`` of them at
    least): a digit OCR lost."""
    short = [date for date, padded in own if not padded]
    if not short or len(others) < s.padded_min_dates or not all(padded for _, padded in others):
        return []
    return [f"{DOUBT}deadline: date '{short[0]}' prints a digit less than the table's other dates"]


def _decade_misread(outside: list[int], years: set[int]) -> int | None:
    """The plan's year a deadline's year outside its period was read for, when OCR misread one digit
    of its decade or century ("04/09/2046" in a plan for 2026): the one year of the period that
    differs from it in one of its first three digits only. None when no year or several do, or when
    the deadline holds several years outside the period; a year off by its last digit is left (it
    may be a deadline the plan sets in the next year), doubted."""
    if len(outside) != 1:
        return None
    read = str(outside[0])
    fits = [y for y in years if sum(a != b for a, b in zip(str(y), read)) == 1 and str(y)[3] == read[3]]
    return fits[0] if len(fits) == 1 else None


def _period_years(period: str | None) -> set[int]:
    years = [int(y) for y in _YEAR.findall(period or "")]
    return set(range(min(years), max(years) + 1)) if years else set()


def _grammatical_fields(table: TaskTable, s: TaskDoubtSettings) -> set[str]:
    """The fields (deadline, lead, coordinator, product) whose cells in ``table`` the grammar of
    deadlines, units and products reads nearly all of: only there is a cell it does not read a sign of a misreading —
    a plan writing its own deadlines ("Hoàn thành trước ngày …") or units ("Toàn thể CBCC xã")
    would otherwise be queued row after row."""
    out = set()
    for f, grammar in _GRAMMAR_FIELDS:
        cells = [getattr(r, f) for r in table.rows if getattr(r, f)]
        if len(cells) >= s.grammar_min_cells and sum(grammar(c) == "complete" for c in cells) >= s.grammar_share * len(
            cells
        ):
            out.add(f)
    return out


def doubt_tasks(
    tables: list[TaskTable], ocr: bool, period: str | None = None, s: TaskDoubtSettings = TaskDoubtSettings()
) -> list[TaskTable]:
    """The task tables with each OCR-read row's doubts flagged and the readings they show mended."""
    if not ocr or not any(t.rows for t in tables):
        return tables
    model = load_model()
    vocab = model.syllables
    years = _period_years(period)
    out = []
    for table in tables:
        table = spelt_as_the_table(table)  # (a breve OCR lost: the plan's own spelling)
        grammatical = _grammatical_fields(table, s)
        codes = [c.strip() for c in (r.criterion_code for r in table.rows) if c and c.strip()]
        printed_capitals = _table_capitals(table)
        dates = [_deadline_dates(r) for r in table.rows]
        # A task list titled for a year of its own ("PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024" closing a
        # report on 2023) sets its deadlines in that year: no year outside the plan's period.
        titled = {int(y) for y in _YEAR.findall(table.title or "")}
        new_rows = []
        for i, row in enumerate(table.rows):
            doubts: list[str] = []
            section_doubt = _section_field_doubt(row, table, s)  # weighed on the rows as read
            for f in _WORDED_FIELDS:
                put, changes = _remarked(getattr(row, f), model, s)
                if changes:
                    said = ", ".join(f"'{a}' read, '{b}' fits its neighbours" for a, b in changes)
                    doubts.append(f"{DOUBT}{f}: {said} (was '{getattr(row, f)}')")
                    row = replace(row)
                    setattr(row, f, put)
            for f in _FREE_TEXT_FIELDS:
                put, lowered = lowered_capitals(getattr(row, f), model, s)
                if lowered:
                    said = ", ".join(repr(w) for w in lowered)
                    row = replace(row, flags=[*row.flags, f"{CAPITAL_LOWERED}: {f} {said}"])
                    setattr(row, f, put)
                put, notes = mended_words(getattr(row, f), f, model, s.compound_bigram, known_abbreviations())
                if notes:
                    row = replace(row, flags=[*row.flags, *notes])
                    setattr(row, f, put)
            for f in ("lead", "coordinator"):  # the gazetteer's own phrases ("Các thôn, tố dân phố")
                put, notes = mended_body(getattr(row, f), f)
                if notes:
                    row = replace(row, flags=[*row.flags, *notes])
                    setattr(row, f, put)
            for f in _WORDED_FIELDS:
                value = getattr(row, f)
                cleaned = re.sub(r"\s{2,}", " ", _STRAY_MARK.sub(lambda m: " " if m.group() in "-–" else "", value))
                cleaned = _GLUED_COMMA.sub(", ", cleaned)
                if f in _FREE_TEXT_FIELDS:
                    cleaned = _TRAILING_DASH.sub("", cleaned)
                    cleaned = _MISREAD_BULLET.sub("", cleaned)
                if cleaned != value:
                    row = replace(row)
                    setattr(row, f, cleaned.strip())
            for f in ("task", "product"):
                if _NAME_COLON.search(getattr(row, f)):
                    doubts.append(
                        f"{DOUBT}{f}: a colon inside the {f}'s name ('{getattr(row, f)[:60]}'): a speck OCR read?"
                    )
            for f in _TEXT_FIELDS:
                strange = _strange_words(getattr(row, f), vocab, s)
                if strange:
                    doubts.append(f"{DOUBT}{f}: no Vietnamese syllable {', '.join(repr(w) for w in strange)}")
            romanised = _romanised(row.deadline)
            if romanised is not None:
                doubts.append(f"{DOUBT}deadline: quarter read '{row.deadline}' (a quarter is numbered I-IV)")
                row = replace(row, deadline=romanised)
            tail = _PASSIVE_TAIL.search(row.task) if "from_paragraph" not in row.flags else None
            if tail is not None and row.product and "được" not in row.product:
                said = tail.group().strip()
                # A mend, not a doubt: a task names an action and a passive predicate closes no
                # task, so the move stands (on the corpus's plan dumps every one was right); the
                # row keeps a note of it out of the queue.
                moved = f"{PREDICATE_MOVED}: '{said}' (was '{row.product}')"
                row = replace(
                    row,
                    task=row.task[: tail.start()].rstrip(),
                    product=f"{row.product} {said}",
                    flags=[*row.flags, moved],
                )
            numeral = _QUARTER_NUMERAL.search(row.deadline)
            if numeral is not None and numeral.group(1) not in _QUARTERS:
                doubts.append(f"{DOUBT}deadline: quarter numeral '{numeral.group(1)}' is none of I-IV")
            run = _STROKE_RUN.search(row.deadline) if not strokes_read_sure(row, s) else None
            if run is not None and s.longest_run_as_printed and run.group(1).upper() == "III":
                run = None  # no lost stroke makes the longest run; one added shows as a look-alike
            if run is not None and not any(d.startswith(f"{DOUBT}deadline: quarter") for d in doubts + row.flags):
                doubts.append(f"{DOUBT}deadline: quarter numeral '{run.group(1)}' is a run of strokes OCR may miscount")
            listed = quarter_list_doubts(row.deadline)
            put_list = stroke_lost(row.deadline) if listed else None
            if put_list is not None:
                listed = [f"{d} put '{put_list}' (was '{row.deadline}')" for d in listed]
                row = replace(row, deadline=put_list)
            doubts += listed
            for f, grammar in _GRAMMAR_FIELDS:
                if f in grammatical and getattr(row, f) and grammar(getattr(row, f)) != "complete":
                    doubts.append(f"{DOUBT}{f}: '{getattr(row, f)}' is no {f} the plan's grammar reads")
            put_code, code_doubts = _stroke_code_doubt(row)
            if put_code is not None:
                row, doubts = replace(row, criterion_code=put_code), doubts + code_doubts
            doubts += _code_put_doubts(row)
            doubts += _undotted_code_doubt(row, codes, s)
            doubts += _long_number_doubt(row, codes, s)
            doubts += section_doubt
            others = [d for j, row_dates in enumerate(dates) if j != i for d in row_dates]
            doubts += _unpadded_date_doubt(_deadline_dates(row), others, s)
            doubts += _unknown_capitals(row, printed_capitals)
            outside = sorted({int(y) for y in _YEAR.findall(row.deadline)} - years - titled) if years else []
            if outside:
                put_year = _decade_misread(outside, years | titled)
                said = f" put {put_year} (was '{row.deadline}')" if put_year is not None else ""
                doubts.append(f"{DOUBT}deadline: year {outside[0]} outside the plan's period{said}")
                if put_year is not None:
                    row = replace(row, deadline=re.sub(rf"\b{outside[0]}\b", str(put_year), row.deadline))
            new_rows.append(replace(row, flags=[*row.flags, *doubts]) if doubts else row)
        out.append(replace(table, rows=new_rows))
    return out
