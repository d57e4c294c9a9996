"""Everything an import does to a file before writing: its bytes, hash, duplicate check, text,
and what its text gives (search terms, the door's analysis: ``casefile.importing.derive``).

``prepare_file`` needs no write transaction, so it can run ahead: ``ReadAhead``
prepares the next files on helper threads, one per reader worker (the parsing and the
analysis happen in the worker processes), while the writer stores the current one: the
cores share the work. A file already in the case is never parsed again, so re-running an
import over finished files stays fast.
"""

from __future__ import annotations

import hashlib
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, bindparam, select
from sqlalchemy.exc import SQLAlchemyError

from casefile.db import models as m
from casefile.db.case import Case
from casefile.importing.derive import SourceFacts, Work
from casefile.importing.files import read_regular_file
from casefile.importing.reader_process import PageProgress, ReaderProcess
from casefile.importing.readers import OcrOptions, ReadCancelled, ReadError, ReadResult


@dataclass
class Prepared:
    data: bytes | None = None
    digest: str | None = None
    duplicate_of: int | None = None  # already in the case: not parsed
    result: ReadResult | None = None
    facts: list[SourceFacts] | None = None  # of result and the children it carries (derive.walk)
    error: str | None = None  # the file could not be read (opened or parsed)
    cancelled: bool = False  # the import was cancelled while it was read: nothing to store


@dataclass(frozen=True)
class ReadSettings:
    """How an import reads its files besides the budget: OCR, page progress, cancel."""

    ocr: OcrOptions | None = None
    progress: PageProgress | None = None
    cancelled: Callable[[], bool] | None = None

    def read(self, reader: ReaderProcess, data: bytes, name: str,
             work: Work | None = None) -> tuple[ReadResult, list[SourceFacts] | None]:
        return reader.read_and_derive(data, name, self.ocr, progress=self.progress,
                                      cancelled=self.cancelled, work=work)  # fmt: skip


DEFAULT_READ = ReadSettings()


# The source with given bytes: the duplicate check here and in the writer.
SOURCE_WITH_HASH = select(m.Source.id).where(m.Source.sha256 == bindparam("digest"))


def existing_source(case: Case, digest: str, conn: Connection | None = None) -> int | None:
    """The source with these bytes, read through ``conn`` when given (then left with no
    transaction open, so the next read sees what was committed since)."""
    if conn is None:
        with case.read_connection() as conn:
            return conn.scalar(SOURCE_WITH_HASH, {"digest": digest})
    try:
        return conn.scalar(SOURCE_WITH_HASH, {"digest": digest})
    finally:
        conn.rollback()


def prepare_file(
    case: Case,
    path: Path,
    size_limit: int,
    reader: ReaderProcess,
    settings: ReadSettings = DEFAULT_READ,
    work: Work | None = None,
    conn: Connection | None = None,
) -> Prepared:
    try:
        data = read_regular_file(path, size_limit)
    except ReadError as error:
        return Prepared(error=str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        existing = existing_source(case, digest, conn)
    except SQLAlchemyError:
        existing = None  # the write transaction checks again and reports
    if existing is not None:
        return Prepared(data, digest, duplicate_of=existing)
    try:
        result, facts = settings.read(reader, data, path.name, work)
        return Prepared(data, digest, result=result, facts=facts)
    except ReadCancelled as error:
        return Prepared(data, digest, error=str(error), cancelled=True)
    except ReadError as error:
        return Prepared(data, digest, error=str(error))


class ReadAhead:
    """Prepares files on one helper thread per reader worker; results are taken in the
    order they are asked for."""

    def __init__(
        self,
        case: Case,
        size_limit: int,
        readers: list[ReaderProcess],
        settings: ReadSettings = DEFAULT_READ,
    ) -> None:
        self.case, self.size_limit, self.readers = case, size_limit, readers
        self.settings = settings
        self._idle: queue.SimpleQueue[ReaderProcess] = queue.SimpleQueue()
        for reader in readers:
            self._idle.put(reader)
        self._executor = ThreadPoolExecutor(len(readers), thread_name_prefix="casefile-read-ahead")
        self._pending: dict[Path, Future[Prepared]] = {}
        # Read connections for the duplicate checks, one per thread at a time, kept open
        # between files; closed by close(), or by the thread using one when close() came.
        self._connections: list[Connection] = []
        self._connections_lock = threading.Lock()
        self._closed = False

    def _take_connection(self) -> Connection | None:
        with self._connections_lock:
            if self._connections:
                return self._connections.pop()
        try:
            return self.case.read_connection()
        except SQLAlchemyError:
            return None  # each check opens its own, and reports

    def _give_back(self, conn: Connection | None) -> None:
        if conn is None:
            return
        with self._connections_lock:
            if not self._closed:
                self._connections.append(conn)
                return
        conn.close()

    def _prepare(self, path: Path, work: Work | None) -> Prepared:
        reader = self._idle.get()
        conn = self._take_connection()
        try:
            return prepare_file(self.case, path, self.size_limit, reader, self.settings, work,
                                conn)
        finally:
            self._give_back(conn)
            self._idle.put(reader)

    def start(self, path: Path, work: Work | None = None) -> None:
        if path not in self._pending:
            self._pending[path] = self._executor.submit(self._prepare, path, work)

    def wait(self, path: Path, seconds: float) -> bool:
        """Whether ``path`` is prepared, waiting for it at most ``seconds``."""
        future = self._pending.get(path)
        if future is None:
            return False
        done, _ = wait([future], timeout=max(0.0, seconds))
        return bool(done)

    def take(self, path: Path, work: Work | None = None) -> Prepared:
        self.start(path, work)
        return self._pending.pop(path).result()

    def close(self) -> None:
        """Drop what was prepared ahead; files still being parsed (the import was
        cancelled or interrupted) are stopped rather than waited for."""
        if any(not future.done() for future in self._pending.values()):
            for reader in self.readers:
                if reader.busy_with is not None:
                    reader.interrupt()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._pending.clear()
        with self._connections_lock:
            self._closed = True
            idle, self._connections = self._connections, []
        for conn in idle:
            conn.close()
