"""The one import pipeline behind drag-and-drop, File → Import and ``casefile import``.

Each file is imported atomically: its source row (original bytes, hash, metadata, text), the
sources of its children (e-mail attachments, Telegram messages), their search entries and what
the door's ``on_new_source`` step adds (extraction's proposals) are stored together or not at
all. Files are written in short batches (one transaction, committed within half a second,
or sooner when the next file is not read by then), and a file's outcome is reported only
once its batch is committed: a crash at any moment leaves a consistent case, and importing
the same paths again reports the finished files as duplicates and imports the rest. On
SQLite a batch holds its inserts back and writes them together, one statement per table
(``casefile.db.deferred``); a file that fails is dropped from what is held (elsewhere, and
when a batch is written again file by file, each file has a savepoint of its own).

Files are read (parsed) in worker processes under a time and memory budget per file
(``reader_process``), which also work out what the text gives: search terms, and the door's
analysis (``NewSourceStep.analyse``, extraction) on a snapshot of the case
(``casefile.importing.derive``). The writer — this process — only inserts, with SQLAlchemy
Core. Only regular files are opened (``files``). Every path given or found in a folder gets
one outcome, including those left out.
"""

from __future__ import annotations

import hashlib
import itertools
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import bindparam, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from casefile.db import audit, deferred
from casefile.db import models as m
from casefile.db.audit import audit_row, current_user, insert_audited
from casefile.db.case import Case
from casefile.db.errors import CaseBusyError, busy_reason, is_locked
from casefile.importing.derive import Analyse, SourceFacts, Work, facts_of, walk
from casefile.importing.files import Refusal, collect_files, display_path, human_size
from casefile.importing.prepare import (
    SOURCE_WITH_HASH,
    Prepared,
    ReadAhead,
    ReadSettings,
    prepare_file,
)
from casefile.importing.reader_process import (
    DEFAULT_BUDGET,
    PageProgress,
    ReadBudget,
    ReaderProcess,
    shared_reader,
    shared_readers,
    worker_count,
)
from casefile.importing.readers import Child, OcrOptions, ReadCancelled, ReadError, ReadResult
from casefile.progress import SILENT, Cancelled, Progress
from casefile.search.index import store_terms

DEFAULT_SIZE_LIMIT = 100 * 1024 * 1024
MAX_NESTING = 5  # attachments of attachments of...: deep enough for real mail, bounded
BATCH_SECONDS = 0.5  # a batch is committed at least this often (other writers wait meanwhile)
BATCH_FILES = 500
READ_AHEAD_BYTES = 64 * 1024 * 1024  # of the files read ahead of the one being written

__all__ = [  # what the doors and scripts use
    "DEFAULT_SIZE_LIMIT", "ImportOutcome", "NewSource", "NewSourceStep", "ReadBudget",
    "collect_files", "display_path", "human_size", "import_file", "import_paths",
]


@dataclass
class NewSource:
    """A source just written, as the door's step sees it."""

    id: int
    file_name: str
    text: str
    published: date | None
    analysis: Any = None  # what the step's ``analyse`` made of the text, in a worker


@dataclass(frozen=True)
class NewSourceStep:
    """What a door does with each new source, in two parts.

    ``analyse(context, text, report_date)`` is pure: it runs in a reader worker (so it must be
    a module-level function: it is pickled by name) on ``context``, a picklable snapshot of
    the case that ``context(session, previous)`` makes (returning ``previous`` itself when
    nothing changed). ``write(session, source)`` stores ``source.analysis`` in the file's
    transaction. A step whose analysis or write fails is rolled back on its own and reported
    as a warning: the import is kept. ``preload`` names a module whose import loads what
    ``analyse`` needs (its models): the reader workers are forked from a process that
    imported it, so they share one copy. ``inserts_only``: ``write`` writes through
    ``insert_audited`` alone, so an import may hold the batch's rows back and write them
    together (``casefile.db.deferred``). The doors pass extraction's
    (``casefile.review.proposals.propose_for_new_source``).
    """

    write: Callable[[Session, NewSource], object]
    analyse: Analyse | None = None
    context: Callable[[Session, Any], Any] | None = None
    preload: str | None = None
    inserts_only: bool = False


