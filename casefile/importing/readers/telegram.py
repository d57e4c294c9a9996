"""Telegram Desktop export (result.json): one child source per message.

A channel export is one JSON object with the channel's "name", "type" and a
"messages" list; a full-account export nests such objects under
"chats" → "list". Each message with text becomes a child whose stored bytes are
the message's own JSON, so the evidence kept is exactly what was exported.
"""

from __future__ import annotations

import datetime
import json

from casefile.importing.readers.base import Child, ReadError, ReadResult, finish

MEDIA_TYPE = "application/x-telegram-message"


def looks_like_export(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("messages"), list) and ("name" in value or "type" in value):
        return True
    chats = value.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


def message_text(value: object) -> str:
    """Text of a message: a string, or a list of strings and entity objects."""
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return "".join(
            part if isinstance(part, str) else str(part.get("text", ""))
            for part in value
            if isinstance(part, str | dict)
        )
    return ""


def _date(message: dict) -> datetime.date | None:
    raw = message.get("date")
    if isinstance(raw, str):
        try:
            return datetime.datetime.fromisoformat(raw).date()
        except ValueError:
            pass
    unix = message.get("date_unixtime")
    try:
        return datetime.datetime.fromtimestamp(int(unix), datetime.UTC).date()
    except (TypeError, ValueError, OverflowError):
        return None


def _chat_children(chat: dict) -> list[Child]:
    channel = chat.get("name")
    children = []
    for message in chat.get("messages") or []:
        if not isinstance(message, dict) or message.get("type", "message") != "message":
            continue  # service messages (pinned, joined...) carry no report
        text = message_text(message.get("text")).strip()
        if not text:
            continue
        metadata = {
            "channel": channel,
            "channel_id": chat.get("id"),
            "channel_type": chat.get("type"),
            "message_id": message.get("id"),
            "date": message.get("date"),
        }
        for key in ("forwarded_from", "from", "reply_to_message_id", "edited"):
            if message.get(key) is not None:
                metadata[key] = message[key]
        result = finish(
            ReadResult(
                text=text,
                media_type=MEDIA_TYPE,
                title=channel if isinstance(channel, str) else None,
                published=_date(message),
                author=message.get("from") if isinstance(message.get("from"), str) else None,
                metadata=metadata,
            )
        )
        data = json.dumps(message, sort_keys=True, ensure_ascii=False).encode("utf-8")
        children.append(Child(name=f"message {message.get('id')}", data=data, result=result))
    return children


def read_telegram(value: dict) -> ReadResult:
    """Read an already-parsed export (detection had to parse it anyway)."""
    chats = [value] if isinstance(value.get("messages"), list) else value["chats"]["list"]
    chats = [chat for chat in chats if isinstance(chat, dict)]
    children = [child for chat in chats for child in _chat_children(chat)]
    names = [chat["name"] for chat in chats if isinstance(chat.get("name"), str)]
    if not children and not any(chat.get("messages") for chat in chats):
        raise ReadError("the Telegram export has no messages")
    return finish(
        ReadResult(
            text="",
            media_type="application/json",
            title=names[0] if len(names) == 1 else "Telegram export",
            metadata={
                "telegram": True,
                "channels": names,
                "messages": sum(len(chat.get("messages") or []) for chat in chats),
            },
            children=children,
        )
    )
