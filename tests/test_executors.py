"""The executors behind the batch: a long scan read in page ranges on two workers gives the JSON of
one worker; the Dask executor (a real LocalCluster, and a ``dask scheduler`` + ``dask worker``
started on 127.0.0.1) gives the JSON of the process pool, with timeouts, crash records and
incremental re-runs."""

import faulthandler
import io
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cchc_extract.batch import BatchSettings, run_convert
from cchc_extract.executors import Job, run_forked
from cchc_extract.pages import page_ranges
from cchc_extract.pipeline import PipelineOptions
from schemas import schema_errors

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SCAN = ROOT / "samples" / "renderings" / "score_table_scan.pdf"


def _outputs(out: Path) -> dict[str, dict]:
    """Every document JSON of an output folder, by path (the summary and manifest aside)."""
    return {
        p.relative_to(out).as_posix(): json.loads(p.read_text(encoding="utf-8"))
        for p in sorted(out.rglob("*.json"))
        if p.name != "summary.json" and not p.name.startswith(".")
    }


def _sleep(seconds: float) -> str:
    time.sleep(seconds)
    return "slept"


def _segfault() -> None:
    faulthandler.disable()  # pytest's handler would print the child's stack
    os.kill(os.getpid(), signal.SIGSEGV)


def test_page_ranges_are_consecutive_and_cover_the_document():
    assert page_ranges(5, 2) == [range(0, 3), range(3, 5)]
    assert page_ranges(3, 8) == [range(0, 1), range(1, 2), range(2, 3)]
    assert [p for r in page_ranges(20, 4) for p in r] == list(range(20))


def test_forked_job_times_out_and_crashes_as_values():
    assert run_forked(Job("ok", _sleep, (0.0,), 10)).value == "slept"
    slow = run_forked(Job("slow", _sleep, (30,), 1.0))
    assert slow.value is None and "longer than 1 s" in slow.failure and slow.seconds < 10
    crash = run_forked(Job("crash", _segfault))
    assert "SIGSEGV" in crash.failure


@pytest.mark.needs_tesseract
def test_scan_read_in_page_ranges_gives_the_json_of_one_worker(tmp_path):
    """A 3-page scan (the sample scan's page three times, pypdfium2) on 2 workers in 3 page ranges:
    the same JSON as one worker reading it whole."""
    import pypdfium2 as pdfium

    folder = tmp_path / "in"
    folder.mkdir()
    src, doc = pdfium.PdfDocument(str(SCAN)), pdfium.PdfDocument.new()
    for _ in range(3):
        doc.import_pages(src, [0])
    doc.save(str(folder / "long_scan.pdf"))
    one = run_convert([folder], tmp_path / "one", PipelineOptions(), BatchSettings(workers=1), io.StringIO())
    split = run_convert(
        [folder],
        tmp_path / "split",
        PipelineOptions(),
        BatchSettings(workers=2, split_min_pages=2, ranges_per_worker=2),
        io.StringIO(),
    )
    assert one.converted == split.converted == 1
    whole, joined = _outputs(tmp_path / "one"), _outputs(tmp_path / "split")
    assert joined == whole
    data = joined["long_scan.pdf.json"]
    assert data["source"]["pages"] == 3 and data["source"]["method"] == "ocr" and data["score_tables"]
    lines = [r["source"]["line_start"] for t in data["score_tables"] for r in t["rows"]]
    assert lines == sorted(lines)  # numbered on across the ranges


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SAMPLES[0], folder / SAMPLES[0].name)
    shutil.copy(SAMPLES[2], folder / "sub" / SAMPLES[2].name)
    (folder / "broken.docx").write_bytes(b"not a zip archive")
    return folder


