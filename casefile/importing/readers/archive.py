"""Safe opening of the ZIP containers DOCX and ODT are made of.

Checked before any parser sees the file: the archive opens, it has a sane number
of members and their declared sizes stay under the limit (an honest zip bomb is
refused without being expanded). Declared sizes can lie, so members are then
decompressed in a stream, a chunk at a time, with a running total across the
whole container: reading stops as soon as the real output passes the limit,
whatever the headers say. (``ZipFile.read`` would inflate a member in one call
of up to 2 GB before checking anything.)
"""

from __future__ import annotations

import datetime
import io
import zipfile
import zlib

from casefile.importing.readers.base import (
    MAX_ARCHIVE_MEMBERS,
    MAX_UNPACKED_BYTES,
    ReadError,
    ReadResult,
    finish,
)
from casefile.importing.readers.dates import published_from_text

_CHUNK = 64 * 1024
# Word processors only ever store or deflate; the others (bzip2, LZMA) can expand
# one small read into gigabytes, so they are refused rather than streamed.
_COMPRESSIONS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_DAMAGE = (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, OSError, EOFError, ValueError)


class Container:
    """A ZIP container (``kind`` is "DOCX", "ODT"...) read member by member."""

    def __init__(self, data: bytes, kind: str, limit: int = MAX_UNPACKED_BYTES) -> None:
        self.kind = kind
        self.limit = limit
        self.unpacked = 0  # bytes really produced so far, all members together
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
        except zipfile.BadZipFile as error:
            raise ReadError(f"{kind} is damaged: {error} (the file may be truncated)") from None
        except (OSError, ValueError, EOFError, NotImplementedError) as error:
            raise ReadError(f"{kind} is damaged: {error}") from None
        self.names = frozenset(self._zip.namelist())

    def check_declared(self) -> None:
        """Refuse a document whose headers already admit too many parts or bytes."""
        members = self._zip.infolist()
        if len(members) > MAX_ARCHIVE_MEMBERS:
            raise ReadError(
                f"{self.kind} holds {len(members)} parts, more than a document ever needs"
            )
        if sum(member.file_size for member in members) > self.limit:
            raise ReadError(self._too_big())

    def _too_big(self) -> str:
        return f"{self.kind} expands to more than {self.limit // (1024 * 1024)} MB (zip bomb?)"

    def read(self, name: str, at_most: int | None = None) -> bytes:
        """A member's bytes (only the first ``at_most`` if given), damage as ReadError."""
        try:
            info = self._zip.getinfo(name)
        except KeyError:
            raise ReadError(f"{self.kind} is damaged: its part {name!r} is missing") from None
        if info.compress_type not in _COMPRESSIONS:
            raise ReadError(
                f"{self.kind} uses an unsupported compression (method {info.compress_type})"
            )
        chunks: list[bytes] = []
        got = 0
        try:
            with self._zip.open(info) as member:
                while at_most is None or got < at_most:
                    chunk = member.read(_CHUNK if at_most is None else min(_CHUNK, at_most - got))
                    if not chunk:
                        break
                    got += len(chunk)
                    self.unpacked += len(chunk)
                    if self.unpacked > self.limit:
                        raise ReadError(self._too_big())
                    chunks.append(chunk)
        except _DAMAGE as error:
            raise ReadError(f"{self.kind} is damaged: {error}") from None
        except NotImplementedError as error:
            raise ReadError(f"{self.kind} uses an unsupported compression: {error}") from None
        return b"".join(chunks)


def open_archive(data: bytes, kind: str) -> Container:
    """Open ``data`` as the ZIP container of a ``kind`` ("DOCX", "ODT") file."""
    archive = Container(data, kind)
    archive.check_declared()
    return archive


def document_result(text: str, media_type: str, title: str | None, author: str | None,
                    created: datetime.date | None) -> ReadResult:
    """A word-processor document's result: its properties, else a date found in its text."""
    return finish(ReadResult(
        text=text, media_type=media_type, title=title, author=author,
        published=created or published_from_text(text),
        metadata={"created": created.isoformat()} if created else {},
    ))
