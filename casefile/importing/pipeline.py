"""The one import pipeline behind drag-and-drop, File → Import and ``casefile import``.

Each file is imported in its own transaction: its source row (original bytes,
hash, metadata, text), the sources of its children (e-mail attachments,
Telegram messages), their search entries and what the door's ``on_new_source``
step adds (extraction's proposals) are committed together or not at all. A crash between files therefore
leaves a consistent case, and importing the same paths again reports the
finished files as duplicates and imports the rest.

Files are read (parsed) in a worker process under a time and memory budget per
file (``reader_process``); only regular files are opened (``files``). Every path
given or found in a folder gets one outcome, including those left out.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.db import models as m
from casefile.db.case import Case
from casefile.db.errors import CaseBusyError, busy_reason
from casefile.importing.files import Refusal, collect_files, human_size
from casefile.importing.language import detect_language
from casefile.importing.prepare import (
    Prepared,
    ReadAhead,
    ReadSettings,
    existing_source,
    prepare_file,
)
from casefile.importing.reader_process import (
    DEFAULT_BUDGET,
    PageProgress,
    ReadBudget,
    ReaderProcess,
    shared_reader,
)
from casefile.importing.readers import Child, OcrOptions, ReadCancelled, ReadError, ReadResult
from casefile.normalize import normalize
from casefile.search import index_source

DEFAULT_SIZE_LIMIT = 100 * 1024 * 1024
MAX_NESTING = 5  # attachments of attachments of...: deep enough for real mail, bounded

# What a door does with each new source inside the file's transaction: the window, the CLI
# and the demo pass extraction's proposer (casefile.review.proposals.propose_for_source).
# A step that fails is rolled back on its own and reported as a warning: the import is kept.
NewSourceStep = Callable[[Session, m.Source], object]

__all__ = [  # what the doors and scripts use
    "DEFAULT_SIZE_LIMIT", "ImportOutcome", "NewSourceStep", "ReadBudget", "collect_files",
    "display_path", "human_size", "import_file", "import_paths",
]

ProgressCallback = Callable[[int, int, str], None]  # (files done, files total, current path)


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


def display_path(path: Path | str) -> str:
    """A path as text that any database and terminal accept (undecodable
    bytes in a file name become U+FFFD instead of failing)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace").replace("\x00", "")


def text_key(text: str) -> str | None:
    """Hash of the normalised text: equal for the same report in another container."""
    folded = normalize(text)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest() if folded else None


