"""Case files that appear whole or not at all.

A case built in several steps (the demo case, a backup) is written to a hidden
file beside its target and renamed into place only when complete, so a crash or
a kill leaves nothing at the target path (at most a ``.NAME.partial-PID`` file).
"""

from __future__ import annotations

import errno
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from .errors import CaseError

_SIDE_FILES = ("-wal", "-shm", "-journal")


def check_new_target(target: Path) -> None:
    if target.exists():
        raise CaseError(f"{target} already exists; choose another name.")
    if not target.parent.is_dir():
        raise CaseError(f"The folder {target.parent} does not exist.")
    if not os.access(target.parent, os.W_OK):
        raise CaseError(f"The folder {target.parent} is read-only.")


def _discard(path: Path) -> None:
    for suffix in ("", *_SIDE_FILES):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    except OSError:  # some file systems (and folders on some systems) cannot be synced
        pass
    finally:
        os.close(fd)


def _publish(partial: Path, target: Path) -> None:
    # Fold the write-ahead log into the file: only the file itself is renamed.
    with sqlite3.connect(partial) as raw:
        raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    raw.close()
    for suffix in _SIDE_FILES:
        Path(f"{partial}{suffix}").unlink(missing_ok=True)
    _fsync(partial)
    try:
        os.link(partial, target)  # never replaces a file that appeared meanwhile
    except FileExistsError:
        raise CaseError(f"{target} appeared while it was being written; "
                        "nothing was replaced.") from None
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV,
                             errno.EMLINK):
            raise
        if target.exists():  # a file system without hard links
            raise CaseError(f"{target} appeared while it was being written; "
                            "nothing was replaced.") from None
        os.replace(partial, target)
    else:
        partial.unlink()
    if os.name == "posix":
        _fsync(target.parent)


@contextmanager
def staged_case_file(target: Path) -> Iterator[Path]:
    """Yields a hidden path beside ``target`` to build the case in (the caller closes
    every connection to it); renames it to ``target`` when the block succeeds and
    removes it when the block fails."""
    check_new_target(target)
    partial = target.with_name(f".{target.name}.partial-{os.getpid()}")
    _discard(partial)  # left by an earlier run of a process with the same id
    try:
        yield partial
        _publish(partial, target)
    finally:
        _discard(partial)
