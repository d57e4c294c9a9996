"""Find in a document, Arabic-normalised: «الحرس» finds «والحرس», «الحَرَس» and «الحـرس»."""

from __future__ import annotations

import bisect
import re

from ..normalize import normalize, normalize_with_map


class DocumentFinder:
    """Normalises a text once; each query returns spans of the original text."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._norm, self._index = normalize_with_map(text)

    def _folds_away(self, i: int) -> bool:
        nxt = bisect.bisect_left(self._index, i)
        return nxt >= len(self._index) or self._index[nxt] != i

    def find(self, query: str, limit: int = 5000) -> list[tuple[int, int]]:
        words = normalize(query).split()
        if not words:
            return []
        pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
        spans = []
        for match in pattern.finditer(self._norm):
            if match.end() == match.start():
                continue
            end = self._index[match.end() - 1] + 1
            while end < len(self.text) and self._folds_away(end):
                end += 1  # keep the harakat that sit on the last letter
            spans.append((self._index[match.start()], end))
            if len(spans) >= limit:
                break
        return spans
