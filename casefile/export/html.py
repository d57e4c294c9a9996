"""Dossier and timeline HTML from the Jinja2 templates in resources/templates.

The HTML is made to be printed by Chromium (pdf.py): right to left, Arabic fonts shipped
with Casefile referenced by file URL, Latin names and numbers isolated in <bdi> so the
bidi algorithm keeps their order inside Arabic lines, and a CSP that forbids scripts and
any remote load.
"""

from __future__ import annotations

from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from ..assets import resources_dir
from .dossier_data import Dossier
from .timeline_data import Timeline

RESOURCES = resources_dir()
TEMPLATES = RESOURCES / "templates"
FONTS = RESOURCES / "fonts"
FONT_FILES = {
    "naskh": "NotoNaskhArabic-Regular.ttf", "naskh_bold": "NotoNaskhArabic-Bold.ttf",
    "sans": "NotoSans-Regular.ttf", "sans_bold": "NotoSans-Bold.ttf",
}


def css_string(value: str) -> str:
    """Text safe inside a CSS double-quoted string (the marking is user input)."""
    out = []
    for ch in str(value):
        if ch in '"\\' or ch in "\n\r\f" or ch == "<":
            out.append(f"\\{ord(ch):x} ")
        else:
            out.append(ch)
    return "".join(out)


@lru_cache(maxsize=1)
def environment() -> Environment:
    # HTML is escaped; CSS is not (entities mean nothing inside <style>): what goes into
    # the CSS passes through css_string, which also escapes «<» so «</style>» cannot occur.
    env = Environment(loader=FileSystemLoader(TEMPLATES), autoescape=select_autoescape(
        ["html"], default_for_string=True, default=False), undefined=StrictUndefined,
        trim_blocks=True, lstrip_blocks=True)
    env.filters["css_string"] = css_string
    return env


def font_urls() -> dict[str, str]:
    return {name: (FONTS / file).as_uri() for name, file in FONT_FILES.items()}


def _render(template: str, *, title: str, running_title: str, marking: str,
            page_size: str, **context: object) -> str:
    return environment().get_template(template).render(
        title=title, running_title=running_title, marking=marking, page_size=page_size,
        fonts=font_urls(), **context)


def render_dossier(dossier: Dossier) -> str:
    meta = dossier.meta
    return _render("dossier.html", title=f"ملف {dossier.name}",
                   running_title=f"{dossier.name} — {meta.case_name}", marking=meta.marking,
                   page_size=meta.page_size, dossier=dossier)


def render_timeline(timeline: Timeline) -> str:
    meta = timeline.meta
    return _render("timeline.html", title="الخط الزمني للأحداث",
                   running_title=f"الخط الزمني — {meta.case_name}", marking=meta.marking,
                   page_size=meta.page_size, timeline=timeline)
