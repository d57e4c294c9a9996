"""Which paths an import reads, and reading one safely.

Only regular files are read. A named pipe would block ``open()`` forever (and
everything after it in the batch), a device can be endless, a socket cannot be
opened: each is refused by its type, found with ``os.stat`` before anything is
opened, and opened non-blocking so that a file swapped for a pipe in between is
still caught (by ``fstat`` on what was opened) instead of hanging.

A folder is walked in sorted order (its files, then its subfolders), following
links to folders but never into a folder twice. Nothing is skipped silently:
every path left out comes back with its reason, as a refusal ("error": the
analyst asked for it and it cannot be read) or a skip ("skipped": hidden files
and system clutter, which are never reports).
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from casefile.importing.readers import ReadError

# Files a folder walk skips: system clutter, never reports.
_CLUTTER = {"thumbs.db", "desktop.ini", ".ds_store"}
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)  # a pipe opens at once instead of waiting for a writer
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_BINARY", 0)
)


@dataclass(frozen=True)
class Refusal:
    status: str  # "error" (cannot be read) or "skipped" (deliberately left out)
    reason: str


def kind_of(mode: int) -> str | None:
    """What a non-regular file is, in words; None for a regular file."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def _not_regular(what: str) -> str:
    return f"not a regular file: {what}; only files are imported"


def _os_reason(error: OSError, what: str = "file") -> str:
    if isinstance(error, PermissionError):
        return f"the {what} cannot be read: permission denied"
    return f"the {what} cannot be read: {error.strerror or error}"


def collect_files(paths: Iterable[str | os.PathLike[str]]) -> list[tuple[Path, Refusal | None]]:
    """Files to import, folders expanded recursively in sorted order; a path
    that is left out comes with its ``Refusal``."""
    found: list[tuple[Path, Refusal | None]] = []
    seen: set[tuple[int, int]] = set()  # folders walked, by (device, inode)
    for raw in paths:
        path = Path(raw)
        try:
            info = os.stat(path)  # follows links
        except FileNotFoundError:
            reason = "a broken link" if os.path.islink(path) else "no such file or folder"
            found.append((path, Refusal("error", reason)))
            continue
        except OSError as error:
            found.append((path, Refusal("error", _os_reason(error))))
            continue
        if stat.S_ISDIR(info.st_mode):
            _walk(path, info, found, seen)
        else:
            what = kind_of(info.st_mode)
            found.append((path, Refusal("error", _not_regular(what)) if what else None))
    return found


def _walk(
    top: Path,
    top_info: os.stat_result,
    found: list[tuple[Path, Refusal | None]],
    seen: set[tuple[int, int]],
) -> None:
    pending = [(top, top_info)]
    while pending:
        folder, info = pending.pop()
        key = (info.st_dev, info.st_ino)
        if key in seen:
            found.append((folder, Refusal("skipped", "a folder already read through another path")))
            continue
        seen.add(key)
        try:
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as error:
            found.append((folder, Refusal("error", _os_reason(error, "folder"))))
            continue
        subfolders: list[tuple[Path, os.stat_result]] = []
        for entry in entries:
            path = Path(entry.path)
            if entry.name.startswith("."):
                found.append((path, Refusal("skipped", "hidden (the name starts with a dot)")))
                continue
            try:
                entry_info = entry.stat()  # follows links; never opens anything
            except FileNotFoundError:
                found.append((path, Refusal("error", "a broken link")))
                continue
            except OSError as error:
                found.append((path, Refusal("error", _os_reason(error))))
                continue
            if stat.S_ISDIR(entry_info.st_mode):
                subfolders.append((path, entry_info))
            elif entry.name.lower() in _CLUTTER:
                found.append((path, Refusal("skipped", "a system file, not a report")))
            else:
                what = kind_of(entry_info.st_mode)
                found.append((path, Refusal("error", _not_regular(what)) if what else None))
        pending.extend(reversed(subfolders))  # depth first, in sorted order


def display_path(path: os.PathLike[str] | str) -> str:
    """A path as text that any database and terminal accept (undecodable
    bytes in a file name become U+FFFD instead of failing)."""
    raw = os.fsencode(path)
    return raw.decode("utf-8", "replace").replace("\x00", "")


def human_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{size / 1024:.1f} KB" if size >= 1024 else f"{size} bytes"


def _check_regular(info: os.stat_result, size_limit: int) -> None:
    what = kind_of(info.st_mode)
    if what is not None:
        raise ReadError(_not_regular(what))
    if info.st_size > size_limit:
        raise ReadError(
            "the file is larger than the import limit "
            f"({human_size(info.st_size)} > {human_size(size_limit)})"
        )


def read_regular_file(path: Path, size_limit: int) -> bytes:
    """The bytes of ``path`` if it is a regular file within ``size_limit``."""
    try:
        _check_regular(os.stat(path), size_limit)
        descriptor = os.open(path, _OPEN_FLAGS)
        with open(descriptor, "rb", closefd=True) as handle:
            _check_regular(os.fstat(descriptor), size_limit)  # what was really opened
            data = handle.read(size_limit + 1)
    except OSError as error:
        raise ReadError(_os_reason(error)) from None
    if len(data) > size_limit:  # it grew while we looked
        raise ReadError(f"the file is larger than the import limit ({human_size(size_limit)})")
    return data
