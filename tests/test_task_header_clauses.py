"""A plan whose tasks are written as paragraphs ("a) Rà soát …; thời hạn: Quý II/2024; đơn vị phối
hợp: …; Chủ trì thực hiện: …"), scanned: a justified line's stretched word spaces cut it into
pieces that name a task table's columns ("đơn vị phối hợp:", "Chủ trì thực hiện:"), and the task
reader took it for a borderless table's header, swallowing the lines under it — three tasks lost.

The words are Tesseract's (vie) on page 2 of a generated S12 scan (a plan in paragraphs, 245 dpi),
recorded where the OCR reader hands them to the borderless-table finders."""

import json
from pathlib import Path

from extract.model import Word
from extract.ocr import unruled_ocr_tables
from extract.ocr_settings import OcrSettings
from extract.pdf_task_columns import _reads_as_clauses

DATA = Path(__file__).parent / "data" / "ocr_words_plan_paragraphs.json"


def _words() -> list[Word]:
    page = json.loads(DATA.read_text(encoding="utf-8"))[0]
    return [Word(text=w["text"], bbox=tuple(w["bbox"]), conf=w["conf"]) for w in page["words"]]


def test_paragraph_lines_are_no_task_table() -> None:
    words = _words()
    # the generator's truth for the page's tasks: task c) of section 1 ends "… thời hạn: Quý II/2024."
    # on a line of its own under the justified line, and section 3's task b) is on the page's foot
    assert any(w.text == "II/2024." for w in words)
    assert " ".join(w.text for w in words).count("Thực hiện quy chế làm việc") == 1
    found = unruled_ocr_tables(words, 2, OcrSettings())
    taken = {i for _, used in found for i in used}
    lost = [w.text for w in words if id(w) in taken and w.text in ("II/2024.", "quy", "chế")]
    assert not lost, lost
    assert not [t for t, _ in found if t.n_cols >= 3]


def test_column_labels_are_no_clauses() -> None:
    header = [[Word("TT")], [Word("Nội"), Word("dung")], [Word("Đơn"), Word("vị"), Word("chủ"), Word("trì")]]
    clauses = [[Word("Quyết"), Word("định;")], [Word("đơn"), Word("vị"), Word("phối"), Word("hợp:")], [Word("Các")]]
    from extract.pdf_task_columns import TaskColumnSettings

    assert not _reads_as_clauses(header, TaskColumnSettings())
    assert _reads_as_clauses(clauses, TaskColumnSettings())