class _FileImport:
    """Writes one file and its children into one session."""

    def __init__(
        self, session: Session, user: str, reader: ReaderProcess, settings: ReadSettings
    ) -> None:
        self.session = session
        self.user = user
        self.reader = reader
        self.settings = settings
        self.new_sources: list[m.Source] = []
        self.hashes_in_file: dict[str, m.Source] = {}
        self.warnings: list[str] = []

    def existing(self, digest: str) -> int | None:
        if digest in self.hashes_in_file:
            return self.hashes_in_file[digest].id
        return self.session.scalar(select(m.Source.id).where(m.Source.sha256 == digest))

    def near_duplicate(self, key: str | None, digest: str) -> int | None:
        if key is None:
            return None
        return self.session.scalar(
            select(m.Source.id)
            .where(m.Source.text_key == key, m.Source.sha256 != digest)
            .order_by(m.Source.id)
            .limit(1)
        )

    def add(
        self,
        name: str,
        data: bytes,
        digest: str,
        result: ReadResult,
        parent: m.Source | None,
        depth: int = 0,
    ) -> m.Source:
        key = text_key(result.text)
        source = m.Source(
            sha256=digest,
            original=data,
            file_name=name,
            media_type=result.media_type,
            size=len(data),
            title=result.title,
            publisher=result.publisher,
            author=result.author,
            url=result.url,
            published=result.published,
            language=detect_language(result.text) if result.text else None,
            text=result.text,
            text_key=key,
            status=result.status,
            meta=result.metadata,
            parent_id=parent.id if parent is not None else None,
            near_duplicate_of_id=self.near_duplicate(key, digest),
            imported_by=self.user,
        )
        self.session.add(source)
        self.session.flush()  # the id, for children and the search index
        prefix = f"{source.file_name}: " if parent is not None else ""
        self.warnings += [prefix + warning for warning in result.warnings]
        self.hashes_in_file[digest] = source
        self.new_sources.append(source)
        self.add_pages(source, result)
        index_source(self.session, source)
        self.add_children(source, result.children, depth + 1)
        return source

    def add_pages(self, source: m.Source, result: ReadResult) -> None:
        for page in result.pages:
            self.session.add(m.SourcePage(
                source_id=source.id, number=page.number, route=page.route,
                confidence=page.confidence, start=page.start, end=page.end,
                image_width=page.image_width, image_height=page.image_height, dpi=page.dpi,
                note=page.note, words=page.words,
            ))  # fmt: skip

    def add_children(self, parent: m.Source, children: list[Child], depth: int) -> None:
        skipped = []
        for child in children:
            digest = hashlib.sha256(child.data).hexdigest()
            already = self.existing(digest)
            if already is not None:
                # The same attachment in two messages is stored once.
                skipped.append({"name": child.name, "duplicate_of": already})
                continue
            result = child.result
            if result is None:
                try:
                    if depth > MAX_NESTING:
                        raise ReadError("attachments are nested too deeply")
                    result = self.settings.read(self.reader, child.data, child.name)
                except ReadCancelled:
                    raise
                except ReadError as error:
                    # An attachment that cannot be read is still evidence: kept
                    # verbatim, with the reason.
                    result = ReadResult(
                        text="",
                        media_type="application/octet-stream",
                        status="unreadable",
                        metadata={"error": str(error)},
                    )
            self.add(display_path(child.name), child.data, digest, result, parent, depth)
        if skipped:
            parent.meta = {**parent.meta, "children_already_in_case": skipped}

    def run_step(self, step: NewSourceStep | None) -> list[str]:
        warnings = self.warnings
        if step is None:
            return warnings
        for source in self.new_sources:
            try:
                with self.session.begin_nested():
                    step(self.session, source)
            except Exception as error:  # noqa: BLE001 - extraction must not lose the import
                name = getattr(step, "__qualname__", repr(step))
                warnings.append(f"{source.file_name}: {name} failed: {error}")
        return warnings


