"""Every file is read under a time and memory budget, in a worker that outlives files.

The inputs are real files that really take time or memory to read (an 800-byte
PDF whose one page draws a thousand lines, tens of MB of Arabic text in a
single-byte code page), with budgets far below what they need, so the outcome
does not depend on the machine's speed.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
import zlib
from pathlib import Path

import pytest
from progress_support import Recorder
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.importing.reader_process import (
    ReadBudget,
    ReaderProcess,
    shared_readers,
    worker_count,
)
from casefile.importing.readers import ReadError

SENTENCE = "شهدت بلدة حطلة في ريف دير الزور توتراً بين الشرطة العسكرية الروسية والحرس الثوري.\n"


def _big_cp1256(path: Path, megabytes: int) -> Path:
    path.write_bytes((SENTENCE * (megabytes * 1024 * 1024 // len(SENTENCE))).encode("cp1256"))
    return path


def _pdf_drawing_lines(lines: int) -> bytes:
    """A valid one-page PDF that draws ``lines`` lines of text: tiny, and seconds
    (growing faster than its size) of layout analysis."""
    line = b"(The quick brown fox jumps over the lazy dog 0123456789) ' "
    stream = zlib.compress(b"BT /F1 10 Tf 12 TL 20 800 Td " + line * lines + b"ET")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out, offsets = bytearray(b"%PDF-1.4\n"), []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    path = tmp_path / "in"
    path.mkdir()
    (path / "z after.txt").write_text("تقرير قصير بعد الملف الثقيل", encoding="utf-8")
    return path


def _sources(case) -> int:
    with case.read_session() as s:
        return s.scalar(select(func.count()).select_from(m.Source))


def test_a_file_over_the_time_limit_is_refused_and_the_next_one_read(sqlite_case, folder) -> None:
    (folder / "a slow.pdf").write_bytes(_pdf_drawing_lines(1000))  # half a minute here
    started = time.monotonic()
    slow, after = import_paths(sqlite_case, [folder], budget=ReadBudget(seconds=1))
    assert slow.status == "error"
    assert slow.error == (
        "reading the file took longer than 1 s, the time limit per file "
        "(the file may be built to hang a parser)"
    )
    assert after.status == "imported", after.error  # a fresh worker took over
    assert _sources(sqlite_case) == 1
    assert time.monotonic() - started < 20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is enforced on Linux")
def test_a_file_over_the_memory_limit_is_refused_and_the_next_one_read(sqlite_case, folder) -> None:
    # 24 MB of bytes become 48 MB of text, then copies of it: far over 60 MB.
    _big_cp1256(folder / "a heavy.txt", 24)
    heavy, after = import_paths(sqlite_case, [folder], budget=ReadBudget(memory_mb=60))
    assert heavy.status == "error"
    assert heavy.error == "reading the file needs more than 60 MB of memory, the limit per file"
    assert after.status == "imported", after.error
    # The same file within the default budget is read.
    reader = ReaderProcess()
    try:
        data = (folder / "a heavy.txt").read_bytes()
        assert reader.read(data, "a heavy.txt").metadata["encoding"] == "cp1256"
    finally:
        reader.close()


def test_the_worker_persists_between_files_and_is_replaced_when_killed(tmp_path: Path) -> None:
    reader = ReaderProcess(ReadBudget(seconds=60))
    try:
        assert reader.read("نص".encode(), "a.txt").text == "نص"
        pid = reader.pid
        assert reader.read("نص آخر".encode(), "b.txt").text == "نص آخر"
        assert reader.pid == pid  # one process for many files, not one per file

        slow = _pdf_drawing_lines(1000)
        answer: list[str] = []

        def read_slow() -> None:
            try:
                reader.read(slow, "slow.pdf")
                answer.append("read")
            except ReadError as error:
                answer.append(str(error))

        thread = threading.Thread(target=read_slow)
        thread.start()
        time.sleep(0.5)  # the worker is laying out the page now
        os.kill(pid, signal.SIGKILL)
        thread.join(60)
        assert answer == ["the reader stopped while reading the file (killed by SIGKILL)"]
        assert reader.read("نص ثالث".encode(), "c.txt").text == "نص ثالث"
        assert reader.pid not in (None, pid)
    finally:
        reader.close()
    assert reader.pid is None


def test_a_cancelled_import_does_not_leave_the_next_one_waiting(sqlite_case, folder) -> None:
    """The file read ahead when the analyst cancels is stopped, not waited for."""
    (folder / "a first.txt").write_text("التقرير الأول", encoding="utf-8")
    (folder / "b slow.pdf").write_bytes(_pdf_drawing_lines(1000))  # being read when cancelled
    cancel = False
    outcomes = []
    for outcome in import_paths(sqlite_case, [folder], progress=Recorder(lambda: cancel)):  # noqa: B023 - read when asked
        outcomes.append(outcome)
        cancel = True
    assert [Path(o.path).name for o in outcomes] == ["a first.txt"]
    started = time.monotonic()
    (after,) = import_paths(sqlite_case, [folder / "z after.txt"])
    assert after.status == "imported"
    assert time.monotonic() - started < 15  # not the half minute the PDF would take


def test_a_reader_worker_killed_mid_file_fails_that_file_and_the_batch_goes_on(
    sqlite_case, folder
) -> None:
    """kill -9 of the worker reading a file: that file fails with the reason, the other
    worker is untouched, the files before and after it are imported."""
    (folder / "a first.txt").write_text("التقرير الأول", encoding="utf-8")
    (folder / "b slow.pdf").write_bytes(_pdf_drawing_lines(1000))  # half a minute to lay out
    (folder / "c next.txt").write_text("التقرير الثالث", encoding="utf-8")
    budget = ReadBudget(seconds=90)  # workers of their own
    readers = shared_readers(budget, worker_count())
    killed: list[int] = []
    seen: dict[str, float] = {}
    others: list[tuple] = []  # the workers left alone and their pids, when it was killed

    class KillTheSlowOnesWorker:
        def update(self, done: int, total: int, label: str = "") -> None:
            pass

        def check(self) -> None:  # asked between files and every 0.1 s while one is read
            for reader in readers:
                if reader.busy_with == "b slow.pdf" and not killed:
                    since = seen.setdefault("slow", time.monotonic())
                    if time.monotonic() - since > 0.5 and reader.pid is not None:
                        killed.append(reader.pid)
                        others[:] = [(r, r.pid) for r in readers if r is not reader]
                        os.kill(reader.pid, signal.SIGKILL)

    started = time.monotonic()
    outcomes = list(import_paths(sqlite_case, [folder], budget=budget,
                                 progress=KillTheSlowOnesWorker()))
    assert killed, "the slow file was never seen in a worker"
    by_name = {Path(o.path).name: o for o in outcomes}
    assert list(by_name) == ["a first.txt", "b slow.pdf", "c next.txt", "z after.txt"]
    assert by_name["b slow.pdf"].status == "error"
    assert by_name["b slow.pdf"].error == (
        "the reader stopped while reading the file (killed by SIGKILL)")
    assert all(by_name[n].status == "imported" for n in ("a first.txt", "c next.txt",
                                                         "z after.txt"))
    assert _sources(sqlite_case) == 3
    assert time.monotonic() - started < 25  # not the half minute the PDF would take
    # The other worker went on with the batch: the same process before and after.
    assert all(reader.pid == pid for reader, pid in others)
    (again,) = import_paths(sqlite_case, [folder / "a first.txt"], budget=budget)
    assert again.status == "duplicate"
