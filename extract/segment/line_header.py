"""The header of a score table read from lines: which lines are header lines, the column concepts
they name and in what order, and (for OCR'd pages with word boxes) the columns' x-ranges."""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from itertools import combinations, permutations

import regex as re
from rapidfuzz import fuzz, process

from extract.model import Line, Page
from extract.segment.evidence_lead import evidence_leads
from extract.segment.line_common import JUNK, LineTableSettings, is_score_token
from extract.segment.line_split import first_name_line, opens_criterion_name
from normalize.criteria import folded_wordings
from normalize.lazy_regex import lazy_compile
from normalize.text import WORD_RUN, fold, fold_words

_HEADER_WORDS = (
    "stt",
    "tt",
    "linh",
    "vuc",
    "tieu",
    "chi",
    "diem",
    "toi",
    "da",
    "tu",
    "danh",
    "gia",
    "cham",
    "noi",
    "dung",
    "giai",
    "trinh",
    "tai",
    "lieu",
    "kiem",
    "chung",
    "so",
    "thu",
    "tham",
    "dinh",
    "thang",  # "Thang điểm": the max column
    "khung",  # "Khung điểm": the max column printed as a scale
    "chuan",  # "Điểm chuẩn": the max column
    "dat",  # "Điểm đạt", "Điểm đạt được": the self column (as the grid's ``score_tables`` names it)
    "ghi",  # "Ghi chú": the explanation column
    "chu",
    "thanh",  # "tiêu chí thành phần"
    "phan",
    "nhan",
)
# Column concepts and the header phrases (diacritic-free) that name them; each concept's phrases
# in the order its label words print (a label wraps: "Thang" / "điểm").
_HEADER_CONCEPTS = {
    "criterion": ("tieu chi", "linh vuc", "noi dung danh gia"),
    "max": ("toi da", "diem toi", "thang diem", "khung diem", "diem chuan"),
    "self": ("tu danh gia", "tu cham", "danh gia"),
    "appraised": ("tham dinh",),
    # "Tài liệu kiểm chứng": OCR garbles "kiểm chứng" ("kiém chitng") as often as not.
    "explanation": ("giai trinh", "kiem chung", "ghi chu", "tai lieu"),
}
# How close (0..100) a header line's words must come to a concept's phrase: OCR drops and
# confuses letters in a short header word ("Ghi chi" for "Ghi chú", "tham" for "thẩm").
_CONCEPT_SIMILARITY = 85.0

# ---------------------------------------------------------------- header recognition


def header_share(text: str, settings: LineTableSettings = LineTableSettings()) -> float:
    words = [w for w in WORD_RUN.findall(fold(text)) if len(w) >= 2 or w in ("da",)]
    if not words:
        return 0.0
    # A word is a header word's when one of them comes that near (extractOne with the cutoff: the
    # nearest at or over it, in one call instead of a ratio per header word).
    cutoff = settings.header_word_similarity
    hits = sum(1 for w in words if process.extractOne(w, _HEADER_WORDS, scorer=fuzz.ratio, score_cutoff=cutoff))
    return hits / len(words)


def header_concepts(text: str) -> set[str]:
    folded = fold_words(" ".join(w for w in text.split() if not _marked_other_word(w)))
    found = set()
    for concept, phrases in _HEADER_CONCEPTS.items():
        if any(names_phrase(p, folded) for p in phrases):
            found.add(concept)
    return found


def keyed_concepts(text: str) -> set[str]:
    """The points columns a header line's single words name ("Điểmtự" the self points, "thẩm"
    the appraised ones, "chuẩn" the max): OCR cuts a wrapped header into lines that hold one word
    of each label, so a label's phrase is on no one line; its words still name the column."""
    return {key for key in _keyed_words(text) if key in _POINTS}


def names_phrase(phrase: str, folded: str) -> bool:
    """Whether the folded line holds the phrase (OCR slips allowed) as whole words: "ghi chu"
    is in "ghi chi", not in "danh gia chung"."""
    hit = fuzz.partial_ratio_alignment(phrase, folded, score_cutoff=_CONCEPT_SIMILARITY)
    if hit is None:
        return False
    if _names_words(phrase, folded):
        return True  # the best alignment may straddle a word edge (" ghi ch") while whole words match
    start, end = hit.dest_start, hit.dest_end
    part_start, part_end = hit.src_start, hit.src_end
    if part_end - part_start < min(len(phrase), 5) and not (
        (part_start == 0 or phrase[part_start - 1] == " ") and (part_end == len(phrase) or phrase[part_end] == " ")
    ):
        # A line shorter than the phrase may hold one of its words (a wrapped label: "thẩm" of
        # "thẩm định"), never a short piece cut out of a word ("vinh" is no "[tham d]inh"); a piece
        # of five letters or more is an OCR-cut label ("tham dinh" read "thamdinh"), kept.
        return False
    return (start == 0 or folded[start - 1] == " ") and (end == len(folded) or folded[end] == " ")