@dataclass
class ImportOutcome:
    path: str
    status: str  # "imported" | "duplicate" | "error" | "skipped" | "cancelled" (import_file only)
    source_id: int | None = None
    error: str | None = None
    duplicate_of: int | None = None
    near_duplicate_of: int | None = None
    warnings: list[str] = field(default_factory=list)
    reason: str | None = None  # why a "skipped" path was left out

    def to_json(self) -> dict:
        out: dict = {
            "path": self.path,
            "status": self.status,
            "source_id": self.source_id,
            "error": self.error,
        }
        if self.reason is not None:
            out["reason"] = self.reason
        if self.duplicate_of is not None:
            out["duplicate_of"] = self.duplicate_of
        if self.near_duplicate_of is not None:
            out["near_duplicate_of"] = self.near_duplicate_of
        if self.warnings:
            out["warnings"] = self.warnings
        return out


def _name_of(fn: object) -> str:
    return getattr(fn, "__qualname__", repr(fn))


_snapshot_versions = itertools.count(1)


class _Snapshot:
    """The case snapshot the step's analysis reads, looked at again at most once a second
    (a name confirmed in the window meanwhile reaches the files read after it)."""

    REFRESH = 1.0

    def __init__(self, case: Case, step: NewSourceStep | None) -> None:
        self.case, self.step = case, step
        self.context: Any = None
        self.version = 0
        self.checked = float("-inf")

    def current(self, session: Session | None = None) -> Any:
        step = self.step
        if step is None or step.analyse is None or step.context is None:
            return None
        if time.monotonic() - self.checked >= self.REFRESH:
            if session is None:
                with self.case.read_session() as read:
                    context = step.context(read, self.context)
            else:
                context = step.context(session, self.context)
            if context is not self.context:
                # Numbered across imports: the workers outlive one import.
                self.context, self.version = context, next(_snapshot_versions)
            self.checked = time.monotonic()
        return self.context

    def work(self) -> Work:
        """What the workers do after reading (facts always; the analysis when there is one)."""
        analyse = self.step.analyse if self.step is not None else None
        if analyse is None:
            return Work()
        context = self.current()
        return Work(analyse, self.version, context)


# Built once: the writer runs it for every file.
_FIRST_WITH_TEXT = (select(m.Source.id)
                    .where(m.Source.text_key == bindparam("key"),
                           m.Source.sha256 != bindparam("digest"))
                    .order_by(m.Source.id).limit(1))


@dataclass
class _Written:
    """What the files written so far in a batch stored: their hashes and text keys (a batch's
    inserts are held back until its end, so queries do not see them yet)."""

    hashes: dict[str, int] = field(default_factory=dict)  # SHA-256 → source id
    text_keys: dict[str, int] = field(default_factory=dict)  # text key → first source id

    def keep(self, other: _Written) -> None:
        self.hashes.update(other.hashes)
        for key, source_id in other.text_keys.items():
            self.text_keys.setdefault(key, source_id)


