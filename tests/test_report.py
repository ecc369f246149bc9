"""The batch report OUT/report.html: a real batch (OCR text samples, a DOCX with a planted sum
mismatch and hostile text, a broken file), parsed back as HTML."""

import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest

import cchc_extract.report as report
from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.outdir import record_outputs
from cchc_extract.pipeline import PipelineOptions
from cchc_extract.report import REPORT_NAME, ReportSettings, document_view, report_html, write_report
from cchc_extract.review import apply_review
from cchc_extract.tables import iter_outputs

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
HOSTILE = "Kế hoạch CCHC năm <script>alert('x')</script> & <b>đậm</b>"


def make_docx(path: Path) -> Path:
    """A commune's self-assessment whose section 1 states 9 points while its criteria add up to 7."""
    document = docx.Document()
    for line in (
        "ỦY BAN NHÂN DÂN XÃ TÂN LẬP",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 12/BC-UBND",
        "Tân Lập, ngày 15 tháng 6 năm 2024",
        "BÁO CÁO TỰ ĐÁNH GIÁ CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024",
    ):
        document.add_paragraph(line)
    rows = [
        ["TT", "Lĩnh vực/Tiêu chí", "Điểm tối đa", "Điểm tự chấm"],
        ["1", "Công tác chỉ đạo, điều hành", "10", "9"],
        ["1.1", HOSTILE, "4", "4"],
        ["1.2", "Báo cáo định kỳ", "6", "3"],
        ["2", "Cải cách thủ tục hành chính", "8", "7"],
        ["2.1", "Công khai thủ tục", "5", "4"],
        ["2.2", "Tiếp nhận hồ sơ", "3", "3"],
        ["", "Tổng cộng", "18", "16"],
    ]
    table = document.add_table(rows=len(rows), cols=4)
    table.style = "Table Grid"
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            table.cell(r, c).text = value
    document.add_paragraph("Người lập biểu")
    document.save(str(path))
    return path


