"""Visual-to-logical reordering of one line of text, for PDF text layers.

Most PDF writers (LibreOffice, browsers, older Word) store right-to-left text
in the order the glyphs sit on the page, left to right, so an extractor reads
Arabic words backwards. Given a line's glyph clusters in visual order this
undoes the Unicode bidi algorithm's reordering: in a right-to-left line the
whole line is reversed and runs of Latin letters and numbers are put back;
in a left-to-right line each Arabic run is reversed (with its numbers put back).

Each cluster is kept whole: a glyph that stands for several characters (a
lam-alef ligature mapped to «لا») is already in logical order inside, and a
combining mark stays after its base letter.
"""

from __future__ import annotations

import unicodedata

_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")
_NUMBER_AFFIXES = set("%‰٪$€£#+-−±°")


def _kind(cluster: str) -> str:
    """Kind of a cluster by its first character: "R", "L", "N" (number) or "" (neutral)."""
    for ch in cluster:
        bidi = unicodedata.bidirectional(ch)
        if bidi in ("R", "AL"):
            return "R"
        if bidi == "L":
            return "L"
        if bidi in ("EN", "AN"):
            return "N"
        if bidi == "NSM":
            continue
        return ""
    return ""


def group_clusters(units: list[str]) -> list[str]:
    """Join combining marks to the unit before them (visual order)."""
    clusters: list[str] = []
    for unit in units:
        if clusters and unit and all(unicodedata.category(ch) == "Mn" for ch in unit):
            clusters[-1] += unit
        else:
            clusters.append(unit)
    return clusters


def _kinds(clusters: list[str]) -> list[str]:
    kinds = [_kind(c) for c in clusters]
    # A percent or currency sign sticks to the number next to it.
    for i, cluster in enumerate(clusters):
        if kinds[i] == "" and cluster.strip() in _NUMBER_AFFIXES and cluster.strip():
            if (i > 0 and kinds[i - 1] == "N") or (i + 1 < len(kinds) and kinds[i + 1] == "N"):
                kinds[i] = "N"
    return kinds


def _rtl_run(clusters: list[str], kinds: list[str], mirror: bool) -> list[str]:
    """Logical order of a right-to-left run given in visual order."""
    clusters = clusters[::-1]
    kinds = kinds[::-1]
    out: list[str] = []
    i = 0
    while i < len(clusters):
        if kinds[i] in ("L", "N"):
            # A left-to-right run: from here to the last L/N before the next R.
            j = i
            last = i
            while j < len(clusters) and kinds[j] != "R":
                if kinds[j] in ("L", "N"):
                    last = j
                j += 1
            out.extend(clusters[i : last + 1][::-1])
            i = last + 1
        else:
            out.append(clusters[i].translate(_MIRROR) if mirror and not kinds[i] else clusters[i])
            i += 1
    return out


def base_is_rtl(kinds: list[str], clusters: list[str]) -> bool:
    rtl = sum(len(c) for c, k in zip(clusters, kinds, strict=True) if k == "R")
    ltr = sum(len(c) for c, k in zip(clusters, kinds, strict=True) if k == "L")
    if rtl != ltr:
        return rtl > ltr
    strong = [k for k in kinds if k in ("R", "L")]
    return bool(strong) and strong[-1] == "R"  # the rightmost word starts the line


def visual_to_logical(clusters: list[str], *, mirror: bool = False) -> str:
    """Logical text of one line whose clusters are given left to right.

    ``mirror``: brackets in right-to-left runs are stored as the glyph shown
    (a writer that maps glyphs to presentation forms does this), so «(» on the
    page is a logical «)». Writers that map glyphs back to the characters
    typed (LibreOffice, HarfBuzz-based ones) need no mirroring.
    """
    kinds = _kinds(clusters)
    if "R" not in kinds:
        return "".join(clusters)
    if base_is_rtl(kinds, clusters):
        return "".join(_rtl_run(clusters, kinds, mirror))
    out: list[str] = []
    i = 0
    while i < len(clusters):
        if kinds[i] == "R":
            # An Arabic run inside a left-to-right line: up to the last R before an L.
            j = i
            last = i
            while j < len(clusters) and kinds[j] != "L":
                if kinds[j] == "R":
                    last = j
                j += 1
            out.extend(_rtl_run(clusters[i : last + 1], kinds[i : last + 1], mirror))
            i = last + 1
        else:
            out.append(clusters[i])
            i += 1
    return "".join(out)
