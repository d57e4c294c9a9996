"""The two export services the GUI (File → Export…) and the CLI call.

Both read the case in one read-only session (never flushed, rolled back at the end, so an
export leaves no audit entry and changes nothing), build plain data, then write the file
next to its destination and move it into place, so a failed export never leaves half a
file. They are plain functions that take a ``casefile.progress.Progress``: the GUI runs them
off the UI thread through its operation runner and passes that runner's progress; the CLI and
scripts leave the default (``SILENT``). The PDF is printed in a child process (see pdf.py),
killed on Cancel.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

from sqlalchemy.orm import Session

from ..db.case import Case
from ..progress import SILENT, Progress
from .dossier_data import Dossier, build_dossier
from .errors import ExportError, OutputNotWritable
from .html import render_dossier, render_timeline
from .lookup import find_actor, find_place
from .meta import DEFAULT_MARKING, PAGE_SIZES, ExportMeta
from .tabular import dossier_json, timeline_json, write_csv, write_json
from .timeline_data import Timeline, TimelineFilter, build_timeline

DOSSIER_FORMATS = ("pdf", "json", "html")
TIMELINE_FORMATS = ("pdf", "csv", "json", "html")
STEPS = 4
T = TypeVar("T")


def _step(progress: Progress, done: int, label: str) -> None:
    """One of the ``STEPS`` steps begins (a cancel stops the export between steps)."""
    progress.check()
    progress.update(done, STEPS, label)


@contextmanager
def _reading(case: Case) -> Iterator[Session]:
    session = case.read_session()
    try:
        yield session
    finally:
        session.rollback()  # nothing was written; end the read transaction
        session.close()


@contextmanager
def _destination(out_path: Path) -> Iterator[Path]:
    """A temporary file beside ``out_path``, moved onto it only when writing succeeded."""
    out_path = Path(out_path)
    if out_path.is_dir():
        raise OutputNotWritable(f"Cannot write {out_path}: it is a folder.")
    if not out_path.parent.is_dir():
        raise OutputNotWritable(f"Cannot write {out_path}: the folder {out_path.parent} "
                                "does not exist.")
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{out_path.name}.", suffix=".part",
                                   dir=out_path.parent)
        os.close(fd)
    except OSError as exc:
        raise OutputNotWritable(f"Cannot write {out_path}: {exc.strerror}.") from exc
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        try:
            os.replace(tmp_path, out_path)
        except OSError as exc:
            raise OutputNotWritable(f"Cannot write {out_path}: {exc.strerror}.") from exc
    finally:
        tmp_path.unlink(missing_ok=True)


def _check_options(fmt: str, formats: tuple[str, ...], page_size: str) -> None:
    if fmt not in formats:
        raise ExportError(f"Unknown format {fmt!r}; choose one of {', '.join(formats)}.")
    if page_size not in PAGE_SIZES:
        raise ExportError(f"Unknown page size {page_size!r}; choose A4 or Letter.")


def _meta(case: Case, marking: str | None, page_size: str,
          exported_at: dt.datetime | None) -> ExportMeta:
    return ExportMeta(case_name=case.name, analyst=case.user,
                      marking=DEFAULT_MARKING if marking is None else marking,
                      page_size=page_size,
                      **({"exported_at": exported_at} if exported_at else {}))


def _write_html_or_pdf(html: str, fmt: str, tmp: Path, page_size: str,
                       progress: Progress) -> None:
    if fmt == "html":
        tmp.write_text(html, encoding="utf-8")
        return
    from .pdf import html_to_pdf  # the Qt side, loaded only when a PDF is asked for

    with tempfile.TemporaryDirectory(prefix="casefile-export-") as work:
        page = Path(work) / "export.html"
        page.write_text(html, encoding="utf-8")
        _step(progress, 3, "Printing the PDF")
        html_to_pdf(page, tmp, page_size=page_size, check=progress.check)


def _export(case: Case, out_path: str | os.PathLike[str], progress: Progress,
            read: Callable[[Session], T], laying_out: str,
            write: Callable[[T, Path], object]) -> Path:
    """``read`` the case in one read-only session, ``write`` what it read beside ``out_path``
    and move it into place, reporting the steps."""
    out = Path(out_path)
    with _destination(out) as tmp:
        _step(progress, 0, "Reading the case")
        with _reading(case) as session:
            data = read(session)
        _step(progress, 1, laying_out)
        write(data, tmp)
    _step(progress, STEPS, "Done")
    return out


def export_dossier(case: Case, actor_ref: str | int, out_path: str | os.PathLike[str], *,
                   fmt: str = "pdf", page_size: str = "A4", marking: str | None = None,
                   progress: Progress = SILENT, exported_at: dt.datetime | None = None) -> Path:
    """Write the dossier of the actor ``actor_ref`` (id, name or alias) to ``out_path``."""
    _check_options(fmt, DOSSIER_FORMATS, page_size)

    def read(session: Session) -> Dossier:
        actor = find_actor(session, actor_ref)
        return build_dossier(session, actor.id, _meta(case, marking, page_size, exported_at))

    def write(dossier: Dossier, tmp: Path) -> None:
        if fmt == "json":
            write_json(dossier_json(dossier), tmp)
        else:
            _write_html_or_pdf(render_dossier(dossier), fmt, tmp, page_size, progress)

    return _export(case, out_path, progress, read, "Laying out the dossier", write)


def export_case(case: Case, out_path: str | os.PathLike[str], *, progress: Progress = SILENT,
                exported_at: dt.datetime | None = None) -> Path:
    """Write the whole case (actors, places, relations, incidents, sources, citations) as JSON."""
    from .case_data import case_json

    return _export(case, out_path, progress,
                   lambda session: case_json(session, _meta(case, None, "A4", exported_at)),
                   "Writing JSON", write_json)


def export_timeline(case: Case, out_path: str | os.PathLike[str], *, fmt: str = "pdf",
                    actor: str | int | None = None, place: str | int | None = None,
                    date_from: dt.date | None = None, date_to: dt.date | None = None,
                    types: tuple[str, ...] = (), page_size: str = "A4",
                    marking: str | None = None, progress: Progress = SILENT,
                    exported_at: dt.datetime | None = None) -> Path:
    """Write the incident timeline of the case, or of the part the filters select."""
    _check_options(fmt, TIMELINE_FORMATS, page_size)
    if date_from and date_to and date_from > date_to:
        raise ExportError(f"The period starts ({date_from}) after it ends ({date_to}).")

    def read(session: Session) -> Timeline:
        names: dict[str, str] = {}
        actor_id = place_id = None
        if actor is not None:
            found = find_actor(session, actor)
            actor_id, names["actor"] = found.id, found.name
        if place is not None:
            found = find_place(session, place)
            place_id, names["place"] = found.id, found.name
        filt = TimelineFilter(actor_id=actor_id, place_id=place_id, date_from=date_from,
                              date_to=date_to, types=tuple(types))
        return build_timeline(session, filt, _meta(case, marking, page_size, exported_at), names)

    def write(timeline: Timeline, tmp: Path) -> None:
        if fmt == "csv":
            write_csv(timeline.incidents, timeline.endnotes, tmp)
        elif fmt == "json":
            write_json(timeline_json(timeline), tmp)
        else:
            _write_html_or_pdf(render_timeline(timeline), fmt, tmp, page_size, progress)

    return _export(case, out_path, progress, read, "Laying out the timeline", write)