def _names_words(phrase: str, folded: str) -> bool:
    """Whether a run of the line's whole words, as many as the phrase has, reads as the phrase
    (OCR slips allowed: "ghi chi" for "ghi chú")."""
    words, size = folded.split(), len(phrase.split())
    return any(
        fuzz.ratio(phrase, " ".join(words[k : k + size])) >= _CONCEPT_SIMILARITY for k in range(len(words) - size + 1)
    )


# A score statement of a plan's prose ("Tiêu chí 1.3. …: … (2/2 điểm).", "+ Tiêu chí 4.1 … đạt
# 2/2 điểm", "không đạt điểm (0/2,5)"): it names a criterion by its code, or holds points out of a
# maximum; a column header does neither.
_STATEMENT_OPENING = lazy_compile(r"^\W*tieu\s*chi\s+\d{1,2}(?:\s*\.\s*\d{1,2})+")
_POINTS_FRACTION = lazy_compile(r"\d+(?:[,.]\d+)?\s*(?:diem\s*)?/\s*\d+(?:[,.]\d+)?\s*(?:diem\b|\))")


def is_score_statement(text: str) -> bool:
    folded = fold(text)
    return bool(_STATEMENT_OPENING.match(folded) or _POINTS_FRACTION.search(folded))


def is_header_line(line: Line, settings: LineTableSettings = LineTableSettings()) -> bool:
    text = line.raw or line.text
    if printed_chars(text) > settings.max_header_chars and not _wide_header(text, settings):
        return False  # a header is no paragraph
    if is_score_statement(text):
        return False
    numbers = sum(1 for t in text.split() if is_score_token(t))
    if numbers and (
        numbers > settings.header_stray_numbers or len(header_concepts(text)) < settings.header_stray_min_concepts
    ):
        return False  # a header has no points in it (but a speck OCR read as a digit)
    # The catalogue is looked up only for a line that passes for a header otherwise; past the
    # STT cell's one character ("i CONG TAC CHI DAO, DIEU HANH": "1" read as "i"), too.
    if header_share(text, settings) < settings.header_share:
        return False
    words = text.split()
    past_stt = " ".join(words[1:]) if len(words) > 1 and len(words[0].strip(".,:;|")) <= 1 else ""
    return not any(opens_criterion_name(t, settings) or first_name_line(t, settings) for t in (text, past_stt) if t)


def printed_chars(text: str) -> int:
    """How long a line is in its printed words: the specks and rule bars OCR strews through a
    ruled header (" : ", " | ", "-|") are no part of its labels, and lengthen it past a header's
    width ("STT Lĩnh vực/Tiêu chí/… Điểm | Điểm tự Tài liệu kiểm chứng :")."""
    return len(" ".join(t for t in text.split() if not JUNK.match(t)))


def _wide_header(text: str, settings: LineTableSettings) -> bool:
    """A line past the prose limit that is still one header: short enough, nearly all header
    words, naming several column concepts (prose that mentions "tiêu chí" has other words)."""
    return (
        len(text) <= settings.wide_header_chars
        and header_share(text, settings) >= settings.wide_header_share
        and len(header_concepts(text)) >= settings.wide_header_concepts
    )


def is_repeated_header(line: Line, settings: LineTableSettings = LineTableSettings()) -> bool:
    text = line.raw or line.text
    return (
        is_header_line(line, settings)
        and len(header_concepts(text)) >= settings.min_header_concepts
        and not holds_wording_piece(text, settings)
    )


def holds_wording_piece(text: str, settings: LineTableSettings = LineTableSettings()) -> bool:
    """Whether a run of the line's words, ``header_wording_piece_chars`` long at least, is a piece
    of a catalogued criterion's wording (``header_wording_piece_ratio`` near): a criterion's name
    wrapped in lower case, whose words ("lĩnh vực") a header shares, not a header's labels."""
    runs = _shortest_runs(fold_words(text).split(), settings.header_wording_piece_chars)
    return any(
        fuzz.partial_ratio(run, wording) >= settings.header_wording_piece_ratio
        for wording in folded_wordings()
        for run in runs
        if len(run) <= len(wording)
    )