class _FileWriter:
    """Writes one file and its children into one session, with Core inserts."""

    def __init__(self, session: Session, user: str, reader: ReaderProcess,
                 settings: ReadSettings, snapshot: _Snapshot, batch: _Written) -> None:
        self.session = session
        self.user = user
        self.reader = reader
        self.settings = settings
        self.snapshot = snapshot
        self.batch = batch  # the files before this one in the batch
        self.new_sources: list[NewSource] = []
        self.written = _Written()  # this file's
        self.warnings: list[str] = []
        self.facts: dict[int, SourceFacts] = {}  # id(ReadResult) → its facts

    def remember(self, result: ReadResult, name: str, facts: list[SourceFacts] | None) -> None:
        if facts is not None:
            for (read, _), found in zip(walk(result, name), facts, strict=True):
                self.facts[id(read)] = found

    def facts_for(self, result: ReadResult, file_name: str) -> SourceFacts:
        found = self.facts.get(id(result))
        if found is not None:
            return found
        step = self.snapshot.step  # not read by a worker: worked out here
        analyse = step.analyse if step is not None else None
        return facts_of(result, file_name, analyse, self.snapshot.current(self.session))

    def existing(self, digest: str) -> int | None:
        for written in (self.written, self.batch):
            if digest in written.hashes:
                return written.hashes[digest]
        return self.session.connection().scalar(SOURCE_WITH_HASH, {"digest": digest})

    def near_duplicate(self, key: str | None, digest: str) -> int | None:
        if key is None:
            return None
        found = self.session.connection().scalar(_FIRST_WITH_TEXT,
                                                 {"key": key, "digest": digest})
        if found is None:  # an earlier file of this batch, or of this file (an attachment)
            found = self.batch.text_keys.get(key, self.written.text_keys.get(key))
        return found

    def add(self, name: str, data: bytes, digest: str, result: ReadResult,
            parent_id: int | None, depth: int = 0) -> tuple[int, int | None]:
        """Store one source (and its children); its id and near-duplicate."""
        facts = self.facts_for(result, name)
        near = self.near_duplicate(facts.text_key, digest)
        row = {
            "sha256": digest, "original": data, "file_name": name,
            "media_type": result.media_type, "size": len(data), "title": result.title,
            "publisher": result.publisher, "author": result.author, "url": result.url,
            "published": result.published, "language": facts.language, "text": result.text,
            "text_key": facts.text_key, "status": result.status, "reliability": None,
            "meta": result.metadata, "parent_id": parent_id, "near_duplicate_of_id": near,
            "imported_at": m.utcnow(), "imported_by": self.user,
        }
        (source_id,) = insert_audited(self.session, m.Source, [row])
        prefix = f"{name}: " if parent_id is not None else ""
        self.warnings += [prefix + warning for warning in result.warnings]
        self.written.hashes[digest] = source_id
        if facts.text_key is not None:
            self.written.text_keys.setdefault(facts.text_key, source_id)
        self.new_sources.append(NewSource(source_id, name, result.text, result.published,
                                          facts.analysis))
        if facts.analysis_error is not None:
            step_name = _name_of(self.snapshot.step.analyse) if self.snapshot.step else "step"
            self.warnings.append(f"{name}: {step_name} failed: {facts.analysis_error}")
        self.add_pages(source_id, result)
        store_terms(self.session.connection(), "source", source_id, facts.search_title,
                    facts.search_body, new=True)
        self.add_children(source_id, result, depth + 1)
        return source_id, near

    def add_pages(self, source_id: int, result: ReadResult) -> None:
        insert_audited(self.session, m.SourcePage, [
            {"source_id": source_id, "number": page.number, "route": page.route,
             "confidence": page.confidence, "start": page.start, "end": page.end,
             "image_width": page.image_width, "image_height": page.image_height,
             "dpi": page.dpi, "note": page.note, "words": page.words}
            for page in result.pages
        ])  # fmt: skip

    def add_children(self, parent_id: int, parent: ReadResult, depth: int) -> None:
        skipped = []
        for child in parent.children:
            digest = hashlib.sha256(child.data).hexdigest()
            already = self.existing(digest)
            if already is not None:
                # The same attachment in two messages is stored once.
                skipped.append({"name": child.name, "duplicate_of": already})
                continue
            result = child.result if child.result is not None else self.read_child(child, depth)
            self.add(display_path(child.name), child.data, digest, result, parent_id, depth)
        if skipped:
            self.set_meta(parent_id, parent.metadata,
                          {**parent.metadata, "children_already_in_case": skipped})

    def read_child(self, child: Child, depth: int) -> ReadResult:
        try:
            if depth > MAX_NESTING:
                raise ReadError("attachments are nested too deeply")
            result, facts = self.settings.read(self.reader, child.data, child.name,
                                               self.snapshot.work())
            self.remember(result, child.name, facts)
            return result
        except ReadCancelled:
            raise
        except ReadError as error:
            # An attachment that cannot be read is still evidence: kept verbatim, with the reason.
            return ReadResult(text="", media_type="application/octet-stream",
                              status="unreadable", metadata={"error": str(error)})

    def set_meta(self, source_id: int, before: dict, after: dict) -> None:
        conn = self.session.connection()
        holding = deferred.held(conn)
        if holding is None or not holding.update_held(m.Source.__table__, source_id,
                                                      {"meta": after}):
            conn.execute(update(m.Source).where(m.Source.id == source_id).values(meta=after))
        audit.log(self.session, [audit_row(current_user(self.session), "update", "sources",
                                           source_id, {"meta": before}, {"meta": after})])

    def run_step(self, step: NewSourceStep | None, failed: _StepFailed | None) -> list[str]:
        """The step's write for each new source. The first time (``failed`` None) without a
        savepoint per source: a failure raises ``_StepFailed``, and the file is written again
        with the failed source's step left out and each other source's step in a savepoint
        of its own (so only what fails is lost)."""
        warnings = self.warnings
        if step is None:
            return warnings
        for i, source in enumerate(self.new_sources):
            if failed is None:
                try:
                    step.write(self.session, source)
                except Exception as error:  # noqa: BLE001 - extraction must not lose the import
                    raise _StepFailed(i, error) from error
                continue
            try:
                if i == failed.index:
                    raise failed.error
                with audit.savepoint(self.session):
                    step.write(self.session, source)
            except Exception as error:  # noqa: BLE001 - extraction must not lose the import
                warnings.append(f"{source.file_name}: {_name_of(step.write)} failed: {error}")
        return warnings


