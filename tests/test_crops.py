"""Page crops of the review rows: real PDFs (LibreOffice) and a real scan (Tesseract) converted by
the batch; the crops exist, are PNGs of the row, are linked from review.xlsx/csv by relative paths,
are ours in the manifest and do not pile up; a text input gets none and no error."""

from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import docx
import openpyxl
import pytest
from PIL import Image

from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.crops import CropSettings, PageImage, cut
from cchc_extract.outdir import MANIFEST_NAME, load_manifest
from cchc_extract.pipeline import PipelineOptions
from cchc_extract.reconcile import ReconcileSettings
from cchc_extract.review import REVIEW_COLUMNS, REVIEW_CSV, REVIEW_XLSX, export_review, read_review, split_key
from extract.external import convert_to_pdf
from schemas.records import reasons_of

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "renderings"


def _convert(folder: Path, out: Path):
    return run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1), stream=io.StringIO())


def _links(out: Path) -> dict[tuple[str, str, str], str]:
    """(document, item, field) → the crop hyperlink's target, from review.xlsx (item and field
    from the row's key; no field: None)."""
    book = openpyxl.load_workbook(out / REVIEW_XLSX)
    sheet = book.worksheets[0]
    col = {name: i for i, name in enumerate(REVIEW_COLUMNS)}
    links = {}
    for row in sheet.iter_rows(min_row=2):
        cell = row[col["crop"]]
        assert cell.data_type != "f"
        if cell.hyperlink is not None:
            assert cell.value == "xem"
            _, item, field = split_key(row[col["key"]].value)
            links[(row[col["document"]].value, item, field or None)] = cell.hyperlink.target
    return links


def _planted_pdf(folder: Path) -> Path:
    """The sample score table with criterion 1.1.2 self-scored 9 of a maximum 1, printed by LibreOffice."""
    document = docx.Document(str(SAMPLES / "score_table.docx"))
    for row in document.tables[0].rows:
        if row.cells[0].text.strip() == "1.1.2":
            paragraph = row.cells[3].paragraphs[0]
            for run in paragraph.runs[1:]:
                run.text = ""
            paragraph.runs[0].text = "9"
    source = folder / "planted.docx"
    document.save(str(source))
    pdf = convert_to_pdf(source, folder)
    source.unlink()
    return pdf