def _shortest_runs(words: list[str], chars: int) -> list[str]:
    """From each word on, the fewest words in a row that are ``chars`` long (spaces counted)."""
    runs = []
    for i in range(len(words)):
        for j in range(i + 1, len(words) + 1):
            if len(run := " ".join(words[i:j])) >= chars:
                runs.append(run)
                break
    return runs


def column_at(x: float, columns: dict[str, tuple[float, float]]) -> str:
    """The column whose range holds ``x``, else the nearest one."""
    return min(
        columns,
        key=lambda k: 0 if columns[k][0] <= x <= columns[k][1] else min(abs(x - columns[k][0]), abs(x - columns[k][1])),
    )


# Words a document title shares with a header ("chỉ số", "xác định", "đánh giá") name none.
_HEADER_KEYS = {
    "stt": "code",
    "tt": "code",
    "tieu": "name",
    "linh": "name",
    "vuc": "name",
    "toi": "max",
    "da": "max",
    "chuan": "max",
    "thang": "max",  # "Thang điểm"
    "khung": "max",  # "Khung điểm"
    "tu": "self",
    "cham": "self",
    "dat": "self",  # "Điểm đạt (được)"
    "tham": "appraised",
    "giai": "explanation",
    "trinh": "explanation",
    "noi": "explanation",
    "kiem": "explanation",
    "chung": "explanation",
    "minh": "explanation",  # "Hồ sơ minh chứng", "Tài liệu minh chứng": OCR garbles "chứng" ("chitng")
    "ghi": "explanation",
}


# Keyed words whose label prints them without a mark ("Thang điểm", "STT"): the same letters with
# a mark are another word ("tháng", the month of "Thực hiện 6 tháng", is no "Thang" of a scale).
_UNMARKED_LABELS = frozenset({"thang", "khung", "stt", "tt"})
# A maximum's label printed as the scale it is scored on ("Thang điểm", "Khung điểm") opens with
# one of these words, not with "Điểm".
_SCALE_LABEL_OPENINGS = frozenset({"thang", "khung"})


def _marked_other_word(word: str) -> bool:
    """A word that folds to an unmarked label's word but prints a mark: another word."""
    bare = word.strip(".,:;()/|_")
    return fold(bare) in _UNMARKED_LABELS and not bare.isascii()


def header_key(word: str) -> str | None:
    if _marked_other_word(word):
        return None
    folded = fold(word).strip(".,:;()/|_")
    if folded.startswith("diem") and len(folded) > 4:
        folded = folded[4:]
    return _HEADER_KEYS.get(folded)


def column_ranges(header: list[Line], body: list[Line], page: Page) -> dict[str, tuple[float, float]] | None:
    """Column x-ranges from the header words' positions (over every header line): each column's
    words give its anchor; the boundary between two neighbouring columns is a least-inked gutter
    between their anchors in the body lines, or half-way between the anchors when the body gives
    no words."""
    anchors: dict[str, list[tuple[float, float]]] = {}
    for line in header:
        for word in line.words:
            key = header_key(word.text) if word.bbox is not None else None
            if key and word.bbox is not None:
                anchors.setdefault(key, []).append((word.bbox[0], word.bbox[2]))
    if not {"code", "name", "max"} <= set(anchors):
        return None
    # (centre, left edge of the header words, column)
    heads = sorted((statistics.mean((a + b) / 2 for a, b in v), min(a for a, _ in v), k) for k, v in anchors.items())
    boxes = [w.bbox for line in header + body for w in line.words if w.bbox is not None]
    width = page.width or max(b[2] for b in boxes) * 1.05
    ink = ink_profile(body, int(width) + 1)
    out = {}
    lo = 0.0
    for (centre, _, key), following in zip(heads, heads[1:] + [None]):
        hi = width if following is None else gutter(ink, centre, following[0], near=following[1])
        out[key] = (lo, hi)
        lo = hi
    return out


def ink_profile(lines: list[Line], width: int) -> list[int]:
    """How many lines have a word (not a speck) over each x: columns' text is inked, gutters not."""
    counts = [0] * width
    for line in lines:
        for word in line.words:
            if word.bbox is None or JUNK.match(word.text):
                continue
            for x in range(max(0, int(word.bbox[0])), min(width, int(word.bbox[2]) + 1)):
                counts[x] += 1
    return counts


