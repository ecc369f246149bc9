"""The Python API: cchc_extract.convert / convert_folder / Result, and the README example run as
written."""

import contextlib
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import cchc_extract
from cchc_extract.api import Result, pipeline_options
from cchc_extract.outdir import record_outputs
from cchc_extract.report import REPORT_NAME
from cchc_extract.tables import TABLE_COLUMNS, build_tables
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]
SCORE_SAMPLE = ROOT / "samples" / "003_ngoc-ky_2023_bang-diem-ocr.txt"


@pytest.fixture(scope="module")
def result() -> Result:
    return cchc_extract.convert(SCORE_SAMPLE)


@pytest.fixture(scope="module")
def wary() -> Result:
    """The same document with a higher review threshold (its doubtful values sit under 0.5 or
    over 0.8: a lower threshold than the default changes nothing on it)."""
    return cchc_extract.convert(SCORE_SAMPLE, review_below=0.95)


def test_import_is_cheap():
    code = "import sys, cchc_extract; print(sorted(m for m in ('pandas', 'extract', 'matplotlib') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
    assert cchc_extract.convert is cchc_extract.api.convert  # loaded on first use
    with pytest.raises(AttributeError):
        _ = cchc_extract.no_such_thing


def test_result_reads_the_validated_document(result):
    data = result.to_dict()
    assert schema_errors(data) == []
    assert data["source"]["path"] == str(SCORE_SAMPLE)
    assert result.document.commune == "Ngọc Kỳ" and result.document.number == "86/BC-UBND"
    assert len(result.checks) == len(data["checks"]) and len(result.review) == len(data["review"])
    assert [c.id for c in result.mismatches] == [c["id"] for c in data["checks"] if c["status"] == "mismatch"]
    assert result.mismatches and all(c.message for c in result.mismatches)
    data["document"]["commune"] = "changed"  # a copy: the result is left alone
    assert result.document.commune == "Ngọc Kỳ" and result.data["document"]["commune"] == "Ngọc Kỳ"
    assert "Ngọc Kỳ" in repr(result)


def test_frames_are_the_dashboard_tables_of_the_document(result, tmp_path):
    frames = result.frames()
    assert set(frames) == set(TABLE_COLUMNS)
    assert len(frames["score_rows"]) == sum(len(t["rows"]) for t in result.data["score_tables"])
    assert len(frames["checks"]) == len(result.checks)
    # The same rows, columns and types the batch writes to OUT/tables/ for this document.
    (tmp_path / "doc.json").write_text(json.dumps(result.data, ensure_ascii=False), encoding="utf-8")
    record_outputs(tmp_path, [tmp_path / "doc.json"])  # ours, as a batch would have recorded it
    batch = build_tables(tmp_path)
    for name in ("score_rows", "checks", "counts"):
        assert frames[name].equals(batch[name]), name
    assert frames["score_rows"]["self_points"].dtype == "float64"


def test_options_map_onto_the_settings_by_name(result, wary):
    options = pipeline_options(repair=False, ocr_lang="eng", ocr_dpi=200, review_below=0.7, debug=True)
    assert (options.repair, options.debug) == (False, True)
    assert (options.ingest.ocr_lang, options.ingest.ocr_dpi) == ("eng", 200)
    assert options.reconcile.review_below == 0.7
    assert options.reconcile.points_tolerance == pipeline_options().reconcile.points_tolerance
    with pytest.raises(TypeError, match="review_below"):  # the message lists the valid names
        cchc_extract.convert(SCORE_SAMPLE, reveiw_below=0.7)
    # The knob reaches the checks: a higher threshold sends more doubtful values to review.
    assert len(wary.review) > len(result.review)


def test_a_bad_input_is_a_result_with_errors(tmp_path):
    bad = tmp_path / "broken.docx"
    bad.write_bytes(b"not a zip")
    result = cchc_extract.convert(bad)
    assert result.errors and result.errors[0].stage == "ingest"
    assert schema_errors(result.to_dict()) == []


def test_convert_folder_runs_the_batch(tmp_path, wary):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SCORE_SAMPLE, src / SCORE_SAMPLE.name)
    stream = io.StringIO()
    summary = cchc_extract.convert_folder(src, tmp_path / "out", stream=stream, workers=1, review_below=0.95)
    assert (summary.files, summary.converted, summary.failed) == (1, 1, 0)
    data = json.loads((tmp_path / "out" / f"{SCORE_SAMPLE.name}.json").read_text(encoding="utf-8"))
    assert summary.review_rows == len(data["review"]) == len(wary.review)
    assert (
        tmp_path / "out" / REPORT_NAME
    ).is_file() and "1 tệp" in stream.getvalue()  # the summary line, Vietnamese by default
    with pytest.raises(TypeError, match="workers"):
        cchc_extract.convert_folder(src, tmp_path / "out", wokers=2)


def readme_example() -> str:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Python API") :]
    section = section[: section.index("\n## ", 1)]
    blocks = re.findall(r"```python\n(.*?)```", section, flags=re.S)
    assert len(blocks) == 1
    return blocks[0]


def test_the_readme_example_runs_as_written(tmp_path, monkeypatch):
    (tmp_path / "samples").mkdir()
    shutil.copy(SCORE_SAMPLE, tmp_path / "samples" / SCORE_SAMPLE.name)
    monkeypatch.chdir(tmp_path)
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed), contextlib.redirect_stderr(io.StringIO()):
        exec(compile(readme_example(), "README.md", "exec"), {})
    text = printed.getvalue()
    assert "Ngọc Kỳ 86/BC-UBND 2023-06-26" in text
    assert "1 converted, 0 failed" in text
    assert (tmp_path / "out" / REPORT_NAME).is_file()
