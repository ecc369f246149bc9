"""Batch conversion: parallel workers, per-file isolation (bad input, crash, timeout), incremental
re-runs, summary and exit codes."""

import faulthandler
import io
import json
import os
import shutil
import signal
import time
from pathlib import Path

import pytest

import cchc_extract.batch as batch
import cchc_extract.executors as executors
from cchc_extract.batch import BatchSettings, collect_inputs, run_convert
from cchc_extract.cli import main
from cchc_extract.pipeline import PipelineOptions
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


@pytest.fixture
def folder(tmp_path):
    """Two real samples, one in a subfolder."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[0], src / SAMPLES[0].name)
    shutil.copy(SAMPLES[2], src / "sub" / SAMPLES[2].name)
    return src


def _load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def test_folder_converts_recursively_in_parallel(folder, tmp_path):
    out = tmp_path / "out"
    summary = run_convert([folder], out, PipelineOptions(), BatchSettings(workers=2), stream=io.StringIO())
    assert (summary.files, summary.converted, summary.failed) == (2, 2, 0)
    data = _load(out / "sub" / (SAMPLES[2].name + ".json"))
    assert data["source"]["path"] == "sub/" + SAMPLES[2].name and schema_errors(data) == []
    written = _load(out / "summary.json")
    assert written["converted"] == 2 and written["failed"] == 0 and written["workers"] == 2
    assert {o["file"] for o in written["outcomes"]} == {SAMPLES[0].name, "sub/" + SAMPLES[2].name}
    assert written["peak_rss_mb"] > 0


def test_bad_inputs_get_error_records_and_the_batch_goes_on(folder, tmp_path, capsys):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "broken.docx").write_bytes(b"this is not a zip archive")
    (bad / "cut.pdf").write_bytes(b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog")
    (bad / "notes.wpd").write_bytes(b"\xffWPC not read")  # a format we do not read, given by name
    encrypted = ROOT / "tests" / "data" / "bad" / "encrypted.pdf"
    inputs = [folder, *sorted(bad.iterdir())]
    if encrypted.exists():
        shutil.copy(encrypted, bad / "locked.pdf")
        inputs.append(bad / "locked.pdf")
    out = tmp_path / "out"
    code = main(["convert", *map(str, inputs), "--out", str(out), "--workers", "2", "--lang", "en"])
    assert code == 1
    summary = _load(out / "summary.json")
    assert summary["converted"] == 2 and summary["failed"] == len(inputs) - 1
    for path in inputs[1:]:
        data = _load(out / (path.name + ".json"))
        assert schema_errors(data) == []
        assert data["errors"] and data["errors"][0]["stage"] == "ingest"
    assert "empty" in _load(out / "empty.txt.json")["errors"][0]["message"]
    err = capsys.readouterr().err
    assert "2 converted" in err and f"{len(inputs) - 1} failed" in err and "failed: notes.wpd:" in err


def _misbehaving(real):
    """A convert_file that sleeps on 'slow' files and kills its own process on 'crash' files
    (inherited by the forked workers)."""

    def convert(path, display_path=None, options=PipelineOptions()):
        if "slow" in path.name:
            time.sleep(300)
        if "crash" in path.name:
            faulthandler.disable()  # pytest's handler would print the worker's stack
            os.kill(os.getpid(), signal.SIGSEGV)
        return real(path, display_path, options)

    return convert


def test_timeout_and_crash_cost_only_their_file(folder, tmp_path, monkeypatch):
    shutil.copy(SAMPLES[1], folder / "slow.txt")
    shutil.copy(SAMPLES[1], folder / "crash.txt")
    monkeypatch.setattr(batch, "convert_file", _misbehaving(batch.convert_file))
    out = tmp_path / "out"
    started = time.monotonic()
    # The limit leaves an ordinary conversion room on a loaded machine (2 cores, many processes):
    # under 5 s the samples themselves timed out there.
    settings = BatchSettings(workers=2, timeout_s=30)
    summary = run_convert([folder], out, PipelineOptions(), settings, stream=io.StringIO())
    assert time.monotonic() - started < 150  # the sleeper (300 s) was stopped, not waited for
    assert (summary.converted, summary.failed) == (2, 2)
    slow, crash = _load(out / "slow.txt.json"), _load(out / "crash.txt.json")
    assert "longer than 30 s" in slow["errors"][0]["message"]
    assert "SIGSEGV" in crash["errors"][0]["message"]
    assert len(slow["source"]["sha256"]) == 64 and schema_errors(crash) == []
    assert _load(out / (SAMPLES[0].name + ".json"))["errors"] == []


def test_a_lone_text_file_is_converted_in_the_batch_process_with_the_same_output(tmp_path, monkeypatch):
    """No worker is started for one small text file; its JSON is the one a worker writes."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES[0], src / SAMPLES[0].name)
    name = SAMPLES[0].name + ".json"
    pooled = BatchSettings(workers=1, crash_safe_formats=frozenset())
    run_convert([src], tmp_path / "pool", PipelineOptions(), pooled, stream=io.StringIO())

    def no_worker(*args, **kwargs):
        raise AssertionError("a worker was started")

    monkeypatch.setattr(executors.ProcessPool, "_start", no_worker)
    summary = run_convert([src], tmp_path / "here", PipelineOptions(), BatchSettings(workers=1), stream=io.StringIO())
    assert (summary.converted, summary.failed) == (1, 0)
    assert _load(tmp_path / "here" / name) == _load(tmp_path / "pool" / name)