def gutter(ink: list[int], left: float, right: float, near: float | None = None) -> float:
    """The middle of a least-inked run of x between two column anchors: the run nearest ``near``
    (the left edge of the right-hand column's header: text of a left-aligned column runs up to
    its neighbour's cell, and with few lines the spaces between its words are blank too), the
    widest among equally near ones."""
    a, b = int(left), int(right)
    if b - a < 2 or not any(ink[a:b]):
        return (left + right) / 2
    low = min(ink[a:b])
    runs, run_start = [], None
    for x in range(a, b + 1):
        if x < b and ink[x] == low:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            runs.append((run_start, x - 1))
            run_start = None
    target = (left + right) / 2 if near is None else near
    start, end = min(runs, key=lambda r: (max(r[0] - target, target - r[1], 0), r[0] - r[1]))
    return (start + end) / 2


_POINTS = ("max", "self", "appraised")
HEADER_POINTS = _POINTS


@dataclass(frozen=True)
class HeaderLayout:
    """What a plain-text header says of the columns: the points columns in print order, and
    whether the explanation column prints before them (its text then comes before a line's
    numbers, after the name's)."""

    points: tuple[str, ...] = ("max", "self")
    explanation_first: bool = False
    # The header names an explanation column but no header line says on which side of the points.
    explanation_undecided: bool = False
    # The header names an explanation column at all (OCR may garble its label past reading:
    # "(ảihn" for "Giải trình").
    explanation_named: bool = False
    # The points print as one fraction cell, scored over maximum ("0,25/1": ``line_fractions``).
    fractions: bool = False
    # The points print halves and quarters as common fractions ("14 1/2": ``line_common_fractions``).
    common_fractions: bool = False
    # The evidence column prints before the code and the name (``evidence_lead``).
    evidence_leads: bool = False
    # The three points columns in the header's order (``points_order``), the appraised one
    # among them even when its label is too garbled to name it: where it stands if the body's
    # figures show it (``points_columns.points_from_numbers``).
    order: tuple[str, ...] = ("max", "self", "appraised")
    # How many points columns print after an explanation column printed after a points column
    # ("Điểm chuẩn | Thuyết minh | Điểm tự chấm"): their figures stand past the explanation's words
    # (``points_after_explanation``, read by ``explanation_between``).
    after_explanation: int = 0
    # How many points columns print before a column of counts ("Số lượng văn bản, sản phẩm"), whose
    # figure a row's run holds among its points (``count_column``); None: the header names none.
    count_at: int | None = None


# Header words whose column is the explanation's even when a criterion label shares them ("Nội
# dung đánh giá" names the criterion, "Nội dung giải trình" the explanation): "noi" says neither.
_EXPLANATION_WORDS = frozenset({"giai", "trinh", "kiem", "chung", "minh", "ghi"})


def _keyed_words(text: str) -> list[str]:
    """The columns a header line's words name, left to right (words naming none left out)."""
    keys = []
    for word in text.split():
        key = header_key(word)
        if key == "explanation" and fold(word).strip(".,:;()/|_") not in _EXPLANATION_WORDS:
            key = None
        if key:
            keys.append(key)
    return keys


# Header words that point to an appraised column when OCR left too little of its label for
# ``header_layout`` to name it: a piece of "thẩm định" ("tham", "dinh", "TĐ"), or the appraising
# body the label names ("Điểm Phòng Nội vụ thẩm định": "Phòng"). Each is only a hint: the body's
# lines must still show a third figure (``score_lines._points_from_numbers``).
_APPRAISED_HINTS = frozenset({"tham", "dinh", "thamdinh", "td", "phong"})
# Words before "định" that make it another word than the label's ("xác định" in a title,
# "quy định", "Quyết định" in a wrapped name).
_NOT_APPRAISAL = frozenset({"xac", "quy", "quyet", "nghi", "on", "khang", "chi"})
# Words after "định" that make it another word than the label's: "đính kèm" (attached: "Tệp đính
# kèm", "Tài liệu đính kèm", a column of evidence files) folds to the same letters. Seed 21001's
# D15 dump: "Tép dinh kém" beside "Diém Diém" made a table with no appraised column lose one in
# every row, each queued.
_NOT_APPRAISAL_AFTER = frozenset({"kem"})
# Of those, the words a points label wraps "định" away from onto the next header line ("Điểm quy"
# over "định": the maximum's "Điểm quy định", not the appraisers' "thẩm định"). Seed 7191's N21
# dump: "quy diec" over "dinh" made every row of a table with no appraised column lose one.
_WRAPS_BEFORE = frozenset({"quy", "quyet"})
# Punctuation and specks OCR glues to a header word.
_WORD_EDGES = ".,:;()/|_-~'\"‘’“”"


