"""Keys arriving in one write to the terminal: a fast typist's burst or a paste without bracketed
paste. ``burst`` hands every key to the app before any of them is handled, as the terminal
driver does with the bytes of one read (Pilot's ``press`` waits between keys, which hides
every key lost while the focus moves); ``PtyApp.write`` sends the bytes themselves."""

from __future__ import annotations

import unicodedata

from textual import events

from .settled import settled

NAMED = {"\r": "enter", "\n": "enter", "\t": "tab", "\x1b": "escape", " ": "space"}


def key_of(character: str) -> events.Key:
    """The key event a terminal's byte gives (as Textual's parser names it)."""
    if character in NAMED:
        name = NAMED[character]
        return events.Key(name, character if character == " " else None if name == "escape" else character)
    if character.isalnum():
        return events.Key(character, character)
    name = unicodedata.name(character).lower().replace(" ", "_").replace("-", "_")
    return events.Key(name, character)


async def burst(pilot, *parts: str | events.Key) -> None:
    """Every key of ``parts`` (text, or a named key such as ``events.Key("f2", None)``) queued
    at once, then wait for the app to settle."""
    app = pilot.app
    for part in parts:
        for event in [part] if isinstance(part, events.Key) else [key_of(c) for c in part]:
            app.post_message(event)
    await settled(pilot)
