"""The import pipeline on real cases: what is stored, and what never half-is."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from email.message import EmailMessage
from pathlib import Path

import pytest
from progress_support import Recorder
from sqlalchemy import func, select

from casefile.db import models as m
from casefile.importing import pipeline
from casefile.importing.pipeline import ImportOutcome, NewSource, NewSourceStep, import_paths
from casefile.review.proposals import propose_for_new_source
from casefile.search import search

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"
REPORT = "شهدت بلدة حطلة في ريف دير الزور توتراً بين الشرطة العسكرية الروسية والحرس الثوري."


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Where test files go: apart from the case file, which lives in tmp_path."""
    path = tmp_path / "in"
    path.mkdir()
    return path


def _run(case, *paths, **kwargs) -> list[ImportOutcome]:
    return list(import_paths(case, list(paths), **kwargs))


def _count(case, model=m.Source) -> int:
    with case.read_session() as s:
        return s.scalar(select(func.count()).select_from(model))


def _source(case, source_id: int) -> m.Source:
    with case.read_session() as s:
        source = s.get(m.Source, source_id)
        _ = source.text, source.original  # load deferred columns before closing
        return source


def test_folder_import_stores_originals_text_and_metadata(new_case, tmp_path: Path) -> None:
    folder = tmp_path / "تقارير آب"
    (folder / "وثائق").mkdir(parents=True)
    shutil.copy(FIXTURES / "report.docx", folder / "وثائق" / "تقرير حطلة.docx")
    shutil.copy(FIXTURES / "scan-no-text.pdf", folder / "مسح.pdf")
    (folder / "ملاحظة.txt").write_bytes(REPORT.encode("cp1256"))
    (folder / ".hidden").write_text("skip me")

    hidden, *outcomes = _run(new_case, folder, user="analyst-1")

    assert (Path(hidden.path).name, hidden.status) == (".hidden", "skipped")
    assert hidden.to_json()["reason"] == "hidden (the name starts with a dot)"
    assert [Path(o.path).name for o in outcomes] == ["مسح.pdf", "ملاحظة.txt", "تقرير حطلة.docx"]
    assert {o.status for o in outcomes} == {"imported"}
    docx = _source(new_case, outcomes[2].source_id)
    data = (FIXTURES / "report.docx").read_bytes()
    assert docx.original == data
    assert docx.sha256 == hashlib.sha256(data).hexdigest()
    assert docx.size == len(data)
    assert docx.file_name == "تقرير حطلة.docx"
    assert docx.media_type.endswith("wordprocessingml.document")
    assert docx.title == "توتر في ريف دير الزور"
    assert str(docx.published) == "2024-08-15"
    assert docx.language == "ar"
    assert docx.imported_by == "analyst-1"
    assert docx.imported_at is not None
    assert docx.text.startswith("توتر بين الشرطة العسكرية الروسية والحرس الثوري")
    text = _source(new_case, outcomes[1].source_id)
    assert text.text == REPORT and text.meta["encoding"] == "cp1256"
    scan = _source(new_case, outcomes[0].source_id)
    # A blank scanned page: read by OCR, no text found, and the source says so.
    assert scan.status == "no_text" and scan.text == "" and scan.language is None
    assert scan.meta["ocr"]["reason"] == "no text layer; OCR found no text"
    # Indexed for search: «الحرس» finds «والحرس» in both texts.
    with new_case.read_session() as s:
        hits = {hit.id for hit in search(s, "الحرس", kinds=("source",))}
    assert hits == {outcomes[1].source_id, outcomes[2].source_id}


def test_identical_bytes_are_a_duplicate_naming_the_source(new_case, folder: Path) -> None:
    (folder / "a.txt").write_text(REPORT)
    (folder / "copy of a.txt").write_text(REPORT)
    first, second = _run(new_case, folder / "a.txt", folder / "copy of a.txt")
    assert first.status == "imported"
    assert second.status == "duplicate"
    assert second.duplicate_of == first.source_id
    assert second.to_json()["duplicate_of"] == first.source_id
    assert _count(new_case) == 1


