"""Extraction as a post-import hook: every new source gets proposals in its import transaction.

``install()`` is idempotent; the CLI and the demo builder call it, and the application calls
it at start-up. The hook itself imports lazily so importing stays usable without extraction.
"""

from __future__ import annotations

from typing import Any


def propose_after_import(session: Any, source: Any) -> None:
    from .proposals import propose_for_source

    propose_for_source(session, source, fresh=True)


def install() -> bool:
    """Register the hook once; False when the importing pipeline is not available."""
    try:
        from ..importing.pipeline import POST_IMPORT_HOOKS
    except ImportError:
        return False
    if propose_after_import not in POST_IMPORT_HOOKS:
        POST_IMPORT_HOOKS.append(propose_after_import)
    return True
