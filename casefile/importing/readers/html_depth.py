"""Bounding how deeply a page nests before the HTML parser sees it.

An HTML5 tree builder checks the stack of open elements at many tags (is a <p>
in button scope? which open element does this end tag close?), so a page nested
N levels deep costs about N² steps: 200,000 nested <div>s (2.2 MB) take minutes.
Browsers bound the depth (Blink at 512); so does this module, in one linear
pass over the tags: start tags beyond ``MAX_DEPTH`` open elements are removed
together with their end tags (a block-level one leaves a line break), and the
text between them is kept. Real pages nest a few dozen levels, so they come out
unchanged; the count is deliberately rough (no full tokenizer), which can only
make it remove tags early on pages that are already pathological.
"""

from __future__ import annotations

import re

MAX_DEPTH = 256

# Elements whose content is raw text: tags inside them are not tags.
_RAW = "script|style|textarea|title|xmp|iframe|noembed|noframes|plaintext"
# One token: a comment, a raw-text element whole, or a start or end tag. An
# unclosed comment or raw-text element runs to the end, as in HTML, which also
# keeps the scan linear.
_TOKEN = re.compile(
    rf"<!--(?:.*?-->|.*)|<({_RAW})\b[^>]*>(?:.*?</\1\s*>|.*)|<(/?)([A-Za-z][A-Za-z0-9:-]*)[^>]*>",
    re.S | re.I,
)
_VOID = frozenset(
    "area base basefont bgsound br col embed frame hr img input keygen link meta param "
    "source track wbr".split()
)
# Elements another one of the same kind implicitly closes (<li>a<li>b, <p>a<p>b).
_SIBLINGS = frozenset("p li dt dd option optgroup tr td th rb rt rp".split())


def flatten_deep(html: str, line_breaking: frozenset[str], max_depth: int = MAX_DEPTH) -> str:
    """``html`` with nothing nested deeper than ``max_depth`` (unchanged if it is not)."""
    if html.count("<") <= max_depth:
        return html  # too few tags to nest that deep
    stack: list[str] = []
    open_count: dict[str, int] = {}
    dropped: dict[str, int] = {}  # start tags removed, by name: their end tags go too
    cuts: list[tuple[int, int, str]] = []  # (start, end, replacement)
    for token in _TOKEN.finditer(html):
        closing, name = token.group(2, 3)
        if name is None:
            continue  # a comment or a raw-text element: no nesting inside
        name = name.lower()
        if closing:
            if dropped.get(name):
                dropped[name] -= 1
                cuts.append((*token.span(), "<br>" if name in line_breaking else ""))
            elif open_count.get(name):
                while True:
                    top = stack.pop()
                    open_count[top] -= 1
                    if top == name:
                        break
            continue
        if name in _VOID or token.group().endswith("/>"):
            continue
        if stack and stack[-1] == name and name in _SIBLINGS:
            stack.pop()
            open_count[name] -= 1
        if len(stack) >= max_depth:
            dropped[name] = dropped.get(name, 0) + 1
            cuts.append((*token.span(), "<br>" if name in line_breaking else ""))
            continue
        stack.append(name)
        open_count[name] = open_count.get(name, 0) + 1
    if not cuts:
        return html
    pieces, kept_from = [], 0
    for start, end, replacement in cuts:
        pieces += [html[kept_from:start], replacement]
        kept_from = end
    pieces.append(html[kept_from:])
    return "".join(pieces)
