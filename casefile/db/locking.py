"""Saving an edit made on a copy the analyst loaded earlier.

The form keeps the record's ``version``; the save is refused when the record
has moved on since, with both versions in the error so the analyst can
choose. Races between this check and the UPDATE are caught by SQLAlchemy's
version column (``Case.session`` turns them into the same ConflictError).
"""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from . import models as m
from .errors import ConflictError

T = TypeVar("T", bound=m.Base)


def describe(obj: Any) -> str:
    label = getattr(obj, "name", None) or getattr(obj, "title", None) or ""
    return f"{type(obj).__name__} {obj.id}" + (f" «{label}»" if label else "")


def values(obj: Any) -> dict[str, Any]:
    return {c.key: getattr(obj, c.key) for c in obj.__mapper__.column_attrs
            if c.key not in ("original", "text")}


def apply_edit(session: Session, model: type[T], record_id: int, expected_version: int,
               changes: dict[str, Any]) -> T:
    """Apply ``changes`` to the record if nobody changed it since ``expected_version``."""
    obj = session.get(model, record_id)
    if obj is None:
        raise ConflictError(f"{model.__name__} {record_id} (deleted by someone else)",
                            mine=changes)
    if obj.version != expected_version:
        raise ConflictError(describe(obj), mine=changes, theirs=values(obj))
    for key, value in changes.items():
        setattr(obj, key, value)
    return obj
