"""What a read file's text gives besides itself, worked out in the reader worker.

Everything here is a pure function of a ``ReadResult`` (and, for the door's analysis, of a
picklable snapshot of the case), so it runs in the worker processes beside the reading and
comes back pickled: the writer only inserts. ``derive`` walks a result and the children it
carries in one fixed order (``walk``), so the writer pairs each result with its facts.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from casefile.importing.files import display_path
from casefile.importing.language import detect_language
from casefile.importing.readers.base import ReadResult
from casefile.normalize import normalize
from casefile.search.terms import index_terms

# (context, text, report date) → a picklable analysis: the door's step, run in the worker.
Analyse = Callable[[Any, str, Any], Any]


@dataclass
class Work:
    """What the worker does after reading: the door's ``analyse`` on the snapshot
    ``context`` (sent once per ``version``: None when the worker already has it)."""

    analyse: Analyse | None = None
    version: int = 0
    context: Any = None


@dataclass
class SourceFacts:
    text_key: str | None
    language: str | None
    search_title: str  # index terms (casefile.search.terms)
    search_body: str
    analysis: Any = None
    analysis_error: str | None = None  # the step failed on this text: a warning, not an error


def text_key(text: str) -> str | None:
    """Hash of the normalised text: equal for the same report in another container."""
    folded = normalize(text)
    return hashlib.sha256(folded.encode("utf-8")).hexdigest() if folded else None


def walk(result: ReadResult, name: str) -> Iterator[tuple[ReadResult, str]]:
    """A result and, depth first, the children that came with their own result."""
    yield result, name
    for child in result.children:
        if child.result is not None:
            yield from walk(child.result, child.name)


def facts_of(result: ReadResult, file_name: str, analyse: Analyse | None = None,
             context: Any = None) -> SourceFacts:
    title = " ".join(filter(None, [result.title, file_name, result.publisher]))
    facts = SourceFacts(
        text_key=text_key(result.text),
        language=detect_language(result.text) if result.text else None,
        search_title=index_terms(title),
        search_body=index_terms(result.text or ""),
    )
    if analyse is not None:
        try:
            facts.analysis = analyse(context, result.text or "", result.published)
        except Exception as error:  # noqa: BLE001 - a failed analysis must not lose the import
            facts.analysis_error = str(error) or type(error).__name__
    return facts


def derive(result: ReadResult, name: str, work: Work | None) -> list[SourceFacts]:
    """Facts of ``result`` and of the children it carries, in ``walk`` order."""
    analyse = work.analyse if work is not None else None
    context = work.context if work is not None else None
    return [facts_of(r, display_path(n), analyse, context) for r, n in walk(result, name)]
