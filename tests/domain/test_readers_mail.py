"""E-mail messages and Telegram channel exports."""

from __future__ import annotations

import datetime
import json
from email.message import EmailMessage
from pathlib import Path

import pytest

from casefile.importing.readers import ReadError, read_bytes

FIXTURES = Path(__file__).parents[1] / "fixtures" / "import"


def _message() -> EmailMessage:
    message = EmailMessage()
    message["From"] = "مراسل <field@example.org>"
    message["To"] = "desk@example.org"
    message["Subject"] = "تقرير: توتر في حطلة"
    message["Date"] = "Wed, 21 Aug 2024 08:30:00 +0300"
    message["Message-ID"] = "<report-42@example.org>"
    return message


def test_plain_message_with_attachments() -> None:
    message = _message()
    message.set_content("زار المدعو «محمد علي الهادي» بلدة حطلة.\n", charset="utf-8")
    docx = (FIXTURES / "report.docx").read_bytes()
    message.add_attachment(
        docx,
        maintype="application",
        subtype="vnd.openxmlformats-officedocument.wordprocessingml.document",
        filename="تقرير حطلة.docx",
    )
    message.add_attachment(
        "ملاحظات".encode("cp1256"), maintype="text", subtype="plain", filename="notes.txt"
    )

    result = read_bytes(message.as_bytes(), "message.eml")
    assert result.media_type == "message/rfc822"
    assert result.text == "زار المدعو «محمد علي الهادي» بلدة حطلة."
    assert result.title == "تقرير: توتر في حطلة"
    assert result.published == datetime.date(2024, 8, 21)
    headers = result.metadata["headers"]
    assert headers["From"] == "مراسل <field@example.org>"
    assert headers["Message-ID"] == "<report-42@example.org>"
    json.dumps(result.metadata)  # stored as JSON
    assert [child.name for child in result.children] == ["تقرير حطلة.docx", "notes.txt"]
    assert result.children[0].data == docx  # attachment bytes kept verbatim
    assert result.children[0].result is None  # the pipeline reads it
    assert (
        read_bytes(result.children[0].data, result.children[0].name).title
        == "توتر في ريف دير الزور"
    )


def test_html_only_message_goes_through_the_html_reader() -> None:
    message = _message()
    message.set_content(
        "<html><body><script>alert(1)</script><p>الحرس الثوري في <b>الميادين</b></p></body></html>",
        subtype="html",
        charset="windows-1256",
        cte="quoted-printable",
    )
    result = read_bytes(message.as_bytes(), "forwarded.eml")
    assert result.text == "الحرس الثوري في الميادين"


def test_message_with_wrong_charset_label_still_reads() -> None:
    raw = (
        b"From: a@example.org\r\nTo: b@example.org\r\nSubject: test\r\n"
        b"Date: Wed, 21 Aug 2024 08:30:00 +0000\r\nMIME-Version: 1.0\r\n"
        b'Content-Type: text/plain; charset="x-unknown-charset"\r\n'
        b"Content-Transfer-Encoding: 8bit\r\n\r\n"
    ) + "نص بترميز عربي قديم".encode("cp1256")
    assert read_bytes(raw, "odd.eml").text == "نص بترميز عربي قديم"


def _export(messages: list[dict]) -> bytes:
    return json.dumps(
        {"name": "شبكة دير الزور", "type": "public_channel", "id": 1234, "messages": messages},
        ensure_ascii=False,
        indent=1,
    ).encode()


def test_telegram_export_one_child_per_message() -> None:
    messages = [
        {
            "id": 1,
            "type": "service",
            "date": "2024-08-01T09:00:00",
            "action": "pin_message",
            "text": "",
        },
        {
            "id": 2,
            "type": "message",
            "date": "2024-08-12T10:11:12",
            "from": "شبكة دير الزور",
            "text": "توتر بين الروس والإيرانيين في حطلة",
        },
        {
            "id": 3,
            "type": "message",
            "date": "2024-08-13T07:00:00",
            "forwarded_from": "عين الفرات",
            "text": [
                "زيارة ",
                {"type": "bold", "text": "أبو رقية الأحوازي"},
                " إلى ",
                {"type": "text_link", "text": "حطلة", "href": "https://example.org"},
            ],
        },
        {
            "id": 4,
            "type": "message",
            "date": "2024-08-14T07:00:00",
            "text": "",
            "photo": "photos/1.jpg",
        },
    ]
    result = read_bytes(_export(messages), "result.json")
    assert result.title == "شبكة دير الزور"
    assert [child.name for child in result.children] == ["message 2", "message 3"]
    second = result.children[1]
    assert second.result is not None
    assert second.result.text == "زيارة أبو رقية الأحوازي إلى حطلة"
    assert second.result.media_type == "application/x-telegram-message"
    assert second.result.title == "شبكة دير الزور"
    assert second.result.published == datetime.date(2024, 8, 13)
    assert second.result.metadata["forwarded_from"] == "عين الفرات"
    assert second.result.metadata["channel"] == "شبكة دير الزور"
    assert second.result.metadata["message_id"] == 3
    # The stored bytes are the message's own JSON, canonical and readable.
    assert json.loads(second.data) == messages[2]
    assert second.data == json.dumps(messages[2], sort_keys=True, ensure_ascii=False).encode()


def test_json_that_is_not_a_telegram_export() -> None:
    with pytest.raises(ReadError, match="not a Telegram Desktop export"):
        read_bytes(b'{"items": [1, 2, 3]}', "data.json")


def test_telegram_entries_of_the_wrong_type_are_reported_and_null_is_never_none() -> None:
    messages = [
        42,
        "a string where a message should be",
        None,
        {"id": 1, "type": "service", "action": "pin_message", "text": ""},
        {
            "id": 2,
            "type": "message",
            "date": "2024-08-12T10:11:12",
            "text": ["زيارة ", {"type": "bold", "text": None}, {"type": "link", "text": "حطلة"}, 7],
        },
        {"id": 3, "type": "message", "date": "2024-08-12T10:12:00", "text": None},
        {"id": 4, "type": "message", "date": "2024-08-12T10:13:00", "text": 3.5},
        {"id": 5, "type": "message", "date": "2024-08-12T10:14:00", "text": "توتر في حطلة"},
    ]
    result = read_bytes(_export(messages), "result.json")
    texts = [child.result.text for child in result.children]
    assert texts == ["زيارة حطلة", "توتر في حطلة"]
    assert not any("None" in text for text in texts)
    assert result.metadata["dropped"] == {
        "messages_not_objects": 3,
        "service_messages": 1,
        "text_parts_of_wrong_type": 2,
        "messages_without_text": 2,
        "texts_of_wrong_type": 1,
    }
    assert result.warnings == [
        "3 message entries that are not objects left out",
        "1 message texts that are neither text nor a list of parts left out",
        "2 text parts that are neither text nor an entity with text left out",
    ]


def test_telegram_warnings_reach_the_import_report(sqlite_case, tmp_path) -> None:
    from casefile.importing.pipeline import import_paths

    path = tmp_path / "result.json"
    path.write_bytes(_export([{"id": 1, "type": "message", "text": "خبر"}, ["not", "a message"]]))
    (outcome,) = import_paths(sqlite_case, [path])
    assert outcome.status == "imported"
    assert outcome.to_json()["warnings"] == ["1 message entries that are not objects left out"]
