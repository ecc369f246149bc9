"""Where the conversions run: one small interface, two executors.

A batch is a stream of ``Job``s (a module-level function and its arguments: one file, or a range
of a long scan's pages, or the join of those pages). An executor runs them and hands each
``Done`` back to the batch, which may answer with more jobs (the join once the last page range of
a document is read). Whatever the executor, a job that crashes its process or runs past its
timeout costs only itself: it comes back as a ``Done`` with ``failure`` set, and the batch writes
that file's error record.

- ``ProcessPool``: our own worker processes on this machine (forked where the system can), a
  watchdog per job, a crashed or stopped worker replaced by a fresh one; workers die with the
  batch, even a ``kill -9`` of it (extract/lifeline.py).
- ``DaskExecutor``: the same jobs on a ``dask.distributed`` cluster, a ``LocalCluster`` by default
  or an existing scheduler's workers (``--scheduler tcp://host:8786``). Inside a Dask worker each
  job runs in a forked child with the same timeout and crash isolation as the pool, so the Dask
  worker survives what the pool's worker would not and the outputs are the same bytes.
"""

from __future__ import annotations

import itertools
import os
import select
import signal
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol

from extract.lifeline import die_with_parent

if TYPE_CHECKING:  # multiprocessing is imported by the pool only: a batch run in-process never starts a worker
    import multiprocessing
    from multiprocessing.connection import Connection


@dataclass(frozen=True)
class Job:
    key: str  # unique in the batch; names the job in messages
    fn: Callable[..., Any]  # module-level (pickled by reference to reach another process)
    args: tuple = ()
    timeout_s: float = 0.0  # 0: no limit
    # The job runs only our own pure-Python code (a text file's conversion): nothing in it can
    # crash a process, and a timer interrupts it, so a batch of this one job may run it in its
    # own process (``run_in_process``) instead of starting a worker for it.
    crash_safe: bool = False


@dataclass
class Done:
    job: Job
    value: Any = None
    failure: str = ""  # why there is no value: the process crashed, or the job ran past its timeout
    seconds: float = 0.0
    peak_rss_mb: float = 0.0  # the peak resident memory of the process that ran it, so far


OnDone = Callable[[Done], Iterable[Job]]  # more jobs to run (ahead of the rest), or none


class Executor(Protocol):
    workers: int

    def run(self, jobs: Iterable[Job], on_done: OnDone) -> None:
        """Run ``jobs`` and those ``on_done`` returns, calling ``on_done`` once per job."""
        ...


@dataclass(frozen=True)
class ExecutorSettings:
    workers: int = 0  # 0: one per CPU (the pool), the cluster's own (Dask)
    grace_s: float = 5.0  # how long a worker may take to stop when asked
    scheduler: str = ""  # Dask: an existing scheduler's address; "" starts a LocalCluster
    # Dask's LocalCluster: memory per worker before Dask pauses it; scans at 300 dpi stay far below.
    dask_memory_limit: str = "2GiB"
    in_flight: int = 4  # Dask: jobs submitted per worker ahead of their turn
    # Dask: how long to wait for the scheduler and its first worker before giving up with a message.
    connect_timeout_s: float = 60.0


class ExecutorError(Exception):
    """The executor could not start (no Dask scheduler at that address, no worker joined)."""


def peak_rss_mb() -> float:
    """This process's peak resident memory (VmHWM), in MB; ``ru_maxrss`` where /proc is absent."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def run_here(job: Job) -> Done:
    """Run ``job`` in this process. The batch's functions turn a bad input into an error record
    themselves; anything that still escapes is this job's failure, not the worker's."""
    started = time.perf_counter()
    try:
        value = job.fn(*job.args)
    except Exception as exc:  # noqa: BLE001  a job's error is a value, never a dead worker
        first = (str(exc).strip().splitlines() or [""])[0]
        return Done(job, failure=f"{type(exc).__name__}: {first}".rstrip(": "), seconds=time.perf_counter() - started)
    return Done(job, value, seconds=time.perf_counter() - started, peak_rss_mb=peak_rss_mb())


class _JobTimeout(BaseException):
    """Raised in the job by its timer: a BaseException, so the pipeline's per-stage ``except
    Exception`` (errors as values) does not take it for the stage's error."""


