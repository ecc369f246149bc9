"""Which column of a task framework's grid is which field: the header's words (``map_columns``),
a header whose cells OCR merged read from its words (``header_labels``), and what the body's cells
hold where the words do not settle it (criterion codes, deadlines, unit names, row numbers:
``map_table``). The rows themselves are read in ``task_tables``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import regex as re

from extract.segment.joined import JoinedRow, JoinedTable
from extract.segment.points_words import SCORE_HEADER_WORDS
from extract.segment.task_count_column import count_columns
from extract.segment.task_dates import deadline_at_end
from extract.segment.task_header import _HEADER_WORDS, cell_columns, header_columns, header_share
from extract.segment.task_numbering import numbering_column
from extract.segment.task_sections import task_code
from normalize.lazy_regex import lazy_compile
from normalize.text import any_word, fold

_COLUMN_NUMBER = lazy_compile(r"^\s*\(?\d{1,2}\s*[-–.)]\s*")
_ASCII_WORD = lazy_compile(r"[a-z]+")


@dataclass(frozen=True)
class TaskTableSettings:
    # A task table maps at least this many of its columns to fields...
    min_mapped_columns: int = 4
    # ...including one that only task frameworks have.
    required_any: tuple[str, ...] = ("lead", "deadline", "coordinator", "activity", "task")
    # Header words of a score table, which is no task table (`points_words`).
    score_header_words: tuple[str, ...] = SCORE_HEADER_WORDS
    # Header words (accent-free) of a unit-of-measure column, of an annex's figures ("Số liệu") or of
    # its indicators ("Nội dung chỉ tiêu"): a statistics annex's or a targets table's ("Chỉ tiêu | ĐVT
    # | Kết quả", "STT | Nội dung chỉ tiêu | Số lượng", the unit in the indicator's brackets), never
    # a task framework's, whatever else it maps.
    annex_header_words: tuple[str, ...] = ("dvt", "don vi tinh", "so lieu", "noi dung chi tieu")
    # Share of a headerless grid's rows printing two points figures that makes it a score table's
    # piece, not tasks (``points_pairs``).
    points_rows_share: float = 0.6
    caption_lines: int = 6
    inherited_confidence: float = 0.9
    realigned_confidence: float = 0.8
    # A column is of a kind (codes, deadlines, unit names) when this share of its body cells are.
    content_share: float = 0.8
    # A body row whose words are this share header words, naming enough columns, is a header.
    header_row_share: float = 0.9
    # Lines looked at over a grid with no header row for a score header printed apart (two: a
    # borderless table's header may stand as two lines side by side).
    header_lines_above: int = 2


# Field → header words (accent-free), tried in this order; the first field that matches a
# column claims it. "TC" alone is the criterion code; "Lĩnh vực/Tiêu chí" the criterion name.
_FIELD_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("code", ("tt", "stt", "so tt")),
    ("criterion_code", ("tc", "ma tieu chi", "ma tc")),
    ("lead", ("chu tri", "don vi chu tri", "bo phan chu tri", "dau moi", "don vi thuc hien", "bo phan thuc hien")),
    ("coordinator", ("phoi hop",)),
    ("deadline", ("thoi gian", "thoi han", "tien do", "han hoan thanh", "lo trinh", "moc thoi gian")),
    ("budget", ("kinh phi", "du toan", "nguon kinh phi")),
    ("official", ("cong chuc", "can bo phu trach", "nguoi phu trach", "nguoi cung cap")),
    ("product", ("san pham", "ket qua")),
    ("activity", ("hoat dong",)),
    ("task", ("nhiem vu", "cong viec")),
    ("objective", ("muc tieu", "chi tieu")),
    ("criterion", ("tieu chi", "linh vuc", "noi dung")),
)
_EXACT_ONLY = {"code", "criterion_code"}  # short labels: match the whole header, not a word in it


# A vowel OCR read twice, its mark set apart from it ("Đâầu" for "Đầu"): no header word doubles one.
_VOWEL_TWICE = lazy_compile(r"([aeiouy])\1")


def _header_key(label: str) -> str:
    """Accent-free header without its column number ("3- Hoạt động" → "hoat dong"), a vowel OCR
    read twice once ("Đâầu mối" → "dau moi")."""
    return _VOWEL_TWICE.sub(r"\1", _COLUMN_NUMBER.sub("", fold(label)).strip())


# A settings' word list as one pattern, built once per list (tables are checked one by one).
_words_pattern = lru_cache(maxsize=8)(any_word)
# Each field's words as one pattern: any of them as a whole word of a header.
_FIELD_PATTERNS = {field: any_word(words) for field, words in _FIELD_WORDS}


def map_columns(labels: list[str]) -> dict[str, int]:
    """Field → column index; each field once, each column once."""
    mapping: dict[str, int] = {}
    taken = count_columns(labels)  # "Số lượng sản phẩm": a count, no field
    keys = [_header_key(label) for label in labels]
    for field, words in _FIELD_WORDS:
        for c, key in enumerate(keys):
            if c in taken or not key:
                continue
            if field in _EXACT_ONLY:  # spaces set aside: a narrow column wraps its label ("ST" / "T")
                hit = key.replace(" ", "").strip(".") in {w.replace(" ", "") for w in words}
            else:
                hit = _FIELD_PATTERNS[field].search(key) is not None
            if hit:
                mapping[field] = c
                taken.add(c)
                break
    return deadline_at_end(labels, mapping)  # a start and an end date: the deadline is the end


# What a column holds, for columns their header words do not settle: criterion codes only ("1.2",
# "3.1.2"), deadlines (dates, months, quarters, "thường xuyên"), or unit names (lead, then coordinator).
_CODE_CELL = lazy_compile(r"^\d{1,2}(?:\.\d{1,2}){1,3}\.?$")
_DEADLINE_CELL = lazy_compile(
    r"(?:\b\d{1,2}/\d{4}\b|\b\d{1,2}/\d{1,2}/\d{4}\b|^(?:thang|quy|truoc|ca nam|thuong xuyen|hang (?:nam|thang|quy)|"
    r"trong (?:nam|thang|quy)|nam 20\d\d|dinh ky))"
)
_UNIT_CELL = lazy_compile(
    r"^(?:van phong|cong chuc|bo phan|phong|cong an|ban |ubnd|ubmttq|uy ban|cac |chu tich|pho chu tich|"
    r"doan |hoi |truong |tram |ban chi|dang uy|mat tran|quan su|ban chi huy)"
)


def _content_kind(cells: list[str], settings: TaskTableSettings) -> str | None:
    texts = [fold(c).strip() for c in cells if c.strip()]
    if len(texts) < 2:
        return None
    share = settings.content_share
    if sum(bool(_CODE_CELL.match(ocr_code(t.replace(" ", ""), comma_dot=False))) for t in texts) >= share * len(texts):
        return "criterion_code"
    if sum(bool(_DEADLINE_CELL.search(t)) for t in texts) >= share * len(texts):
        return "deadline"
    if sum(bool(_UNIT_CELL.match(t)) for t in texts) >= share * len(texts):
        return "unit"
    return None


# A report's outcome of a task (accent-free): done, under way, not done, or a mark under the
# outcome's column ("x", "X", a tick).
_OUTCOME_CELL = lazy_compile(
    r"^(?:x|v|✓|✔|(?:da\s+)?hoan thanh(?:\s+(?:tot|xong))?"
    r"|(?:dang|chua)\s+(?:trien khai|thuc hien|hoan thanh)(?:\s+thuc hien)?)\.?$"
)


# A mark as a scan may misread it: a character or two ("b", "x.").
_MARK_CHARS = 2


def outcome_column(cells: list[str], share: float = TaskTableSettings.content_share) -> bool:
    """Whether a column's body cells are a task's outcome or a mark: a report's column of what became
    of each task, never a plan's product (which names a document or a result). A scan may misread a
    mark ("b" for "x"): ``share`` of the cells outcomes, the others no longer than a mark."""
    texts = [fold(c).strip() for c in cells if c.strip()]
    outcomes = sum(bool(_OUTCOME_CELL.match(t)) for t in texts)
    specks = sum(len(t) <= _MARK_CHARS and not _OUTCOME_CELL.match(t) for t in texts)
    return bool(texts) and outcomes >= share * len(texts) and outcomes + specks == len(texts)


# A field's label as ``map_columns`` reads it: what a header whose cells OCR merged is split into.
_LABEL_OF = {
    "code": "STT",
    "criterion_code": "TC",
    "task": "Nhiệm vụ",
    "product": "Sản phẩm",
    "deadline": "Thời hạn",
    "lead": "Chủ trì",
    "coordinator": "Phối hợp",
}


def header_labels(table: JoinedTable, settings: TaskTableSettings = TaskTableSettings()) -> list[str]:
    """The header's labels, one per column. A scan's grid may come back with the header's words
    in fewer cells than columns ("ST" | "TC Nhiệm vụ Chủ trì Phối hợp Thời hạn Sản phẩm" | "" …):
    when the words name as many columns as the table has, in order, they are the labels. A header
    whose cells each print one label is read cell by cell (``cell_columns``: "Chủ tr" a lead's),
    never across its cells nor by its body (an annex's "Chỉ tiêu | Kết quả | Ghi chú" is no
    criterion, product and lead: "chú" of a note is no "chủ" of a lead, its figures no row numbers)."""
    labels = list(table.header_text)
    if len(map_columns(labels)) >= settings.min_mapped_columns:
        return labels
    own = cell_columns(labels)
    if own is not None:  # no cell merged: neither the words across cells nor the body relabel them
        return [_LABEL_OF[c] if c else label for c, label in zip(own, labels, strict=True)]
    columns = header_columns(" ".join(labels))
    if columns and len(columns) == table.n_cols:
        return [_LABEL_OF[c] for c in columns]
    return _labels_by_content(table, " ".join(labels), settings) or labels


_TEXT_FIELDS = ("task", "product")
_ROW_NUMBER = lazy_compile(r"^\d{1,3}\.?$")


# Letters OCR reads for digits in a cell of codes ("Z1" for "7.1").
_DIGIT_LOOKALIKES = str.maketrans("ZzSsOolIB", "775500118")


def ocr_code(text: str, comma_dot: bool = True) -> str:
    """An OCR'd criterion code put right when its letters are digits' look-alikes and its dot was
    lost ("Z1" → "7.1"), or its dot read as a comma ("4,1" → "4.1": a speck under the dot; no
    criterion code prints a comma, and the column holds codes, no figures: ``comma_dot``, off where
    what a column holds is still being told, a budget's "12,5" being no code); as read otherwise."""
    code = text.strip().rstrip(".").replace(" ", "")
    if not code or _CODE_CELL.match(code):
        return text
    fixed = code.translate(_DIGIT_LOOKALIKES)
    if comma_dot:
        fixed = fixed.replace(",", ".")
    if re.fullmatch(r"\d\d", fixed):
        fixed = f"{fixed[0]}.{fixed[1]}"
    return fixed if _CODE_CELL.match(fixed) else text


def _labels_by_content(table: JoinedTable, header: str, settings: TaskTableSettings) -> list[str] | None:
    """Labels of a grid whose header OCR merged into a cell and garbled (its two lines' words
    interleaved: "Số TC Nội dung … Bộ phận phối TT hợp"), when its body says what each column
    holds: row numbers, criterion codes, deadlines, unit names (lead first); the columns left are
    the header's text columns (task, product) in the order its words name them. None unless every
    column gets a field."""
    body = [r for r in table.rows if sum(bool(c.strip()) for c in r.cells) > 2 and not _header_row(r, settings)]
    order = [w for w in (_HEADER_WORDS.get(x) for x in _ASCII_WORD.findall(fold(header))) if w in _TEXT_FIELDS]
    text_fields = list(dict.fromkeys(order + list(_TEXT_FIELDS)))
    units = ["lead", "coordinator"]
    out: list[str] = []
    for c in range(table.n_cols):
        cells = [task_code(r, c) for r in body if task_code(r, c)]
        kind = _content_kind(cells, settings)
        numbers = sum(bool(_ROW_NUMBER.match(x)) for x in cells)
        if "code" not in out and cells and numbers >= settings.content_share * len(cells):
            field = "code"
        elif kind == "unit":
            field = units.pop(0) if units else ""
        elif kind in ("criterion_code", "deadline") and kind not in out:
            field = kind
        else:
            field = text_fields.pop(0) if text_fields else ""
        if not field:
            return None
        out.append(field)
    if len(out) < settings.min_mapped_columns:
        return None
    return [_LABEL_OF[f] for f in out]


def map_table(table: JoinedTable, settings: TaskTableSettings = TaskTableSettings()) -> dict[str, int]:
    """Field → column by header words, then by content: a column of criterion codes is the codes
    column whatever its header says ("Tiêu chí" over "1.2", "3.1"); columns no header word claims
    are deadlines or units (lead first, coordinator next) when their cells say so."""
    labels = header_labels(table, settings)
    mapping = map_columns(labels)
    body = [r for r in table.rows if sum(bool(c.strip()) for c in r.cells) > 2 and not _header_row(r, settings)]
    counted = count_columns(labels)  # ("04", "112": counts, no codes whose dot OCR lost)
    kinds = {
        c: None if c in counted else _content_kind([task_code(r, c) for r in body], settings)
        for c in range(table.n_cols)
    }
    field_of = {c: f for f, c in mapping.items()}
    for c, kind in kinds.items():
        if kind == "criterion_code" and field_of.get(c) in (None, "criterion") and "criterion_code" not in mapping:
            if field_of.get(c):
                del mapping[field_of[c]]
            mapping["criterion_code"] = c
            field_of[c] = "criterion_code"
    if "code" not in mapping:  # the tasks' numbers under a label OCR lost ("5" for "STT"): by their cells
        numbered = numbering_column([[task_code(r, c) for r in body] for c in range(table.n_cols)], field_of)
        if numbered is not None:
            mapping["code"], field_of[numbered] = numbered, "code"
    product = mapping.get("product")
    if product is not None and outcome_column([task_code(r, product) for r in body], settings.content_share):
        # "Kết quả thực hiện" over "Đã hoàn thành" / "Đang thực hiện" or an "x" under one of its
        # columns: what became of the task in a report, no product of a plan (kept as the row's extra)
        del mapping["product"], field_of[product]
    for c, kind in sorted(kinds.items()):
        if c in field_of or not kind:
            continue
        for field in ("deadline",) if kind == "deadline" else ("lead", "coordinator") if kind == "unit" else ():
            if field not in mapping:
                mapping[field] = c
                field_of[c] = field
                break
    return mapping


def _header_row(row: JoinedRow, settings: TaskTableSettings) -> bool:
    """A body row that is the header's labels: a scan's grid whose header row was not told apart
    from its body, or the header repeated on a new page ("S T T | TC | Nội dung nhiệm vụ | …")."""
    filled = [c for c in row.cells if c.strip()]
    return (
        len(filled) >= settings.min_mapped_columns
        and header_share(" ".join(filled)) >= settings.header_row_share
        and len(map_columns(row.cells)) >= settings.min_mapped_columns
    )
