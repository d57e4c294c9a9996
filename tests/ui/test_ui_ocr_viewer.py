
"""An OCR'd source in the viewer: the banner, the page beside the text, the words boxed."""

from __future__ import annotations

import io
import sys
from pathlib import Path

from PySide6.QtGui import QImage

from casefile.importing.pipeline import import_paths
from casefile.review.proposals import propose_for_new_source
from ui.core.selection import Ref

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "scripts"))
from page_render import render_page  # noqa: E402

LINES = ["زار المدعو «محمد علي الهادي» والملقب بـ «أبو رقية الأحوازي» قرية حطلة في ريف دير الزور."]


def test_ocr_source_shows_banner_page_and_boxed_words(desk, qtbot, sqlite_case, tmp_path):
    window, ids = desk
    image, _ = render_page(LINES)
    image = image.crop((0, 0, image.width, image.height // 6))
    path = tmp_path / "scan.png"
    out = io.BytesIO()
    image.save(out, format="PNG")
    path.write_bytes(out.getvalue())
    [outcome] = import_paths(sqlite_case, [path], on_new_source=propose_for_new_source)
    window.selection.select(Ref("source", outcome.source_id))
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.source is not None and viewer.source.id == outcome.source_id,
                    timeout=10000)
    confidence = round(viewer.source.meta["ocr"]["confidence"])
    assert viewer.ocr_banner.isVisible()
    assert viewer.ocr_banner.text() == f"Text read by OCR, confidence {confidence} %"
    assert viewer.page_button.isVisible() and not viewer.page_view.isVisible()

    viewer.page_button.click()
    canvas = viewer.page_view.canvas
    qtbot.waitUntil(lambda: not canvas.image.isNull(), timeout=10000)
    assert viewer.page_view.label.text().startswith("Page 1 of 1 · read by OCR")
    # The page is the original image (same proportions, the boxes' coordinates).
    assert (canvas.page_size.width(), canvas.page_size.height()) == image.size
    text = viewer.text.text
    start = text.index("الهادي")
    viewer.text.select_span(start, start + len("الهادي"))
    qtbot.waitUntil(lambda: len(canvas.boxes) == 1, timeout=5000)
    # The box is where that word is printed: dark ink inside it on the page image.
    left, top, width, height = canvas.boxes[0]
    page = QImage(canvas.image)
    sx = page.width() / image.width
    ink = sum(page.pixelColor(int((left + dx * width / 10) * sx),
                              int((top + height / 2) * sx)).lightness() < 100
              for dx in range(1, 10))
    assert ink >= 2
    assert all(r.width() > 5 and r.intersects(canvas.rect().toRectF()) for r in canvas.box_rects())
    grab = canvas.grab().toImage()
    rect = canvas.box_rects()[0]
    edge = grab.pixelColor(int(rect.left()) - 2, int(rect.center().y()))
    assert edge.red() > 150 and edge.green() < 120  # drawn in red on the page

    # Other sources have no banner and no page button.
    window.selection.select(Ref("source", ids["note"]))
    qtbot.waitUntil(lambda: viewer.source.id == ids["note"], timeout=10000)
    assert not viewer.ocr_banner.isVisible() and not viewer.page_button.isVisible()


def test_ocr_languages_preference_is_used_by_window_imports(desk, qtbot, sqlite_case, tmp_path):
    from casefile.db import models as m
    from ui.core import i18n
    from ui.dialogs.preferences_dialog import OCR_LANGUAGES_KEY, PreferencesDialog, ocr_languages

    window, _ = desk
    try:
        dialog = PreferencesDialog(window)
        assert dialog.ocr.text() == "ara+eng"  # the default
        dialog.ocr.setText("ara; rm -rf")  # not a list of models: not saved
        dialog.accept()
        assert ocr_languages() == "ara+eng"
        dialog = PreferencesDialog(window)
        dialog.ocr.setText("fra")  # a model this machine does not have
        dialog.accept()
        assert ocr_languages() == "fra"
        path = tmp_path / "leaflet.png"
        path.write_bytes(_png_bytes())
        run = window.import_paths([str(path)])
        qtbot.waitUntil(lambda: run.summary is not None, timeout=30000)
        [outcome] = run.summary.report.outcomes
        with sqlite_case.read_session() as s:
            source = s.get(m.Source, outcome.source_id)
            assert source.status == "ocr_unavailable"
            assert source.meta["ocr"]["reason"].startswith(
                "the Tesseract language model fra is not installed")
        run.summary.close()
    finally:
        i18n.settings().remove(OCR_LANGUAGES_KEY)


def _png_bytes() -> bytes:
    image, _ = render_page(LINES)
    out = io.BytesIO()
    image.crop((0, 0, 600, 200)).save(out, format="PNG")
    return out.getvalue()
