"""Safe opening of the ZIP containers DOCX and ODT are made of.

Checked before any parser sees the file: the archive opens, its members'
declared sizes stay under the limit (a zip bomb is refused without being
expanded), and reading a member never yields more than its declared size
(zipfile itself stops there and checks the CRC).
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


def open_archive(data: bytes, kind: str) -> zipfile.ZipFile:
    """Open ``data`` as the ZIP container of a ``kind`` ("DOCX", "ODT") file."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as error:
        raise ReadError(f"{kind} is damaged: {error} (the file may be truncated)") from None
    except (OSError, ValueError, EOFError) as error:
        raise ReadError(f"{kind} is damaged: {error}") from None
    members = archive.infolist()
    if len(members) > MAX_ARCHIVE_MEMBERS:
        raise ReadError(f"{kind} holds {len(members)} parts, more than a document ever needs")
    total = sum(member.file_size for member in members)
    if total > MAX_UNPACKED_BYTES:
        raise ReadError(
            f"{kind} expands to more than {MAX_UNPACKED_BYTES // (1024 * 1024)} MB (zip bomb?)"
        )
    return archive


def read_member(archive: zipfile.ZipFile, name: str, kind: str) -> bytes:
    """One member's bytes, with damage reported as a ReadError."""
    try:
        return archive.read(name)
    except KeyError:
        raise ReadError(f"{kind} is damaged: its part {name!r} is missing") from None
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        zlib.error,
        OSError,
        EOFError,
        ValueError,
    ) as error:
        raise ReadError(f"{kind} is damaged: {error}") from None
    except NotImplementedError as error:  # an unknown compression method
        raise ReadError(f"{kind} uses an unsupported compression: {error}") from None


def document_result(text: str, media_type: str, title: str | None, author: str | None,
                    created: datetime.date | None) -> ReadResult:
    """A word-processor document's result: its properties, else a date found in its text."""
    return finish(ReadResult(
        text=text, media_type=media_type, title=title, author=author,
        published=created or published_from_text(text),
        metadata={"created": created.isoformat()} if created else {},
    ))