class _StepFailed(Exception):
    """The door's step failed on the ``index``-th new source of the file being written."""

    def __init__(self, index: int, error: Exception) -> None:
        super().__init__(str(error))
        self.index, self.error = index, error


def _stored_error(error: Exception) -> str:
    # The database's own reason, without the SQL statement SQLAlchemy appends.
    lines = str(getattr(error, "orig", None) or error).strip().splitlines()
    reason = lines[0] if lines else type(error).__name__
    return f"the source could not be stored: {reason}"


_BUSY = f"not imported: {busy_reason()}; import the file again"


class _CaseBusy(Exception):
    """The case's write lock could not be had: the batch ends here."""


def _write_file(session: Session, shown: str, path: Path, prepared: Prepared, *, user: str,
                reader: ReaderProcess, settings: ReadSettings, snapshot: _Snapshot,
                step: NewSourceStep | None, batch: _Written | None = None) -> ImportOutcome:
    """One prepared file into ``session``, all or nothing (``_file_scope``); ``batch`` is
    what the files before it in the same transaction wrote, and gets what this one does."""
    assert prepared.data is not None and prepared.digest is not None
    if prepared.result is None:
        return ImportOutcome(shown, "error", error=prepared.error)
    digest = prepared.digest
    batch = batch if batch is not None else _Written()
    if digest in batch.hashes:  # the same bytes twice in one batch (two copies in a folder)
        existing = batch.hashes[digest]
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    try:
        try:
            writer = _FileWriter(session, user, reader, settings, snapshot, batch)
            outcome = _store(session, shown, path, prepared, writer, step, None)
        except _StepFailed as failed:  # rolled back: again, without the step that failed
            writer = _FileWriter(session, user, reader, settings, snapshot, batch)
            outcome = _store(session, shown, path, prepared, writer, step, failed)
        batch.keep(writer.written)
        return outcome
    except ReadCancelled as error:  # in an attachment: the whole file is rolled back
        return ImportOutcome(shown, "cancelled", error=str(error))
    except IntegrityError as error:
        # Another import may have stored the same bytes in the meantime.
        existing = session.scalar(SOURCE_WITH_HASH, {"digest": digest})
        if existing is None:
            return ImportOutcome(shown, "error",
                                 error=f"the source could not be stored: {error.orig}")
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    except (CaseBusyError, OperationalError) as error:
        if isinstance(error, CaseBusyError) or is_locked(error):
            raise _CaseBusy from error
        return ImportOutcome(shown, "error", error=_stored_error(error))
    except Exception as error:  # noqa: BLE001 - rolled back; the rest of the batch goes on
        return ImportOutcome(shown, "error", error=_stored_error(error))


def _store(session: Session, shown: str, path: Path, prepared: Prepared, writer: _FileWriter,
           step: NewSourceStep | None, failed: _StepFailed | None) -> ImportOutcome:
    assert prepared.result is not None and prepared.data is not None
    assert prepared.digest is not None
    # The file's audit entries go to the chain in one insert, at the end of its scope.
    # The same bytes stored since the file was prepared break the unique SHA-256: an
    # IntegrityError, a duplicate.
    with _file_scope(session), audit.held_entries(session):
        writer.remember(prepared.result, path.name, prepared.facts)
        source_id, near = writer.add(display_path(path.name), prepared.data, prepared.digest,
                                     prepared.result, None)
        warnings = writer.run_step(step, failed)
    return ImportOutcome(shown, "imported", source_id, near_duplicate_of=near, warnings=warnings)


@contextmanager
def _file_scope(session: Session) -> Iterator[None]:
    """One file's writes, undone together when it fails: a savepoint, or, while a batch's
    inserts are held back (``casefile.db.deferred``), the rows it held."""
    holding = deferred.held(session.connection())
    if holding is None:
        with session.begin_nested():
            yield
        return
    mark = holding.mark()
    try:
        yield
    except BaseException:
        holding.rollback_to(mark)
        raise