def test_a_lone_text_file_past_its_timeout_gets_the_workers_error_record(tmp_path, monkeypatch):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SAMPLES[1], src / "slow.txt")
    monkeypatch.setattr(batch, "convert_file", _misbehaving(batch.convert_file))
    started = time.monotonic()
    summary = run_convert([src], tmp_path / "out", PipelineOptions(), BatchSettings(timeout_s=1), stream=io.StringIO())
    assert time.monotonic() - started < 60  # the sleeper (300 s) was stopped by the timer
    assert (summary.converted, summary.failed) == (0, 1)
    slow = _load(tmp_path / "out" / "slow.txt.json")
    assert slow["errors"][0]["message"] == executors.timeout_message(1) and schema_errors(slow) == []
    assert signal.getsignal(signal.SIGALRM) == signal.SIG_DFL and signal.getitimer(signal.ITIMER_REAL)[0] == 0


def test_rerun_skips_up_to_date_outputs_and_force_redoes_them(folder, tmp_path):
    out = tmp_path / "out"
    settings = BatchSettings(workers=1)
    first = run_convert([folder], out, PipelineOptions(), settings, stream=io.StringIO())
    assert first.up_to_date == 0
    target = out / (SAMPLES[0].name + ".json")
    stamp = target.stat().st_mtime_ns
    second = run_convert([folder], out, PipelineOptions(), settings, stream=io.StringIO())
    assert (second.up_to_date, second.converted) == (2, 2) and target.stat().st_mtime_ns == stamp
    # An edited input is converted again; the other stays.
    with (folder / SAMPLES[0].name).open("a", encoding="utf-8") as fh:
        fh.write("\nGhi chú thêm.\n")
    third = run_convert([folder], out, PipelineOptions(), settings, stream=io.StringIO())
    assert third.up_to_date == 1 and target.stat().st_mtime_ns != stamp
    forced = run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1, force=True), stream=io.StringIO())
    assert forced.up_to_date == 0 and forced.converted == 2


def test_output_from_another_pipeline_version_is_redone(folder, tmp_path):
    out = tmp_path / "out"
    run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1), stream=io.StringIO())
    target = out / (SAMPLES[0].name + ".json")
    data = _load(target)
    data["pipeline_version"] = "0.0.0-old"
    target.write_text(json.dumps(data), encoding="utf-8")
    again = run_convert([folder], out, PipelineOptions(), BatchSettings(workers=1), stream=io.StringIO())
    assert again.up_to_date == 1
    assert _load(target)["pipeline_version"] != "0.0.0-old"


def test_progress_bar_only_when_asked_or_on_a_terminal(folder, tmp_path):
    quiet, loud = io.StringIO(), io.StringIO()
    run_convert([folder], tmp_path / "a", PipelineOptions(), BatchSettings(workers=1), stream=quiet)
    run_convert([folder], tmp_path / "b", PipelineOptions(), BatchSettings(workers=1, progress=True), stream=loud)
    assert "tệp" in quiet.getvalue() and "\r" not in quiet.getvalue()
    assert "2/2 files" in loud.getvalue() and "ETA" in loud.getvalue()


def test_output_folder_inside_the_input_is_not_walked(folder):
    out = folder / "out"
    out.mkdir()
    (out / "old.txt").write_text("Báo cáo\n", encoding="utf-8")
    assert [i.relative for i in collect_inputs([folder], exclude=out)] == [SAMPLES[0].name, "sub/" + SAMPLES[2].name]
    assert len(collect_inputs([folder], exclude=folder)) == 3  # outputs next to the inputs: nothing left out


def test_cli_usage_errors_exit_2(tmp_path, folder):
    assert main(["convert", str(folder), "--out", str(tmp_path / "o"), "--workers", "-1"]) == 2
    assert main(["convert", str(folder), "--out", str(tmp_path / "o"), "--timeout", "soon"]) == 2
    assert main(["apply-review", str(tmp_path / "missing.xlsx"), "--out", str(tmp_path)]) == 2


def test_cli_options_reach_the_batch(folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert (
        main(
            [
                "convert",
                str(folder),
                "--out",
                str(out),
                "--workers",
                "1",
                "--timeout",
                "60",
                "--progress",
                "--lang",
                "en",
            ]
        )
        == 0
    )
    err = capsys.readouterr().err
    assert "2/2 files" in err and "2 converted (0 already up to date)" in err
    assert main(["--lang", "en", "convert", str(folder), "--out", str(out)]) == 0
    assert "2 converted (2 already up to date)" in capsys.readouterr().err
    assert (out / "tables" / "documents.csv").exists() and (out / "review.xlsx").exists()
