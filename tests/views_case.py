"""A small Deir ez-Zor case for the linked-view tests and screenshots, built with the models.

``build_views_case`` returns ids by short key, so tests name what they assert about.
``extra`` adds seeded random incidents (for screenshots with a fuller timeline).
"""

from __future__ import annotations

import datetime as dt
import random

from casefile.db import models as m
from casefile.db.case import Case
from casefile.normalize import key as name_key

D = dt.date
ACTORS = {
    # key: (kind, Arabic name, Latin name, aliases)
    "rmp": ("state_force", "الشرطة العسكرية الروسية", "Russian Military Police", ["الشرطة الروسية"]),
    "irgc": ("state_force", "الحرس الثوري الإيراني", "IRGC", ["الحرس الثوري", "الباسدران"]),
    "hadi": ("person", "محمد علي الهادي", "Muhammad Ali al-Hadi", ["أبو رقية الأحوازي"]),
    "centre": ("institution", "المركز الثقافي الإيراني", "Iranian Cultural Centre", []),
    "fatemiyoun": ("militia", "لواء فاطميون", "Fatemiyoun Brigade", ["فاطميون"]),
    "mukhtar": ("person", "مختار مراط", "Mukhtar of Marrat", []),
    "sdf": ("armed_group", "قوات سوريا الديمقراطية", "Syrian Democratic Forces", ["قسد"]),
    "mayor": ("person", "رئيس بلدية مظلوم", "Head of Mazloum municipality", []),
}
PLACES = {
    # key: (kind, Arabic, Latin, lat, lon, parent)
    "deir": ("governorate", "دير الزور", "Deir ez-Zor", 35.3359, 40.1408, None),
    "khasham": ("village", "خشام", "Khasham", 35.30088, 40.28916, "deir"),
    "hatla": ("village", "حطلة", "Hatla", 35.357, 40.178, "deir"),
    "marrat": ("village", "مراط", "Marrat", 35.372, 40.162, "deir"),
    "mazloum": ("village", "مظلوم", "Mazloum", 35.294, 40.252, "deir"),
    "tabiya": ("village", "طابية جزيرة", "Tabiya Jazira", 35.276, 40.322, "deir"),
    "mayadin": ("district", "الميادين", "Al-Mayadin", 35.01982, 40.45154, "deir"),
    "bukamal": ("district", "البوكمال", "Albu Kamal", 34.45226, 40.91854, "deir"),
    "centre_bldg": ("facility", "مبنى المركز الثقافي", "Cultural centre building", None, None,
                    "hatla"),
}
INCIDENTS = {
    # key: (title, type, subtype, start, end, precision, place, [(actor, role)])
    "checkpoints": ("ميليشيات إيرانية تحاول إقامة حواجز في طابية جزيرة", "strategic_developments",
                    "checkpoint_setup", D(2024, 8, 1), None, "month", "tabiya",
                    [("irgc", "perpetrator"), ("fatemiyoun", "perpetrator")]),
    "altercation": ("مشادات كلامية في مركز المصالحة الروسي", "strategic_developments",
                    "verbal_altercation", D(2024, 8, 12), None, "day", "khasham",
                    [("rmp", "participant"), ("irgc", "participant")]),
    "visit": ("زيارة أبو رقية الأحوازي إلى حطلة", "strategic_developments", "visit_meeting",
              D(2024, 8, 20), None, "approximate", "centre_bldg",
              [("hadi", "visitor"), ("centre", "participant")]),
    "boycott": ("دعوة لمقاطعة وجهاء محليين", "strategic_developments", "statement_call",
                D(2024, 8, 21), D(2024, 8, 22), "day", "hatla",
                [("hadi", "perpetrator"), ("mukhtar", "target"), ("mayor", "target")]),
    "clash": ("اشتباك بين قسد ومسلحين في الميادين", "battles", None, D(2023, 5, 3), None, "day",
              "mayadin", [("sdf", "participant"), ("fatemiyoun", "participant")]),
    "strike": ("غارة على مواقع قرب البوكمال", "explosions_remote_violence", "air_drone_strike",
               D(2023, 1, 1), None, "year", "bukamal", [("fatemiyoun", "target")]),
    "undated": ("اجتماع غير مؤرخ", "strategic_developments", "visit_meeting", None, None, "day",
                "marrat", [("mukhtar", "participant")]),
}
RELATIONS = [
    # (subject, type, object actor or place key, is place)
    ("hadi", "member_of", "centre", False),
    ("centre", "affiliated_with", "irgc", False),
    ("fatemiyoun", "backed_by", "irgc", False),
    ("irgc", "rival_of", "rmp", False),
    ("mukhtar", "office", "marrat", True),
    ("mayor", "office", "mazloum", True),
]
TYPES = ["battles", "explosions_remote_violence", "violence_against_civilians", "protests",
         "riots", "strategic_developments"]


