"""Task frameworks written as paragraphs: each task a numbered item of running text with labelled
fields in any order ("1.1. Xây dựng Kế hoạch …; sản phẩm: Kế hoạch; thời gian: Tháng 01/2025; chủ
trì: Văn phòng …", "- <task> (chủ trì: …; phối hợp: …)", "a) <task>. Chủ trì: …. Thời gian: …").

A paragraph is a task when it carries at least ``min_labels`` field labels, one of them a lead or a
deadline (a sentence that happens to say "thời gian:" once is not a task). The task is the text
before the first label; each field runs to the next label. The section is the numbered heading the
paragraph sits under ("1. Cải cách thể chế" → "1"), as a grid's roman rows are for table rows.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import regex as re

from extract.metadata import DEFAULT_SETTINGS, as_printed, typed_document
from extract.model import IngestedDocument, Line, Word
from extract.segment.merged_down import doubt_blank_cells
from extract.segment.narrative import heading_level, shadow, speckless
from extract.segment.paragraphs import COMMA_NUMBERED, open_bracket, reading_lines
from extract.segment.task_columns import ocr_code
from extract.segment.task_deadline_doubts import stroke_doubts, strokes_read_sure
from extract.segment.task_doubt_settings import DEADLINE_WORD_CONF, DOUBT, STROKES_COUNTED
from extract.segment.task_evidence import cell_conf_flags
from normalize.lazy_regex import lazy_compile
from normalize.units import deadline_status, product_status, spell_deadline, spell_units, unit_status
from schemas.records import SourceRef, TaskRow, TaskTable


@dataclass(frozen=True)
class TaskParagraphSettings:
    # Labels a paragraph needs to be a task (task text + e.g. lead and deadline).
    min_labels: int = 2
    # Confidence of a task read from running text: the fields are cut at their labels.
    confidence: float = 0.95
    # A task paragraph joined from wrapped lines stops growing past this length (a runaway join).
    max_joined_chars: int = 800
    # Formats whose lines may be printed lines (a text dump of a scan); DOCX gives whole paragraphs
    # and layout pages are joined into paragraphs by their geometry (extract.segment.paragraphs).
    wrapped_formats: tuple[str, ...] = ("txt", "text", "md")


# Field → label words (accent-free, longest first so "đơn vị chủ trì" wins over "chủ trì").
_LABELS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("lead", ("don vi chu tri", "bo phan chu tri", "co quan chu tri", "chu tri thuc hien", "chu tri")),
    ("coordinator", ("don vi phoi hop", "bo phan phoi hop", "co quan phoi hop", "phoi hop thuc hien", "phoi hop")),
    (
        "deadline",
        ("thoi gian hoan thanh", "thoi gian thuc hien", "thoi han hoan thanh", "thoi gian", "thoi han", "tien do"),
    ),
    ("product", ("ket qua, san pham", "san pham dau ra", "san pham", "ket qua")),
    ("budget", ("kinh phi", "nguon kinh phi")),
)
_FIELD_OF = {w: f for f, words in _LABELS for w in words}
# A label is a phrase followed by a colon, at the start of the text or after a separator. A scan
# prints specks between its words and before its colon ("Thời . gian", "chủ. trì", "Chủ trì Ì:"):
# ``_label_text`` turns them into spaces, so the label's words may stand apart.
# A label that names its field with a noun ("đơn vị phối hợp", "thời gian thực hiện") is one
# after a separator even where OCR read its colon as a semicolon ("…; đơn vị phối hợp; Các
# ngành"); a bare verb ("chủ trì; …", "phối hợp; …") may be the sentence's own words.
_NOUN_LABELS = tuple(w for w in _FIELD_OF if re.match(r"(?:don vi|bo phan|co quan|thoi gian|thoi han) ", w))


# What a colonless label's value must be, whole, for its words to be a label (``_colonless_labels``).
_WHOLE_VALUE = {"lead": unit_status, "coordinator": unit_status, "deadline": deadline_status, "product": product_status}


def _label_words(words) -> str:
    """The labels as a pattern, longest first; between two of a label's words a scan may print a
    speck OCR read as a mark ("Thời, hạn:", "Bộ phận chủ: trì:") or as two letters ("Phối hợp thực
    th hiện:"; one letter is ``_SPECK``'s)."""
    between = r"(?:[.,:]?\s+|\s+[a-z]{2}\s+)"
    return "|".join(between.join(map(re.escape, w.split())) for w in sorted(words, key=len, reverse=True))


# A label opens the text, follows a separator, or a space and a speck OCR read as a quote or a
# bar ("… Quý I/2025. 'Chủ trì thực hiện: …").
_LABEL = lazy_compile(
    r"(?:^|(?<=[;.(,]\s{0,3})|(?<=\s[_'‘’`|]{0,2}))(?P<label>"
    + _label_words(_FIELD_OF)
    + r")\s*(?:[.,'`_|i]\s*)?:\s*"
    + r"|(?<=[;(]\s{0,3})(?P<label>"
    + _label_words(_NOUN_LABELS)
    + r")\s*;\s*"
)
# A label whose colon OCR lost ("…; sản phẩm: Báo cáo; chủ trì Văn phòng HĐND và UBND.", "… Thời
# hạn: 10/12/2023. Sản phẩm Báo cáo. Chủ trì: …", "… Phối hợp: Các thôn. Thời hạn Quý II/2023"):
# after a semicolon or a full stop, taken as a label only when the words up to the next label are
# a whole value of its field, a unit, a deadline or a product as the grammars read them (a
# sentence's own "…; phối hợp với các ngành" or ". Thời gian qua, …" is none).
_COLONLESS_LABEL = lazy_compile(
    r"(?P<label>" + _label_words(w for w, f in _FIELD_OF.items() if f in _WHOLE_VALUE) + r")\s+(?=\p{L})"
)
_AFTER_SEPARATOR = lazy_compile(r"[;.]\s{0,3}$")
# A speck beside a space inside a label ("thoi . gian", "chu. tri"): read as the space it stands in.
# A stroke or speck read as a lone letter between two words ("Thời gian thực I hiện:", "chủ c trì:")
# is one too (the shadow has no marks, so a word of one marked letter, "ở", stands as one: no label
# holds one).
_SPECK = lazy_compile(r"(?<=[a-z])\.(?=\s+[a-z])|(?<=\s)[.,'`_|](?=\s)|(?<=[a-z]\s)[a-z](?=\s[a-z])")
# An item's number, letter or bullet; OCR may print specks before it ("_b) …", "__ 1.2. …"). A
# number closed by a bracket ("1)", or OCR's "8)" for an "a)") marks the item, no code of it: the
# task's words start after it.
# A code whose first digit OCR read as a letter of its shape ("S.4." for "5.4.") is the code. A
# scan's dash OCR may read as "=" (a speck under its stroke: "= Rà soát, đề xuất …"); no task
# opens with an equals sign.
_ITEM = lazy_compile(
    r"^\s*(?:[_'‘`|.,]{1,3}\s*){0,2}(?:(?P<code>\d{1,2}(?:\.\d{1,2}){0,3})\.?|(?P<lookalike>[SOlI](?:\.\d{1,2}){1,3})\.?"
    r"|(?P<letter>[a-zđ])\)|\d{1,2}\)|[-+•*–=])\s+"
)
_HEADING_CODE = lazy_compile(
    r"^\s*(?P<code>[IVXLC]{1,5}|\d{1,2}(?:\.\d{1,2}){0,2}|[a-zđ])\s*[.)]|^\s*(?P<code>\d{1,2}),(?=\s)"
)


# Marks around a value: separators, brackets, and specks OCR read (a bar, a quote, a second colon).
_AROUND = " ;:.,()|`'"
_SPECKS_AFTER_BRACKET = lazy_compile(r"\)[\s.;,:—–\-\"“”‘’'`|~_]*$")
_CLAUSE_SEMICOLON = lazy_compile(r"(?<=\p{L});(?=\s+\p{Ll})")
# A lone letter after a value's last separator, the next label after it ("Sản phẩm: Thông báo; b
# Thời gian …"): a speck OCR read as a letter between the separator and the label; no value ends
# on a lone letter after its separator (a list's "b)" keeps its bracket and opens a line).
_LETTER_AFTER_SEPARATOR = lazy_compile(r"\s*[;,]\s+\p{L}[\s.;,:]*$")


def _cut(text: str) -> str:
    # "|": a speck or a margin rule OCR read at the end of a scanned paragraph ("… giải quyết). |")
    # ":" "`" "'": a colon OCR doubled ("sản phẩm:: …"), specks after the closing bracket; and
    # after the bracket closing the task's fields, a run of OCR's dashes and quotes ("… Hồ sơ lưu
    # trữ). — - . \"": the margin's specks, no word of the value)
    text = _SPECKS_AFTER_BRACKET.sub(")", text)
    return _LETTER_AFTER_SEPARATOR.sub("", re.sub(r"\s+", " ", text)).strip(_AROUND)


def _field_spans(text: str, settings: TaskParagraphSettings) -> list[tuple[str, int, int]] | None:
    """(field, start, end) of each value of a task paragraph in ``text``, the task first; None
    when it is not one."""
    low = _SPECK.sub(" ", shadow(text))  # same length: positions stay the text's
    labels = [(m.start(), m.end(), _field_of(m.group("label"))) for m in _LABEL.finditer(low) if m.start() > 0]
    labels = sorted(labels + _colonless_labels(text, low, labels))
    fields = [f for _, _, f in labels]
    if len(set(fields)) < settings.min_labels or not {"lead", "deadline"} & set(fields):
        return None
    item = _ITEM.match(text)
    spans = [("task", item.end() if item else 0, labels[0][0])]
    for k, (_, end, field) in enumerate(labels):
        spans.append((field, end, labels[k + 1][0] if k + 1 < len(labels) else len(text)))
    return spans


# The labels by their words alone: a label's comma is punctuation OCR may lose, move or read as a
# speck (``_SPECK`` turns "kết quả , sản phẩm" into spaces), and "ket qua san pham" is that label.
_FIELD_OF_WORDS = {" ".join(w.replace(",", " ").split()): f for w, f in _FIELD_OF.items()}


def _field_of(label: str) -> str:
    words = re.sub(r"[.:,]", " ", label).split()
    if " ".join(words) in _FIELD_OF_WORDS:
        return _FIELD_OF_WORDS[" ".join(words)]
    # a speck read as two letters between the label's words ("phoi hop thuc th hien")
    for k in range(1, len(words) - 1):
        without = " ".join(words[:k] + words[k + 1 :])
        if len(words[k]) == 2 and without in _FIELD_OF_WORDS:
            return _FIELD_OF_WORDS[without]
    raise KeyError(label)


def _colonless_labels(text: str, low: str, labels: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """(start, end, field) of each label OCR printed without its colon after a separator
    (``_COLONLESS_LABEL``) whose field no label of the paragraph names and whose value is whole."""
    out: list[tuple[int, int, str]] = []
    for m in _COLONLESS_LABEL.finditer(low):
        field = _field_of(m.group("label"))
        if not _AFTER_SEPARATOR.search(text, 0, m.start()):
            continue
        if field in {f for _, _, f in labels + out} or any(a <= m.start() < b for a, b, _ in labels):
            continue
        end = min((a for a, _, _ in labels if a > m.start()), default=len(text))
        if _WHOLE_VALUE[field](_cut(text[m.end() : end])) == "complete":
            out.append((m.start(), m.end(), field))
    return out


def parse_task(text: str, settings: TaskParagraphSettings = TaskParagraphSettings()) -> dict[str, str] | None:
    """{code, task, lead, deadline, ...} of a task paragraph; None when it is not one."""
    spans = _field_spans(text, settings)
    if spans is None:
        return None
    item = _ITEM.match(text)
    code = (item.group("code") or ocr_code(item.group("lookalike") or "")) if item else ""
    out = {"code": code}
    for field, start, end in spans:
        value = _cut(text[start:end])
        if field == "task" and not value:
            return None
        out[field] = f"{out[field]}; {value}" if out.get(field) else value
    return out


def fields_confidence(text: str, words: list[Word], settings: TaskParagraphSettings) -> float | None:
    """The OCR confidence of a task paragraph read from a scan, as a grid row's: each field's value
    is a cell, sure as the mean of its words' confidences, and the row as its least sure field (a
    deadline "Quý II/2025;" whose "II/2025;" Tesseract read at 0.34 may have lost an "I"). The
    labels' words are the paragraph's layout, not a value. None when no word of a value is found."""
    confs = [sum(inside) / len(inside) for _, inside in field_word_confs(text, words, settings) if inside]
    return round(min(confs), 3) if confs else None


def field_conf_notes(text: str, words: list[Word], settings: TaskParagraphSettings) -> list[str]:
    """Each field's OCR confidence (the mean of its words', as ``fields_confidence``) noted as a
    grid row's cells are (``task_evidence.cell_conf_flags``): the document may confirm the field
    that holds the row's confidence down (a whole unit, a quarter III of the plan's period)."""
    means: dict[str, float] = {}
    for field, inside in field_word_confs(text, words, settings):
        if inside:
            means[field] = min(means.get(field, 1.0), sum(inside) / len(inside))
    return cell_conf_flags(means)


def field_word_confs(text: str, words: list[Word], settings: TaskParagraphSettings) -> list[tuple[str, list[float]]]:
    """Each value of a task paragraph (field, its words' OCR confidences), in the text's order;
    [] when the text is no task paragraph."""
    return [(field, [w.conf or 0.0 for w in inside]) for field, inside in field_words(text, words, settings)]


def field_words(text: str, words: list[Word], settings: TaskParagraphSettings) -> list[tuple[str, list[Word]]]:
    """Each value of a task paragraph (field, its words OCR gave a confidence), in the text's
    order; [] when the text is no task paragraph."""
    spans = _field_spans(text, settings)
    if spans is None:
        return []
    placed: list[tuple[int, int, Word]] = []
    cursor = 0
    for w in words:
        at = text.find(w.text, cursor) if w.text and w.conf is not None else -1
        if at >= 0:
            placed.append((at, at + len(w.text), w))
            cursor = at + len(w.text)
    return [
        (
            field,
            [w for a, b, w in placed if a < end and b > start and text[max(a, start) : min(b, end)].strip(_AROUND)],
        )
        for field, start, end in spans
    ]


def _deadline_flags(text: str, words: list[Word], settings: TaskParagraphSettings) -> list[str]:
    """The least OCR confidence of the deadline's words, as a flag (``task_doubts`` weighs a
    quarter's numeral by it); none when the deadline has no word with a confidence. A quarter's
    numeral whose strokes the page's ink counted as Tesseract read them is noted too
    (``STROKES_COUNTED``: the count read twice)."""
    inside = [w for field, ws in field_words(text, words, settings) if field == "deadline" for w in ws]
    if not inside:
        return []
    counted = [STROKES_COUNTED] if any(w.strokes_agree for w in inside) else []
    return [f"{DEADLINE_WORD_CONF}:{min(w.conf or 0.0 for w in inside):.2f}", *counted]


def find_task_paragraphs(
    doc: IngestedDocument, settings: TaskParagraphSettings = TaskParagraphSettings()
) -> list[TaskTable]:
    """One TaskTable (``form`` "paragraphs") per run of task paragraphs under one top heading."""
    tables: list[TaskTable] = []
    current: TaskTable | None = None
    headings: list[tuple[int, str]] = []  # (level, text) of the headings above
    pending = None  # a line holding a label but not a task: a value wrapped onto a line that
    #                 starts like an item ("Công chức Địa chính" / "- Xây dựng. Thời hạn: …")
    lines = _as_printed(doc, reading_lines(doc))
    # Text that may be OCR'd (scanned pages, a text dump): units spelt as the gazetteer writes
    # them ("Bộ phận Một của" → "Bộ phận Một cửa", "tổ dần phố" → "tổ dân phố").
    ocr_pages = {p.number for p in doc.pages if p.method == "ocr"}
    dump = doc.format in settings.wrapped_formats or not typed_document(lines, DEFAULT_SETTINGS)
    if doc.format in settings.wrapped_formats:
        lines = _wrapped_lines_joined(lines, settings)
    if ocr_pages or dump:
        lines = _broken_items_joined(lines, settings)
    lines = _unit_tails_joined(lines)
    numbering: tuple[str, str, int] | None = None  # (heading, kind, ordinal) of the last item read
    renumbered = False  # the items under the current heading started again: a heading was lost
    for line in lines:
        text = line.text.strip()
        fields = parse_task(text, settings)
        read, words = text, line.words  # the text the fields were read from, and its words
        if pending is not None:
            joined = parse_task(f"{pending.text.strip()} {text}", settings)
            if joined is not None and (fields is None or len(joined) > len(fields)):
                read, words = f"{pending.text.strip()} {text}", pending.words + line.words
                fields, line = joined, pending
            pending = None
        if fields is None and any(m.start() > 0 for m in _LABEL.finditer(shadow(text))):
            pending = line
            continue
        if fields is None:
            level = heading_level(line) or _comma_heading(line)
            if level:
                # (a bar closing it: a margin rule or a speck OCR read, "2, Cải cách … |")
                title = speckless(text) if heading_level(line) else _comma_heading_text(line)
                headings = [h for h in headings if h[0] < level] + [(level, title.rstrip(" |"))]
                if level == 1:  # a roman part after the tasks ends their run
                    current = None
            continue
        section_line = headings[-1][1] if headings else ""
        m = _HEADING_CODE.match(section_line)
        if current is None:
            current = TaskTable(title=headings[0][1] if headings else "", pages=[], columns=[], form="paragraphs")
            tables.append(current)
        if line.page is not None and line.page not in current.pages:
            current.pages.append(line.page)
        if line.page in ocr_pages or dump:
            fields.update({f: spell_units(fields[f]) for f in ("lead", "coordinator") if fields.get(f)})
            # A semicolon inside a task's name before a word going on ("kỷ luật; kỷ cương"): the
            # name's comma OCR read with a speck; the fields' separators come after the name.
            fields["task"] = _CLAUSE_SEMICOLON.sub(",", fields.get("task", ""))
        read_conf = fields_confidence(read, words, settings) if line.page in ocr_pages else None
        flags = (
            [*_deadline_flags(read, words, settings), *field_conf_notes(read, words, settings)]
            if line.page in ocr_pages
            else []
        )
        mark = item_mark(read)
        if numbering is None or numbering[0] != section_line:
            renumbered = False
        elif mark is not None and (line.page in ocr_pages or dump):
            renumbered = renumbered or (mark[0] == numbering[1] and mark[1] <= numbering[2])
        numbering = (section_line, *mark) if mark is not None else numbering
        flags += [f"{DOUBT}{_RENUMBERED}'{section_line[:60]}'"] if renumbered else []
        current.rows.append(
            TaskRow(
                code=fields.get("code") or None,
                section=m.group("code") if m else None,
                section_title=re.sub(r"^\s*\S+\s*", "", section_line, count=1).strip() if m else section_line,
                confidence=settings.confidence if read_conf is None else min(settings.confidence, read_conf),
                flags=["from_paragraph", *flags],
                source=SourceRef(page=line.page, line_start=line.number, line_end=line.number),
                task=fields.get("task", ""),
                product=fields.get("product", ""),
                deadline=fields.get("deadline", ""),
                lead=fields.get("lead", ""),
                coordinator=fields.get("coordinator", ""),
                budget=fields.get("budget", ""),
            )
        )
    if ocr_pages or dump:
        for table in tables:
            _spell_deadlines(table)
            # An OCR'd item whose field is blank where the run's other items print it: its line
            # broke and the rest was read as an item of its own ("Xây dựng Quy chế chi tiêu nội
            # bộ năm 2025 …" then "22/08/2025 … Công chức Tài chính - Kế toán …": seed 19001's
            # S09 report scan, the first item's deadline, lead and coordinator blank, silent).
            # Doubted as a grid's blank cell is (``doubt_blank_cells``); a typed item's blank
            # is the writer's.
            table.rows = doubt_blank_cells(table.rows)
    return tables


# Letters of a lettered list ("a)", "b)", …, "đ)" after "d)"), in order.
_LETTER_ORDER = "abcdđefghijklmnopqrstuvwxyz"
_RENUMBERED = "section: items numbered from the start again under one heading (a heading between not read?): "


def item_mark(text: str) -> tuple[str, int] | None:
    """("letter", its place) of an item lettered "a)", ("number", its last number) of one
    numbered "2." or "1.3.", None for a bullet or no item mark."""
    item = _ITEM.match(text)
    if item is None:
        return None
    if item.group("letter"):
        return "letter", _LETTER_ORDER.index(item.group("letter"))
    if item.group("code"):
        return "number", int(item.group("code").split(".")[-1])
    return None


# A speck OCR read as a dash before a comma-numbered heading ("- 1, Công tác chỉ đạo …"): a bullet
# opens no numbered title.
_DASH_BEFORE_NUMBER = lazy_compile(r"^[-–]\s+(?=\d{1,2},\s)")


def _comma_heading_text(line: Line) -> str:
    """The line's text as a comma-numbered heading reads, its specks before the number taken off."""
    return _DASH_BEFORE_NUMBER.sub("", speckless(line.text.strip(" |")))


def _comma_heading(line: Line) -> int:
    """2 for a numbered section heading OCR printed with a comma for its full stop ("2, Cải cách
    thủ tục hành chính"), as ``heading_level`` gives "2. Cải cách …"; 0 otherwise: a number, a
    comma and a capitalised title, no sentence (``heading_level``'s length and ending), behind
    the specks a scan prints before any heading's number ("_ 2, Cải cách …", "- 1, Công tác …")."""
    text = _comma_heading_text(line)
    return 2 if COMMA_NUMBERED.match(text) and heading_level(replace(line, text=text.replace(",", ".", 1))) else 0


def _spell_deadlines(table: TaskTable) -> None:
    """Deadlines spelt as usual ("Thường Xuyên", "Quý TV/2025"); a quarter printed "1" is OCR's
    "I" when the table writes a quarter in roman numerals (the first one too: "Quý I/2025" beside
    "Quý 1/2025") and none in digits. A quarter whose strokes were counted from look-alikes ("Quý
    I1I/2026") is doubted as a grid's is (``task_doubts.stroke_doubts``)."""
    found = (re.search(r"(?i)\bqu[^\s/⁄]*\s*([^\s/⁄]+)\s*[/⁄]", r.deadline) for r in table.rows)
    quarters = [m.group(1) for m in found if m]
    # (a numeral of letters OCR read for I's, "Quý J/2025", is roman too)
    roman = any(re.fullmatch(r"I{1,3}|IV|[IVTLHJl|]*[IVJ][IVTLHJl|]*", q) for q in quarters) and not any(
        q in ("2", "3", "4") for q in quarters
    )
    for row in table.rows:
        if row.deadline:
            read = row.deadline
            row.deadline = spell_deadline(read, roman=roman)
            doubts = stroke_doubts(read, row.deadline, words_sure=strokes_read_sure(row))
            row.flags.extend(d for d in doubts if d not in row.flags)


def _as_printed(doc: IngestedDocument, lines: list[Line]) -> list[Line]:
    """Lines of a typed document as typed where the repair changed valid words ("Bộ phận Một
    cửa" is no "Một của"): the metadata stage's rule (``extract.metadata.as_printed``), OCR'd
    pages keeping their repair."""
    ocr_pages = {p.number for p in doc.pages if p.method == "ocr"}
    if not any(line.raw and line.page not in ocr_pages for line in lines):
        return lines
    typed = typed_document(lines, DEFAULT_SETTINGS)
    return [line if line.page in ocr_pages else as_printed(line, typed) for line in lines]


def _wrapped_lines_joined(lines: list[Line], settings: TaskParagraphSettings) -> list[Line]:
    """A text dump of a scan (OCR) keeps the printed lines: a task's fields run on over the next
    lines. A line with a field label, or opening an item, takes the lines right after it (no blank line between, none
    starting an item or a heading) while they carry its text on."""
    out: list[Line] = []
    k = 0
    while k < len(lines):
        line = lines[k]
        k += 1
        # An item's first line may hold no whole label yet ("… (kết quả," / "sản phẩm: …").
        if not _LABEL.search(shadow(line.text)) and not _ITEM.match(line.text):
            out.append(line)
            continue
        while (
            k < len(lines)
            and k - 1 < len(lines)
            and lines[k].page == line.page
            and lines[k].number == lines[k - 1].number + 1
            and (not _ITEM.match(lines[k].text) or open_bracket(line.text))
            and not heading_level(lines[k])
            and len(line.text) < settings.max_joined_chars
        ):
            line = replace(line, text=f"{line.text.rstrip()} {lines[k].text.strip()}")
            k += 1
        out.append(line)
    return out


# A line that carries on the text above it: a lower-case word first, behind a speck OCR read as
# a bullet ("- phận chủ trì: …" under "…; thời hạn: Quý II/2023; bộ").
_CARRIED_ON = lazy_compile(r"^\s*(?:[-–.,'‘’]\s*)?(?=\p{Ll})")
# ... or any value after a line that ended on a field's label and its colon: the value wrapped
# onto the next printed line, behind a speck OCR read as a bullet ("…; Thời gian thực hiện:" /
# "- 22/08/2025; Phối hợp …"). A label's colon is never a paragraph's last mark.
_VALUE_AFTER_LABEL = lazy_compile(r"^\s*(?:[-–.,'‘’=_]\s*)?(?=\S)")


def _broken_items_joined(lines: list[Line], settings: TaskParagraphSettings) -> list[Line]:
    """OCR'd text whose reader broke a paragraph (a blank it saw between two printed lines, a
    speck read as a bullet): a line left unfinished (no closing mark) takes the next line of its
    page when that one starts with a lower-case word; no item or heading does."""
    out: list[Line] = []
    for line in lines:
        prev = out[-1] if out else None
        awaited = prev is not None and _ends_on_label(prev.text)
        carried = _VALUE_AFTER_LABEL.match(line.text) if awaited else _CARRIED_ON.match(line.text)
        if (
            prev is not None
            and carried is not None
            and not _ITEM.match(line.text[carried.end() :])
            and not heading_level(line)
            and line.page == prev.page
            and (awaited or not prev.text.rstrip().endswith((".", "!", "?", ":", ")")))
            and len(prev.text) < settings.max_joined_chars
        ):
            out[-1] = replace(prev, text=f"{prev.text.rstrip()} {line.text[carried.end() :].strip()}")
        else:
            out.append(line)
    return out


def _ends_on_label(text: str) -> bool:
    """The text's last words are a field's label and its colon ("…; Thời gian thực hiện:")."""
    low = _SPECK.sub(" ", shadow(text.rstrip()))
    return any(m.end() == len(low) and m.start() > 0 for m in _LABEL.finditer(low))


# A line that is a dash and a few words only ("- Xây dựng."): an item, or a unit's name wrapped
# after its hyphen.
_DASHED_TAIL = lazy_compile(r"^\s*[-–]\s*(?P<rest>[^;:.]{1,40}?)\s*\.?\s*$")
_DASH_OPEN = lazy_compile(r"^\s*[-–]\s*")


def _unit_tails_joined(lines: list[Line]) -> list[Line]:
    """A unit's name the page wrapped at its hyphen ("… chủ trì: Công chức Địa chính" / "- Xây
    dựng."): the dashed line looks like an item, but the paragraph above ends in a unit left
    unfinished that the dashed words complete (``unit_status``); it is that paragraph's end."""
    out: list[Line] = []
    for line in lines:
        tail = _DASHED_TAIL.match(line.text)
        label = _LABEL.search(shadow(line.text))
        if out and tail and not label:
            prev = out[-1].text.rstrip()
            value = re.split(r"[:;,]", prev)[-1].strip()
            joined = f"{value} - {tail.group('rest').strip()}"
            if value and unit_status(value) == "prefix" and unit_status(joined) == "complete":
                out[-1] = replace(out[-1], text=f"{prev} - {tail.group('rest').strip()}.")
                continue
        elif out and label and (dash := _DASH_OPEN.match(line.text)):
            # The wrapped unit's end followed by the paragraph's next field ("- Hộ tịch. Thời
            # gian: 22/09/2023."): the same join, the line's text kept whole.
            prev = out[-1].text.rstrip()
            value = re.split(r"[:;,]", prev)[-1].strip()
            rest = line.text[dash.end() : label.start()].strip(" ;.,")
            if value and rest and unit_status(value) == "prefix" and unit_status(f"{value} - {rest}") == "complete":
                out[-1] = replace(out[-1], text=f"{prev} - {line.text[dash.end() :].strip()}")
                continue
        out.append(line)
    return out