def appraised_hinted(lines: list[Line], settings: LineTableSettings = LineTableSettings()) -> bool:
    """Whether a header line holds a word that points to an appraised column (its label garbled
    past recognition: "cham dinh", "Phong", "Diem TĐ"). Only lines that read as header lines
    count, or short fragments of one: the header's run may hold a title or a heading's text."""
    return bool(appraised_hints(lines, settings))


def appraised_hints(
    lines: list[Line], settings: LineTableSettings = LineTableSettings(), before: Line | None = None
) -> set[str]:
    """The distinct words of ``appraised_hinted`` the header lines hold: two pieces of the label
    ("Phòng" over "định", a wrapped "Điểm Phòng Nội vụ thẩm định") name the column as its whole
    label would. A "định" opening its line under a line holding "quy" (``before``: the line above
    the first) is the maximum's wrapped "quy định"."""
    found: set[str] = set()
    above = _header_words(before) if before is not None else []
    for line in lines:
        text = line.raw or line.text
        words = _header_words(line)
        lettered = [w for w in words if re.fullmatch(r"\p{L}{2,}", w)]
        if len(lettered) > settings.hint_fragment_words and header_share(text, settings) < settings.header_share:
            above = words
            continue
        for k, word in enumerate(words):
            other_word = words[k - 1] in _NOT_APPRAISAL if k else bool(_WRAPS_BEFORE & set(above))
            after = words[k + 1] if k + 1 < len(words) else ""
            other_word = other_word or after in _NOT_APPRAISAL_AFTER
            if word in _APPRAISED_HINTS and not (word == "dinh" and other_word):
                found.add(word)
        above = words
    return found


def _header_words(line: Line) -> list[str]:
    """A header line's words, folded to plain letters, lower case, without the specks OCR glued on."""
    words = [fold(w).strip(_WORD_EDGES).lower() for w in (line.raw or line.text).split()]
    return [w for w in words if w]


def points_labels(lines: list[Line]) -> int:
    """The most points-column labels one header line opens ("Điểm | Điểm tự | Điểm", "Thang |
    Diémty | Diem"): each points label of the family opens with "Điểm" (or "Thang" / "Khung" of
    "Thang điểm", "Khung điểm"), a word OCR keeps when it garbles the words after it ("thẩm định" read "mạm"). Three
    on one line are three points columns, whatever the labels' other words became."""
    most = 0
    for line in lines:
        words = [w.strip(_WORD_EDGES) for w in (line.raw or line.text).split()]
        most = max(most, sum(1 for w in words if _opens_points_label(w)))
    return most


def _opens_points_label(word: str) -> bool:
    """A word that opens a points label: "Điểm" (glued to its next word as OCR leaves it:
    "Diémty", "Điểmtự") or "Thang", capitalised as a label's first word prints. A lower-case
    "điểm" ends another label ("Hướng dẫn chấm điểm", "Cách tính điểm" of a scale column,
    "Thang điểm") and opens none."""
    if not word[:1].isupper():
        return False
    folded = fold(word).lower()
    if folded in _SCALE_LABEL_OPENINGS:
        return True
    return folded.startswith("diem") and (len(folded) == 4 or folded[4:] in _LABEL_TAILS)


opens_points_label = _opens_points_label


# Words OCR glues to a label's "Điểm" ("Điểmtự", "Diémtoi"): a longer word ("diemdanh") is no label.
_LABEL_TAILS = frozenset({"tu", "ty", "toi", "tham", "chuan", "dat", "ubnd", "phong"})


def header_layout(lines: list[Line]) -> HeaderLayout:
    """The points columns and the explanation's place from the header lines: a header line names
    the columns left to right, so two column words on one line give their order. An appraised
    column is there when a header word names it; the explanation prints first when, on the lines
    naming it and a points column, it mostly comes before that column."""
    before = after = 0
    appraised = False
    for line in lines:
        keys = _keyed_words(line.raw or line.text)
        appraised = appraised or "appraised" in keys
        if "explanation" in keys:
            first = keys.index("explanation")
            at = [k for k, key in enumerate(keys) if key in _POINTS]
            before += sum(1 for k in at if k > first)
            after += sum(1 for k in at if k < first)
    order = points_order(lines)
    points = order if appraised else tuple(k for k in order if k != "appraised")
    named = any("explanation" in _keyed_words(line.raw or line.text) for line in lines)
    return HeaderLayout(
        points=points,
        explanation_first=before > after,
        explanation_undecided=named and before == after,
        explanation_named=named,
        evidence_leads=evidence_leads([_keyed_words(line.raw or line.text) for line in lines]),
        order=order,
        after_explanation=points_after_explanation(lines),
    )


