"""A small case with a real Arabic report and extraction-style proposals, for the desk tests."""

from __future__ import annotations

import hashlib
from pathlib import Path

from casefile.db import models as m
from casefile.search import index_source

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_42518da6be7191c8.txt"

# (kind, text as it appears, canonical, latin, matched alias, confidence, subkind)
PROPOSALS = [
    ("GROUP", "الشرطة العسكرية الروسية", "الشرطة العسكرية الروسية", "Russian Military Police",
     "الشرطة العسكرية الروسية", 0.93, "state_force"),
    ("PLACE", "خشام", "خشام", "Khasham", "خشام", 0.9, "town"),
    ("GROUP", "الحرس الثوري", "الحرس الثوري الإيراني", "IRGC", "الحرس الثوري", 0.91, "state_force"),
    ("PLACE", "حطلة", "حطلة", "Hatla", "حطلة", 0.88, "village"),
    ("DATE", "آب/ أغسطس 2024", "2024-08", "", "", 0.95, "month"),
    ("PERSON", "محمد علي الهادي", "محمد علي الهادي", "Muhammad Ali al-Hadi", "", 0.8, "person"),
    ("PERSON", "أبو رقية الأحوازي", "أبو رقية الأحوازي", "Abu Ruqayya al-Ahwazi", "", 0.75,
     "person"),
]


def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


def add_source(session, text: str, *, title: str = "توترات روسية إيرانية بريف ديرالزور",
               publisher: str = "عنب بلدي", language: str = "ar", name: str = "report.txt",
               published=None) -> m.Source:
    data = text.encode("utf-8")
    src = m.Source(sha256=hashlib.sha256(data).hexdigest(), original=data, file_name=name,
                   media_type="text/plain", size=len(data), title=title, publisher=publisher,
                   language=language, text=text, published=published, imported_by="tester")
    session.add(src)
    session.flush()
    index_source(session, src)
    return src


def add_proposals(session, source: m.Source, items=PROPOSALS) -> list[int]:
    ids = []
    for kind, text, canonical, latin, alias, conf, sub in items:
        start = source.text.index(text)
        payload = {"canonical": canonical, "latin": latin, "kind": sub}
        if alias:
            payload["matched_alias"] = alias
        if kind == "DATE":
            payload = {"canonical": canonical, "date": {"value": canonical, "precision": sub}}
        p = m.Proposal(source_id=source.id, kind=kind, subkind=sub, text=text, start=start,
                       end=start + len(text), confidence=conf, payload=payload)
        session.add(p)
        session.flush()
        ids.append(p.id)
    return ids


def build_sample(case) -> dict:
    """One seed report with proposals, one English note; returns their ids."""
    with case.session() as s:
        src = add_source(s, seed_text())
        ids = add_proposals(s, src)
        other = add_source(s, "A short English note about Khasham.", title="Field note",
                           publisher="Analyst", language="en", name="note.txt")
        return {"source": src.id, "proposals": ids, "note": other.id}


# --- the desk: a real main window on a sample case --------------------------------------


def make_window(tmp_path, qtbot):
    from PySide6.QtCore import QSettings

    from ui.core.settings import AppSettings
    from ui.desk.main_window import MainWindow

    settings = AppSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    return window


def open_in(window, qtbot, location) -> None:
    with qtbot.waitSignal(window.case_opened, timeout=15000):
        window.open_case_path(str(location))


def idle(qtbot, window, timeout=15000) -> None:
    """Wait until the case's runner has nothing queued."""
    qtbot.waitUntil(lambda: not window.handle.runner.running, timeout=timeout)


def filled_out_of_sight(qtbot, window, make_view, loaded):
    """Lay a view out squeezed, hide it (a dock behind another tab), load it, then show it
    at its real size, as a first session does with the Network and Map tabs."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    host = QWidget()
    qtbot.addWidget(host)
    view = make_view()
    QVBoxLayout(host).addWidget(view)
    host.resize(300, 90)
    host.show()
    qtbot.waitExposed(host)
    host.hide()
    view.reload()
    qtbot.waitUntil(lambda: loaded(view), timeout=15000)
    idle(qtbot, window)
    host.resize(700, 600)
    host.show()
    qtbot.waitExposed(host)
    return view, host  # the caller keeps the host: it owns the view
