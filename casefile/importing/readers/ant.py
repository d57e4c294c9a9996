"""ANT corpus articles (TREC-style tags), used by the import benchmark.

Recognised only when a file starts with <DOC> and has a <DOCNO>; the tags give
title, date, URL, publisher and author, and the <TEXT> element the body.
"""

from __future__ import annotations

import re

from casefile.importing.readers.base import ReadResult, finish
from casefile.importing.readers.dates import parse_date_text

_TAG = re.compile(r"<(DOCNO|URL|SRC|CAT|TITLE|TIME|AUTHOR|TEXT)>(.*?)</\1>", re.S)


def looks_like_ant(text_head: str) -> bool:
    return text_head.lstrip().startswith("<DOC>") and "<DOCNO>" in text_head


def read_ant(text: str, encoding: str) -> ReadResult:
    fields = {name: value.strip() for name, value in _TAG.findall(text)}
    body = fields.get("TEXT", "")
    return finish(
        ReadResult(
            text=body,
            media_type="text/plain",
            title=fields.get("TITLE") or None,
            publisher=fields.get("SRC") or None,
            url=fields.get("URL") or None,
            published=parse_date_text(fields.get("TIME", "")),
            author=fields.get("AUTHOR") or None,
            metadata={"encoding": encoding, "format": "ANT"}
            | {k.lower(): fields[k] for k in ("DOCNO", "CAT") if fields.get(k)},
        )
    )
