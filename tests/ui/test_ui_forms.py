
"""Record forms: inline validation, save/revert, the unsaved-changes guard, conflicts, citations."""

from PySide6.QtCore import Qt
from sqlalchemy import select

from casefile.cases import open_case
from casefile.db import models as m
from casefile.review.proposals import propose_for_new_source
from casefile.services.actors import ActorData, AliasData, load_actor, save_actor
from casefile.services.places import PlaceData, save_place
from casefile.services.spans import actor_from_span
from ui.core.selection import Ref
from ui.dialogs import messages as dialogs


def _actor(window, name="محمد علي الهادي", **kw):
    with window.handle.case.session() as s:
        return save_actor(s, ActorData(name=name, **kw))


def _form(window, qtbot, kind, record_id):
    window.selection.select(Ref(kind, record_id))
    form = window.panels["record"].forms[kind]
    qtbot.waitUntil(lambda: form.record_id == record_id and form.data is not None,
                    timeout=10000)
    qtbot.waitUntil(lambda: not window.handle.runner.running, timeout=10000)
    return form


def _saved(qtbot, window, form):
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save_button.click()
    qtbot.waitUntil(lambda: not form.is_dirty() and not window.handle.runner.running,
                    timeout=10000)


def test_actor_form_validates_next_to_each_field(desk, qtbot):
    window, _ = desk
    form = _form(window, qtbot, "actor", _actor(window, aliases=[AliasData("الهادي")]))
    form.name.setText("")
    assert form.error_labels["name"].isVisible()
    assert form.error_labels["name"].text() == "The primary name is required."
    assert not form.error_labels["aliases"].isVisible()  # untouched fields stay quiet
    form.save_button.click()
    assert form.status.text() == "Not saved: correct the fields marked in red."
    form.name.setText("محمد علي الهادي")
    assert not form.error_labels["name"].isVisible()
    row = form.aliases.add_row()
    form.aliases.cell(row, 0).setText("الهادي")
    assert "repeats another name" in form.error_labels["aliases"].text()
    form.aliases.table.selectRow(1)
    form.aliases.remove_selected()
    assert not form.error_labels["aliases"].isVisible()
    form.relations.add_row()
    row = form.relations.table.rowCount() - 1
    form.relations.cell(row, 3).setText("2024-08")
    form.relations.cell(row, 4).setText("2023")
    errors = form.error_labels["relations"].text()
    assert "Relation 1: choose the actor or place." in errors
    assert "The end date is before the start date." in errors
    form.relations.cell(row, 3).setText("2024-13")
    assert "Not a real date" in form.error_labels["relations"].text()


def test_save_revert_and_undo(desk, qtbot):
    window, _ = desk
    actor_id = _actor(window)
    form = _form(window, qtbot, "actor", actor_id)
    form.name_latin.setText("Abu Ruqayya")
    assert form.is_dirty() and form.heading.text().endswith("●")
    form.revert_button.click()
    assert form.name_latin.text() == "" and not form.is_dirty()
    form.name_latin.setText("Muhammad Ali al-Hadi")
    form.kind_box.setCurrentIndex(form.kind_box.findData("person"))
    form.tags.setText("Iran، Deir ez-Zor")
    _saved(qtbot, window, form)
    with window.handle.case.session() as s:
        saved = load_actor(s, actor_id)
    assert saved.name_latin == "Muhammad Ali al-Hadi" and saved.version == 2
    assert sorted(saved.tags) == ["Deir ez-Zor", "Iran"]
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: form.name_latin.text() == "", timeout=10000)  # the form follows
    with window.handle.case.session() as s:
        assert load_actor(s, actor_id).name_latin == ""


def test_unsaved_changes_guard(desk, qtbot, monkeypatch):
    window, _ = desk
    first, second = _actor(window), _actor(window, name="أبو رقية الأحوازي")
    form = _form(window, qtbot, "actor", first)
    form.notes.setPlainText("draft")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.CANCEL)
    window.selection.select(Ref("actor", second))
    assert form.record_id == first and form.notes.toPlainText() == "draft"
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.SAVE)
    window.selection.select(Ref("actor", first))
    window.selection.select(Ref("actor", second))
    qtbot.waitUntil(lambda: form.record_id == second and form.name.text() == "أبو رقية الأحوازي",
                    timeout=10000)
    with window.handle.case.session() as s:
        assert load_actor(s, first).notes == "draft"
    form.notes.setPlainText("thrown away")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.DISCARD)
    window.selection.select(Ref("actor", first))
    qtbot.waitUntil(lambda: form.record_id == first, timeout=10000)
    with window.handle.case.session() as s:
        assert load_actor(s, second).notes == ""
    # Closing the window asks too; Cancel keeps it open.
    form.notes.setPlainText("late edit")
    monkeypatch.setattr(dialogs, "ask_unsaved", lambda *_a: dialogs.CANCEL)
    assert not window.close() and window.isVisible()
    form.revert_button.click()