def import_file(
    case: Case,
    path: Path,
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    reader: ReaderProcess | None = None,
    prepared: Prepared | None = None,
    ocr: OcrOptions | None = None,
    settings: ReadSettings | None = None,
    on_new_source: NewSourceStep | None = None,
) -> ImportOutcome:
    """Import one file in its own transaction; ``reader`` reads it (the shared
    worker with the default budget if not given) unless it is ``prepared``;
    ``ocr`` (or the whole ``settings``) says how scans and images are read;
    ``on_new_source(session, source)`` runs for each new source in that transaction.
    A cancel while it is read gives status "cancelled" and stores nothing of it."""
    shown = display_path(path)
    reader = reader or shared_reader(DEFAULT_BUDGET)
    settings = settings or ReadSettings(ocr)
    if prepared is None:
        prepared = prepare_file(case, path, size_limit, reader, settings)
    if prepared.cancelled:
        return ImportOutcome(shown, "cancelled", error=prepared.error)
    if prepared.duplicate_of is not None:
        existing = prepared.duplicate_of
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    if prepared.data is None or prepared.digest is None:
        return ImportOutcome(shown, "error", error=prepared.error)
    data, digest = prepared.data, prepared.digest
    try:
        # One session for the whole file, opened once the file is read: the
        # database is not locked while a big PDF is parsed.
        with case.session() as session:
            session.info["user"] = user or case.user
            # Again: the same bytes may have been stored since it was prepared.
            existing = session.scalar(select(m.Source.id).where(m.Source.sha256 == digest))
            if existing is not None:
                return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
            if prepared.result is None:
                return ImportOutcome(shown, "error", error=prepared.error)
            writer = _FileImport(session, user or case.user, reader, settings)
            source = writer.add(display_path(path.name), data, digest, prepared.result, None)
            warnings = writer.run_step(on_new_source)
            outcome = ImportOutcome(
                shown,
                "imported",
                source.id,
                near_duplicate_of=source.near_duplicate_of_id,
                warnings=warnings,
            )
    except ReadCancelled as error:  # in an attachment: the whole file is rolled back
        return ImportOutcome(shown, "cancelled", error=str(error))
    except IntegrityError as error:
        # Another import may have stored the same bytes in the meantime.
        existing = existing_source(case, digest)
        if existing is None:
            return ImportOutcome(
                shown, "error", error=f"the source could not be stored: {error.orig}"
            )
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    except CaseBusyError:
        return ImportOutcome(shown, "error", error=f"not imported: {busy_reason()}; "
                             "import the file again")
    except Exception as error:  # noqa: BLE001 - rolled back; the rest of the batch goes on
        # The database's own reason, without the SQL statement SQLAlchemy appends.
        lines = str(getattr(error, "orig", None) or error).strip().splitlines()
        reason = lines[0] if lines else type(error).__name__
        return ImportOutcome(shown, "error", error=f"the source could not be stored: {reason}")
    return outcome


def _refused(path: Path, refusal: Refusal) -> ImportOutcome:
    if refusal.status == "skipped":
        return ImportOutcome(display_path(path), "skipped", reason=refusal.reason)
    return ImportOutcome(display_path(path), "error", error=refusal.reason)


def import_paths(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    budget: ReadBudget = DEFAULT_BUDGET,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: OcrOptions | None = None,
    page_progress: PageProgress | None = None,
    on_new_source: NewSourceStep | None = None,
) -> Iterator[ImportOutcome]:
    """Import files and folders (recursively, in sorted order), one outcome per
    path: each file, and each path left out with its reason.

    Each file is read under ``budget`` (time and memory; for a file read by OCR the
    time limit is per page), scans and images by OCR as ``ocr`` says.
    ``progress(done, total, path)`` is called before each file and
    ``page_progress(pages_done, pages_total)`` as OCR finishes each page;
    ``cancelled()`` is asked between files and while a file is read: a file
    cancelled half-way is not stored and not reported (it is left like the files
    after it). ``on_new_source(session, source)`` runs for every new source in its
    file's transaction (the doors pass extraction's proposer).
    """
    reader = shared_reader(budget)
    reader.start()  # its start-up overlaps the folder walk
    settings = ReadSettings(ocr, page_progress, cancelled)
    files = collect_files(paths)
    readable = [path for path, refusal in files if refusal is None]
    following = dict(zip(readable, readable[1:], strict=False))
    ahead = ReadAhead(case, size_limit, reader, settings)
    try:
        for done, (path, refusal) in enumerate(files):
            if cancelled is not None and cancelled():
                return
            if progress is not None:
                progress(done, len(files), display_path(path))
            if refusal is not None:
                yield _refused(path, refusal)
                continue
            ahead.start(path)
            if path in following:  # read the next file while this one is written
                ahead.start(following[path])
            try:
                prepared = ahead.take(path)
            except Exception as error:  # noqa: BLE001 - one file's failure, not the batch's
                prepared = Prepared(error=f"the file could not be read: {error}")
            outcome = import_file(case, path, user=user, size_limit=size_limit, reader=reader,
                                  prepared=prepared, settings=settings,
                                  on_new_source=on_new_source)  # fmt: skip
            if outcome.status == "cancelled":
                return
            yield outcome
    finally:
        ahead.close()
    if progress is not None and files:
        progress(len(files), len(files), "")
