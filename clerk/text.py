"""Text as clerk stores it: no control character a terminal would obey (escape, BEL, NUL, the
C1 controls) or Word could not hold. Every write of the record goes through ``clean_record``
(Store sessions run it before each flush), so no path can store them; newline and tab are kept
in text that runs to several lines, and become spaces in names and titles."""

from __future__ import annotations

from typing import Any

# C0 controls but tab, newline and carriage return; DEL; the C1 controls; the two
# non-characters. Lone surrogates are dropped separately.
_BAD_CHARS = dict.fromkeys([*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0), 0xFFFE, 0xFFFF])

# Fields of one line: a newline or tab in them becomes a space.
ONE_LINE = frozenset(
    {
        "name",
        "title",
        "forenames",
        "surname",
        "honours",
        "organisation",
        "job_title",
        "represents",
        "role",
        "presenter",
        "owner_name",
        "member_name",
        "filename",
        "code",
        "chair_title",
        "vice_chair_title",
        "body_noun",
        "minutes_word",
        "section_a",
        "section_b",
        "section_c",
        "section_d",
    }
)
# Fields that are not text typed by anyone: hashes, the signed snapshots (JSON), kinds.
NOT_TEXT = frozenset(
    {
        "sha256",
        "content_hash",
        "snapshot_full",
        "snapshot_public",
        "content_type",
        "holder",
        "holder_host",
        "holder_user",
        "key",
        "value",
        "number_format",
        "template_path",
    }
)


def clean_text(text: str | None) -> str:
    """The text with control characters removed; carriage returns become newlines."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_BAD_CHARS)
    if any(0xD800 <= ord(c) <= 0xDFFF for c in text):
        text = "".join(c for c in text if not 0xD800 <= ord(c) <= 0xDFFF)
    return text


def clean_line(text: str | None) -> str:
    """A name or title: clean, on one line."""
    return clean_text(text).replace("\n", " ").replace("\t", " ")


def clean_field(name: str, value: Any) -> Any:
    if not isinstance(value, str) or name in NOT_TEXT:
        return value
    return clean_line(value) if name in ONE_LINE else clean_text(value)


def clean_record(session: Any, _context: Any = None, _instances: Any = None) -> None:
    """Before a flush: every text field of every new row, and every changed one of a changed row."""
    from sqlalchemy import inspect

    for obj in [*session.new, *session.dirty]:
        state = inspect(obj)
        for attr in state.mapper.column_attrs:
            name = attr.key
            if obj not in session.new and not state.attrs[name].history.has_changes():
                continue
            value = state.dict.get(name)
            cleaned = clean_field(name, value)
            if cleaned is not value and cleaned != value:
                setattr(obj, name, cleaned)
