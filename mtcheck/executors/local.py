"""Pairs checked on this machine: in this process (``--jobs 1``) or in worker processes.

Why not ``concurrent.futures.ProcessPoolExecutor``: when one of its workers dies (killed, out
of memory, a crash in a C extension) it fails every pending pair with ``BrokenProcessPool``
and cannot say which pair the dead worker held; ``multiprocessing.Pool`` waits forever for
that pair instead. This pool hands each worker one pair at a time through its own pipe, so a
death costs exactly the pair that worker held: that pair is reported as failed, a new worker
takes over, and every other pair is still checked.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from mtcheck.errors import MtcheckError
from mtcheck.executors.work import (
    PairResult,
    PairTask,
    Worker,
    WorkerSettings,
    check_in_worker,
    failed,
    start_worker,
)

OnResult = Callable[[PairResult], None]


def run_inline(
    tasks: Sequence[PairTask],
    settings: WorkerSettings,
    on_result: OnResult,
    on_step: Callable[[str], None] | None = None,
    on_start: Callable[[PairTask], None] = lambda _task: None,
) -> None:
    """``--jobs 1``: every pair in this process, one after the other; ``on_start`` hears of
    each pair, ``on_step`` of each stage."""
    worker = Worker(settings)
    for task in tasks:
        on_start(task)
        on_result(worker.check(task, on_step))


def run_processes(
    tasks: Sequence[PairTask],
    settings: WorkerSettings,
    jobs: int,
    on_result: OnResult,
    langs: tuple[str, ...] = (),
) -> None:
    """Pairs in ``jobs`` worker processes; ``on_result`` hears each result as it comes."""
    pool = _Pool(jobs, start_worker, (settings, langs), check_in_worker, _threads_env(jobs))
    pool.run(tasks, on_result)


class _Slot:
    """A worker process, its pipe, and the task it holds (None when idle)."""

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.task: PairTask | None = None


class _Pool:
    def __init__(
        self,
        jobs: int,
        initializer: Callable[..., None],
        initargs: tuple[Any, ...],
        work: Callable[[PairTask], PairResult],
        env: dict[str, str],
    ) -> None:
        # spawn on every platform: a fresh interpreter, not a fork of this one with its
        # threads (a progress bar's) and locks; the same behaviour on Linux, macOS and Windows.
        self._ctx = multiprocessing.get_context("spawn")
        self._jobs = max(1, jobs)
        self._initializer, self._initargs, self._work = initializer, initargs, work
        self._env = env
        self._slots: list[_Slot] = []

    def run(self, tasks: Sequence[PairTask], on_result: OnResult) -> None:
        todo = deque(tasks)
        try:
            while todo or self._busy():
                self._assign(todo)
                busy = [s for s in self._slots if s.task is not None]
                if not busy:
                    continue
                ready = set(wait([s.conn for s in busy] + [s.process.sentinel for s in busy]))
                for slot in busy:
                    if slot.conn in ready or slot.process.sentinel in ready:
                        self._collect(slot, on_result)
        finally:
            self._stop()

    def _assign(self, todo: deque[PairTask]) -> None:
        """Give every idle worker a task, starting workers as long as tasks outnumber them."""
        for slot in [s for s in self._slots if s.task is None and not s.process.is_alive()]:
            self._drop(slot)
        while todo and len(self._slots) < min(self._jobs, len(todo) + self._busy()):
            self._slots.append(self._start())
        for slot in list(self._slots):
            if slot.task is not None or not todo:
                continue
            task = todo.popleft()
            try:
                slot.conn.send(task)
            except OSError:  # it died while idle: the task was never its own
                todo.appendleft(task)
                self._drop(slot)
                continue
            slot.task = task

    def _drop(self, slot: _Slot) -> None:
        slot.process.join(timeout=5)
        slot.conn.close()
        self._slots.remove(slot)

    def _busy(self) -> int:
        return sum(1 for s in self._slots if s.task is not None)

    def _start(self) -> _Slot:
        parent, child = self._ctx.Pipe()
        process = self._ctx.Process(
            target=_serve,
            args=(child, self._initializer, self._initargs, self._work),
            name="mtcheck-worker",
            daemon=True,
        )
        with _holding_sigint(), _environment(self._env):
            process.start()
        child.close()
        return _Slot(process, parent)

    def _collect(self, slot: _Slot, on_result: OnResult) -> None:
        task = slot.task
        assert task is not None
        try:
            kind, payload = slot.conn.recv()
        except (EOFError, OSError):
            # The worker died holding this task: report the task; another worker takes over.
            self._drop(slot)
            on_result(failed(task, f"the worker process checking it died ({_exit_reason(slot.process.exitcode)})"))
            return
        if kind == "init-failed":
            raise MtcheckError(f"a worker process could not start: {payload}")
        slot.task = None
        on_result(payload)

    def _stop(self) -> None:
        """Idle workers are told to finish; busy ones (an error or Ctrl-C stopped the scan)
        are terminated. Either way none outlives the scan."""
        for slot in self._slots:
            if slot.task is None:
                with contextlib.suppress(OSError):
                    slot.conn.send(None)
            else:
                slot.process.terminate()
        for slot in self._slots:
            slot.process.join(timeout=5)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()
        self._slots.clear()


def _serve(
    conn: Connection,
    initializer: Callable[..., None],
    initargs: tuple[Any, ...],
    work: Callable[[PairTask], PairResult],
) -> None:
    """A worker process's loop: one task in, one result out, until told to stop."""
    # Ctrl-C reaches the whole process group; the parent alone decides what to do about it.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # blocked by the parent at start
    try:
        initializer(*initargs)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            conn.send(("init-failed", f"{type(exc).__name__}: {exc}"))
        return
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            break
        if task is None:
            break
        conn.send(("done", work(task)))
    # Done: leave without the interpreter's teardown, which frees the NLP resources object by
    # object (millions of word-frequency entries: 0.6-0.8 s, while the scan waits for its
    # workers). Nothing is lost: results went through the pipe and the translation cache
    # commits every write; multiprocessing ends its forked children the same way.
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(Exception):
            stream.flush()
    os._exit(0)