@pytest.mark.needs_libreoffice
def test_pdf_row_crop_is_linked_and_does_not_pile_up(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    _planted_pdf(folder)
    (folder / "note.txt").write_text("Điểm tự đánh giá: 9 điểm\n", encoding="utf-8")
    summary = _convert(folder, out)
    assert summary.failed == 0 and not summary.output_error
    data = json.loads((out / "planted.pdf.json").read_text(encoding="utf-8"))
    doubtful = [n for n, r in enumerate(data["review"]) if r.get("code") == "1.1.2" and r.get("field") == "self_points"]
    assert len(doubtful) == 1, data["review"]  # one cell, one entry with both reasons:
    assert len(reasons_of(data["review"][doubtful[0]])) == 2  # self > max, and the parent's sum it breaks
    frame = read_review(out / REVIEW_XLSX)
    row = frame.loc[frame["code"] == "1.1.2"]
    assert len(row) == 1  # one row per value, both reasons in it
    assert "vượt điểm tối đa" in row.iloc[0]["reasons"] and "tiêu chí con cộng lại" in row.iloc[0]["reasons"]
    assert frame.iloc[0]["code"] == "1.1.2"  # an inconsistency comes first
    links = _links(out)
    target = links[("planted.pdf", data["review"][doubtful[0]]["item"], "self_points")]
    crop = out / target  # relative to review.xlsx's folder
    assert not Path(target).is_absolute() and target.startswith("review/crops/planted.pdf/")
    with Image.open(crop) as image:
        assert image.format == "PNG"
        # A row of an A4 page at 170 dpi: the table's width, a few lines high.
        assert 700 <= image.width <= 1500 and 60 <= image.height <= 400, image.size
    # One value, two reasons: one crop.
    items = load_manifest(out).crops["planted.pdf.json"]["items"]
    assert items[str(doubtful[0])] == target
    # The CSV carries the same relative path; the text input has no crop and no error.
    frame = read_review(out / REVIEW_CSV)
    assert target in set(frame["crop"])
    assert list(frame.loc[frame["code"] == "1.1.2", "crop"]) == [target]
    assert set(frame.loc[frame["document"] == "note.txt", "crop"]) <= {""}
    assert not any(k[0] == "note.txt" for k in links)
    manifest = load_manifest(out)
    assert target in manifest.crops["planted.pdf.json"]["files"]
    assert "note.txt.json" not in manifest.crops or manifest.crops["note.txt.json"]["files"] == []

    # A forced re-run rewrites the output: the crops are made again, none left over.
    before = sorted(p.relative_to(out).as_posix() for p in (out / "review" / "crops").rglob("*.png"))
    (out / "review" / "crops" / "planted.pdf" / "999.png").write_bytes(b"not ours")  # not in the manifest
    run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1, force=True), stream=io.StringIO())
    after = sorted(p.relative_to(out).as_posix() for p in (out / "review" / "crops").rglob("*.png"))
    assert after == sorted(before + ["review/crops/planted.pdf/999.png"])
    assert (out / "review" / "crops" / "planted.pdf" / "999.png").read_bytes() == b"not ours"

    # An unread table (its box) and an unread page (no box: the whole page) get crops too.
    path = out / "planted.pdf.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    row_box = data["score_tables"][0]["rows"][4]["source"]["bbox"]
    data["unread"] = [
        {"page": 1, "kind": "table", "reason": "not read", "bbox": row_box},
        {"page": 2, "kind": "page", "reason": "no usable text"},
    ]
    data["review"] += [{"item": "/unread/0", "page": 1, "reason": "x"}, {"item": "/unread/1", "page": 2, "reason": "y"}]
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    export_review(out)
    links = _links(out)
    with Image.open(out / links[("planted.pdf", "/unread/0", None)]) as image:
        assert 700 <= image.width <= 1500 and 60 <= image.height <= 400, image.size
    with Image.open(out / links[("planted.pdf", "/unread/1", None)]) as image:
        # A4 at 170 dpi is 1405 × 1988 px, shrunk to 1800 px at most.
        assert image.height == CropSettings().max_px and 1200 <= image.width <= 1300, image.size

    # The input gone: the review files are still written, its rows without crops.
    shutil.rmtree(folder)
    (out / "planted.pdf.json").write_text((out / "planted.pdf.json").read_text() + " ", encoding="utf-8")
    export_review(out)
    assert _links(out) == {}
    assert not (out / target).exists()


@pytest.mark.needs_tesseract
def test_scan_crop_shows_the_row(tmp_path):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SAMPLES / "score_table_scan.png", folder)
    # Its values are read right and sure enough to stay out of the queue: a high threshold sends them.
    options = PipelineOptions(reconcile=ReconcileSettings(review_below=0.999))
    run_convert([folder], out, options, BatchSettings(workers=1), stream=io.StringIO())
    data = json.loads((out / "score_table_scan.png.json").read_text(encoding="utf-8"))
    links = _links(out)
    assert links, data["review"]
    for (document, item, _), target in links.items():
        assert document == "score_table_scan.png" and item.startswith("/score_tables/0/rows/")
        with Image.open(out / target) as image:
            assert image.format == "PNG"
            # Row boxes are in the pixels of the 300-dpi page OCR read; the crop is at 170 dpi:
            # the table's width (about 2000 px at 300 dpi) shrinks to about 1150 px.
            assert 900 <= image.width <= 1400 and 40 <= image.height <= 600, image.size
    assert (out / MANIFEST_NAME).is_file()


