"""Readers run in a persistent worker process, under a time and memory budget per file.

A parser stuck on a hostile file (a page nested 200,000 levels deep, a PDF that
loops, a zip member that inflates without end) must not hang the batch or take
the machine's memory. So ``read_bytes`` runs in a separate process that lives
for many files (started once: no fork per file) and is replaced when a file
overruns its budget:

- time: the parent waits ``seconds`` for the answer, then kills the worker and
  refuses the file with the reason; the next file gets a fresh worker;
- memory (Linux): the worker caps its own address space with
  ``resource.setrlimit(RLIMIT_AS)`` at what it uses after start-up plus
  ``memory_mb``, so a runaway allocation raises MemoryError inside the worker,
  which answers "needs more memory" and is then replaced.

The parent sends the file's name, OCR settings and the import's ``Work`` (the door's
analysis function, by name, and a case snapshot once per version) and its bytes, and gets
back the ``ReadResult`` with its facts (``casefile.importing.derive``: search terms and the
analysis, worked out here so the writer only inserts) or the one-sentence ``ReadError``. While OCR reads a scan the
worker sends ``("progress", pages_done, pages_total)`` as OCR starts (0 done)
and after each page; the parent passes each page done on, starts the time
limit afresh at each message (so for a scan the limit is per page, and at least
the page's own OCR limit) and, when asked to cancel between its short polls, stops
the worker (``ReadCancelled``). Tesseract runs as the worker's child process and
inherits its memory cap. One
``ReaderProcess`` reads one file at a time; an import runs ``worker_count()`` of them
(``shared_readers`` keeps them per budget, between imports).

Written on ``multiprocessing`` rather than a pool library: pebble's ProcessPool
breaks for good when a worker dies while receiving its task, which is exactly
what a memory cap can cause.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection

from casefile.importing.derive import SourceFacts, Work
from casefile.importing.readers.base import ReadCancelled, ReadError, ReadResult
from casefile.importing.readers.ocr_options import OcrOptions, page_progress

_START_TIMEOUT = 120.0  # seconds for a new worker to import the readers
_POLL = 0.1  # seconds between the parent's looks at cancel while a file is read
_PAGE_RENDER_SECONDS = 30.0  # on top of a page's OCR limit, to render the next page

PageProgress = Callable[[int, int], None]  # (pages done, pages total) of the file read


@dataclass(frozen=True)
class ReadBudget:
    """What reading one file may take."""

    seconds: float = 120.0
    memory_mb: int = 2048

    def too_slow(self) -> str:
        return (
            f"reading the file took longer than {self.seconds:g} s, "
            "the time limit per file (the file may be built to hang a parser)"
        )

    def too_big(self) -> str:
        return (
            f"reading the file needs more than {self.memory_mb:,} MB of memory, the limit per file"
        )


DEFAULT_BUDGET = ReadBudget()


def _cap_memory(memory_mb: int) -> None:
    """Cap this process's address space at its current size plus ``memory_mb``."""
    if not sys.platform.startswith("linux"):
        return  # RLIMIT_AS is not enforced on macOS and does not exist on Windows
    import resource

    with open("/proc/self/statm") as statm:
        in_use = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
    limit = in_use + memory_mb * 1024 * 1024
    _, hard = resource.getrlimit(resource.RLIMIT_AS)
    if hard != resource.RLIM_INFINITY:
        limit = min(limit, hard)
    resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


