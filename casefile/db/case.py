"""Opening and creating a case: one SQLite file, or a PostgreSQL database.

A SQLite case is recognised by its application id (``PRAGMA application_id``);
every connection gets WAL, foreign keys and a busy timeout. The schema is
made and upgraded by Alembic migrations only.
"""

from __future__ import annotations

import getpass
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import audit  # noqa: F401 - registers the audit hook
from ..review import stoplist as _stoplist  # noqa: F401 - registers its flush hook
from . import models as m
from .errors import CaseError, ConflictError

APPLICATION_ID = 0x43534631  # "CSF1"
SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000
MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config(connection: Any = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _is_url(case: str) -> bool:
    return "://" in case


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
    # With WAL, NORMAL is crash-safe; only the last commits can be lost on power failure.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CaseError(f"{url!r} is neither a case file path nor a database URL.") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    if parsed.get_backend_name() == "postgresql":
        # JIT compilation costs more than it saves on short interactive queries.
        return create_engine(url, pool_pre_ping=True,
                             connect_args={"connect_timeout": 5, "options": "-c jit=off"})
    raise CaseError(f"Casefile stores cases in SQLite or PostgreSQL, not {parsed.drivername}.")


def _describe_pg_error(url: str, exc: Exception) -> str:
    host = make_url(url).render_as_string(hide_password=True)
    reason = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    return f"Cannot connect to the PostgreSQL case {host}: {reason}"


def _check_sqlite_file(path: Path) -> None:
    """Refuse, without touching it, anything that is not a Casefile case."""
    if not path.exists():
        raise CaseError(f"{path} does not exist.")
    if path.is_dir():
        raise CaseError(f"{path} is a folder, not a case file.")
    try:
        with path.open("rb") as fh:
            header = fh.read(100)
    except OSError as exc:
        raise CaseError(f"{path} cannot be read: {exc.strerror}.") from exc
    if not header.startswith(SQLITE_MAGIC):
        raise CaseError(f"{path} is not a Casefile case (it is not a SQLite database).")
    app_id = int.from_bytes(header[68:72], "big")
    if app_id != APPLICATION_ID:
        raise CaseError(f"{path} is a SQLite database but not a Casefile case.")
    if not os.access(path, os.W_OK) or not os.access(path.parent, os.W_OK):
        raise CaseError(f"{path} is read-only; Casefile needs write access to open a case.")


@dataclass
class Case:
    """An open case: its engine and a factory of short-lived sessions."""

    url: str
    engine: Engine
    user: str
    name: str
    _factory: sessionmaker[Session] | None = field(default=None, repr=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        if self.backend == "sqlite":
            return Path(make_url(self.url).database or "")
        return None

    def _sessionmaker(self) -> sessionmaker[Session]:
        # Built once: each sessionmaker makes a new Session subclass.
        if self._factory is None:
            self._factory = sessionmaker(self.engine, expire_on_commit=False,
                                         info={"user": self.user})
        return self._factory

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction per user action: commit on success, roll back on error."""
        session = self._sessionmaker()()
        session.info["user"] = self.user
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            conflict = _conflict(session, exc)  # before rollback expires the objects
            session.rollback()
            raise conflict from exc
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read_session(self) -> Session:
        """A session for reading only (the caller closes it)."""
        return self._sessionmaker()()

    def close(self) -> None:
        self.engine.dispose()


@event.listens_for(Session, "before_flush")
def _remember_edits(session: Session, _ctx: Any, _instances: Any) -> None:
    """Keep what is about to be saved: a refused flush expires the objects."""
    from .locking import describe

    pending = []
    for obj in list(session.dirty) + list(session.deleted):
        state = inspect(obj)
        mine = {a.key: a.value for a in state.attrs
                if a.history.has_changes() and isinstance(a.value, str | int | float | type(None))}
        pending.append((getattr(obj, "__tablename__", ""), describe(obj), mine))
    session.info["pending_edits"] = pending


def _conflict(session: Session, exc: StaleDataError) -> ConflictError:
    """Name the record whose save was refused, keeping the refused values."""
    message = str(exc)
    table = message.split("table '")[-1].split("'")[0] if "table '" in message else None
    for tablename, record, mine in session.info.get("pending_edits", []):
        if tablename == table:
            return ConflictError(record, mine)
    return ConflictError("A record")


@event.listens_for(Session, "after_flush_postexec")
def _refresh_search(session: Session, _ctx: Any) -> None:
    from ..search.index import refresh_entries

    keys = session.info.pop("stale_index", None)
    if keys:
        refresh_entries(session.connection(), sorted(keys))


def to_url(case: str | os.PathLike[str]) -> str:
    case = str(case)
    return case if _is_url(case) else f"sqlite:///{Path(case).resolve()}"


def _user() -> str:
    try:
        return os.environ.get("CASEFILE_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


def schema_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _upgrade(engine: Engine) -> None:
    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def create_case(case: str | os.PathLike[str], *, name: str | None = None) -> Case:
    """Create a new, empty case through the migrations and open it."""
    opened = create_empty_case(case, name=name)
    with opened.session() as s:
        s.add_all([m.CaseInfo(key="name", value=opened.name),
                   m.CaseInfo(key="created_by", value=opened.user)])
    return opened


def create_empty_case(case: str | os.PathLike[str], *, name: str | None = None) -> Case:
    """The schema and nothing else: no rows, not even the case's name (for copies)."""
    url = to_url(case)
    if not _is_url(str(case)):
        path = Path(case)
        if path.exists():
            raise CaseError(f"{path} already exists; choose another name for the new case.")
        if not path.parent.exists():
            raise CaseError(f"The folder {path.parent} does not exist.")
        if not os.access(path.parent, os.W_OK):
            raise CaseError(f"The folder {path.parent} is read-only.")
        with sqlite3.connect(path) as raw:
            raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
            raw.execute("PRAGMA journal_mode=WAL")
    engine = _engine(url)
    try:
        if schema_revision(engine) is not None:
            raise CaseError("That database already holds a case; open it instead.")
        _upgrade(engine)
    except OperationalError as exc:
        engine.dispose()
        raise CaseError(_describe_pg_error(url, exc)) from exc
    return Case(url=url, engine=engine, user=_user(), name=name or _default_name(case))


def _default_name(case: str | os.PathLike[str]) -> str:
    case = str(case)
    if _is_url(case):
        return make_url(case).database or "case"
    return Path(case).stem


def open_case(case: str | os.PathLike[str], *, upgrade: bool = True) -> Case:
    """Open an existing case, upgrading an older schema; never damages a non-case."""
    url = to_url(case)
    if not _is_url(str(case)):
        _check_sqlite_file(Path(case))
    engine = _engine(url)
    try:
        revision = schema_revision(engine)
        script = ScriptDirectory.from_config(_alembic_config())
        if revision is None:
            raise CaseError(f"{_display(case)} holds no Casefile case.")
        if revision not in {rev.revision for rev in script.walk_revisions()}:
            raise CaseError(
                f"{_display(case)} was made by a newer Casefile (schema {revision}); "
                f"this version knows schema {script.get_current_head()} at most."
            )
        if revision != script.get_current_head() and upgrade:
            _upgrade(engine)
        with engine.connect() as conn:
            row = conn.execute(select(m.CaseInfo.value).where(m.CaseInfo.key == "name")).first()
    except OperationalError as exc:
        engine.dispose()
        message = str(exc.orig) if exc.orig else str(exc)
        if "locked" in message:
            raise CaseError(f"{_display(case)} is locked by another program.") from exc
        if engine.dialect.name == "postgresql":
            raise CaseError(_describe_pg_error(url, exc)) from exc
        raise CaseError(f"{_display(case)} cannot be opened: {message}.") from exc
    except CaseError:
        engine.dispose()
        raise
    return Case(url=url, engine=engine, user=_user(),
                name=row.value if row else _default_name(case))


def _display(case: str | os.PathLike[str]) -> str:
    case = str(case)
    return make_url(case).render_as_string(hide_password=True) if _is_url(case) else case


def sqlite_journal_mode(case: Case) -> str:
    with case.engine.connect() as conn:
        return conn.execute(text("PRAGMA journal_mode")).scalar_one()