def run_in_process(job: Job) -> Done:
    """``run_here`` with the job's timeout kept by a timer signal (SIGALRM; the main thread
    only, where Python delivers it): what a lone crash-safe job costs without a worker process.
    Where the signal is missing, or off the main thread, the caller starts a worker instead."""
    started = time.perf_counter()
    if job.timeout_s <= 0:
        return run_here(job)

    def expire(signum, frame):
        raise _JobTimeout

    previous = signal.signal(signal.SIGALRM, expire)
    try:
        signal.setitimer(signal.ITIMER_REAL, job.timeout_s)
        try:
            return run_here(job)
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
    except _JobTimeout:
        return Done(job, failure=timeout_message(job.timeout_s), seconds=time.perf_counter() - started)
    finally:
        signal.signal(signal.SIGALRM, previous)


def can_run_in_process() -> bool:
    """The timer signal is ours to use: it exists, this is the main thread, and no one else (a
    test runner's watchdog, the program embedding us) has a timer or a handler on it."""
    return (
        hasattr(signal, "SIGALRM")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) == signal.SIG_DFL
        and signal.getitimer(signal.ITIMER_REAL)[0] == 0
    )


def death_message(exitcode: int | None) -> str:
    if exitcode is not None and exitcode < 0:
        try:
            name = signal.Signals(-exitcode).name
        except ValueError:
            name = f"signal {-exitcode}"
        return f"the conversion crashed ({name}); the rest of the batch went on"
    return f"the conversion stopped its process (exit code {exitcode}); the rest of the batch went on"


def timeout_message(timeout_s: float) -> str:
    return f"the conversion took longer than {timeout_s:g} s (--timeout) and was stopped"


# --- the process pool -------------------------------------------------------------------------


def _worker_main(conn, parent_pid: int, inherited: list) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    die_with_parent(parent_pid)
    # Pipe ends forked from the parent (this worker's own other end, the other workers'): held
    # open here they would keep the parent's side from ever seeing this worker's end-of-file.
    for other in inherited:
        other.close()
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        conn.send(run_here(job))


@dataclass
class _Worker:
    process: multiprocessing.process.BaseProcess
    conn: Connection
    job: Job | None = None
    started: float = 0.0


def _mp_context():
    import multiprocessing

    # fork: workers inherit the loaded modules (and a test's monkeypatches); spawn elsewhere.
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else "spawn")


