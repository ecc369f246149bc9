"""A scanned task grid's row confidence weighed against what its cells say (issues 14 and 16).

A grid row OCR read takes the least OCR confidence of its cells (``task_tables``), and a row under
the review threshold goes to review. Tesseract is least sure of its shortest words, the row's
number ("12") and its criterion code ("4.1"), read right mostly; so rows whose every word is right
were queued for a number it half read. A cell's reading the document itself confirms needs no look:

* the row's number, when it follows the row above's (or the first row's "1"): the numbering runs
  1, 2, 3 down a grid;
* the criterion code, when the document states points for that criterion or the recognised criteria
  set has it (``task_codes.stated_codes``), and the other rows of its section name the same field
  (a code misread into another known code of another field stays doubtful);
* a lead or coordinator cell that the grammar of the commune's bodies (``normalize.units``, a closed
  vocabulary) reads whole;
* a product cell that prints, letter for letter and mark for mark, one of the products a plan names
  (``normalize.units.PRODUCT_NAMES``, a closed list) that no longer product opens with: a misread
  letter or tone mark leaves no product of the list, and a product whose wrapped words OCR may have
  lost ("Văn bản" of "Văn bản chỉ đạo") is not taken;
* a deadline that is a quarter printed as three I's, or as IV, in a year of the plan's period
  (``task_doubts.quarter_as_printed``): OCR's miscounts of a quarter's strokes lose one, never
  make the longest run nor a V, and Tesseract is unsure of such a numeral word read right as
  often as not; or a quarter of one or two I's whose stems the page's ink counted as Tesseract
  read them (``task_doubts.STROKES_COUNTED``: the count read twice).

A grid's deadline cell is also noted as a paragraph's is, by the least confidence its words can
have (``deadline_words_flags``: the grid gives a cell its words' mean), which ``task_doubts``
weighs a quarter's strokes by: a "Quý I/2025" cell read at 0.9 was doubted for its strokes as if
Tesseract had said nothing of them.

Each unsure cell is noted on its row (``CELL_CONF``: field and confidence, by ``task_tables``); the
row's confidence is then the least of its unconfirmed cells', its grid's own caps (keys inherited,
a row realigned) and ``noted_below`` (its cells not noted were at least that sure). A task paragraph
read from a scan notes its fields' confidences the same way (``task_paragraphs``). Task cells, other
products and other deadlines have no such evidence (a date's digit misread is still a date) and
keep theirs.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from extract.segment.task_deadline_doubts import quarter_as_printed
from extract.segment.task_doubt_settings import DEADLINE_WORD_CONF, STROKES_COUNTED
from normalize.units import PRODUCT_NAMES, unit_status
from schemas.records import TaskRow, TaskTable

# A row's note of one cell OCR read under ``noted_below``: "cell_conf:criterion_code:0.65".
CELL_CONF = "cell_conf"
_UNIT_FIELDS = ("lead", "coordinator")
# A note keeps two decimals; the row's confidence set by that cell may keep three (a paragraph's
# mean of its words': 0.655 noted "0.65").
_NOTE_ROUNDING = 0.005


@dataclass(frozen=True)
class TaskEvidenceSettings:
    # Cells under this OCR confidence are noted on their row; the rest cannot bring a row under
    # the review threshold (0.8), so the row's confidence is at least this once its noted cells
    # are confirmed.
    noted_below: float = 0.9
    # The grid's caps of a row (``task_tables.TaskTableSettings``), kept when the cells' own
    # confidence is set aside.
    inherited_confidence: float = 0.9
    realigned_confidence: float = 0.8


def cell_conf_flags(confs: dict[str, float], s: TaskEvidenceSettings = TaskEvidenceSettings()) -> list[str]:
    """The notes of a row's cells (field → OCR confidence) under ``noted_below``."""
    return [f"{CELL_CONF}:{f}:{c:.2f}" for f, c in confs.items() if c < s.noted_below]


