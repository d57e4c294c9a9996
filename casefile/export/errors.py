"""Errors an export reports to the analyst, each with a message fit to print as is."""

from __future__ import annotations

from dataclasses import dataclass


class ExportError(Exception):
    """An export could not be made; ``str(exc)`` says why, naming what was wrong."""


@dataclass(frozen=True)
class Choice:
    """An actor or place offered in an error message: enough to tell candidates apart."""

    id: int
    name: str
    name_latin: str | None
    kind: str
    matched: str  # the name or alias that matched or came close

    def describe(self) -> str:
        latin = f" ({self.name_latin})" if self.name_latin else ""
        via = f" — via «{self.matched}»" if self.matched and self.matched != self.name else ""
        return f"#{self.id} {self.name}{latin} [{self.kind}]{via}"


ActorChoice = Choice


class NotFound(ExportError):
    what = "actor"

    def __init__(self, ref: str, closest: list[Choice]) -> None:
        self.ref = ref
        self.closest = closest
        lines = [f"No {self.what} is called «{ref}» in this case."]
        if ref.lstrip("#").isdigit():
            lines = [f"No {self.what} has the id {ref.lstrip('#')} in this case."]
        if closest:
            lines.append("Closest names:")
            lines += [f"  {c.describe()}" for c in closest]
        super().__init__("\n".join(lines))


class Ambiguous(ExportError):
    what = "actor"

    def __init__(self, ref: str, candidates: list[Choice]) -> None:
        self.ref = ref
        self.candidates = candidates
        lines = [f"«{ref}» names {len(candidates)} {self.what}s; give the id of one of them:"]
        lines += [f"  {c.describe()}" for c in candidates]
        super().__init__("\n".join(lines))


class ActorNotFound(NotFound):
    what = "actor"


class AmbiguousActor(Ambiguous):
    what = "actor"


class PlaceNotFound(NotFound):
    what = "place"


class AmbiguousPlace(Ambiguous):
    what = "place"


class OutputNotWritable(ExportError):
    pass


class RenderError(ExportError):
    """The PDF renderer failed (its own message is kept)."""