def build_views_case(case: Case, extra: int = 0, seed: int = 4) -> dict[str, int]:
    ids: dict[str, int] = {}
    with case.session() as s:
        source = m.Source(sha256="0" * 64, original=b"report", file_name="report.txt",
                          media_type="text/plain", size=6, title="تقرير دير الزور",
                          text="تقرير عن حطلة وخشام")
        s.add(source)
        actors = {}
        for key, (kind, name, latin, aliases) in ACTORS.items():
            actor = m.Actor(kind=kind, name=name, name_latin=latin)
            actor.aliases = [m.Alias(text=a, key=name_key(a), kind="kunya" if a.startswith("أبو") else "name")
                             for a in aliases]
            actors[key] = actor
            s.add(actor)
        places: dict[str, m.Place] = {}
        for key, (kind, name, latin, lat, lon, parent) in PLACES.items():
            places[key] = m.Place(kind=kind, name=name, name_latin=latin, latitude=lat,
                                  longitude=lon, parent=places.get(parent) if parent else None)
            s.add(places[key])
        incidents = {}
        for key, (title, type_, sub, start, end, prec, place, involved) in INCIDENTS.items():
            inc = m.Incident(title=title, type=type_, subtype=sub, date_start=start,
                             date_end=end, precision=prec, place=places[place],
                             summary=title)
            inc.involvements = [m.Involvement(actor=actors[a], role=r) for a, r in involved]
            incidents[key] = inc
            s.add(inc)
        for subj, type_, obj, is_place in RELATIONS:
            s.add(m.Relation(subject=actors[subj], type=type_,
                             object_place=places[obj] if is_place else None,
                             object_actor=None if is_place else actors[obj]))
        _random_incidents(s, extra, seed, list(actors.values()), list(places.values()))
        s.flush()
        s.add(m.Mention(source_id=source.id, start=10, end=14, text="حطلة", target_type="place",
                        place_id=places["hatla"].id))
        s.add(m.Citation(fact_type="incident", fact_id=incidents["visit"].id,
                         source_id=source.id, start=0, end=4, quote="تقرير"))
        ids.update({f"actor:{k}": v.id for k, v in actors.items()})
        ids.update({f"place:{k}": v.id for k, v in places.items()})
        ids.update({f"incident:{k}": v.id for k, v in incidents.items()})
        ids["source"] = source.id
    return ids


def _random_incidents(s, n: int, seed: int, actors: list, places: list) -> None:
    rng = random.Random(seed)
    located = [p for p in places if p.latitude is not None]
    for i in range(n):
        day = D(2023, 1, 1) + dt.timedelta(days=int(rng.triangular(0, 640, 560)))
        prec = rng.choices(["day", "month", "approximate", "year"], [70, 18, 10, 2])[0]
        type_ = rng.choices(TYPES, [20, 12, 8, 6, 3, 40])[0]
        inc = m.Incident(title=f"حادثة رقم {i + 1}", type=type_, date_start=day,
                         precision=prec, place=rng.choice(located))
        inc.involvements = [m.Involvement(actor=a, role="participant")
                            for a in rng.sample(actors, rng.choice([1, 1, 2, 2, 3]))]
        s.add(inc)


def isolate_settings(monkeypatch, tmp_path) -> None:
    """Preferences go to a file of the test's own, not the user's settings."""
    from PySide6.QtCore import QSettings

    from ui.core import i18n

    path = str(tmp_path / "settings.ini")
    monkeypatch.setattr(i18n, "settings", lambda: QSettings(path, QSettings.Format.IniFormat))


def open_linked_window(qtbot, case: Case):
    """A main window with the linked views installed, shown and loaded."""
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QLabel, QMainWindow

    from ui.core.context import open_context
    from ui.core.operations import OperationRunner
    from ui.linked.linked_views import install_linked_views

    window = QMainWindow()
    ctx = open_context(case, OperationRunner(), QUndoStack(window), window)
    runner, selection = ctx.runner, ctx.selection
    window.setCentralWidget(QLabel("documents"))
    install_linked_views(window, ctx)
    window.resize(1500, 950)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    views = window.linked_views
    window.runner, window.selection = runner, selection
    qtbot.waitUntil(lambda: views.timeline.model.window is not None
                    and bool(views.graph.nodes) and bool(views.map.places), timeout=10_000)
    return window


def settle(qtbot, window) -> None:
    """Wait until no view has a read in flight."""
    qtbot.waitUntil(lambda: not window.runner.running, timeout=10_000)
