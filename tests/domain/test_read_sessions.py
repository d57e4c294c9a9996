"""Read sessions: read-only snapshots of committed data, beside a writer.

The window reads (document list, viewer, search, views) while an import writes; a read
must never see a source without its search entry or proposals, and must never write.
"""

import threading

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from casefile.db import models as m
from casefile.importing.pipeline import import_paths
from casefile.review.proposals import propose_for_new_source
from casefile.search import search


def _sources(session) -> int:
    return session.scalar(select(func.count()).select_from(m.Source))


def _add_note(session, text_: str) -> None:
    session.add(m.CaseInfo(key=text_, value="x"))
    session.flush()


def test_a_read_session_cannot_write_and_a_writer_after_it_can(new_case):
    with new_case.read_session() as session, pytest.raises(DBAPIError):
        _add_note(session, "written by a reader")
    for _ in range(3):  # pooled connections go from reader to writer and back
        with new_case.session() as session:
            _add_note(session, f"written by a writer {_}")
        with new_case.read_session() as session:
            assert session.scalar(select(func.count()).select_from(m.CaseInfo)
                                  .where(m.CaseInfo.key.like("written by a writer%"))) == _ + 1
    with new_case.read_session() as session:
        assert session.scalar(select(m.CaseInfo.key).where(
            m.CaseInfo.key == "written by a reader")) is None


def test_a_read_session_sees_one_snapshot_while_a_writer_commits(new_case):
    with new_case.read_session() as reader:
        before = _sources(reader)
        with new_case.session() as writer:  # commits while the reader is open
            writer.add(m.Source(sha256="0" * 64, original=b"x", file_name="x.txt",
                                media_type="text/plain", size=1, text="x", imported_by="t"))
        assert _sources(reader) == before
    with new_case.read_session() as later:
        assert _sources(later) == before + 1


def _statement(new_case) -> str:
    if new_case.backend == "sqlite":
        return "SELECT count(*) FROM search_fts WHERE kind = 'source'"
    return "SELECT count(*) FROM search_index WHERE kind = 'source'"


def test_reads_beside_an_import_see_only_whole_sources(new_case, tmp_path):
    """While an import with extraction commits file after file, every read sees each
    source with its search entry and all of its proposals, or does not see it."""
    folder = tmp_path / "reports"
    folder.mkdir()
    total = 200  # more than one batch (half a second of writing) holds
    for i in range(total):
        (folder / f"r{i:03}.txt").write_text(
            f"تقرير {i}: قصفت قوات النظام بلدة حطلة في ريف دير الزور يوم {i % 28 + 1} آب "
            f"2024، وقال محمد علي الهادي إن {i + 2} مدنيين قتلوا.", encoding="utf-8")
    outcomes, failed = [], []

    def run():
        try:
            outcomes.extend(import_paths(new_case, [folder], user="t",
                                         on_new_source=propose_for_new_source))
        except BaseException as exc:  # noqa: BLE001 - reported by the test
            failed.append(exc)

    writer = threading.Thread(target=run)
    writer.start()
    seen: list[dict[int, int]] = []
    try:
        while writer.is_alive() or not seen:
            with new_case.read_session() as session:
                proposals = dict(session.execute(
                    select(m.Proposal.source_id, func.count()).group_by(m.Proposal.source_id)
                ).all())
                sources = set(session.scalars(select(m.Source.id)))
                entries = session.scalar(text(_statement(new_case)))
                hits = {h.id for h in search(session, "حطلة", kinds=("source",), limit=total)}
            assert entries == len(sources)
            assert set(proposals) <= sources and hits == sources
            seen.append({sid: proposals.get(sid, 0) for sid in sources})
    finally:
        writer.join(120)
    assert not failed and len(outcomes) == total
    assert all(o.status == "imported" for o in outcomes)
    with new_case.read_session() as session:
        final = dict(session.execute(select(m.Proposal.source_id, func.count())
                                     .group_by(m.Proposal.source_id)).all())
    assert len(final) == total and min(final.values()) > 0
    for snapshot in seen:  # a source, when seen, already had every proposal it ends with
        assert all(count == final[sid] for sid, count in snapshot.items())
    # The reads really fell during the import: one saw some of its files and not the rest
    # (the writer commits a batch of files at a time).
    assert any(0 < len(s) < total for s in seen)
