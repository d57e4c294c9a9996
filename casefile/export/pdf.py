"""HTML to PDF through QtWebEngine: the one module of ``casefile`` that uses Qt.

Chromium's printToPdf writes Arabic shaped on the page *and* a text layer in logical
order that pdftotext and PDF readers can search and copy; QPdfWriter/QTextDocument do
not (most Arabic comes out uncopyable), so they are not used. Page numbers "X of Y" are
CSS ``@page`` margin boxes with ``counter(pages)``, which Chromium (≥ 131) prints as real
text; the margins that hold them are given here, in the page layout.

Rendering always runs in a child process, ``python -m casefile.export.pdf IN.html OUT.pdf``:
- QtWebEngine lives on the main thread of its process; the GUI calls exports from a worker
  thread, and the CLI has no Qt at all. A child process serves both the same way.
- As root, Chromium starts only with its sandbox off. The child turns it off for itself
  alone; the GUI's own web views (which show imported HTML) keep theirs.
- A hang or crash of Chromium cannot take the window down, and Cancel can kill it.
Nothing is fetched from the network: a request interceptor blocks every URL that is not
``file:`` or ``data:``, JavaScript is off, and the templates' CSP forbids remote loads.
The Qt imports are inside functions so that importing this module costs nothing.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from .errors import RenderError

PACKAGE_ROOT = Path(__file__).resolve().parents[2]
MARGINS_MM = (14.0, 18.0, 14.0, 16.0)  # left, top, right, bottom: room for the margin boxes
ALLOWED_SCHEMES = ("file", "data")
DEFAULT_TIMEOUT = 300.0


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"  # never a window, also without a display
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(PACKAGE_ROOT), env.get("PYTHONPATH")]))
    flags = env.get("QTWEBENGINE_CHROMIUM_FLAGS", "").split()
    flags += [f for f in ("--disable-gpu",) if f not in flags]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        # Chromium refuses to run as root with its sandbox; this child renders only our
        # own templates, with scripts and the network off.
        env["QTWEBENGINE_DISABLE_SANDBOX"] = "1"
        flags += [f for f in ("--no-sandbox",) if f not in flags]
    env["QTWEBENGINE_CHROMIUM_FLAGS"] = " ".join(flags)
    return env


def html_to_pdf(html_path: Path, pdf_path: Path, *, page_size: str = "A4",
                timeout: float = DEFAULT_TIMEOUT,
                check: Callable[[], None] | None = None) -> Path:
    """Print ``html_path`` to ``pdf_path`` in a child process; ``check`` may raise to cancel."""
    cmd = [sys.executable, "-m", "casefile.export.pdf", str(html_path), str(pdf_path),
           "--page-size", page_size]
    # Its own process group (POSIX), so Cancel ends Chromium's helpers along with it.
    # stderr goes to a file, not a pipe: Chromium's chatter must never fill a pipe and stall.
    posix = os.name == "posix"
    with tempfile.TemporaryFile(mode="w+", encoding="utf-8", errors="replace") as log:
        proc = subprocess.Popen(cmd, env=_child_env(), stdout=subprocess.DEVNULL, stderr=log,
                                start_new_session=posix)
        deadline = time.monotonic() + timeout
        try:
            while proc.poll() is None:
                if check is not None:
                    check()
                if time.monotonic() > deadline:
                    raise RenderError(f"The PDF renderer took more than {timeout:.0f} s; stopped.")
                time.sleep(0.05)
        except BaseException:
            if posix:
                os.killpg(proc.pid, signal.SIGKILL)
            else:
                proc.kill()
            proc.wait()
            raise
        log.seek(0)
        err = log.read()
    if proc.returncode != 0 or not pdf_path.exists() or pdf_path.stat().st_size == 0:
        lines = [ln for ln in err.splitlines() if ln.startswith("casefile")] or err.splitlines()
        raise RenderError("The PDF could not be rendered: " + " ".join(lines[-3:]).strip())
    return pdf_path


# --- the child process -------------------------------------------------------------------


def _render_here(html_path: Path, pdf_path: Path, page_size: str, timeout: float) -> bool:
    """Load the page and print it; runs the Qt event loop until done. True on success."""
    from PySide6.QtCore import QMarginsF, QTimer, QUrl
    from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize
    from PySide6.QtWebEngineCore import (
        QWebEnginePage,
        QWebEngineProfile,
        QWebEngineSettings,
        QWebEngineUrlRequestInterceptor,
    )

    class LocalOnly(QWebEngineUrlRequestInterceptor):
        def interceptRequest(self, info) -> None:  # noqa: N802 - Qt's name
            if info.requestUrl().scheme() not in ALLOWED_SCHEMES:
                info.block(True)

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    profile = QWebEngineProfile()  # off the record: no cache or cookies on disk
    interceptor = LocalOnly()
    profile.setUrlRequestInterceptor(interceptor)
    page = QWebEnginePage(profile)
    settings = page.settings()
    settings.setAttribute(QWebEngineSettings.WebAttribute.JavascriptEnabled, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.LocalContentCanAccessRemoteUrls, False)
    settings.setAttribute(QWebEngineSettings.WebAttribute.PluginsEnabled, False)
    size = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}[page_size]
    left, top, right, bottom = MARGINS_MM
    layout = QPageLayout(QPageSize(size), QPageLayout.Orientation.Portrait,
                         QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter)
    result = {"ok": False}

    def loaded(ok: bool) -> None:
        if not ok:
            print(f"casefile: could not load {html_path}", file=sys.stderr)
            app.quit()
            return
        page.printToPdf(str(pdf_path), layout)

    def printed(_path: str, ok: bool) -> None:
        result["ok"] = ok
        if not ok:
            print(f"casefile: Chromium could not write {pdf_path}", file=sys.stderr)
        app.quit()

    page.loadFinished.connect(loaded)
    page.pdfPrintingFinished.connect(printed)
    QTimer.singleShot(int(timeout * 1000), app.quit)
    page.load(QUrl.fromLocalFile(str(html_path.resolve())))
    app.exec()
    import shiboken6

    shiboken6.delete(page)  # the page must go before its profile, or Qt complains
    shiboken6.delete(profile)
    return result["ok"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m casefile.export.pdf",
                                     description="Print an export's HTML to PDF (Chromium).")
    parser.add_argument("html", type=Path)
    parser.add_argument("pdf", type=Path)
    parser.add_argument("--page-size", choices=["A4", "Letter"], default="A4")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    args = parser.parse_args(argv)
    if not args.html.is_file():
        print(f"casefile: {args.html} does not exist", file=sys.stderr)
        return 2
    return 0 if _render_here(args.html, args.pdf, args.page_size, args.timeout) else 1


if __name__ == "__main__":
    sys.exit(main())