def _exit_reason(code: int | None) -> str:
    if code is None:
        return "no exit status"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = ", perhaps out of memory" if -code == signal.SIGKILL else ""
        return f"killed by {name}{hint}"
    return f"exit status {code}"


def _threads_env(jobs: int) -> dict[str, str]:
    """Worker processes share the cores: the thread pools of numeric libraries (and of a
    translation model, unless --threads says) get their share, not one thread per core each
    (unless the user chose already)."""
    from mtcheck.scan import cores

    share = str(max(1, cores() // max(1, jobs)))
    env = {name: share for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS") if name not in os.environ}
    if "OPENBLAS_NUM_THREADS" not in os.environ:
        # Spinning BLAS threads cost more than they give on mtcheck's small matrices (see cli.main).
        env["OPENBLAS_NUM_THREADS"] = "1"
    return env


@contextlib.contextmanager
def _holding_sigint() -> Iterator[None]:
    """Ctrl-C held back, not lost, while a worker starts: the worker inherits the blocked
    signal (the mask survives exec), so an interrupt during its start-up prints no traceback of
    its own; this process gets the interrupt as soon as the worker is started, and stops it."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "pthread_sigmask"):
        yield
        return
    # multiprocessing starts its resource tracker with the first process and, once it has,
    # unblocks SIGINT itself: that worker would start exposed. Started first, it is left alone.
    from multiprocessing import resource_tracker

    resource_tracker.ensure_running()
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


@contextlib.contextmanager
def _environment(env: dict[str, str]) -> Iterator[None]:
    """``env`` set for the processes started inside (a spawned child copies os.environ)."""
    saved = {k: os.environ.get(k) for k in env}
    os.environ.update(env)
    try:
        yield
    finally:
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
