"""The one import pipeline behind drag-and-drop, File → Import and ``casefile import``.

Each file is imported in its own transaction: its source row (original bytes,
hash, metadata, text), the sources of its children (e-mail attachments,
Telegram messages), their search entries and whatever the post-import hooks
add are committed together or not at all. A crash between files therefore
leaves a consistent case, and importing the same paths again reports the
finished files as duplicates and imports the rest.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from casefile.db import models as m
from casefile.db.case import Case
from casefile.importing.language import detect_language
from casefile.importing.readers import Child, OcrOptions, ReadError, ReadResult, read_bytes
from casefile.importing.readers.ocr import OcrCancelled
from casefile.normalize import normalize
from casefile.search import index_source

DEFAULT_SIZE_LIMIT = 100 * 1024 * 1024
MAX_NESTING = 5  # attachments of attachments of...: deep enough for real mail, bounded

PostImportHook = Callable[[Session, m.Source], None]


def _default_hooks() -> list[PostImportHook]:
    # Every door (window, File → Import, CLI) hands new sources to extraction.
    from casefile.extraction.hooks import propose_after_import

    return [propose_after_import]


# Called for every new source, inside the file's transaction. A hook that fails
# is rolled back on its own and reported as a warning: the import is kept.
POST_IMPORT_HOOKS: list[PostImportHook] = _default_hooks()

# Files a folder walk skips: system clutter, never reports.
_CLUTTER = {"thumbs.db", "desktop.ini", ".ds_store"}

ProgressCallback = Callable[[int, int, str], None]  # (files done, files total, current path)


@dataclass
class ImportOutcome:
    path: str
    status: str  # "imported" | "duplicate" | "error" | "cancelled" (import_file only)
    source_id: int | None = None
    error: str | None = None
    duplicate_of: int | None = None
    near_duplicate_of: int | None = None
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        out: dict = {
            "path": self.path,
            "status": self.status,
            "source_id": self.source_id,
            "error": self.error,
        }
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


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, str | None]]:
    """Files to import, folders expanded recursively in sorted order; a path
    that cannot be used comes with the reason."""
    found: list[tuple[Path, str | None]] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for folder, subfolders, files in os.walk(path, onerror=None):
                subfolders[:] = sorted(d for d in subfolders if not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and name.lower() not in _CLUTTER:
                        found.append((Path(folder) / name, None))
        elif path.is_file():
            found.append((path, None))
        elif path.exists() or path.is_symlink():
            found.append((path, "not a regular file (or a broken link)"))
        else:
            found.append((path, "no such file or folder"))
    return found


def text_key(text: str) -> str | None:
    """Hash of the normalised text: equal for the same report in another container."""
    folded = normalize(text)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest() if folded else None


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def _read_file(path: Path, size_limit: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > size_limit:
            raise ReadError(
                f"the file is larger than the import limit ({human_size(size)} > {human_size(size_limit)})"
            )
        with path.open("rb") as handle:
            data = handle.read(size_limit + 1)
    except PermissionError:
        raise ReadError("the file cannot be read: permission denied") from None
    except OSError as error:
        raise ReadError(f"the file cannot be read: {error.strerror or error}") from None
    if len(data) > size_limit:  # it grew while we looked
        raise ReadError(f"the file is larger than the import limit ({human_size(size_limit)})")
    return data


def _read(data: bytes, name: str, ocr: OcrOptions | None = None) -> ReadResult:
    try:
        return read_bytes(data, name, ocr)
    except ReadError:
        raise
    except Exception as error:  # noqa: BLE001 - a parser bug on one odd file must not stop a batch
        raise ReadError(f"the file could not be read ({type(error).__name__}: {error})") from None


class _FileImport:
    """Writes one file and its children into one session."""

    def __init__(self, session: Session, user: str, ocr: OcrOptions | None = None) -> None:
        self.session = session
        self.user = user
        self.ocr = ocr
        self.new_sources: list[m.Source] = []
        self.hashes_in_file: dict[str, m.Source] = {}

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
                    result = _read(child.data, child.name, self.ocr)
                except OcrCancelled:
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

    def run_hooks(self) -> list[str]:
        warnings = []
        for source in self.new_sources:
            for hook in list(POST_IMPORT_HOOKS):
                try:
                    with self.session.begin_nested():
                        hook(self.session, source)
                except Exception as error:  # noqa: BLE001 - extraction must not lose the import
                    name = getattr(hook, "__qualname__", repr(hook))
                    warnings.append(f"{source.file_name}: {name} failed: {error}")
        return warnings


def import_file(
    case: Case,
    path: Path,
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    ocr: OcrOptions | None = None,
) -> ImportOutcome:
    """Import one file in its own transaction; ``ocr`` says how scans and images are read.
    A cancel during OCR gives status "cancelled" and stores nothing of the file."""
    shown = display_path(path)
    try:
        data = _read_file(path, size_limit)
    except ReadError as error:
        return ImportOutcome(shown, "error", error=str(error))
    digest = hashlib.sha256(data).hexdigest()
    try:
        # One session for the whole file. The duplicate check comes first so a
        # re-run does not parse again; parsing happens before the first write,
        # so the database is not locked while a big PDF is read.
        with case.session() as session:
            session.info["user"] = user or case.user
            existing = session.scalar(select(m.Source.id).where(m.Source.sha256 == digest))
            if existing is not None:
                return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
            try:
                result = _read(data, path.name, ocr)
            except OcrCancelled as error:
                return ImportOutcome(shown, "cancelled", error=str(error))
            except ReadError as error:
                return ImportOutcome(shown, "error", error=str(error))
            writer = _FileImport(session, user or case.user, ocr)
            source = writer.add(display_path(path.name), data, digest, result, None)
            warnings = writer.run_hooks()
            outcome = ImportOutcome(
                shown,
                "imported",
                source.id,
                near_duplicate_of=source.near_duplicate_of_id,
                warnings=warnings,
            )
    except OcrCancelled as error:  # in an attachment: the whole file is rolled back
        return ImportOutcome(shown, "cancelled", error=str(error))
    except IntegrityError as error:
        # Another import may have stored the same bytes in the meantime.
        with case.read_session() as session:
            existing = session.scalar(select(m.Source.id).where(m.Source.sha256 == digest))
        if existing is None:
            return ImportOutcome(
                shown, "error", error=f"the source could not be stored: {error.orig}"
            )
        return ImportOutcome(shown, "duplicate", existing, duplicate_of=existing)
    except Exception as error:  # noqa: BLE001 - rolled back; the rest of the batch goes on
        return ImportOutcome(shown, "error", error=f"the source could not be stored: {error}")
    return outcome


def import_paths(
    case: Case,
    paths: Iterable[str | os.PathLike[str]],
    *,
    user: str | None = None,
    size_limit: int = DEFAULT_SIZE_LIMIT,
    progress: ProgressCallback | None = None,
    cancelled: Callable[[], bool] | None = None,
    ocr: OcrOptions | None = None,
) -> Iterator[ImportOutcome]:
    """Import files and folders (recursively, in sorted order), one outcome per file.

    ``progress(done, total, path)`` is called before each file; ``cancelled()``
    is asked between files, and between the pages OCR reads (a file cancelled
    half-way is not stored and not reported: it is left like the files after it).
    """
    if ocr is not None and ocr.cancelled is None and cancelled is not None:
        ocr = replace(ocr, cancelled=cancelled)
    elif ocr is None and cancelled is not None:
        ocr = OcrOptions(cancelled=cancelled)
    files = collect_files(paths)
    for done, (path, problem) in enumerate(files):
        if cancelled is not None and cancelled():
            return
        if progress is not None:
            progress(done, len(files), display_path(path))
        if problem is not None:
            yield ImportOutcome(display_path(path), "error", error=problem)
            continue
        outcome = import_file(case, path, user=user, size_limit=size_limit, ocr=ocr)
        if outcome.status == "cancelled":
            return
        yield outcome
    if progress is not None and files:
        progress(len(files), len(files), "")
