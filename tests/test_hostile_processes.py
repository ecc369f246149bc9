"""Faults around the batch, with real processes: ``kill -9`` of a running ``convert`` leaves no
worker behind, Ctrl-C stops it with exit 130 and still writes the summary and the tables of what
finished, and a write failure (a full disk) is an error, never a half-written table set."""

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from cchc_extract.cli import main

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
SCAN = ROOT / "samples" / "renderings" / "score_table_scan.png"


COPIES = 3  # of each text sample, and of the scan


def _slow_folder(tmp_path: Path, copies: int = COPIES) -> Path:
    """Enough inputs to keep two workers busy for a while (text samples, and scans for Tesseract,
    which the batch starts first: a Ctrl-C after the first output still finds work running)."""
    folder = tmp_path / "in"
    folder.mkdir()
    for k in range(copies):
        for sample in SAMPLES:
            shutil.copy(sample, folder / f"{k}-{sample.name}")
        shutil.copy(SCAN, folder / f"scan-{k}.png")
    return folder


def _start(folder: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            "-m",
            "cchc_extract.cli",
            "convert",
            str(folder),
            "--out",
            str(out),
            "--workers",
            "2",
            "--timeout",
            "0",
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
        # As a terminal starts a command: Ctrl-C not ignored. A test run started in the background
        # of a shell without job control (`cmd &` in a script) ignores SIGINT, and the batch, like
        # any program, keeps an ignored SIGINT ignored.
        preexec_fn=_sigint_default,
    )


def _sigint_default() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _descendants(pid: int) -> set[int]:
    """Every live process under ``pid`` (from /proc)."""
    parents: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
    found, frontier = set(), {pid}
    while frontier:
        children = {p for p, pp in parents.items() if pp in frontier and p not in found}
        found |= children
        frontier = children
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _outputs(out: Path) -> list[Path]:
    """The documents' outputs written so far (not the folder's hidden manifest, not the summary)."""
    return [p for p in out.glob("*.json") if p.name != "summary.json" and not p.name.startswith(".")]


def _wait_for(condition, timeout: float, step: float = 0.1) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(step)
    return condition()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_the_batch_leaves_no_worker(tmp_path):
    proc = _start(_slow_folder(tmp_path), tmp_path / "out")
    try:
        assert _wait_for(lambda: len(_descendants(proc.pid)) >= 2, 60), "the workers never started"
        time.sleep(1.0)  # into the conversions
        workers = _descendants(proc.pid)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
        assert _wait_for(lambda: not [p for p in workers if _alive(p)], 10), (
            f"still alive 10 s after kill -9: {[p for p in workers if _alive(p)]}"
        )
        # Nobody holds the caller's pipes open any more: reading them ends.
        proc.stdout.read()
        proc.stderr.read()
    finally:
        for pid in _descendants(proc.pid) | {proc.pid}:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_exits_130_with_summary_and_tables_of_what_finished(tmp_path):
    out = tmp_path / "out"
    proc = _start(_slow_folder(tmp_path), out)
    try:
        # Any document's output: the batch starts the biggest inputs (the scans) first, so the text
        # samples' outputs come in a burst near the end.
        assert _wait_for(lambda: bool(_outputs(out)), 120), "nothing finished"
        workers = _descendants(proc.pid)
        os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends: the whole foreground group
        _, err = proc.communicate(timeout=60)
    finally:
        if proc.poll() is None:
            proc.kill()
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err
    summary = json.loads((out / "summary.json").read_text())
    assert summary["interrupted"] is True and summary["files"] == (len(SAMPLES) + 1) * COPIES
    done = [o["file"] for o in summary["outcomes"]]
    assert 1 <= len(done) < summary["files"]
    documents = pd.read_csv(out / "tables" / "documents.csv", encoding="utf-8-sig")
    converted = [o["file"] for o in summary["outcomes"] if o["status"] == "converted"]
    assert set(converted) <= set(documents.source_path)
    assert _wait_for(lambda: not [p for p in workers if _alive(p)], 10)


def test_disk_full_while_writing_tables_exits_1_and_keeps_the_previous_set(tmp_path, monkeypatch, capsys):
    folder, out = tmp_path / "in", tmp_path / "out"
    folder.mkdir()
    shutil.copy(SAMPLES[3], folder / "a.txt")
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1"]) == 0
    before = {p.name: p.read_bytes() for p in (out / "tables").iterdir()}
    shutil.copy(SAMPLES[4], folder / "b.txt")
    calls = {"n": 0}
    import cchc_extract.tablestore as tablestore

    real = tablestore.write_parquet_table

    def full_disk(*args, **kwargs):
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real(*args, **kwargs)

    monkeypatch.setattr(tablestore, "write_parquet_table", full_disk)
    capsys.readouterr()
    assert main(["convert", str(folder), "--out", str(out), "--workers", "1", "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "could not write the tables or review files: OSError: [Errno 28] No space left on device" in err
    assert "not complete" in err
    after = {p.name: p.read_bytes() for p in (out / "tables").iterdir()}
    assert after == before  # the previous set, whole
    assert not [p for p in out.iterdir() if p.name.startswith(".tables")]
    summary = json.loads((out / "summary.json").read_text())
    assert summary["output_error"].startswith("could not write the tables")


def test_disk_full_on_a_real_tiny_filesystem(tmp_path, capsys):
    """A 256 kB tmpfs (needs root): the output JSON or the tables do not fit; exit 1 and a message."""
    mount = tmp_path / "full"
    mount.mkdir()
    if subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)], capture_output=True, check=False
    ).returncode:
        pytest.skip("cannot mount a tmpfs here (not root)")
    try:
        folder = tmp_path / "in"
        folder.mkdir()
        for sample in SAMPLES[:4]:  # ~300 kB of output JSON
            shutil.copy(sample, folder / sample.name)
        out = mount / "out"
        code = main(["convert", str(folder), "--out", str(out), "--workers", "2"])
        err = capsys.readouterr().err
        assert code == 1 and "No space left on device" in err and "Traceback" not in err
        assert not [p for p in out.rglob("*") if ".tmp" in p.name]
        tables = out / "tables"
        if tables.exists():  # a set is whole or absent
            from cchc_extract.tables import table_files

            assert {p.name for p in tables.iterdir()} == table_files()
    finally:
        # (lazy: a worker process still closing a file there must not leave the mount behind)
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, check=False)
