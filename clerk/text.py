"""Text as clerk stores it: no control character a terminal would obey (escape, BEL, NUL, the
C1 controls) or Word could not hold. Every write of the record goes through ``clean_record``
(Store sessions run it before each flush), so no path can store them; newline and tab are kept
in text that runs to several lines, and become spaces in names and titles."""

from __future__ import annotations

import re
from typing import Any

# C0 controls but tab, newline and carriage return; DEL; the C1 controls; the two
# non-characters; lone surrogates. One pattern, so clean text costs one scan.
_BAD = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff\ud800-\udfff]")

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
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _BAD.sub("", text)


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
