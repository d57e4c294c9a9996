"""A case's database: one SQLite file, or a PostgreSQL database.

A SQLite case is recognised by its application id (``PRAGMA application_id``);
every connection gets WAL, foreign keys and a busy timeout. The schema is
made and upgraded by Alembic migrations only.

The sessions of a ``Case`` are audited and keep the refused values of a conflict; listeners
are registered on the case's own sessionmakers, never on SQLAlchemy's ``Session`` class, so
they fire for that case's sessions only. What the layers above keep in step (the search
index, the stop list) they attach with ``Case.listen``; ``casefile.cases`` opens a case with
all of it, and is what everything but the storage layer calls.
"""

from __future__ import annotations

import ast
import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from . import audit
from . import models as m
from .errors import (
    BUSY_TIMEOUT_S,
    CaseBusyError,
    CaseDamagedError,
    CaseError,
    ConflictError,
    busy_message,
    is_locked,
)
from .staging import check_new_target

APPLICATION_ID = 0x43534631  # "CSF1"
SQLITE_MAGIC = b"SQLite format 3\x00"
MIGRATIONS = Path(__file__).parent / "migrations"


def _alembic_config(connection: Any = None) -> Any:
    from alembic.config import Config  # alembic is loaded only to migrate (start-up time)

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.attributes["connection"] = connection
    return cfg


def known_revisions() -> dict[str, tuple[str, ...]]:
    """Each migration's revision and the revisions it follows, read from the files' own
    ``revision``/``down_revision`` lines without importing alembic (every command opens a case;
    loading alembic costs more than the rest of a small command)."""
    found: dict[str, tuple[str, ...]] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        values: dict[str, Any] = {}
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.Assign | ast.AnnAssign):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for target in targets:
                    if isinstance(target, ast.Name) and target.id in ("revision", "down_revision"):
                        values[target.id] = ast.literal_eval(node.value)
        if "revision" in values:
            down = values.get("down_revision")
            found[values["revision"]] = tuple(down) if isinstance(down, list | tuple) else (
                (down,) if down else ())
    return found


def head_revision() -> str:
    revisions = known_revisions()
    heads = set(revisions) - {d for downs in revisions.values() for d in downs}
    if len(heads) == 1:
        return heads.pop()
    from alembic.script import ScriptDirectory  # several heads: alembic says what is wrong

    return ScriptDirectory.from_config(_alembic_config()).get_current_head()


def _is_url(case: str) -> bool:
    return "://" in case


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # pysqlite's own transaction handling starts transactions late and lets a
    # SAVEPOINT outside BEGIN commit on RELEASE. Casefile turns it off and emits
    # BEGIN itself (SQLAlchemy's SQLite docs, "Serializable isolation / Savepoints /
    # Transactional DDL"), so a rolled-back action is rolled back entirely.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_S * 1000}")
    # With WAL, NORMAL is crash-safe; only the last commits can be lost on power failure.
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    """Start the transaction SQLAlchemy thinks it is starting.

    A writing session begins IMMEDIATE: it waits (up to the busy timeout) for the
    write lock up front, where SQLite's busy handler applies, instead of failing
    at once when a read transaction cannot be upgraded to a write.
    """
    options = conn.get_execution_options()
    # A reader's connection refuses writes; pooled connections serve readers and
    # writers in turn, so the pragma follows each transaction's kind.
    read_only = bool(options.get(_READ_ONLY_OPTION))
    if conn.info.get(_READ_ONLY_OPTION, False) != read_only:
        conn.exec_driver_sql(f"PRAGMA query_only={int(read_only)}")
        conn.info[_READ_ONLY_OPTION] = read_only
    mode = options.get(_BEGIN_OPTION, "")
    conn.exec_driver_sql(f"BEGIN {mode}".strip())


_BEGIN_OPTION = "casefile_sqlite_begin"
_READ_ONLY_OPTION = "casefile_read_only"
BEGIN_IMMEDIATE = {_BEGIN_OPTION: "IMMEDIATE"}  # execution options of a SQLite writer
# A reader sees one snapshot of committed data, and cannot write: on SQLite a deferred
# transaction in WAL mode (its snapshot starts at its first read), on PostgreSQL a
# read-only repeatable-read transaction. Readers run beside a writer on both.
SQLITE_READER = {_READ_ONLY_OPTION: True}
POSTGRESQL_READER = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
SQLITE_BUSY_SNAPSHOT = 517


def _stale_snapshot(context: Any) -> None:
    """A write from a read transaction that someone else's commit made stale: SQLite
    refuses it (SQLITE_BUSY_SNAPSHOT), which is a conflict, not a lock to wait for."""
    code = getattr(context.original_exception, "sqlite_errorcode", None)
    if code == SQLITE_BUSY_SNAPSHOT:
        raise ConflictError("The case") from context.original_exception


