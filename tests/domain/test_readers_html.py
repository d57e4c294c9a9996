"""Saved web pages: article text and metadata; nothing runs, nothing is fetched."""

from __future__ import annotations

import datetime
import socket
import time
from email.message import EmailMessage

import pytest

from casefile.importing.readers import read_bytes

PAGE = """<!DOCTYPE html>
<html lang="ar" dir="rtl"><head>
<meta charset="utf-8">
<title>توتر في دير الزور - شبكة الرصد</title>
<meta property="og:title" content="توتر بين الروس والإيرانيين في دير الزور">
<meta property="og:site_name" content="شبكة الرصد">
<meta property="article:published_time" content="2024-08-20T09:15:00+03:00">
<meta name="author" content="مراسل الشبكة">
<link rel="canonical" href="https://example.org/ar/news/123">
<link rel="stylesheet" href="https://cdn.example.org/site.css">
<script src="https://cdn.example.org/tracker.js"></script>
<script>document.write("<p>نص من سكربت</p>"); fetch("https://example.org/beacon");</script>
<style>p { color: red }</style>
</head><body>
<header><nav><a href="/">الرئيسية</a> <a href="/news">أخبار</a></nav></header>
<div class="sidebar"><p>اقرأ أيضاً: خبر آخر لا علاقة له</p></div>
<article>
<h1>توتر بين الروس والإيرانيين</h1>
<p>شهدت بلدة <b>حطلة</b> في ريف دير الزور توتراً بين الطرفين.</p>
<p>زار المدعو «محمد علي الهادي» البلدة<br>يوم 12 آب.</p>
<img src="https://example.org/pixel.png">
<iframe src="https://example.org/embed"></iframe>
</article>
<footer>جميع الحقوق محفوظة</footer>
</body></html>
"""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a reader tried to open a network connection")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)


def test_article_text_and_metadata(no_network: None) -> None:
    result = read_bytes(PAGE.encode("utf-8"), "صفحة.html")
    assert result.text == (
        "توتر بين الروس والإيرانيين\n"
        "شهدت بلدة حطلة في ريف دير الزور توتراً بين الطرفين.\n"
        "زار المدعو «محمد علي الهادي» البلدة\nيوم 12 آب."
    )
    assert result.media_type == "text/html"
    assert result.title == "توتر بين الروس والإيرانيين في دير الزور"
    assert result.publisher == "شبكة الرصد"
    assert result.url == "https://example.org/ar/news/123"
    assert result.published == datetime.date(2024, 8, 20)
    assert result.author == "مراسل الشبكة"


def test_scripts_navigation_and_footer_are_dropped(no_network: None) -> None:
    text = read_bytes(PAGE.encode("utf-8"), "page.htm").text
    for junk in ("سكربت", "fetch", "الرئيسية", "اقرأ أيضاً", "جميع الحقوق", "color"):
        assert junk not in text


def test_page_without_article_uses_largest_text_block() -> None:
    page = (
        "<html><head><title>عنوان</title></head><body>"
        "<div id='menu'><p>الرئيسية</p><p>اتصل بنا</p></div>"
        "<div id='content'><p>" + "فقرة طويلة من نص التقرير. " * 20 + "</p>"
        "<p>فقرة ثانية من التقرير.</p></div>"
        "<time datetime='2024-08-21'>21 آب</time></body></html>"
    )
    result = read_bytes(page.encode(), "p.html")
    assert result.text.startswith("فقرة طويلة")
    assert result.text.endswith("فقرة ثانية من التقرير.")
    assert "اتصل بنا" not in result.text
    assert result.title == "عنوان"
    assert result.published == datetime.date(2024, 8, 21)


def test_declared_windows_1256_page() -> None:
    page = (
        '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1256">'
        "<title>خبر</title></head><body><p>الحرس الثوري في الميادين</p></body></html>"
    )
    result = read_bytes(page.encode("cp1256"), "old.htm")
    assert result.text == "الحرس الثوري في الميادين"
    assert result.title == "خبر"


def test_undeclared_windows_1256_page_is_detected() -> None:
    page = "<html><body><p>زار المدعو محمد علي الهادي بلدة حطلة في ريف دير الزور</p></body></html>"
    assert read_bytes(page.encode("cp1256"), "old.html").text == (
        "زار المدعو محمد علي الهادي بلدة حطلة في ريف دير الزور"
    )


def test_mhtml_saved_by_a_browser(no_network: None) -> None:
    # The structure Chrome writes with "Save page as… single file".
    message = EmailMessage()
    message["From"] = "<Saved by Blink>"
    message["Snapshot-Content-Location"] = "https://example.org/ar/news/123"
    message["Subject"] = "توتر في دير الزور"
    message["Date"] = "Tue, 20 Aug 2024 10:00:00 +0300"
    message["MIME-Version"] = "1.0"
    message.make_related()
    message.add_related(PAGE, subtype="html", cte="quoted-printable")
    message.get_payload()[0]["Content-Location"] = "https://example.org/ar/news/123"
    message.add_related(b"\x89PNG\r\n\x1a\nfake", maintype="image", subtype="png")
    data = message.as_bytes()

    result = read_bytes(data, "page.mhtml")
    assert result.media_type == "multipart/related"
    assert "زار المدعو «محمد علي الهادي» البلدة" in result.text
    assert "سكربت" not in result.text
    assert result.title == "توتر بين الروس والإيرانيين في دير الزور"
    assert result.url == "https://example.org/ar/news/123"
    assert result.published == datetime.date(2024, 8, 20)
    # Detection is by content: the same bytes under another name read the same.
    assert read_bytes(data, "saved").text == result.text


def _nested_page(depth: int, tags: tuple[str, ...] = ("div",)) -> bytes:
    opening = "".join(f"<{tags[i % len(tags)]}>" for i in range(depth))
    closing = "".join(f"</{tags[i % len(tags)]}>" for i in reversed(range(depth)))
    return (
        f"<html><body>{opening}<p>نص في العمق</p>{closing}<p>فقرة بعد الصندوق</p></body></html>"
    ).encode()


def test_a_page_nested_200000_levels_deep_is_read_with_its_text() -> None:
    page = _nested_page(200_000)
    assert len(page) > 2_000_000
    started = time.perf_counter()
    result = read_bytes(page, "deep.html")
    assert time.perf_counter() - started < 30  # was 126 s
    assert result.text == "نص في العمق\nفقرة بعد الصندوق"


def test_reading_time_grows_linearly_with_nesting_depth() -> None:
    """Four times deeper takes about four times as long (it took sixteen)."""

    def best_of_three(depth: int) -> float:
        page = _nested_page(depth, ("div", "section", "span", "blockquote"))
        times = []
        for _ in range(3):
            started = time.perf_counter()
            read_bytes(page, "deep.html")
            times.append(time.perf_counter() - started)
        return min(times)

    shallow, deep = best_of_three(20_000), best_of_three(80_000)
    assert deep / shallow < 8, (shallow, deep)


def test_ordinary_nesting_is_left_as_it_is() -> None:
    from casefile.importing.readers.html import _BLOCK
    from casefile.importing.readers.html_depth import flatten_deep

    rows = "".join(f"<tr><td><p>خانة {i}</p></td></tr>" for i in range(300))
    page = f"<html><body><div><table>{rows}</table><script>'<div>'.repeat(999)</script></div></body></html>"
    assert flatten_deep(page, _BLOCK) is page
