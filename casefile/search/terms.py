"""Turning text into index terms and queries into term groups.

SQLite's FTS5 and PostgreSQL's text search both get pre-normalised terms, so
the two backends see exactly the same words (BRIEF.md: FTS5 does no Arabic
folding by itself). Each word is indexed with all its clitic readings
(«والحرس» → والحرس الحرس حرس), and a word followed by an «ال» word is also
indexed glued («دير الزور» → ديرالزور), so glued and spaced spellings meet.
"""

from __future__ import annotations

from ..normalize import WORD_RE, normalize, strip_clitics


def index_terms(text: str) -> str:
    """Space-separated index terms for ``text``."""
    words = WORD_RE.findall(normalize(text))
    out: list[str] = []
    for i, word in enumerate(words):
        out.extend(strip_clitics(word))
        if i + 1 < len(words) and words[i + 1].startswith("ال") and len(words[i + 1]) > 3:
            out.append(word + words[i + 1])
    return " ".join(out)


def query_readings(word: str) -> list[str]:
    """The forms a query word may take in the index.

    The word itself, its readings that keep the article («بالحرس» → الحرس), and
    a long word without its leading clitic («بديرالزور» → ديرالزور, «وقوات» →
    قوات). Short words keep their first letter so «بلدية» never looks for «لدية».
    """
    readings = [word]
    for reading in strip_clitics(word)[1:]:
        stripped = len(word) - len(reading)
        if reading.startswith("ال") or (stripped <= 2 and len(reading) >= 5) or (
            word[0] in "وف" and stripped == 1 and len(reading) >= 3
        ):
            readings.append(reading)
    return readings


Slot = list[str]  # terms of which one must match


def query_groups(query: str) -> list[list[Slot]]:
    """The query as OR-ed alternatives, each an AND of slots of OR-ed terms.

    «دير الزور» has two alternatives: both words, or the glued «ديرالزور».
    """
    words = WORD_RE.findall(normalize(query))
    if not words:
        return []
    spellings = [words]
    for i in range(len(words) - 1):
        if words[i + 1].startswith("ال") and len(words[i + 1]) > 3:
            spellings.append(words[:i] + [words[i] + words[i + 1]] + words[i + 2:])
    return [[query_readings(w) for w in spelling] for spelling in spellings]


def all_terms(alternatives: list[list[Slot]]) -> set[str]:
    return {t for alt in alternatives for slot in alt for t in slot}


def fts5_query(alternatives: list[list[Slot]]) -> str:
    def slot(terms: Slot) -> str:
        return "(" + " OR ".join(f'"{t}"' for t in terms) + ")"

    return " OR ".join("(" + " AND ".join(slot(s) for s in alt) + ")" for alt in alternatives)


def tsquery(alternatives: list[list[Slot]]) -> str:
    def slot(terms: Slot) -> str:
        return "(" + " | ".join(f"'{t}'" for t in terms) + ")"

    return " | ".join("(" + " & ".join(slot(s) for s in alt) + ")" for alt in alternatives)
