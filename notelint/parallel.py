"""Running files in parallel, and the per-file time limit.

Many files are checked by a pool of forked worker processes: shared data (the
AWS catalog, the spell checker) is loaded once in the parent before the fork
and inherited, not copied or re-read.  One file, or a few, are checked in this
process, where starting workers would cost more than it saves.

Every file gets a time budget, enforced in code with a timer signal: a rule
that is too slow on some text (a pathological token, say) makes that file be
reported as skipped instead of hanging the commit.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from contextlib import contextmanager
from typing import Callable, Iterator, Sequence, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

# Below this many files, serial is faster than starting workers.
PARALLEL_MIN_FILES = 24
MAX_JOBS = 8


class FileTimeout(Exception):
    """One file took longer than its time budget."""


def _on_alarm(signum, frame):
    raise FileTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in this block after ``seconds`` (main thread, POSIX only)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or seconds <= 0:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@contextmanager
def time_limit_paused() -> Iterator[None]:
    """Stop the clock of a running ``time_limit`` for this block: loading
    shared data once (the catalog, word lists) is not a rule being slow on a
    file, and a file that happens to be checked first must not pay for it."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    remaining, _interval = signal.setitimer(signal.ITIMER_REAL, 0)
    try:
        yield
    finally:
        if remaining > 0:
            signal.setitimer(signal.ITIMER_REAL, remaining)


def job_count(requested: int, items: int) -> int:
    """Workers to use: ``requested`` (0 = automatic: one per core, up to MAX_JOBS)."""
    if requested == 1 or items < PARALLEL_MIN_FILES or sys.platform == "win32":
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return max(1, min(requested or min(cores, MAX_JOBS), items))


_WORK: Callable | None = None  # the function workers run, inherited through fork


def _quiet_on_interrupt() -> None:
    """In a worker: Ctrl-C reaches the whole process group, but only the parent
    answers it (one line, "interrupted"); workers ignore it and are terminated."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _run_one(item):
    assert _WORK is not None
    return _WORK(item)


def map_files(work: Callable[[Item], Result], items: Sequence[Item], jobs: int = 0,
              before_fork: Callable[[], None] | None = None) -> list[Result]:
    """``[work(item) for item in items]``, in worker processes when that pays off.

    ``before_fork`` loads what the workers should inherit instead of each
    loading it again; in this process, data is loaded when first needed (and
    not at all when every file comes from the result cache).
    """
    global _WORK
    count = job_count(jobs, len(items))
    if count == 1:
        return [work(item) for item in items]
    import multiprocessing  # only for workers: its import (sockets, selectors, threads) is ~4 ms of a one-note run

    if "fork" not in multiprocessing.get_all_start_methods():
        return [work(item) for item in items]
    if before_fork is not None:
        before_fork()
    # the shared data is never garbage: keep the collector off it, in the
    # workers too, where touching it would copy its pages
    gc.freeze()
    _WORK = work
    # Ctrl-C between a fork and the worker's initializer would still reach a
    # worker with Python's handler: hold SIGINT back until the workers ignore it
    blocked = hasattr(signal, "pthread_sigmask")
    if blocked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        with multiprocessing.get_context("fork").Pool(count, initializer=_quiet_on_interrupt) as pool:
            if blocked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
                blocked = False
            # small chunks keep both workers busy when file sizes differ a lot
            chunk = max(1, min(16, len(items) // (count * 8)))
            return pool.map(_run_one, items, chunksize=chunk)
    finally:
        if blocked:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        _WORK = None
        gc.unfreeze()