class Page(HTMLParser):
    """What a browser would see: text, tags and their attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self.style = ""
        self._in_style = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_style = tag == "style"

    def handle_endtag(self, tag):
        self._in_style = False

    def handle_data(self, data):
        if self._in_style:
            self.style += data
        self.text.append(data)

    @property
    def all_text(self) -> str:
        return "".join(self.text)


def parse(text: str) -> Page:
    page = Page()
    page.feed(text)
    page.close()
    return page


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("report")
    src = base / "in"
    src.mkdir()
    for sample in (SAMPLES[0], SAMPLES[3]):  # a plan with failed group sums; an OCR'd score table
        shutil.copy(sample, src / sample.name)
    make_docx(src / "tan-lap.docx")
    (src / "hong.pdf").write_bytes(b"%PDF-1.4 this is not a PDF")
    out = base / "out"
    run_convert([src], out, PipelineOptions(), BatchSettings(workers=2), io.StringIO())
    return out


def test_convert_writes_a_self_contained_vietnamese_report(batch):
    html_text = (batch / REPORT_NAME).read_text(encoding="utf-8")
    page = parse(html_text)
    text = page.all_text
    for label in (
        "Báo cáo tổng hợp",
        "Xã/phường",
        "Tổng điểm tự chấm",
        "Lĩnh vực",
        "Sai lệch",
        "Cần rà soát",
        "Tệp lỗi",
    ):
        assert label in text, label
    outputs = [data for _, data in iter_outputs(batch)]
    communes = {d["document"].get("commune") for d in outputs} - {None}
    assert {"Tân Lập", "Ngọc Kỳ", "Quảng Thành"} <= communes
    for commune in communes:
        assert commune in text
    # Offline: plots inline, nothing fetched from anywhere.
    assert "<svg" in html_text
    for tag, attrs in page.tags:
        assert tag not in ("script", "link", "iframe"), tag
        for name in ("src", "href"):
            value = attrs.get(name) or ""
            assert not value.startswith(("http:", "https:", "//")), (tag, value)
    assert "@media print" in page.style and "thead" in page.style


def test_report_lists_the_planted_mismatch_the_scores_and_the_failed_file(batch):
    page = parse((batch / REPORT_NAME).read_text(encoding="utf-8"))
    text = page.all_text
    tan_lap = next(d for _, d in iter_outputs(batch) if d["source"]["path"] == "tan-lap.docx")
    planted = [c for c in tan_lap["checks"] if c["status"] == "mismatch"]
    assert [c["code"] for c in planted] == ["1"]
    assert planted[0]["message"] in text  # "1: self-assessed points of its 2 sub-criteria add up to 7, ..."
    # The total the document states (16 of 18) and its sections with their points.
    view = document_view(tan_lap)
    assert (view.tables[0].total_self, view.tables[0].total_max) == (16.0, 18.0)
    assert [(s.code, s.self_points, s.max_points) for s in view.tables[0].sections][:2] == [
        ("1", 9.0, 10.0),
        ("1.1", 4.0, 4.0),
    ]
    assert "88,9%" in text  # 16/18, written the Vietnamese way
    # Review load per document, the broken file under Tệp lỗi.
    assert "hong.pdf" in text[text.index("Tệp lỗi", text.index("Cần rà soát")) :]


def test_document_text_is_escaped(batch):
    html_text = (batch / REPORT_NAME).read_text(encoding="utf-8")
    assert "<script>alert" not in html_text and "<b>đậm" not in html_text
    page = parse(html_text)
    assert HOSTILE in page.all_text  # shown as the document wrote it, as text
    assert not [tag for tag, _ in page.tags if tag == "script"]


def test_apply_review_rewrites_the_report(batch, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(batch, out)
    (out / REPORT_NAME).unlink()
    apply_review(out / "review.csv", out)  # nothing filled in: outputs refreshed all the same
    assert "Báo cáo tổng hợp" in (out / REPORT_NAME).read_text(encoding="utf-8")


def _synthetic(commune: str, **extra) -> dict:
    data = {
        "schema_version": "1",
        "source": {"path": f"{commune}.docx"},
        "document": {"commune": commune, "year": 2024},
        "score_tables": [
            {
                "title": "Bảng điểm",
                "rows": [
                    {"code": "I", "parent": None, "name": commune, "max_points": 20, "self_points": 15},
                    {"code": "1", "parent": "I", "name": "Chỉ đạo", "max_points": 20, "self_points": 15},
                    {"code": "1.1", "parent": "1", "name": "Kế hoạch", "max_points": 20, "self_points": 15},
                ],
            }
        ],
        "checks": [
            {"id": "a", "kind": "sum", "status": "misread", "code": "1", "message": "đọc sai <u>x</u>"},
            {"id": "b", "kind": "sum", "status": "ok", "message": "fine"},
        ],
        "review": [{"item": "/score_tables/0/rows/0"}],
        "errors": [],
    }
    data.update(extra)
    return data


def test_misread_status_and_older_outputs_are_shown_generically():
    hostile = "Xã <img src=x onerror=alert(1)> $\\alpha$"
    views = [
        document_view(_synthetic(hostile)),
        document_view(
            _synthetic("An Phú", unread=[{"kind": "table", "page": 2, "page_end": 3, "reason": "bảng không đọc được"}])
        ),
    ]
    assert views[0].unread is None and views[1].unread  # an older output has no "unread" at all
    assert [s.code for s in views[0].tables[0].sections] == ["I", "1"]  # depth 0 and 1 only
    html_text = report_html(views, ReportSettings(), "2024-01-01")
    page = parse(html_text)
    assert "Đọc sai" in page.all_text and "đọc sai <u>x</u>" in page.all_text  # status label, message as text
    assert "fine" not in page.all_text  # an ok check asks nothing of the reader
    assert "2–3" in page.all_text and "bảng không đọc được" in page.all_text
    assert hostile in page.all_text  # the name with "$" drawn as text, not mathtext, and escaped
    assert not [a for t, a in page.tags if t in ("img", "u")]
    assert html_text.count("<svg") == 2


def test_a_plot_that_fails_costs_only_the_plot(monkeypatch, tmp_path):
    def broken(*args, **kwargs):
        raise RuntimeError("no backend")

    monkeypatch.setattr(report, "totals_plot", broken)
    (tmp_path / "a.docx.json").write_text(json.dumps(_synthetic("An Phú")), encoding="utf-8")
    record_outputs(tmp_path, [tmp_path / "a.docx.json"])  # ours, as a batch would have recorded it
    text = write_report(tmp_path).read_text(encoding="utf-8")
    assert "Không vẽ được biểu đồ: RuntimeError: no backend" in text
    assert "An Phú" in text and text.count("<svg") == 1  # the heat-map still drawn


def test_the_heat_map_holds_one_pixel_per_cell():
    """The heat-map's raster is the grid itself (documents × sections), scaled by the browser:
    resampled to the page's size it grew with every document of a batch (memory and bytes)."""
    import base64
    from io import BytesIO

    from PIL import Image

    views = [document_view(_synthetic(f"Xã {i}")) for i in range(40)]
    svg = report.fields_plot([v.commune or "" for v in views], ["I", "1"], [[75.0, None]] * 40, ReportSettings())
    images = svg.split("<image")[1:]  # the heat-map, then its colour bar
    assert "image-rendering:pixelated" in images[0]
    data = images[0].split("base64,", 1)[1].split('"', 1)[0]
    assert Image.open(BytesIO(base64.b64decode(data))).size == (2, 40)