def test_dask_local_cluster_gives_the_json_of_the_pool(tmp_path):
    pytest.importorskip("distributed")
    folder = _folder(tmp_path)
    pool = run_convert([folder], tmp_path / "pool", PipelineOptions(), BatchSettings(workers=2), io.StringIO())
    settings = BatchSettings(workers=2, executor="dask")
    dask = run_convert([folder], tmp_path / "dask", PipelineOptions(), settings, io.StringIO())
    assert (dask.converted, dask.failed) == (pool.converted, pool.failed) == (2, 1)
    assert _outputs(tmp_path / "dask") == _outputs(tmp_path / "pool")
    written = json.loads((tmp_path / "dask" / "summary.json").read_text(encoding="utf-8"))
    assert written["executor"] == "dask" and written["peak_rss_mb"] > 0 and written["parent_peak_rss_mb"] > 0
    assert (tmp_path / "dask" / "tables" / "documents.csv").exists()
    # A re-run converts nothing (no cluster is even started); an edited input is converted again.
    again = run_convert([folder], tmp_path / "dask", PipelineOptions(), settings, io.StringIO())
    assert again.up_to_date == 3
    with (folder / SAMPLES[0].name).open("a", encoding="utf-8") as fh:
        fh.write("\nGhi chú thêm.\n")
    edited = run_convert([folder], tmp_path / "dask", PipelineOptions(), settings, io.StringIO())
    assert edited.up_to_date == 2 and edited.converted == 2


def test_dask_timeout_is_an_error_record(tmp_path):
    pytest.importorskip("distributed")
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SAMPLES[1], folder / SAMPLES[1].name)
    settings = BatchSettings(workers=1, executor="dask", timeout_s=0.01)
    summary = run_convert([folder], tmp_path / "out", PipelineOptions(), settings, io.StringIO())
    assert summary.failed == 1
    data = json.loads((tmp_path / "out" / (SAMPLES[1].name + ".json")).read_text(encoding="utf-8"))
    assert "longer than 0.01 s" in data["errors"][0]["message"] and schema_errors(data) == []


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_dask_scheduler_and_worker_processes(tmp_path):
    """``dask scheduler`` and ``dask worker`` as a user starts them, on 127.0.0.1; the batch
    connects with ``--scheduler``."""
    pytest.importorskip("distributed")
    from cchc_extract.cli import main

    port = _free_port()
    address = f"tcp://127.0.0.1:{port}"
    env = {**os.environ, "PYTHONPATH": str(ROOT)}  # the workers import this checkout
    started = [
        subprocess.Popen(
            [sys.executable, "-m", "dask", "scheduler", "--host", "127.0.0.1", "--port", str(port)]
            + ["--dashboard-address", ":0", "--no-show"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
    ]
    try:
        started.append(
            subprocess.Popen(
                [sys.executable, "-m", "dask", "worker", address, "--nworkers", "1", "--nthreads", "1"]
                + ["--host", "127.0.0.1", "--no-dashboard", "--memory-limit", "1GiB"],
                env=env,
                cwd=tmp_path,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                start_new_session=True,
            )
        )
        folder = _folder(tmp_path)
        out = tmp_path / "out"
        code = main(["convert", str(folder), "--out", str(out), "--executor", "dask", "--scheduler", address])
        assert code == 1  # the broken DOCX
        assert main(["convert", str(folder), "--out", str(tmp_path / "pool"), "--workers", "1"]) == 1
        assert _outputs(out) == _outputs(tmp_path / "pool")
        assert json.loads((out / "summary.json").read_text(encoding="utf-8"))["workers"] == 1
    finally:
        for proc in reversed(started):
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()


def test_cli_scheduler_needs_the_dask_executor(tmp_path):
    from cchc_extract.cli import main

    assert main(["convert", str(SAMPLES[0]), "--out", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:1"]) == 2


def test_results_sent_before_ctrl_c_are_collected_not_lost():
    """A worker that wrote its file and sent its result just as Ctrl-C came: the parent takes the
    result (its file is in the summary); a worker still converting is not waited for."""
    import multiprocessing

    from cchc_extract.executors import _collect_sent, _Worker

    sent_a, recv_a = multiprocessing.Pipe()
    sent_b, recv_b = multiprocessing.Pipe()
    job_a, job_b = Job(key="a.txt", fn=print), Job(key="b.txt", fn=print)
    process = multiprocessing.current_process()
    workers = [_Worker(process, recv_a, job_a), _Worker(process, recv_b, job_b)]
    sent_a.send("done a")  # the worker's end: what it sent
    got: list = []

    def on_done(done):
        got.append(done)
        yield "a follow-up job"  # never started after Ctrl-C

    started = time.monotonic()
    _collect_sent(workers, on_done, grace_s=0.3)
    assert got == ["done a"] and workers[0].job is None and workers[1].job is job_b
    assert time.monotonic() - started < 2.0
    for conn in (sent_a, recv_a, sent_b, recv_b):
        conn.close()
