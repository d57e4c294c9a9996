"""One decision for a whole group: accept, link to a record, merge two groups, reject.

The first proposal of a new name, and each spelling the record does not bear yet, is decided
through extraction's own decisions (they make the record and its aliases); every other mention
then needs only what those decisions write for it (the proposal decided, a confirmed mention,
a citation), written in bulk: a few SQL statements per 500 mentions, with the same audit
entries and undo records. A proposal that another analyst decided meanwhile is skipped and
named and the rest are applied; nothing of theirs is overwritten. Rejecting a group puts its
mentions' words as written on the case's "not an entity" list. The caller owns the
transaction: one group decision is one undoable action.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from ..db import models as m
from ..db.audit import insert_audited, update_audited
from ..normalize import key
from ..services.citations import QUOTE_LIMIT
from ..services.validation import ValidationError
from . import decisions, stoplist
from .groups import Group, Linked

ProgressFn = Callable[[int, int], None]
_RECORD_OF_TYPE = {"PERSON": "actor", "GROUP": "actor", "PLACE": "place"}
BATCH = 500  # proposals decided per round of bulk statements


@dataclass
class GroupDecision:
    group_id: str
    action: str  # accept, link, reject
    applied: list[int] = field(default_factory=list)
    skipped: list[dict[str, Any]] = field(default_factory=list)
    left_open: list[int] = field(default_factory=list)  # the analyst's exceptions
    target: Linked | None = None
    stoplisted: list[str] = field(default_factory=list)  # put on the "not an entity" list

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


def _skip(result: GroupDecision, p: Any, pid: int, reason: str) -> None:
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


def _open_proposals(session: Session, ids: list[int], result: GroupDecision) -> list[Any]:
    """The proposals still open, in ``ids`` order, as light rows (id, text, source_id, status,
    decided_by); the others are skipped and named."""
    found: dict[int, Any] = {}
    for i in range(0, len(ids), BATCH):
        found.update((r.id, r) for r in session.execute(
            select(m.Proposal.id, m.Proposal.text, m.Proposal.source_id, m.Proposal.status,
                   m.Proposal.decided_by).where(m.Proposal.id.in_(ids[i:i + BATCH]))))
    out = []
    for pid in ids:
        p = found.get(pid)
        if p is None or p.status != "proposed":
            who = f" by {p.decided_by}" if p is not None and p.decided_by else ""
            _skip(result, p, pid, "no longer exists" if p is None
                  else f"already {p.status}{who}")
        else:
            out.append(p)
    return out


def _in_batches(session: Session, rows: list[Any], result: GroupDecision,
                progress: ProgressFn | None, done: int, total: int,
                batch_fn: Callable[[list[Any]], list[int]]) -> None:
    """Decide open proposals ``BATCH`` at a time with a few SQL statements each (``batch_fn``
    returns the ids it decided), so that thousands of mentions cost little Python: the
    window's thread, which waits for the interpreter while this runs, stays responsive."""
    session.flush()  # what the ORM holds is written before the Core statements
    for i in range(0, len(rows), BATCH):
        batch = rows[i:i + BATCH]
        result.applied.extend(batch_fn(batch))
        done += len(batch)
        if progress is not None:
            progress(done, total)


def _claim(session: Session, ids: list[int], status: str, target: tuple[str, int] | None,
           result: GroupDecision) -> list[int]:
    """Mark the proposals decided, those still open only: one that another analyst decided
    meanwhile is skipped and named, theirs stands. Returns the ids decided."""
    kind, record_id = target if target else (None, None)
    done = update_audited(session, m.Proposal, ids, {
        "status": status, "target_type": kind, "target_id": record_id,
        "decided_at": m.utcnow(), "decided_by": session.info.get("user")},
        where=[m.Proposal.__table__.c.status == "proposed"])
    if len(done) < len(ids):
        claimed = set(done)
        _open_proposals(session, [i for i in ids if i not in claimed], result)
    return done


def _reject_batch(session: Session, result: GroupDecision
                  ) -> Callable[[list[Any]], list[int]]:
    return lambda batch: _claim(session, [p.id for p in batch], "rejected", None, result)


def _link_all(session: Session, ids: list[int], result: GroupDecision,
              progress: ProgressFn | None, done: int = 0, total: int | None = None) -> None:
    """Link every open proposal of ``ids`` to ``result.target``.

    A spelling the record does not bear yet goes through extraction's own decision (it adds
    the alias, with its kind); every mention of a spelling it already bears needs only what
    that decision would write then (a confirmed mention, a citation, the proposal decided),
    written in bulk ``BATCH`` at a time.
    """
    target = result.target
    owner = session.get(m.Actor if target.kind == "actor" else m.Place, target.id)
    names = {key(owner.name), *(a.key for a in owner.aliases)}
    pending: list[Any] = []
    rows = _open_proposals(session, ids, result)
    for p in rows:
        if key(p.text) in names:
            pending.append(p)
        else:  # a new spelling: the full decision adds it as an alias
            _each(session, [p.id], lambda q: _link_one(session, q, target), result, None)
            names.add(key(p.text))
    total = len(ids) if total is None else total
    _in_batches(session, pending, result, progress, done + len(ids) - len(pending), total,
                _link_batch(session, target, result))


