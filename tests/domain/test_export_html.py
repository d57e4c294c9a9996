"""The export HTML: right-to-left, isolated Latin, local fonts only, a marking that cannot
break out of its CSS string or inject markup."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urlparse

import pytest
from test_export_data import ACTOR, LATIN, build_sample_case

from casefile.export.dossier_data import build_dossier
from casefile.export.html import css_string, render_dossier, render_timeline
from casefile.export.meta import ExportMeta
from casefile.export.timeline_data import TimelineFilter, build_timeline

HOSTILE = 'سري "</style><script>alert(1)</script> \\ «الله»'


@pytest.fixture
def sample(sqlite_case):
    return sqlite_case, build_sample_case(sqlite_case)


def _html(case, ids, marking=HOSTILE, page_size="A4"):
    meta = ExportMeta(case_name="ملف", analyst="tester", marking=marking, page_size=page_size)
    with case.read_session() as s:
        return render_dossier(build_dossier(s, ids["actor"], meta))


def test_page_is_rtl_arabic_with_latin_isolated(sample):
    case, ids = sample
    html = _html(case, ids)
    assert '<html dir="rtl" lang="ar">' in html
    assert f'<bdi dir="ltr" lang="en" class="latin">{LATIN}</bdi>' in html
    assert f"<h1>{ACTOR}</h1>" in html
    assert "size: A4;" in html and "size: Letter;" in _html(case, ids, page_size="Letter")


def test_fonts_are_local_files_that_exist(sample):
    case, ids = sample
    urls = re.findall(r'url\("([^"]+)"\)', _html(case, ids))
    assert len(urls) == 4
    for url in urls:
        parsed = urlparse(url)
        assert parsed.scheme == "file" and Path(unquote(parsed.path)).is_file()


def test_no_script_and_no_remote_reference(sample):
    case, ids = sample
    html = _html(case, ids)
    assert "<script" not in html  # the hostile marking is escaped in the body
    assert html.count("</style>") == 1  # and cannot close the style sheet early
    assert not re.search(r"https?://", html)
    assert "default-src 'none'" in html  # CSP: even a slip would load nothing
    with case.read_session() as s:
        timeline = render_timeline(build_timeline(
            s, TimelineFilter(), ExportMeta(case_name="c", analyst="a", marking=HOSTILE)))
    assert "<script" not in timeline and timeline.count("</style>") == 1


def test_css_string_escapes_what_could_end_the_string():
    assert css_string('a"b\\c\nd<e') == 'a\\22 b\\5c c\\a d\\3c e'
    assert css_string("سري / CONFIDENTIAL") == "سري / CONFIDENTIAL"
