"""Task fields of seed 16281's plan scans read wrong at main 34957e6a (the cells are Tesseract's
readings on those pages, the truth the generator's).

A task grid's criterion codes read with a comma for their dot (seed 16281, S12 instance 9: a P01
plan's landscape task appendix, signed, sealed and scanned): "4,1" and "7,1" where the page prints
4.1 and 7.1 (the generator's truth), a speck under the dot. No criterion code prints a comma and a
codes column holds no figures: the dot is put back (``task_columns.ocr_code``). The cells are
Tesseract's readings on that page.

A task's word read as its letters apart (S30 instance 4: an N65 plan by lead, scanned at 222 dpi):
"quản lý c h hất lượng" where the page prints "quản lý chất lượng", with no doubt, since what is
left, "hất", is a word. Lone small letters side by side, one of them no syllable, are a word OCR
broke: the row is doubted (a legal reference's "điểm c" stands alone)."""

from __future__ import annotations

from extract.segment.task_columns import ocr_code
from extract.segment.task_doubt_settings import DOUBT
from extract.segment.task_doubts import doubt_tasks
from extract.segment.task_paragraphs import parse_task
from schemas.records import SourceRef, TaskRow, TaskTable


def test_a_code_whose_dot_ocr_read_as_a_comma():
    assert ocr_code("4,1") == "4.1"
    assert ocr_code("7,1") == "7.1"
    assert ocr_code("3,2.1") == "3.2.1"


def test_codes_as_printed_and_no_codes_stay():
    assert [ocr_code(t) for t in ("4.1", "7.1.2", "Z1")] == ["4.1", "7.1.2", "7.1"]
    # a figure with a decimal comma of three digits, a word: no code, left as read
    assert ocr_code("4,125") == "4,125"
    assert ocr_code("Xã") == "Xã"


def _doubted(task: str) -> list[str]:
    read = TaskRow(
        code="6",
        section="I",
        task=task,
        product="Thông báo",
        deadline="Tháng 09/2026",
        lead="Phòng Kinh tế",
        coordinator="UBMTTQ Việt Nam xã",
        confidence=0.9,
        source=SourceRef(page=2),
    )
    (table,) = doubt_tasks([TaskTable(title="", pages=[2], columns=[], rows=[read])], ocr=True, period="2026")
    return [f for f in table.rows[0].flags if f.startswith(f"{DOUBT}task")]


def test_a_word_read_as_its_letters_apart_is_doubted():
    assert _doubted("Vận hành hệ thống quản lý c h hất lượng theo TCVN ISO 9001:2015")


def test_a_list_letter_and_the_task_as_printed_are_not():
    assert not _doubted("Vận hành hệ thống quản lý chất lượng theo TCVN ISO 9001:2015")
    assert not _doubted("Rà soát thủ tục theo điểm c khoản 2 Điều 5")


def test_a_speck_read_as_a_letter_before_the_next_label():
    """Seed 14001, S05 instance 2 (a P05 decision's plan, tasks as paragraphs, scanned at 300 dpi):
    "Sản phẩm: Thông báo; b Thời gian thực hiện: …", a speck read "b" between the product's
    separator and the deadline's label; the product came out "Thông báo; b". The paragraph is
    Tesseract's reading of that page (its three lines joined); the fields the generator's truth."""
    read = (
        "- Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành; đơn vị phối "
        "hợp: UBMTTQ Việt Nam xã, Các thôn, tổ dân phố; Sản phẩm: Thông báo; b Thời gian thực "
        "hiện: Thường xuyên; chủ trì: Phòng Văn hóa - Xã hội."
    )
    fields = parse_task(read)
    assert fields is not None
    assert fields["task"] == "Rà soát, kiểm tra văn bản quy phạm pháp luật do HĐND, UBND xã ban hành"
    assert fields["product"] == "Thông báo"
    assert fields["deadline"] == "Thường xuyên"
    assert fields["lead"] == "Phòng Văn hóa - Xã hội"
    assert fields["coordinator"] == "UBMTTQ Việt Nam xã, Các thôn, tổ dân phố"