def _link_batch(session: Session, target: Linked, result: GroupDecision
                ) -> Callable[[list[Any]], list[int]]:
    status = "merged" if target.kind == "actor" else "accepted"  # as merge_into / accept
    column = "actor_id" if target.kind == "actor" else "place_id"
    P, S = m.Proposal, m.Source  # noqa: N806 - the tables, as in SQL

    def run(batch: list[Any]) -> list[int]:
        # The passage and the source's reliability, read by the database: no report's whole
        # text comes into Python.
        spans = {r.id: r for r in session.execute(
            select(P.id, P.source_id, P.start, P.end, P.text, S.reliability,
                   func.length(S.text).label("length"),
                   func.substr(S.text, P.start + 1, P.end - P.start).label("quote"))
            .join(S, S.id == P.source_id).where(P.id.in_([p.id for p in batch])))}
        good = []
        for p in batch:
            span = spans.get(p.id)
            if span is None:
                _skip(result, p, p.id, f"Source {p.source_id} no longer exists.")
            elif not 0 <= span.start < span.end <= (span.length or 0):
                _skip(result, p, p.id, "The passage is outside the document's text.")
            else:
                good.append(p.id)
        claimed = _claim(session, good, status, (target.kind, target.id), result)
        rows = [spans[pid] for pid in claimed]
        insert_audited(session, m.Mention, [
            {"source_id": r.source_id, "start": r.start, "end": r.end, "text": r.text,
             "target_type": target.kind, "proposal_id": r.id, "status": "confirmed",
             "actor_id": None, "place_id": None, column: target.id} for r in rows])
        insert_audited(session, m.Citation, [
            {"fact_type": target.kind, "fact_id": target.id, "source_id": r.source_id,
             "start": r.start, "end": r.end, "quote": r.quote[:QUOTE_LIMIT],
             "reliability": r.reliability} for r in rows])
        return claimed
    return run


def _stoplist_written(session: Session, group: Group, rejected: list[int]) -> list[str]:
    """The rejected mentions' words as written go on the "not an entity" list.

    Not the group's name when it is another name they were matched to: «أفاد» («he said»)
    matched the agency «إدارة الكوارث والطوارئ التركية» (AFAD) in 763 ANT reports; listing the
    agency would stop its real mentions too, and it is «أفاد» that is not an entity.
    """
    written: dict[str, str] = {}
    for i in range(0, len(rejected), 500):
        for text in session.scalars(select(m.Proposal.text).where(
                m.Proposal.id.in_(rejected[i:i + 500]))):
            written.setdefault(key(text), " ".join(text.split()))
    listed = []
    for k, text in sorted(written.items()):
        if k and stoplist.add(session, group.type, text) is not None:
            listed.append(text)
    return listed


def decide_group(session: Session, group: Group, action: str, *,
                 link: tuple[str, int] | None = None, except_ids: Iterable[int] = (),
                 progress: ProgressFn | None = None) -> GroupDecision:
    """Apply ``action`` (accept, link, reject) to every open proposal of ``group`` except
    ``except_ids``; ``link`` is the (kind, id) a link decision points to."""
    exceptions = set(except_ids)
    ids = [pid for pid in group.proposal_ids if pid not in exceptions]
    result = GroupDecision(group.id, action, left_open=sorted(exceptions & set(group.proposal_ids)))
    if action == "reject":
        rows = _open_proposals(session, ids, result)
        _in_batches(session, rows, result, progress, len(ids) - len(rows), len(ids),
                    _reject_batch(session, result))
        if group.type in stoplist.STOP_TYPES and result.applied:
            result.stoplisted = _stoplist_written(session, group, result.applied)
        return result
    if action == "link" or (action == "accept" and group.linked is not None):
        kind, record_id = link if action == "link" else (group.linked.kind, group.linked.id)
        if group.type == "INCIDENT" or _RECORD_OF_TYPE[group.type] != kind:
            raise ValidationError({"link": f"A {group.type.lower()} name links to a "
                                           f"{_RECORD_OF_TYPE.get(group.type, 'record')}, "
                                           f"not to a {kind}."})
        result.target = _record(session, kind, record_id)
        _link_all(session, ids, result, progress)
        return result
    if action != "accept":
        raise ValueError(f"Unknown decision {action!r}: accept, link or reject.")
    if group.type == "INCIDENT":
        _each(session, ids, lambda p: decisions.accept(session, p.id), result, progress)
        return result

    def accept_first(p: m.Proposal) -> None:
        result.target = _record(session, *decisions.accept(session, p.id))

    for n, pid in enumerate(ids):  # the first open proposal makes the record
        _each(session, [pid], accept_first, result, None)
        if result.target is not None:
            _link_all(session, ids[n + 1:], result, progress, n + 1, len(ids))
            break
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
