"""A minute's body as the clerk types it, and back.

The clerk types paragraphs separated by a blank line; a single line break inside a
paragraph is kept (two dates on two lines print on two lines); a paragraph that starts
with RESOLVED is a resolution; lines that start with "-", "*" or "(a)" are lettered
sub-points of the paragraph above. Numbers are never typed: (1), (2) and (a), (b) are
given when the minute is shown or exported, resolutions numbered with the rest when the
committee's style says so. ``parse`` and ``render`` are inverse on what ``render`` produces.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .errors import InvalidInput
from .kinds import ParagraphKind

_POINT = re.compile(r"^\s*(?:[-*•·]|\([a-z]\)|[a-z]\))\s+")
_NUMBER = re.compile(r"^\s*(?:\(\d{1,3}\)|\d{1,3}[.)])\s+")
_RESOLVED = re.compile(r"^RESOLVED\b")


RESOLUTION_STYLES = ("apart", "numbered")  # a committee's RESOLVED blocks: unnumbered, or numbered like the rest


def resolution_style(value: object) -> str:
    """A committee's paragraph style as given (" Numbered "), checked."""
    style = str(value or "").strip().lower()
    if style not in RESOLUTION_STYLES:
        raise InvalidInput(
            f"'{value}' is not a paragraph style; RESOLVED blocks are either apart (unnumbered) or numbered like any other paragraph."
        )
    return style


@dataclass(frozen=True)
class Para:
    kind: ParagraphKind
    text: str
    numbered: bool = True


def numbers_paragraphs(paragraphs: Iterable[Para]) -> bool:
    """Whether a minute numbers its paragraphs: yes unless it has text paragraphs and none of
    them is numbered (the clerk turned numbering off for it, as minute 66 of 2014 reads)."""
    text = [p for p in paragraphs if p.kind is ParagraphKind.TEXT]
    return not text or any(p.numbered for p in text)


def parse(text: str, numbered: bool = True) -> list[Para]:
    out: list[Para] = []
    for block in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [ln for ln in block.split("\n") if ln.strip()]
        if not lines:
            continue
        head: list[str] = []
        points: list[str] = []
        for line in lines:
            if _POINT.match(line) and (head or points):
                points.append(_POINT.sub("", line, count=1).strip())
            elif points:
                points[-1] = f"{points[-1]}\n{line.strip()}"
            else:
                head.append(line.strip())
        first = _NUMBER.sub("", "\n".join(head), count=1).strip()
        kind = ParagraphKind.RESOLUTION if _RESOLVED.match(first) else ParagraphKind.TEXT
        out.append(Para(kind, first, numbered and kind is ParagraphKind.TEXT))
        out.extend(Para(ParagraphKind.POINT, p, False) for p in points)
    return out


def render(paragraphs: Iterable[Para]) -> str:
    blocks: list[list[str]] = []
    for p in paragraphs:
        if p.kind is ParagraphKind.POINT and blocks:
            blocks[-1].append(f"- {p.text}")
        elif p.kind is ParagraphKind.POINT:
            blocks.append([f"- {p.text}"])
        else:
            blocks.append([p.text])
    return "\n\n".join("\n".join(b) for b in blocks)


@dataclass(frozen=True)
class Numbered:
    """A paragraph with the label it is shown with: "(1)", "(a)" or ""."""

    label: str
    kind: ParagraphKind
    text: str


def letter(n: int) -> str:
    """a, b, ... z, aa, ab ..."""
    s = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        s = chr(ord("a") + r) + s
    return s


def number(paragraphs: Sequence[Para], resolutions_numbered: bool = False) -> list[Numbered]:
    """(1), (2) for numbered text paragraphs when there are two or more of them;
    (a), (b) for the points under each paragraph. With ``resolutions_numbered`` (the
    committee's style) a resolution is numbered like any other paragraph, "(5) RESOLVED that …",
    in a minute that numbers its paragraphs."""
    with_resolutions = resolutions_numbered and numbers_paragraphs(paragraphs)

    def counted(p: Para) -> bool:
        return (p.kind is ParagraphKind.TEXT and p.numbered) or (with_resolutions and p.kind is ParagraphKind.RESOLUTION)

    numbered = [p for p in paragraphs if counted(p)]
    use_numbers = len(numbered) >= 2
    out: list[Numbered] = []
    n = 0
    sub = 0
    for p in paragraphs:
        if p.kind is ParagraphKind.POINT:
            out.append(Numbered(f"({letter(sub)})", p.kind, p.text))
            sub += 1
            continue
        sub = 0
        if counted(p) and use_numbers:
            n += 1
            out.append(Numbered(f"({n})", p.kind, p.text))
        else:
            out.append(Numbered("", p.kind, p.text))
    return out
