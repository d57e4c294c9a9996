"""Plain data of an extraction result, shaped like the ``casefile extract --json`` output.

Offsets are Python string indices into the text given to ``extract``; ``text[start:end]``
is always the entity's ``text`` (the pipeline builds ``text`` from the span, never the reverse).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from ..dates.value import DateValue

PERSON, GROUP, PLACE, DATE = "PERSON", "GROUP", "PLACE", "DATE"
ENTITY_TYPES = (PERSON, GROUP, PLACE, DATE)
RELATION_TYPES = (
    "alias",
    "office",
    "affiliated_with",
    "backed_by",
    "present_in",
    "rival_of",
    "member_of",
)


@dataclass(frozen=True)
class LatinOf:
    """A Latin name not worked out yet: that of the name ``canonical`` of type ``type``."""

    type: str
    canonical: str


class _Latin:
    """``Entity.latin`` and ``Entity.latin_from``: a given string, or one worked out from a
    ``LatinOf`` when first read. Romanising every new person's name was a tenth of what
    extraction cost, and most entities' Latin names are never read."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> str:
        if obj is None:
            return ""  # the dataclass field's default
        value = obj.__dict__.get(self.name, "")
        if isinstance(value, LatinOf):
            from .romanize import latin_for

            latin, origin = latin_for(value.type, value.canonical)
            value = latin if self.name == "latin" else origin if latin else ""
            obj.__dict__[self.name] = value
        return value

    def __set__(self, obj: Any, value: str | LatinOf) -> None:
        obj.__dict__[self.name] = value


@dataclass
class Entity:
    type: str
    kind: str
    text: str
    start: int
    end: int
    canonical: str
    latin: _Latin = _Latin()  # a str (or a LatinOf worked out when read)
    matched_alias: str | None = None
    confidence: float = 0.5
    date: DateValue | None = None
    ref: tuple[str, Any] | None = None  # ("gazetteer", "irgc") or ("actor", 12) when linked
    source: str = ""  # which recognizer proposed it (pattern, gazetteer, case, model...)
    name: str = ""  # this mention's own name (display form), before coreference
    # Where ``latin`` came from: "gazetteer" / "case" (a known English name), "glossary"
    # (descriptive group words translated), "romanised" (a person's or place's name).
    latin_from: _Latin = _Latin()

    def share_latin(self, other: Entity) -> None:
        """Take ``other``'s Latin name (not its origin), worked out or not."""
        self.__dict__["latin"] = other.__dict__.get("latin", "")

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "type": self.type,
            "kind": self.kind,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "canonical": self.canonical,
            "latin": self.latin,
            "latin_from": self.latin_from,
            "matched_alias": self.matched_alias,
            "confidence": round(self.confidence, 3),
        }
        if self.date is not None:
            out["date"] = {k: v for k, v in asdict(self.date).items() if k != "end" or v}
        if self.ref is not None:
            out["ref"] = list(self.ref)
        if self.name and self.name != self.canonical:
            out["name"] = self.name
        return out


@dataclass
class Relation:
    type: str
    source: int  # index into ExtractionResult.entities
    target: int
    start: int  # span of the words that state the relation
    end: int
    title: str | None = None  # for offices: «مختار», «رئيس بلدية», «مسؤول»
    confidence: float = 0.7

    def to_json(self, entities: list[Entity]) -> dict[str, Any]:
        src, tgt = entities[self.source], entities[self.target]
        out: dict[str, Any] = {
            "type": self.type,
            "source": src.canonical,
            # An alias relation names the other name, not the shared canonical one.
            "target": (tgt.name or tgt.canonical) if self.type == "alias" else tgt.canonical,
            "start": self.start,
            "end": self.end,
            "source_entity": self.source,
            "target_entity": self.target,
            "confidence": round(self.confidence, 3),
        }
        if self.title:
            out["title"] = self.title
        return out


@dataclass
class IncidentActor:
    entity: int  # index into ExtractionResult.entities
    role: str


@dataclass
class Incident:
    type: str
    subtype: str
    start: int
    end: int
    trigger: tuple[int, int]
    date: DateValue | None = None
    date_source: str = "report"  # "clause" | "nearest" | "report" | "none"
    place: int | None = None  # index of a PLACE entity
    within: int | None = None  # the wider PLACE named with it («دوما في الغوطة الشرقية»)
    actors: list[IncidentActor] = field(default_factory=list)
    summary: str = ""
    mentions: list[tuple[int, int]] = field(default_factory=list)  # later mentions, merged
    confidence: float = 0.6
    fatalities: int | None = None  # the toll the report gives («مقتل 90 مدنيًا»), an attribute

    def to_json(self, entities: list[Entity]) -> dict[str, Any]:
        date = (
            {"value": self.date.value, "precision": self.date.precision, "from": self.date_source}
            | ({"end": self.date.end} if self.date.end else {})
            if self.date
            else {"value": None, "precision": None, "from": "none"}
        )
        seen: set[tuple[str, str]] = set()
        actors = []
        for a in self.actors:
            item = (entities[a.entity].canonical, a.role)
            if item not in seen:
                seen.add(item)
                actors.append({"name": item[0], "role": a.role, "entity": a.entity})
        return {
            "type": self.type,
            "subtype": self.subtype,
            "start": self.start,
            "end": self.end,
            "date": date,
            "place": entities[self.place].canonical if self.place is not None else None,
            **({"within": entities[self.within].canonical} if self.within is not None else {}),
            "actors": actors,
            "summary": self.summary,
            "mentions": [list(m) for m in self.mentions],
            "confidence": round(self.confidence, 3),
            **({"fatalities": self.fatalities} if self.fatalities is not None else {}),
        }


@dataclass
class ExtractionResult:
    text: str
    language: str
    entities: list[Entity] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    incidents: list[Incident] = field(default_factory=list)
    status: str = "ok"  # "ok" | "empty" | "no-arabic" | "truncated"

    def of_type(self, type_: str) -> list[Entity]:
        return [e for e in self.entities if e.type == type_]

    def to_json(self) -> dict[str, Any]:
        return {
            "language": self.language,
            "status": self.status,
            "entities": [e.to_json() for e in self.entities],
            "relations": [r.to_json(self.entities) for r in self.relations],
            "incidents": [i.to_json(self.entities) for i in self.incidents],
        }
