"""Saved web pages: the article's text and the page's own metadata.

selectolax only parses: no script runs and nothing is fetched. Navigation,
footers, scripts and styles are dropped; the article is the <article> or <main>
element if there is one, else the element holding most paragraph text.

Every step is linear in the size of the page: nesting is bounded before parsing
(``html_depth``), and only outermost <article>/<main> candidates are measured.
"""

from __future__ import annotations

import codecs
import datetime
import json
import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from casefile.importing.readers.base import ReadResult, finish
from casefile.importing.readers.dates import parse_date_text, published_from_text
from casefile.importing.readers.html_depth import flatten_deep
from casefile.importing.readers.text import Decoded, decode_text, note_replaced

_DROP = (
    "script, style, noscript, template, svg, nav, footer, aside, form, iframe, object, embed, "
    "button, select, textarea, [role=navigation], [role=banner], [role=contentinfo], "
    "[role=complementary], [hidden], [aria-hidden=true], body > header"
)
_BLOCK = frozenset(
    "address article blockquote dd details dialog div dl dt fieldset figcaption figure h1 h2 h3 "
    "h4 h5 h6 header hr li main ol p pre section summary table tbody thead tfoot tr td th caption "
    "ul body html".split()
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_DATE_META = (
    'meta[property="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="pubdate"]',
    'meta[name="publishdate"]',
    'meta[name="publish-date"]',
    'meta[name="date"]',
    'meta[name="DC.date.issued"]',
    'meta[name="dc.date"]',
    'meta[name="DC.date"]',
    'meta[property="og:published_time"]',
)


def decode_html(data: bytes) -> Decoded:
    """Decode page bytes: a declared charset that works, else detection."""
    for bom in (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if data.startswith(bom):
            return decode_text(data)
    declared = _META_CHARSET.search(data[:4096])
    if declared:
        try:
            encoding = codecs.lookup(declared.group(1).decode("ascii")).name
            return Decoded(data.decode(encoding), encoding)
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common; detection decides
    return decode_text(data)


def _meta(tree: LexborHTMLParser, *selectors: str) -> str | None:
    for selector in selectors:
        node = tree.css_first(selector)
        if node is not None:
            value = (node.attributes.get("content") or node.attributes.get("href") or "").strip()
            if value:
                return value
    return None


def _json_ld(tree: LexborHTMLParser) -> dict:
    """Fields of the page's schema.org JSON-LD (read as data, never run)."""
    found: dict = {}
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "null")
        except ValueError:
            continue
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(v for k, v in item.items() if k == "@graph")
                for key in ("datePublished", "headline", "url"):
                    if isinstance(item.get(key), str):
                        found.setdefault(key, item[key])
                for key in ("publisher", "author"):
                    value = item.get(key)
                    value = value[0] if isinstance(value, list) and value else value
                    name = value.get("name") if isinstance(value, dict) else value
                    if isinstance(name, str) and key not in found:
                        found[key] = name
    return found


def _text_of(root: LexborNode) -> str:
    """Text of ``root`` with block elements on their own lines (no recursion,
    so a deeply nested page cannot exhaust the stack)."""
    out: list[str] = []
    stack = [root.iter(include_text=True)]
    closes = [False]
    while stack:
        node = next(stack[-1], None)
        if node is None:
            stack.pop()
            if closes.pop():
                out.append("\n")
            continue
        tag = node.tag
        if tag == "-text":
            out.append(node.text_content or "")
        elif tag == "br":
            out.append("\n")
        elif tag and not tag.startswith("-"):
            block = tag in _BLOCK
            if block:
                out.append("\n")
            stack.append(node.iter(include_text=True))
            closes.append(block)
    lines = (" ".join(line.split()) for line in "".join(out).split("\n"))
    return "\n".join(line for line in lines if line)


def _main_node(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    body_length = len(body.text(deep=True, strip=True))
    for selector in ("article", "main", "[role=main]"):
        # An outer candidate holds all the text of those inside it, so only
        # outermost ones can win (measuring every nested one is quadratic).
        nodes = tree.css(f"{selector}:not({selector} {selector})")
        if nodes:
            best = max(nodes, key=lambda n: len(n.text(deep=True, strip=True)))
            # An <article> that is only a teaser box does not stand for the page.
            if len(best.text(deep=True, strip=True)) >= 0.3 * body_length:
                return best
    totals: dict[int, tuple[int, LexborNode]] = {}
    for paragraph in tree.css("p"):
        parent = paragraph.parent
        if parent is None:
            continue
        length = len(paragraph.text(deep=True, strip=True))
        total, _ = totals.get(parent.mem_id, (0, parent))
        totals[parent.mem_id] = (total + length, parent)
    if totals:
        total, parent = max(totals.values(), key=lambda item: item[0])
        if total >= 0.3 * body_length:
            return parent
    return body


def _http_url(value: str | None) -> str | None:
    return value if value and value.lower().startswith(("http://", "https://")) else None


def _date(value: str | None) -> datetime.date | None:
    return parse_date_text(value) if value else None


def html_result(html: str, *, url: str | None = None, metadata: dict | None = None) -> ReadResult:
    """Read a decoded page; ``url`` is where it was saved from, if known."""
    tree = LexborHTMLParser(flatten_deep(html, _BLOCK))
    ld = _json_ld(tree)
    title_node = tree.css_first("title")
    h1 = tree.css_first("h1")
    title = (
        _meta(tree, 'meta[property="og:title"]', 'meta[name="twitter:title"]')
        or ld.get("headline")
        or (title_node.text(strip=True) if title_node else None)
        or (h1.text(strip=True) if h1 else None)
    )
    publisher = _meta(tree, 'meta[property="og:site_name"]', 'meta[name="application-name"]')
    author = _meta(tree, 'meta[name="author"]', 'meta[property="article:author"]')
    page_url = _http_url(_meta(tree, 'link[rel="canonical"]', 'meta[property="og:url"]'))
    published = _date(_meta(tree, *_DATE_META)) or _date(ld.get("datePublished"))
    time_node = tree.css_first("time[datetime]")
    if published is None and time_node is not None:
        published = _date(time_node.attributes.get("datetime"))

    # Innermost first: a node is never touched after its ancestor was freed.
    for node in reversed(tree.css(_DROP)):
        node.decompose()
    main = _main_node(tree)
    text = _text_of(main) if main is not None else ""
    return finish(
        ReadResult(
            text=text,
            media_type="text/html",
            title=title,
            publisher=publisher or ld.get("publisher"),
            url=page_url or _http_url(ld.get("url")) or _http_url(url),
            published=published or published_from_text(text),
            author=None if _http_url(author) else author or ld.get("author"),
            metadata=dict(metadata or {}),
        )
    )


def read_html(data: bytes, filename: str) -> ReadResult:
    decoded = decode_html(data)
    result = html_result(decoded.text, metadata={"encoding": decoded.encoding})
    return note_replaced(result, decoded)
