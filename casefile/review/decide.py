"""One decision for a whole group: accept, link to a record, merge two groups, reject.

Each proposal of the group is decided through extraction's own decisions (the same alias,
confirmed mention and citation as one by one), each in a savepoint, so a proposal that another
analyst decided meanwhile is skipped and named and the rest are applied; nothing of theirs is
overwritten. Rejecting a group puts its name on the case's "not an entity" list. The caller
owns the transaction: one group decision is one undoable action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db import models as m
from ..extraction import decisions
from ..services.validation import ValidationError
from . import stoplist
from .groups import Group, Linked

ProgressFn = Callable[[int, int], None]
_RECORD_OF_TYPE = {"PERSON": "actor", "GROUP": "actor", "PLACE": "place"}


@dataclass
class GroupDecision:
    group_id: str
    action: str  # accept, link, reject
    applied: list[int] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    left_open: list[int] = field(default_factory=list)  # the analyst's exceptions
    target: Linked | None = None
    stoplisted: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "group": self.group_id, "action": self.action,
            "applied": len(self.applied), "applied_ids": self.applied,
            "skipped": self.skipped, "left_open": self.left_open,
            "target": self.target.to_json() if self.target else None,
            "stoplisted": self.stoplisted,
        }


def _record(session: Session, kind: str, record_id: int) -> Linked:
    model = m.Actor if kind == "actor" else m.Place if kind == "place" else None
    obj = session.get(model, record_id) if model is not None else None
    if obj is None:
        raise LookupError(f"There is no {kind} {record_id} in this case.")
    return Linked(kind, obj.id, obj.name)


def _skip(result: GroupDecision, p: m.Proposal | None, pid: int, reason: str) -> None:
    result.skipped.append({
        "proposal_id": pid, "text": p.text if p else "", "source_id": p.source_id if p else None,
        "status": p.status if p else "deleted", "decided_by": p.decided_by if p else None,
        "reason": reason})


def _each(session: Session, ids: list[int], fn: Callable[[m.Proposal], Any],
          result: GroupDecision, progress: ProgressFn | None) -> None:
    for n, pid in enumerate(ids, 1):
        p = session.get(m.Proposal, pid)
        if p is None or p.status != "proposed":
            who = f" by {p.decided_by}" if p is not None and p.decided_by else ""
            _skip(result, p, pid, "no longer exists" if p is None
                  else f"already {p.status}{who}")
        else:
            undo_log = session.info.get("undo_log")
            mark = len(undo_log) if undo_log is not None else 0
            try:
                with session.begin_nested():
                    fn(p)
                result.applied.append(pid)
            except StaleDataError:
                _forget(undo_log, mark)
                session.expire_all()
                _skip(result, session.get(m.Proposal, pid), pid,
                      "changed by another analyst meanwhile")
            except (ValidationError, LookupError, ValueError) as exc:
                _forget(undo_log, mark)
                _skip(result, p, pid, _reason(exc))
        if progress is not None:
            progress(n, len(ids))


def _forget(undo_log: list | None, mark: int) -> None:
    """A rolled-back savepoint's changes are not part of the action to undo or redo."""
    if undo_log is not None:
        del undo_log[mark:]


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValidationError):
        return "; ".join(str(v) for v in exc.errors.values())
    return str(exc)


def _link_one(session: Session, p: m.Proposal, target: Linked) -> None:
    if target.kind == "actor":
        decisions.merge_into(session, p.id, target.id)
        return
    payload = dict(p.payload or {})
    payload["ref"] = ["place", target.id]
    p.payload = payload
    decisions.accept(session, p.id)


def decide_group(session: Session, group: Group, action: str, *,
                 link: tuple[str, int] | None = None, except_ids: Iterable[int] = (),
                 progress: ProgressFn | None = None) -> GroupDecision:
    """Apply ``action`` (accept, link, reject) to every open proposal of ``group`` except
    ``except_ids``; ``link`` is the (kind, id) a link decision points to."""
    exceptions = set(except_ids)
    ids = [pid for pid in group.proposal_ids if pid not in exceptions]
    result = GroupDecision(group.id, action, left_open=sorted(exceptions & set(group.proposal_ids)))
    if action == "reject":
        _each(session, ids, lambda p: decisions.reject(session, p.id), result, progress)
        if group.type in stoplist.STOP_TYPES and result.applied:
            stoplist.add(session, group.type, group.name)
            result.stoplisted = group.name
        return result
    if action == "link" or (action == "accept" and group.linked is not None):
        kind, record_id = link if action == "link" else (group.linked.kind, group.linked.id)
        if group.type == "INCIDENT" or _RECORD_OF_TYPE[group.type] != kind:
            raise ValidationError({"link": f"A {group.type.lower()} name links to a "
                                           f"{_RECORD_OF_TYPE.get(group.type, 'record')}, "
                                           f"not to a {kind}."})
        result.target = _record(session, kind, record_id)
        _each(session, ids, lambda p: _link_one(session, p, result.target), result, progress)
        return result
    if action != "accept":
        raise ValueError(f"Unknown decision {action!r}: accept, link or reject.")
    if group.type == "INCIDENT":
        _each(session, ids, lambda p: decisions.accept(session, p.id), result, progress)
        return result

    def accept_first_then_link(p: m.Proposal) -> None:
        if result.target is None:  # the first open proposal makes the record
            target = decisions.accept(session, p.id)
            result.target = _record(session, *target)
        else:
            _link_one(session, p, result.target)

    _each(session, ids, accept_first_then_link, result, progress)
    return result


def merge_groups(session: Session, keep: Group, other: Group, *,
                 progress: ProgressFn | None = None) -> list[GroupDecision]:
    """Two groups are one record: ``keep`` is accepted (or linked), ``other`` links to it."""
    if keep.type == "INCIDENT" or other.type == "INCIDENT" or \
            _RECORD_OF_TYPE[keep.type] != _RECORD_OF_TYPE[other.type]:
        raise ValidationError({"merge": "Only names of the same kind of record merge."})
    first = decide_group(session, keep, "accept", progress=progress)
    if first.target is None:
        raise ValidationError({"merge": f"«{keep.name}» could not be accepted."})
    second = decide_group(session, other, "link", link=(first.target.kind, first.target.id),
                          progress=progress)
    return [first, second]