def points_after_explanation(lines: list[Line]) -> int:
    """How many points columns the header prints after an explanation column that itself prints
    after a points column: the most any header line names so, 0 when none. Only a line naming a
    points column before the explanation counts (an explanation printed first, "Giải trình |
    Điểm tối đa | Điểm tự chấm", leaves the figures in one run after its text: ``explanation_first``)."""
    most = 0
    for line in lines:
        kinds = [k for k in (_word_kind(word) for word in (line.raw or line.text).split()) if k is not None]
        if "explanation" not in kinds:
            continue
        first = kinds.index("explanation")
        if not any(k != "explanation" for k in kinds[:first]):
            continue
        after = kinds[first:]
        # (each label opens with its "Điểm"; a label whose opening OCR lost still names its column)
        most = max(most, after.count("opens") or int("points" in after))
    return most


def _word_kind(word: str) -> str | None:
    """ "opens" for a word opening a points label ("Điểm", "Thang"), "points" for another word
    naming a points column ("tự", "chuẩn"), "explanation" for the explanation's, else None."""
    if _opens_points_label(word.strip(_WORD_EDGES)):
        return "opens"
    if _glued_explanation(word):
        return "explanation"
    keys = _keyed_words(word)
    if not keys:
        return None
    return "explanation" if keys[0] == "explanation" else "points" if keys[0] in _POINTS else None


def _glued_explanation(word: str) -> bool:
    """A word opening with two words of the explanation's label OCR glued together ("Giaitrinh",
    "kiểmchứng"), more of the label glued after them or not ("Giaitrinhcia" of "Giải trình của")."""
    folded = fold(word).strip(_WORD_EDGES).lower()
    return any(
        folded[:k] in _EXPLANATION_WORDS and any(folded[k:].startswith(w) for w in _EXPLANATION_WORDS)
        for k in range(2, len(folded) - 1)
    )


# Words that name the appraised column though no label's key ("Điểm Phòng Nội vụ thẩm định" wraps
# "Phòng" onto the line of the other labels' second words; "Điểm TĐ"): they place the column in
# the header's order, where ``appraised_hints`` only says it may be there.
_ORDER_HINTS = frozenset({"phong", "td", "thamdinh"})


def points_order(lines: list[Line], points: tuple[str, ...] = _POINTS) -> tuple[str, ...]:
    """The points columns in the order the header prints them: a line naming two of them names them
    left to right ("Điểm thẩm định | Điểm tự chấm", wrapped: "điểm thẩm chấm" under "Thang Điểm
    Điểm tự"), so each such line votes for the order of its pair; the order most lines agree with,
    and among equals the usual one (max, self, appraised), which a header naming no two gives. The
    appraising body's form prints its appraisal before the self points, or the maximum last: the
    header's words, not the column's place, say which is which."""
    votes: Counter[tuple[str, str]] = Counter()
    for line in lines:
        words = (line.raw or line.text).split()
        keys = [_order_key(word, words[k + 1] if k + 1 < len(words) else "") for k, word in enumerate(words)]
        named = [k for k in dict.fromkeys(keys) if k in points]
        votes.update(combinations(named, 2))
    if not votes:
        return points

    def agreement(order: tuple[str, ...]) -> int:
        return sum(votes[(a, b)] - votes[(b, a)] for a, b in combinations(order, 2))

    return max(permutations(points), key=agreement)  # (the first best: the usual order among equals)


def _order_key(word: str, after: str) -> str | None:
    """The points column a header word names for ``points_order``: its key, or the appraised
    column's for a word of ``_ORDER_HINTS``. A self word followed by "điểm" is the verb of another
    column's label ("Phương pháp chấm điểm", "Hướng dẫn chấm điểm"), naming no points column."""
    if fold(word).strip(_WORD_EDGES).lower() in _ORDER_HINTS:
        return "appraised"
    key = header_key(word)
    if key == "self" and fold(after).strip(_WORD_EDGES).lower() == "diem":
        return None
    return key if key in _POINTS else None