def test_new_actor_place_and_incident_from_the_edit_menu(desk, qtbot):
    window, _ = desk
    window.actions_by_name["new_place"].trigger()
    place_form = window.panels["record"].forms["place"]
    assert window.panels["record"].current_form is place_form
    place_form.name.setText("حطلة")
    place_form.latitude.setText("95")
    place_form.longitude.setText("40.2")
    assert place_form.error_labels["latitude"].text() == "Latitude must be between -90 and 90."
    place_form.latitude.setText("35.36")
    _saved(qtbot, window, place_form)
    assert window.selection.current.kind == "place"
    place_id = window.selection.current.id

    window.actions_by_name["new_incident"].trigger()
    form = window.panels["record"].forms["incident"]
    form.title.setText("زيارة أبو رقية الأحوازي إلى حطلة")
    form.type_box.setCurrentIndex(form.type_box.findData("strategic_developments"))
    form.subtype_box.setCurrentIndex(form.subtype_box.findData("visit_meeting"))
    form.date_start.setText("2024-08-20")
    form.date_end.setText("2024-08-01")
    assert form.error_labels["date_start"].text() == "The end date is before the start date."
    form.date_end.setText("")
    qtbot.waitUntil(lambda: form.place.findData(f"place:{place_id}") >= 0, timeout=10000)
    form.place.setCurrentIndex(form.place.findData(f"place:{place_id}"))
    form.credibility.setCurrentIndex(form.credibility.findData(2))
    _saved(qtbot, window, form)
    incident_id = window.selection.current.id
    with window.handle.case.session() as s:
        inc = s.get(m.Incident, incident_id)
        assert (inc.subtype, inc.place_id, inc.credibility) == ("visit_meeting", place_id, 2)
        assert inc.date_start.isoformat() == "2024-08-20"
    records = window.panels["records"].lists["incident"]
    window.docks["records"].raise_()  # a list behind its tab catches up when it is shown
    window.panels["records"].setCurrentWidget(records)
    qtbot.waitUntil(lambda: records.model.rowCount() == 1, timeout=10000)


def test_month_precision_incident_reads_back_as_its_month(desk, qtbot):
    """«خلال شهر آب 2024» is August 2024: the form gives back 2024-08, not 1 August."""
    window, _ = desk
    window.actions_by_name["new_incident"].trigger()
    form = window.panels["record"].forms["incident"]
    form.title.setText("توتر في حطلة")
    form.type_box.setCurrentIndex(form.type_box.findData("strategic_developments"))
    form.date_start.setText("2024-08")
    form.precision.setCurrentIndex(form.precision.findData("month"))
    _saved(qtbot, window, form)
    incident_id = window.selection.current.id
    qtbot.waitUntil(lambda: form.record_id == incident_id and form.data is not None,
                    timeout=10000)
    assert form.date_start.text() == "2024-08"
    assert form.precision.currentData() == "month"
    assert not form.is_dirty()
    with window.handle.case.session() as s:
        inc = s.get(m.Incident, incident_id)
        inc.precision = m.DatePrecision.YEAR
    form.load(incident_id)
    qtbot.waitUntil(lambda: form.date_start.text() == "2024", timeout=10000)


def test_source_form_opens_from_the_viewer_and_saves_reliability(desk, qtbot):
    window, ids = desk
    window.selection.select(Ref("source", ids["source"]))
    qtbot.waitUntil(lambda: window.viewer.source is not None, timeout=10000)
    window.viewer.details_button.click()
    form = window.panels["record"].forms["source"]
    qtbot.waitUntil(lambda: form.record_id == ids["source"], timeout=10000)
    assert form.facts["sha256"].text() == window.viewer.source.sha256
    form.url.setText("enabbaladi.net")
    assert form.error_labels["url"].isVisible()
    form.url.setText("https://www.enabbaladi.net/")
    form.reliability.setCurrentIndex(form.reliability.findData("B"))
    _saved(qtbot, window, form)
    qtbot.waitUntil(lambda: "reliability B" in window.viewer.meta.text(), timeout=10000)