def _early_outcome(shown: str, prepared: Prepared) -> ImportOutcome | None:
    """The outcome of a file that needs no writing (cancelled, a duplicate, unreadable)."""
    if prepared.cancelled:
        return ImportOutcome(shown, "cancelled", error=prepared.error)
    if prepared.duplicate_of is not None:
        existing = prepared.duplicate_of
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    if prepared.data is None or prepared.digest is None:
        return ImportOutcome(shown, "error", error=prepared.error)
    return None


def import_file(
    case: Case,
    path: Path,
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    reader: ReaderProcess | None = None,
    ocr: OcrOptions | None = None,
    on_new_source: NewSourceStep | None = None,
) -> ImportOutcome:
    """Import one file in its own transaction; ``reader`` reads it (the shared worker with
    the default budget if not given); ``ocr`` says how scans and images are read;
    ``on_new_source`` runs for each new source in that transaction."""
    shown = display_path(path)
    reader = reader or shared_reader(DEFAULT_BUDGET)
    settings = ReadSettings(ocr)
    snapshot = _Snapshot(case, on_new_source)
    prepared = prepare_file(case, path, size_limit, reader, settings, snapshot.work())
    early = _early_outcome(shown, prepared)
    if early is not None:
        return early
    try:
        with case.session() as session:
            return _write_file(session, shown, path, prepared, user=user or case.user,
                               reader=reader, settings=settings, snapshot=snapshot,
                               step=on_new_source)
    except (_CaseBusy, CaseBusyError):
        return ImportOutcome(shown, "error", error=_BUSY)


def _refused(path: Path, refusal: Refusal) -> ImportOutcome:
    if refusal.status == "skipped":
        return ImportOutcome(display_path(path), "skipped", reason=refusal.reason)
    return ImportOutcome(display_path(path), "error", error=refusal.reason)


def _asks_to_stop(progress: Progress) -> bool:
    try:
        progress.check()
    except Cancelled:
        return True
    return False