def test_crops_off_and_boxes_off_the_page():
    page = PageImage(Image.new("RGB", (600, 800), "white"), 1.0, 1.0)
    assert cut(page, [700.0, 10.0, 750.0, 20.0], CropSettings()) is None
    whole = cut(page, None, CropSettings(max_px=400))
    assert whole is not None and whole.size == (300, 400)
    row = cut(page, [100.0, 100.0, 500.0, 120.0], CropSettings(margin_pt=10))
    assert row is not None and row.size == (421, 41)
    # Highlighted: the row's pixels are no longer white, the margin's are.
    assert row.getpixel((200, 20)) != (255, 255, 255) and row.getpixel((200, 2)) == (255, 255, 255)


def test_crops_disabled_link_nothing(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Tổng điểm tự đánh giá: 71,2 điểm\n", encoding="utf-8")
    _convert(tmp_path / "in", tmp_path / "out")
    export_review(tmp_path / "out", crop_settings=CropSettings(enabled=False))
    assert _links(tmp_path / "out") == {}


def test_an_input_that_cannot_be_opened_again_has_no_crop(tmp_path):
    """A PDF whose bytes the output names but pdfium cannot open: the review files are written,
    the row has no crop."""
    from cchc_extract.outdir import record_outputs
    from cchc_extract.pipeline import file_sha256

    out, broken = tmp_path / "out", tmp_path / "broken.pdf"
    out.mkdir()
    broken.write_bytes(b"%PDF-1.4\nnot really\n")
    row = {"code": "1", "name": "x", "self_points": 9, "max_points": 1, "source": {"page": 1, "bbox": [1, 2, 3, 4]}}
    data = {
        "schema_version": "1.0",
        "source": {"path": "broken.pdf", "sha256": file_sha256(broken), "format": "pdf"},
        "score_tables": [{"rows": [row]}],
        "review": [{"item": "/score_tables/0/rows/0", "field": "self_points", "page": 1, "reason": "x"}],
    }
    record_outputs(out, [out / "broken.pdf.json"], {out / "broken.pdf.json": broken})
    (out / "broken.pdf.json").write_text(json.dumps(data), encoding="utf-8")
    export_review(out)
    frame = read_review(out / REVIEW_CSV)
    assert list(frame["crop"]) == [""] and _links(out) == {}


@pytest.mark.needs_tesseract
def test_crops_cut_by_page_range_are_those_the_refresh_cuts(tmp_path):
    """A 2-page scan on 2 workers in 2 page ranges: each range's crops are cut by a worker after
    the join (not by the batch's process); they are byte for byte, and in the manifest, what the
    refresh cuts on its own from the same JSON."""
    import pypdfium2 as pdfium

    from cchc_extract.outdir import save_manifest
    from cchc_extract.refresh import refresh_outputs

    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    src, doc = pdfium.PdfDocument(str(SAMPLES / "score_table_scan.pdf")), pdfium.PdfDocument.new()
    doc.import_pages(src, [0, 0])
    doc.save(str(folder / "scan.pdf"))
    options = PipelineOptions(reconcile=ReconcileSettings(review_below=0.999))  # rows of both pages to review
    settings = BatchSettings(workers=2, split_min_pages=2, ranges_per_worker=1)
    summary = run_convert([folder], out, options, settings, stream=io.StringIO())
    assert summary.converted == 1
    pages = {item["page"] for item in json.loads((out / "scan.pdf.json").read_text(encoding="utf-8"))["review"]}
    assert pages >= {1, 2}
    by_workers = load_manifest(out).crops["scan.pdf.json"]
    assert by_workers["json"] and by_workers["files"]
    cut_by_workers = {f: (out / f).read_bytes() for f in by_workers["files"]}
    links = _links(out)
    # The same crops cut again by the refresh alone: no record, no file.
    manifest = load_manifest(out)
    manifest.crops.clear()
    save_manifest(out, manifest)
    shutil.rmtree(out / "review" / "crops")
    assert refresh_outputs(out) == ""
    assert load_manifest(out).crops["scan.pdf.json"] == by_workers
    assert {f: (out / f).read_bytes() for f in by_workers["files"]} == cut_by_workers
    assert _links(out) == links