def test_conflict_dialog_shows_both_versions_and_lets_the_analyst_choose(desk, qtbot):
    window, _ = desk
    actor_id = _actor(window, notes="first")
    form = _form(window, qtbot, "actor", actor_id)
    other = open_case(window.handle.case.path)
    try:
        def edit_elsewhere(notes):
            with other.session() as s:
                data = load_actor(s, actor_id)
                data.notes = notes
                save_actor(s, data)

        edit_elsewhere("theirs")
        form.notes.setPlainText("mine")
        form.save_button.click()
        qtbot.waitUntil(lambda: form.conflict is not None and form.conflict.isVisible(),
                        timeout=10000)
        dialog = form.conflict
        rows = {dialog.table.item(r, 0).text(): (dialog.table.item(r, 1).text(),
                                                  dialog.table.item(r, 2).text())
                for r in range(dialog.table.rowCount())}
        assert rows["Notes"] == ("mine", "theirs") and dialog.different == ["notes"]
        with qtbot.waitSignal(form.saved, timeout=10000):
            dialog.mine_button.click()
        with other.session() as s:
            assert load_actor(s, actor_id).notes == "mine"

        qtbot.waitUntil(lambda: not form.is_dirty() and form.data.notes == "mine",
                        timeout=10000)
        edit_elsewhere("theirs again")
        form.notes.setPlainText("mine again")
        form.save_button.click()
        qtbot.waitUntil(lambda: form.conflict is not dialog and form.conflict is not None
                        and form.conflict.isVisible(), timeout=10000)
        form.conflict.theirs_button.click()
        assert form.notes.toPlainText() == "theirs again" and not form.is_dirty()
        with other.session() as s:
            assert load_actor(s, actor_id).notes == "theirs again"
    finally:
        other.close()


def test_citations_jump_to_the_passage_and_delete_undoes(desk, qtbot):
    window, ids = desk
    with window.handle.case.session() as s:
        text = s.get(m.Source, ids["source"]).text
        start = text.index("أبو رقية الأحوازي")
        actor_id = actor_from_span(s, ids["source"], start, start + 17)
        save_place(s, PlaceData(name="حطلة"))
    form = _form(window, qtbot, "actor", actor_id)
    qtbot.waitUntil(lambda: form.citations.count() == 1
                    and form.citations.item(0).data(Qt.ItemDataRole.UserRole) is not None,
                    timeout=10000)
    form.citations.jump(form.citations.item(0))
    viewer = window.viewer
    qtbot.waitUntil(lambda: viewer.source is not None and viewer.source.id == ids["source"]
                    and viewer.text.flashing == (start, start + 17), timeout=10000)

    form.delete_button.click()
    qtbot.waitUntil(lambda: form.data is None, timeout=10000)
    with window.handle.case.session() as s:
        assert s.get(m.Actor, actor_id) is None
        assert s.scalars(select(m.Citation)).all() == []
    window.actions_by_name["undo"].trigger()
    qtbot.waitUntil(lambda: not window.handle.runner.running, timeout=10000)
    with window.handle.case.session() as s:
        assert s.get(m.Actor, actor_id).name == "أبو رقية الأحوازي"
        assert len(s.scalars(select(m.Citation)).all()) == 1


def test_editing_the_report_date_re_resolves_the_sources_proposals(desk, qtbot, tmp_path):
    from casefile.importing.pipeline import import_paths

    window, _ = desk
    report = tmp_path / "report.txt"
    report.write_text("قصفت طائرات حربية مدينة الميادين أمس الجمعة.", encoding="utf-8")
    (outcome,) = list(import_paths(window.handle.case, [report], on_new_source=propose_for_new_source))

    def proposed(kind):
        with window.handle.case.read_session() as s:
            return [p.payload for p in s.scalars(select(m.Proposal).where(
                m.Proposal.source_id == outcome.source_id, m.Proposal.kind == kind))]

    (date,) = proposed("DATE")
    assert date.get("date") is None  # no report date in the file: proposed, not resolved
    window.selection.select(Ref("source", outcome.source_id))
    qtbot.waitUntil(lambda: window.viewer.source is not None
                    and window.viewer.source.id == outcome.source_id, timeout=10000)
    window.viewer.details_button.click()
    form = window.panels["record"].forms["source"]
    qtbot.waitUntil(lambda: form.record_id == outcome.source_id, timeout=10000)
    assert form.published.text() == ""
    form.published.setText("2018-03-10")
    _saved(qtbot, window, form)
    (date,) = proposed("DATE")
    assert date["date"]["value"] == "2018-03-09"  # «أمس الجمعة» against 10 March 2018
    (incident,) = proposed("incident")
    assert incident["date"]["value"] == "2018-03-09"