class _Batches:
    """``import_paths``'s state between batches: the files left, the workers, the snapshot."""

    def __init__(self, case: Case, files: list[tuple[Path, Refusal | None]], *, user: str,
                 size_limit: int, budget: ReadBudget, progress: Progress,
                 ocr: OcrOptions | None, page_progress: PageProgress | None,
                 step: NewSourceStep | None) -> None:
        self.case, self.files, self.user, self.progress = case, files, user, progress
        self.step = step
        self.readers = shared_readers(budget, worker_count(),
                                      preload=step.preload if step is not None else None)
        for reader in self.readers:
            reader.start()  # their start-up overlaps the folder walk
        self.settings = ReadSettings(ocr, page_progress, lambda: _asks_to_stop(progress))
        self.snapshot = _Snapshot(case, step)
        self.readable = [path for path, refusal in files if refusal is None]
        self.position = {path: i for i, path in enumerate(self.readable)}
        self.ahead = ReadAhead(case, size_limit, self.readers, self.settings)
        # Files read ahead of the one being written: enough that one long file does not
        # leave the other workers idle (they stop at the window's end until it is written),
        # and no more than READ_AHEAD_BYTES of them held in memory.
        self.window = 16 * len(self.readers)
        self.sizes: dict[Path, int] = {}
        self.next = 0  # index in files
        self.stopped = False

    def _size(self, path: Path) -> int:
        size = self.sizes.get(path)
        if size is None:
            try:
                size = path.stat().st_size
            except OSError:
                size = 0  # reading it says why
            self.sizes[path] = size
        return size

    def _read_ahead(self, path: Path) -> None:
        i = self.position[path]
        held = 0
        for following in self.readable[i : i + 1 + self.window]:
            self.ahead.start(following, self.snapshot.work())
            held += self._size(following)
            if held > READ_AHEAD_BYTES:
                break

    def batch(self) -> list[ImportOutcome]:
        """Write files until the batch is due; its outcomes once it is committed.

        The batch's inserts are held back and written together at its end
        (``casefile.db.deferred``); when the database refuses them (another import stored
        the same bytes meanwhile) the batch is written again file by file, each in a
        savepoint, so only the file at fault is left out."""
        outcomes: list[ImportOutcome] = []
        written: list[tuple[int, Path, Prepared]] = []  # index in outcomes, path, what was read
        try:
            try:
                with self.case.session() as session, ExitStack() as holding:
                    session.info["user"] = self.user
                    holding.enter_context(audit.held_entries(session))
                    self._fill(session, outcomes, written, holding)
                    held = deferred.held(session.connection()) if written else None
                    if held is not None:
                        held.flush(session.connection())
            except (IntegrityError, OperationalError):  # a lock is CaseBusyError by now
                if not written:
                    raise
                self._write_one_by_one(outcomes, written)
        except (_CaseBusy, CaseBusyError):
            # Nothing of this batch is stored: its files are reported as not imported.
            outcomes = [o if o.status != "imported" else
                        ImportOutcome(o.path, "error", error=_BUSY) for o in outcomes]
            if self.next < len(self.files) and not self.stopped:  # the file it failed on
                path = self.files[self.next][0]
                outcomes.append(ImportOutcome(display_path(path), "error", error=_BUSY))
                self.next += 1
        return outcomes

    def _write_one_by_one(self, outcomes: list[ImportOutcome],
                          written: list[tuple[int, Path, Prepared]]) -> None:
        with self.case.session() as session:
            session.info["user"] = self.user
            batch = _Written()
            for index, path, prepared in written:
                outcomes[index] = _write_file(
                    session, outcomes[index].path, path, prepared, user=self.user,
                    reader=self.readers[0], settings=self.settings, snapshot=self.snapshot,
                    step=self.step, batch=batch)

    def _fill(self, session: Session, outcomes: list[ImportOutcome],
              written: list[tuple[int, Path, Prepared]], holding: ExitStack) -> None:
        started = time.monotonic()
        batch = _Written()
        while self.next < len(self.files):
            if _asks_to_stop(self.progress):
                self.stopped = True
                return
            path, refusal = self.files[self.next]
            shown = display_path(path)
            self.progress.update(self.next, len(self.files), shown)
            if refusal is not None:
                outcomes.append(_refused(path, refusal))
                self.next += 1
                continue
            self._read_ahead(path)
            if written and not self.ahead.wait(path, started + BATCH_SECONDS - time.monotonic()):
                return  # commit now rather than hold the case while the workers read on
            try:
                prepared = self.ahead.take(path)
            except Exception as error:  # noqa: BLE001 - one file's failure, not the batch's
                prepared = Prepared(error=f"the file could not be read: {error}")
            outcome = _early_outcome(shown, prepared)
            if outcome is None:
                if not written and (self.step is None or self.step.inserts_only):
                    # The transaction begins with the first write.
                    holding.enter_context(deferred.deferred_inserts(session.connection()))
                outcome = _write_file(session, shown, path, prepared, user=self.user,
                                      reader=self.readers[0], settings=self.settings,
                                      snapshot=self.snapshot, step=self.step, batch=batch)
                if outcome.status != "cancelled":
                    written.append((len(outcomes), path, prepared))
            if outcome.status == "cancelled":  # not stored, not reported: left for next time
                self.stopped = True
                return
            outcomes.append(outcome)
            self.next += 1
            if time.monotonic() - started >= BATCH_SECONDS or len(written) >= BATCH_FILES:
                return

    def close(self) -> None:
        self.ahead.close()


def import_paths(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    budget: ReadBudget = DEFAULT_BUDGET,
    progress: Progress = SILENT,
    ocr: OcrOptions | None = None,
    page_progress: PageProgress | None = None,
    on_new_source: NewSourceStep | None = None,
) -> Iterator[ImportOutcome]:
    """Import files and folders (recursively, in sorted order), one outcome per
    path: each file, and each path left out with its reason.

    Each file is read under ``budget`` (time and memory; for a file read by OCR the
    time limit is per page), scans and images by OCR as ``ocr`` says.
    ``progress.update(done, total, path)`` is called before each file and
    ``page_progress(pages_done, pages_total)`` as OCR finishes each page;
    ``progress.check()`` is asked between files and while a file is read: when it raises
    ``Cancelled`` the import stops, keeping the files done (a file cancelled half-way is
    not stored and not reported: it is left like the files after it). ``on_new_source``
    runs for every new source (the doors pass extraction's proposer).
    """
    files = collect_files(paths)
    batches = _Batches(case, files, user=user or case.user, size_limit=size_limit,
                       budget=budget, progress=progress, ocr=ocr, page_progress=page_progress,
                       step=on_new_source)
    try:
        while batches.next < len(files) and not batches.stopped:
            yield from batches.batch()
    finally:
        batches.close()
    if files and not batches.stopped:
        progress.update(len(files), len(files), "")