def _engine(url: str) -> Engine:
    try:
        parsed = make_url(url)
    except ArgumentError as exc:
        raise CaseError(f"{url!r} is neither a case file path nor a database URL.") from exc
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(url)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        event.listen(engine, "handle_error", _stale_snapshot)
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
    _factories: dict[str, sessionmaker[Session]] = field(default_factory=dict, repr=False)
    _listeners: list[tuple[str, Callable[..., Any]]] = field(default_factory=list, repr=False)

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    @property
    def path(self) -> Path | None:
        if self.backend == "sqlite":
            return Path(make_url(self.url).database or "")
        return None

    def listen(self, name: str, fn: Callable[..., Any]) -> None:
        """Call ``fn`` on the session event ``name`` (``"before_flush"``...) of this case's
        sessions, and of no other."""
        self._listeners.append((name, fn))
        for maker in self._factories.values():
            event.listen(maker, name, fn)

    def _sessionmaker(self, *, writer: bool = False) -> sessionmaker[Session]:
        # Built once each: every sessionmaker makes a new Session subclass, which is what
        # the listeners are registered on.
        key = "writer" if writer else "reader"
        if key not in self._factories:
            reader = SQLITE_READER if self.backend == "sqlite" else POSTGRESQL_READER
            bind = self.engine.execution_options(**(BEGIN_IMMEDIATE if writer else reader))
            maker = sessionmaker(bind, expire_on_commit=False, info={"user": self.user})
            audit.listen_on(maker)
            event.listen(maker, "before_flush", _remember_edits)
            for name, fn in self._listeners:
                event.listen(maker, name, fn)
            self._factories[key] = maker
        return self._factories[key]

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One transaction per user action: commit on success, roll back on error.

        On SQLite it holds the write lock from its first statement; when another
        program holds it longer than the busy timeout, ``CaseBusyError`` says so.
        """
        session = self._sessionmaker(writer=True)()
        session.info["user"] = self.user
        try:
            yield session
            session.commit()
        except StaleDataError as exc:
            conflict = _conflict(session, exc)  # before rollback expires the objects
            session.rollback()
            raise conflict from exc
        except OperationalError as exc:
            session.rollback()
            if is_locked(exc):
                raise CaseBusyError(busy_message()) from exc
            raise
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()

    def read_session(self) -> Session:
        """A session for reading only (the caller closes it): one snapshot of committed
        data, taken at its first query; a write through it fails."""
        return self._sessionmaker()()

    def read_connection(self) -> Connection:
        """A Core connection for reading only (the caller closes it), as ``read_session``'s:
        for many small reads in a row (each read ends with ``rollback``, so the next one sees
        what was committed meanwhile)."""
        reader = SQLITE_READER if self.backend == "sqlite" else POSTGRESQL_READER
        return self.engine.execution_options(**reader).connect()

    def close(self) -> None:
        self.engine.dispose()


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


def to_url(case: str | os.PathLike[str]) -> str:
    case = str(case)
    return case if _is_url(case) else f"sqlite:///{Path(case).resolve()}"


def _user() -> str:
    try:
        return os.environ.get("CASEFILE_USER") or getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "unknown"


def schema_revision(engine: Engine) -> str | None:
    """The revision alembic recorded in the case (None: no case there)."""
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        versions = list(conn.execute(text("SELECT version_num FROM alembic_version")).scalars())
    if len(versions) > 1:
        raise CaseError(f"The case records several schema versions: {', '.join(versions)}.")
    return versions[0] if versions else None


def _upgrade(engine: Engine) -> None:
    from alembic import command

    with engine.begin() as conn:
        command.upgrade(_alembic_config(conn), "head")


def create_database(case: str | os.PathLike[str], *, name: str | None = None) -> Case:
    """Create a new, empty case through the migrations and open it (without what the layers
    above attach: ``casefile.cases.create_case`` is the one to call)."""
    opened = create_empty_database(case, name=name)
    with opened.session() as s:
        s.add_all([m.CaseInfo(key="name", value=opened.name),
                   m.CaseInfo(key="created_by", value=opened.user)])
    return opened


def create_empty_database(case: str | os.PathLike[str], *, name: str | None = None) -> Case:
    """The schema and nothing else: no rows, not even the case's name (for copies)."""
    url = to_url(case)
    if not _is_url(str(case)):
        path = Path(case)
        check_new_target(path)
        raw = sqlite3.connect(path)
        try:
            raw.execute(f"PRAGMA application_id={APPLICATION_ID}")
            raw.execute("PRAGMA journal_mode=WAL")
        finally:
            raw.close()
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


def open_database(case: str | os.PathLike[str], *, upgrade: bool = True) -> Case:
    """Open an existing case, upgrading an older schema; never damages a non-case (without
    what the layers above attach: ``casefile.cases.open_case`` is the one to call)."""
    url = to_url(case)
    if not _is_url(str(case)):
        _check_sqlite_file(Path(case))
    engine = _engine(url)
    try:
        revision = schema_revision(engine)
        if revision is None:
            raise CaseError(f"{_display(case)} holds no Casefile case.")
        if revision not in known_revisions():
            raise CaseError(
                f"{_display(case)} was made by a newer Casefile (schema {revision}); "
                f"this version knows schema {head_revision()} at most."
            )
        if revision != head_revision() and upgrade:
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
    except DatabaseError as exc:  # SQLite cannot read its own structure
        engine.dispose()
        message = str(exc.orig) if exc.orig else str(exc)
        raise CaseDamagedError(f"{_display(case)} is damaged: {message}.") from exc
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