def test_bytes_stored_by_another_import_meanwhile_are_a_duplicate_and_the_batch_is_kept(
    new_case, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A batch's rows are written together at its end; when the database refuses them
    because another import stored one of its files after it was checked, that file is
    a duplicate and the rest of the batch is stored, with an audit chain that verifies."""
    from casefile.db.verify import verify_case
    from casefile.importing import prepare

    (folder / "b.txt").write_text(REPORT)
    (earlier,) = _run(new_case, folder / "b.txt", on_new_source=propose_for_new_source)
    for name in ("a.txt", "c.txt"):
        (folder / name).write_text(f"{REPORT} {name}")
    monkeypatch.setattr(prepare, "existing_source", lambda *args: None)  # not seen yet
    outcomes = _run(new_case, folder, on_new_source=propose_for_new_source)
    assert [(o.path.rsplit("/", 1)[-1], o.status) for o in outcomes] == [
        ("a.txt", "imported"), ("b.txt", "duplicate"), ("c.txt", "imported")]
    assert outcomes[1].duplicate_of == earlier.source_id
    assert _count(new_case) == 3
    with new_case.read_session() as s:
        proposed = s.scalars(select(m.Proposal.source_id).distinct()).all()
    assert sorted(proposed) == sorted(o.source_id for o in outcomes)
    assert verify_case(new_case).ok


def test_same_text_in_another_container_is_a_near_duplicate(sqlite_case, folder: Path) -> None:
    (folder / "1.txt").write_text(REPORT + "\n")
    (folder / "2.html").write_text(f"<html><body><article><p>{REPORT}</p></article></body></html>")
    (folder / "3.pdf").write_bytes((FIXTURES / "report.pdf").read_bytes())
    (folder / "4.odt").write_bytes((FIXTURES / "report.odt").read_bytes())
    txt, html, pdf, odt = _run(sqlite_case, folder)
    assert txt.near_duplicate_of is None
    assert html.status == "imported" and html.near_duplicate_of == txt.source_id
    # The PDF's Arabic text layer reads exactly like the ODT it came from.
    assert odt.near_duplicate_of == pdf.source_id


def _mail(subject: str, attachments: list[tuple[str, bytes]]) -> bytes:
    message = EmailMessage()
    message["From"] = "field@example.org"
    message["To"] = "desk@example.org"
    message["Subject"] = subject
    message["Date"] = "Wed, 21 Aug 2024 08:30:00 +0300"
    message.set_content(REPORT)
    for name, data in attachments:
        message.add_attachment(data, maintype="application", subtype="octet-stream", filename=name)
    return message.as_bytes()


def test_email_attachments_become_linked_sources(sqlite_case, folder: Path) -> None:
    docx = (FIXTURES / "report.docx").read_bytes()
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    (folder / "1.eml").write_bytes(_mail("أول", [("تقرير.docx", docx), ("صورة.png", png)]))
    (folder / "2.eml").write_bytes(_mail("ثاني", [("نسخة.docx", docx)]))
    first, second = _run(sqlite_case, folder)
    assert first.status == second.status == "imported"
    with sqlite_case.read_session() as s:
        children = s.scalars(
            select(m.Source).where(m.Source.parent_id == first.source_id).order_by(m.Source.id)
        ).all()
        assert [c.file_name for c in children] == ["تقرير.docx", "صورة.png"]
        assert children[0].title == "توتر في ريف دير الزور" and children[0].original == docx
        # An attachment that cannot be read is kept verbatim with the reason.
        assert children[1].status == "unreadable"
        assert children[1].original == png
        assert children[1].meta["error"] == "the PNG is damaged: its data cannot be decoded"
        parent = s.get(m.Source, second.source_id)
        # The same attachment in a second message is not stored twice.
        assert parent.meta["children_already_in_case"] == [
            {"name": "نسخة.docx", "duplicate_of": children[0].id}
        ]
    assert _count(sqlite_case) == 4


def test_telegram_export_one_source_per_message(sqlite_case, folder: Path) -> None:
    export = {
        "name": "شبكة دير الزور",
        "type": "public_channel",
        "id": 99,
        "messages": [
            {"id": 7, "type": "message", "date": "2024-08-12T10:00:00", "text": REPORT},
            {
                "id": 8,
                "type": "message",
                "date": "2024-08-13T11:00:00",
                "forwarded_from": "عين الفرات",
                "text": ["زيارة ", {"type": "bold", "text": "أبو رقية الأحوازي"}],
            },
        ],
    }
    (folder / "result.json").write_text(json.dumps(export, ensure_ascii=False))
    (outcome,) = _run(sqlite_case, folder / "result.json")
    with sqlite_case.read_session() as s:
        messages = s.scalars(
            select(m.Source).where(m.Source.parent_id == outcome.source_id).order_by(m.Source.id)
        ).all()
        assert [msg.file_name for msg in messages] == ["message 7", "message 8"]
        assert [str(msg.published) for msg in messages] == ["2024-08-12", "2024-08-13"]
        assert messages[1].meta["forwarded_from"] == "عين الفرات"
        assert messages[1].text == "زيارة أبو رقية الأحوازي"
        assert json.loads(messages[1].original)["id"] == 8
        assert {hit.id for hit in search(s, "الاحوازي", kinds=("source",))} == {messages[1].id}


BAD_INPUTS = {
    "empty.txt": (b"", "the file is empty"),
    "random.pdf": (os.urandom(2048), "not a PDF"),
    "truncated.pdf": (None, "PDF is truncated"),
    "truncated.docx": (None, "DOCX is damaged"),
    "binary.bin": (b"\x7fELF\x02\x01\x01" + bytes(200), "unsupported file type"),
}


def test_every_bad_input_is_an_error_and_nothing_is_written(new_case, folder: Path) -> None:
    pdf = (FIXTURES / "report.pdf").read_bytes()
    docx = (FIXTURES / "report.docx").read_bytes()
    for name, (data, _) in BAD_INPUTS.items():
        if name == "truncated.pdf":
            data = pdf[: len(pdf) // 2]
        elif name == "truncated.docx":
            data = docx[: len(docx) // 2]
        (folder / name).write_bytes(data)
    (folder / "big.txt").write_bytes(b"x" * 30_000)
    (folder / "good.txt").write_text(REPORT)

    outcomes = {Path(o.path).name: o for o in _run(new_case, folder, size_limit=25_000)}

    for name, (_, message) in BAD_INPUTS.items():
        assert outcomes[name].status == "error", name
        assert outcomes[name].error.startswith(message), outcomes[name].error
        assert outcomes[name].source_id is None
    assert (
        outcomes["big.txt"].error == "the file is larger than the import limit (29.3 KB > 24.4 KB)"
    )
    assert outcomes["good.txt"].status == "imported"  # the batch went on
    assert _count(new_case) == 1
    with new_case.read_session() as s:
        audited = s.scalars(select(m.AuditEntry.table).where(m.AuditEntry.table == "sources")).all()
    assert audited == ["sources"]


def test_unreadable_file(sqlite_case, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    secret = folder / "سري.txt"
    secret.write_text(REPORT)
    secret.chmod(0)
    if os.access(secret, os.R_OK):  # running as root: make open() refuse as it would
        real_open = os.open

        def refuse(path, *args, **kwargs):
            if Path(path) == secret:
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, *args, **kwargs)

        monkeypatch.setattr(os, "open", refuse)
    (outcome,) = _run(sqlite_case, secret)
    assert outcome.status == "error"
    assert outcome.error == "the file cannot be read: permission denied"
    assert _count(sqlite_case) == 0


def test_missing_path_and_special_file(sqlite_case, folder: Path) -> None:
    fifo = folder / "pipe"
    os.mkfifo(fifo)
    missing, special = _run(sqlite_case, folder / "لا يوجد.txt", fifo)
    assert missing.error == "no such file or folder"
    assert special.error == "not a regular file: a named pipe (FIFO); only files are imported"


def test_failure_while_storing_rolls_back_that_file_only(
    sqlite_case, folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for i in range(3):
        (folder / f"{i}.txt").write_text(f"{REPORT} {i}")
    real_store = pipeline.store_terms
    calls = []

    def flaky_store(conn, kind, ref_id, title, body, **options):
        calls.append(ref_id)
        if len(calls) == 2:  # the search entry of the second file
            raise RuntimeError("disk full")
        real_store(conn, kind, ref_id, title, body, **options)

    monkeypatch.setattr(pipeline, "store_terms", flaky_store)
    outcomes = _run(sqlite_case, folder)
    assert [o.status for o in outcomes] == ["imported", "error", "imported"]
    assert outcomes[1].error == "the source could not be stored: disk full"
    with sqlite_case.read_session() as s:
        names = s.scalars(select(m.Source.file_name).order_by(m.Source.id)).all()
        audited = s.scalar(select(func.count()).where(m.AuditEntry.table == "sources"))
    assert names == ["0.txt", "2.txt"]
    assert audited == 2


def test_the_new_source_step_runs_in_the_file_transaction(sqlite_case, folder: Path) -> None:
    seen = []

    def note_then_fail(session, source: NewSource):
        seen.append(source.file_name)
        session.add(m.Note(target_type="source", target_id=source.id, text="half"))
        session.flush()
        if source.file_name == "b.txt":
            raise ValueError("model missing")

    (folder / "a.txt").write_text(REPORT)
    (folder / "b.txt").write_text(REPORT + " 2")
    outcomes = _run(sqlite_case, folder, on_new_source=NewSourceStep(write=note_then_fail))
    assert [o.status for o in outcomes] == ["imported", "imported"]
    assert outcomes[0].warnings == []
    assert outcomes[1].warnings == [
        "b.txt: test_the_new_source_step_runs_in_the_file_transaction.<locals>.note_then_fail "
        "failed: model missing"
    ]
    assert seen == ["a.txt", "b.txt"]
    with sqlite_case.read_session() as s:
        # The step's work is kept where it succeeded, rolled back where it failed; the
        # source itself is imported either way.
        notes = s.execute(select(m.Note.target_id, m.Note.text)).all()
        assert notes == [(outcomes[0].source_id, "half")]
        assert s.scalar(select(func.count()).select_from(m.Source)) == 2


def test_progress_and_cancel_between_files(sqlite_case, folder: Path) -> None:
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"{REPORT} {i}")
    # Cancel once two files were begun: the next file is not started (a cancel that comes
    # while a file is being read stops that file too, which a test cannot time).
    progress = Recorder()
    progress.stop = lambda: len(progress.updates) >= 2
    outcomes = list(import_paths(sqlite_case, [folder], progress=progress))
    assert [Path(o.path).name for o in outcomes] == ["0.txt", "1.txt"]
    assert [(d, t, Path(p).name) for d, t, p in progress.updates] == [(0, 5, "0.txt"),
                                                                     (1, 5, "1.txt")]
    assert _count(sqlite_case) == 2


def test_odd_names_and_control_characters_store_on_every_backend(new_case, folder: Path) -> None:
    raw_name = os.fsencode(folder) + b"/\xff\xfe-" + "تقرير".encode() + b".txt"
    with open(raw_name, "wb") as handle:  # a name that is not valid UTF-8
        handle.write((REPORT + "\x00" + " نهاية").encode("utf-8"))
    (outcome,) = _run(new_case, folder)
    assert outcome.status == "imported", outcome.error
    assert outcome.path.endswith("/\ufffd\ufffd-تقرير.txt")
    source = _source(new_case, outcome.source_id)
    assert source.file_name == "\ufffd\ufffd-تقرير.txt"
    assert source.text == REPORT + " نهاية"  # the NUL PostgreSQL cannot store is gone
    assert source.original.count(b"\x00") == 1  # while the original keeps it


def test_utf8_article_with_one_stray_byte_is_kept_as_utf8_searchable_and_read(
    sqlite_case, folder: Path
) -> None:
    article = "\n".join([REPORT] * 4)
    cut = len(REPORT) + 1  # between two lines
    (folder / "تقرير.txt").write_bytes(
        article[:cut].encode() + b"\xff" + article[cut:].encode()
    )
    (outcome,) = _run(sqlite_case, folder, on_new_source=propose_for_new_source)
    assert outcome.status == "imported"
    assert outcome.warnings == ["1 byte sequence not valid in UTF-8 replaced with \ufffd"]
    source = _source(sqlite_case, outcome.source_id)
    assert source.status == "invalid_bytes_replaced"
    assert source.meta["encoding"] == "utf-8"
    assert source.text.replace("\ufffd", "") == article
    assert source.language == "ar"
    with sqlite_case.read_session() as s:
        assert [hit.id for hit in search(s, "الحرس", kinds=("source",))] == [source.id]
        proposals = s.scalar(
            select(func.count()).select_from(m.Proposal).where(m.Proposal.source_id == source.id)
        )
    assert proposals > 0  # extraction read it like any other report
