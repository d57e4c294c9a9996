"""Domain services for the desk: read models and edits behind the forms and panels.

Each function takes a ``Session`` and never commits: the caller owns one
transaction per user action (``casefile.undo.run_action`` through the UI's
operation runner). Reads return detached dataclasses, never ORM objects, so
nothing that reaches a widget can lazy-load from a closed session.
"""

from .validation import ValidationError

__all__ = ["ValidationError"]
