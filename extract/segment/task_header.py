"""The header of a task framework read from its words alone (an OCR'd line, or a grid whose header
cells OCR merged into one): which columns it names, left to right. Each label's first words print
on the header's first line (cells are top-aligned), so the runs of header words give the columns
("Tên nhiệm vụ | Bộ phận chủ | Bộ phận | Thời gian | Sản phẩm đầu | TC" → task, lead, coordinator,
deadline, product, criterion code)."""

from __future__ import annotations

from normalize.lazy_regex import lazy_compile
from normalize.text import WORD_RUN, fold

# Header words (accent-free) → column; words of no column ("thực hiện", "đầu") join the label they
# sit in; "unit" words ("Bộ phận", "Đơn vị") are the lead's or the coordinator's, whichever label
# they open says ("chủ trì" / "phối hợp"), else lead first.
_HEADER_WORDS = {
    "tt": "code",
    "stt": "code",
    "nhiem": "task",
    "vu": "task",
    "noi": "task",
    "dung": "task",
    "cong": "task",
    "viec": "task",
    "san": "product",
    "pham": "product",
    "ket": "product",
    "qua": "product",
    "hinh": "product",
    "thoi": "deadline",
    "gian": "deadline",
    "han": "deadline",
    "tien": "deadline",
    "lo": "deadline",
    "trinh": "deadline",
    "chu": "lead",
    "tri": "lead",
    "moi": "lead",
    "phoi": "coordinator",
    "hop": "coordinator",
    "bo": "unit",
    "phan": "unit",
    "don": "unit",
    "vi": "unit",
    "co": "unit",
    "quan": "unit",
    "tc": "criterion_code",
    "tieu": "criterion_code",
    "chi": "criterion_code",
    "ma": "criterion_code",
}
# Share of a header line's words that are header words (the rest: OCR specks, a stray letter).
HEADER_SHARE = 0.6
_NEUTRAL = frozenset({"ten", "thuc", "hien", "dau", "ra", "so", "do", "hoan", "thanh", "va", "ve"})


def header_columns(text: str) -> list[str] | None:
    """The columns a header's first line names, left to right; None when it names too few task
    columns to be a task framework's header."""
    labels = header_labels(text)
    return None if labels is None else [column for column, _ in labels]


def header_labels(text: str) -> list[tuple[str, str]] | None:
    """Each column a header's first line names, left to right, with its label's words on that line
    ("Hình thức sản"); None when it names too few task columns to be a task framework's
    header. The label's first line printed inside its column: its width is the column's least."""
    runs: list[list[str]] = []  # the keys of each label
    words: list[list[str]] = []
    printed: list[list[str]] = []  # each label's words, those of no column inside it ("Hình thức sản")
    pending: list[str] = []  # words of no column after the last label word: this label's, or the next's
    found = WORD_RUN.findall(fold(text))
    if ":" in text or header_share(text) < HEADER_SHARE:
        return None  # a sentence naming the fields ("chủ trì: …; thời gian: …"), no header
    if names_score_column(text):
        return None  # a score table's header, whatever task words its other labels hold
    as_printed = WORD_RUN.findall(text)
    if len(as_printed) != len(found):
        as_printed = found
    for i, (word, shown) in enumerate(zip(found, as_printed, strict=True)):
        key = _word_key(found, i)
        if key is None:
            if word not in _NEUTRAL and runs:
                runs.append([])  # a word of no label: a new label follows
                words.append([])
                printed.append([])
                pending = []
            else:
                pending.append(shown)
            continue
        starts_label = not runs or not runs[-1] or word in words[-1] or _opens_new(runs[-1], key)
        if starts_label:
            runs.append([])
            words.append([])
            printed.append([])
        else:
            printed[-1].extend(pending)
        pending = []
        runs[-1].append(key)
        words[-1].append(word)
        printed[-1].append(shown)
    columns: list[tuple[str, str]] = []
    for keys, label in zip(runs, printed, strict=True):
        named = [k for k in keys if k != "unit"]
        if named:
            columns.append((named[0], " ".join(label)))
        elif keys:
            columns.append(("coordinator" if "lead" in [c for c, _ in columns] else "lead", " ".join(label)))
    if columns and columns[0][0] != "code":
        columns.insert(0, ("code", ""))  # "TT" OCR'd as a speck: the rows' numbers say it is there
    kinds = [c for c, _ in columns if c != "code"]
    if len(set(kinds)) != len(kinds):
        return None
    return columns


