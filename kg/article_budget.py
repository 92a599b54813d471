"""A time budget per article: a text that would keep the NLP pipeline busy for hours stops the run.

Some texts cost far more than their length suggests (thousands of names in one article: a
few components compare them pairwise), and neither spaCy nor jieba can be asked to give
up half-way. So each article's NLP and extraction run under an alarm:

    the main thread of a process   (`--workers 1`, and each `--workers N` process)
                                   SIGALRM through `setitimer`: the handler raises in the
                                   running Python code
    any other thread               (a Dask worker's task thread) a timer thread raises the same
                                   error in it asynchronously (`PyThreadState_SetAsyncExc`)

Either way the error surfaces within moments of the budget in pure-Python code, and once a
long C call (an ONNX batch, bounded by the LAC tagger's clause windows) returns otherwise.
Python drops an exception raised while it runs a finaliser (`__del__`, a weakref or GC
callback: "Exception ignored in ..."), so an alarm can land where it is lost: the alarm
repeats every half second until the block ends, and a block that ends past its budget
raises on the way out all the same, so no article over its budget is ever written.
The budget is `KG_ARTICLE_SECONDS` (or `kg ingest --article-timeout`), default 120 s;
0 turns it off. Nothing has been written when it fires: `kg.ingest` extracts the whole
batch before its first write.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import threading
import time
from typing import Callable, Iterator

from kg.errors import ArticleTimeoutError, ExtractionError, KgError

DEFAULT_SECONDS = 120.0
REPEAT = 0.5   # seconds between alarms once the budget is spent (one may be dropped)
ENV = "KG_ARTICLE_SECONDS"


def article_seconds() -> float:
    """The budget in seconds from the environment (0: none); a bad value is a one-line error."""
    raw = os.environ.get(ENV, "").strip()
    if not raw:
        return DEFAULT_SECONDS
    try:
        value = float(raw)
    except ValueError:
        raise KgError(f"{ENV}={raw!r} is not a number of seconds; give e.g. {ENV}=120, or 0 for no limit") from None
    if value < 0 or value != value:
        raise KgError(f"{ENV}={raw!r}: give 0 (no limit) or more seconds")
    return value


@contextlib.contextmanager
def article_budget(key: Callable[[], str], seconds: float) -> Iterator[None]:
    """Raise ArticleTimeoutError naming key() if the block runs longer than seconds (0: no limit)."""
    if seconds <= 0:
        yield
        return
    started = time.monotonic()
    if threading.current_thread() is threading.main_thread():
        with _alarm(key, seconds):
            yield
    else:
        with _async_timer(key, seconds):
            yield
    if time.monotonic() - started > seconds:   # every alarm landed in a finaliser and was dropped
        raise ArticleTimeoutError(key(), seconds)


@contextlib.contextmanager
def _alarm(key: Callable[[], str], seconds: float) -> Iterator[None]:
    def expired(signum, frame):
        raise ArticleTimeoutError(key(), seconds)

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds, REPEAT)
    try:
        yield
    finally:
        while True:   # a repeated alarm may land here too: disarm until it holds
            try:
                signal.setitimer(signal.ITIMER_REAL, 0)
                signal.signal(signal.SIGALRM, previous)
                break
            except ArticleTimeoutError:
                continue


@contextlib.contextmanager
def _async_timer(key: Callable[[], str], seconds: float) -> Iterator[None]:
    target = threading.get_ident()
    state = {"fired": ""}
    lock = threading.Lock()
    done = threading.Event()

    def expire_until_done() -> None:
        wait = seconds
        while not done.wait(wait):
            with lock:
                if done.is_set():
                    return
                state["fired"] = key()
                ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), ctypes.py_object(_Expired))
            wait = REPEAT

    timer = threading.Thread(target=expire_until_done, daemon=True)
    timer.start()
    try:
        try:
            yield
        finally:
            while True:   # a repeated _Expired may land here too: disarm until it holds
                try:
                    with lock:
                        done.set()
                        if state["fired"]:   # set but perhaps not yet raised: clear it before it lands elsewhere
                            ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(target), None)
                    break
                except _Expired:
                    continue
    except _Expired:
        raise ArticleTimeoutError(state["fired"] or key(), seconds) from None


class _Expired(BaseException):
    """Raised asynchronously in a thread whose article ran out of time (turned into ArticleTimeoutError)."""


@contextlib.contextmanager
def named_failures(key: Callable[[], str]) -> Iterator[None]:
    """An unexpected error while extracting an article becomes one line naming the article.

    KG_DEBUG=1 lets the original error through, with its traceback.
    """
    try:
        yield
    except KgError:
        raise
    except Exception as e:  # noqa: BLE001 - a bug in a rule: name the article that shows it
        if os.environ.get("KG_DEBUG"):
            raise
        cause = " ".join(f"{type(e).__name__}: {e}".split())[:300]
        raise ExtractionError(key(), cause) from None