def deadline_words_flags(confs: dict[str, float], deadline: str) -> list[str]:
    """A grid's deadline cell noted as a paragraph's is (``DEADLINE_WORD_CONF``: its least sure
    word's confidence, which ``task_doubts.strokes_read_sure`` weighs a quarter's strokes by). The
    grid's reader gives a cell the mean of its words' confidences, not each word's: of ``n`` words
    whose mean is ``m``, none is under 1 - n(1 - m) (each is at most 1), so that bound is noted —
    never above the least word's own. A "Quý I/2025" cell read at 0.9 or more has no word under
    0.8: its numeral was read surely, as a paragraph's is when its least word is."""
    conf = confs.get("deadline")
    words = len(deadline.split())
    if conf is None or not words:
        return []
    return [f"{DEADLINE_WORD_CONF}:{max(0.0, 1.0 - words * (1.0 - conf)):.2f}"]


def _noted(row: TaskRow) -> list[tuple[str, float]]:
    out = []
    for flag in row.flags:
        if flag.startswith(f"{CELL_CONF}:"):
            _, f, conf = flag.split(":")
            out.append((f, float(conf)))
    return out


# (a product's closing mark or a speck on its edge is no letter of it)
_PRODUCT_EDGES = " .,;:-–"


def printed_product(text: str) -> bool:
    """Whether a product cell prints one of ``PRODUCT_NAMES`` exactly, marks and all, that is no
    other product's start (a cell read so needs no look, however unsure Tesseract was)."""
    name = " ".join(text.strip(_PRODUCT_EDGES).split())
    return name in PRODUCT_NAMES and not any(other.startswith(f"{name} ") for other in PRODUCT_NAMES)


def _number(code: str | None) -> int | None:
    text = (code or "").strip().rstrip(".")
    return int(text) if text.isdigit() else None


def _in_sequence(rows: list[TaskRow], k: int) -> bool:
    """Whether row ``k``'s number follows the row above's (the first row: 1)."""
    n = _number(rows[k].code)
    if n is None:
        return False
    numbers = [m for r in rows[:k] if (m := _number(r.code)) is not None]
    return n == (numbers[-1] if numbers else 0) + 1


def _code_confirmed(rows: list[TaskRow], k: int, stated: set[str]) -> bool:
    """Whether row ``k``'s criterion code is one the document states (or its set has) and the
    field the other rows of its section mostly name."""
    code = (rows[k].criterion_code or "").strip()
    if code not in stated:
        return False
    votes = Counter(
        (r.criterion_code or "").split(".")[0]
        for j, r in enumerate(rows)
        if j != k and r.section == rows[k].section and r.criterion_code
    )
    return not votes or votes.most_common(1)[0][0] == code.split(".")[0]


def _confirmed(rows: list[TaskRow], k: int, field: str, stated: set[str], period: str | None) -> bool:
    row = rows[k]
    if field == "code":
        return _in_sequence(rows, k)
    if field == "criterion_code":
        return _code_confirmed(rows, k, stated)
    if field == "deadline":
        return quarter_as_printed(row.deadline, period, counted=STROKES_COUNTED in row.flags)
    if field in _UNIT_FIELDS:
        value = getattr(row, field)
        return bool(value) and unit_status(value) == "complete"
    if field == "product":
        return printed_product(row.product)
    return False


def _caps(row: TaskRow, s: TaskEvidenceSettings) -> float:
    cap = s.noted_below
    if "inherited_keys" in row.flags:
        cap = min(cap, s.inherited_confidence)
    if "realigned" in row.flags:
        cap = min(cap, s.realigned_confidence)
    return cap


def weigh_cells(
    tables: list[TaskTable],
    stated: set[str],
    period: str | None = None,
    s: TaskEvidenceSettings = TaskEvidenceSettings(),
) -> list[TaskTable]:
    """The tables with each row whose least sure cell the document confirms given the
    confidence of its cells left unconfirmed (the grid's caps kept). ``period``: the plan's
    period ("2025", "2021-2025"), whose years a deadline's must be."""
    out = []
    for table in tables:
        rows = table.rows
        new_rows = []
        for k, row in enumerate(rows):
            noted = _noted(row)
            if not noted or row.confidence > min(c for _, c in noted) + _NOTE_ROUNDING:
                new_rows.append(row)  # no noted cell set the row's confidence
                continue
            doubtful = [c for f, c in noted if not _confirmed(rows, k, f, stated, period)]
            if len(doubtful) == len(noted):
                new_rows.append(row)  # nothing confirmed: the row's own confidence stands
                continue
            confidence = min([_caps(row, s), *doubtful])
            new_rows.append(replace(row, confidence=round(max(row.confidence, confidence), 3)))
        out.append(replace(table, rows=new_rows))
    return out