def _word_key(found: list[str], i: int) -> str | None:
    """The column header word ``i`` names. OCR without the Vietnamese model prints "chủ trì" as
    "chi tri": a "chi" right before "tri" is the lead's label, never the criterion's "chỉ tiêu"."""
    word = found[i]
    if word == "chi" and found[i + 1 : i + 2] == ["tri"]:
        return "lead"
    return _HEADER_WORDS.get(word)


def cell_columns(labels: list[str]) -> list[str | None] | None:
    """The column each header cell's own words name ("Bộ phận chủ tr" → lead, "Ghi chú" → None),
    when the header's words sit each in a cell of its own: every cell printing words, none naming
    two columns. None when a cell is empty or names two: OCR merged the header's cells, and only
    the words read across them say the columns (``header_columns``). A grid whose cells are each
    one label is read cell by cell: across its cells, one label's words and the next's would join
    into a column no cell names (an annex's "Chỉ tiêu | Kết quả | Ghi chú" read as a criterion, a
    product and "chủ" of a lead)."""
    out: list[str | None] = []
    for label in labels:
        if not any(len(word) > 1 for word in WORD_RUN.findall(fold(label))):
            return None  # (a speck, a ruling bar's "I": no label of its own)
        named = [column for column, words in header_labels(label) or [] if words]
        if len(named) > 1:
            return None
        out.append(named[0] if named else None)
    return out


# A score table's columns: points ("Điểm tối đa", "Điểm tự chấm", "Thang điểm", OCR's "ĐiỂmtỷ"),
# the self-assessment, the explanation ("Nội dung giải trình"). "Thời điểm" (a deadline's label)
# and "Địa điểm" (a venue) are a task framework's.
_SCORE_LABEL = lazy_compile(r"(?<!\b(?:thoi|dia)\s)\bdiem|\bgiai\s+trinh\b|\btu\s+(?:cham|danh\s+gia)\b")


def names_score_column(text: str) -> bool:
    """Whether a header line names a score table's column (points, self-assessment, explanation):
    such a line heads criteria and their points, never tasks, though its other labels hold task
    header words ("Nội dung" of the explanation, "trình" of "giải trình", "phần" of "thành phần")."""
    return _SCORE_LABEL.search(fold(text)) is not None


_BAR_GLUED = lazy_compile(r"(?<![\p{L}\p{N}])(\p{Lu})[IỊÌÍĨỈl](?![\p{L}\p{N}])")


def header_share(text: str) -> float:
    """The share of a line's words that are header words (1.0 for a line of specks). A ruling bar
    OCR glued to the letter before it as an "I" ("TỊ chí": the "T" of "STT" wrapped, then the bar)
    is a bar."""
    found = WORD_RUN.findall(fold(_BAR_GLUED.sub(r"\1 |", text)))
    return sum(1 for w in found if w in _HEADER_WORDS or w in _NEUTRAL or len(w) == 1) / max(1, len(found))


def _opens_new(keys: list[str], key: str) -> bool:
    """Whether a header word opens a new label after the words ``keys`` of the current one."""
    if key == "unit":
        return any(k != "unit" for k in keys)
    named = {k for k in keys if k != "unit"}
    if not named:  # "Bộ phận" opens the lead's or the coordinator's label, no other
        return key not in ("lead", "coordinator")
    return key not in named
