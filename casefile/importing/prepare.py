"""Everything an import does to a file before writing: its bytes, hash, duplicate check, text.

``prepare_file`` needs no write transaction, so it can run ahead: ``ReadAhead``
prepares the next file on a helper thread (the parsing itself happens in the
reader process) while the current one is written, and the two cores share the
work. A file already in the case is never parsed again, so re-running an import
over finished files stays fast.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from casefile.db import models as m
from casefile.db.case import Case
from casefile.importing.files import read_regular_file
from casefile.importing.reader_process import PageProgress, ReaderProcess
from casefile.importing.readers import OcrOptions, ReadCancelled, ReadError, ReadResult


@dataclass
class Prepared:
    data: bytes | None = None
    digest: str | None = None
    duplicate_of: int | None = None  # already in the case: not parsed
    result: ReadResult | None = None
    error: str | None = None  # the file could not be read (opened or parsed)
    cancelled: bool = False  # the import was cancelled while it was read: nothing to store


@dataclass(frozen=True)
class ReadSettings:
    """How an import reads its files besides the budget: OCR, page progress, cancel."""

    ocr: OcrOptions | None = None
    progress: PageProgress | None = None
    cancelled: Callable[[], bool] | None = None

    def read(self, reader: ReaderProcess, data: bytes, name: str) -> ReadResult:
        return reader.read(data, name, self.ocr, progress=self.progress,
                           cancelled=self.cancelled)  # fmt: skip


DEFAULT_READ = ReadSettings()


def existing_source(case: Case, digest: str) -> int | None:
    with case.read_session() as session:
        return session.scalar(select(m.Source.id).where(m.Source.sha256 == digest))


def prepare_file(
    case: Case,
    path: Path,
    size_limit: int,
    reader: ReaderProcess,
    settings: ReadSettings = DEFAULT_READ,
) -> Prepared:
    try:
        data = read_regular_file(path, size_limit)
    except ReadError as error:
        return Prepared(error=str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        existing = existing_source(case, digest)
    except SQLAlchemyError:
        existing = None  # the write transaction checks again and reports
    if existing is not None:
        return Prepared(data, digest, duplicate_of=existing)
    try:
        return Prepared(data, digest, result=settings.read(reader, data, path.name))
    except ReadCancelled as error:
        return Prepared(data, digest, error=str(error), cancelled=True)
    except ReadError as error:
        return Prepared(data, digest, error=str(error))


class ReadAhead:
    """Prepares files on one helper thread, in the order they are asked for."""

    def __init__(
        self,
        case: Case,
        size_limit: int,
        reader: ReaderProcess,
        settings: ReadSettings = DEFAULT_READ,
    ) -> None:
        self.case, self.size_limit, self.reader = case, size_limit, reader
        self.settings = settings
        self._executor = ThreadPoolExecutor(1, thread_name_prefix="casefile-read-ahead")
        self._pending: dict[Path, Future[Prepared]] = {}

    def start(self, path: Path) -> None:
        if path not in self._pending:
            self._pending[path] = self._executor.submit(
                prepare_file, self.case, path, self.size_limit, self.reader, self.settings
            )

    def take(self, path: Path) -> Prepared:
        self.start(path)
        return self._pending.pop(path).result()

    def close(self) -> None:
        """Drop what was prepared ahead; a file still being parsed (the import
        was cancelled or interrupted) is stopped rather than waited for."""
        if any(not future.done() for future in self._pending.values()):
            self.reader.interrupt()
        self._executor.shutdown(wait=False, cancel_futures=True)
        self._pending.clear()
