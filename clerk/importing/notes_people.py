"""The attendance lists of imported notes: "PRESENT: Mr P M Hill, OBE (Chairman), Mr Rivers
(Vice-Chairman), ..." read into one ImportedPerson each, with the marks the notes give them."""

from __future__ import annotations

import re
from dataclasses import dataclass

_TITLES = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "cllr",
        "councillor",
        "sir",
        "dame",
        "lord",
        "lady",
        "prof",
        "professor",
        "rev",
        "revd",
        "canon",
        "acting",
        "chief",
        "superintendent",
        "supt",
        "inspector",
        "insp",
        "ch",
        "ch.",
        "det",
        "detective",
        "dci",
        "di",
        "ds",
        "dc",
        "pc",
        "sgt",
        "sergeant",
        "acc",
        "dcc",
        "cc",
        "assistant",
        "deputy",
        "constable",
        "commander",
        "cdr",
    ]
)
_HONOURS = re.compile(r"^(?:[A-Z]{2,5}|QC|KC|JP|DL)$")
_SUBSTITUTE = re.compile(r"^substitute\s+for\s+(.+)$", re.IGNORECASE)
_VICE = re.compile(r"\bvice[- ]?chair(?:man|woman|person)?\b", re.IGNORECASE)
_CHAIR = re.compile(r"^\s*chair(?:man|woman|person)?\s*$", re.IGNORECASE)
_IN_THE_CHAIR = re.compile(r"\bin the chair\b", re.IGNORECASE)


@dataclass(frozen=True)
class ImportedPerson:
    """One name of an attendance list, as the notes give it (nothing matched yet)."""

    raw: str
    title: str
    forenames: str  # forenames or initials, as written ("P M", "David", "")
    surname: str
    honours: tuple[str, ...] = ()
    chair: bool = False
    vice_chair: bool = False
    presiding: bool = False  # "(Vice-Chairman, Ms C Allen, in the Chair)": took the chair
    substitute_for: str | None = None
    role: str | None = None  # "(Community Safety Manager)": a role or an organisation


def split_top(text: str, separators: re.Pattern[str]) -> list[str]:
    """``text`` split at ``separators`` outside brackets."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            m = separators.match(text, i)
            if m and m.end() > i:
                parts.append(text[start:i])
                start = i = m.end()
                continue
        i += 1
    parts.append(text[start:])
    return [p.strip() for p in parts if p.strip()]


# a comma, " and ", or a full stop that ends a name ("Ms A Brett. Ms Z Cooke"), not an initial's ("A. Rabey")
_SEPARATORS = re.compile(r",\s*|\s+and\s+|(?<=[a-z]{2})\.\s+|;\s*")


def _brackets(text: str) -> tuple[str, list[str]]:
    """The name outside brackets and each top-level bracket's content."""
    name: list[str] = []
    inner: list[str] = []
    depth = 0
    current = ""
    for ch in text:
        if ch == "(":
            if depth:
                current += ch
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if depth:
                current += ch
            else:
                inner.append(current.strip())
                current = ""
        elif depth:
            current += ch
        else:
            name.append(ch)
    if current:
        inner.append(current.strip())
    return " ".join("".join(name).split()), inner


def _mark(part: str) -> bool:
    return bool(
        _SUBSTITUTE.match(part) or _CHAIR.match(part) or _IN_THE_CHAIR.fullmatch(part.strip()) or _VICE.fullmatch(part.strip())
    )


def _marks(inner: list[str]) -> list[str]:
    """Each bracket's marks: "Chairman, in the Chair" (as clerk's notes print them) is two marks;
    a bracket that is not all marks ("Vice-Chairman, Ms C Allen, in the Chair") stays whole."""
    out: list[str] = []
    for part in inner:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        out += pieces if len(pieces) > 1 and all(_mark(p) for p in pieces) else [part]
    return out


def person(raw: str) -> ImportedPerson:
    """One entry of a list: title, forenames or initials, surname, honours, marks."""
    name, inner = _brackets(raw)
    words = name.rstrip(".").split()
    honours = tuple(w for w in words[1:] if _HONOURS.match(w.strip(",")))
    words = [w for w in words if w not in honours]
    title_words: list[str] = []
    while len(words) > 1 and words[0].lower().rstrip(".") in _TITLES:
        title_words.append(words.pop(0))
    surname = words[-1] if words else ""
    chair = vice = presiding = False
    substitute: str | None = None
    roles: list[str] = []
    for part in _marks(inner):
        sub = _SUBSTITUTE.match(part)
        if sub:
            substitute = sub.group(1).strip()
        elif _VICE.search(part):
            vice = True
            presiding = presiding or bool(_IN_THE_CHAIR.search(part))
        elif _CHAIR.match(part) or _IN_THE_CHAIR.search(part):
            chair = chair or bool(_CHAIR.match(part))
            presiding = presiding or bool(_IN_THE_CHAIR.search(part))
        else:
            roles.append(part)
    return ImportedPerson(
        raw=raw.strip(),
        title=" ".join(title_words),
        forenames=" ".join(words[:-1]),
        surname=surname,
        honours=honours,
        chair=chair,
        vice_chair=vice,
        presiding=presiding,
        substitute_for=substitute,
        role="; ".join(roles) or None,
    )


def people(text: str) -> tuple[ImportedPerson, ...]:
    """Every person of one list's text (after "PRESENT:"); honours after a comma join the name before."""
    entries: list[str] = []
    for part in split_top(text.strip().rstrip("."), _SEPARATORS):
        if entries and all(_HONOURS.match(w) for w in part.split("(")[0].split()) and part[:1].isupper():
            entries[-1] = f"{entries[-1]} {part}"
        else:
            entries.append(part)
    return tuple(person(e) for e in entries if any(ch.isalpha() for ch in e))