def _serve(conn: Connection, memory_mb: int) -> None:
    """The worker's loop: (name, OCR options, ``Work`` or None) and bytes in,
    ("progress", done, total) messages, ("analysing", None, None) once read when there is
    work, then ("ok", (result, facts)) or (kind, message) out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl+C is the parent's to handle
    # Every parser is imported now, before the cap and outside any file's time.
    from casefile.importing.derive import derive
    from casefile.importing.readers.dispatch import read_bytes

    _cap_memory(memory_mb)
    page_progress.set(lambda done, total: conn.send(("progress", done, total)))
    conn.send(("ready", None))
    context: tuple[int, object] = (-1, None)  # the case snapshot last sent, by version
    while True:
        try:
            name, ocr, work = conn.recv()
            data = conn.recv_bytes()
        except (EOFError, ConnectionResetError):  # reset: it left with our "ready" unread
            return  # the parent is gone
        except MemoryError:
            conn.send(("memory", None))
            return  # the rest of the message is still in the pipe: start afresh
        if work is not None:
            if work.context is not None:
                context = (work.version, work.context)
            elif context[0] == work.version:
                work.context = context[1]
        try:
            result = read_bytes(data, name, ocr)
            facts = None
            if work is not None:
                conn.send(("analysing", None, None))
                facts = derive(result, name, work)
            reply: tuple[str, object] = ("ok", (result, facts))
        except ReadError as error:
            reply = ("error", str(error))
        except MemoryError:
            reply = ("memory", None)
        except Exception as error:  # noqa: BLE001 - a parser bug on one odd file must not stop a batch
            reply = ("error", f"the file could not be read ({type(error).__name__}: {error})")
        del data
        try:
            conn.send(reply)
        except MemoryError:  # the result itself is too big to send
            reply = ("memory", None)
            conn.send(reply)
        except (BrokenPipeError, ConnectionResetError):
            return  # the parent is gone (it stopped the import, or ended)
        if reply[0] == "memory":
            return


class ReaderProcess:
    """One persistent worker process that reads files under ``budget``.

    ``read`` is thread-safe (one file at a time); the worker starts on first use
    (or ``start()``), is replaced after an overrun, and is stopped by ``close()``
    or when the program ends.
    """

    def __init__(self, budget: ReadBudget = DEFAULT_BUDGET, preload: str | None = None) -> None:
        self.budget = budget
        self.preload = preload  # a module the worker should have imported (NewSourceStep)
        self._lock = threading.Lock()
        self._process: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None
        self._ready = False
        self._context_version = -1  # the snapshot this worker holds (casefile.importing.derive)
        self.busy_with: str | None = None  # the name of the file being read, while it is

    @property
    def pid(self) -> int | None:
        """The worker's process id, while it runs."""
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def start(self) -> None:
        """Start the worker now, so its start-up overlaps the caller's own work."""
        with self._lock:
            if self._process is None:
                self._spawn()

    def _spawn(self) -> None:
        context = _start_context(self.preload)
        parent_end, child_end = context.Pipe(duplex=True)
        process = context.Process(
            target=_serve,
            args=(child_end, self.budget.memory_mb),
            name="casefile-reader",
            daemon=True,
        )
        process.start()
        child_end.close()
        self._process, self._conn, self._ready = process, parent_end, False
        self._context_version = -1

    def _connection(self) -> Connection:
        if self._process is None or not self._process.is_alive():
            self._stop()
            self._spawn()
        assert self._conn is not None
        if not self._ready:
            if not self._conn.poll(_START_TIMEOUT):
                self._stop()
                raise ReadError("the reader process did not start")
            try:
                self._conn.recv()
            except (EOFError, OSError):
                self._stop()
                raise ReadError("the reader process could not start") from None
            self._ready = True
        return self._conn

    def read(
        self,
        data: bytes,
        name: str,
        ocr: OcrOptions | None = None,
        *,
        progress: PageProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
    ) -> ReadResult:
        """``read_bytes(data, name, ocr)`` in the worker; ReadError with the reason if
        it fails or overruns the budget. ``progress`` is told each OCR page done;
        ``cancelled()`` is asked every few tenths of a second: when true the worker
        is stopped and ReadCancelled raised."""
        return self.read_and_derive(data, name, ocr, progress=progress, cancelled=cancelled)[0]

    def read_and_derive(
        self,
        data: bytes,
        name: str,
        ocr: OcrOptions | None = None,
        *,
        progress: PageProgress | None = None,
        cancelled: Callable[[], bool] | None = None,
        work: Work | None = None,
    ) -> tuple[ReadResult, list[SourceFacts] | None]:
        """As ``read``; with ``work``, also the facts of the result and of the children it
        carries (``casefile.importing.derive``), worked out in the worker. Analysing gets
        the time limit afresh once the file is read."""
        with self._lock:
            self.busy_with = name
            try:
                return self._exchange(data, name, ocr, progress, cancelled, work)
            except ReadError:
                raise
            except BaseException:
                # Interrupted half-way (Ctrl+C...): the worker's answer would
                # reach the next file, so this worker goes.
                self._stop()
                raise
            finally:
                self.busy_with = None

    def _exchange(
        self,
        data: bytes,
        name: str,
        ocr: OcrOptions | None,
        progress: PageProgress | None,
        cancelled: Callable[[], bool] | None,
        work: Work | None,
    ) -> tuple[ReadResult, list[SourceFacts] | None]:
        conn = self._connection()
        if work is not None and work.analyse is not None:
            # The case snapshot goes to each worker once per version, not with every file.
            sent = work.version == self._context_version
            work = Work(work.analyse, work.version, None if sent else work.context)
            self._context_version = work.version
        try:
            conn.send((name, ocr, work))
            conn.send_bytes(data)
        except OSError:  # the worker died taking the file in
            return self._answer(self._reply_of_dead_worker())
        deadline = time.monotonic() + self.budget.seconds
        pages = ""
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self._stop()
                raise ReadError(self.budget.too_slow())
            if cancelled is not None and cancelled():
                self._stop()
                raise ReadCancelled(f"import cancelled while reading the file{pages}")
            if not conn.poll(min(left, _POLL)):
                continue
            try:
                reply = conn.recv()
            except (EOFError, OSError):
                return self._answer(self._reply_of_dead_worker())
            if reply[0] == "analysing":
                deadline = time.monotonic() + self.budget.seconds
                continue
            if reply[0] != "progress":
                return self._answer(reply)
            _, done, total = reply
            pages = f" (OCR had read {done} of {total} pages)"
            deadline = time.monotonic() + _ocr_page_limit(self.budget, ocr)
            if progress is not None and done:  # "0 done" only starts the page limit
                progress(done, total)

    def interrupt(self) -> None:
        """Kill the worker now, even mid-file (that read fails); without waiting
        for the lock, so a caller can stop a read another thread is waiting on."""
        process = self._process
        if process is not None and process.is_alive():
            process.kill()

    def _reply_of_dead_worker(self) -> tuple[str, object]:
        conn = self._conn
        try:  # it may have said why before it went (after any page progress)
            while conn is not None and conn.poll(0):
                reply = conn.recv()
                if reply[0] not in ("progress", "analysing"):
                    return reply
        except (EOFError, OSError):
            pass
        process = self._process
        if process is not None:
            process.join(1)
        return ("died", process.exitcode if process is not None else None)

    def _answer(self, reply: tuple[str, object]
                ) -> tuple[ReadResult, list[SourceFacts] | None]:
        kind, value = reply
        if kind == "ok":
            assert isinstance(value, tuple) and isinstance(value[0], ReadResult)
            return value
        if kind == "error":
            raise ReadError(str(value))
        self._stop()  # after a memory overrun or a crash, a fresh worker for the next file
        if kind == "memory":
            raise ReadError(self.budget.too_big())
        raise ReadError(f"the reader stopped while reading the file ({_exit_reason(value)})")

    def _stop(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = None
        self._ready = False
        if conn is not None:
            conn.close()
        if process is not None:
            if process.is_alive():
                process.kill()
            process.join(5)

    def close(self) -> None:
        with self._lock:
            self._stop()


def _ocr_page_limit(budget: ReadBudget, ocr: OcrOptions | None) -> float:
    """Seconds allowed between OCR's page messages: the file's limit, or more when one
    page may take longer by its own OCR limit (plus the time to render it)."""
    return max(budget.seconds, (ocr or OcrOptions()).page_seconds + _PAGE_RENDER_SECONDS)


def _exit_reason(code: object) -> str:
    if isinstance(code, int) and code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


_READER_MODULES = ["casefile.importing.derive", "casefile.importing.readers.dispatch"]
_forkserver_preload: list[str] | None = None  # what the fork server was started with
_context_lock = threading.Lock()


def _start_context(preload: str | None) -> multiprocessing.context.BaseContext:
    """How workers start: where there is a fork server (Linux, macOS) it imports the readers
    and ``preload`` once, then forks each worker from itself, so workers start at once and
    share those modules and models (copy-on-write) rather than load a copy each; spawn
    elsewhere. Never a plain fork of this process: it may run Qt and database threads.

    The fork server starts with the first worker; a ``preload`` asked for later is imported
    by each worker itself."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    global _forkserver_preload
    context = multiprocessing.get_context("forkserver")
    with _context_lock:
        if _forkserver_preload is None:
            _forkserver_preload = [*_READER_MODULES, *([preload] if preload else [])]
            context.set_forkserver_preload(_forkserver_preload)
    return context


_shared: dict[tuple[ReadBudget, str | None], list[ReaderProcess]] = {}
_shared_lock = threading.Lock()


def worker_count() -> int:
    """Reader workers an import runs: one per core, at least one, at most two (the
    writer needs its share of a small machine, and each worker holds the extraction models)."""
    return max(1, min(2, os.cpu_count() or 1))


def shared_readers(budget: ReadBudget = DEFAULT_BUDGET, count: int = 1,
                   preload: str | None = None) -> list[ReaderProcess]:
    """``count`` process-wide workers for ``budget`` (and ``preload``), kept between imports
    so a window or a test run starts them once."""
    with _shared_lock:
        readers = _shared.setdefault((budget, preload), [])
        while len(readers) < count:
            readers.append(ReaderProcess(budget, preload))
        return readers[:count]


def shared_reader(budget: ReadBudget = DEFAULT_BUDGET) -> ReaderProcess:
    """The first process-wide worker for ``budget``."""
    return shared_readers(budget, 1)[0]


@atexit.register
def _close_shared() -> None:
    for readers in list(_shared.values()):
        for reader in readers:
            reader.close()