class ProcessPool:
    """Jobs on ``workers`` processes of our own, one job at a time each."""

    def __init__(self, settings: ExecutorSettings = ExecutorSettings()) -> None:
        self.settings = settings
        self.workers = settings.workers or os.cpu_count() or 1

    def _start(self, ctx, others: Sequence[_Worker] = ()) -> _Worker:
        parent_conn, child_conn = ctx.Pipe(duplex=True)
        # Only a forked child inherits the parent's pipe ends (spawn passes just the arguments).
        inherited = [parent_conn] + [w.conn for w in others] if ctx.get_start_method() == "fork" else []
        process = ctx.Process(target=_worker_main, args=(child_conn, os.getpid(), inherited), daemon=True)
        process.start()
        child_conn.close()
        return _Worker(process, parent_conn)

    def _stop(self, worker: _Worker) -> None:
        try:
            worker.conn.send(None)
        except (OSError, ValueError):
            pass
        worker.process.join(self.settings.grace_s)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    @staticmethod
    def _kill(worker: _Worker) -> None:
        worker.process.kill()
        worker.process.join()
        worker.conn.close()

    def run(self, jobs: Iterable[Job], on_done: OnDone) -> None:
        # Jobs are planned as workers free up (planning a file may open it: a long folder starts
        # converting at once); follow-up jobs go ahead of the rest.
        planned = iter(jobs)
        queue: deque[Job] = deque()
        # A batch of one crash-safe job (a one-line text file) runs here: starting a worker for
        # it would cost more than the conversion. Its timeout and error records are the same.
        first = next(planned, None)
        second = next(planned, None) if first is not None else None
        if first is not None and second is None and first.crash_safe and can_run_in_process():
            queue.extend(on_done(run_in_process(first)))  # a follow-up job goes to a worker
        else:
            planned = itertools.chain([j for j in (first, second) if j is not None], planned)

        def take() -> Job | None:
            return queue.popleft() if queue else next(planned, None)

        contexts: list = []  # multiprocessing's, made when the first worker starts (not for a job run here)
        workers: list[_Worker] = []
        interrupted = False

        def start(others: Sequence[_Worker]) -> _Worker:
            if not contexts:
                contexts.append(_mp_context())
            return self._start(contexts[0], others)

        def replace(i: int) -> None:
            self._kill(workers[i])
            workers[i] = start([w for w in workers if w is not workers[i]])

        try:
            while True:
                while len(workers) < self.workers and (job := take()) is not None:
                    queue.appendleft(job)
                    workers.append(start(workers))
                for i, worker in enumerate(workers):
                    if worker.job is None and (job := take()) is not None:
                        worker.job, worker.started = job, time.monotonic()
                        try:
                            worker.conn.send(job)
                        except (OSError, ValueError):  # died between jobs: replace, and retry the job
                            queue.appendleft(job)
                            worker.job = None
                            replace(i)
                busy = [w for w in workers if w.job is not None]
                if not busy:
                    return
                deadlines = [w.started + w.job.timeout_s for w in busy if w.job is not None and w.job.timeout_s > 0]
                timeout = max(0.0, min(deadlines) - time.monotonic()) if deadlines else None
                from multiprocessing.connection import wait

                waited: list[Connection | int] = [w.conn for w in busy]
                ready = set(wait(waited + [w.process.sentinel for w in busy], timeout))
                now = time.monotonic()
                for worker in busy:
                    i, job = workers.index(worker), worker.job
                    assert job is not None  # busy: it has a job
                    if worker.conn in ready:
                        try:
                            done = worker.conn.recv()
                        except (EOFError, OSError):
                            pass  # died: handled below as a crash
                        else:
                            worker.job = None
                            queue.extendleft(reversed(list(on_done(done))))
                            continue
                    if worker.conn in ready or worker.process.sentinel in ready:
                        worker.process.join()
                        message = death_message(worker.process.exitcode)
                    elif job.timeout_s > 0 and now - worker.started >= job.timeout_s:
                        message = timeout_message(job.timeout_s)
                    else:
                        continue
                    replace(i)
                    queue.extendleft(reversed(list(on_done(Done(job, failure=message, seconds=now - worker.started)))))
        except KeyboardInterrupt:
            interrupted = True
            _collect_sent(workers, on_done, INTERRUPT_GRACE_S)
            raise
        finally:
            for worker in workers:
                if interrupted:  # no conversion is waited for
                    self._kill(worker)
                else:
                    self._stop(worker)


# A result a worker has sent, or is sending, when Ctrl-C comes: its file is written, so it belongs
# in the summary and the tables. Conversions still running are not waited for.
INTERRUPT_GRACE_S = 0.5


def _collect_sent(workers: Sequence[_Worker], on_done, grace_s: float) -> None:
    """Hand ``on_done`` the results busy workers sent before (or within ``grace_s`` of) the
    interrupt; their follow-up jobs are not run."""
    from multiprocessing.connection import wait

    deadline = time.monotonic() + grace_s
    pending = {w.conn: w for w in workers if w.job is not None}
    while pending:
        ready = wait(list(pending), max(0.0, deadline - time.monotonic()))
        if not ready:
            return
        for conn in ready:
            worker = pending.pop(conn)  # type: ignore[call-overload]  # wait() returns the connections it was given
            try:
                done = worker.conn.recv()
            except (EOFError, OSError):
                continue
            worker.job = None
            for _ in on_done(done):
                pass  # a follow-up (a page range's join) is not started after Ctrl-C


# --- Dask -------------------------------------------------------------------------------------


