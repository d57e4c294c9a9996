"""Reading the ANT corpus (../shared/corpus/ant) for the benchmarks.

Unpacks the tar.gz into a temporary folder once per run and yields
(path, title, date, text) per article, from its TREC-style tags.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
import tarfile
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from casefile.dates import parse_date_text  # noqa: E402

ANT_TARBALL = ROOT.parent / "shared" / "corpus" / "ant" / "ant-v1.1.tar.gz"
_TAG = {name: re.compile(rf"<{name}>(.*?)</{name}>", re.S) for name in ("TITLE", "TIME", "TEXT")}


def unpack(target: Path | None = None) -> Path:
    target = target or Path(tempfile.mkdtemp(prefix="ant-"))
    with tarfile.open(ANT_TARBALL) as tar:
        tar.extractall(target, filter="data")
    return target


def articles(
    folder: Path, only: Path | None = None
) -> Iterator[tuple[Path, str, dt.date | None, str]]:
    for path in [only] if only else sorted(folder.rglob("*.txt")):
        raw = path.read_text(encoding="utf-8", errors="replace")
        fields = {k: (m.group(1).strip() if (m := rx.search(raw)) else "") for k, rx in _TAG.items()}
        # <TIME> is dd/mm/yyyy: read by the same parser as the ANT reader of the application.
        yield path, fields["TITLE"], parse_date_text(fields["TIME"]), fields["TEXT"]
