"""A minute as the notes print it, rendered once for the Word notes and the live screen's
preview: its paragraphs numbered and joined to what the record adds under them, then the parts
in print order (``minute_parts``) or as plain lines (``minute_lines``). Pure: no store."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from ..body import Para, number, parse
from ..kinds import ParagraphKind
from .model import MinuteBlock


@dataclass(frozen=True)
class MinuteSource:
    """What a minute prints besides its own paragraphs, read from the record."""

    number: str  # "64"
    title: str
    item_ref: str  # "(Item A3)" or ""
    restricted: bool = False
    declarations: tuple[str, ...] = ()  # sentences placed under this minute
    movements: tuple[str, ...] = ()  # arrivals and departures during it
    votes: tuple[str, ...] = ()
    actions: tuple[str, ...] = ()
    forbidden: frozenset[str] = field(default_factory=frozenset)  # words the version must not print
    resolutions_numbered: bool = False  # the committee's style: "(5) RESOLVED that …"


def minute_block(source: MinuteSource, paragraphs: Sequence[Para]) -> MinuteBlock:
    """The minute with its paragraphs numbered; a declaration its own words already give is said once."""
    said = {p.text for p in paragraphs}
    lines = [s for s in source.declarations if s not in said] + list(source.movements) + list(source.votes)
    kept = [p for p in paragraphs if p.text not in source.forbidden]
    return MinuteBlock(
        source.number,
        source.title,
        source.item_ref,
        tuple(number(kept, source.resolutions_numbered)),
        tuple(lines),
        source.actions,
        restricted=source.restricted,
    )


def typed_block(source: MinuteSource, text: str, numbered: bool = True) -> MinuteBlock:
    """The minute as it will print with the text the clerk is typing (not yet stored)."""
    return minute_block(source, parse(text, numbered))


def minute_heading(block: MinuteBlock, sep: str = "\t") -> str:
    """64.<sep>Vice-Chairman in the Chair (Item A3)."""
    return f"{block.number}.{sep}{block.title}" + (f" {block.item_ref}" if block.item_ref else "")


def minute_parts(block: MinuteBlock, sep: str = "\t") -> list[tuple[str, str]]:
    """(part, text) in print order; part is heading, exempt, paragraph, numbered, point,
    resolution, numbered resolution, resolution point, note or action (the Word writer's styles
    follow it). A numbered resolution sits with the numbered paragraphs, its points with theirs.
    A line break kept inside a paragraph is a "\n" in its text."""
    out = [("heading", minute_heading(block, sep))]
    if block.exempt:
        return [*out, ("exempt", block.exempt)]
    after_resolution = False
    for p in block.paragraphs:
        if p.kind is ParagraphKind.POINT:
            out.append(("resolution point" if after_resolution else "point", f"{p.label}{sep}{p.text}"))
        elif p.kind is ParagraphKind.RESOLUTION and p.label:
            after_resolution = False
            out.append(("numbered resolution", f"{p.label}{sep}{p.text}"))
        elif p.kind is ParagraphKind.RESOLUTION:
            after_resolution = True
            out.append(("resolution", p.text))
        else:
            after_resolution = False
            out.append(("numbered", f"{p.label}{sep}{p.text}") if p.label else ("paragraph", p.text))
    out += [("note", line) for line in block.lines_after]
    out += [("action", line) for line in block.actions]
    return out


def minute_lines(block: MinuteBlock) -> list[str]:
    """The block as plain text, one line a printed paragraph; points indented as they print."""
    return [("    " if part.endswith("point") else "") + text for part, text in minute_parts(block, " ")]