def run_forked(job: Job) -> Done:
    """Run ``job`` in a forked child of this process, with its timeout: a crash or a hang costs
    the child, never the (Dask) worker running this. The child's ``Done`` comes back pickled."""
    import pickle  # (only this executor sends a result through a pipe: a one-file run never does)

    read_fd, write_fd = os.pipe()
    parent = os.getpid()
    started = time.monotonic()
    pid = os.fork()
    if pid == 0:  # the child: run, send, leave without running the parent's cleanup
        code = 0
        try:
            os.close(read_fd)
            signal.signal(signal.SIGINT, signal.SIG_IGN)
            die_with_parent(parent)
            payload = pickle.dumps(run_here(job), protocol=pickle.HIGHEST_PROTOCOL)
            with os.fdopen(write_fd, "wb") as out:
                out.write(payload)
        except BaseException:  # noqa: BLE001  nothing may escape a forked child
            code = 1
        finally:
            os._exit(code)
    os.close(write_fd)
    chunks: list[bytes] = []
    timed_out = False
    with os.fdopen(read_fd, "rb", buffering=0) as pipe:
        while True:
            left = None if job.timeout_s <= 0 else started + job.timeout_s - time.monotonic()
            if left is not None and left <= 0:
                timed_out = True
                break
            ready, _, _ = select.select([pipe], [], [], left)
            if not ready:
                continue
            chunk = pipe.read(1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    if timed_out:
        os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    seconds = time.monotonic() - started
    if timed_out:
        return Done(job, failure=timeout_message(job.timeout_s), seconds=seconds)
    try:
        return pickle.loads(b"".join(chunks))
    except Exception:  # noqa: BLE001  nothing (or half) sent: the child died
        code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
        return Done(job, failure=death_message(code), seconds=seconds)


def _warm() -> bool:
    """Load the pipeline into a Dask worker once, so each forked child starts with it loaded."""
    import cchc_extract.pipeline  # noqa: F401

    return True


class DaskExecutor:
    """The jobs as tasks of a ``dask.distributed`` cluster. The inputs and the output folder must
    be at the same paths on every worker (one machine, or a shared file system)."""

    def __init__(self, settings: ExecutorSettings = ExecutorSettings()) -> None:
        self.settings = settings
        self.workers = settings.workers or os.cpu_count() or 1

    def _client(self):
        from dask.distributed import Client, LocalCluster

        if self.settings.scheduler:
            wait_s = self.settings.connect_timeout_s
            try:
                client = Client(self.settings.scheduler, timeout=f"{wait_s}s")
                client.wait_for_workers(1, timeout=wait_s)
            except (OSError, TimeoutError) as exc:
                raise ExecutorError(f"no Dask scheduler with workers at {self.settings.scheduler}: {exc}") from None
            info = client.scheduler_info(n_workers=-1)["workers"].values()
            self.workers = max(1, sum(w.get("nthreads", 1) for w in info))
            return client, None
        cluster = LocalCluster(
            n_workers=self.workers,
            threads_per_worker=1,  # a conversion is CPU-bound Python: one at a time per process
            processes=True,
            dashboard_address=None,
            memory_limit=self.settings.dask_memory_limit,
            host="127.0.0.1",
        )
        return Client(cluster), cluster

    def run(self, jobs: Iterable[Job], on_done: OnDone) -> None:
        from dask.distributed import as_completed

        planned = iter(jobs)
        first = next(planned, None)
        if first is None:
            return
        client, cluster = self._client()
        try:
            client.run(_warm)
            by_key: dict[str, Job] = {}

            def submit(job: Job):
                # A key of our own per submission: the same job run twice (a forced re-run) runs twice.
                key = f"cchc-{job.key}-{os.urandom(4).hex()}"
                by_key[key] = job
                return client.submit(run_forked, job, key=key, pure=False)

            # A few jobs per worker in flight, planned as others finish: a folder of 20,000 files
            # starts at once and the scheduler holds a bounded queue.
            futures = as_completed([submit(first)])
            for job in itertools.islice(planned, max(1, self.settings.in_flight * self.workers - 1)):
                futures.add(submit(job))
            for future in futures:
                job = by_key.pop(str(future.key))
                try:
                    done = future.result()
                except Exception as exc:  # noqa: BLE001  the Dask worker itself was lost
                    done = Done(job, failure=f"the Dask worker running it was lost ({type(exc).__name__})")
                for follow in on_done(done):
                    futures.add(submit(follow))
                following = next(planned, None)
                if following is not None:
                    futures.add(submit(following))
        finally:
            client.close()
            if cluster is not None:
                cluster.close()


def make_executor(kind: str, settings: ExecutorSettings) -> Executor:
    if kind == "dask":
        return DaskExecutor(settings)
    if kind == "pool":
        return ProcessPool(settings)
    raise ValueError(f"unknown executor {kind!r} (pool, dask)")
