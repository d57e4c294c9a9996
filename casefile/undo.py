"""Undo and redo for every edit, from what the flush hook saw change.

An action runs inside ``record_action``; every row it inserted, updated or
deleted is kept (full rows for inserts and deletes, changed fields for
updates). Undo applies the inverse in reverse order, redo replays it, both
through the ORM so versions, audit entries and the search index follow; a large
batch of proposals, mentions or citations (a group decision) with a few Core
statements that write the same versions and audit entries.
The Qt ``QUndoStack`` in ``ui`` wraps these objects.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, TypeVar

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session

from .db import models as m
from .db.audit import delete_audited, insert_audited, update_audited
from .db.case import Case

T = TypeVar("T")


@dataclass
class UndoableAction:
    description: str
    changes: list[dict[str, Any]] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not self.changes


@contextmanager
def recording(session: Session, description: str) -> Iterator[UndoableAction]:
    """Record the changes flushed in ``session`` while the block runs."""
    action = UndoableAction(description)
    session.info["undo_log"] = action.changes
    session.info["undo_flush"] = 0
    try:
        yield action
        session.flush()
    finally:
        session.info.pop("undo_log", None)
        session.info.pop("undo_flush", None)


def run_action(case: Case, description: str,
               fn: Callable[[Session], T]) -> tuple[T, UndoableAction]:
    """Run ``fn`` in one transaction and return its result and how to undo it."""
    with case.session() as session, recording(session, description) as action:
        result = fn(session)
    return result, action


def _prefetch(session: Session, batch: list[dict[str, Any]], reverse: bool) -> list[Any]:
    """Load the rows a batch deletes or updates with one query per table and 500 ids, so
    that undoing a group decision of 5,000 mentions is not 15,000 single-row reads; the
    ``session.get`` calls of ``_apply`` then find them in the identity map (which holds
    them only while the caller keeps the returned list)."""
    loaded: list[Any] = []
    wanted: dict[Any, set[Any]] = {}
    for change in batch:
        inserts = change["action"] == ("delete" if reverse else "insert")
        if not inserts and change["id"] is not None:
            wanted.setdefault(change["model"], set()).add(change["id"])
    for model, ids in wanted.items():
        keys = inspect(model).primary_key
        if len(keys) != 1 or len(ids) < 2:
            continue
        ordered = sorted(ids)
        for i in range(0, len(ordered), 500):
            loaded += session.scalars(select(model).where(keys[0].in_(ordered[i:i + 500])))
    return loaded


def _apply(session: Session, change: dict[str, Any], reverse: bool) -> None:
    model, record_id, action = change["model"], change["id"], change["action"]
    if reverse:
        action = {"insert": "delete", "delete": "insert", "update": "update"}[action]
        values = change["before"] if action != "delete" else None
    else:
        values = change["after"]
    if action == "insert":
        row = dict(values or change["before"] or {})
        row.pop("version", None)
        session.add(model(**row))
    elif action == "delete":
        obj = session.get(model, record_id)
        if obj is not None:
            session.delete(obj)
    else:
        obj = session.get(model, record_id)
        if obj is None:
            raise LookupError(f"{model.__name__} {record_id} no longer exists")
        for key, value in values.items():
            setattr(obj, key, value)


def _batches(action: UndoableAction) -> list[list[dict[str, Any]]]:
    """The changes grouped by the flush that made them, in the order they were made.

    Within one flush the unit of work orders rows by their foreign keys; across
    flushes the order is the action's own (mentions and citations point at actors
    and places without an ORM relationship, so they must follow them).
    """
    groups: dict[int, list[dict[str, Any]]] = {}
    for change in action.changes:
        groups.setdefault(change.get("flush", 0), []).append(change)
    return [groups[k] for k in sorted(groups)]


# Rows no flush hook needs to see as objects (the search index follows actors, places,
# incidents and aliases; the "not an entity" list, new names): a batch of one of these
# tables and one kind of change is replayed with a few Core statements, as a group decision
# wrote it. 5,000 mentions undone in seconds instead of the ORM's tens.
_BULK = (m.Proposal, m.Mention, m.Citation)
MAX_UPDATE_SETS = 20  # more distinct sets of values: the ORM, row by row


def _bulk(session: Session, batch: list[dict[str, Any]], reverse: bool) -> bool:
    """Replay ``batch`` with Core when it is all one table of ``_BULK``, one kind of change
    and (updates) a few distinct sets of values; False when it is not (the ORM replays it)."""
    kinds = {(change["model"], change["action"]) for change in batch}
    if len(kinds) != 1 or len(batch) < 2:
        return False
    ((model, action),) = kinds
    if model not in _BULK:
        return False
    if reverse:
        action = {"insert": "delete", "delete": "insert", "update": "update"}[action]
    updates: dict[str, tuple[dict[str, Any], list[int]]] = {}
    if action == "update":
        for change in batch:
            values = change["before"] if reverse else change["after"]
            updates.setdefault(repr(sorted(values.items())), (values, []))[1].append(change["id"])
        if len(updates) > MAX_UPDATE_SETS:
            return False
    session.flush()  # the ORM's writes of the batches before go first
    if action == "delete":
        delete_audited(session, model, [change["id"] for change in batch])
    elif action == "insert":
        rows = []
        for change in batch:
            row = dict(change["before"] if reverse else change["after"])
            row.pop("version", None)
            rows.append(row)
        insert_audited(session, model, rows)
    for values, ids in updates.values():
        done = update_audited(session, model, ids, values)
        if len(done) < len(ids):
            gone = sorted(set(ids) - set(done))[0]
            raise LookupError(f"{model.__name__} {gone} no longer exists")
    session.expire_all()  # objects the ORM holds from before are stale now
    return True


def undo(case: Case, action: UndoableAction) -> None:
    with case.session() as session, session.no_autoflush:
        for batch in reversed(_batches(action)):
            if _bulk(session, batch, reverse=True):
                continue
            held = _prefetch(session, batch, reverse=True)
            for change in reversed(batch):
                _apply(session, change, reverse=True)
            session.flush()
            del held


def redo(case: Case, action: UndoableAction) -> None:
    with case.session() as session, session.no_autoflush:
        for batch in _batches(action):
            if _bulk(session, batch, reverse=False):
                continue
            held = _prefetch(session, batch, reverse=False)
            for change in batch:
                _apply(session, change, reverse=False)
            session.flush()
            del held
