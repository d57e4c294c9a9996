"""Telegram Desktop export (result.json): one child source per message.

A channel export is one JSON object with the channel's "name", "type" and a
"messages" list; a full-account export nests such objects under
"chats" → "list". Each message with text becomes a child whose stored bytes are
the message's own JSON, so the evidence kept is exactly what was exported.

Nothing is dropped unseen: service messages and messages without text are
counted in the export's metadata, and entries of the wrong type (a message that
is not an object, a text or text part that is neither string nor entity, an
entity whose text is null) are counted there and reported as warnings.
"""

from __future__ import annotations

import datetime
import json
from collections import Counter

from casefile.importing.readers.base import Child, ReadError, ReadResult, finish

MEDIA_TYPE = "application/x-telegram-message"


def looks_like_export(value: object) -> bool:
    if not isinstance(value, dict):
        return False
    if isinstance(value.get("messages"), list) and ("name" in value or "type" in value):
        return True
    chats = value.get("chats")
    return isinstance(chats, dict) and isinstance(chats.get("list"), list)


# What each count in the export's "dropped" metadata means, for the warnings.
_WRONG_TYPE = {
    "chats_not_objects": "chat entries that are not objects",
    "messages_not_objects": "message entries that are not objects",
    "texts_of_wrong_type": "message texts that are neither text nor a list of parts",
    "text_parts_of_wrong_type": "text parts that are neither text nor an entity with text",
}


def message_text(value: object, dropped: Counter | None = None) -> str:
    """Text of a message: a string, or a list of strings and entity objects.

    Anything else (null, numbers, an entity whose "text" is null) is left out
    and counted in ``dropped``; it never becomes the string "None".
    """
    dropped = dropped if dropped is not None else Counter()
    if isinstance(value, str):
        return value
    if not isinstance(value, list):
        if value is not None:
            dropped["texts_of_wrong_type"] += 1
        return ""
    pieces = []
    for part in value:
        piece = part.get("text") if isinstance(part, dict) else part
        if isinstance(piece, str):
            pieces.append(piece)
        else:
            dropped["text_parts_of_wrong_type"] += 1
    return "".join(pieces)


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


def _chat_children(chat: dict, dropped: Counter) -> list[Child]:
    channel = chat.get("name")
    children = []
    messages = chat.get("messages")
    for message in messages if isinstance(messages, list) else []:
        if not isinstance(message, dict):
            dropped["messages_not_objects"] += 1
            continue
        if message.get("type", "message") != "message":
            dropped["service_messages"] += 1  # pinned, joined...: no report in them
            continue
        text = message_text(message.get("text"), dropped).strip()
        if not text:
            dropped["messages_without_text"] += 1  # a photo or sticker alone
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
    dropped: Counter = Counter()
    listed = [value] if isinstance(value.get("messages"), list) else value["chats"]["list"]
    chats = [chat for chat in listed if isinstance(chat, dict)]
    dropped["chats_not_objects"] = len(listed) - len(chats)
    children = [child for chat in chats for child in _chat_children(chat, dropped)]
    names = [chat["name"] for chat in chats if isinstance(chat.get("name"), str)]
    if not children and not any(chat.get("messages") for chat in chats):
        raise ReadError("the Telegram export has no messages")
    dropped = +dropped  # only the counts that are not zero
    warnings = [
        f"{dropped[key]} {what} left out" for key, what in _WRONG_TYPE.items() if dropped[key]
    ]
    metadata = {
        "telegram": True,
        "channels": names,
        "messages": sum(
            len(chat["messages"]) for chat in chats if isinstance(chat.get("messages"), list)
        ),
    }
    if dropped:
        metadata["dropped"] = dict(dropped)
    return finish(
        ReadResult(
            text="",
            media_type="application/json",
            title=names[0] if len(names) == 1 else "Telegram export",
            metadata=metadata,
            children=children,
            warnings=warnings,
        )
    )
